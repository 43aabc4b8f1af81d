"""Short reports with ACLED event and sub-event types, coded through ``code`` as a user would.

* ``dev``: ``examples/acled`` -- 44 reports the project wrote and tuned the ACLED rules on -- and
  ``eval/acled-dev`` -- 100 reports (4 per sub-event type) written and labelled blind by an
  annotator, for tuning (first run, before any tuning, in docs/evaluation.md) -- and
  ``eval/acled-dev2`` -- 100 more, written and labelled blind by a further annotator in the
  proportions ACLED's own data has (common types dominate), four fifths in ACLED's notes style
  (first run at c3b4e98, before any change made for it: sub-event accuracy 0.910, weighted F1 0.928) --
  and ``eval/acled-dev3`` -- 100 more (session 31), written and labelled blind by a further annotator,
  4 per sub-event type, most on the boundary between neighbouring types, a third as wire reports
  (first run at cfc3f50, before any change made for it: sub-event accuracy 0.690, weighted F1 0.728) --
  and ``eval/acled-dev4`` -- 100 more (session 32), written and labelled blind by a further annotator
  in the proportions ACLED's own data has, two thirds in ACLED's notes style, 57 countries (first run at
  feb033b, before any change made for it: sub-event accuracy 0.910, weighted F1 0.914) --
  and ``eval/acled-dev5`` -- 100 more (session 32), written and labelled blind by a further annotator,
  4 per sub-event type, on type boundaries and often telling background before the news, half as
  wire reports, 64 countries (first run at 2edea3b: sub-event accuracy 0.710, weighted F1 0.734).
* ``test``: ``eval/acled-notes`` -- 75 reports (3 per sub-event type, every region, two thirds in
  ACLED's notes style) written and labelled blind by an annotator who never saw the coder or its
  rules; frozen: nothing is tuned on it.

A report's predicted sub-event type is the ACLED type of its first coded event that has one (document
order); a report where no event has one counts as wrong. Headline: sub-event accuracy and F1
weighted by each gold type's share (the measure ACLED classification papers report), and the share
of ACLED CSV rows whose actor1 is a canonical ACLED-style name.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from eventwire.actors.kb import armed_groups
from eventwire.evaluation.rows import Report, label_f1, ratio
from eventwire.evaluation.splits import Part
from eventwire.formats.export import acled_row
from eventwire.model import Article
from eventwire.readers.articles import Rejected, read_paths

ROOT = Path(__file__).resolve().parents[2]
SETS = {"dev": [(ROOT / "examples" / "acled" / "reports.jsonl", ROOT / "examples" / "acled" / "gold.json"),
                (ROOT / "eval" / "acled-dev" / "notes.jsonl", ROOT / "eval" / "acled-dev" / "gold.json"),
                (ROOT / "eval" / "acled-dev2" / "notes.jsonl", ROOT / "eval" / "acled-dev2" / "gold.json"),
                (ROOT / "eval" / "acled-dev3" / "notes.jsonl", ROOT / "eval" / "acled-dev3" / "gold.json"),
                (ROOT / "eval" / "acled-dev4" / "notes.jsonl", ROOT / "eval" / "acled-dev4" / "gold.json"),
                (ROOT / "eval" / "acled-dev5" / "notes.jsonl", ROOT / "eval" / "acled-dev5" / "gold.json")],
        "test": [(ROOT / "eval" / "acled-notes" / "notes.jsonl", ROOT / "eval" / "acled-notes" / "gold.json")]}


def available() -> bool:
    return any(text.exists() and gold.exists() for pairs in SETS.values() for text, gold in pairs)


def reports(part: str) -> list[tuple[Article, dict]]:
    """(article, gold) pairs of one part, read as ``eventwire code`` reads a JSONL file; reports
    without a gold sub-event type are left out."""
    out = []
    for text_path, gold_path in SETS[part]:
        if not (text_path.exists() and gold_path.exists()):
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["reports"]
        for item in read_paths([text_path]):
            if isinstance(item, Rejected):
                raise ValueError(f"{text_path}: {item.origin}: {item.reason}")
            if gold.get(item.id, {}).get("sub_event_type"):
                out.append((item, gold[item.id]))
    return out


GENERIC_ACTOR = re.compile(r"^((Military|Police) Forces of|Government of) .+?( \(\d{4}-\))?$"
                           r"|^(Unidentified Armed Group|Protesters|Rioters|Civilians) \(.+\)$")


def canonical(name: str) -> bool:
    """An ACLED-style actor name: one of ACLED's generic forms ("Military Forces of Sudan (2019-)",
    "Unidentified Armed Group (Niger)", "Protesters (Georgia)") or a named group's entry in
    eventwire/data/armed_groups.json -- never raw text."""
    return bool(name) and (bool(GENERIC_ACTOR.match(name)) or name in {g.acled for g in armed_groups().values() if g.acled})


def coded(pipeline, article: Article) -> tuple[Optional[dict], list[dict]]:
    """The report's ACLED type (its first event that has one) and the ACLED rows of all its events."""
    records = [e.to_dict() for e in pipeline.code(article)]
    first = next((r["acled"] for r in records if r.get("acled")), None)
    return first, [row for k, r in enumerate(records, 1) if (row := acled_row(r, k, 0)) is not None]


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    """Each gold label's F1 weighted by its share of the gold."""
    return ratio(sum(n * label_f1(gold, pred, label) for label, n in Counter(gold).items()), len(gold))


def evaluate(pipeline, shared: Path, part: Part) -> Report:
    report = Report("acled-notes", part)
    if part not in SETS:
        return report
    start = time.perf_counter()
    gold_sub, pred_sub, gold_type, pred_type = [], [], [], []
    actors: Counter = Counter()
    for rep, gold in reports(part):
        first, rows = coded(pipeline, rep)
        acled = first or {}
        actors.update(canonical(r["actor1"]) for r in rows)
        gold_sub.append(gold["sub_event_type"])
        gold_type.append(gold["event_type"])
        pred_sub.append(acled.get("sub_event_type", "none"))
        pred_type.append(acled.get("event_type", "none"))
        report.words += len(rep.text.split())
    report.seconds = time.perf_counter() - start
    n = len(gold_sub)
    report.add("subevent_accuracy", ratio(sum(g == p for g, p in zip(gold_sub, pred_sub)), n), n)
    report.add("subevent_weighted_f1", weighted_f1(gold_sub, pred_sub), n)
    report.add("event_type_accuracy", ratio(sum(g == p for g, p in zip(gold_type, pred_type)), n), n)
    report.add("no_acled_event", ratio(pred_sub.count("none"), n), n, headline=False)
    report.add("actor1_canonical_of_rows", ratio(actors[True], actors.total()), actors.total())
    return report
