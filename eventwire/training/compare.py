"""`eventwire eval`: every backend scored on the gold files and dev sets, one table.

* PLOVER GSR (../shared/data/plover-gsr): each gold sentence coded; its predicted type is the
  first coded event's (NONE when there is none). The event model is fine-tuned in 5 folds (the
  other folds + every other training set, training/train.py) and scored on the held-out fold,
  so GSR sentences are never scored by a model that saw them. Macro-F1 over the gold types.
  Five fine-tunes: about half an hour on two CPU cores.
* Seed and examples: the event scorer (precision/recall/F1) and macro-F1 over types (each type
  scored on its own gold and predicted events).
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Callable

from eventwire.training import corpora as train
from eventwire.events.backends import BACKENDS
from eventwire.evaluation.scorer import score

FOLDS = 5
NONE = "NONE"


def _first_type(pipeline, text: str) -> str:
    """The type a backend gives a gold sentence: GSR texts are trigger phrases without their
    actors ("agreed cooperate"), so typing is scored before the argument checks that would drop them."""
    from eventwire.events.backends import choose, fill
    from eventwire.events.triggers import find_candidates

    ctx = pipeline.analyse(pipeline.as_article(text))
    readings = pipeline.sentence_readings(ctx.sents, ctx.actors)
    for sent, reading in zip(ctx.sents, readings):
        probs = reading.types if reading else None
        cands = find_candidates(sent, pipeline.codebook, ctx.actors, set(ctx.place_at), False)
        chosen = choose(pipeline.backend, sent, cands, probs, ctx.actors) \
            or fill(pipeline.backend, sent, probs, ctx.actors)
        if chosen:
            return chosen[0].type
    return NONE


def gsr_cv(shared: Path, pipelines: dict, log: Callable = print) -> dict:
    """The event model fine-tuned five times, each time without one fold of the GSR (the other
    folds plus all the other training data), and each fold typed by the model that never saw it."""
    from eventwire.events import eventmodel
    from eventwire.training import train as finetune

    gold = train.gsr(shared)
    if not gold:
        return {}
    rest = [pair for name, part in finetune.datasets(shared, pipelines["rules"].nlp).items()
            if name != "plover-gsr" for pair in part]
    order = list(range(len(gold)))
    random.Random(5).shuffle(order)
    folds = [order[k::FOLDS] for k in range(FOLDS)]
    preds: dict[str, list[str]] = {b: [NONE] * len(gold) for b in BACKENDS}
    for i, (text, *_) in enumerate(gold):
        preds["rules"][i] = _first_type(pipelines["rules"], text)
    import os

    import torch

    torch.set_num_threads(os.cpu_count() or 1)  # loading the model for inference set one thread
    for k, test in enumerate(folds):
        data = rest + [gold[i] for f in folds if f is not test for i in f]
        classes = sorted({ex[1] for ex in data if ex[1]})
        acled_classes = sorted({ex[2] for ex in data if len(ex) > 2 and ex[2]})
        net = finetune.fit(list(data), classes, log, acled_classes=acled_classes)
        model = eventmodel.EventModel(net, pipelines["hybrid"].model.tokenizer, classes, acled_classes)
        for b in ("learned", "hybrid"):
            pipelines[b].model = model
            for i in test:
                preds[b][i] = _first_type(pipelines[b], gold[i][0])
        log(f"  GSR fold {k + 1}/{FOLDS} done")
    labels = [ex[1] for ex in gold]
    return {b: train.macro_f1(labels, preds[b]) for b in BACKENDS}


def gold_files(shared: Path) -> list[tuple[Path, Path]]:
    root = Path(__file__).resolve().parents[2]
    pairs = [(p, p.with_name(p.name.replace(".txt", ".gold.json"))) for p in sorted((root / "examples").glob("*.txt"))]
    seed = shared / "seed" / "kursk-captives.txt"
    if seed.exists():
        pairs.append((seed, seed.with_name("kursk-captives.gold.json")))
    return [(t, g) for t, g in pairs if g.exists()]


def articles(shared: Path, pipeline) -> dict:
    tp = fp = req = 0
    by_type: dict[str, list[int]] = {}
    for text_path, gold_path in gold_files(shared):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        preds = [e.to_dict() for e in pipeline.code(text, published=gold["article"]["published"])]
        s = score(gold, preds, text)
        tp, fp, req = tp + s.tp, fp + s.fp, req + s.required
        for row in s.rows:  # per type: a gold event counts for its first type, a stray prediction for its own
            acc = by_type.setdefault(row["type"], [0, 0, 0])
            acc[0] += row["matched"]
            acc[2] += 1
        for t in s.fp_types:
            by_type.setdefault(t, [0, 0, 0])[1] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / req if req else 0.0
    f1s = []
    for t, (a, b, c) in by_type.items():
        pt, rt = (a / (a + b) if a + b else 0.0), (a / c if c else 0.0)
        f1s.append(2 * pt * rt / (pt + rt) if pt + rt else 0.0)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "macro_f1_types": round(sum(f1s) / len(f1s), 3) if f1s else 0.0}


def run(shared: Path, log: Callable = print) -> dict:
    import time

    from eventwire.pipeline import Pipeline

    pipelines = {b: Pipeline(backend=b) for b in BACKENDS}
    result: dict = {"articles": {}, "gsr": {}, "ms_per_article": {}}
    for b, p in pipelines.items():
        start = time.perf_counter()
        result["articles"][b] = articles(shared, p)
        result["ms_per_article"][b] = round(1000 * (time.perf_counter() - start) / max(1, len(gold_files(shared))), 1)
    gsr = gsr_cv(shared, pipelines, log)
    result["gsr"] = {b: {"macro_f1": m, "per_type": per} for b, (m, per) in gsr.items()}
    return result


def table(result: dict) -> str:
    lines = ["backend   | seed+examples P / R / F1 | types macro-F1 | GSR 5-fold macro-F1 | ms/article",
             "----------|--------------------------|----------------|---------------------|-----------"]
    for b in BACKENDS:
        a = result["articles"][b]
        g = result["gsr"].get(b, {}).get("macro_f1", float("nan"))
        lines.append(f"{b:9} | {a['precision']:.3f} / {a['recall']:.3f} / {a['f1']:.3f}    | {a['macro_f1_types']:.3f}"
                     f"          | {g:.3f}               | {result['ms_per_article'][b]}")
    if result["gsr"]:
        lines.append("")
        lines.append("GSR per type (F1): " + "; ".join(
            f"{t} " + "/".join(f"{result['gsr'][b]['per_type'][t]['f1']:.2f}" for b in BACKENDS)
            for t in sorted(result["gsr"]["rules"]["per_type"])) + "   (rules/learned/hybrid)")
    return "\n".join(lines)
