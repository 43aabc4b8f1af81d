"""Actor coding on the PLOVER gold-standard records (../shared/data/plover-gsr, CC BY-SA 4.0).

    python eval/gsr.py [--show N]

Two measures, printed as a table:
- phrase: the gold actor text located in its sentence and coded by the actors stage
  (country and sector accuracy for sources and targets) -- the knowledge base and phrase rules;
- events: the whole pipeline on each sentence; the coded event of the gold type (else the first)
  and its actor/recipient compared with the gold source/target -- end to end, type accuracy too.
CAMEO codes that differ from ISO 3166 alpha-3 are mapped (facts). Skips when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
CAMEO_TO_ISO = {"JAP": "JPN", "GMY": "DEU", "UK": "GBR", "SER": "SRB", "YUG": "SRB", "ROM": "ROU", "DRC": "COD",
                "ZAI": "COD", "BUL": "BGR", "SWZ": "CHE", "CRO": "HRV", "PAL": "PSE", "KOS": "XKX", "SUD": "SDN"}
# PLOVER's GSR writes MED for medical and JRN for journalists; the event contract (CAMEO style) has
# HLH for health and MED for media. Sectors outside the contract (ELI, SOC, LAB, REL...) are not scored.
SECTOR_MAP = {"MED": "HLH", "JRN": "MED", "CIV": "CVL"}
CONTRACT_SECTORS = {"GOV", "MIL", "REB", "COP", "JUD", "SPY", "OPP", "CVL", "IGO", "NGO", "MED", "REF", "BUS", "LEG",
                    "EDU", "HLH", "PTY", "CRM"}
TYPE_MAP = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def parties(value) -> list[dict]:
    return value if isinstance(value, list) else []


def gold_country(p: dict) -> str:
    code = (p.get("code") or "")[:3]
    return CAMEO_TO_ISO.get(code, code)


def locate(text: str, actor_text: str):
    """Character offsets of the head chunk of the gold actor text in its sentence. Exact (case,
    then ignoring case); else its words in order with gaps ("U.S. ... negotiators", "Jordan's
    [visiting] King Abdullah II"): the last chunk, unless that starts with a preposition
    ("people .. in Hong Kong"), then the first."""
    words = [w for w in re.split(r"\s+|\.{2,}", actor_text) if w]
    if not words:
        return None
    def find(ws: list[str], within: str, flags=0):
        pattern = r"(?<!\w)" + r"\s*".join(re.escape(w) for w in ws) + r"(?!\w)"
        return re.search(pattern, within, flags)
    whole = find(words, text) or find(words, text, re.I)
    if whole:
        return whole.start(), whole.end()
    chunks, pos, current = [], 0, None
    for w in words:
        m = re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.I).search(text, pos)
        if m is None or (current and m.start() - current[1] > 40):
            return None
        if current and m.start() - current[1] <= 1:
            current[1] = m.end()
        else:
            current = [m.start(), m.end()]
            chunks.append(current)
        pos = m.end()
    last_text = text[chunks[-1][0]:chunks[-1][1]]
    chosen = chunks[0] if re.match(r"(?:in|of|from|at|near)\b", last_text) else chunks[-1]
    return tuple(chosen)


def phrase_head(span):
    """The head of an English noun phrase: of the tokens governed from outside the span, the one
    whose subtree covers most of it, the last on a tie ("Israeli army" in "Israeli army
    bulldozers" -> "army", where spaCy's span.root is "Israeli")."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    nouns = [t for t in outside if t.pos_ in ("NOUN", "PROPN", "PRON")] or outside or [span.root]
    covered = {t.i: sum(span.start <= d.i < span.end for d in t.subtree) for t in nouns}
    best = max(covered.values())
    return [t for t in nouns if covered[t.i] == best][-1]  # the widest; the last on a tie


def gold_sector(p: dict):
    s = (p.get("sector") or "")[:3]
    s = SECTOR_MAP.get(s, s)
    return s if s in CONTRACT_SECTORS else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print this many errors")
    ap.add_argument("--sectors", action="store_true", help="print sector errors too")
    args = ap.parse_args()
    if not DATA.exists():
        print("skip: ../shared/data/plover-gsr not present")
        return
    from eventwire import Pipeline
    from eventwire.model import Article

    records = [r for r in json.loads(DATA.read_text(encoding="utf-8")) if r.get("text") and r["event"] != "DOCUMENT"]
    pipe = Pipeline()
    c = Counter()
    errors = []
    for r in records:
        art = Article(id=r["id"], text=r["text"], published=r.get("date"))
        ctx = pipe.analyse(art)
        events = [e.to_dict() for e in pipe.code_context(ctx)]
        want = TYPE_MAP.get(r["event"], r["event"])
        c["events_total"] += 1
        ev = next((e for e in events if e["type"] == want), events[0] if events else None)
        c["type_ok"] += bool(ev and ev["type"] == want)
        for role, gold_role in (("actor", "source"), ("recipient", "target")):
            golds = parties(r.get(gold_role))
            if not golds:
                continue
            g = golds[0]
            gc, gs = gold_country(g), gold_sector(g)
            # phrase level
            found = locate(r["text"], g.get("actorText") or "")
            span = ctx.doc.char_span(*found, alignment_mode="expand") if found else None
            party = ctx.actors.code(phrase_head(span)) if span is not None else None
            c[f"phrase_{role}_n"] += 1
            ok_c = party is not None and party.country == gc
            c[f"phrase_{role}_country"] += ok_c
            if gs:
                c[f"phrase_{role}_sector_n"] += 1
                c[f"phrase_{role}_sector"] += bool(party and party.sector == gs)
                if not (party and party.sector == gs) and args.sectors and len(errors) < args.show:
                    errors.append(f"SECTOR {role}: {g.get('actorText')!r} gold {gs} got {party.sector if party else None}"
                                  f"  | {r['text'][:90]}")
            if not ok_c and len(errors) < args.show:
                errors.append(f"{role}: {g.get('actorText')!r} gold {gc}/{gs} got "
                              f"{party.country if party else None}/{party.sector if party else None}  | {r['text'][:90]}")
            # end to end
            c[f"event_{role}_n"] += 1
            got = (ev or {}).get(role) or {}
            c[f"event_{role}_country"] += got.get("country") == gc
            if gs:
                c[f"event_{role}_sector_n"] += 1
                c[f"event_{role}_sector"] += got.get("sector") == gs
    def pct(a, b):
        return f"{c[a] / c[b]:.3f} ({c[a]}/{c[b]})" if c[b] else "n/a"
    print(f"records: {c['events_total']}")
    print(f"event type (gold type among coded): {pct('type_ok', 'events_total')}")
    for level in ("phrase", "event"):
        for role in ("actor", "recipient"):
            print(f"{level:6} {role:9} country {pct(f'{level}_{role}_country', f'{level}_{role}_n')}  "
                  f"sector {pct(f'{level}_{role}_sector', f'{level}_{role}_sector_n')}")
    for e in errors:
        print("  ", e)


if __name__ == "__main__":
    main()
