"""The dashboard's views of the event database, computed in SQL: counts and fatalities by day and
type, the top countries / actors / first-level divisions, and the map's points or grid cells.

Every function takes a :class:`eventwire.store.Store` and an :class:`EventFilter`; each is one or
two grouped queries, so the page stays fast at 50,000 events without shipping them to the browser.
"""
from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING, Any, Callable, Optional

from eventwire.store.filters import EventFilter, InvalidFilter
from eventwire.store.names import country_name

if TYPE_CHECKING:
    from eventwire.store import Store

# the colour keys the page can stack and colour by
GROUPS = {"type": "type", "acled": "acled_event_type"}
TOPS = ("country", "actor", "admin1")
MAX_POINTS = 3000  # beyond this many located events in view, the map gets grid cells instead
MEMO_SIZE = 256
_memos: dict[str, tuple[Any, dict]] = {}
_memo_lock = threading.Lock()
# what changes whenever eventwire stores or merges an event (a merge always adds a mention), read
# from two indexes in microseconds. Rows edited by hand in SQL are not seen: restart the server.
CHANGE_TOKEN = "SELECT (SELECT MAX(seq) FROM events), (SELECT MAX(rowid) FROM mentions)"


def memo(store: "Store", key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, remembered for the database until its events change. Every visitor's first
    screen asks the same questions, and at 50,000 events a grid of the world costs ~100 ms of SQL;
    the server answers from many threads, each with its own connection, so the memory is shared
    by database URL and checked against a change token read in well under a millisecond.
    PostgreSQL, where other writers' rows carry no such token, is not cached."""
    if store.dialect != "sqlite" or store.in_transaction or ":memory:" in store.url:
        return compute()  # (inside a transaction, a token may describe rows that never commit)
    token = store.execute(CHANGE_TOKEN).fetchone()
    with _memo_lock:
        seen, values = _memos.get(store.url, (None, {}))
        if seen != token:
            values = {}
            _memos[store.url] = (token, values)
        if key in values:
            return values[key]
    value = compute()
    with _memo_lock:
        if len(values) >= MEMO_SIZE:
            values.pop(next(iter(values)))
        values[key] = value
    return value


def _where(store: "Store", flt: EventFilter, extra: str = "") -> tuple[str, list[Any]]:
    where, params = flt.where(store.dialect)
    if extra:
        where = (where + " AND " if where else " WHERE ") + extra
    return where, params


def group_column(by: str) -> str:
    if by not in GROUPS:
        raise InvalidFilter(f"unknown grouping {by!r}: use {' or '.join(GROUPS)}")
    return GROUPS[by]


def percentile_day(days: list[tuple[str, int]], q: float) -> Optional[str]:
    """The day below which a share ``q`` of the events fall (``days`` sorted, with counts)."""
    total = sum(n for _, n in days)
    if not total:
        return None
    seen = 0
    for day, n in days:
        seen += n
        if seen >= q * total:
            return day
    return days[-1][0]


def _day(value: Any) -> Optional[str]:
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def _shift(day: str, days: float) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=round(days))).isoformat()


def focus(days: list[tuple[str, int]]) -> dict[str, Any]:
    """The dated range, and the part of it a chart should show first: the shortest run of days that
    holds 85% of the events (all but one on a small set), widened to every event near it (within half
    its length plus a week). One old report then cannot squeeze a busy month into a sliver."""
    times = [dt.date.fromisoformat(d).toordinal() for d, _ in days]
    counts = [n for _, n in days]
    total = sum(counts)
    keep = total if total < 4 else total - max(1, int(0.15 * total))
    lo, hi, best, held, j = 0, len(days) - 1, None, 0, 0
    for i in range(len(days)):  # two pointers: the window days[i..j] holding at least `keep` events
        while j < len(days) and held < keep:
            held += counts[j]
            j += 1
        if held < keep:
            break
        if best is None or times[j - 1] - times[i] < best:
            best, lo, hi = times[j - 1] - times[i], i, j - 1
        held -= counts[i]
    reach = lambda: (times[hi] - times[lo]) / 2 + 7  # noqa: E731
    while lo > 0 and times[lo] - times[lo - 1] <= reach():
        lo -= 1
    while hi < len(days) - 1 and times[hi + 1] - times[hi] <= reach():
        hi += 1
    first, last = days[lo][0], days[hi][0]
    short = 6 - (times[hi] - times[lo])
    if short > 0:  # at least a week on the axis
        first, last = _shift(first, -(short // 2)), _shift(last, short - short // 2)
    outside = sum(n for d, n in days if d < first or d > last)
    return {"min": days[0][0], "max": days[-1][0], "p01": percentile_day(days, 0.01),
            "p99": percentile_day(days, 0.99), "focus": [first, last], "outside": outside}


def timeline(store: "Store", flt: EventFilter, by: str = "type") -> dict[str, Any]:
    """Events and fatalities per day and colour key, and the dated range with its robust focus."""
    return memo(store, ("timeline", repr(flt), by), lambda: _timeline(store, flt, by))


def _timeline(store: "Store", flt: EventFilter, by: str) -> dict[str, Any]:
    col = group_column(by)
    where, params = _where(store, flt, "date_start IS NOT NULL")
    rows = store.rows(f"SELECT date_start AS day, {col} AS k, COUNT(*) AS n, SUM(fatalities) AS f"
                      f" FROM events{where} GROUP BY date_start, {col} ORDER BY date_start", params)
    out: list[list[Any]] = []
    per_day: dict[str, int] = {}
    for r in rows:
        day = _day(r["day"])
        if day is None:
            continue  # not a calendar day: no place on a time axis
        out.append([day, r["k"], r["n"], int(r["f"] or 0)])
        per_day[day] = per_day.get(day, 0) + r["n"]
    days = sorted(per_day.items())
    span = focus(days) if days else None
    undated = store.scalar(f"SELECT COUNT(*) FROM events{_where(store, flt, 'date_start IS NULL')[0]}", params)
    return {"by": by, "rows": out, "range": span, "undated": undated}


def top(store: "Store", flt: EventFilter, by: str, limit: int = 10) -> list[dict[str, Any]]:
    """The ``limit`` countries, actors or first-level divisions with the most events, with their
    fatalities. An actor counts every event it takes part in, as actor or as recipient."""
    return memo(store, ("top", repr(flt), by, limit), lambda: _top(store, flt, by, limit))


def _top(store: "Store", flt: EventFilter, by: str, limit: int) -> list[dict[str, Any]]:
    if by == "country":
        where, params = _where(store, flt, "country IS NOT NULL")
        rows = store.rows(f"SELECT country AS k, COUNT(*) AS n, SUM(fatalities) AS f FROM events{where}"
                          f" GROUP BY country ORDER BY n DESC, country LIMIT ?", [*params, limit])
        return [{"key": r["k"], "label": country_name(r["k"]), "n": r["n"], "fatalities": int(r["f"] or 0)} for r in rows]
    if by == "admin1":
        where, params = _where(store, flt, "admin1 IS NOT NULL")
        rows = store.rows(f"SELECT country, admin1, COUNT(*) AS n, SUM(fatalities) AS f FROM events{where}"
                          f" GROUP BY country, admin1 ORDER BY n DESC, admin1 LIMIT ?", [*params, limit])
        return [{"key": r["admin1"], "country": r["country"], "label": f"{r['admin1']}, {country_name(r['country'])}",
                 "n": r["n"], "fatalities": int(r["f"] or 0)} for r in rows]
    if by == "actor":
        w1, p1 = _where(store, flt, "actor_name IS NOT NULL")
        w2, p2 = _where(store, flt, "recipient_name IS NOT NULL AND recipient_name <> COALESCE(actor_name, '')")
        rows = store.rows(f"SELECT k, COUNT(*) AS n, SUM(f) AS f FROM (SELECT actor_name AS k, fatalities AS f"
                          f" FROM events{w1} UNION ALL SELECT recipient_name AS k, fatalities AS f FROM events{w2}) t"
                          f" GROUP BY k ORDER BY n DESC, k LIMIT ?", [*p1, *p2, limit])
        return [{"key": r["k"], "label": r["k"], "n": r["n"], "fatalities": int(r["f"] or 0)} for r in rows]
    raise InvalidFilter(f"unknown table {by!r}: use {', '.join(TOPS)}")


def map_view(store: "Store", flt: EventFilter, cell_deg: float, by: str = "type") -> dict[str, Any]:
    """The located events in view one by one when there are at most MAX_POINTS of them (the page
    clusters and spiderfies them itself), else aggregated on a grid of ``cell_deg`` degrees."""
    return memo(store, ("map", repr(flt), cell_deg, by, MAX_POINTS), lambda: _map_view(store, flt, cell_deg, by))


def _map_view(store: "Store", flt: EventFilter, cell_deg: float, by: str) -> dict[str, Any]:
    col = group_column(by)
    where, params = _where(store, flt, "lat IS NOT NULL AND lon IS NOT NULL")
    total = store.scalar(f"SELECT COUNT(*) FROM events{where}", params)
    if total > MAX_POINTS:
        return {"mode": "cells", "total": total, "cell": cell_deg, "cells": clusters(store, flt, cell_deg, by)}
    rows = store.rows(f"SELECT id, lat, lon, {col} AS k, fatalities, date_start, location FROM events{where}"
                      f" ORDER BY date_start DESC, id", params)
    return {"mode": "points", "total": total, "by": by,
            "points": [[r["id"], round(r["lat"], 5), round(r["lon"], 5), r["k"], r["fatalities"],
                        r["date_start"], r["location"]] for r in rows]}


def clusters(store: "Store", flt: EventFilter, cell_deg: float = 1.0, by: str = "type") -> list[dict[str, Any]]:
    """Located events on a grid of ``cell_deg`` degrees: count, mean point, extent (to zoom to),
    fatalities, the count per colour key and the commonest one (``type``)."""
    col = group_column(by)
    where, params = _where(store, flt, "lat IS NOT NULL AND lon IS NOT NULL")
    rows = store.rows(f"SELECT ROUND(lat / ?) AS gy, ROUND(lon / ?) AS gx, {col} AS k, COUNT(*) AS n,"
                      f" AVG(lat) AS lat, AVG(lon) AS lon, MIN(lat) AS s, MAX(lat) AS nn, MIN(lon) AS w,"
                      f" MAX(lon) AS e, SUM(fatalities) AS f, MIN(id) AS id FROM events{where}"
                      f" GROUP BY ROUND(lat / ?), ROUND(lon / ?), {col}", [cell_deg, cell_deg, *params, cell_deg, cell_deg])
    cells: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        c = cells.setdefault((r["gy"], r["gx"]), {"n": 0, "lat": 0.0, "lon": 0.0, "types": {}, "id": r["id"],
                                                 "fatalities": 0, "bounds": [r["w"], r["s"], r["e"], r["nn"]]})
        c["lat"] += r["lat"] * r["n"]
        c["lon"] += r["lon"] * r["n"]
        c["n"] += r["n"]
        c["fatalities"] += int(r["f"] or 0)
        c["types"][r["k"] or "other"] = r["n"]
        b = c["bounds"]
        c["bounds"] = [min(b[0], r["w"]), min(b[1], r["s"]), max(b[2], r["e"]), max(b[3], r["nn"])]
    out = []
    for c in cells.values():
        c["lat"], c["lon"] = round(c["lat"] / c["n"], 5), round(c["lon"] / c["n"], 5)
        c["bounds"] = [round(v, 5) for v in c["bounds"]]  # rounded alike: the mean stays inside
        c["type"] = max(c["types"], key=lambda t: (c["types"][t], t))
        if c["n"] > 1:
            c["id"] = None
        out.append(c)
    return sorted(out, key=lambda c: -c["n"])
