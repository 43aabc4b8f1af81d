"""The event's place end to end (../shared/data/event-location: news sentences where an annotator
linked an event verb to the toponym where it happened, or to none), through ``code``.

Headline: each sentence is coded as an article; the event the gold verb states must carry a place
overlapping the gold location (or no place when the gold has none). A verb the product codes no
event for counts as wrong when the gold has a place. The event a verb states is the one whose
trigger is the verb, else one whose trigger is the verb's subject or object or is joined to it in
one clause: "launched an offensive" and "the attack occurred" are coded at their nouns, "blew
himself up, killing 11" at its first verb (session 11; before, only a trigger on the verb itself
counted, which is kept as the diagnostic ``event_place_trigger_is_verb``). Since session 13 an
event also states the words its record lists as ``evidence.linked``: the other words of the
sentence the coder joined into it ("In separate attacks, gunmen shot ..."). Diagnostic: the place
stage's choice for the gold verb (``ArticleContext.locate``), no event needed.
"""
from __future__ import annotations

import json
import time
import zipfile
from collections import Counter
from pathlib import Path

from eventwire.model import Article
from eventwire.reasons import PlaceReason
from eventwire.evaluation.rows import Report, ratio
from eventwire.evaluation.splits import Part, select

DIAGNOSTIC_REASONS = (PlaceReason.CLAUSE, PlaceReason.SENTENCE)


def records(shared: Path) -> list[tuple[str, dict, dict | None]]:
    with zipfile.ZipFile(shared / "data" / "event-location" / "labeled_text.jsonl.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        raw = z.read(name).decode("utf-8")
    rows = json.loads(raw) if raw.lstrip().startswith("[") else [json.loads(x) for x in raw.splitlines() if x.strip()]
    out = []
    for r in rows:
        if r.get("answer") != "accept":
            continue
        toks = r.get("tokens") or []
        spans = []
        for sp in r.get("spans", []):  # character offsets from the spans' tokens (the span offsets drift)
            if "token_start" in sp and sp["token_end"] < len(toks):
                sp = {**sp, "start": toks[sp["token_start"]]["start"], "end": toks[sp["token_end"]]["end"]}
            spans.append(sp)
        verbs = [s for s in spans if s.get("label") == "VERB"]
        if len(verbs) == 1:
            locs = [s for s in spans if s.get("label") == "LOCATION"]
            out.append((r["text"], verbs[0], locs[0] if locs else None))
    return out


def available(shared: Path) -> bool:
    return (shared / "data" / "event-location" / "labeled_text.jsonl.zip").exists()


def evaluate(pipeline, shared: Path, part: Part = "all", limit: int = 0) -> Report:
    rows = select(records(shared), "event-location", part, lambda r: r[0])
    rows = rows[:limit] if limit else rows
    report = Report("event-location", part)
    c: Counter = Counter()
    start = time.perf_counter()
    for text, verb, loc in rows:
        article = Article(id="s", text=text)
        ctx = pipeline.analyse(article)
        events = pipeline.code_context(ctx)
        strict = next((e for e in events if _overlaps(e.evidence.trigger, verb)), None)
        ev = strict or next((e for e in events if any(_overlaps(t, verb) for t in e.evidence.linked)), None) \
            or _stated_by(ctx.doc, verb, events)
        c["n"] += 1
        c["ok"] += _agrees(ev.location if ev is not None else None, loc)
        c["strict_ok"] += _agrees(strict.location if strict is not None else None, loc)
        c["coded"] += ev is not None
        c["diag_ok"] += _diagnostic(ctx, verb, loc)
        report.words += len(text.split())
    report.seconds = time.perf_counter() - start
    report.add("event_place_accuracy", ratio(c["ok"], c["n"]), c["n"])
    report.add("event_place_trigger_is_verb", ratio(c["strict_ok"], c["n"]), c["n"], headline=False)
    report.add("verb_coded_as_event", ratio(c["coded"], c["n"]), c["n"], headline=False)
    report.add("place_choice_for_gold_verb", ratio(c["diag_ok"], c["n"]), c["n"], headline=False)
    return report


def _overlaps(span, verb: dict) -> bool:
    return span.start < verb["end"] and verb["start"] < span.end


def _agrees(place, loc) -> bool:
    if loc is None:
        return place is None
    return place is not None and place.start < loc["end"] and loc["start"] < place.end


def _stated_by(doc, verb: dict, events):
    """The event a gold verb states when no trigger is the verb itself: its subject or object is the
    trigger ("launched an offensive"), it hangs on the trigger, or both hang on one verb as clauses
    of one sentence ("blew himself up, killing 11"). The words an event lists as ``linked`` count
    as its trigger here too (session 18): a merged "massacre ... shot and killed" states "shot"."""
    span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
    if span is None:
        return None
    v = span[-1]
    for e in events:
        for word in (e.evidence.trigger, *e.evidence.linked):
            stated = doc.char_span(word.start, word.end, alignment_mode="expand")
            t = stated.root if stated is not None else None
            if t is not None and (t.head == v or v.head == t or (v.head == t.head and v.dep_ in ("advcl", "conj", "xcomp"))):
                return e
    return None


def _diagnostic(ctx, verb: dict, loc) -> bool:
    span = ctx.doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
    if span is None:
        return False
    choice, reason = ctx.locate(span.root)
    place = choice.place if choice is not None and reason in DIAGNOSTIC_REASONS else None
    return _agrees(place, loc)
