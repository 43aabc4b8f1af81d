"""Growth of coding time with input size on hostile inputs: is any stage super-linear?

    python bench/robustness.py [--sizes 200 400 800]

Three inputs (issue 23): one sentence of a repeated clause ("The leader of the leader of ...
attacked Goma."), where every noun phrase contains all the later ones; a quote-heavy paragraph of
glued and unpaired quotation marks; one "sentence" of hundreds of clauses chained by semicolons.
For each size it prints the seconds of ``Pipeline.code`` plus ``annotate``, and the growth ratio
for 2x input (about 2 is linear, 4 quadratic). The last line is machine-readable.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire import Pipeline  # noqa: E402


def repeated_clause(n: int) -> str:
    return "The leader " + "of the leader " * n + "attacked Goma."


def quote_heavy(n: int) -> str:
    parts = ["\u201cWe will not allow it,\u201dthe minister said.", "\u201cThey shelled our homes,\u201d he said,",
             "\u201cand they will pay.", "\u00abIt was us,\u00bb\u201d she told reporters. \"We", "attacked Goma,\" they said."]
    return " ".join(parts[k % len(parts)] for k in range(n))


def chained_clauses(n: int) -> str:
    clauses = ["rebels attacked goma", "police arrested five men in uvira", "protesters marched in bunia",
               "the army shelled kalehe"]
    return "; ".join(clauses[k % len(clauses)] for k in range(n)) + "."


def seconds(pipeline: Pipeline, text: str) -> float:
    t0 = time.perf_counter()
    pipeline.code(text, published="2025-01-11")
    pipeline.annotate(text, published="2025-01-11")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 400, 800])
    a = ap.parse_args()
    pipeline = Pipeline()
    seconds(pipeline, "Russian forces shelled Kharkiv on Tuesday.")  # warm up
    result = {}
    for name, make in (("repeated_clause", repeated_clause), ("quote_heavy", quote_heavy),
                       ("chained_clauses", chained_clauses)):
        times = [seconds(pipeline, make(n)) for n in a.sizes]
        ratios = [round(b / max(x, 1e-6), 2) for x, b in zip(times, times[1:])]
        for n, t in zip(a.sizes, times):
            print(f"{name:16} n={n:<6} {len(make(n)):>7} chars  {t:6.2f} s")
        print(f"{name:16} growth for 2x input: {ratios}")
        result[name] = {"sizes": a.sizes, "seconds": [round(t, 3) for t in times], "growth": ratios}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
