"""The fine-tuned event model: a sentence -> the PLOVER type it reports (or NONE), and the ACLED
sub-event type its main event would have.

all-MiniLM-L6-v2 (events/encoder.py) with every transformer layer fine-tuned and two linear heads on
the mean of its token vectors (PLOVER; ACLED, when the weights have one), trained together by
``eventwire train`` (eventwire/training/train.py). One forward pass gives both readings.
The shipped file, ``eventwire/data/eventmodel.safetensors``, holds only what fine-tuning changed
(the six layers and the head, float16); the word, position and segment embeddings stay frozen
during training and are read from the pretrained package. Its card, ``eventmodel.card.json``,
lists the data, sizes, licences, scores and the file's sha256, which loading checks.

Inference runs once per article over all its sentences (batched, shortest first), on one CPU
thread per process (``--workers`` scales out).
The linear layers are quantised to int8 at load time when ``EVENTWIRE_MODEL_INT8=1``: about twice
as fast but less accurate, so off by default (measured in docs/performance.md).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from eventwire.datafiles import DATA_DIR

MODEL_PATH = DATA_DIR / "eventmodel.safetensors"
CARD_PATH = DATA_DIR / "eventmodel.card.json"
NONE = "NONE"
BATCH = 16


def build(n_classes: int, layers: int = 6, n_acled: int = 0):
    """A fresh (pretrained encoder + untrained heads) network; training and loading share it.
    Its forward pass gives (PLOVER logits, ACLED logits or None)."""
    import torch
    from torch import nn

    from eventwire.events.encoder import load_pretrained

    class Classifier(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = load_pretrained(layers)
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(384, n_classes)
            self.acled_head = nn.Linear(384, n_acled) if n_acled else None

        def forward(self, ids: torch.Tensor, attention: torch.Tensor):
            h = self.encoder(ids, attention)
            m = attention[..., None].to(h.dtype)
            pooled = self.dropout((h * m).sum(1) / m.sum(1).clamp(min=1.0))
            return self.head(pooled), (self.acled_head(pooled) if self.acled_head is not None else None)

    return Classifier()


def trained_state(net) -> dict:
    """What fine-tuning changed: every parameter except the frozen embeddings."""
    return {k: v.detach().to("cpu").half().contiguous() for k, v in net.state_dict().items()
            if not k.startswith(("encoder.words.", "encoder.positions.", "encoder.segments."))}


def save(net, classes: list[str], path: Path = MODEL_PATH, acled_classes: Optional[list[str]] = None) -> str:
    from safetensors.torch import save_file

    meta = {"classes": json.dumps(classes), "layers": str(len(net.encoder.layers)),
            "acled_classes": json.dumps(acled_classes or [])}
    save_file(trained_state(net), str(path), metadata=meta)
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Reading:
    """The model's reading of one sentence: P(PLOVER type or NONE), and P(ACLED sub-event type)
    of its main event (None when the weights have no ACLED head)."""
    types: dict[str, float]
    acled: Optional[dict[str, float]] = None


@dataclass
class EventModel:
    net: object
    tokenizer: object
    classes: list[str]
    acled_classes: list[str] = field(default_factory=list)

    def both(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Softmax probabilities: (len(texts), len(classes)) and (len(texts), len(acled_classes))."""
        import torch

        from eventwire.events.encoder import encode_batch

        out = np.zeros((len(texts), len(self.classes)), dtype=np.float32)
        acled = np.zeros((len(texts), len(self.acled_classes)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for i in range(0, len(order), BATCH):
                rows = order[i:i + BATCH]
                ids, att = encode_batch(self.tokenizer, [texts[j] or "." for j in rows])
                logits, acled_logits = self.net(ids, att)  # type: ignore[operator]
                out[rows] = torch.softmax(logits.float(), dim=-1).numpy()
                if acled_logits is not None:
                    acled[rows] = torch.softmax(acled_logits.float(), dim=-1).numpy()
        return out, acled

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """(len(texts), len(classes)) PLOVER softmax probabilities."""
        return self.both(texts)[0]

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        return [r.types for r in self.read(texts)]

    def read(self, texts: list[str]) -> list[Reading]:
        types, acled = self.both(texts)
        return [Reading(dict(zip(self.classes, t.tolist())),
                        dict(zip(self.acled_classes, a.tolist())) if self.acled_classes else None)
                for t, a in zip(types, acled)]


def _check_card(path: Path) -> None:
    if path != MODEL_PATH or not CARD_PATH.exists():
        return
    want = json.loads(CARD_PATH.read_text(encoding="utf-8")).get("sha256")
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if want and want != got:
        raise ValueError(f"{path} does not match the sha256 in {CARD_PATH.name} ({got[:12]} != {want[:12]}): "
                         "retrain it (eventwire train) or restore it from git")


@lru_cache(maxsize=2)
def load(path: Optional[str] = None) -> EventModel:
    import torch
    from safetensors import safe_open
    from safetensors.torch import load_file

    from eventwire.events.encoder import load_tokenizer

    # One thread: sentences come in small batches, where torch's thread pool costs more than it
    # gives (measured: 10x slower on a busy 2-core machine); scale out with processes instead.
    torch.set_num_threads(1)
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        raise FileNotFoundError(f"no event model at {p}: run `eventwire train` (needs ../shared data)")
    _check_card(p)
    with safe_open(str(p), "pt") as f:
        meta = f.metadata() or {}
    classes = json.loads(meta["classes"])
    acled_classes = json.loads(meta.get("acled_classes", "[]"))
    net = build(len(classes), int(meta.get("layers", 6)), len(acled_classes))
    net.load_state_dict({k: v.float() for k, v in load_file(str(p)).items()}, strict=False)
    net.eval()
    if os.environ.get("EVENTWIRE_MODEL_INT8") == "1":
        net = torch.ao.quantization.quantize_dynamic(net, {torch.nn.Linear}, dtype=torch.qint8)
    return EventModel(net, load_tokenizer(), classes, acled_classes)
