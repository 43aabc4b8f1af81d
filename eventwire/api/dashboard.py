"""The dashboard's endpoints: timeline, top tables, the map's points or cells, and name suggestions.

Registered on the app by :func:`add_routes` with the app's own store and filter dependency, so
every view answers to exactly the same filters as ``/api/events`` and ``/api/export``.
"""
from __future__ import annotations

from typing import Any, Callable

import json

from fastapi import Depends, FastAPI, Query
from fastapi.responses import Response

from eventwire.store import EventFilter, Store
from eventwire.store import aggregate
from eventwire.store.filters import LIKE, check_text, like_pattern
from eventwire.store.names import actor_names, countries

MAX_SUGGESTIONS = 20


def json_response(payload: Any) -> Response:
    """JSON straight from json.dumps: FastAPI's generic encoder walks every nested value again,
    which costs more than the query for a page of 50 full event records."""
    return Response(json.dumps(payload, ensure_ascii=False), media_type="application/json")


def add_routes(app: FastAPI, store: Callable[[], Store], event_filter: Callable[..., EventFilter]) -> None:
    @app.get("/api/timeline", summary="Events and fatalities per day and type (or ACLED type), with the robust date range")
    def timeline(flt: EventFilter = Depends(event_filter),
                 by: str = Query("type", pattern="^(type|acled)$", description="type (PLOVER) or acled")) -> Response:
        return json_response(aggregate.timeline(store(), flt, by))

    @app.get("/api/top", summary="The countries, actors and first-level divisions with the most events")
    def top(flt: EventFilter = Depends(event_filter),
            by: str = Query("country,actor,admin1", description="Comma-separated: country, actor, admin1"),
            limit: int = Query(10, ge=1, le=100)) -> Response:
        s = store()
        return json_response({name: aggregate.top(s, flt, name, limit) for name in dict.fromkeys(by.split(","))})

    @app.get("/api/map", summary="Located events in view: each one (at most 3000), else grid cells of `cell` degrees")
    def map_view(flt: EventFilter = Depends(event_filter), cell: float = Query(1.0, gt=0.001, le=90),
                 by: str = Query("type", pattern="^(type|acled)$")) -> Response:
        return json_response(aggregate.map_view(store(), flt, cell, by))

    @app.get("/api/countries", summary="Every country (name, ISO3, ISO2, centre, population) with its number of events here")
    def country_list() -> dict:
        s = store()
        counts = {r["key"]: r["n"] for r in aggregate.top(s, EventFilter(), "country", limit=1000)}
        return {"countries": [{"iso3": c.iso3, "iso2": c.iso2, "name": c.name, "n": counts.get(c.iso3, 0),
                               "lat": c.lat, "lon": c.lon, "population": c.population} for c in countries()]}

    @app.get("/api/actors", summary="Actor names containing the words typed, and the actor an alias names")
    def actor_list(q: str = Query("", max_length=200), limit: int = Query(10, ge=1, le=MAX_SUGGESTIONS)) -> dict:
        return {"actors": suggest_actors(store(), check_text("q", q), limit)}


def suggest_actors(s: Store, q: str, limit: int) -> list[dict[str, Any]]:
    """Canonical names (with event counts) that contain ``q``, or that ``q`` is an alias of."""
    names = actor_names(q) if q.strip() else []
    pats = [like_pattern(n.lower()) for n in names] or ["%"]
    where = " OR ".join(f"LOWER(k) {LIKE}" for _ in pats)
    rows = s.rows(f"SELECT k, COUNT(*) AS n FROM (SELECT actor_name AS k FROM events UNION ALL"
                  f" SELECT recipient_name AS k FROM events) t WHERE k IS NOT NULL AND ({where})"
                  f" GROUP BY k ORDER BY n DESC, k LIMIT ?", [*pats, limit])
    return [{"name": r["k"], "n": r["n"]} for r in rows]
