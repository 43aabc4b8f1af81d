"""Reciprocal acts: "Armenia and Azerbaijan accused each other of opening fire", "the two countries
summoned each other's ambassadors", "traded accusations". Each side did the act to the other, so a coder records two
events, one in each direction (PLOVER and ACLED code dyads, and "each other" names no party)."""
from __future__ import annotations

from dataclasses import replace

from eventwire.events.candidate import Candidate

RECIPROCALS = {("each", "other"), ("one", "another")}
TRADING_VERBS = {"trade", "exchange"}  # "traded accusations", "exchanged threats": each made them to the other


def each_other(tok) -> bool:
    """'each other', 'one another', and a noun they own ("each other's ambassadors")."""
    if tok is None:
        return False
    if tok.lower_ in ("other", "another") and any((c.lower_, tok.lower_) in RECIPROCALS for c in tok.children):
        return True
    return any(c.dep_ == "poss" and each_other(c) for c in tok.children)


EACH_ITS_OWN = {"SANCTION", "COERCE", "MOBILIZE"}  # "X and Y recalled their ambassadors": each recalled its own


def each_its_own(cand: Candidate) -> bool:
    """'Thailand and Cambodia recalled their ambassadors', 'closed their shared border': a measure
    each side took against the other, not one taken together."""
    recipient = cand.recipient_head
    return cand.type in EACH_ITS_OWN and recipient is not None \
        and any(t.lower_ == "their" and t.dep_ == "poss" for t in recipient.subtree)


def both_ways(cands: list[Candidate]) -> list[Candidate]:
    """Each candidate done to "each other" by two coordinated sides, as one candidate per direction;
    so is a measure each side took against the other ("recalled their ambassadors")."""
    out: list[Candidate] = []
    for cand in cands:
        first = cand.actor_head
        second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
        traded = cand.trigger.dep_ == "dobj" and cand.trigger.head.lemma_ in TRADING_VERBS and cand.recipient_head is None
        if second is None or not (traded or each_other(cand.recipient_head) or each_its_own(cand)):
            out.append(cand)
            continue
        out += [replace(cand, recipient_head=second), replace(cand, actor_head=second, recipient_head=first)]
    return out
