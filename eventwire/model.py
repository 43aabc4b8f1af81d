"""Typed records of eventwire: articles, annotations and events.

This module imports nothing of ours. Every record has ``to_dict`` producing the
shape described in EVENT-CONTRACT.md; unknown values are ``None``, never ``""``.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SECTORS = ("GOV", "MIL", "REB", "COP", "JUD", "SPY", "OPP", "CVL", "IGO", "NGO", "MED", "REF",
           "BUS", "LEG", "EDU", "HLH", "PTY", "CRM")
# 'country' codes of parties that are no country: international bodies (the UN and the EU included,
# as the event contract's example and CAMEO's first three letters have it) and international NGOs
NO_COUNTRY_CODES = frozenset({"IGO", "NGO"})
CERTAINTIES = ("asserted", "claimed", "alleged", "reported", "denied", "hypothetical")
QUANTITY_KINDS = ("killed", "wounded", "killed_or_wounded", "casualties", "captured", "arrested",
                  "detained", "displaced", "troops", "fighters", "civilians", "released")
APPROX = ("exact", "about", "over", "under", "up_to")


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if v == "" else v) for k, v in d.items()}


@dataclass
class Article:
    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None  # ISO date
    origin: Optional[str] = None  # file path (and line) the article came from

    def meta(self) -> dict[str, Any]:
        return _clean({"id": self.id, "title": self.title, "url": self.url, "source": self.source,
                       "published": self.published})


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Party:
    """An actor, recipient or source as coded: text span plus country and sector."""
    text: str
    start: int
    end: int
    name: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    why: Optional[str] = None  # how the coding was reached, for analysts
    refers_to: Optional[str] = None  # the words a pronoun stands for ("He" -> "Interior Minister Ivica Dacic")

    def to_dict(self) -> dict[str, Any]:
        return _clean(asdict(self))


IMPLIED = "implied:"  # the reason a party no words name starts with (the coder supplied it)


def is_implied(party: "Party | dict[str, Any] | None") -> bool:
    """Whether a party (a record's dict or a :class:`Party`) is one the coder supplied, not the text."""
    why = party.get("why") if isinstance(party, dict) else getattr(party, "why", None)
    return str(why or "").startswith(IMPLIED)


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: Optional[str] = None
    geonameid: Optional[int] = None
    country: Optional[str] = None  # ISO3
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    precision: Optional[str] = None  # place | admin2 | admin1 | country (events); continent, demonym (article places only)
    feature: Optional[str] = None  # city | admin1 | country
    score: Optional[float] = None
    why: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return _clean(asdict(self))


@dataclass
class TimeExpr:
    text: Optional[str]
    start_char: Optional[int]
    end_char: Optional[int]
    timex: Optional[str] = None  # TimeML value: 2025-01-07, 2025-01, 2025-W02, 2024-SU, 2024, P3D
    start: Optional[str] = None  # ISO date
    end: Optional[str] = None
    precision: Optional[str] = None  # day | week | month | season | year
    source: str = "text"  # text | story (an undated act: the day the lead tells) | published (fallback to publication date)

    def to_dict(self) -> dict[str, Any]:
        return _clean({"text": self.text, "start_char": self.start_char, "end_char": self.end_char,
                       "timex": self.timex, "start": self.start, "end": self.end,
                       "precision": self.precision, "source": self.source})

    def to_when(self) -> dict[str, Any]:
        return _clean({"text": self.text, "start": self.start, "end": self.end,
                       "precision": self.precision, "timex": self.timex, "source": self.source,
                       "start_char": self.start_char, "end_char": self.end_char})


@dataclass
class Quantity:
    kind: Optional[str]
    value: int
    approx: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _clean(asdict(self))


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: Span
    mentions: list[Span] = field(default_factory=list)  # other sentences stating the same event
    linked: list[Span] = field(default_factory=list)  # other words of the sentence that state it ("attacks ... shot")

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end,
                "trigger": asdict(self.trigger), "linked": [asdict(t) for t in self.linked],
                "mentions": [asdict(m) for m in self.mentions]}


@dataclass
class Event:
    article: Article
    type: str
    mode: Optional[str]
    acled: Optional[dict[str, str]]
    actor: Optional[Party]
    recipient: Optional[Party]
    location: Optional[Place]
    when: Optional[TimeExpr]
    quantities: list[Quantity]
    reported_by: Optional[Party]
    certainty: str
    evidence: Evidence
    confidence: float
    coder: dict[str, str]

    @property
    def id(self) -> str:
        key = f"{self.article.id}|{self.type}|{self.evidence.trigger.start}|{self.evidence.trigger.end}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article.meta(),
            "type": self.type,
            "mode": self.mode,
            "acled": self.acled,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "location": self.location.to_dict() if self.location else None,
            "when": self.when.to_when() if self.when else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "certainty": self.certainty,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


@dataclass
class Annotations:
    """Every layer the pipeline found in one article (the `annotate` view)."""
    article: Article
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    actors: list[Party] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.meta(),
                "places": [p.to_dict() for p in self.places],
                "times": [t.to_dict() for t in self.times],
                "actors": [a.to_dict() for a in self.actors],
                "quantities": [q.to_dict() for q in self.quantities]}
