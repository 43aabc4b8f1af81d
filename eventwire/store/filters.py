"""Event filters shared by `eventwire query`, `export` and the API: one place builds the SQL.

Every value travels as a bound parameter; only fixed column names are written into SQL.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Optional

SORTS = {"date": "date_start", "-date": "date_start DESC", "mentions": "n_mentions",
         "-mentions": "n_mentions DESC", "fatalities": "fatalities", "-fatalities": "fatalities DESC",
         "type": "type", "country": "country", "seq": "seq"}


@dataclass
class EventFilter:
    type: Optional[str] = None
    mode: Optional[str] = None
    country: Optional[str] = None          # where it happened (ISO3), or either party's country
    actor: Optional[str] = None            # text or name of actor or recipient, case-insensitive
    sector: Optional[str] = None           # actor's or recipient's sector
    since: Optional[str] = None            # ISO date: event ends on or after
    until: Optional[str] = None            # ISO date: event starts on or before
    bbox: Optional[tuple[float, float, float, float]] = None  # min_lon, min_lat, max_lon, max_lat
    text: Optional[str] = None             # words in the evidence sentence
    certainty: Optional[str] = None
    min_sources: Optional[int] = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause (with ``?`` placeholders) and its parameters."""
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
            c = self.country.upper()
            add("(country = ? OR actor_country = ? OR recipient_country = ?)", c, c, c)
        if self.actor:
            pat = f"%{self.actor.lower()}%"
            add("(LOWER(actor) LIKE ? OR LOWER(recipient) LIKE ?)", pat, pat)
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
        if self.text:
            for word in self.text.lower().split():
                add("LOWER(sentence) LIKE ?", f"%{word}%")
        if self.certainty:
            add("certainty = ?", self.certainty)
        if self.min_sources:
            add("n_sources >= ?", int(self.min_sources))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def parse_bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    """``min_lon,min_lat,max_lon,max_lat`` -> a tuple, or a ValueError that says what is wrong."""
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        raise ValueError(f"bbox {value!r} is not four numbers min_lon,min_lat,max_lon,max_lat") from None
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise ValueError(f"bbox {value!r} must be min_lon,min_lat,max_lon,max_lat with min <= max")
    return parts  # type: ignore[return-value]
