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
                      r"yesterday|today|tonight|overnight|tomorrow|last night|weekend)\b|"
                      r"\b(?:now|currently|recently|nowadays|daily|weekly|annually|the future)\b", re.I)
FUTURE_AUX = {"will", "shall", "'ll"}


@dataclass
class TimeMention:
    expr: TimeExpr
    token_start: int
    token_end: int

    @property
    def resolved(self) -> bool:
        return self.expr.start is not None


SCHEDULE_VERBS = {"schedule", "expect", "plan", "set", "due", "intend", "hope", "propose"}


def tense_of(tok) -> str:
    """'future' (will, shall, going to, scheduled to), 'past' (past-tense or perfect verb) or
    'present' for the verb that governs a time expression."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    chain = [node, node.head] if node.dep_ in ("xcomp", "ccomp", "advcl", "conj") else [node]
    for verb in chain:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
            return "future"
        if "would" in aux:
            return "present"  # reported or conditional: the nearer date
        if verb.lemma_ in SCHEDULE_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
            return "future"
        if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in verb.children) and \
                any(c.lower_ == "to" for c in verb.children):
            return "future"  # "is going to"
    if node.tag_ in ("VBD", "VBN") or {c.lower_ for c in node.children} & {"has", "had", "have", "was", "were"}:
        return "past"
    if node.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "present"
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
    for s, e in spans:  # "August" "in" "2024" -> one expression, when the whole still reads as one
        if merged and s - merged[-1][1] <= 1 and all(doc[i].lower_ in ("in", "of", ",") for i in range(merged[-1][1], s)) \
                and normalise(doc[merged[-1][0]:e].text, None) is not None and re.fullmatch(r"(?:19|20)\d\d", doc[s:e].text):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _split(doc, s: int, e: int) -> list[tuple[int, int]]:
    """'between 1994 and 1997', 'April 24 and 25': one expression per coordinated date."""
    cuts = [i for i in range(s + 1, e - 1) if doc[i].lower_ in ("and", "to", "through", "until", "or")]
    if not cuts:
        return [(s, e)]
    parts, start = [], s
    for c in cuts + [e]:
        parts.append((start, c))
        start = c + 1
    parts = [(a, b) for a, b in parts if b > a]
    return parts if all(normalise(doc[a:b].text, None) is not None or re.fullmatch(r"\d{1,2}", doc[a:b].text)
                        for a, b in parts) else [(s, e)]


def find(doc, published: Optional[date]) -> list[TimeMention]:
    out = []
    for s, e in [p for span in _spans(doc) for p in _split(doc, *span)]:
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
