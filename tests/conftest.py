import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp():
    from eventwire import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "seed" / "kursk-captives.txt").exists():
        pytest.skip("../shared is not present (a user's clone has none)")
    return SHARED


def code_sentence(pipeline, text, published="2025-01-11"):
    return [e.to_dict() for e in pipeline.code(text, published=published)]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


PG_URL_ENV = "EVENTWIRE_TEST_PG"  # e.g. postgresql://eventwire:eventwire@127.0.0.1/eventwire_test (.ci/run sets it)
BACKENDS = ["sqlite", "postgresql"]


def reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS mentions, events, articles, rejects, schema_migrations CASCADE")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database URL for each backend; PostgreSQL is skipped unless configured."""
    import os

    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'events.db'}"
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV}=postgresql://... (.ci/run starts a server and sets it)")
    reset_postgres(url)
    return url
