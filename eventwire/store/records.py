"""Coded records <-> the columns of the events table: how a canonical event is filled in from
later reports (the merge rules, shared with :mod:`eventwire.scale.spark`) and read back."""
from __future__ import annotations

import json
from typing import Any, Optional

PLACE_RANK = {"place": 4, "admin2": 3, "admin1": 2, "country": 1, None: 0}
DATE_RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "year": 1, None: 0}
FILLABLE = ("mode", "acled", "actor", "recipient", "reported_by")


def fill(canonical: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """The canonical record keeps its first report's evidence; later reports fill what it lacks
    and sharpen where they are more precise (a village instead of a province, a day instead of a month)."""
    out = dict(canonical)
    for k in FILLABLE:
        if out.get(k) is None and record.get(k) is not None:
            out[k] = record[k]
    loc, new_loc = out.get("location") or {}, record.get("location") or {}
    if PLACE_RANK.get(new_loc.get("precision"), 0) > PLACE_RANK.get(loc.get("precision"), 0):
        out["location"] = new_loc
    when, new_when = out.get("when") or {}, record.get("when") or {}
    if new_when.get("start") and (not when.get("start") or (when.get("source") == "published" and new_when.get("source") != "published")
                                  or DATE_RANK.get(new_when.get("precision"), 0) > DATE_RANK.get(when.get("precision"), 0)):
        out["when"] = new_when
    return out


def claims(record: dict[str, Any]) -> list[dict[str, Any]]:
    src = (record.get("reported_by") or {}).get("text")
    art = record.get("article") or {}
    return [{"kind": q["kind"], "value": q["value"], "approx": q.get("approx"), "text": q.get("text"),
             "mention": record["id"], "article": art.get("id"), "source": art.get("source"),
             "reported_by": src} for q in record.get("quantities") or []]


def party_name(party: Optional[dict[str, Any]]) -> Optional[str]:
    return (party.get("name") or party.get("text")) if party else None


def columns(record: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any]:
    acled, loc, when = record.get("acled") or {}, record.get("location") or {}, record.get("when") or {}
    actor, recipient = record.get("actor") or {}, record.get("recipient") or {}
    killed = [c["value"] for c in claims if c["kind"] == "killed"]
    return {
        "type": record["type"], "mode": record.get("mode"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "actor": party_name(actor) and f"{actor.get('text')} {actor.get('name') or ''}".strip(),
        "actor_name": actor.get("name"), "recipient_name": recipient.get("name"),
        "actor_country": actor.get("country"), "actor_sector": actor.get("sector"),
        "recipient": party_name(recipient) and f"{recipient.get('text')} {recipient.get('name') or ''}".strip(),
        "recipient_country": recipient.get("country"), "recipient_sector": recipient.get("sector"),
        "location": loc.get("name"), "geonameid": loc.get("geonameid"), "country": loc.get("country"),
        "admin1": loc.get("admin1"), "admin2": loc.get("admin2"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "date_start": when.get("start") or (record.get("article") or {}).get("published"),
        "date_end": when.get("end") or when.get("start") or (record.get("article") or {}).get("published"),
        "date_precision": when.get("precision"),
        "fatalities": min(killed) if killed else None,  # ACLED's rule: the most conservative report
        "certainty": record.get("certainty"), "confidence": record.get("confidence"),
        "sentence": record["evidence"]["sentence"],
        "record": json.dumps(record, ensure_ascii=False), "claims": json.dumps(claims, ensure_ascii=False),
    }


def canonical_record(row: dict[str, Any], mentions: Optional[list[dict[str, Any]]] = None) -> dict[str, Any]:
    """The contract record of a stored event, with its corpus-level fields."""
    record = json.loads(row["record"])
    record["id"] = row["id"]
    record["n_mentions"], record["n_sources"] = row["n_mentions"], row["n_sources"]
    record["first_reported"], record["fatalities"] = row["first_reported"], row["fatalities"]
    record["claims"] = json.loads(row["claims"])
    if mentions is not None:
        record["mentions"] = [{"id": m["id"], "article": {"id": m["article_id"], "key": m["article_key"],
                                                          "title": m["title"], "source": m["source"],
                                                          "url": m["url"], "published": m["published"]},
                               "score": m["score"], "why": m["why"],
                               "evidence": json.loads(m["record"])["evidence"]} for m in mentions]
    return record
