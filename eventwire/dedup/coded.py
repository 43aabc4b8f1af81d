"""An event as the within-article merge sees it: the event and what its telling says about it
(its trigger family, why its place is its place, whether it refers back, is plural or background)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from eventwire.model import Event
from eventwire.reasons import PlaceReason


@dataclass
class Coded:
    event: Event
    family: str
    place_reason: Optional[PlaceReason] = None
    anaphoric: bool = False  # "the attack", "this strike": refers back to an event already told
    ongoing: bool = False  # told in the present progressive ("are being targeted"): goes on, undated
    reference: bool = False  # "days after the bombing", "an inquiry into the killings": named, not reported
    also: frozenset[str] = frozenset()  # families of the words it absorbed: "blew himself up, killing six"
    plural: bool = False  # told by a plural noun ("terror attacks", "bombing campaigns"): many acts or a pattern
    background: bool = False  # told in a clause that dates another ("weeks after M23 took control, ...")
    another: bool = False  # told as one more act ("also shelled a camp", "another attack")
    condemns_act: Optional[str] = None  # "condemned the strike": the act's family; a charge against whoever did it
    by_the_report: bool = False  # dated only by the statement that tells it ("said on Saturday its fighters had ...")
    retold: bool = False  # a witness's quoted "they shot everyone": the act told, in the witness's words
    asks: frozenset[str] = frozenset()  # what a request asks or a charge alleges ("to resume data sharing": resume, sharing)

    def families(self) -> frozenset[str]:
        return self.also | {self.family}


def inherited(reason: Optional[PlaceReason]) -> bool:
    """A place taken from the story around the event rather than its own sentence."""
    return reason is not None and reason.inherited

