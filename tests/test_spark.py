"""The Spark job on local[2]: the same events and the same cross-article merges as a database ingest."""
import json
import shutil

import pytest

from conftest import EXAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("spark")
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2025-03-14", "source": "examples"})
             for p in sorted(EXAMPLES.glob("*.txt"))]
    lines += (EXAMPLES / "dedup" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    lines.insert(3, "{not json")
    path = tmp / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_spark_matches_the_database(corpus, tmp_path, pipeline):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)")
    import pyarrow.parquet as pq

    from eventwire.scale.corpus import ingest
    from eventwire.scale.spark import run
    from eventwire.store import open_store

    counts = run(str(corpus), str(tmp_path / "out"), master="local[2]")
    assert counts["rejects"] == 1 and counts["reports"] > counts["events"] > 30
    events = pq.read_table(tmp_path / "out" / "events").to_pylist()
    assert len(events) == counts["events"]
    fasher = max(events, key=lambda e: e["n_mentions"])
    assert fasher["location"]["name"] == "El Fasher" and fasher["n_sources"] >= 2
    assert all(e["evidence"]["trigger"]["text"] and e["type"] for e in events)
    mentions = pq.read_table(tmp_path / "out" / "mentions").to_pylist()
    assert len(mentions) == counts["reports"]

    store = open_store(str(tmp_path / "db.sqlite"))
    ingest([str(corpus)], store, pipeline=pipeline)
    db_groups = {}
    for m in store.rows("SELECT id, event_id FROM mentions"):
        db_groups.setdefault(m["event_id"], set()).add(m["id"])
    spark_groups = {}
    for m in mentions:
        spark_groups.setdefault(m["event_id"], set()).add(m["id"])
    assert sorted(map(sorted, db_groups.values())) == sorted(map(sorted, spark_groups.values()))
