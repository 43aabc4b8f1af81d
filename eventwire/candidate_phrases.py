"""What a candidate event's words say, read while :class:`eventwire.pipeline.Pipeline` builds its
record: whether a role's words name anyone or only ground, whom a linked act befell, the trigger's
full word, whether it is plural, what act a charge condemns, whether the event's place says whose
people an implied recipient is.

Small readings of the parse the pipeline asks for field by field; kept out of
:mod:`eventwire.pipeline` so that it reads as the stages it wires.
"""
from __future__ import annotations

from typing import Optional

from eventwire.events.candidate import Candidate
from eventwire.events.condemned import act_family
from eventwire.events.context import ArticleContext
from eventwire.events.place_phrases import PLACE_NOUNS
from eventwire.events.triggers import hyphen_start
from eventwire.model import Party, Place, Span
from eventwire.reasons import PlaceReason


def says_whose(implied: Party, location: Place, place_reason: Optional[PlaceReason]) -> bool:
    """Whether the event's place, named in its own sentence, is the words that say whose people an
    implied recipient is ("aid to Somalia", "troops sent to Kuwait"): the span then points at them. A
    government is named by its country, not by a town in it ("protests in Nairobi" address Kenya's)."""
    return place_reason is not None and place_reason.in_sentence \
        and location.country == implied.country and (implied.sector != "GOV" or location.precision == "country")


def names_no_one(ctx: ArticleContext, head) -> bool:
    """No words for a party in that role, or only words for a thing ("rubber bullets were used to
    disperse", "contribute $1 million for relief efforts"): a pronoun or a name is someone."""
    return head is None or (head.pos_ not in ("PRON", "PROPN") and not ctx.actors.names_party(head))


def names_ground(ctx: ArticleContext, head) -> bool:
    """The phrase names a place ("Jarablus", "the town of Palmyra", "rebel-held areas"), not people."""
    return head is not None and (head.i in ctx.place_at or head.lemma_.lower() in PLACE_NOUNS)


def plural(trig) -> bool:
    """Told by a plural noun, itself or the one it names ("terror attacks", "bombing campaigns")."""
    noun = trig.head if trig.dep_ == "compound" and trig.head.pos_ == "NOUN" else trig
    return noun.tag_ in ("NNS", "NNPS")


def word_span(trig, lemma: str) -> Span:
    """The trigger's text: the whole word where the tokenizer split it at a hyphen ("sit-in")."""
    first = (hyphen_start(trig) if "-" in lemma else None) or trig
    end = trig.idx + len(trig.text)
    return Span(trig.doc[first.i:trig.i + 1].text, first.idx, end)


def condemned_act(cand: Candidate, recipient: Optional[Party], codebook) -> Optional[str]:
    """The family of the act a charge with no party named condemns ("condemned the strike"), if any."""
    if cand.type != "ACCUSE" or recipient is not None:
        return None
    return act_family(cand.recipient_head, codebook)


def victims(ctx: ArticleContext, cand: Candidate) -> Optional[Party]:
    """Who a linked act befell when the trigger names no one ("ambushed vehicles ..., killing nine passengers")."""
    heads = [o.recipient_head for o in cand.linked if o.recipient_head is not None and o.recipient_head is not cand.recipient_head]
    return next((v for v in (ctx.actors.code_as_named(h) for h in heads) if v is not None), None)
