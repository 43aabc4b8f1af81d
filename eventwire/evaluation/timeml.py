"""Time expressions end to end: TimeBank 1.2 + AQUAINT (TempEval-3 training), through ``annotate``.

Each document is annotated with its creation time as the publication date. A gold TIMEX3 is
found when one of ``annotate``'s times overlaps it (TempEval-3 relaxed match). Headline: value F1
— a found expression with the exact TimeML value is right; precision over ours, recall over gold,
so a missed expression counts as wrong. Diagnostic: value accuracy over the found ones.
"""
from __future__ import annotations

import html
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from eventwire.model import Article
from eventwire.evaluation.rows import Report, f1, ratio
from eventwire.evaluation.splits import Part, select

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class TimeDoc:
    doc_id: str
    dct: Optional[str]
    text: str
    golds: list[dict]


def parse(path: Path) -> TimeDoc:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    chunks, golds, pos, length, open_timex = [], [], 0, 0, None
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        chunks.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if name == "TIMEX3" and not closing:
            open_timex = {"start": length, **attrs}
        elif name == "TIMEX3" and closing and open_timex is not None:
            golds.append({**open_timex, "end": length})
            open_timex = None
    chunks.append(html.unescape(body[pos:]))
    return TimeDoc(path.stem, dct_m.group(1) if dct_m else None, "".join(chunks), golds)


def docs(shared: Path) -> list[TimeDoc]:
    return [parse(p) for p in sorted((shared / "data" / "timex-tbaq").glob("*/*.tml"))]


def available(shared: Path) -> bool:
    return (shared / "data" / "timex-tbaq").exists()


def evaluate(pipeline, shared: Path, part: Part = "all", show: int = 0) -> Report:
    chosen = select(docs(shared), "timebank", part, lambda d: d.doc_id)
    report = Report("timebank", part)
    c: Counter = Counter()
    start = time.perf_counter()
    for d in chosen:
        ours = pipeline.annotate(Article(id=d.doc_id, text=d.text, published=d.dct)).times
        _score_doc(d, ours, c, show)
        report.words += len(d.text.split())
    report.seconds = time.perf_counter() - start
    p, r = ratio(c["value_ok"], c["ours"]), ratio(c["value_ok"], c["gold"])
    report.add("value_f1", f1(p, r), c["gold"])
    report.add("value_precision", p, c["ours"])
    report.add("value_recall", r, c["gold"])
    report.add("span_recall", ratio(c["found"], c["gold"]), c["gold"], headline=False)
    report.add("value_accuracy_of_found", ratio(c["value_ok"], c["found"]), c["found"], headline=False)
    for kind in TYPES:
        if c[f"gold_{kind}"]:
            report.add(f"value_recall_{kind}", ratio(c[f"ok_{kind}"], c[f"gold_{kind}"]), c[f"gold_{kind}"], headline=False)
    return report


ONE_DIGIT_WEEK = re.compile(r"-W(\d)(?=\b|-)")


def same_value(ours: Optional[str], gold: Optional[str]) -> bool:
    """Exact TimeML values, with the gold's unpadded ISO weeks ("2000-W6", some TimeBank files)
    read as the padded form ("2000-W06"): the same week."""
    if ours is None or gold is None:
        return ours == gold
    return ours == ONE_DIGIT_WEEK.sub(r"-W0\1", gold)


def _score_doc(d: TimeDoc, ours: list, c: Counter, show: int) -> None:
    used: set[int] = set()
    for g in d.golds:
        kind = g.get("type", "?")
        c["gold"] += 1
        c[f"gold_{kind}"] += 1
        k = next((k for k, o in enumerate(ours) if o.start_char is not None
                  and o.start_char < g["end"] and g["start"] < o.end_char), None)
        if k is None:
            _show(show, c, f"MISS  {kind:8} {d.text[g['start']:g['end']]!r:35} gold={g.get('value')}")
            continue
        used.add(k)
        c["found"] += 1
        ok = same_value(ours[k].timex, g.get("value"))
        c["value_ok"] += ok
        c[f"ok_{kind}"] += ok
        if not ok:
            _show(show, c, f"VALUE {kind:8} {d.text[g['start']:g['end']]!r:35} gold={g.get('value')} ours={ours[k].timex}")
    c["ours"] += len(ours)
    for k, o in enumerate(ours):
        if k not in used:
            _show(show, c, f"SPUR  {o.text!r:35} ours={o.timex}")


def _show(limit: int, c: Counter, line: str) -> None:
    if c["shown"] < limit:
        print(line)
        c["shown"] += 1
