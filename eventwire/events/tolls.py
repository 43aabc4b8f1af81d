"""Casualties counted in a sentence of their own: by those who treat them ("a nurse said the health
centre had received more than 40 wounded", "23 wounded people had been brought in"), or as a bare
count ("it said more than 30 were wounded", "six militiamen ... died"). The sentence tells no act;
the count is the toll of the attack told just before it, as a coder reads it."""
from __future__ import annotations

from typing import Optional

from eventwire.dedup.coded import Coded
from eventwire.events import quantities as quantities_mod
from eventwire.events.already_told import TOLL_NOUNS  # "put the toll at 11 dead"
from eventwire.events.modality import negated
from eventwire.model import Quantity

WOUNDED_WORDS = {"wounded", "injured", "hurt"}
DEATH_VERBS = {"die", "perish"}
# the kind of casualty a passive verb counts in its subject ("more than 30 were wounded")
PASSIVE_CASUALTY = {"kill": "killed", "wound": "wounded", "injure": "wounded", "hurt": "wounded"}
TOLL_WORDS = {"dead": "killed", "killed": "killed", **{w: "wounded" for w in WOUNDED_WORDS}}  # "11 dead, 8 wounded"
INTAKE_VERBS = {"receive", "admit", "treat", "bring", "take", "evacuate", "transfer"}
ATTACK_TYPES = {"ASSAULT"}
CASUALTY_KINDS = {"killed", "wounded"}
REACH = 3  # sentences back to the attack a count may belong to


def intake_counts(sent) -> list[Quantity]:
    """The counts of wounded people a sentence says were received, admitted or treated, and of
    people it says died or were killed or wounded ("six militia members and an unknown number of
    militants died", "more than 50 others had been wounded")."""
    out = [q for q in (_casualties(tok) for tok in sent) if q is not None]
    if any(t.lemma_.lower() in TOLL_NOUNS for t in sent):
        out += [q for q in (_toll_figure(tok) for tok in sent) if q is not None]
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


def _toll_figure(tok) -> Optional[Quantity]:
    """'put the toll at 11 dead and at least eight wounded': a figure of a toll, its kind the word
    it counts."""
    kind = TOLL_WORDS.get(tok.lower_)
    if kind is None or not any(c.dep_ == "nummod" for c in tok.children):
        return None
    q = quantities_mod.count_in(tok)
    if q is not None:
        q.kind = kind
    return q


def _casualties(tok) -> Optional[Quantity]:
    """The count a death verb takes as subject ("six militia members ... died"), as killed, or a
    passive casualty verb ("30 were wounded"), as its kind; not a part of people already counted
    ("several of the wounded had died")."""
    verb = tok.head
    if verb.pos_ != "VERB" or negated(verb):
        return None
    if tok.dep_ == "nsubj" and verb.lemma_.lower() in DEATH_VERBS:
        kind = "killed"
    elif tok.dep_ == "nsubjpass" and verb.lemma_.lower() in PASSIVE_CASUALTY:
        kind = PASSIVE_CASUALTY[verb.lemma_.lower()]
    else:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
        return None
    q = quantities_mod.count_in(tok)
    if q is not None:
        q.kind = kind
    return q


def unclaimed_counts(counts: list[Quantity], built: list[Coded]) -> list[Quantity]:
    """The counts a sentence's own attacks did not take: all of them where it told no event, none
    where it told no attack (a charge or a denial owns its counts), else the casualty kinds none
    of them counts."""
    if not built:
        return counts
    attacks = [c.event for c in built if c.event.type in ATTACK_TYPES]
    if not attacks:
        return []
    kinds = {q.kind for e in attacks for q in e.quantities}
    starts = {q.start for e in attacks for q in e.quantities}
    return [q for q in counts if q.kind in CASUALTY_KINDS and q.kind not in kinds and q.start not in starts]


def add_intake_tolls(body: list[Coded], counted: list[tuple[int, int, list[Quantity]]],
                     sentence_of: dict[int, int]) -> None:
    """Give each sentence's counts (sentence index, start, counts) to the latest attack told in the
    ``REACH`` sentences before it, those of kinds it has no count of its own ("four bodies and 17
    wounded" after "killing at least eight": the wounded)."""
    for index, start, counts in counted:
        attack = _latest_attack(body, index, start, sentence_of)
        if attack is None:
            continue
        had = {q.kind for q in attack.event.quantities}
        attack.event.quantities.extend(q for q in counts if q.kind not in had)


def _latest_attack(body: list[Coded], index: int, start: int, sentence_of: dict[int, int]) -> Optional[Coded]:
    for c in reversed(body):
        told = sentence_of.get(c.event.evidence.start)
        if c.event.evidence.start >= start or told is None or index - told > REACH:
            continue
        if c.event.type in ATTACK_TYPES and not c.reference:
            return c
    return None
