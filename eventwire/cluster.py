"""Cross-article deduplication: is a newly coded event the same real-world event as a stored one?

Ten outlets reporting one strike give ten coded events. Two of them are the same event when
they have the same PLOVER type and their other evidence agrees:

* **place** — both located within ``radius_km`` of each other (or one is a division/country that
  contains the other); different countries never merge;
* **date** — their date ranges overlap, allowing ``slack_days`` for "overnight", time zones and
  next-day reporting; an undated event uses its article's publication date;
* **parties** — actor and recipient countries agree where both are known (a Russian strike on
  Ukraine and a Ukrainian strike on Russia on the same day are two events); a sector clash
  (civilians vs soldiers as the victims) lowers the score;
* **wording** — the evidence sentences share content words (token-set similarity).

A merge also needs positive evidence: a shared place, or an actor or recipient known on both
sides and agreeing.
Hard conflicts veto a merge; otherwise a weighted score is compared with ``threshold``. Every
decision carries its reasons, which ``eventwire why`` shows. Functions here take contract records
(dicts) so the database, the CLI and Spark share them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from rapidfuzz import fuzz

from .dedup import haversine_km

WEIGHTS = {"place": 0.30, "date": 0.25, "parties": 0.25, "wording": 0.20}
BROAD_PRECISIONS = ("admin1", "country")


@dataclass(frozen=True)
class DedupConfig:
    radius_km: float = 50.0
    slack_days: int = 1
    threshold: float = 0.55


@dataclass
class Match:
    score: float
    vetoed: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def why(self) -> str:
        return f"score {self.score:.2f}: " + "; ".join(self.reasons)


def date_range(record: dict[str, Any]) -> tuple[Optional[str], Optional[str]]:
    """The event's date range, or its article's publication date when the text gave none."""
    when = record.get("when") or {}
    if when.get("start"):
        return when["start"], when.get("end") or when["start"]
    published = (record.get("article") or {}).get("published")
    return published, published


def shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _place(a: Optional[dict], b: Optional[dict], cfg: DedupConfig) -> tuple[Optional[float], str]:
    if not a or not b or a.get("lat") is None or b.get("lat") is None:
        return 0.5, "place unknown on one side"
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return None, f"different countries ({a['country']} vs {b['country']})"
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return 1.0, f"same place ({a.get('name')})"
    broad = [p for p in (a, b) if p.get("precision") in BROAD_PRECISIONS]
    if broad:
        wide, narrow = (a, b) if a in broad else (b, a)
        if wide.get("precision") == "country" or (wide.get("admin1") and wide.get("admin1") == narrow.get("admin1")):
            return 0.6, f"{narrow.get('name')} lies in {wide.get('name')}"
    km = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    if km > cfg.radius_km:
        return None, f"{a.get('name')} and {b.get('name')} are {km:.0f} km apart (> {cfg.radius_km:.0f})"
    return 1.0 - 0.5 * km / cfg.radius_km, f"{a.get('name')} and {b.get('name')} are {km:.0f} km apart"


def _date(a: dict, b: dict, cfg: DedupConfig) -> tuple[Optional[float], str]:
    (s1, e1), (s2, e2) = date_range(a), date_range(b)
    if not s1 or not s2:
        return 0.5, "date unknown on one side"
    if s1 <= e2 and s2 <= e1:
        return 1.0, f"dates overlap ({s1}..{e1} / {s2}..{e2})"
    if shift(s1, -cfg.slack_days) <= e2 and s2 <= shift(e1, cfg.slack_days):
        return 0.7, f"dates within {cfg.slack_days} day(s)"
    return None, f"dates apart ({s1}..{e1} vs {s2}..{e2})"


def _party(role: str, a: Optional[dict], b: Optional[dict]) -> tuple[Optional[float], str]:
    if not a or not b:
        return 0.5, f"{role} known on one side only"
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return None, f"{role}s differ ({a['country']} vs {b['country']})"
    if a.get("sector") and b.get("sector") and a["sector"] != b["sector"]:
        return 0.2, f"{role} sectors differ ({a['sector']} vs {b['sector']})"
    if a.get("country") or a.get("sector"):
        return 1.0, f"{role}s agree ({a.get('country') or '?'}/{a.get('sector') or '?'})"
    return 0.5, f"{role}s uncoded"


def _wording(a: dict, b: dict) -> tuple[float, str]:
    s = fuzz.token_set_ratio(a["evidence"]["sentence"].lower(), b["evidence"]["sentence"].lower()) / 100.0
    return s, f"wording similarity {s:.2f}"


def compare(a: dict[str, Any], b: dict[str, Any], cfg: DedupConfig = DedupConfig()) -> Match:
    """How strongly two coded events (contract records) look like one real-world event."""
    if a["type"] != b["type"]:
        return Match(0.0, True, [f"different types ({a['type']} vs {b['type']})"])
    if a["article"].get("id") is not None and a["article"] == b["article"]:
        return Match(0.0, True, ["same article (merged there already if it was one event)"])
    parts: dict[str, float] = {}
    reasons: list[str] = []
    place, why = _place(a.get("location"), b.get("location"), cfg)
    reasons.append(why)
    date, why = _date(a, b, cfg)
    reasons.append(why)
    actor, why_a = _party("actor", a.get("actor"), b.get("actor"))
    recipient, why_r = _party("recipient", a.get("recipient"), b.get("recipient"))
    reasons += [why_a, why_r]
    if None in (place, date, actor, recipient):
        return Match(0.0, True, [r for r, v in zip(reasons, (place, date, actor, recipient)) if v is None])
    place_known = all((r.get("location") or {}).get("lat") is not None for r in (a, b))
    if not place_known and actor < 1.0 and recipient < 1.0:
        # "the attack" with no place and half-known parties shares only a type and a date with
        # thousands of reports: too little to call it the same event
        return Match(0.0, True, reasons[:1] + ["neither a shared place nor an agreeing party"])
    parts["place"], parts["date"], parts["parties"] = place, date, (actor + recipient) / 2
    parts["wording"], why = _wording(a, b)
    reasons.append(why)
    score = sum(WEIGHTS[k] * v for k, v in parts.items())
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        score -= 0.05
        reasons.append(f"modes differ ({a['mode']} vs {b['mode']})")
    return Match(round(score, 3), False, reasons)


def best_match(record: dict[str, Any], candidates: list[dict[str, Any]],
               cfg: DedupConfig = DedupConfig()) -> tuple[Optional[dict[str, Any]], Optional[Match]]:
    """The stored event the record restates, if any scores at or above the threshold."""
    best, best_m = None, None
    for cand in candidates:
        m = compare(cand, record, cfg)
        if not m.vetoed and m.score >= cfg.threshold and (best_m is None or m.score > best_m.score):
            best, best_m = cand, m
    return best, best_m
