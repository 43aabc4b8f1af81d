"""Reasons as codes: the program branches on these members, never on their wording.

Each member's value is the sentence an analyst reads in a record's ``why``; rewording it changes
no decision. (The ground floor: imports nothing of ours.)
"""
from __future__ import annotations

from enum import Enum


class PlaceReason(Enum):
    """Why a place is the event's place (``ArticleContext.locate``), most trusted first."""

    CLAUSE = "attached to the event's clause"
    ANAPHOR = "the place the event's clause refers back to"
    ACTED_ON = "names what the event acted on"
    SENTENCE = "named in the same sentence"
    PARAGRAPH = "named in the same paragraph"
    PREVIOUS_EVENT = "where the story's previous event happened"
    MAIN_PLACE = "the article's main place"
    SEAT = "the seat of government of the side that acted, where such an act is done"

    @property
    def text(self) -> str:
        return self.value

    @property
    def in_sentence(self) -> bool:
        """Read off the event's own sentence (the rest are inherited from the story)."""
        return self in (PlaceReason.CLAUSE, PlaceReason.ANAPHOR, PlaceReason.ACTED_ON, PlaceReason.SENTENCE)

    @property
    def inherited(self) -> bool:
        return not self.in_sentence
