"""ACLED export, measured: sub-event accuracy, actor1 names, and merges across countries.

    .venv/bin/python eval/acled_subevents.py [--details]

Reads examples/acled/reports.jsonl (short reports the project wrote, annotated in gold.json before
any coder run) the way `eventwire code` does, codes each with a default ``Pipeline()``, turns the
records into ACLED rows with ``eventwire.export`` and scores:

* ``sub_event_accuracy``: the main event of each report (the first row whose trigger is one of the
  gold trigger words) has the gold event type and sub-event type; a report with no such row is wrong;
* ``actor1_canonical``: the share of all rows whose actor1 is non-empty and canonical — an
  ACLED-style name from eventwire/data/armed_groups.json or one of ACLED's generic forms
  ("Military Forces of Sudan (2019-)", "Unidentified Armed Group (Niger)", "Protesters (Georgia)");
* ``actor1_gold``: main events whose actor1 is the gold one (reported, no target);
* ``cross_country_merges``: after ``eventwire ingest`` of all reports into a fresh database, merged
  reports whose country differs from the event they joined, or that have no country (0 expected).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire import Pipeline  # noqa: E402
from eventwire.scale.corpus import ingest  # noqa: E402
from eventwire.formats.export import acled_row  # noqa: E402
from eventwire.readers.articles import Rejected, read_paths  # noqa: E402
from eventwire.store import open_store  # noqa: E402

REPORTS = ROOT / "examples" / "acled" / "reports.jsonl"
GOLD = ROOT / "examples" / "acled" / "gold.json"
from eventwire.evaluation.acled_notes import canonical  # noqa: E402


def coded_rows(pipeline: Pipeline) -> list[tuple[str, str, dict[str, Any]]]:
    """(article id, trigger text, ACLED row) for every row, in input and document order."""
    out = []
    seq = 0
    for article in read_paths([str(REPORTS)], None):
        if isinstance(article, Rejected):
            raise SystemExit(f"{REPORTS}: {article.origin}: {article.reason}")
        for event in pipeline.code(article):
            seq += 1
            rec = event.to_dict()
            row = acled_row(rec, seq, 0)
            if row is not None:
                out.append((article.id, rec["evidence"]["trigger"]["text"].lower(), row))
    return out


def main_row(rows: list, article_id: str, triggers: list[str]) -> dict[str, Any] | None:
    mine = [(t, r) for a, t, r in rows if a == article_id]
    for word in triggers:
        hit = next((r for t, r in mine if word == t or word in t.split()), None)
        if hit is not None:
            return hit
    return None


def cross_country_merges() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "acled.db"))
        ingest([str(REPORTS)], store)
        bad = []
        for m in store.rows("SELECT m.id, m.event_id, m.why, m.record, e.country FROM mentions m"
                            " JOIN events e ON e.id = m.event_id WHERE m.id <> m.event_id"):
            country = (json.loads(m["record"]).get("location") or {}).get("country")
            if not country or country != m["country"]:
                bad.append(f"{m['id']} ({country}) -> {m['event_id']} ({m['country']}): {m['why']}")
        store.close()
    return bad


def evaluate(details: bool = False) -> dict[str, Any]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    rows = coded_rows(Pipeline())
    right = actor_right = 0
    misses = []
    for report_id, g in gold["reports"].items():
        row = main_row(rows, report_id, g["triggers"])
        ok = row is not None and (row["event_type"], row["sub_event_type"]) == (g["event_type"], g["sub_event_type"])
        right += ok
        actor_right += row is not None and row["actor1"] == g["actor1"]
        if details and (not ok or row["actor1"] != g["actor1"]):
            got = (row["sub_event_type"], row["actor1"]) if row else None
            misses.append(f"{report_id}: gold {g['sub_event_type']!r} / {g['actor1']!r}; got {got}")
    merges = cross_country_merges()
    n = len(gold["reports"])
    result = {"reports": n, "rows": len(rows),
              "sub_event_accuracy": round(right / n, 3),
              "actor1_canonical": round(sum(canonical(r["actor1"]) for _, _, r in rows) / max(1, len(rows)), 3),
              "actor1_gold": round(actor_right / n, 3),
              "cross_country_merges": len(merges)}
    if details:
        result["misses"] = misses
        result["not_canonical"] = sorted({r["actor1"] for _, _, r in rows if not canonical(r["actor1"])})
        result["merge_problems"] = merges
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true", help="list the misses, non-canonical names and bad merges")
    print(json.dumps(evaluate(ap.parse_args().details), indent=1))


if __name__ == "__main__":
    main()
