import csv
import io
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES

pytestmark = pytest.mark.slow


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "eventwire.cli.main", *args], capture_output=True, text=True, input=stdin)


def test_code_jsonl_csv_table():
    path = str(EXAMPLES / "sudan-el-fasher.txt")
    js = run("code", path, "--published", "2025-03-14")
    assert js.returncode == 0, js.stderr
    records = [json.loads(line) for line in js.stdout.splitlines()]
    assert records and all(r["article"]["published"] == "2025-03-14" for r in records)
    rows = list(csv.DictReader(io.StringIO(run("code", path, "--published", "2025-03-14", "--format", "csv").stdout)))
    assert len(rows) == len(records) and rows[0]["type"] == records[0]["type"]
    table = run("code", path, "--published", "2025-03-14", "--format", "table").stdout
    assert "ASSAULT" in table and "El Fasher" in table


def test_stdin_and_out_file(tmp_path):
    out = tmp_path / "events.jsonl"
    proc = run("code", "-", "--published", "2025-02-03", "--out", str(out),
               stdin="Georgian police detained 41 protesters in Tbilisi overnight.")
    assert proc.returncode == 0, proc.stderr
    [rec] = [json.loads(line) for line in out.read_text().splitlines()]
    assert rec["type"] == "COERCE" and rec["when"]["start"] == "2025-02-02"


def test_annotate_lists_every_layer():
    proc = run("annotate", str(EXAMPLES / "mali-camp-attack.txt"), "--published", "2025-06-02")
    rec = json.loads(proc.stdout)
    assert {"places", "times", "actors", "quantities"} <= set(rec)
    assert any(p["name"] == "Mopti" and p["geonameid"] for p in rec["places"])
    assert any(t["timex"] == "2025-06-01" for t in rec["times"])
    assert any(a["country"] == "MLI" and a["sector"] == "REB" for a in rec["actors"])
    assert any(q["value"] == 30 and q["approx"] == "over" for q in rec["quantities"])


def test_bad_published_is_usage_error():
    proc = run("code", str(EXAMPLES / "mali-camp-attack.txt"), "--published", "June 2")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_places_and_actors_explain():
    assert "Kursk" in run("places", "Kursk").stdout
    coded = json.loads(run("actors", "Ukraine's defence minister").stdout)
    assert coded["country"] == "UKR" and coded["sector"] == "GOV"
