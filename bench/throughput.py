"""Throughput of the product path on real news, with an accuracy figure from the same run.

    .venv/bin/python bench/throughput.py [--words 60000] [--repeat 2]

Corpus: texts under ../shared/data (RAMS and WikiEvents conflict news, LGL local news, TimeBank
and AQUAINT general news), read as data only; skipped with a message when ../shared is absent.
Prints, measured in the same process on the same texts:
  * bare spaCy: the unmodified model package (`spacy.load`), every component, `nlp.pipe`;
  * `eventwire code` (the default Pipeline: every stage, entities on every sentence) with one
    worker and with 2 worker processes: words/s and articles/s;
  * peak RSS of this process (one worker) and of the largest worker process;
  * accuracy of the same pipeline object: the seed and examples (event P/R) and the TimeBank test
    part (value F1), so a speed change and its accuracy cost are printed side by side.
The last line is machine-readable:
`ratio=<eventwire/bare words/s> workers2_ratio=<2 workers/1 worker> rss_mb=<peak per worker> articles_per_s=<2 workers>`.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def corpus(max_words: int) -> list[str]:
    """Round-robin over the sources so each contributes, until max_words."""
    sources = []
    rams = SHARED / "rams-dev" / "dev.jsonlines"
    if rams.exists():
        sources.append([" ".join(" ".join(s) for s in json.loads(line)["sentences"]) for line in rams.open(encoding="utf-8")])
    wiki = SHARED / "wikievents-dev" / "dev.jsonl"
    if wiki.exists():
        sources.append([" ".join(json.loads(line)["tokens"]) for line in wiki.open(encoding="utf-8")])
    lgl = SHARED / "geoparsing-lgl" / "lgl.xml"
    if lgl.exists():
        import xml.etree.ElementTree as ET

        sources.append([a.findtext("text") or "" for a in ET.parse(lgl).getroot().iter("article")])
    tb = SHARED / "timex-tbaq"
    if tb.exists():
        import html

        texts = []
        for p in sorted(tb.rglob("*.tml")):
            m = re.search(r"<TEXT>(.*)</TEXT>", p.read_text(encoding="utf-8"), re.S)
            if m:
                texts.append(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip())
        sources.append(texts)
    out, words, k = [], 0, 0
    while words < max_words and any(k < len(s) for s in sources):
        for s in sources:
            if k < len(s) and s[k].strip() and words < max_words:
                out.append(s[k][:20000])
                words += len(out[-1].split())
        k += 1
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def accuracy(pipeline) -> dict[str, float]:
    from eventwire.evaluation import articles
    from eventwire.evaluation import timeml

    out = {}
    rep = articles.evaluate(pipeline, articles.seed_and_examples(SHARED.parent), "seed+examples")
    out.update({f"seed+examples {r.metric}": r.value for r in rep.rows if r.metric in ("event_precision", "event_recall")})
    if timeml.available(SHARED.parent):
        rep = timeml.evaluate(pipeline, SHARED.parent, "test")
        out["timebank test value_f1"] = next(r.value for r in rep.rows if r.metric == "value_f1")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=60_000)
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    texts = corpus(a.words)
    if not texts:
        print("bench/throughput.py: ../shared/data is not present; nothing to measure")
        return
    import spacy

    from eventwire.parse import nlp as nlp_mod
    from eventwire.model import Article
    from eventwire.scale.parallel import WorkerPool, code_records
    from eventwire.pipeline import Pipeline

    words = sum(len(t.split()) for t in texts)
    bare_nlp = spacy.load(nlp_mod.DEFAULT_MODEL)  # the package exactly as shipped
    pipeline = Pipeline()
    articles = [Article(id=str(i), text=t, published="2025-01-11") for i, t in enumerate(texts)]
    list(bare_nlp.pipe(texts[:20]))
    list(pipeline.code_many(articles[:20]))  # warm: gazetteer, caches
    bare = min(timed(lambda: list(bare_nlp.pipe(texts, batch_size=16))) for _ in range(a.repeat))
    one = min(timed(lambda: list(code_records(articles, 1, pipeline=pipeline))) for _ in range(a.repeat))
    rss_one = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with WorkerPool(2) as pool:
        list(pool.code(articles[:8]))  # start-up (model load in each worker) is not throughput
        two = min(timed(lambda: list(pool.code(articles))) for _ in range(a.repeat))
        rss_worker = pool.peak_rss_mb()
    acc = accuracy(pipeline)
    print(f"corpus: {len(texts)} texts, {words:,} words (RAMS, WikiEvents, LGL, TimeBank/AQUAINT)")
    print(f"bare spaCy (all components, nlp.pipe): {words / bare:,.0f} words/s")
    print(f"eventwire code, 1 worker:              {words / one:,.0f} words/s, {len(texts) / one:.1f} articles/s")
    print(f"eventwire code, 2 workers:             {words / two:,.0f} words/s, {len(texts) / two:.1f} articles/s "
          "(workers already started)")
    print("accuracy, same pipeline: " + ", ".join(f"{k} {v:.3f}" for k, v in acc.items()))
    print(f"peak RSS: {rss_one:,.0f} MB this process (1 worker), {rss_worker:,.0f} MB largest worker")
    print(f"ratio={bare / one:.3f} workers2_ratio={one / two:.3f} rss_mb={max(rss_one, rss_worker):.0f} "
          f"articles_per_s={len(texts) / two:.2f}")


if __name__ == "__main__":
    main()
