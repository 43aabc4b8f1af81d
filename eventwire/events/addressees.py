"""Whom an act is addressed to or aimed at when its own object does not say: a statement's,
demand's or offer's addressee ("demanded that the US cancel ...", "appealed to Beijing"), the party a
threat's condition names, whom a protest's purpose names, and the first phrase under a word that
names a party. Phrase helpers (``child``, ``pobj``) shared with :mod:`eventwire.events.roles`; who
speaks a clause (``subject``, ``speaks``), shared by the readers of what is said
(:mod:`eventwire.events.statements`, :mod:`eventwire.events.warnings`).
"""
from __future__ import annotations

from itertools import islice
from typing import Optional

from spacy.tokens import Token

RECIPIENT_PREPS = ("with", "to", "against", "on", "at", "into", "toward", "towards")
PLACE_TARGET_TYPES = {"CONCEDE", "SANCTION", "AID"}  # "lifted the curfew in Montenegro": the place is the target


def child(tok, deps: tuple[str, ...]):
    return next((c for c in tok.children if c.dep_ in deps), None)


def dated_phrase(prep) -> bool:
    """'on Tuesday', 'in March': a preposition whose object is a date or a time."""
    return prep.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def pobj(tok, preps: set[str]):
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = child(c, ("pobj",))
            if obj is not None:
                return obj
    return None


def party_in(head, coder, depth: int = 3, itself: bool = True):
    """The first phrase under ``head`` that names a party: "an admission by Moscow" -> Moscow;
    with ``itself`` False, only a phrase it governs ("the threats made by the US")."""
    if head is None or coder is None:
        return None
    if itself and coder.names_party(head):
        return head
    if depth == 0:
        return None
    for c in head.children:
        if c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN" and coder.names_party(c):
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from", "for", "with", "into", "against", "to", "on"):
            found = party_in(child(c, ("pobj",)), coder, depth - 1)
            if found is not None:
                return found
        if (c.dep_ == "acl" and c.tag_ == "VBN") or (c.dep_ == "conj" and c.pos_ == "NOUN"):
            # "the threats made by the US"; "the act of aggression and the threats made by the US"
            found = party_in(c, coder, depth - 1, itself=False)
            if found is not None:
                return found
    return None


def diplomatic_recipient(tok, coder, type_: str):
    """Who a statement, demand, offer or decision is aimed at."""
    for c in tok.children:
        if c.dep_ == "ccomp":  # "demanded that the US cancel ..."
            subj = child(c, ("nsubj", "nsubjpass"))
            if subj is not None and coder.names_party(subj):
                return subj
    for c in tok.children:
        if c.dep_ in ("dobj", "dative"):
            found = party_in(c, coder)
            if found is not None:
                return found
    preps = RECIPIENT_PREPS + (("in",) if type_ in PLACE_TARGET_TYPES else ())
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            found = party_in(child(c, ("pobj",)), coder)
            if found is not None:
                return found
    doing = child(tok, ("xcomp",))  # "offered to hand over the suspects to Britain": whom the act offered is for
    return diplomatic_recipient(doing, coder, type_) if doing is not None and doing.pos_ == "VERB" else None


CONDITION_MARKS = {"unless", "if", "until"}
CONDITION_CLIMB = 3  # "sanctions" <- "extend" <- "ready" <- "was": the clause a threatened act sits in


def condition_subject(tok, coder):
    """Who a threat's or a refusal's condition names: "threatened a strike unless Israel rescinded the
    annexation", "will stop talks if the United States deploys missiles", "will not end the strike
    until the government meets their demands" -- the party that must comply is whom it is aimed at
    (not a pronoun, which is mostly the speaker: "until he is satisfied")."""
    doing = child(tok, ("xcomp",))
    # and the clause it sits in: "was ready to extend its sanctions if the government continued ..."
    holders = list(islice(tok.ancestors, CONDITION_CLIMB)) if tok.dep_ in ("dobj", "xcomp", "acomp") else []
    for c in [*tok.children, *(doing.children if doing is not None else ()), *(g for a in holders for g in a.children)]:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            subj = child(c, ("nsubj", "nsubjpass"))
            if subj is not None and subj.pos_ != "PRON" and coder.names_party(subj):
                return subj
    return None


# a protest held to mark an occasion: what it marks is a day or a memory, no party it is aimed at
MARKING_VERBS = {"mark", "commemorate", "celebrate", "honour", "honor", "remember", "observe", "mourn"}


def protested_party(tok, coder):
    """Whom a protest's purpose names: "a hunger strike to demand the resignation of President Ben
    Bella", "blocked a road to show their disapproval of the United States' policies" (not "to mark
    the anniversary of ...")."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "pobj") else tok
    verb = verb.head if verb.dep_ == "prep" else verb
    purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if purpose is None or purpose.lemma_.lower() in MARKING_VERBS:
        return None
    return diplomatic_recipient(purpose, coder, "REQUEST")


def speaks(speaker, coder) -> bool:
    """A party, or a named person the actor tables do not know ("Campbell claimed ...")."""
    return coder.code(speaker) is not None or speaker.pos_ == "PROPN" or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in speaker.children)  # "Ivin's lawyer, Paul Kemp, insisted"


def subject(verb) -> Optional[Token]:
    """The verb's subject, or the one it shares with the verb it is joined to ("yelled ... and
    claimed")."""
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "yelled ... and claimed"; "responded within hours, saying that ...": the participle's subject is its head's
    if own is None and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG") or purpose_of(verb)) \
            and verb.head.pos_ == "VERB":  # "returned to the screen on Tuesday to warn that ...": who returned
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return own


def purpose_of(verb) -> bool:
    """A to-infinitive that says what its head's subject did it for ("went on television to warn")."""
    return verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
