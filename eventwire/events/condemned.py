"""Whom a condemnation of an act is aimed at: "the government condemned the attack" charges whoever
carried out the attack the article told before it (PLOVER ACCUSE, the actor of the act as the
recipient), as a coder reading the whole story would code it."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.dedup.within import Coded
from eventwire.events.codebook import Codebook
from eventwire.model import is_implied

CONDEMNED_TYPES = {"ASSAULT", "COERCE"}


def names_an_act(noun: Any, codebook: Codebook) -> bool:
    """'the attack', 'the strike', 'the bombing': a noun the codebook reads as a violent act."""
    return noun is not None and noun.pos_ == "NOUN" and any(
        t.type in CONDEMNED_TYPES and "NOUN" in t.pos for t in codebook.by_word.get(noun.lemma_.lower(), ()))


def _told_by(act: Coded, noun: str) -> bool:
    """The act was told by the noun, or by the verb of that noun ("struck" for "the strike")."""
    words = {act.event.evidence.trigger.text.lower(), *(t.text.lower() for t in act.event.evidence.linked)}
    return any(w.startswith(noun[:5]) for w in words)


def blame_the_doers(coded: list[Coded]) -> None:
    """Give each condemnation of an act with no one named the actor of the latest act of force
    told before it whose actor the text names, the latest told by the same noun ("the strike")
    first: "condemned both the attack on Erbil and the U.S. strike" then "called the strike ..."."""
    for c in coded:
        if not c.condemns_act or c.event.recipient is not None:
            continue
        acts = [k for k in reversed(coded) if k.event.type in CONDEMNED_TYPES
                and k.event.evidence.start < c.event.evidence.start
                and k.event.actor is not None and not is_implied(k.event.actor)]
        act = next((k for k in acts if _told_by(k, c.condemns_act)), None) or next(iter(acts), None)
        if act is not None and (doer := act.event.actor) is not None:
            c.event.recipient = replace(doer, why=f"who did the act condemned ('{act.event.evidence.trigger.text}'): {doer.why}")
