"""The database schema, as numbered migrations shared by SQLite and PostgreSQL.

A migration is a list of statements with two dialect words filled in: ``{serial}`` (an
auto-increment integer key) and ``{float}``. Applied migrations are recorded in
``schema_migrations``; opening a database applies the missing ones in order, in one transaction.
Never edit a released migration: append a new one.
"""
from __future__ import annotations

DIALECT_WORDS = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY AUTOINCREMENT", "float": "REAL"},
    "postgresql": {"serial": "BIGSERIAL PRIMARY KEY", "float": "DOUBLE PRECISION"},
}

MIGRATIONS: list[list[str]] = [
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
]


def statements(dialect: str, version: int) -> list[str]:
    """The statements of migration ``version`` (1-based) for a dialect."""
    words = DIALECT_WORDS[dialect]
    return [s.format(**words) for s in MIGRATIONS[version - 1]]
