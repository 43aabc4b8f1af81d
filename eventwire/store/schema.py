"""The database schema, as numbered migrations shared by SQLite and PostgreSQL.

A migration is a list of statements with two dialect words filled in: ``{serial}`` (an
auto-increment integer key) and ``{float}``, or a dict of such lists by dialect where the two
engines need different SQL (full-text search). Applied migrations are recorded in
``schema_migrations``; opening a database applies the missing ones in order, in one transaction.
Never edit a released migration: append a new one.
"""
from __future__ import annotations

from typing import Union

DIALECT_WORDS = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY AUTOINCREMENT", "float": "REAL"},
    "postgresql": {"serial": "BIGSERIAL PRIMARY KEY", "float": "DOUBLE PRECISION"},
}

Migration = Union[list[str], dict[str, list[str]]]

# 3, SQLite: the words of every report of an event (its own evidence sentence, then each merged
# report's) in event_docs, indexed by FTS5 as external content. event_docs has its own integer key
# because FTS5 rows are addressed by rowid, and VACUUM may renumber the events table's rowids.
# Triggers keep it current whoever writes events (the store, bulk loaders, an older eventwire).
SQLITE_SEARCH = [
    "CREATE TABLE event_docs (doc INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE events_fts USING fts5(body, content='event_docs', content_rowid='doc',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER event_docs_ai AFTER INSERT ON event_docs BEGIN"
    " INSERT INTO events_fts (rowid, body) VALUES (new.doc, new.body); END",
    "CREATE TRIGGER event_docs_ad AFTER DELETE ON event_docs BEGIN"
    " INSERT INTO events_fts (events_fts, rowid, body) VALUES ('delete', old.doc, old.body); END",
    "CREATE TRIGGER event_docs_au AFTER UPDATE ON event_docs BEGIN"
    " INSERT INTO events_fts (events_fts, rowid, body) VALUES ('delete', old.doc, old.body);"
    " INSERT INTO events_fts (rowid, body) VALUES (new.doc, new.body); END",
    "INSERT INTO event_docs (event_id, body) SELECT e.id, e.sentence || COALESCE((SELECT char(10) ||"
    " group_concat(json_extract(m.record, '$.evidence.sentence'), char(10)) FROM mentions m"
    " WHERE m.event_id = e.id AND m.id <> e.id), '') FROM events e",
    "CREATE TRIGGER events_doc_ai AFTER INSERT ON events BEGIN"
    " INSERT INTO event_docs (event_id, body) VALUES (new.id, new.sentence); END",
    "CREATE TRIGGER events_doc_ad AFTER DELETE ON events BEGIN DELETE FROM event_docs WHERE event_id = old.id; END",
    "CREATE TRIGGER mentions_doc_ai AFTER INSERT ON mentions WHEN new.id <> new.event_id BEGIN"
    " UPDATE event_docs SET body = body || char(10) || json_extract(new.record, '$.evidence.sentence')"
    " WHERE event_id = new.event_id; END",
]
# 3, PostgreSQL: the same documents with a stored tsvector and a GIN index. Punctuation is turned
# into spaces first so both engines split "al-Qaeda" or "example.com" into the same words.
POSTGRES_SEARCH = [
    "DROP TABLE IF EXISTS event_docs",  # a test reset drops the tables it knows and leaves this one
    "CREATE TABLE event_docs (doc BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL,"
    " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(body, '[[:space:][:punct:]]+', ' ', 'g')))"
    " STORED)",
    "CREATE INDEX event_docs_tsv ON event_docs USING GIN (tsv)",
    "INSERT INTO event_docs (event_id, body) SELECT e.id, e.sentence || COALESCE((SELECT E'\\n' ||"
    " string_agg(m.record::json -> 'evidence' ->> 'sentence', E'\\n' ORDER BY m.id) FROM mentions m"
    " WHERE m.event_id = e.id AND m.id <> e.id), '') FROM events e",
    "CREATE OR REPLACE FUNCTION eventwire_event_doc() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN"
    " IF TG_OP = 'INSERT' THEN INSERT INTO event_docs (event_id, body) VALUES (NEW.id, NEW.sentence)"
    " ON CONFLICT (event_id) DO UPDATE SET body = EXCLUDED.body; RETURN NEW; END IF;"
    " DELETE FROM event_docs WHERE event_id = OLD.id; RETURN OLD; END $body$",
    "CREATE TRIGGER events_doc AFTER INSERT OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION eventwire_event_doc()",
    "CREATE OR REPLACE FUNCTION eventwire_mention_doc() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN"
    " IF NEW.id <> NEW.event_id THEN UPDATE event_docs SET body = body || E'\\n' ||"
    " (NEW.record::json -> 'evidence' ->> 'sentence') WHERE event_id = NEW.event_id; END IF; RETURN NEW; END $body$",
    "CREATE TRIGGER mentions_doc AFTER INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION eventwire_mention_doc()",
]

# 3, both: the dashboard's tables and charts. Canonical party names (the actor column joins the
# phrase and the name, which cannot be grouped); covering indexes so the whole-database views (a
# timeline by day and type, the map's grid) read narrow index rows, not every wide event row.
DASHBOARD = [
    "ALTER TABLE events ADD COLUMN actor_name TEXT",
    "ALTER TABLE events ADD COLUMN recipient_name TEXT",
    "CREATE INDEX events_acled ON events (acled_event_type)",
    "CREATE INDEX events_admin1 ON events (country, admin1, fatalities)",
    "CREATE INDEX events_day ON events (date_start, type, acled_event_type, fatalities)",
    "CREATE INDEX events_map ON events (lat, lon, type, acled_event_type, fatalities, id)",
    "CREATE INDEX events_actor_name ON events (actor_name, fatalities)",
    "CREATE INDEX events_recipient_name ON events (recipient_name, actor_name, fatalities)",
    # MAX(seq) is read for every stored event and article, and tells the dashboard's cache of a change
    "CREATE INDEX events_seq ON events (seq)",
    "CREATE INDEX articles_seq ON articles (seq)",
    # every narrow column a filter or a chart reads: a filtered chart scans this, not the rows
    "CREATE INDEX events_dash ON events (type, acled_event_type, country, admin1, date_start, date_end, fatalities,"
    " lat, lon, actor_country, recipient_country, actor_name, recipient_name, certainty, n_sources, seq, id)",
]

MIGRATIONS: list[Migration] = [
    # 1: articles, canonical events, mentions (event <-> article evidence), rejected inputs
    [
        """CREATE TABLE articles (
            key TEXT PRIMARY KEY,            -- sha256 of the text: the same text is one article
            id TEXT, title TEXT, url TEXT, source TEXT, published TEXT, origin TEXT,
            text TEXT NOT NULL, n_events INTEGER NOT NULL DEFAULT 0,
            seq INTEGER NOT NULL, ingested_at TEXT NOT NULL)""",
        "CREATE INDEX articles_published ON articles (published)",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,             -- the id of its first mention
            seq INTEGER NOT NULL,
            type TEXT NOT NULL, mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT,
            actor TEXT, actor_country TEXT, actor_sector TEXT,
            recipient TEXT, recipient_country TEXT, recipient_sector TEXT,
            location TEXT, geonameid INTEGER, country TEXT, admin1 TEXT, admin2 TEXT,
            lat {float}, lon {float}, geo_precision TEXT,
            date_start TEXT, date_end TEXT, date_precision TEXT,
            fatalities INTEGER, certainty TEXT, confidence {float},
            n_mentions INTEGER NOT NULL, n_sources INTEGER NOT NULL, first_reported TEXT,
            sentence TEXT NOT NULL, record TEXT NOT NULL, claims TEXT NOT NULL)""",
        "CREATE INDEX events_type_date ON events (type, date_start)",
        "CREATE INDEX events_date ON events (date_start)",
        "CREATE INDEX events_country ON events (country)",
        "CREATE INDEX events_latlon ON events (lat, lon)",
        """CREATE TABLE mentions (
            id TEXT PRIMARY KEY,             -- the coded event's own id (article + type + trigger)
            event_id TEXT NOT NULL REFERENCES events (id),
            article_key TEXT NOT NULL REFERENCES articles (key),
            score {float}, why TEXT, record TEXT NOT NULL)""",
        "CREATE INDEX mentions_event ON mentions (event_id)",
        "CREATE INDEX mentions_article ON mentions (article_key)",
        """CREATE TABLE rejects (
            id {serial}, origin TEXT NOT NULL, reason TEXT NOT NULL, rejected_at TEXT NOT NULL,
            UNIQUE (origin, reason))""",
    ],
    # 2: the country filter matches the place or either party: one index per column lets both
    # engines answer the OR from indexes instead of reading every (wide) event row
    [
        "CREATE INDEX events_actor_country ON events (actor_country)",
        "CREATE INDEX events_recipient_country ON events (recipient_country)",
    ],
    # 3: full-text search over what every report of an event says (see SQLITE_SEARCH), and the
    # columns the dashboard groups by: ACLED type, first-level division, fatalities by day
    {"sqlite": SQLITE_SEARCH + DASHBOARD + [
        "UPDATE events SET actor_name = json_extract(record, '$.actor.name'),"
        " recipient_name = json_extract(record, '$.recipient.name')"],
     "postgresql": POSTGRES_SEARCH + DASHBOARD + [
         "UPDATE events SET actor_name = record::json -> 'actor' ->> 'name',"
         " recipient_name = record::json -> 'recipient' ->> 'name'"]},
]


def statements(dialect: str, version: int) -> list[str]:
    """The statements of migration ``version`` (1-based) for a dialect."""
    migration = MIGRATIONS[version - 1]
    if isinstance(migration, dict):  # written for each engine: no dialect words to fill in
        return list(migration[dialect])
    words = DIALECT_WORDS[dialect]
    return [s.format(**words) for s in migration]
