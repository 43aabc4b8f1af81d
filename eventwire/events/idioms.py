"""What a verb's company says it means: "break up" a blockade is no "break" of it, soldiers "sent
fleeing" (or "sent to hell") were not deployed, a party that "handed over their weapons" surrendered. Read by
:mod:`eventwire.events.triggers` when it types a trigger."""
from __future__ import annotations

from spacy.tokens import Token

SENT_RUNNING = {"flee", "run", "scramble", "scatter", "scurry", "rush", "race"}
ARMS = {"weapon", "arms", "gun", "rifle", "ammunition"}
OWNERS = {"their", "its", "his"}
AFTERLIFE = {"hell", "grave", "death", "paradise", "heaven", "maker"}


def phrasal(verb: Token) -> str:
    """A verb's lemma with its particle ("break up" a blockade is no "break" of one)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def sent_running(tok: Token) -> bool:
    """'sent thousands fleeing', 'sending soldiers running for cover': a participle of flight on the
    verb or on its object."""
    near = [*tok.children, *(g for o in tok.children if o.dep_ == "dobj" for g in o.children)]
    return any(c.tag_ == "VBG" and c.lemma_.lower() in SENT_RUNNING for c in near)


def sent_to_their_deaths(tok: Token) -> bool:
    """'the raiders were "sent to hell"', 'sent them to their graves': killed, as a boast; the
    killing is the fight's, told elsewhere, and nobody was deployed."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in AFTERLIFE for g in c.children)
               for c in tok.children)


def own_arms_given_up(tok: Token) -> bool:
    """'handed over their weapons': a party giving up its own arms surrenders (not "handed over
    weapons to the rebels", which is aid)."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ARMS and any(p.dep_ == "poss" and p.lower_ in OWNERS
                                                                   for p in c.children) for c in tok.children)
