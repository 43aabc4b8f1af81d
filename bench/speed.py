"""Words per second of `eventwire code` next to bare spaCy `nlp.pipe`, measured in one process.

    python bench/speed.py [--docs N] [--repeat K]

Corpus: the project's examples, plus the seed and RAMS dev paragraphs from ../shared when present
(read as data only). The machine is noisy, so the evidence is the ratio of the two timings taken
in the same process, not the absolute numbers. The last line is machine-readable.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire import Pipeline  # noqa: E402
from eventwire.model import Article  # noqa: E402


def corpus(limit: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    shared = ROOT.parent / "shared"
    seed = shared / "seed" / "kursk-captives.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    rams = shared / "data" / "rams-dev" / "dev.jsonlines"
    if rams.exists():
        with open(rams, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                texts.append(" ".join(" ".join(s) for s in doc["sentences"]))
                if len(texts) >= limit:
                    break
    return texts[:limit]


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    articles = [Article(id=str(i), text=t, published="2025-01-11") for i, t in enumerate(texts)]
    pipeline.code(articles[0])  # warm caches (gazetteer, model)

    bare = best_of(lambda: list(pipeline.nlp.pipe(texts, batch_size=16)), args.repeat)
    full = best_of(lambda: [events for _, events in pipeline.code_many(articles)], args.repeat)
    events = sum(len(e) for _, e in pipeline.code_many(articles))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} docs, {words} words, {events} events")
    print(f"bare spaCy nlp.pipe: {words / bare:,.0f} words/s")
    print(f"eventwire code:      {words / full:,.0f} words/s")
    print(f"ratio={bare / full:.3f} rss_mb={rss:.0f}")


if __name__ == "__main__":
    main()
