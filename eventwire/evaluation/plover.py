"""Event typing and who-did-what-to-whom on PLOVER-labelled sentences, through ``code``.

* ``plv-train`` (evaluation only: never train on it, its licence is unknown): 1,044 news
  sentences with the source and target marked and a gold PLOVER root (YIELD = CONCEDE or
  RETREAT). Each plain sentence is coded; its predicted type is that of the coded event whose
  actor overlaps the marked source (else whose recipient overlaps the target, else the first
  event; NONE when nothing is coded). Headline: macro-F1 over the gold types; also the share of
  sentences whose event has the right type and the marked source and target as its parties.
* PLOVER GSR (``gsr``): 322 sentences with a gold type and source/target country. Headline:
  macro-F1 of the first coded event's type (NONE when none) and the event's actor/recipient
  country. The shipped typer trains on the GSR's dev part only.
"""
from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from eventwire.model import Article
from eventwire.evaluation.rows import Report, label_f1, ratio
from eventwire.evaluation.splits import Part, select

YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
GSR_TYPE_MAP = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
CAMEO_TO_ISO = {"JAP": "JPN", "GMY": "DEU", "UK": "GBR", "SER": "SRB", "YUG": "SRB", "ROM": "ROU", "DRC": "COD",
                "ZAI": "COD", "BUL": "BGR", "SWZ": "CHE", "CRO": "HRV", "PAL": "PSE", "KOS": "XKX", "SUD": "SDN"}
MARK = re.compile(r"</?[st]>")
NONE = "NONE"


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = [label_f1(gold, pred, lab) for lab in sorted(set(gold) - {NONE})]
    return sum(scores) / len(scores) if scores else 0.0


def _marked_spans(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    text: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    pos = 0
    for m in MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        at = sum(len(t) for t in text)
        tag = m.group(0).strip("</>")
        if m.group(0).startswith("</"):
            spans[tag] = (opened.pop(tag, at), at)
        else:
            opened[tag] = at
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text), spans


def plv_rows(shared: Path) -> list[dict]:
    with (shared / "data" / "plv-train" / "PLV_train.tsv").open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r.get("marked_sentence") and r.get("gold_root")]


def _overlap(party, span: Optional[tuple[int, int]]) -> bool:
    return party is not None and span is not None and party.start < span[1] and span[0] < party.end


def evaluate_plv(pipeline, shared: Path, part: Part = "all") -> Report:
    rows = select(plv_rows(shared), "plv-train", part, lambda r: r["sentence_id"])
    report = Report("plv-train", part)
    gold, pred = [], []
    c: Counter = Counter()
    start = time.perf_counter()
    for r in rows:
        text, spans = _marked_spans(r["marked_sentence"])
        events = pipeline.code(Article(id=r["sentence_id"], text=text))
        s, t = spans.get("s"), spans.get("t")
        ev = (next((e for e in events if _overlap(e.actor, s)), None)
              or next((e for e in events if _overlap(e.recipient, t)), None) or (events[0] if events else None))
        label = YIELD.get(ev.type, ev.type) if ev else NONE
        gold.append(r["gold_root"])
        pred.append(label)
        c["dyad"] += bool(ev and label == r["gold_root"] and _overlap(ev.actor, s) and (t is None or _overlap(ev.recipient, t)))
        report.words += len(text.split())
    report.seconds = time.perf_counter() - start
    report.add("type_macro_f1", macro_f1(gold, pred), len(gold))
    report.add("type_accuracy", ratio(sum(g == p for g, p in zip(gold, pred)), len(gold)), len(gold))
    report.add("type_and_dyad", ratio(c["dyad"], len(gold)), len(gold))
    report.add("sentences_with_event", ratio(sum(p != NONE for p in pred), len(pred)), len(pred), headline=False)
    return report


def gsr_records(shared: Path) -> list[dict]:
    path = shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    return [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]


def _gold_country(parties) -> Optional[str]:
    if not isinstance(parties, list) or not parties:
        return None
    code = (parties[0].get("code") or "")[:3]
    return CAMEO_TO_ISO.get(code, code) or None


def evaluate_gsr(pipeline, shared: Path, part: Part = "all") -> Report:
    records = select(gsr_records(shared), "plover-gsr", part, lambda r: str(r["id"]))
    report = Report("plover-gsr", part)
    gold, pred = [], []
    c: Counter = Counter()
    start = time.perf_counter()
    for r in records:
        events = pipeline.code(Article(id=str(r["id"]), text=r["text"], published=r.get("date")))
        want = GSR_TYPE_MAP.get(r["event"], r["event"])
        gold.append(want)
        pred.append(events[0].type if events else NONE)
        ev = next((e for e in events if e.type == want), events[0] if events else None)
        for role, key in (("actor", "source"), ("recipient", "target")):
            country = _gold_country(r.get(key))
            if country:
                party = getattr(ev, role) if ev else None
                c[f"{role}_n"] += 1
                c[f"{role}_ok"] += bool(party and party.country == country)
        report.words += len(r["text"].split())
    report.seconds = time.perf_counter() - start
    report.add("type_macro_f1", macro_f1(gold, pred), len(gold))
    report.add("actor_country", ratio(c["actor_ok"], c["actor_n"]), c["actor_n"])
    report.add("recipient_country", ratio(c["recipient_ok"], c["recipient_n"]), c["recipient_n"])
    return report


def available(shared: Path, name: str) -> bool:
    folder = {"plv-train": "plv-train", "plover-gsr": "plover-gsr"}[name]
    return (shared / "data" / folder).exists()
