"""`eventwire train`: fit the learned event typer, and `eventwire eval`: score backends.

Training data (all from ../shared/data, read as data; the weights are the project's):
  * synthetic-plover: 4,500 synthetic stories labelled with a PLOVER type (title, first sentence);
  * plover-gsr: gold-standard event sentences (older names mapped: DEMAND->REQUEST, ...);
  * rams-dev and wikievents-dev: real news sentences whose AIDA/KAIROS event types map to a
    PLOVER type or NONE (eventwire.trainsets; ambiguous types left out);
Never trained on: anything a floor scores — the test parts of the dev sets
(eventwire.evaluation.splits), the seed, the examples and the blind real-news gold documents.
  * NONE: LGL local-news sentences with no codebook trigger word (most sentences are not events).
Needs scikit-learn (the `train` extra); inference (eventwire.learn) is numpy only.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import time
import zipfile
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from eventwire.events import typer as learn
from eventwire.training import sets as trainsets
from eventwire.evaluation import splits
from eventwire.evaluation.plover import GSR_TYPE_MAP

ROOT = Path(__file__).resolve().parents[2]
N_NONE = 1500


def synthetic(shared: Path) -> list[tuple[str, str]]:
    z = shared / "data" / "synthetic-plover" / "gpt_synthetic_events.csv.zip"
    if not z.exists():
        return []
    with zipfile.ZipFile(z) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
    out = []
    for r in rows:  # sentence-sized units, like the sentences the typer sees (and the NONE examples)
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
                out.append((s.text.strip(), learn.NONE))
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


def featurize(nlp, texts: Iterable[str], scale: Optional[float] = None):
    from scipy.sparse import csr_matrix, hstack

    rows, cols, vals, dense = [], [], [], []
    for i, doc in enumerate(nlp.pipe(texts, disable=["parser", "ner"], batch_size=64)):
        idx, val, d = learn.features(doc[:])
        rows += [i] * len(idx)
        cols += idx.tolist()
        vals += val.tolist()
        dense.append(d)
    sparse = csr_matrix((vals, (rows, cols)), shape=(len(dense), learn.N_HASH), dtype=np.float32)
    stacked = np.vstack(dense)
    scale = scale or float(1.0 / (np.linalg.norm(stacked, axis=1).mean() + 1e-6))
    return hstack([sparse, csr_matrix(stacked * scale)]).tocsr(), scale


def fit(X, y: list[str], c: float = 8.0):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=400)
    model.fit(X, y)
    return model


def macro_f1(gold: list[str], pred: list[str], labels: Optional[list[str]] = None) -> tuple[float, dict]:
    labels = labels or sorted(set(gold) - {learn.NONE})
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


def train(shared: Path, out: Path = learn.MODEL_PATH, log=print) -> dict:
    from eventwire.events.codebook import load as load_codebook
    from eventwire.parse.nlp import load as load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    trig = load_codebook().trigger_words()
    parts = {"synthetic-plover": synthetic(shared), "plover-gsr": gsr(shared), "real-news": real_news(shared),
             "lgl-none": none_sentences(shared, nlp, trig)}
    data = [x for v in parts.values() for x in v]
    if not parts["synthetic-plover"]:
        raise FileNotFoundError(f"training data not found under {shared}/data (synthetic-plover)")
    log(f"training on {len(data)} texts: " + ", ".join(f"{k} {len(v)}" for k, v in parts.items()))
    X, scale = featurize(nlp, [t for t, _ in data])
    model = fit(X, [lab for _, lab in data])
    sha = learn.save(out, list(model.classes_), model.coef_, model.intercept_, scale)
    card = {"model": "eventwire learned event typer", "sha256": sha, "trained": time.strftime("%Y-%m-%d"),
            "seconds": round(time.perf_counter() - start, 1), "classes": list(model.classes_),
            "data": {k: len(v) for k, v in parts.items()},
            "features": f"{learn.N_HASH} hashed buckets: lemma uni/bigrams (content words plus modal and negation cues) "
                        "and the codebook types of trigger words; + 96-d spaCy tok2vec mean (en_core_web_sm 3.8.0)",
            "algorithm": "multinomial logistic regression (scikit-learn lbfgs, C=8)",
            "limits": "sentence-level type only (actors, places and dates always come from the rules); trained "
                      "mostly on synthetic headlines and first sentences plus ~700 real news sentences whose "
                      "RAMS/WikiEvents types were mapped to PLOVER by rule (noisy labels); its NONE class is "
                      "local-news sentences without trigger words and reported statements, so it seldom "
                      "rejects non-event sentences that use event words. In the hybrid it only adds events "
                      "where the rules found none. Scores: docs/learned.md.",
            "metrics": "docs/learned.md (eventwire eval)"}
    if out == learn.MODEL_PATH:
        learn.CARD_PATH.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    learn.load.cache_clear()
    return card
