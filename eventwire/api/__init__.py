"""The REST API and the web page over one event database (FastAPI).

    eventwire serve --db eventwire.db          # http://127.0.0.1:8000/ , OpenAPI docs at /docs

Read endpoints are open on the bound address (loopback by default); ``POST /api/articles``
codes and stores an article and is off unless a token is configured, then needs
``Authorization: Bearer <token>``. Every error has one shape: ``{"error": {"status", "message"}}``.
"""
from __future__ import annotations

import hmac
import json
import logging
import threading
from pathlib import Path
from typing import Any, Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__
from eventwire.store import EventFilter, InvalidFilter, Store, canonical_record, open_store, text_key
from eventwire.store.filters import SORTS, check_text, parse_bbox, parse_date
from eventwire.store.names import UnknownName, check_country
from eventwire.api import dashboard
from eventwire.api.dashboard import json_response
from eventwire.api.docs import docs_page

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_PAGE = 1000
MAX_ARTICLE_CHARS = 1_000_000
MAX_META_CHARS = 2048
# no inline script or style, nothing from another origin: the page sets styles only through the
# CSSOM (element.style), which the policy allows, and Leaflet's CSS is served from /static/vendor
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
EXPORTS = {"csv": ("text/csv", "csv"), "acled-csv": ("text/csv", "acled.csv"), "geojson": ("application/geo+json", "geojson"),
           "jsonl": ("application/x-ndjson", "jsonl"), "parquet": ("application/vnd.apache.parquet", "parquet")}
log = logging.getLogger("eventwire.api")


class NewArticle(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_ARTICLE_CHARS)
    title: Optional[str] = Field(None, max_length=MAX_META_CHARS)
    url: Optional[str] = Field(None, max_length=MAX_META_CHARS)
    source: Optional[str] = Field(None, max_length=MAX_META_CHARS)
    published: Optional[str] = Field(None, description="YYYY-MM-DD", max_length=64)
    id: Optional[str] = Field(None, max_length=MAX_META_CHARS)

    @field_validator("text", "title", "url", "source", "id")
    @classmethod
    def storable(cls, value: Optional[str], info: Any) -> Optional[str]:
        return None if value is None else check_text(info.field_name, value, max_chars=None)

    @field_validator("published")
    @classmethod
    def date(cls, value: Optional[str]) -> Optional[str]:
        return parse_date("published", value)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _bearer(authorization: Optional[str], token: str) -> bool:
    """Exactly ``Bearer <token>`` (the scheme's case is free, RFC 9110); compared in constant time."""
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.encode(), token.encode())


def _country(value: Optional[str]) -> Optional[str]:
    """ISO3 for a code or name; a name that is no country is a 400 that suggests the closest."""
    if not value:
        return None
    try:
        return check_country(check_text("country", value))
    except UnknownName as e:
        raise InvalidFilter(str(e)) from None


def create_app(db: Optional[str] = None, token: Optional[str] = None) -> FastAPI:
    # FastAPI's own /docs and /redoc load a CDN script through an inline one: our CSP blocks both
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Coded news events: who did what to whom, where, when, how many, and who says so.")
    local = threading.local()
    lock = threading.Lock()
    state: dict[str, Any] = {"pipeline": None}
    open_store(db).close()  # create and migrate once, so a bad URL fails at start, not per request

    def store() -> Store:
        if getattr(local, "store", None) is None:  # one connection per worker thread
            local.store = open_store(db)
        return local.store

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body"))
        return _error(422, f"{where}: {first.get('msg')}" if where else str(first.get("msg")))

    @app.exception_handler(InvalidFilter)
    async def invalid_input(_: Request, exc: InvalidFilter) -> JSONResponse:
        return _error(400, str(exc))

    def event_filter(type: Optional[str] = None, mode: Optional[str] = None,
                     country: Optional[str] = Query(None, description="ISO3, ISO2 or name: SDN, SD or Sudan"),
                     actor: Optional[str] = Query(None, description="Words of an actor's or recipient's text or name, or an alias (RSF)"),
                     sector: Optional[str] = None, since: Optional[str] = None,
                     until: Optional[str] = None, bbox: Optional[str] = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
                     text: Optional[str] = Query(None, description="Words in any report of the event (full-text index)"),
                     certainty: Optional[str] = None, min_sources: Optional[int] = Query(None, ge=1),
                     admin1: Optional[str] = Query(None, description="First-level division, as listed by /api/top"),
                     acled: Optional[str] = Query(None, description="ACLED event type, e.g. Battles")) -> EventFilter:
        return EventFilter(type=type or None, mode=mode or None, country=_country(country), actor=actor or None,
                           sector=sector or None, since=since, until=until, bbox=parse_bbox(bbox),
                           text=text or None, certainty=certainty or None, min_sources=min_sources,
                           admin1=admin1 or None, acled=acled or None)

    @app.get("/api/events", summary="Canonical events matching the filters, paginated and sorted")
    def list_events(flt: EventFilter = Depends(event_filter), limit: int = Query(50, ge=1, le=MAX_PAGE),
                    offset: int = Query(0, ge=0), sort: str = Query("-date", description=", ".join(SORTS))) -> Response:
        s = store()
        rows = s.events(flt, limit=limit, offset=offset, sort=sort)
        sources = s.sources([r["id"] for r in rows])
        return json_response({"total": s.count(flt), "limit": limit, "offset": offset,
                              "events": [dict(canonical_record(r), sources=sources.get(r["id"], [])) for r in rows]})

    @app.get("/api/events/{event_id}", summary="One event with every mention and its evidence")
    def get_event(event_id: str) -> Response:
        s = store()
        row = s.event(event_id)
        if row is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return json_response(canonical_record(row, s.mentions(row["id"])))

    @app.get("/api/articles/{key}", summary="An article's text and the spans behind each event coded from it")
    def get_article(key: str) -> dict:
        s = store()
        art = s.article(key)
        if art is None:
            raise HTTPException(404, f"no article {key!r}")
        events = [dict(json.loads(m["record"]), id=m["id"], event_id=m["event_id"]) for m in s.article_mentions(art["key"])]
        meta = {k: art[k] for k in ("key", "id", "title", "url", "source", "published", "origin")}
        return {"article": meta, "text": art["text"], "events": events}

    @app.get("/api/stats", summary="Counts by type, country and day for the filters")
    def stats(flt: EventFilter = Depends(event_filter)) -> Response:
        return json_response(store().stats(flt))

    @app.get("/api/clusters", summary="Located events on a grid of `cell` degrees, for the map")
    def clusters(flt: EventFilter = Depends(event_filter), cell: float = Query(1.0, gt=0.001, le=90)) -> Response:
        return json_response({"cell": cell, "clusters": store().clusters(flt, cell)})

    @app.get("/api/export", summary="The filtered events as a file: csv, geojson, jsonl, acled-csv or parquet")
    def export(flt: EventFilter = Depends(event_filter),
               format: str = Query("csv", pattern="^(csv|geojson|jsonl|acled-csv|parquet)$")) -> Response:
        import io

        from eventwire.formats.export import write

        buf: Any = io.BytesIO() if format == "parquet" else io.StringIO()
        write(store(), format, buf, flt)
        media, ext = EXPORTS[format]
        return Response(buf.getvalue(), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="eventwire-events.{ext}"'})

    dashboard.add_routes(app, store, event_filter)

    @app.post("/api/articles", status_code=201, summary="Code and store one article (needs the server's token)")
    def post_article(body: NewArticle, authorization: Optional[str] = Header(None)) -> dict:
        if not token:
            raise HTTPException(403, "writing is off: start the server with --token (or EVENTWIRE_TOKEN) to enable it")
        if not _bearer(authorization, token):
            raise HTTPException(401, "missing or wrong token: send Authorization: Bearer <token>")
        from eventwire.readers.articles import Rejected, text_to_article
        from eventwire.scale.parallel import code_article
        from eventwire.pipeline import Pipeline

        try:
            article = text_to_article(body.text, "api", id=body.id, title=body.title, url=body.url,
                                      source=body.source, published=body.published)
        except ValueError as e:  # the reader's own checks on a client's text (an empty one)
            raise HTTPException(400, str(e)) from None
        with lock:  # one writer; the pipeline is loaded on first use
            if state["pipeline"] is None:
                state["pipeline"] = Pipeline()
            records = code_article(state["pipeline"], article)
            s = store()
            if isinstance(records, Rejected):  # stored as rejected (a rerun retries it); our fault, not the client's
                with s.transaction():
                    s.add_reject(records.origin, records.reason)
                raise HTTPException(500, f"the article could not be coded: {records.reason}")
            with s.transaction():
                added = s.add_article(article, records)
        key = text_key(article.text)  # the events as stored, also when this text was stored before
        return {"article": key, "events": [m["id"] for m in s.article_mentions(key)], "new": added.new,
                "merged": added.merged}

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next):
        try:
            response = await call_next(request)
        except Exception:  # noqa: BLE001 - any bug still answers in the documented error shape
            log.exception("%s %s failed", request.method, request.url.path)
            response = _error(500, "internal error: the server logged the details")
        # no inline scripts, nothing from other origins: untrusted article text cannot run code
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return app
