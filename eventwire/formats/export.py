"""Views of the event database: JSON Lines (contract records), flat CSV, Parquet, GeoJSON and
ACLED-style CSV, all over the same filtered query (:class:`eventwire.store.EventFilter`).

The ACLED CSV has every column of ACLED's public export, in its order, with ACLED's value
conventions (``eventwire/data/acled_conventions.json``, ``acled_countries.tsv``), and one more
last column, ``geonameid``. Only located events of the types ACLED codes get a row: ACLED records
no event without a place (the JSON Lines and CSV exports keep them).
"""
from __future__ import annotations

import csv
import json
import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, TextIO

from eventwire.events import acled as acled_mod
from eventwire.actors.kb import armed_group, outlet_scales
from eventwire.places.name_forms import fold
from eventwire.formats.output import csv_row, flat
from eventwire.model import NO_COUNTRY_CODES, is_implied
from eventwire.store import EventFilter, Store, canonical_record

FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled-csv")
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp", "geonameid"]
CORPUS_COLUMNS = ["n_mentions", "n_sources", "first_reported", "fatalities"]
# ACLED geo_precision: 1 the exact town, 2 near it or part of a district, 3 only a larger region
GEO_PRECISION = {"place": 1, "admin2": 2, "admin1": 3, "country": 3}
# ACLED time_precision: 1 the day, 2 the week, 3 the month or wider
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3}
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u02be\u02bf`\u00b4"


def records(store: Store, flt: EventFilter = EventFilter(), with_mentions: bool = True,
            page: int = 1000, with_seq: bool = False) -> Iterator[dict[str, Any]]:
    """Contract records of the canonical events matching a filter, in date order (paged);
    ``with_seq`` adds the event's storage sequence number (stable ids for the ACLED CSV)."""
    offset = 0
    while True:
        rows = store.events(flt, limit=page, offset=offset, sort="date")
        for row in rows:
            rec = canonical_record(row, store.mentions(row["id"]) if with_mentions else None)
            if with_seq:
                rec["seq"] = row["seq"]
            yield rec
        if len(rows) < page:
            return
        offset += page


def write(store: Store, fmt: str, stream: Any, flt: EventFilter = EventFilter()) -> int:
    """Write the matching events in a format; returns how many. Parquet needs a binary stream."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "acled-csv":
        return write_acled(records(store, flt, with_seq=True), stream)
    return {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "geojson": _geojson}[fmt](records(store, flt), stream)


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




# -- ACLED ------------------------------------------------------------------------------------------
@dataclass
class Named:
    """An ACLED actor: canonical name, ACLED actor type (inter code) and associated actor."""
    name: str
    inter: int
    assoc: str = ""


def write_acled(recs: Iterable[dict[str, Any]], stream: TextIO, timestamp: Optional[int] = None) -> int:
    """The ACLED CSV of contract records (from the database or ``Pipeline.code``); returns the rows written."""
    writer = csv.DictWriter(stream, ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for row in acled_rows(recs, timestamp):
        writer.writerow(csv_row(row))
        n += 1
    return n


def acled_rows(recs: Iterable[dict[str, Any]], timestamp: Optional[int] = None) -> Iterator[dict[str, Any]]:
    """ACLED rows of the records that ACLED would code; ``timestamp`` (Unix seconds) defaults to now.
    A record's ``seq`` (its storage order) numbers its id, else its position in ``recs``."""
    stamp = int(time.time()) if timestamp is None else timestamp
    for k, rec in enumerate(recs, 1):
        row = acled_row(rec, rec.get("seq") or k, stamp)
        if row is not None:
            yield row


def acled_row(rec: dict[str, Any], seq: int, timestamp: int) -> Optional[dict[str, Any]]:
    """One record as an ACLED row; None when ACLED codes no such event or it has no place or date."""
    loc, when = rec.get("location") or {}, rec.get("when") or {}
    sub = acled_mod.sub_event((rec.get("acled") or {}).get("sub_event_type"))
    country = acled_mod.countries().get(loc.get("country") or "")
    day = when.get("start") or (rec.get("article") or {}).get("published")
    if sub is None or country is None or loc.get("lat") is None or not day:
        return None
    one, two = acled_actors(rec, sub, country, day)
    inter2 = two.inter if two else 0
    sources = _sources(rec)
    return {
        "event_id_cnty": f"{country.iso3}{seq}", "event_date": day, "year": int(day[:4]),
        "time_precision": acled_time_precision(when),
        "disorder_type": sub.disorder_type, "event_type": sub.event_type, "sub_event_type": sub.name,
        "actor1": one.name, "assoc_actor_1": one.assoc, "inter1": one.inter,
        "actor2": two.name if two else "", "assoc_actor_2": two.assoc if two else "", "inter2": inter2,
        "interaction": int(f"{min(one.inter, inter2)}{max(one.inter, inter2)}") if inter2 else one.inter * 10,
        "civilian_targeting": civilian_targeting(sub, inter2),
        "iso": country.numeric, "region": country.region, "country": country.name,
        "admin1": acled_admin(loc.get("admin1"), country.iso3), "admin2": ascii_name(loc.get("admin2")), "admin3": "",
        "location": ascii_name(loc.get("name")), "latitude": round(loc["lat"], 4), "longitude": round(loc["lon"], 4),
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or "", 3),
        "source": "; ".join(sources), "source_scale": source_scale(sources), "notes": rec["evidence"]["sentence"],
        "fatalities": acled_fatalities(rec), "tags": "crowd size=no report" if sub.event_type in ("Protests", "Riots") else "",
        "timestamp": timestamp, "geonameid": loc.get("geonameid") or "",
    }


def acled_time_precision(when: dict[str, Any]) -> int:
    """1 the day, 2 the week, 3 the month or wider; a date that is only the report's publication
    date is the week before it at best (2), and so is the day a story's lead tells."""
    if not when.get("start") or when.get("source") in ("published", "story"):
        return 2
    return TIME_PRECISION.get(when.get("precision") or "", 3)


def _conv() -> dict[str, Any]:
    return acled_mod.conventions()


def acled_actors(rec: dict[str, Any], sub: acled_mod.SubEvent, country: acled_mod.Country,
                 day: str) -> tuple[Named, Optional[Named]]:
    """actor1 and actor2 by ACLED's conventions: the perpetrator first, except in a protest with
    intervention, whose protesters come first; an unnamed side gets ACLED's generic name."""
    first, second = rec.get("actor"), rec.get("recipient")
    if is_implied(second):
        second = None  # whom no words name (the people where an attack happened) is no ACLED actor2, nor civilian targeting
    if sub.protesters_first and (first or {}).get("sector") not in _conv()["civilian_sectors"]:
        first, second = second, first  # police dispersed protesters: the protest is the event
    one = party_actor(first, "first", sub, country, day) or generic(sub.default_actor1, country, day)
    two = party_actor(second, "second", sub, country, day) or _default_second(sub, country, day)
    if sub.name == "Peaceful protest" or (two is not None and two.name == one.name):
        two = None  # the target of a peaceful protest (a government, a law) is no ACLED actor
    civilians = _conv()["inter"]["civilians"]
    if two is not None and two.inter == civilians and sub.event_type in _conv()["civilian_targeting"]["no_civilian_actor2"]:
        two = None  # "captured the town of Bhamo": the town is where the battle was, not a party to it
    return one, two


def civilian_targeting(sub: acled_mod.SubEvent, inter2: int) -> str:
    rule = _conv()["civilian_targeting"]
    return "Civilian targeting" if inter2 == _conv()["inter"]["civilians"] and sub.event_type in rule["event_types"] else ""


def party_actor(party: Optional[dict[str, Any]], role: str, sub: acled_mod.SubEvent, country: acled_mod.Country,
                day: str) -> Optional[Named]:
    """A coded party's canonical ACLED actor; None when the coder knows too little to name it."""
    if not party:
        return None
    conv, group = _conv(), armed_group(party.get("name"))
    home: str = party["country"] if party.get("country") not in (None, *NO_COUNTRY_CODES) else country.iso3
    sector: Optional[str] = party.get("sector") or (group.sector if group else None)
    if group is not None and group.acled:
        return Named(group.acled, group.inter or conv["inter"]["rebel"])
    if sector is not None and sector in conv["state_sectors"]:
        sector = _state_role(sector, sub)
        inter = conv["inter"]["state" if home == country.iso3 else "external"]  # forces abroad: ACLED type 8
        return Named(state_name(sector, home, day), inter)
    if sector in conv["armed_sectors"]:
        name = None if is_implied(party) else party.get("name")
        if name and fold(name) not in _country_keys():  # a group named in the text ("Zomi Revolutionary Army")
            return Named(ascii_name(name), conv["inter"]["rebel"])
        return generic("armed", country, day)
    if sector == "IGO":
        return Named(ascii_name(party.get("name")), conv["inter"]["external"]) if party.get("name") else None
    if sector in conv["civilian_sectors"] or (sector is None and role == "second" and party.get("country")):
        return _people(party, role, sub, acled_mod.countries().get(home, country))
    return None


def _state_role(sector: str, sub: acled_mod.SubEvent) -> str:
    """A government that fights is its military; one that arrests, its police."""
    if sector in ("GOV", "JUD", "LEG"):
        rule = _conv()["state_in_violence"]
        return rule["violent"] if sub.event_type in VIOLENT else rule.get(sub.name, sector)
    return sector


def state_name(sector: str, iso3: str, day: str) -> str:
    """'Military Forces of Sudan (2019-)': the start year of the government in office, when recorded."""
    country = acled_mod.countries().get(iso3)
    year = acled_mod.government_since(iso3, day)
    name = country.name if country else iso3
    if iso3 in _conv()["the_countries"]["iso3"]:
        name = f"the {name}"
    return _conv()["actor_names"][sector].format(country=name, term=f" ({year}-)" if year else "")


def generic(kind: str, country: acled_mod.Country, day: str) -> Named:
    """ACLED's name for an unnamed party of a kind ('armed', 'protesters', 'rioters', 'civilians',
    'state', 'police', 'government') in a country."""
    conv = _conv()
    if kind in ("state", "police", "government"):
        return Named(state_name({"state": "MIL", "police": "COP", "government": "GOV"}[kind], country.iso3, day),
                     conv["inter"]["state"])
    inter = {"armed": "unidentified", "protesters": "protesters", "rioters": "rioters", "civilians": "civilians"}[kind]
    return Named(conv["actor_names"][kind].format(country=country.name), conv["inter"][inter])


def _people(party: dict[str, Any], role: str, sub: acled_mod.SubEvent, country: acled_mod.Country) -> Named:
    """Civilians, protesters or rioters, with who they are (journalists, students) as associated actor."""
    kind = "civilians"
    if sub.event_type == "Protests":
        kind = "protesters"
    elif sub.event_type == "Riots" and role == "first":
        kind = "rioters"
    named = generic(kind, country, "")
    assoc = _conv()["associated"]
    pattern = assoc["sectors"].get(party.get("sector") or "")
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", party.get("text") or "")]
    pattern = pattern or next((assoc["words"][w] for w in words if w in assoc["words"]), None)
    named.assoc = pattern.format(country=country.name) if pattern else ""
    return named


def _default_second(sub: acled_mod.SubEvent, country: acled_mod.Country, day: str) -> Optional[Named]:
    if sub.event_type == "Violence against civilians":
        return generic("civilians", country, day)
    if sub.name == "Excessive force against protesters":
        return generic("protesters", country, day)
    if sub.name == "Protest with intervention":
        return generic("police", country, day)
    return None


def _country_keys() -> set[str]:
    return {fold(c.name) for c in acled_mod.countries().values()}


def ascii_name(name: Optional[str]) -> str:
    """English ASCII spelling of a place or actor name: no diacritics, no apostrophes ("T'bilisi" ->
    "Tbilisi", "Khān Yūnis" -> "Khan Yunis")."""
    if not name:
        return ""
    for mark in APOSTROPHES:
        name = name.replace(mark, "")
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return " ".join(plain.encode("ascii", "ignore").decode().split())


def acled_admin(name: Optional[str], iso3: str) -> str:
    """A first-level division as ACLED spells it ("Nord Kivu" -> "Nord-Kivu", "Sagain" -> "Sagaing")."""
    plain = ascii_name(name)
    conv = _conv()
    for suffix in conv["admin_suffixes"].get(iso3, []):
        if plain.endswith(suffix) and len(plain) > len(suffix):
            plain = plain[: -len(suffix)]
            break
    return conv["admin_names"].get(iso3, {}).get(plain, plain)


def acled_fatalities(rec: dict[str, Any]) -> int:
    """ACLED's fatality count: the lowest figure reported for the event (every merged report's
    ``claims``, else the record's own quantities), vague words at ACLED's values ('dozens' = 12)."""
    figures: list[dict[str, Any]] = rec["claims"] if rec.get("claims") is not None else (rec.get("quantities") or [])
    killed = [acled_count(q) for q in figures if q.get("kind") == "killed"]
    return min(killed) if killed else 0


def acled_count(quantity: dict[str, Any]) -> int:
    text = (quantity.get("text") or "").lower()
    if not re.search(r"\d", text):
        vague = _conv()["vague_fatalities"]
        for phrase in sorted((k for k in vague if k != "about"), key=len, reverse=True):
            if re.search(rf"(^|\s){re.escape(phrase)}(\s|$)", text):
                return int(vague[phrase])
    return int(quantity["value"])


def source_scale(sources: list[str]) -> str:
    """ACLED's source scale from the outlets (sources.json): known scales joined in ACLED's order, else 'Other'."""
    scales = outlet_scales()
    known = {scales.get(fold(s)) for s in sources} - {None}
    order = _conv()["source_scale_order"]
    return "-".join(s for s in order if s in known) or "Other"
