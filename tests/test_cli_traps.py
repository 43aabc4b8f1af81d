"""Issue 21, the command line's traps: each test failed on the behaviour before the fix.

A mistyped --db made an empty database and answered "0 events"; --since 12/06/2025 was refused
without naming the option; the query table had no event id (for `eventwire why`), article, outlet
or fatalities; `serve` announced "serving on ..." and then died on a busy port."""
import socket
import subprocess
import sys

import pytest

from eventwire.model import Article
from eventwire.store import mention_id, open_store, text_key
from test_store import record


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli.main", *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """One stored event: 3 killed in Kharkiv, reported by the outlet "Wire A" in article "wire-a-1"."""
    path = tmp_path_factory.mktemp("traps") / "events.db"
    store = open_store(str(path))
    text = "Russian missiles struck Kharkiv, killing three."
    with store.transaction():
        store.add_article(Article(id="wire-a-1", text=text, source="Wire A", published="2025-03-11"),
                          [record("wire-a-1", killed=3)])
    store.close()
    return {"path": str(path), "event": mention_id(text_key(text), "wire-a-1-ASSAULT")}


@pytest.mark.parametrize("command", [["query"], ["export"], ["why", "abc"], ["serve", "--port", "0"]])
def test_read_only_commands_refuse_a_database_that_does_not_exist(tmp_path, command):
    missing = tmp_path / "typo.db"
    proc = run(*command, "--db", str(missing))
    assert proc.returncode == 2, proc.stderr
    assert str(missing) in proc.stderr and "ingest" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not missing.exists()
    assert "serving" not in proc.stderr


def test_only_ingest_creates_a_database(tmp_path):
    from eventwire.cli.db import open_db

    path = tmp_path / "new.db"
    open_db(str(path), create=True).close()
    assert path.is_file()


@pytest.mark.parametrize("command", ["query", "export"])
@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["2025-13-01", "12/06/2025", "2025-02-30", "last week"])
def test_date_options_are_checked_naming_the_option_and_the_forms(db, command, option, value):
    proc = run(command, "--db", db["path"], option, value)
    assert proc.returncode == 2, proc.stderr
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1 and option in line and repr(value) in line and "YYYY-MM-DD" in line, line


def test_a_month_stands_for_its_days(db):
    march = run("query", "--db", db["path"], "--since", "2025-03", "--until", "2025-03", "--format", "json")
    april = run("query", "--db", db["path"], "--since", "2025-04", "--format", "json")
    assert march.returncode == april.returncode == 0, march.stderr + april.stderr
    assert '"total": 1' in march.stdout and '"total": 0' in april.stdout


def test_query_table_shows_event_id_article_outlet_and_fatalities(db):
    proc = run("query", "--db", db["path"])
    assert proc.returncode == 0, proc.stderr
    header, row = [line for line in proc.stdout.splitlines() if "│" in line or "┃" in line][:2]
    for column in ("event id", "article", "outlets", "fatalities"):
        assert column in header
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert cells[0] == db["event"] and "3" in cells and "wire-a-1" in cells and "Wire A" in cells, cells


def test_query_country_by_name_and_a_wrong_name_gets_suggestions(db):
    assert '"total": 1' in run("query", "--db", db["path"], "--country", "Ukraine", "--format", "json").stdout
    proc = run("query", "--db", db["path"], "--country", "Ukrain")
    assert proc.returncode == 2 and "Ukraine (UKR)" in proc.stderr, proc.stderr


def test_serve_refuses_a_busy_port_before_saying_it_serves(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = run("serve", "--db", db["path"], "--port", str(port), timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "serving" not in proc.stderr and f"127.0.0.1:{port}" in proc.stderr and "in use" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
