"""Cross-article deduplication, measured: pairwise precision and recall of merged reports.

    .venv/bin/python eval/dedup.py [--db URL] [--radius-km 50 --date-slack 1 --merge-threshold 0.55]

Ingests examples/dedup/reports.jsonl (same-event reports the project wrote, with distractors)
into a fresh database, finds each gold report's stored mention (article id + trigger word),
and compares the canonical events they landed in with the gold clusters over all report pairs.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.dedup.across import DedupConfig  # noqa: E402
from eventwire.scale.corpus import ingest  # noqa: E402
from eventwire.store import open_store  # noqa: E402

REPORTS = ROOT / "examples" / "dedup" / "reports.jsonl"
GOLD = ROOT / "examples" / "dedup" / "gold.json"


def evaluate(store, gold: dict) -> dict:
    mentions = store.rows("SELECT m.event_id, m.record, a.id AS article_id FROM mentions m"
                          " JOIN articles a ON a.key = m.article_key")
    placed: dict[tuple[str, str], str] = {}
    found = 0
    for cluster, reports in gold["clusters"].items():
        for article_id, word in reports:
            hit = next((m["event_id"] for m in mentions if m["article_id"] == article_id and
                        word.lower() in json.loads(m["record"])["evidence"]["trigger"]["text"].lower()), None)
            if hit is not None:
                placed[(article_id, word)] = hit
                found += 1
    gold_of = {(a, w): c for c, reports in gold["clusters"].items() for a, w in reports}
    tp = fp = fn = 0
    for x, y in itertools.combinations(sorted(gold_of), 2):
        same_gold = gold_of[x] == gold_of[y]
        same_pred = x in placed and y in placed and placed[x] == placed[y]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"reports": len(gold_of), "reports_found": found, "pairs_tp": tp, "pairs_fp": fp, "pairs_fn": fn,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def run(cfg: DedupConfig = DedupConfig(), db: str | None = None) -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or str(Path(tmp) / "dedup.db"))
        ingest([str(REPORTS)], store, cfg=cfg)
        result = evaluate(store, gold)
        store.close()
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--radius-km", type=float, default=DedupConfig.radius_km)
    ap.add_argument("--date-slack", type=int, default=DedupConfig.slack_days)
    ap.add_argument("--merge-threshold", type=float, default=DedupConfig.threshold)
    a = ap.parse_args()
    print(json.dumps(run(DedupConfig(a.radius_km, a.date_slack, a.merge_threshold), a.db)))


if __name__ == "__main__":
    main()
