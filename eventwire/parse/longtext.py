"""Texts longer than one parse should hold, parsed in parts and joined back into one Doc.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088) because the
parser and entity recogniser need about 1 GB per 100,000 characters. :func:`pipe` is a drop-in
for ``nlp.pipe``: a text over ``limit`` characters is cut into parts at paragraph breaks (else
sentence ends, else spaces), each cut after the whole whitespace run so every part tokenizes as
that stretch of the whole text does; the parts' Docs are joined with ``Doc.from_docs`` and no
added whitespace, so the joined Doc's text is the original text and every character offset holds.
Line breaks already end sentences in eventwire's pipeline (:mod:`eventwire.nlp`), so a cut at one
changes no sentence. Texts within the limit are parsed exactly as ``nlp.pipe`` parses them.
"""
from __future__ import annotations

import re
from collections import deque
from typing import Iterable, Iterator

PART_CHARS = 100_000  # spaCy's own advice: parse at most ~100,000 characters at a time
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
SPACE_RUN = re.compile(r"\s+")
PARAGRAPH = re.compile(r"\n\s*")


def split(text: str, limit: int = PART_CHARS) -> list[str]:
    """``text`` as consecutive parts of at most ``limit`` characters that join back to it."""
    parts, start = [], 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _cut(text: str, start: int, end: int) -> int:
    """Where the part that starts at ``start`` ends: after the last paragraph break, else sentence end,
    else space in its second half, whole whitespace runs only (the next part starts on a word), else
    at ``end`` itself (a run of 50,000 characters with no space is cut anywhere)."""
    floor = start + (end - start) // 2
    window = text[floor:end]
    for pattern in (PARAGRAPH, SENTENCE_END, SPACE_RUN):
        ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]  # a run that ends inside
        if ends:
            return floor + ends[-1]
    return end


def join(docs: list):
    """One Doc from consecutive parts' Docs, adding nothing between them."""
    from spacy.tokens import Doc

    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def pipe(nlp, texts: Iterable[str], batch_size: int = 16, limit: int = PART_CHARS, **kwargs) -> Iterator:
    """Docs for ``texts``, in order, as ``nlp.pipe(texts, batch_size=..., **kwargs)`` gives them, with
    texts over ``limit`` characters parsed in parts and joined (same text, same offsets)."""
    counts: deque[int] = deque()  # parts per text, appended as nlp.pipe reads ahead

    def parts() -> Iterator[str]:
        for text in texts:
            pieces = split(text, limit)
            counts.append(len(pieces))
            yield from pieces

    pending: list = []
    for doc in nlp.pipe(parts(), batch_size=batch_size, **kwargs):
        pending.append(doc)
        if len(pending) == counts[0]:
            counts.popleft()
            yield join(pending)
            pending = []
