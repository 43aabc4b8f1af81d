"""The learned event typer: sentence -> PLOVER type (or NONE), a linear model on features the
parse already computed.

Features: hashed lemma unigrams and bigrams of the sentence (content words, lower case) and the
mean of spaCy's pretrained tok2vec vectors over the sentence (the encoder that ships in the model
package, so inference costs no extra network pass). The model is multinomial logistic
regression trained by ``eventwire train`` (scikit-learn, training only); inference here is numpy.
Weights: ``eventwire/data/typer.npz`` with its card ``typer.card.json`` (data, metrics, hash).
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from eventwire.datafiles import DATA_DIR

DATA = DATA_DIR
MODEL_PATH = DATA / "typer.npz"
CARD_PATH = DATA / "typer.card.json"
N_HASH = 1 << 16
NONE = "NONE"
STOP_POS = {"DET", "PUNCT", "SPACE", "CCONJ", "SCONJ", "PART", "ADP", "AUX", "PRON", "NUM", "SYM", "X"}
# Function words that change the event type, kept although their part of speech is dropped:
# "must release" is a demand, "will release" a promise or threat, "will not meet" a rejection.
CUE_WORDS = {"must", "should", "will", "would", "shall", "can", "could", "may", "might", "not", "never", "no",
             "n't", "unless", "if", "against", "for", "with"}


@lru_cache(maxsize=1)
def _codebook_types() -> dict[str, tuple[str, ...]]:
    """lemma -> the PLOVER types the codebook's triggers give it: the typer sees the rules' lexicon
    even where a trigger's pattern did not match (no subject, an unusual parse)."""
    from eventwire.events.codebook import load as load_codebook

    out: dict[str, set[str]] = {}
    for word, triggers in load_codebook().by_word.items():
        out.setdefault(word.lower(), set()).update(t.type for t in triggers)
    return {w: tuple(sorted(ts)) for w, ts in out.items()}


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % N_HASH  # stable across processes, unlike hash()


def features(span) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hashed indices, their values, dense tok2vec mean) for a sentence or a short text's doc."""
    words = [t.lemma_.lower() for t in span
             if (t.pos_ not in STOP_POS and t.is_alpha) or t.lower_ in CUE_WORDS or t.lemma_.lower() in CUE_WORDS]
    words = ["not" if w == "n't" else w for w in words]
    lexicon = _codebook_types()
    grams = words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
    grams += [f"cb={ty}" for w in words for ty in lexicon.get(w, ())]
    counts: dict[int, float] = {}
    for g in grams:
        b = _bucket(g)
        counts[b] = counts.get(b, 0.0) + 1.0
    idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
    val = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
    if len(val):
        val /= np.sqrt((val ** 2).sum())
    tensor = span.doc.tensor
    if tensor is not None and tensor.size and len(span):
        dense = tensor[span.start:span.end].mean(axis=0).astype(np.float32)
    else:
        dense = np.zeros(96, dtype=np.float32)
    return idx, val, dense


@dataclass
class Typer:
    classes: list[str]
    sparse_w: np.ndarray  # (N_HASH, n_classes)
    dense_w: np.ndarray   # (dense_dim, n_classes)
    bias: np.ndarray
    dense_scale: float

    def proba(self, span) -> dict[str, float]:
        idx, val, dense = features(span)
        logits = self.bias + val @ self.sparse_w[idx] + (dense * self.dense_scale) @ self.dense_w
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return dict(zip(self.classes, p.tolist()))

    @classmethod
    def from_coef(cls, classes: list[str], coef: np.ndarray, intercept: np.ndarray, dense_scale: float) -> "Typer":
        """From scikit-learn's layout: coef (n_classes, N_HASH + dense_dim)."""
        return cls([str(c) for c in classes], coef[:, :N_HASH].T.astype(np.float32),
                   coef[:, N_HASH:].T.astype(np.float32), intercept.astype(np.float32), dense_scale)

    def predict(self, span) -> tuple[str, float]:
        probs = self.proba(span)
        best = max(probs, key=lambda label: probs[label])
        return best, probs[best]


def save(path: Path, classes: list[str], coef: np.ndarray, intercept: np.ndarray, dense_scale: float) -> str:
    """coef: (n_classes, N_HASH + dense_dim) as scikit-learn writes it. Returns the file's sha256."""
    typer = Typer.from_coef(classes, coef, intercept, dense_scale)
    np.savez_compressed(path, classes=np.array(typer.classes), sparse_w=typer.sparse_w.astype(np.float16),
                        dense_w=typer.dense_w, bias=typer.bias, dense_scale=np.array(dense_scale, dtype=np.float32))
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=2)
def load(path: Optional[str] = None) -> Typer:
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        raise FileNotFoundError(f"no trained typer at {p}: run `eventwire train` (needs ../shared data)")
    if path is None and CARD_PATH.exists():
        want = json.loads(CARD_PATH.read_text(encoding="utf-8")).get("sha256")
        got = hashlib.sha256(p.read_bytes()).hexdigest()
        if want and want != got:
            raise ValueError(f"{p} does not match the sha256 in {CARD_PATH.name} ({got[:12]} != {want[:12]}): retrain or restore it")
    z = np.load(p)
    return Typer([str(c) for c in z["classes"]], z["sparse_w"].astype(np.float32), z["dense_w"], z["bias"],
                 float(z["dense_scale"]))
