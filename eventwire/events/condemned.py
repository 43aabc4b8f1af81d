"""Whom a condemnation of an act is aimed at: "the government condemned the attack" charges whoever
carried out the attack the article told before it (PLOVER ACCUSE, the actor of the act as the
recipient), as a coder reading the whole story would code it."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from eventwire.dedup.coded import Coded
from eventwire.events.codebook import Codebook
from eventwire.model import is_implied

CONDEMNED_TYPES = {"ASSAULT", "COERCE"}
LAUNCHES = {"launch", "test", "firing"}  # "condemned the launches": missiles fired, whether at a target or in a test
SHOWN_FORCE = CONDEMNED_TYPES | {"MOBILIZE"}


def act_family(noun: Any, codebook: Codebook) -> Optional[str]:
    """The family of the violent act a noun names ('the strike' -> "strike", 'the bombing'), if any;
    "launch" for missiles launched ('the launches', 'the test')."""
    if noun is None or noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() in LAUNCHES:
        return "launch"
    return next((t.family for t in codebook.by_word.get(noun.lemma_.lower(), ())
                 if t.type in CONDEMNED_TYPES and "NOUN" in t.pos), None)


def names_an_act(noun: Any, codebook: Codebook) -> bool:
    """'the attack', 'the strike', 'the bombing': a noun the codebook reads as a violent act."""
    return act_family(noun, codebook) is not None


def blame_the_doers(coded: list[Coded]) -> None:
    """Give each condemnation of an act with no one named the actor of the latest act of force
    told before it whose actor the text names, the latest of the same family ("the strike": a strike,
    however told) first: "condemned both the attack on Erbil and the U.S. strike" then "called the strike ..."."""
    for c in coded:
        if not c.condemns_act or c.event.recipient is not None:
            continue
        types = SHOWN_FORCE if c.condemns_act == "launch" else CONDEMNED_TYPES
        acts = [k for k in reversed(coded) if k.event.type in types
                and k.event.evidence.start < c.event.evidence.start
                and k.event.actor is not None and not is_implied(k.event.actor)]
        act = next((k for k in acts if c.condemns_act in k.families()), None) or next(iter(acts), None)
        if act is not None and (doer := act.event.actor) is not None:
            c.event.recipient = replace(doer, why=f"who did the act condemned ('{act.event.evidence.trigger.text}'): {doer.why}")
