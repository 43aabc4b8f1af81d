"""Time expressions on TimeBank 1.2 + AQUAINT (../shared/data/timex-tbaq, TempEval-3 training data).

    python eval/timebank.py [--show N] [--limit DOCS]

For every document the creation time (DCT) is the anchor; the time stage runs on the TEXT
element. A gold TIMEX3 is found when one of our expressions overlaps it (TempEval-3 "relaxed"
match); its value is right when our TimeML value equals the gold one. Prints recall, precision,
value accuracy over found expressions and value F1 (relaxed F1 x value accuracy, the TempEval-3
attribute score HeidelTime reports ~0.78 on), overall and per TIMEX3 type.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "timex-tbaq"
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse(path: Path) -> tuple[date | None, str, list[dict]]:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    dct = date.fromisoformat(dct_m.group(1)) if dct_m else None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, golds, pos, open_timex = [], [], 0, None
    length = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        text.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if name == "TIMEX3" and not closing:
            open_timex = {"start": length, **attrs}
        elif name == "TIMEX3" and closing and open_timex is not None:
            open_timex["end"] = length
            golds.append(open_timex)
            open_timex = None
    text.append(html.unescape(body[pos:]))
    full = "".join(text)
    for g in golds:
        g["text"] = full[g["start"]:g["end"]]
    return dct, full, golds


def equivalent(ours, gold) -> bool:
    """The same value in another TimeBank notation: unspecified trailing parts written as XX, week
    numbers without a leading zero, decades written 198X (TimeML 1.2 writes 198). Reported separately
    from the strict accuracy."""
    if not ours or not gold:
        return False
    norm = lambda v: re.sub(r"-W0(\d)$", r"-W\1", re.sub(r"(-XX)+$", "", v.rstrip("X") if re.fullmatch(r"\d{3}X", v) else v))  # noqa: E731
    return norm(ours) == norm(gold)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        print("skip: ../shared/data/timex-tbaq not present")
        return
    from eventwire import nlp as nlp_mod, times

    nlp = nlp_mod.load()
    files = sorted(DATA.glob("*/*.tml"))
    if args.limit:
        files = files[:args.limit]
    c = Counter()
    shown = 0
    for path in files:
        dct, text, golds = parse(path)
        doc = nlp(text)
        ours = [t.expr for t in times.find(doc, dct)]
        used = set()
        for g in golds:
            kind = g.get("type", "?")
            c[f"gold_{kind}"] += 1
            c["gold"] += 1
            match = next((k for k, o in enumerate(ours) if o.start_char < g["end"] and g["start"] < o.end_char), None)
            if match is None:
                if shown < args.show:
                    print(f"MISS {kind:8} {g['text']!r:35} gold={g.get('value')}")
                    shown += 1
                continue
            used.add(match)
            c["found"] += 1
            c[f"found_{kind}"] += 1
            ok = ours[match].timex == g.get("value")
            c["value_ok"] += ok
            c["value_ok_equiv"] += ok or equivalent(ours[match].timex, g.get("value"))
            c[f"value_ok_{kind}"] += ok
            if not ok and shown < args.show:
                print(f"VALUE {kind:8} {g['text']!r:35} gold={g.get('value')} ours={ours[match].timex} ({ours[match].text!r})")
                shown += 1
        c["ours"] += len(ours)
        c["ours_matched"] += len(used)
    recall = c["found"] / c["gold"]
    precision = c["ours_matched"] / c["ours"] if c["ours"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = c["value_ok"] / c["found"] if c["found"] else 0.0
    print(f"documents: {len(files)}  gold TIMEX3: {c['gold']}  ours: {c['ours']}")
    print(f"relaxed recall={recall:.3f} precision={precision:.3f} F1={f1:.3f}")
    print(f"value accuracy (found)={accuracy:.3f} ({c['value_ok']}/{c['found']})  value F1={f1 * accuracy:.3f}")
    equiv = c["value_ok_equiv"] / c["found"] if c["found"] else 0.0
    print(f"value accuracy with notation variants equal (1949 = 1949-XX, 2000-W07 = 2000-W7, 198 = 198X): {equiv:.3f}")
    for kind in ("DATE", "TIME", "DURATION", "SET"):
        n, found, ok = c[f"gold_{kind}"], c[f"found_{kind}"], c[f"value_ok_{kind}"]
        if n:
            print(f"  {kind:8} n={n:5} recall={found / n:.3f} value_acc={ok / found if found else 0:.3f}")


if __name__ == "__main__":
    main()
