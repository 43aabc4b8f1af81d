"""Event filters shared by `eventwire query`, `export` and the API: one place builds the SQL.

Every value travels as a bound parameter; only fixed column names are written into SQL. A filter
is checked when it is made: a value no query could answer raises :class:`InvalidFilter`, which
the API turns into a 400 and the CLI into one line.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, fields
from typing import Any, Optional

from eventwire.store.names import actor_names, country_code

SORTS = {"date": "date_start", "-date": "date_start DESC", "mentions": "n_mentions",
         "-mentions": "n_mentions DESC", "fatalities": "fatalities", "-fatalities": "fatalities DESC",
         "type": "type", "country": "country", "seq": "seq"}
# each word is one LIKE clause: SQLite refuses an expression tree deeper than 1000 clauses
MAX_TEXT_WORDS = 32
# the full-text index splits text into runs of letters and digits; so do the queries sent to it
TOKEN_RE = re.compile(r"[^\W_]+")
# SQLite refuses LIKE patterns over 50,000 bytes; no name or phrase is longer than this
MAX_FILTER_CHARS = 1000
MAX_INT = 2**31 - 1  # n_sources is a 32-bit INTEGER on PostgreSQL; offsets past it mean nothing
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")
LIKE_ESCAPE = "\\"
TEXT_FIELDS = ("type", "mode", "country", "actor", "sector", "text", "certainty", "admin1", "acled")


class InvalidFilter(ValueError):
    """A filter value from a client that no query can answer; the message says which and why."""


def check_text(name: str, value: str, max_chars: Optional[int] = MAX_FILTER_CHARS) -> str:
    """``value`` when both databases can store and compare it, else InvalidFilter."""
    if not isinstance(value, str):
        raise InvalidFilter(f"{name} must be text")
    if "\x00" in value:  # PostgreSQL refuses NUL; SQLite's LIKE stops reading at it
        raise InvalidFilter(f"{name} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidFilter(f"{name} is not valid Unicode text (unpaired surrogate)") from None
    if max_chars is not None and len(value) > max_chars:
        raise InvalidFilter(f"{name} is {len(value)} characters long; at most {max_chars}")
    return value


def parse_date(name: str, value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut to its day) checked against the calendar."""
    if value in (None, ""):
        return None
    text = check_text(name, str(value)).strip()
    if DATE_RE.match(text):
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    raise InvalidFilter(f"{name} {text!r} is not a date YYYY-MM-DD")


def check_count(name: str, value: Optional[int], low: int = 0, high: int = MAX_INT) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidFilter(f"{name} must be a whole number")
    if not low <= value <= high:
        raise InvalidFilter(f"{name} {value} is out of range: {low} to {high}")
    return value


def like_pattern(word: str) -> str:
    """``%word%`` matching ``word`` literally: its own % and _ are not wildcards (used with ESCAPE)."""
    for ch in (LIKE_ESCAPE, "%", "_"):
        word = word.replace(ch, LIKE_ESCAPE + ch)
    return f"%{word}%"


LIKE = f"LIKE ? ESCAPE '{LIKE_ESCAPE}'"


def text_clause(words: list[str], dialect: str) -> tuple[str, list[Any]]:
    """Events whose reports contain every word (case-insensitive, each word literally: "50%" needs
    the percent sign). The full-text index finds the candidates (words as prefixes); a LIKE over
    those few documents then keeps the literal meaning, wildcards escaped. A query with no letter or
    digit at all ("%") cannot use the index and reads the documents."""
    tokens = list(dict.fromkeys(t for w in words for t in TOKEN_RE.findall(w)))
    likes = " AND ".join(f"LOWER(d.body) {LIKE}" for _ in words)
    params: list[Any] = [like_pattern(w) for w in words]
    if not tokens:
        return f"id IN (SELECT d.event_id FROM event_docs d WHERE {likes})", params
    if dialect == "postgresql":
        query = " & ".join(f"{t}:*" for t in tokens)
        return f"id IN (SELECT d.event_id FROM event_docs d WHERE d.tsv @@ to_tsquery('simple', ?) AND {likes})", \
            [query, *params]
    query = " ".join(f'"{t}"*' for t in tokens)  # tokens hold no quote: letters and digits only
    return (f"id IN (SELECT d.event_id FROM events_fts f JOIN event_docs d ON d.doc = f.rowid"
            f" WHERE events_fts MATCH ? AND {likes})", [query, *params])


@dataclass
class EventFilter:
    type: Optional[str] = None
    mode: Optional[str] = None
    country: Optional[str] = None          # where it happened, or either party's country: ISO3/ISO2 or name
    actor: Optional[str] = None            # text or name of actor or recipient (or a known alias), any case
    sector: Optional[str] = None           # actor's or recipient's sector
    since: Optional[str] = None            # ISO date: event ends on or after
    until: Optional[str] = None            # ISO date: event starts on or before
    bbox: Optional[tuple[float, float, float, float]] = None  # min_lon, min_lat, max_lon, max_lat
    text: Optional[str] = None             # words in the evidence sentence
    certainty: Optional[str] = None
    min_sources: Optional[int] = None
    admin1: Optional[str] = None           # first-level division of the place, as stored ("Northern Darfur")
    acled: Optional[str] = None            # ACLED event type ("Battles")

    def __post_init__(self) -> None:
        for name in TEXT_FIELDS:
            if getattr(self, name) is not None:
                check_text(name, getattr(self, name))
        if self.country:  # a name or ISO2 becomes its ISO3; anything else is compared as given
            self.country = country_code(self.country) or self.country.upper()
        self.since, self.until = parse_date("since", self.since), parse_date("until", self.until)
        if self.bbox is not None:
            self.bbox = check_bbox(self.bbox)
        self.min_sources = check_count("min_sources", self.min_sources)
        if self.text and len(self.words()) > MAX_TEXT_WORDS:
            raise InvalidFilter(f"text has {len(self.words())} different words; at most {MAX_TEXT_WORDS}")

    def words(self) -> list[str]:
        return list(dict.fromkeys((self.text or "").lower().split()))

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def where(self, dialect: str = "sqlite") -> tuple[str, list[Any]]:
        """A WHERE clause (with ``?`` placeholders) and its parameters, for one database engine."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.type:
            add("type = ?", self.type.upper())
        if self.mode:
            add("mode = ?", self.mode)
        if self.country:
            c = self.country
            add("(country = ? OR actor_country = ? OR recipient_country = ?)", c, c, c)
        if self.actor:
            pats = [like_pattern(n.lower()) for n in actor_names(self.actor)]
            add("(" + " OR ".join(f"LOWER(actor) {LIKE} OR LOWER(recipient) {LIKE}" for _ in pats) + ")",
                *[p for p in pats for _ in (0, 1)])
        if self.sector:
            s = self.sector.upper()
            add("(actor_sector = ? OR recipient_sector = ?)", s, s)
        if self.since:
            add("COALESCE(date_end, date_start) >= ?", self.since)
        if self.until:
            add("date_start <= ?", self.until)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            add("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", min_lat, max_lat, min_lon, max_lon)
        if self.words():
            sql, values = text_clause(self.words(), dialect)
            add(sql, *values)
        if self.certainty:
            add("certainty = ?", self.certainty)
        if self.min_sources:
            add("n_sources >= ?", int(self.min_sources))
        if self.admin1:
            add("admin1 = ?", self.admin1)
        if self.acled:
            add("acled_event_type = ?", self.acled)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def check_bbox(box: Any, shown: Optional[str] = None) -> tuple[float, float, float, float]:
    """Four finite degrees, longitudes in -180..180 and latitudes in -90..90, each min <= max."""
    if shown is None:
        shown = ",".join(map(str, box)) if isinstance(box, (tuple, list)) else str(box)
    try:
        parts = tuple(float(v) for v in box)
    except (TypeError, ValueError):
        raise InvalidFilter(f"bbox {shown!r} is not four numbers min_lon,min_lat,max_lon,max_lat") from None
    if len(parts) != 4 or not all(math.isfinite(v) for v in parts):
        raise InvalidFilter(f"bbox {shown!r} is not four finite numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise InvalidFilter(f"bbox {shown!r} must be min_lon,min_lat,max_lon,max_lat with min <= max, "
                            "longitudes -180..180 and latitudes -90..90")
    return parts


def parse_bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    """``min_lon,min_lat,max_lon,max_lat`` -> a tuple, or an InvalidFilter that says what is wrong."""
    if not value:
        return None
    check_text("bbox", value)
    return check_bbox(value.split(","), value)
