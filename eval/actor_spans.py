"""Who did it to whom, as spans (../shared/data/actor-spans: 1,153 news sentences, BIO tags for
source S and target T; from eventdata/ConfliBERT).

    python eval/actor_spans.py [--limit N]

Each sentence is coded; the actor and recipient spans of its events are compared with the gold
S and T spans: exact span match and overlap match, precision/recall/F1 per role.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "actor-spans" / "train.txt"


def sentences():
    words, tags = [], []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        w, _, t = line.rpartition(" ")
        words.append(w)
        tags.append(t)
    if words:
        yield words, tags


def gold_spans(words: list[str], tags: list[str]) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    text, spans, open_ = "", {"S": [], "T": []}, None
    for w, t in zip(words, tags):
        start = len(text) + (1 if text else 0)
        text = f"{text} {w}" if text else w
        end = len(text)
        kind = t[2:] if len(t) > 2 else None
        if t.startswith("B-") or (t.startswith("I-") and (open_ is None or open_[0] != kind)):
            if open_:
                spans.setdefault(open_[0], []).append((open_[1], open_[2]))
            open_ = [kind, start, end]
        elif t.startswith("I-"):
            open_[2] = end
        else:
            if open_:
                spans.setdefault(open_[0], []).append((open_[1], open_[2]))
            open_ = None
    if open_:
        spans.setdefault(open_[0], []).append((open_[1], open_[2]))
    return text, spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        print("skip: ../shared/data/actor-spans not present")
        return
    from eventwire import Pipeline
    from eventwire.model import Article

    pipe = Pipeline()
    c = Counter()
    for k, (words, tags) in enumerate(sentences()):
        if args.limit and k >= args.limit:
            break
        text, gold = gold_spans(words, tags)
        events = pipe.code(Article(id=str(k), text=text))
        for role, key in (("actor", "S"), ("recipient", "T")):
            pred = {(getattr(e, role).start, getattr(e, role).end) for e in events if getattr(e, role) is not None}
            golds = set(gold.get(key, []))
            c[f"{key}_pred"] += len(pred)
            c[f"{key}_gold"] += len(golds)
            c[f"{key}_exact"] += len(pred & golds)
            c[f"{key}_overlap_p"] += sum(1 for a, b in pred if any(a < d and c_ < b for c_, d in golds))
            c[f"{key}_overlap_r"] += sum(1 for c_, d in golds if any(a < d and c_ < b for a, b in pred))
    for key, name in (("S", "source (actor)"), ("T", "target (recipient)")):
        p = c[f"{key}_exact"] / max(1, c[f"{key}_pred"])
        r = c[f"{key}_exact"] / max(1, c[f"{key}_gold"])
        op = c[f"{key}_overlap_p"] / max(1, c[f"{key}_pred"])
        orr = c[f"{key}_overlap_r"] / max(1, c[f"{key}_gold"])
        f = 2 * p * r / (p + r) if p + r else 0.0
        of = 2 * op * orr / (op + orr) if op + orr else 0.0
        print(f"{name:20} exact P={p:.3f} R={r:.3f} F1={f:.3f} | overlap P={op:.3f} R={orr:.3f} F1={of:.3f} "
              f"(gold {c[f'{key}_gold']}, predicted {c[f'{key}_pred']})")


if __name__ == "__main__":
    main()
