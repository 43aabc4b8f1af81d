"""The result of one evaluation: rows of (dataset, metric, value), headline or diagnostic."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    dataset: str
    metric: str
    value: float
    n: int  # the count the value is a share of (gold items, documents, sentences)
    headline: bool = True  # False: a diagnostic figure from another path, never gated

    @property
    def key(self) -> str:
        return f"{self.dataset}/{self.metric}"


@dataclass
class Report:
    dataset: str
    part: str
    rows: list[Row] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0

    def add(self, metric: str, value: float, n: int, headline: bool = True) -> None:
        self.rows.append(Row(self.dataset, metric, round(value, 4), n, headline))


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def label_f1(gold: list[str], pred: list[str], label: str) -> float:
    """F1 of one label over paired gold and predicted labels."""
    tp = sum(g == label and p == label for g, p in zip(gold, pred))
    return f1(ratio(tp, sum(p == label for p in pred)), ratio(tp, sum(g == label for g in gold)))
