"""Place names read off an article's layout rather than its grammar: a dateline in capitals
("MANSFIELD --", "KYIV, Ukraine (AP) --") and a legislator's party and home town ("Rep. Torrey
Westrom, R-Elbow Lake,"). :func:`eventwire.places.toponyms.candidates` takes their spans as
candidates whose layout says they are places. Both scan the article's whole text, kept once per
parsed document by :func:`doc_text`.
"""
from __future__ import annotations

import re
from typing import Optional

DASHES = {"\u2014", "\u2013", "--", "-", "\u2015", "\x97", "---"}
PARTY_LETTERS = {"R", "D", "I", "DFL", "R.", "D.", "I."}  # "Sen. Ray Miller, D-Columbus"


def _is_caps_word(tok) -> bool:
    return tok.is_alpha and tok.text.isupper() and len(tok.text) > 1


def _dateline_end(doc, i: int) -> Optional[int]:
    """The end of an all-capitals place name starting at ``i`` that opens a dateline ("MANSFIELD --",
    "ST. PARIS --", "COLUMBUS, Ohio (AP) --", "CHATTANOOGA (AP) --"), or None."""
    j = i
    while j < len(doc) and (_is_caps_word(doc[j]) or (doc[j].text in (".", "-") and j > i and j + 1 < len(doc)
                                                       and _is_caps_word(doc[j + 1]))):
        j += 1
    if j == i or j >= len(doc) or (j - i == 1 and len(doc[i].text) < 3):
        return None
    if doc[j].text in DASHES or doc[j].text.startswith(("\u2014", "--")) or doc[j].text in ("(", ":"):
        return j  # "BEIRUT --", "CHATTANOOGA (AP)", "BEIRUT: The body of..."
    if doc[j].text == ",":
        after = doc[j + 1:j + 8]
        if any(t.text in DASHES or t.text == "(" for t in after):
            return j
    return None


def dateline_dash(doc, start: int) -> Optional[int]:
    """The dash closing a dateline that opens at token ``start`` ("ADDIS ABABA, Ethiopia (Wire) --"),
    or None; it reads token texts only, so it works before the parser has run."""
    end = _dateline_end(doc, start)
    if end is None:
        return None
    for k in range(end, min(end + 10, len(doc))):
        spaced = doc[k].text != "-" or bool(doc[k - 1].whitespace_)  # not the "-" of "ANALYSIS-Convoy ..."
        if (doc[k].text in DASHES or doc[k].text.startswith(("\u2014", "--"))) and spaced:
            return k
        if doc[k].is_alpha and doc[k].is_lower:
            return None  # "BEIRUT: The body of ...": the story has begun
    return None


# where a dateline or a party-and-home-town may start (a quick look at the text before the tokens)
CAPS_RUN = re.compile(r"(?<![A-Za-z.])[A-Z][A-Z]{1,}(?=[A-Z .'-]*(?:\s*(?:\u2014|\u2013|--|-|\(|,|:|\x97)))")
PARTY_TOWN = re.compile(r"[,(]\s*(?:R|D|I|DFL)\.?-(?=[A-Z])")


def doc_text(doc) -> str:
    """The article's text, built once per parsed document (spaCy joins its tokens on every call)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def dateline_spans(doc) -> list[tuple[int, int]]:
    """Datelines in capitals, anywhere a capitalised run follows a non-capital word or opens a line."""
    out: list[tuple[int, int]] = []
    for m in CAPS_RUN.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is None or (out and span.start < out[-1][1]):
            continue
        i = span.start
        if _is_caps_word(doc[i]) and (i == 0 or not _is_caps_word(doc[i - 1])):
            end = _dateline_end(doc, i)
            if end is not None:
                out.append((i, end))
    return out


def hometown_spans(doc) -> list[tuple[int, int]]:
    """A legislator's party and home town after the name: "Rep. Torrey Westrom, R-Elbow Lake,"."""
    out = []
    for m in PARTY_TOWN.finditer(doc_text(doc)):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is None or span.start == 0 or doc[span.start - 1].text != "-":
            continue
        start = end = span.start
        while end < min(len(doc), start + 4) and doc[end].text[:1].isupper():
            end += 1
        if end > start and (end == len(doc) or doc[end].text in (",", ")", ";")):
            out.append((start, end))
    return out
