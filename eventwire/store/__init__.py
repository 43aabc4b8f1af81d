"""One event database behind one interface: SQLite by default, PostgreSQL for teams.

    >>> store = open_store("sqlite:///events.db")        # or a plain path, or postgresql://user@host/db
    >>> with store.transaction():
    ...     store.add_article(article, records)            # stores, deduplicates across articles
    >>> store.events(EventFilter(type="ASSAULT", country="UKR"))

Both backends run the same SQL (``?`` placeholders are rewritten for psycopg) and the same
numbered migrations (:mod:`eventwire.store.schema`). Every statement is parameterised.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, NamedTuple, Optional

from ..cluster import DedupConfig, best_match, date_range, shift
from ..model import Article
from . import schema
from .filters import SORTS, EventFilter, InvalidFilter, check_count, check_text

DEFAULT_URL = "sqlite:///eventwire.db"
PLACE_RANK = {"place": 4, "admin2": 3, "admin1": 2, "country": 1, None: 0}
DATE_RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "year": 1, None: 0}
FILLABLE = ("mode", "acled", "actor", "recipient", "reported_by")
MAX_CANDIDATES = 500


class StoreError(Exception):
    """A database that cannot be opened or used; the message says which and why."""


class Added(NamedTuple):
    new: int      # events stored
    merged: int   # mentions merged into stored events
    stored: bool  # False: the text was there already


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mention_id(key: str, record_id: str) -> str:
    """The stored id of a coded event: its coder id joined to the article's text hash, because the
    coder's id hashes a client-chosen article id that two different texts may share."""
    return hashlib.sha256(f"{key}|{record_id}".encode("utf-8")).hexdigest()[:20]


def _storable(value: str) -> bool:
    """Whether both databases can compare the value (PostgreSQL refuses NUL, neither takes lone surrogates)."""
    try:
        check_text("key", value, max_chars=None)
    except InvalidFilter:
        return False
    return True


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def open_store(url: Optional[str] = None) -> "Store":
    """Open (creating and migrating) the database at a URL or plain file path."""
    url = url or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to {url}: {str(e).strip().splitlines()[0]}") from None
        return Store(conn, "postgresql", url)
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    if "://" in path:
        raise StoreError(f"unknown database URL {url!r}: use sqlite:///file.db, postgresql://... or a file path")
    if path != ":memory:" and not Path(path).parent.exists():
        raise StoreError(f"cannot create {path}: folder {Path(path).parent} does not exist")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open {path} as SQLite: {e}") from None
    return Store(conn, "sqlite", url)


class Store:
    def __init__(self, conn: Any, dialect: str, url: str):
        self.conn, self.dialect, self.url = conn, dialect, url
        self._in_tx = False
        self.migrate()

    # -- plumbing -------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: tuple | list = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: a crash or error inside leaves the database as it was before."""
        if self._in_tx:
            yield
            return
        self.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
        self._in_tx = True
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK")
            raise
        else:
            self.execute("COMMIT")
        finally:
            self._in_tx = False

    def close(self) -> None:
        self.conn.close()

    def migrate(self) -> int:
        """Apply missing migrations; returns the schema version."""
        self.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
        current = self.scalar("SELECT MAX(version) FROM schema_migrations") or 0
        for version in range(current + 1, len(schema.MIGRATIONS) + 1):
            with self.transaction():
                for statement in schema.statements(self.dialect, version):
                    self.execute(statement)
                self.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, _now()))
        return len(schema.MIGRATIONS)

    @property
    def version(self) -> int:
        return self.scalar("SELECT MAX(version) FROM schema_migrations") or 0

    # -- writing ----------------------------------------------------------------------------------
    def known_keys(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.execute(f"SELECT key FROM articles WHERE key IN ({marks})", chunk).fetchall())
        return found

    def add_reject(self, origin: str, reason: str) -> None:
        self.execute("INSERT INTO rejects (origin, reason, rejected_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                     (origin, reason, _now()))

    def add_article(self, article: Article, records: list[dict[str, Any]],
                    cfg: DedupConfig = DedupConfig()) -> Added:
        """Store an article and its coded events; returns (new events, mentions merged into stored
        ones, whether this call stored the article).

        An article whose text is already stored, by this process or a concurrent one, adds nothing.
        Call inside :meth:`transaction`.
        """
        key = text_key(article.text)
        if not self._insert_article(key, article, len(records)):
            return Added(0, 0, False)
        new = merged = 0
        for record in records:
            record = dict(record, id=mention_id(key, record["id"]))
            if self.scalar("SELECT 1 FROM mentions WHERE id = ?", (record["id"],)):
                continue  # one article that codes the same trigger twice
            target, match = best_match(record, self._candidates(record, key, cfg), cfg)
            if target is None:
                self._insert_event(record, key)
                new += 1
            else:
                self._merge(target, record, key, match.score, match.why)
                merged += 1
        return Added(new, merged, True)

    def _insert_article(self, key: str, article: Article, n_events: int) -> bool:
        """False when the text is stored already; ON CONFLICT also waits out a concurrent writer of it."""
        seq = (self.scalar("SELECT MAX(seq) FROM articles") or 0) + 1
        cur = self.execute("INSERT INTO articles (key, id, title, url, source, published, origin, text, n_events, seq,"
                           " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                           (key, article.id, article.title, article.url, article.source, article.published,
                            article.origin, article.text, n_events, seq, _now()))
        return cur.rowcount == 1

    def _candidates(self, record: dict[str, Any], key: str, cfg: DedupConfig) -> list[dict[str, Any]]:
        start, end = date_range(record)
        sql = ("SELECT id, record FROM events WHERE type = ?"
               " AND id NOT IN (SELECT event_id FROM mentions WHERE article_key = ?)")
        params: list[Any] = [record["type"], key]
        if start:
            sql += " AND date_start <= ? AND COALESCE(date_end, date_start) >= ?"
            params += [shift(end, cfg.slack_days), shift(start, -cfg.slack_days)]
        sql += f" ORDER BY seq DESC LIMIT {MAX_CANDIDATES}"
        out = []
        for row in self.rows(sql, params):
            cand = json.loads(row["record"])
            cand["id"] = row["id"]
            out.append(cand)
        return out

    def _insert_event(self, record: dict[str, Any], key: str) -> None:
        seq = (self.scalar("SELECT MAX(seq) FROM events") or 0) + 1
        canonical = dict(record)
        claims = _claims(record)
        cols = _columns(canonical, claims)
        cols.update(id=record["id"], seq=seq, n_mentions=1, n_sources=1,
                    first_reported=(record.get("article") or {}).get("published"))
        names = list(cols)
        self.execute(f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                     [cols[n] for n in names])
        self.execute("INSERT INTO mentions (id, event_id, article_key, score, why, record) VALUES (?, ?, ?, ?, ?, ?)",
                     (record["id"], record["id"], key, None, "first report", json.dumps(record, ensure_ascii=False)))

    def _merge(self, target: dict[str, Any], record: dict[str, Any], key: str, score: float, why: str) -> None:
        event_id = target["id"]
        self.execute("INSERT INTO mentions (id, event_id, article_key, score, why, record) VALUES (?, ?, ?, ?, ?, ?)",
                     (record["id"], event_id, key, score, why, json.dumps(record, ensure_ascii=False)))
        canonical = _fill(target, record)
        claims = json.loads(self.scalar("SELECT claims FROM events WHERE id = ?", (event_id,))) + _claims(record)
        cols = _columns(canonical, claims)
        stats = self.rows("SELECT COUNT(*) AS n, COUNT(DISTINCT COALESCE(a.source, a.url, a.key)) AS s,"
                          " MIN(a.published) AS first FROM mentions m JOIN articles a ON a.key = m.article_key"
                          " WHERE m.event_id = ?", (event_id,))[0]
        cols.update(n_mentions=stats["n"], n_sources=stats["s"], first_reported=stats["first"])
        names = list(cols)
        self.execute(f"UPDATE events SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
                     [cols[n] for n in names] + [event_id])

    # -- reading ----------------------------------------------------------------------------------
    def count(self, flt: EventFilter = EventFilter()) -> int:
        where, params = flt.where()
        return self.scalar(f"SELECT COUNT(*) FROM events{where}", params)

    def events(self, flt: EventFilter = EventFilter(), limit: Optional[int] = 100, offset: int = 0,
               sort: str = "-date") -> list[dict[str, Any]]:
        if sort not in SORTS:
            raise InvalidFilter(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
        where, params = flt.where()
        sql = f"SELECT * FROM events{where} ORDER BY {SORTS[sort]}, seq"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = params + [check_count("limit", limit), check_count("offset", offset)]
        return self.rows(sql, params)

    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        if not _storable(event_id):
            return None
        rows = self.rows("SELECT * FROM events WHERE id = ?", (event_id,))
        if not rows:  # a mention's id leads to its canonical event
            rows = self.rows("SELECT e.* FROM events e JOIN mentions m ON m.event_id = e.id WHERE m.id = ?", (event_id,))
        return rows[0] if rows else None

    def mentions(self, event_id: str) -> list[dict[str, Any]]:
        return self.rows("SELECT m.id, m.event_id, m.article_key, m.score, m.why, m.record, a.id AS article_id,"
                         " a.title, a.source, a.url, a.published FROM mentions m JOIN articles a ON a.key = m.article_key"
                         " WHERE m.event_id = ? ORDER BY a.seq, m.id", (event_id,))

    def article(self, key: str) -> Optional[dict[str, Any]]:
        if not _storable(key):
            return None
        rows = self.rows("SELECT * FROM articles WHERE key = ? OR id = ? ORDER BY seq LIMIT 1", (key, key))
        return rows[0] if rows else None

    def article_mentions(self, key: str) -> list[dict[str, Any]]:
        return self.rows("SELECT id, event_id, record FROM mentions WHERE article_key = ? ORDER BY id", (key,))

    def rejects(self) -> list[dict[str, Any]]:
        return self.rows("SELECT origin, reason, rejected_at FROM rejects ORDER BY id")

    def totals(self) -> dict[str, int]:
        return {t: self.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("articles", "events", "mentions", "rejects")}

    def stats(self, flt: EventFilter = EventFilter()) -> dict[str, Any]:
        where, params = flt.where()
        by = {}
        for name, col in (("type", "type"), ("country", "country"), ("day", "date_start")):
            by[name] = {r["k"]: r["n"] for r in self.rows(
                f"SELECT {col} AS k, COUNT(*) AS n FROM events{where} GROUP BY {col} ORDER BY {col}", params)}
        return {"events": self.count(flt), **{f"by_{k}": v for k, v in by.items()}}


    def clusters(self, flt: EventFilter = EventFilter(), cell_deg: float = 1.0) -> list[dict[str, Any]]:
        """Located events aggregated on a grid of ``cell_deg`` degrees (the map at 50,000 events)."""
        where, params = flt.where()
        where = (where + " AND" if where else " WHERE") + " lat IS NOT NULL AND lon IS NOT NULL"
        rows = self.rows(f"SELECT ROUND(lat / ?) AS gy, ROUND(lon / ?) AS gx, type, COUNT(*) AS n, AVG(lat) AS lat,"
                         f" AVG(lon) AS lon, MIN(id) AS id FROM events{where} GROUP BY ROUND(lat / ?), ROUND(lon / ?), type",
                         [cell_deg, cell_deg, *params, cell_deg, cell_deg])
        cells: dict[tuple, dict[str, Any]] = {}
        for r in rows:
            c = cells.setdefault((r["gy"], r["gx"]), {"n": 0, "lat": 0.0, "lon": 0.0, "types": {}, "id": r["id"]})
            c["lat"] += r["lat"] * r["n"]
            c["lon"] += r["lon"] * r["n"]
            c["n"] += r["n"]
            c["types"][r["type"]] = r["n"]
        out = []
        for c in cells.values():
            c["lat"], c["lon"] = round(c["lat"] / c["n"], 4), round(c["lon"] / c["n"], 4)
            c["type"] = max(c["types"], key=lambda t: (c["types"][t], t))
            if c["n"] > 1:
                c["id"] = None
            out.append(c)
        return sorted(out, key=lambda c: -c["n"])


# -- records <-> columns ----------------------------------------------------------------------------
def _fill(canonical: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
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


def _claims(record: dict[str, Any]) -> list[dict[str, Any]]:
    src = (record.get("reported_by") or {}).get("text")
    art = record.get("article") or {}
    return [{"kind": q["kind"], "value": q["value"], "approx": q.get("approx"), "text": q.get("text"),
             "mention": record["id"], "article": art.get("id"), "source": art.get("source"),
             "reported_by": src} for q in record.get("quantities") or []]


def _party_name(party: Optional[dict[str, Any]]) -> Optional[str]:
    return (party.get("name") or party.get("text")) if party else None


def _columns(record: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any]:
    acled, loc, when = record.get("acled") or {}, record.get("location") or {}, record.get("when") or {}
    actor, recipient = record.get("actor") or {}, record.get("recipient") or {}
    killed = [c["value"] for c in claims if c["kind"] == "killed"]
    return {
        "type": record["type"], "mode": record.get("mode"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "actor": _party_name(actor) and f"{actor.get('text')} {actor.get('name') or ''}".strip(),
        "actor_country": actor.get("country"), "actor_sector": actor.get("sector"),
        "recipient": _party_name(recipient) and f"{recipient.get('text')} {recipient.get('name') or ''}".strip(),
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


__all__ = ["DEFAULT_URL", "Added", "EventFilter", "InvalidFilter", "Store", "StoreError", "canonical_record", "mention_id",
           "open_store", "text_key"]
