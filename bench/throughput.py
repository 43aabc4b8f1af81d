"""Throughput of eventwire against bare spaCy on real news paragraphs, in one process.

    .venv/bin/python bench/throughput.py [--words 60000] [--repeat 2]

Corpus: texts under ../shared/data (RAMS and WikiEvents conflict news, LGL local news, TimeBank
and AQUAINT general news), read as data only; skipped with a message when ../shared is absent.
Prints, measured in the same process on the same texts:
  * bare spaCy: the unmodified model package (`spacy.load`), every component, `nlp.pipe`;
  * eventwire code with one worker (parse + every eventwire stage), and with 2 worker processes;
  * peak RSS of this process (one worker) and of the largest worker process;
  * accuracy before/after the fast path: the examples and the seed scored with the entity
    recogniser on every sentence (as bare spaCy runs it) and with it only where triggers are.
The last line is `ratio=<eventwire/bare> workers2_ratio=<2 workers/1 worker> rss_mb=<peak>`.
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
        sources.append([" ".join(" ".join(s) for s in json.loads(l)["sentences"]) for l in rams.open(encoding="utf-8")])
    wiki = SHARED / "wikievents-dev" / "dev.jsonl"
    if wiki.exists():
        sources.append([" ".join(json.loads(l)["tokens"]) for l in wiki.open(encoding="utf-8")])
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
    from eventwire.evaluate import score

    tp = fp = req = 0
    pairs = [(p, p.with_suffix(".gold.json")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    seed = SHARED.parent / "seed" / "kursk-captives.txt"
    if seed.exists():
        pairs.append((seed, seed.with_name("kursk-captives.gold.json")))
    for text_path, gold_path in pairs:
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        preds = [e.to_dict() for e in pipeline.code(text, published=gold["article"]["published"])]
        s = score(gold, preds, text)
        tp, fp, req = tp + s.tp, fp + s.fp, req + s.required
    return {"precision": round(tp / (tp + fp), 3) if tp + fp else 0.0, "recall": round(tp / req, 3) if req else 0.0}


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

    from eventwire import nlp as nlp_mod
    from eventwire.model import Article
    from eventwire.parallel import WorkerPool, code_records
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
    fast = accuracy(pipeline)
    pipeline.parser = nlp_mod.Parser(pipeline.nlp, None)  # entities on every sentence
    full_ner = accuracy(pipeline)
    print(f"corpus: {len(texts)} texts, {words:,} words (RAMS, WikiEvents, LGL, TimeBank/AQUAINT)")
    print(f"bare spaCy (all components, nlp.pipe): {words / bare:,.0f} words/s")
    print(f"eventwire code, 1 worker:              {words / one:,.0f} words/s")
    print(f"eventwire code, 2 workers:             {words / two:,.0f} words/s (workers already started)")
    print(f"examples+seed, entities everywhere: {full_ner}; entities where triggers are (default): {fast}")
    print(f"peak RSS: {rss_one:,.0f} MB this process (1 worker), {rss_worker:,.0f} MB largest worker")
    print(f"ratio={bare / one:.3f} workers2_ratio={one / two:.3f} rss_mb={max(rss_one, rss_worker):.0f}")


if __name__ == "__main__":
    main()
