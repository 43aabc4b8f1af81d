"""What a party says it is open or ready to do with others: an offer (PLOVER AGREE, "express
willingness to meet or negotiate, offer help"): "remained open to dialogue", "stood ready to
help", "was ready for talks", "is willing to mediate". Not readiness for force ("ready to
retaliate" is a threat, read in :mod:`eventwire.events.promises`), nor where the act it is ready
for is a trigger of its own ("ready to host talks": the hosting, announced, is the offer).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.events.addressees import pobj
from eventwire.events.candidate import Candidate
from eventwire.events.codebook import Trigger
from eventwire.events.modality import negated

WILLING_TRIGGER = Trigger("ready to talk", ("ADJ",), "AGREE", None, "agree", {})
WILLING = {"open", "ready", "willing", "prepared"}
# what a party is open or ready for that is an offer: talks, help
TALKS = {"talk", "dialogue", "negotiation", "mediation", "discussion", "contact", "compromise", "meeting",
         "cooperation", "help", "assistance", "support"}
# what a party is ready to do that is an offer
HELPING = {"help", "assist", "talk", "negotiate", "mediate", "meet", "sit", "cooperate", "engage", "discuss",
           "facilitate", "work", "resume", "return", "contribute", "travel", "broker", "listen"}
BEING = {"be", "remain", "stand", "stay", "appear", "seem"}
# who makes offers: the sides of politics and conflict, not a hospital ready to help the wounded
SIDES = {"GOV", "MIL", "REB", "IGO", "OPP", "PTY", "COP", "JUD", "LEG", "NGO", "SPY"}


def willing_offers(sent, coder, told: set[int]) -> list[Candidate]:
    """Offers read from the adjectives of willingness in ``sent``; ``told`` holds the token indexes
    of the sentence's triggers already read (an act that is a trigger is read as an announced act)."""
    out = []
    for tok in sent:
        if tok.lower_ not in WILLING or tok.pos_ != "ADJ" or negated(tok):
            continue
        offered = _offered(tok)
        if offered is None or offered.i in told:
            continue
        party = _who(tok)
        if party is None or not _a_side(party, coder):
            continue
        out.append(Candidate(tok, WILLING_TRIGGER, "AGREE", None, "agree", party, _with_whom(offered, coder)))
    return out


def _offered(adj: Token) -> Optional[Token]:
    """The talks or help the adjective is open or ready for ("open to dialogue", "ready to help")."""
    talks = pobj(adj, {"to", "for"})
    if talks is not None and talks.lemma_.lower() in TALKS:
        return talks
    return next((c for c in adj.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in HELPING), None)


def _a_side(party: Token, coder) -> bool:
    coded = coder.code(party) if party.pos_ == "PRON" or coder.names_party(party) else None
    return coded is not None and (coded.sector in SIDES or (coded.sector is None and party.pos_ == "PRON"))


def _who(adj: Token) -> Optional[Token]:
    """Who is open or ready: the subject of the verb the adjective completes ("Ankara stood ready")."""
    verb = adj.head
    if adj.dep_ not in ("acomp", "oprd", "advmod", "xcomp", "attr") or verb.lemma_.lower() not in BEING:
        return None
    if negated(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _with_whom(offered: Token, coder) -> Optional[Token]:
    """'open to dialogue with all political actors': the other side named after 'with'."""
    other = pobj(offered, {"with", "between"})
    return other if other is not None and coder.names_party(other) else None
