"""Wounded counted by those who treat them, in a sentence of their own: "a nurse said the health
centre had received more than 40 wounded", "23 wounded people had been brought in". The sentence
tells no act; the count is the toll of the attack told just before it, as a coder reads it."""
from __future__ import annotations

from typing import Optional

from eventwire.dedup.within import Coded
from eventwire.events import quantities as quantities_mod
from eventwire.events.modality import negated
from eventwire.model import Quantity

WOUNDED_WORDS = {"wounded", "injured", "hurt"}
DEATH_VERBS = {"die", "perish"}
INTAKE_VERBS = {"receive", "admit", "treat", "bring", "take", "evacuate", "transfer"}
ATTACK_TYPES = {"ASSAULT"}
REACH = 3  # sentences back to the attack a count may belong to


def intake_counts(sent) -> list[Quantity]:
    """The counts of wounded people a sentence says were received, admitted or treated, and of
    people it says died ("six militia members and an unknown number of militants died")."""
    out = [q for q in (_died(tok) for tok in sent) if q is not None]
    if not any(t.lemma_.lower() in INTAKE_VERBS and t.pos_ == "VERB" for t in sent):
        return out
    for tok in sent:
        q = quantities_mod.count_in(tok)
        if q is None:
            continue
        near = [*tok.children, tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok]
        if tok.lower_ in WOUNDED_WORDS or any(t.lower_ in WOUNDED_WORDS for t in near):
            q.kind = "wounded"
            out.append(q)
    return out


def _died(tok) -> Optional[Quantity]:
    """The count a death verb takes as subject ("six militia members ... died"), as killed; not a
    part of people already counted ("several of the wounded had died")."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in DEATH_VERBS or tok.head.pos_ != "VERB" or negated(tok.head):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
        return None
    q = quantities_mod.count_in(tok)
    if q is not None:
        q.kind = "killed"
    return q


def add_intake_tolls(body: list[Coded], counted: list[tuple[int, int, list[Quantity]]],
                     sentence_of: dict[int, int]) -> None:
    """Give each sentence's counts (sentence index, start, counts) to the latest attack told in the
    ``REACH`` sentences before it that has no count of those kinds of its own."""
    for index, start, counts in counted:
        attack = _latest_attack(body, index, start, sentence_of, {q.kind for q in counts})
        if attack is not None:
            attack.event.quantities.extend(counts)


def _latest_attack(body: list[Coded], index: int, start: int, sentence_of: dict[int, int],
                   kinds: set) -> Optional[Coded]:
    for c in reversed(body):
        told = sentence_of.get(c.event.evidence.start)
        if c.event.evidence.start >= start or told is None or index - told > REACH:
            continue
        if c.event.type in ATTACK_TYPES and not c.reference:
            return None if any(q.kind in kinds for q in c.event.quantities) else c
    return None
