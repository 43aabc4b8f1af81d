"""Views of coded events: JSON Lines (the contract), CSV (flat columns) and a terminal table."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Optional, TextIO

from eventwire.model import Event

CSV_COLUMNS = ["id", "article_id", "published", "type", "mode", "acled_event_type", "acled_sub_event_type",
               "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
               "location", "country", "admin1", "lat", "lon", "geo_precision", "date_start", "date_end",
               "date_precision", "quantities", "reported_by", "reported_by_country", "certainty", "confidence",
               "trigger", "trigger_start", "trigger_end", "sentence"]
# a spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: a leading ' stops a formula. Numbers stay numbers
    (a negative longitude is data, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: csv_cell(v) for k, v in row.items()}


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """One contract record as flat CSV columns."""
    g = lambda d, k: (d or {}).get(k)  # noqa: E731
    acled, loc, when = event.get("acled"), event.get("location"), event.get("when")
    ev = event["evidence"]
    return {
        "id": event["id"], "article_id": event["article"]["id"], "published": event["article"].get("published"),
        "type": event["type"], "mode": event.get("mode"),
        "acled_event_type": g(acled, "event_type"), "acled_sub_event_type": g(acled, "sub_event_type"),
        "actor": g(event.get("actor"), "text"), "actor_country": g(event.get("actor"), "country"),
        "actor_sector": g(event.get("actor"), "sector"),
        "recipient": g(event.get("recipient"), "text"), "recipient_country": g(event.get("recipient"), "country"),
        "recipient_sector": g(event.get("recipient"), "sector"),
        "location": g(loc, "name"), "country": g(loc, "country"), "admin1": g(loc, "admin1"),
        "lat": g(loc, "lat"), "lon": g(loc, "lon"), "geo_precision": g(loc, "precision"),
        "date_start": g(when, "start"), "date_end": g(when, "end"), "date_precision": g(when, "precision"),
        "quantities": "; ".join(f"{q['kind']}={q['value']}({q['approx']})" for q in event.get("quantities", [])),
        "reported_by": g(event.get("reported_by"), "text"),
        "reported_by_country": g(event.get("reported_by"), "country"),
        "certainty": event.get("certainty"), "confidence": event.get("confidence"),
        "trigger": ev["trigger"]["text"], "trigger_start": ev["trigger"]["start"], "trigger_end": ev["trigger"]["end"],
        "sentence": ev["sentence"],
    }


class Writer:
    """Writes events in one format to a stream; CSV writes its header once."""

    def __init__(self, stream: TextIO, fmt: str):
        if fmt not in ("jsonl", "csv", "table"):
            raise ValueError(f"unknown format {fmt!r}: use jsonl, csv or table")
        self.stream, self.fmt = stream, fmt
        self._csv: Optional[csv.DictWriter] = None
        self._rows: list[dict[str, Any]] = []

    def write(self, events: Iterable[Event]) -> None:
        self.write_records(e.to_dict() for e in events)

    def write_records(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            if self.fmt == "jsonl":
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.DictWriter(self.stream, CSV_COLUMNS)
                    self._csv.writeheader()
                self._csv.writerow(csv_row(flat(record)))
            else:
                self._rows.append(flat(record))

    def close(self) -> None:
        if self.fmt == "table":
            self.stream.write(table(self._rows))
        self.stream.flush()


def table(rows: list[dict[str, Any]]) -> str:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("type", "mode", "actor", "recipient", "location", "date_start", "quantities", "reported_by", "certainty"):
        t.add_column(col)
    for r in rows:
        t.add_row(*[_cell(r, c) for c in ("type", "mode", "actor", "recipient", "location", "date_start",
                                           "quantities", "reported_by", "certainty")])
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=False).print(t)
    return buf.getvalue()


def _cell(row: dict[str, Any], col: str) -> str:
    value = row.get(col)
    if col in ("actor", "recipient", "reported_by") and value:
        value = f"{value} [{row.get(col + '_country') or '?'}/{row.get(col + '_sector') or '?'}]" if col != "reported_by" \
            else f"{value} [{row.get('reported_by_country') or '?'}]"
    if col == "location" and value:
        value = f"{value} ({row.get('country')})"
    from rich.markup import escape

    return escape(str(value)) if value not in (None, "") else ""
