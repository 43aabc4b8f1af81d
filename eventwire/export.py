"""Views of the event database: JSON Lines (contract records), flat CSV, Parquet, GeoJSON and
ACLED-style CSV, all over the same filtered query (:class:`eventwire.store.EventFilter`)."""
from __future__ import annotations

import csv
import json
from typing import Any, Iterator, TextIO

from .gazetteer import country_names
from .output import csv_row, flat
from .store import EventFilter, Store, canonical_record

FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled-csv")
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "inter1", "actor2", "inter2", "country", "iso3", "admin1",
                 "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities", "tags"]
CORPUS_COLUMNS = ["n_mentions", "n_sources", "first_reported", "fatalities"]
# ACLED geo_precision: 1 the exact town, 2 near it or part of a district, 3 only a larger region
GEO_PRECISION = {"place": 1, "admin2": 2, "admin1": 3, "country": 3}
# ACLED time_precision: 1 the day, 2 the week, 3 the month or wider
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3}
SECTOR_ACTOR = {"MIL": "Military Forces of {c}", "GOV": "Government of {c}", "COP": "Police Forces of {c}",
                "SPY": "Intelligence Services of {c}", "JUD": "Judiciary of {c}", "LEG": "Legislature of {c}",
                "CVL": "Civilians ({c})", "REF": "Refugees/IDPs ({c})", "OPP": "Opposition ({c})",
                "MED": "Journalists ({c})", "HLH": "Health Workers ({c})", "NGO": "NGO ({c})"}
# ACLED interaction codes by actor sector (1 state forces, 2 rebels, 3 political militias, 5 rioters,
# 6 protesters, 7 civilians, 8 external/other)
INTER = {"MIL": 1, "GOV": 1, "COP": 1, "SPY": 1, "REB": 2, "OPP": 6, "CVL": 7, "REF": 7, "MED": 7,
         "HLH": 7, "IGO": 8, "NGO": 8}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


def records(store: Store, flt: EventFilter = EventFilter(), with_mentions: bool = True,
            page: int = 1000) -> Iterator[dict[str, Any]]:
    """Contract records of the canonical events matching a filter, in date order (paged)."""
    offset = 0
    while True:
        rows = store.events(flt, limit=page, offset=offset, sort="date")
        for row in rows:
            yield canonical_record(row, store.mentions(row["id"]) if with_mentions else None)
        if len(rows) < page:
            return
        offset += page


def write(store: Store, fmt: str, stream: Any, flt: EventFilter = EventFilter()) -> int:
    """Write the matching events in a format; returns how many. Parquet needs a binary stream."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "geojson": _geojson,
            "acled-csv": _acled}[fmt](records(store, flt), stream)


def _jsonl(recs: Iterator[dict], stream: TextIO) -> int:
    n = 0
    for n, rec in enumerate(recs, 1):
        stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n


def flat_corpus(rec: dict[str, Any]) -> dict[str, Any]:
    row = flat(rec)
    row.update({k: rec.get(k) for k in CORPUS_COLUMNS})
    row["sources"] = "; ".join(_sources(rec))
    return row


def _csv(recs: Iterator[dict], stream: TextIO) -> int:
    writer, n = None, 0
    for n, rec in enumerate(recs, 1):
        row = flat_corpus(rec)
        if writer is None:
            writer = csv.DictWriter(stream, list(row))
            writer.writeheader()
        writer.writerow(csv_row(row))
    return n


def _parquet(recs: Iterator[dict], stream: Any) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [dict(flat_corpus(r), record=json.dumps(r, ensure_ascii=False)) for r in recs]
    if rows:
        table = pa.Table.from_pylist(rows)
    else:
        table = pa.table({c: pa.array([], pa.string()) for c in ["id", "type", "record"]})
    pq.write_table(table, stream)
    return len(rows)


def _geojson(recs: Iterator[dict], stream: TextIO) -> int:
    stream.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for n, rec in enumerate(recs, 1):
        loc = rec.get("location") or {}
        geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]} if loc.get("lat") is not None else None
        props = {k: v for k, v in flat_corpus(rec).items() if k not in ("lat", "lon")}
        stream.write(("," if n > 1 else "") + "\n" + json.dumps(
            {"type": "Feature", "id": rec["id"], "geometry": geometry, "properties": props}, ensure_ascii=False))
    stream.write("\n]}\n")
    return n


def _sources(rec: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for m in rec.get("mentions") or [{"article": rec.get("article") or {}}]:
        art = m["article"]
        name = art.get("source") or art.get("url") or art.get("title") or art.get("id")
        if name and name not in out:
            out.append(name)
    return out


def acled_actor(party: dict[str, Any] | None) -> str:
    if not party:
        return ""
    country = country_names().get(party.get("country") or "", party.get("country") or "")
    pattern = SECTOR_ACTOR.get(party.get("sector") or "")
    if party.get("name") and party.get("sector") not in ("CVL", "REF"):
        named = party["name"]
        if named != country or not pattern:
            return named
    return pattern.format(c=country) if pattern and country else (party.get("name") or party.get("text") or "")


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    loc, when, acled = rec.get("location") or {}, rec.get("when") or {}, rec.get("acled") or {}
    date = when.get("start") or (rec.get("article") or {}).get("published") or ""
    actor, recipient = rec.get("actor"), rec.get("recipient")
    return {
        "event_id_cnty": rec["id"], "event_date": date, "year": date[:4],
        "time_precision": TIME_PRECISION.get(when.get("precision"), 3) if date else "",
        "disorder_type": DISORDER.get(acled.get("event_type"), "Political violence") if acled else "",
        "event_type": acled.get("event_type", ""), "sub_event_type": acled.get("sub_event_type", ""),
        "actor1": acled_actor(actor), "inter1": INTER.get((actor or {}).get("sector"), ""),
        "actor2": acled_actor(recipient), "inter2": INTER.get((recipient or {}).get("sector"), ""),
        "country": country_names().get(loc.get("country") or "", ""), "iso3": loc.get("country") or "",
        "admin1": loc.get("admin1") or "", "admin2": loc.get("admin2") or "", "location": loc.get("name") or "",
        "latitude": loc.get("lat", ""), "longitude": loc.get("lon", ""),
        "geo_precision": GEO_PRECISION.get(loc.get("precision"), ""),
        "source": "; ".join(_sources(rec)), "notes": rec["evidence"]["sentence"],
        "fatalities": rec.get("fatalities") or 0, "tags": f"eventwire {rec['type']}/{rec.get('mode') or ''}",
    }


def _acled(recs: Iterator[dict], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for rec in recs:
        if rec.get("acled"):  # PLOVER types ACLED does not code (CONSULT, AID, ...) have no row
            writer.writerow(csv_row(acled_row(rec)))
            n += 1
    return n
