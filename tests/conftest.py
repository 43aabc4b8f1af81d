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
    from eventwire.parse import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "seed" / "kursk-captives.txt").exists():
        pytest.skip("../shared is not present (a user's clone has none)")
    return SHARED


def code_sentence(pipeline, text, published="2025-01-11"):
    return [e.to_dict() for e in pipeline.code(text, published=published)]


def first_event(events: list[dict], type_: str, trigger: str) -> dict:
    """The first coded event of a type on a trigger word (StopIteration when there is none)."""
    return next(e for e in events if e["type"] == type_ and e["evidence"]["trigger"]["text"] == trigger)


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


XSS_ARTICLE = ("Militants <script>window.__xss = 1</script> attacked a police post in Kidal on Monday, "
               "killing three officers <img src=x onerror=\"window.__xss = 2\">, the army said.")


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, pipeline):
    """A SQLite database of the example articles, the dedup reports and one hostile article."""
    from eventwire.scale.corpus import ingest
    from eventwire.store import open_store

    tmp = tmp_path_factory.mktemp("db")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": "hostile", "source": "<b>Evil</b>", "published": "2025-03-17",
                                   "title": "<script>window.__xss = 3</script>", "text": XSS_ARTICLE}) + "\n")
    url = f"sqlite:///{tmp / 'examples.db'}"
    store = open_store(url)
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] + [str(EXAMPLES / "dedup" / "reports.jsonl"), str(hostile)]
    ingest(paths, store, published="2025-03-14", pipeline=pipeline)
    store.close()
    return url
