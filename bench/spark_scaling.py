"""Spark scaling, measured in one run: local[1] vs local[2], and the overhead against `--workers 2`.

    .venv/bin/python bench/spark_scaling.py [--words 30000]

Uses the corpus of bench/throughput.py (../shared/data news texts) written as JSON Lines. Each
Spark session is warmed with a small job first (JVM start, and the pipeline loading once in each
Python worker), then the whole corpus is coded with dedup and written as Parquet. The same
corpus is coded by a started 2-process WorkerPool for the overhead figure. Last line:
`local2_vs_local1=<speed-up> spark2_vs_workers2=<spark time / pool time>`.
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

    from eventwire.model import Article
    from eventwire.scale.parallel import WorkerPool
    from eventwire.scale.spark import run

    texts = corpus(a.words)
    if not texts:
        print("bench/spark_scaling.py: ../shared/data is not present; nothing to measure")
        return
    words = sum(len(t.split()) for t in texts)
    import os

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        path, warm = Path(tmp) / "corpus.jsonl", Path(tmp) / "warm.jsonl"
        path.write_text("".join(json.dumps({"id": str(i), "text": t, "published": "2025-01-11"}) + "\n"
                                for i, t in enumerate(texts)))
        warm.write_text("".join(json.dumps({"id": f"w{i}", "text": t, "published": "2025-01-11"}) + "\n"
                                for i, t in enumerate(texts[:4])))
        for cores in (1, 2):
            spark = (SparkSession.builder.master(f"local[{cores}]").appName("eventwire-bench")
                     .config("spark.ui.enabled", "false").getOrCreate())
            run(str(warm), f"{tmp}/warm{cores}", spark=spark, partitions=cores)
            for attempt in ("first", "again"):  # again: every Python worker has its pipeline loaded
                start = time.perf_counter()
                counts = run(str(path), f"{tmp}/out{cores}{attempt}", spark=spark, partitions=cores)
                times[f"local[{cores}] {attempt}"] = time.perf_counter() - start
            spark.stop()
        articles = [Article(id=str(i), text=t, published="2025-01-11") for i, t in enumerate(texts)]
        with WorkerPool(2) as pool:
            list(pool.code(articles[:4]))
            start = time.perf_counter()
            list(pool.code(articles))
            times["workers2"] = time.perf_counter() - start
    print(f"corpus: {len(texts)} texts, {words:,} words; spark output: {counts}")
    for k, t in times.items():
        print(f"{k:10} {t:6.1f} s  {words / t:,.0f} words/s")
    print(f"local2_vs_local1={times['local[1] again'] / times['local[2] again']:.3f} "
          f"spark2_vs_workers2={times['local[2] again'] / times['workers2']:.3f}")


if __name__ == "__main__":
    main()
