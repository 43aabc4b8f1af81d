"""Whole articles with hand-made gold (the seed, the examples, the blind real-news gold under
eval/realnews), coded through ``code`` and scored by :mod:`eventwire.evaluate` (the shared
scorer's rules). Headline: event precision, recall and fields correct, pooled over the articles.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

from eventwire.evaluation.scorer import score
from eventwire.model import Article
from eventwire.evaluation.rows import Report, f1, ratio
from eventwire.evaluation.splits import Part, select

ROOT = Path(__file__).resolve().parents[2]
WIRE_DIR = ROOT / "eval" / "wire"
GoldPair = tuple[str, str, dict]  # (document id, text, gold)


def folder_docs(folder: Path) -> list[GoldPair]:
    """Every ``<name>.txt`` in a folder that has a ``<name>.gold.json`` beside it."""
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
        if text_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pairs.append((text_path.stem, text_path.read_text(encoding="utf-8"), gold))
    return pairs


def seed_and_examples(shared: Path) -> list[GoldPair]:
    pairs = [(p, p.with_name(p.name.replace(".txt", ".gold.json"))) for p in sorted((ROOT / "examples").glob("*.txt"))]
    seed = shared / "seed" / "kursk-captives.txt"
    if seed.exists():
        pairs.append((seed, seed.with_name("kursk-captives.gold.json")))
    return [(t.stem, t.read_text(encoding="utf-8"), json.loads(g.read_text(encoding="utf-8")))
            for t, g in pairs if g.exists()]


def evaluate(pipeline, docs: list[GoldPair], dataset: str, part: Part = "all",
             on_doc: Optional[Callable[[str, object], None]] = None) -> Report:
    chosen = select(docs, dataset, part, lambda d: d[0]) if part != "all" else docs
    report = Report(dataset, part)
    c: Counter = Counter()
    start = time.perf_counter()
    for doc_id, text, gold in chosen:
        meta = gold.get("article", {})
        preds = [e.to_dict() for e in pipeline.code(Article(id=doc_id, text=text, published=meta.get("published")))]
        s = score(gold, preds, text)
        c["tp"] += s.tp
        c["fp"] += s.fp
        c["required"] += s.required
        c["fields_right"] += sum(v[0] for v in s.field_counts.values())
        c["fields"] += sum(v[1] for v in s.field_counts.values())
        c["when_right"] += s.field_counts["when"][0]
        c["when"] += s.field_counts["when"][1]
        c["where_right"] += s.field_counts["location"][0]
        c["where"] += s.field_counts["location"][1]
        for row in s.rows:
            if "acled" in row:
                key = "acled_none" if row["acled_gold_none"] else "acled"
                c[key + "_right"] += row["acled"]
                c[key] += 1
        report.words += len(text.split())
        if on_doc:
            on_doc(doc_id, s)
    report.seconds = time.perf_counter() - start
    p, r = ratio(c["tp"], c["tp"] + c["fp"]), ratio(c["tp"], c["required"])
    report.add("event_precision", p, c["tp"] + c["fp"])
    report.add("event_recall", r, c["required"])
    report.add("event_f1", f1(p, r), c["required"])
    report.add("fields_correct", ratio(c["fields_right"], c["fields"]), c["fields"])
    report.add("date_right_of_matched", ratio(c["when_right"], c["when"]), c["when"], headline=False)
    report.add("place_right_of_matched", ratio(c["where_right"], c["where"]), c["where"], headline=False)
    if c["acled"]:  # gold with ACLED sub-event types (eval/realnews)
        report.add("acled_subevent_right_of_matched", ratio(c["acled_right"], c["acled"]), c["acled"])
        report.add("acled_none_right_of_matched", ratio(c["acled_none_right"], c["acled_none"]), c["acled_none"],
                   headline=False)
    return report
