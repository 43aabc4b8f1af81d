"""Dev/test split by document: a fixed hash of (dataset, document id), 1 in 5 to ``test``.

The split never changes with the data's order or size, so a document stays on its side when a
set grows. Tune rules and weights on ``dev`` only; ``tests/floors.json`` gates ``test``; nothing a
floor scores is ever training data (``eventwire.train`` skips the test parts).
"""
from __future__ import annotations

import hashlib
from typing import Callable, Iterable, Literal, TypeVar

Part = Literal["dev", "test", "all"]
PARTS: tuple[str, ...] = ("dev", "test", "all")
TEST_SHARE = 5  # one document in five
T = TypeVar("T")


def part_of(dataset: str, doc_id: str) -> str:
    digest = hashlib.sha256(f"{dataset}:{doc_id}".encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % TEST_SHARE == 0 else "dev"


def select(items: Iterable[T], dataset: str, part: Part, doc_id: Callable[[T], str]) -> list[T]:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: use one of {', '.join(PARTS)}")
    return [x for x in items if part == "all" or part_of(dataset, doc_id(x)) == part]


def is_test(dataset: str, doc_id: str) -> bool:
    return part_of(dataset, doc_id) == "test"
