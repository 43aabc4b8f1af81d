"""The training sets read from ../shared/data (as data: no corpus text is in the repository).

  * synthetic-plover: 4,500 synthetic stories labelled with a PLOVER type (title, first sentence);
  * plover-gsr: gold-standard event sentences (older names mapped: DEMAND->REQUEST, ...);
  * rams-dev and wikievents-dev: real news sentences whose AIDA/KAIROS event types map to a
    PLOVER type or NONE (training/sets.py; ambiguous types left out);
  * NONE: LGL local-news sentences with no codebook trigger word (most sentences are not events).
Never read for training: anything a floor scores — the test parts of the dev sets
(eventwire.evaluation.splits), the seed, the examples and the blind real-news gold documents.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from pathlib import Path
from typing import Optional

from eventwire.training import sets as trainsets
from eventwire.evaluation import splits
from eventwire.evaluation.plover import GSR_TYPE_MAP

ROOT = Path(__file__).resolve().parents[2]
N_NONE = 1500
NONE = "NONE"


def synthetic(shared: Path) -> list[tuple[str, str]]:
    z = shared / "data" / "synthetic-plover" / "gpt_synthetic_events.csv.zip"
    if not z.exists():
        return []
    with zipfile.ZipFile(z) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
    out = []
    for r in rows:  # sentence-sized units, like the sentences the event model sees (and the NONE examples)
        title = re.sub(r"\{[a-z_0-9]+\}", "the country", r["title"])
        first = re.split(r"(?<=[.!?])\s+", r["text"].strip(), maxsplit=1)[0]
        out += [(title, r["label"]), (" ".join(first.split()[:60]), r["label"])]
    return out


def gsr(shared: Path) -> list[tuple[str, str]]:
    """The GSR's dev part (its test part is gated by tests/floors.json)."""
    p = shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if not p.exists():
        return []
    out = []
    for r in json.loads(p.read_text(encoding="utf-8")):
        if r.get("text") and splits.is_test("plover-gsr", str(r.get("id"))):
            continue
        label = GSR_TYPE_MAP.get(r.get("event"), r.get("event"))
        if label and label != "DOCUMENT" and r.get("eventText"):
            out.append((r["eventText"], label))
    return out


def none_sentences(shared: Path, nlp, trigger_words: dict, n: int = N_NONE) -> list[tuple[str, str]]:
    p = shared / "data" / "geoparsing-lgl" / "lgl.xml"
    if not p.exists():
        return []
    import xml.etree.ElementTree as ET

    texts = [a.findtext("text") or "" for a in ET.parse(p).getroot().iter("article")
             if not splits.is_test("lgl", a.get("docid") or "")]
    out: list[tuple[str, str]] = []
    for doc in nlp.pipe(texts[:400], disable=["ner"]):
        for s in doc.sents:
            if len(s) >= 6 and not any(t.pos_ in trigger_words.get(t.lemma_.lower(), ()) for t in s):
                out.append((s.text.strip(), NONE))
    random.Random(13).shuffle(out)
    return out[:n]


def real_news(shared: Path) -> list[tuple[str, str]]:
    """Event-extraction corpora in other ontologies, mapped to PLOVER (eventwire.trainsets)."""
    gold = gold_documents()
    return trainsets.rams(shared, gold) + trainsets.wikievents(shared, gold)


def gold_documents() -> frozenset[str]:
    """Source ids of the documents with blind hand gold (eval/realnews): never training data."""
    return frozenset(json.loads(p.read_text(encoding="utf-8"))["article"]["doc_id"]
                     for p in (ROOT / "eval" / "realnews").glob("*.gold.json"))


def macro_f1(gold: list[str], pred: list[str], labels: Optional[list[str]] = None) -> tuple[float, dict]:
    labels = labels or sorted(set(gold) - {NONE})
    per = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per[lab] = {"p": round(pr, 3), "r": round(rc, 3), "f1": round(2 * pr * rc / (pr + rc), 3) if pr + rc else 0.0,
                    "n": tp + fn}
    return round(sum(v["f1"] for v in per.values()) / len(per), 3), per
