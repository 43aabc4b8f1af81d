"""A candidate event: a trigger token and what the rules read around it, before the pipeline
builds the event record (the contract between ``triggers``/``statements`` and ``pipeline``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from eventwire.events.codebook import Trigger


@dataclass
class Candidate:
    trigger: Token
    rule: Trigger
    type: str
    mode: Optional[str]
    family: str
    actor_head: Optional[Token] = None
    recipient_head: Optional[Token] = None
    theme_head: Optional[Token] = None  # what is moved or counted when it is neither side
    hypothetical: Optional[str] = None
    linked: list = field(default_factory=list)  # other triggers of the same event in the sentence
