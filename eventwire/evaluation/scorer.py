"""Score coded events against a gold file (the project's own implementation of the scoring rules
used by the shared scorer: anchor + accepted type match, per-field accuracy over required events).

A gold file lists events with ``anchors`` (text the evidence sentence must contain), accepted
``types``, and optional expectations for actor/recipient (country, sector), location (point and
radius), date window, quantities and source. Optional events are neither hits nor false alarms.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from eventwire.geo import haversine_km

FIELDS = ("actor_country", "actor_sector", "recipient_country", "recipient_sector", "location", "when",
          "quantities", "reported_by")


def _norm(text: Optional[str]) -> str:
    text = (text or "").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower()


def _anchored(gold: dict, pred: dict, article: str) -> bool:
    ev = pred.get("evidence") or {}
    sentence = _norm(ev.get("sentence"))
    for anchor in gold.get("anchors", []):
        if _norm(anchor) and _norm(anchor) in sentence:
            return True
        at = article.find(anchor) if article else -1
        if at >= 0 and isinstance(ev.get("start"), int) and ev["start"] <= at and at + len(anchor) <= ev.get("end", -1):
            return True
    return False


def _party(g: dict, p: Any) -> tuple[bool, bool]:
    if not isinstance(p, dict):
        return False, False
    country = p.get("country") in g.get("country", [])
    return country, country and (not g.get("sector") or p.get("sector") in g["sector"])


def _location(g: dict, p: Any) -> bool:
    if not isinstance(p, dict) or not isinstance(p.get("lat"), (int, float)) or not isinstance(p.get("lon"), (int, float)):
        return False
    return haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) <= g["radius_km"] and p.get("country") in (None, g["country"])


def _when(g: dict, p: Any) -> bool:
    if not isinstance(p, dict) or not p.get("start"):
        return False
    return g["earliest"] <= str(p["start"])[:10] and str(p.get("end") or p["start"])[:10] <= g["latest"]


def _quantities(gqs: list, pqs: Any) -> bool:
    pqs = pqs if isinstance(pqs, list) else []
    return all(any(isinstance(q, dict) and q.get("kind") in gq["kind"] and isinstance(q.get("value"), (int, float))
                   and gq["min"] <= q["value"] <= gq["max"] for q in pqs) for gq in gqs)


def _checks(g: dict, p: dict) -> dict[str, bool]:
    out = {}
    for role in ("actor", "recipient"):
        if g.get(role):
            out[role + "_country"], out[role + "_sector"] = _party(g[role], p.get(role))
    if g.get("location"):
        out["location"] = _location(g["location"], p.get("location"))
    if g.get("when"):
        out["when"] = _when(g["when"], p.get("when"))
    if g.get("quantities"):
        out["quantities"] = _quantities(g["quantities"], p.get("quantities"))
    if g.get("reported_by"):
        out["reported_by"] = _party(g["reported_by"], p.get("reported_by"))[0]
    return out


def acled_right(g: dict, p: dict) -> Optional[bool]:
    """Whether a matched event's ACLED sub-event type is the gold one (or one of ``acled_also``);
    for gold ``acled: null`` (ACLED would record no event), whether none was given. None when the
    gold has no ACLED annotation."""
    if "acled" not in g:
        return None
    got = (p.get("acled") or {}).get("sub_event_type")
    if g["acled"] is None:
        return got is None
    return got in {g["acled"]["sub_event_type"], *(sub_event_named(a) for a in g.get("acled_also", []))}


ACLED_EVENT_TYPES = ("Explosions/Remote violence", "Violence against civilians", "Strategic developments", "Battles",
                     "Protests", "Riots")
TYPE_PREFIX = re.compile(r"^(?:%s)\s*(?:/|:)\s*" % "|".join(re.escape(t) for t in ACLED_EVENT_TYPES))


def sub_event_named(alternative: str | dict) -> str:
    """An alternative sub-event type as an annotator wrote it: with its event type before it or not
    ("Protests: Protest with intervention", "Protests/Protest with intervention"), or in the shape of
    ``acled`` itself ({"event_type": ..., "sub_event_type": ...}): the sub-event type."""
    if isinstance(alternative, dict):
        return str(alternative.get("sub_event_type", "")).strip()
    return TYPE_PREFIX.sub("", alternative.strip())


@dataclass
class Score:
    tp: int
    fp: int
    required: int
    optional_hits: int
    field_counts: dict[str, list[int]] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)
    fp_types: list[str] = field(default_factory=list)  # types of the predictions that matched no gold event

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def fields_correct(self) -> float:
        right = sum(v[0] for v in self.field_counts.values())
        total = sum(v[1] for v in self.field_counts.values())
        return right / total if total else 0.0

    def summary(self) -> str:
        return (f"tp={self.tp} fp={self.fp} required={self.required} optional_hits={self.optional_hits} "
                f"precision={self.precision:.2f} recall={self.recall:.2f} f1={self.f1:.2f} "
                f"fields_correct={self.fields_correct:.2f}")


def score(gold: dict, preds: list[dict], article: str = "") -> Score:
    golds = gold["events"]
    used: set[int] = set()
    matched: dict[str, dict] = {}
    for required in (True, False):
        for g in (g for g in golds if bool(g.get("required")) == required):
            cands = [i for i, p in enumerate(preds) if i not in used and p.get("type") in g["types"]
                     and _anchored(g, p, article)]
            if cands:
                best = max(cands, key=lambda i: sum(_checks(g, preds[i]).values()))
                used.add(best)
                matched[g["id"]] = preds[best]
    required_golds = [g for g in golds if g.get("required")]
    tp = sum(1 for g in required_golds if g["id"] in matched)
    optional_hits = sum(1 for g in golds if not g.get("required") and g["id"] in matched)
    result = Score(tp, len(preds) - tp - optional_hits, len(required_golds), optional_hits,
                   {f: [0, 0] for f in FIELDS})
    optional_used = {id(matched[g["id"]]) for g in golds if not g.get("required") and g["id"] in matched}
    required_used = {id(matched[g["id"]]) for g in required_golds if g["id"] in matched}
    result.fp_types = [str(p.get("type")) for p in preds if id(p) not in optional_used | required_used]
    for g in required_golds:
        row = {"gold": g["id"], "type": g["types"][0], "matched": g["id"] in matched}
        if g["id"] in matched:
            for name, ok in _checks(g, matched[g["id"]]).items():
                result.field_counts[name][0] += ok
                result.field_counts[name][1] += 1
                row[name] = ok
            acled = acled_right(g, matched[g["id"]])
            if acled is not None:
                row["acled"] = acled
                row["acled_gold_none"] = g["acled"] is None
        result.rows.append(row)
    return result


def score_files(gold_path: Path, preds: list[dict], article_path: Optional[Path] = None) -> Score:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    article = Path(article_path).read_text(encoding="utf-8") if article_path else ""
    return score(gold, preds, article)
