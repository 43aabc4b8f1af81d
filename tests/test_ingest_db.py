"""`eventwire ingest/query/export/why` as a user runs them, and the kill -9 test."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES
from eventwire.store import open_store

pytestmark = pytest.mark.slow


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "eventwire.cli.main", *args], capture_output=True, text=True, **kw)


def corpus(tmp_path, copies=5):
    """The examples, each in several outlets' copies (distinct texts), the dedup reports, one bad line."""
    lines = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for k in range(copies):
            lines.append({"id": f"{path.stem}-{k}", "source": f"outlet-{k}", "published": "2025-03-14",
                          "text": f"{text}\nReporting by desk {k}."})
    lines += [json.loads(line) for line in (EXAMPLES / "dedup" / "reports.jsonl").read_text().splitlines()]
    path = tmp_path / "corpus.jsonl"
    rows = [json.dumps(x) for x in lines]
    rows.insert(len(rows) // 2, "{not json")
    path.write_text("\n".join(rows) + "\n")
    return path, len(lines)


def snapshot(url):
    store = open_store(url)
    events = {(r["id"], r["n_mentions"], r["n_sources"]) for r in store.events(limit=None)}
    mentions = sorted(tuple(r.values()) for r in store.rows("SELECT id, event_id, article_key FROM mentions"))
    totals = store.totals()
    store.close()
    return events, mentions, totals


def test_kill_9_then_resume_equals_uninterrupted(tmp_path, db_url):
    path, n = corpus(tmp_path)
    ref = f"sqlite:///{tmp_path / 'ref.db'}"
    assert cli("ingest", str(path), "--db", ref, "--batch-size", "4").returncode == 1  # 1: the bad line
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", "ingest", str(path), "--db", db_url,
                             "--batch-size", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = open_store(db_url)
    deadline = time.time() + 120
    while time.time() < deadline and (store.totals()["articles"] < 8):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = store.totals()["articles"]
    store.close()
    assert 8 <= stored < n, f"kill landed after {stored} of {n} articles"
    resumed = cli("ingest", str(path), "--db", db_url, "--batch-size", "4")
    assert resumed.returncode == 1 and f"{stored} already there" in resumed.stderr
    assert snapshot(db_url) == snapshot(ref)
    assert snapshot(ref)[2]["articles"] == n and snapshot(ref)[2]["rejects"] == 1


def test_ingest_query_export_why(tmp_path):
    db = str(tmp_path / "events.db")
    proc = cli("ingest", str(EXAMPLES / "dedup" / "reports.jsonl"), "--db", db, "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert "12 articles stored" in proc.stderr and "merged into known events" in proc.stderr
    again = cli("ingest", str(EXAMPLES / "dedup" / "reports.jsonl"), "--db", db)
    assert "0 articles stored (12 already there" in again.stderr
    q = json.loads(cli("query", "--db", db, "--type", "ASSAULT", "--country", "SDN", "--format", "json").stdout)
    assert q["total"] >= 2 and all(e["type"] == "ASSAULT" for e in q["events"])
    fasher = next(e for e in q["events"] if (e.get("location") or {}).get("name") == "El Fasher")
    assert fasher["n_sources"] == 2 and sorted(c["value"] for c in fasher["claims"] if c["kind"] == "killed") == [12, 15]
    why = cli("why", fasher["id"], "--db", db)
    assert why.returncode == 0 and "2 reports from 2 sources" in why.stdout and "same place (El Fasher)" in why.stdout
    geo = json.loads(cli("export", "--db", db, "--format", "geojson", "--bbox", "20,10,35,20").stdout)
    assert geo["features"] and all(10 <= f["geometry"]["coordinates"][1] <= 20 for f in geo["features"])
    acled = cli("export", "--db", db, "--format", "acled-csv", "--out", str(tmp_path / "a.csv"))
    assert acled.returncode == 0 and (tmp_path / "a.csv").read_text().startswith("event_id_cnty,event_date")


def test_bad_database_and_filters_fail_in_one_line(tmp_path):
    from eventwire.store import open_store

    open_store(str(tmp_path / "e.db")).close()  # an empty database: the filters are what is wrong
    for args, needle in ((("query", "--db", "mysql://x/y"), "unknown database URL"),
                         (("query", "--db", str(tmp_path / "no" / "such" / "x.db")), "no database at"),
                         (("ingest", "-", "--db", str(tmp_path / "no" / "such" / "x.db")), "does not exist"),
                         (("query", "--db", str(tmp_path / "e.db"), "--bbox", "1,2,3"), "bbox"),
                         (("query", "--db", str(tmp_path / "e.db"), "--since", "yesterday"), "YYYY-MM-DD"),
                         (("export", "--db", str(tmp_path / "e.db"), "--format", "parquet"), "--out"),
                         (("why", "nope", "--db", str(tmp_path / "e.db")), "no event"),
                         (("serve", "--db", "mysql://x/y"), "unknown database URL"),
                         (("spark", str(tmp_path / "missing.jsonl"), str(tmp_path / "out")), "no such file")):
        proc = cli(*args)
        assert proc.returncode in (1, 2) and needle in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_watch_picks_up_new_files(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Georgian police detained 41 protesters in Tbilisi on Sunday, the ministry said.")
    db = str(tmp_path / "w.db")
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", "ingest", str(inbox), "--db", db,
                             "--published", "2025-02-03", "--watch", "0.3"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 90
        store = open_store(db)
        while time.time() < deadline and store.totals()["articles"] < 1:
            time.sleep(0.1)
        (inbox / "b.txt").write_text("Sudanese army drones struck RSF positions in Nyala on Saturday, the army said.")
        while time.time() < deadline and store.totals()["articles"] < 2:
            time.sleep(0.1)
        assert store.totals()["articles"] == 2 and store.count() >= 2
    finally:
        proc.terminate()
        proc.wait(10)
