"""Cross-article deduplication: is a newly coded event the same real-world event as a stored one?

Ten outlets reporting one strike give ten coded events. Two of them are the same event only when
everything the merge would claim is true of both records:

* **type** — the same PLOVER type and, where both have one, the same ACLED event type (a riot and a
  looting are never one event); different ACLED sub-event types lower the score;
* **country** — both are located and their places are in the same country: an event with no
  place has no known country and never merges (a placeless "five fighters were killed" from one
  story cannot lend its toll to a located strike from another);
* **place** — within ``radius_km`` of each other, or one is a division/country that contains the
  other — and then only with a party that agrees, since "somewhere in Sudan" alone is not a shared place;
* **date** — their date ranges overlap, allowing ``slack_days`` for "overnight", time zones and
  next-day reporting; an undated event uses its article's publication date, and with no date at all
  the events do not merge;
* **parties** — an actor or recipient agrees only when both sides name its country and the
  countries are equal (a party with no country is "unknown on one side", never agreeing); different
  countries veto (a Russian strike on Ukraine and a Ukrainian strike on Russia on the same day
  are two events); a sector clash (civilians vs soldiers as the victims) lowers the score;
* **wording** — the evidence sentences share content words (token-set similarity).

Hard conflicts veto a merge; otherwise a weighted score is compared with ``threshold``. Every
decision carries its reasons — each a statement about both records — which ``eventwire why`` shows.
A merged event's figures come only from its own mentions (``claims``): a toll joins an event from
another article only through a merge these rules allow. Functions here take contract records
(dicts) so the database, the CLI and Spark share them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from rapidfuzz import fuzz

from eventwire.geo import haversine_km
from eventwire.model import is_implied

WEIGHTS = {"place": 0.30, "date": 0.25, "parties": 0.25, "wording": 0.20}
BROAD_PRECISIONS = ("admin1", "country")
BROAD_SCORE = 0.6  # a place inside the other's division or country: weaker than a shared town
AGREE_COUNTRY = 0.8  # a party whose country (not sector) is known on both sides and equal
SUB_EVENT_PENALTY = 0.1  # "captured Walikale" and "clashed near Masisi": likelier two events than one


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


def event_country(record: dict[str, Any]) -> Optional[str]:
    """Where the event happened, as the country of its place; None when it has no place."""
    return (record.get("location") or {}).get("country")


def _place(a: dict, b: dict, cfg: DedupConfig) -> tuple[Optional[float], str]:
    """Both places are known and in one country (checked before); how close they are."""
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return 1.0, f"same place ({a.get('name')})"
    if a.get("lat") is None or b.get("lat") is None:
        return None, f"no coordinates on one side ({a.get('name')} / {b.get('name')})"
    broad = [p for p in (a, b) if p.get("precision") in BROAD_PRECISIONS]
    if broad:
        wide, narrow = (a, b) if a in broad else (b, a)
        if wide.get("precision") == "country" or (wide.get("admin1") and wide.get("admin1") == narrow.get("admin1")):
            return BROAD_SCORE, f"{narrow.get('name')} lies in {wide.get('name')}"
    km = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    if km > cfg.radius_km:
        return None, f"{a.get('name')} and {b.get('name')} are {km:.0f} km apart (> {cfg.radius_km:.0f})"
    return 1.0 - 0.5 * km / cfg.radius_km, f"{a.get('name')} and {b.get('name')} are {km:.0f} km apart"


def _date(a: dict, b: dict, cfg: DedupConfig) -> tuple[Optional[float], str]:
    (s1, e1), (s2, e2) = date_range(a), date_range(b)
    if not s1 or not s2:
        return None, "no date on one side (neither a date nor a publication date)"
    e1, e2 = e1 or s1, e2 or s2
    if s1 <= e2 and s2 <= e1:
        return 1.0, f"dates overlap ({s1}..{e1} / {s2}..{e2})"
    if shift(s1, -cfg.slack_days) <= e2 and s2 <= shift(e1, cfg.slack_days):
        return 0.7, f"dates within {cfg.slack_days} day(s)"
    return None, f"dates apart ({s1}..{e1} vs {s2}..{e2})"


def _party(role: str, a: Optional[dict], b: Optional[dict]) -> tuple[Optional[float], str]:
    """How a role's two parties compare; 'agree' only when both name the same country. A party no
    words name ("implied: ...") is unknown: the coder supplied it, the report did not say."""
    a, b = (None if is_implied(p) else p for p in (a, b))
    if not a or not b:
        return 0.5, f"{role} known on {'one side only' if a or b else 'neither side'}"
    ca, cb = a.get("country"), b.get("country")
    if ca and cb and ca != cb:
        return None, f"{role}s differ ({ca} vs {cb})"
    if not ca or not cb:
        return 0.5, f"{role} country unknown on one side ({ca or '?'} / {cb or '?'}): not agreeing"
    sa, sb = a.get("sector"), b.get("sector")
    if sa and sb and sa != sb:
        return 0.2, f"{role} sectors differ ({ca}/{sa} vs {cb}/{sb})"
    if sa and sb:
        return 1.0, f"{role}s agree ({ca}/{sa} on both sides)"
    return AGREE_COUNTRY, f"{role} countries agree ({ca} on both sides), sector known on {'one side' if sa or sb else 'neither'}"


def _wording(a: dict, b: dict) -> tuple[float, str]:
    s = fuzz.token_set_ratio(a["evidence"]["sentence"].lower(), b["evidence"]["sentence"].lower()) / 100.0
    return s, f"wording similarity {s:.2f}"


def compare(a: dict[str, Any], b: dict[str, Any], cfg: DedupConfig = DedupConfig()) -> Match:
    """How strongly two coded events (contract records) look like one real-world event."""
    if a["type"] != b["type"]:
        return Match(0.0, True, [f"different types ({a['type']} vs {b['type']})"])
    if a["article"].get("id") is not None and a["article"] == b["article"]:
        return Match(0.0, True, ["same article (merged there already if it was one event)"])
    kinds = [(r.get("acled") or {}).get("event_type") for r in (a, b)]
    if all(kinds) and kinds[0] != kinds[1]:  # the merged event's ACLED type would be false of one report
        return Match(0.0, True, [f"different ACLED event types ({kinds[0]} vs {kinds[1]})"])
    ca, cb = event_country(a), event_country(b)
    if not ca or not cb:
        return Match(0.0, True, [f"country unknown on one side ({ca or 'no place'} / {cb or 'no place'}):"
                                 " neither a shared place nor an agreeing party"])
    if ca != cb:
        return Match(0.0, True, [f"different countries ({ca} vs {cb})"])
    place, why_p = _place(a["location"], b["location"], cfg)
    date, why_d = _date(a, b, cfg)
    actor, why_a = _party("actor", a.get("actor"), b.get("actor"))
    recipient, why_r = _party("recipient", a.get("recipient"), b.get("recipient"))
    reasons = [f"same country ({ca})", why_p, why_d, why_a, why_r]
    if place is None or date is None or actor is None or recipient is None:
        return Match(0.0, True, [r for r, v in zip(reasons[1:], (place, date, actor, recipient)) if v is None])
    if place <= BROAD_SCORE and max(actor, recipient) < AGREE_COUNTRY:
        # "somewhere in Sudan" and a town in Sudan on the same day share only a country: too little
        return Match(0.0, True, [why_p, "a broad place and neither a shared place nor an agreeing party"])
    parts = {"place": place, "date": date, "parties": (actor + recipient) / 2}
    parts["wording"], why = _wording(a, b)
    reasons.append(why)
    score: float = sum(WEIGHTS[k] * v for k, v in parts.items())
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        score -= 0.05
        reasons.append(f"modes differ ({a['mode']} vs {b['mode']})")
    subs = [(r.get("acled") or {}).get("sub_event_type") for r in (a, b)]
    if all(subs) and subs[0] != subs[1]:
        score -= SUB_EVENT_PENALTY
        reasons.append(f"ACLED sub-event types differ ({subs[0]} vs {subs[1]})")
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
