"""Ingest throughput (articles/s) and its ratio to coding alone, in one process, same pipeline.

    .venv/bin/python bench/ingest.py [--words 30000]

Corpus: bench/throughput.py's news texts when ../shared is present, else the examples. Times
`code_records` (coding only) and `corpus.ingest` into a fresh SQLite database (coding, storing,
cross-article dedup, committing in batches of 32). Last line: `ingest_vs_code=<ingest time / code time>`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=30_000)
    a = ap.parse_args()
    from throughput import corpus

    from eventwire.scale.corpus import ingest
    from eventwire.model import Article
    from eventwire.scale.parallel import code_records
    from eventwire.pipeline import Pipeline
    from eventwire.store import open_store

    texts = corpus(a.words) or [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    pipeline = Pipeline()
    list(pipeline.code_many([Article(id="w", text=texts[0], published="2025-01-11")]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps({"id": str(i), "text": t, "published": "2025-01-11"}) + "\n"
                                for i, t in enumerate(texts)))
        articles = [Article(id=str(i), text=t, published="2025-01-11") for i, t in enumerate(texts)]
        start = time.perf_counter()
        n_events = sum(len(r) for _, r in code_records(articles, 1, pipeline=pipeline))
        coded = time.perf_counter() - start
        store = open_store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        report = ingest([str(path)], store, pipeline=pipeline)
        stored = time.perf_counter() - start
    print(f"{len(texts)} articles, {n_events} coded events; {report.summary()}")
    print(f"code only: {len(texts) / coded:.1f} articles/s; ingest: {len(texts) / stored:.1f} articles/s")
    print(f"ingest_vs_code={stored / coded:.3f}")


if __name__ == "__main__":
    main()
