"""The time stage: find time expressions in a parsed article and resolve each one.

spaCy DATE/TIME entities are a start; adjacent pieces ("August" + "in 2024") are joined and
weekday and relative-day words the model misses are added. Each expression is normalised by
:mod:`eventwire.timex` with the tense of the verb that governs it (past tense resolves
weekdays backwards, future forwards).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .model import TimeExpr
from .timex import normalise

EXTRA_RE = re.compile(r"\b(?:(?:last|this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"yesterday|today|tonight|overnight|tomorrow|last night)\b", re.I)
FUTURE_AUX = {"will", "shall", "'ll"}


@dataclass
class TimeMention:
    expr: TimeExpr
    token_start: int
    token_end: int

    @property
    def resolved(self) -> bool:
        return self.expr.start is not None


def tense_of(tok) -> str:
    """'future' when the governing verb has will/shall or 'going to'; else 'past'."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    for c in node.children:
        if c.lower_ in FUTURE_AUX or (c.lemma_ == "be" and any(g.lower_ == "going" for g in node.children)):
            return "future"
    if node.lower_ in ("will", "shall"):
        return "future"
    if node.tag_ in ("VBD", "VBN"):
        return "past"
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in node.head.children):
        return "future"
    return "past"


def _spans(doc) -> list[tuple[int, int]]:
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    covered = {i for s, e in spans for i in range(s, e)}
    for m in EXTRA_RE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(i in covered for i in range(span.start, span.end)):
            spans.append((span.start, span.end))
            covered.update(range(span.start, span.end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # "August" "in" "2024" -> one expression
        if merged and s - merged[-1][1] <= 1 and all(doc[i].lower_ in ("in", "of", ",") for i in range(merged[-1][1], s)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def find(doc, published: Optional[date]) -> list[TimeMention]:
    out = []
    for s, e in _spans(doc):
        span = doc[s:e]
        expr = normalise(span.text, published, tense_of(span.root))
        if expr is None:
            continue
        lead = 0
        while lead < len(span) - 1 and span[lead].lower_ in ("on", "in", "during", "since", "by", "the") and \
                span[lead].lower_ not in ("since",):
            lead += 1
        text_span = doc[s + lead:e]
        expr.text = text_span.text
        expr.start_char, expr.end_char = text_span.start_char, text_span.end_char
        out.append(TimeMention(expr, s, e))
    return out


def publication_fallback(published: Optional[date]) -> Optional[TimeExpr]:
    if published is None:
        return None
    iso = published.isoformat()
    return TimeExpr(text=None, start_char=None, end_char=None, timex=iso, start=iso, end=iso,
                    precision="day", source="published")
