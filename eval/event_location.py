"""Which place is the event's place? (../shared/data/event-location: news sentences where an
annotator linked an event verb to the toponym where it happened, or to none; MIT).

    python eval/event_location.py [--limit N] [--show N]

For every accepted sentence, the places stage finds the toponyms and the event stage's locate()
picks the event's place for the annotated verb (clause attachment, then the sentence; no
paragraph fallback in one-sentence inputs). Correct when the chosen place overlaps the gold
location span, or when both say "no place". Also reported: the same accuracy restricted to
sentences whose gold location our gazetteer recognises (the choice itself, not recognition).
"""
from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "event-location" / "labeled_text.jsonl.zip"


def records(limit: int):
    with zipfile.ZipFile(DATA) as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        raw = z.read(name).decode("utf-8")
    rows = json.loads(raw) if raw.lstrip().startswith("[") else [json.loads(l) for l in raw.splitlines() if l.strip()]
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
        if len(verbs) != 1:
            continue
        locs = [s for s in spans if s.get("label") == "LOCATION"]
        out.append((r["text"], verbs[0], locs[0] if locs else None))
        if limit and len(out) >= limit:
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        print("skip: ../shared/data/event-location not present")
        return
    from eventwire import Pipeline
    from eventwire.model import Article

    pipe = Pipeline()
    rows = records(args.limit)
    c = Counter()
    shown = 0
    docs = pipe.nlp.pipe((t for t, _, _ in rows), batch_size=64)
    for (text, verb, loc), doc in zip(rows, docs):
        ctx = pipe.analyse(Article(id="s", text=text), doc)
        span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
        if span is None:
            continue
        place, reason = ctx.locate(span.root)
        if reason not in ("attached to the event's clause", "named in the same sentence"):
            place = None
        ok = (place is None and loc is None) or (place is not None and loc is not None
                                                and place.place.start < loc["end"] and loc["start"] < place.place.end)
        c["n"] += 1
        c["ok"] += ok
        recognised = loc is not None and any(p.place.start < loc["end"] and loc["start"] < p.place.end for p in ctx.places)
        if recognised or (loc is None and ctx.places):
            c["choice_n"] += 1
            c["choice_ok"] += ok
        if not ok and shown < args.show:
            gold = text[loc["start"]:loc["end"]] if loc else None
            print(f"gold={gold!r:22} ours={place.place.text if place else None!r:22} verb={verb['start']}:{text[verb['start']:verb['end']]!r} | {text[:110]}")
            shown += 1
    print(f"sentences: {c['n']}")
    print(f"event place accuracy: {c['ok'] / c['n']:.3f}")
    print(f"choice accuracy where the gold place is recognised (or none, with places present): "
          f"{c['choice_ok'] / max(1, c['choice_n']):.3f} (n={c['choice_n']})")


if __name__ == "__main__":
    main()
