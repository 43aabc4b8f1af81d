"""Who did it to whom, as spans (../shared/data/actor-spans: 1,153 news sentences with BIO tags
for source S and target T), through ``code``: the actor and recipient spans of each sentence's
coded events against the gold spans. Headline: overlap F1 per role (a sentence whose event is
not coded yields no spans: recall counts it). Diagnostic: exact-span F1."""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from eventwire.model import Article
from eventwire.evaluation.rows import Report, f1, ratio
from eventwire.evaluation.splits import Part, select

ROLES = (("actor", "S"), ("recipient", "T"))


def sentences(shared: Path) -> list[tuple[str, dict[str, list[tuple[int, int]]]]]:
    out: list[tuple[str, dict[str, list[tuple[int, int]]]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in (shared / "data" / "actor-spans" / "train.txt").read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                out.append(gold_spans(words, tags))
            words, tags = [], []
            continue
        w, _, t = line.rpartition(" ")
        words.append(w)
        tags.append(t)
    return out


def gold_spans(words: list[str], tags: list[str]) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    text = ""
    spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": []}
    current: list = []  # [kind, start, end] of the open span
    for w, t in zip(words, tags):
        start = len(text) + (1 if text else 0)
        text = f"{text} {w}" if text else w
        kind = t[2:] if len(t) > 2 else None
        if t.startswith("I-") and current and current[0] == kind:
            current[2] = len(text)
            continue
        if current:
            spans.setdefault(current[0], []).append((current[1], current[2]))
        current = [kind, start, len(text)] if t[:2] in ("B-", "I-") else []
    if current:
        spans.setdefault(current[0], []).append((current[1], current[2]))
    return text, spans


def available(shared: Path) -> bool:
    return (shared / "data" / "actor-spans" / "train.txt").exists()


def evaluate(pipeline, shared: Path, part: Part = "all") -> Report:
    chosen = select(sentences(shared), "actor-spans", part, lambda s: s[0])
    report = Report("actor-spans", part)
    c: Counter = Counter()
    start = time.perf_counter()
    for text, gold in chosen:
        events = pipeline.code(Article(id="s", text=text))
        for role, key in ROLES:
            pred = {(p.start, p.end) for e in events if (p := getattr(e, role)) is not None and p.end > p.start}  # an implied actor names no words
            golds = set(gold.get(key, []))
            c[f"{key}_pred"] += len(pred)
            c[f"{key}_gold"] += len(golds)
            c[f"{key}_exact"] += len(pred & golds)
            c[f"{key}_op"] += sum(1 for a, b in pred if any(a < d and g < b for g, d in golds))
            c[f"{key}_or"] += sum(1 for g, d in golds if any(a < d and g < b for a, b in pred))
        report.words += len(text.split())
    report.seconds = time.perf_counter() - start
    for role, key in ROLES:
        n = c[f"{key}_gold"]
        report.add(f"{role}_overlap_f1", f1(ratio(c[f"{key}_op"], c[f"{key}_pred"]), ratio(c[f"{key}_or"], n)), n)
        report.add(f"{role}_exact_f1", f1(ratio(c[f"{key}_exact"], c[f"{key}_pred"]), ratio(c[f"{key}_exact"], n)), n,
                   headline=False)
    return report
