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

from eventwire.dedup.across import DedupConfig, best_match, date_range, shift
from eventwire.model import Article
from eventwire.store import aggregate
from eventwire.store import schema
from eventwire.store.filters import SORTS, EventFilter, InvalidFilter, check_count, check_text
from eventwire.store.records import canonical_record, claims, columns, fill

DEFAULT_URL = "sqlite:///eventwire.db"
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


def sqlite_path(url: Optional[str] = None) -> Optional[str]:
    """The file of a SQLite URL or plain path (None for PostgreSQL and for ``:memory:``)."""
    url = url or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        return None
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    return None if path == ":memory:" or "://" in path else path  # another scheme: open_store names it


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
        lite = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        lite.execute("PRAGMA journal_mode=WAL")
        lite.execute("PRAGMA foreign_keys=ON")
        lite.execute("PRAGMA busy_timeout=10000")
    except sqlite3.DatabaseError as e:
        raise StoreError(f"cannot open {path} as SQLite: {e}") from None
    return Store(lite, "sqlite", url)


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
    def in_transaction(self) -> bool:
        return self._in_tx

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
            if target is None or match is None:
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
        if start and end:
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
        cols = columns(canonical, claims(record))
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
        canonical = fill(target, record)
        known = json.loads(self.scalar("SELECT claims FROM events WHERE id = ?", (event_id,)))
        cols = columns(canonical, known + claims(record))
        stats = self.rows("SELECT COUNT(*) AS n, COUNT(DISTINCT COALESCE(a.source, a.url, a.key)) AS s,"
                          " MIN(a.published) AS first FROM mentions m JOIN articles a ON a.key = m.article_key"
                          " WHERE m.event_id = ?", (event_id,))[0]
        cols.update(n_mentions=stats["n"], n_sources=stats["s"], first_reported=stats["first"])
        names = list(cols)
        self.execute(f"UPDATE events SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
                     [cols[n] for n in names] + [event_id])

    # -- reading ----------------------------------------------------------------------------------
    def count(self, flt: EventFilter = EventFilter()) -> int:
        where, params = flt.where(self.dialect)
        return aggregate.memo(self, ("count", repr(flt)), lambda: self.scalar(f"SELECT COUNT(*) FROM events{where}", params))

    def events(self, flt: EventFilter = EventFilter(), limit: Optional[int] = 100, offset: int = 0,
               sort: str = "-date") -> list[dict[str, Any]]:
        if sort not in SORTS:
            raise InvalidFilter(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
        where, params = flt.where(self.dialect)
        order = f"{SORTS[sort]}, seq, id"
        if limit is None:
            return self.rows(f"SELECT * FROM events{where} ORDER BY {order}", params)
        # sort and page the narrow keys first, then read only the page's (wide) rows
        page = [check_count("limit", limit), check_count("offset", offset)]
        return self.rows(f"SELECT * FROM events WHERE id IN (SELECT id FROM events{where} ORDER BY {order}"
                         f" LIMIT ? OFFSET ?) ORDER BY {order}", params + page)

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

    def sources(self, event_ids: list[str]) -> dict[str, list[str]]:
        """The outlets (else article ids) that reported each event, in report order."""
        out: dict[str, list[str]] = {}
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            for r in self.rows(f"SELECT m.event_id, COALESCE(a.source, a.id) AS s FROM mentions m JOIN articles a"
                               f" ON a.key = m.article_key WHERE m.event_id IN ({','.join('?' * len(chunk))})"
                               f" ORDER BY a.seq, m.id", chunk):
                names = out.setdefault(r["event_id"], [])
                if r["s"] and r["s"] not in names:
                    names.append(r["s"])
        return out

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
        return aggregate.memo(self, ("stats", repr(flt)), lambda: self._stats(flt))

    def _stats(self, flt: EventFilter) -> dict[str, Any]:
        where, params = flt.where(self.dialect)
        by = {}
        for name, col in (("type", "type"), ("acled", "acled_event_type"), ("country", "country"), ("day", "date_start")):
            by[name] = {r["k"]: r["n"] for r in self.rows(
                f"SELECT {col} AS k, COUNT(*) AS n FROM events{where} GROUP BY {col} ORDER BY {col}", params)}
        fatalities = self.scalar(f"SELECT SUM(fatalities) FROM events{where}", params)
        return {"events": self.count(flt), "fatalities": int(fatalities or 0), **{f"by_{k}": v for k, v in by.items()}}

    def clusters(self, flt: EventFilter = EventFilter(), cell_deg: float = 1.0, by: str = "type") -> list[dict[str, Any]]:
        """Located events aggregated on a grid of ``cell_deg`` degrees (the map at 50,000 events)."""
        return aggregate.clusters(self, flt, cell_deg, by)


# the merge rules' old names, kept for eventwire.scale.spark


__all__ = ["DEFAULT_URL", "Added", "EventFilter", "InvalidFilter", "Store", "StoreError", "canonical_record", "mention_id",
           "open_store", "sqlite_path", "text_key"]
