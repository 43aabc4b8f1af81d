"""Geocoding on the LGL corpus (../shared/data/geoparsing-lgl: 588 local news articles).

    python eval/lgl.py [--limit N] [--show N] [--home-areas]

Two measures:
- resolution: each gold toponym span resolved by the places stage in its article's context
  (share within 161 km of the gold point -- the usual "accuracy@161km" -- and exact GeoNames id);
- end to end: gold toponyms our recogniser finds (overlap), and of those, the share within 161 km.
Skips when the data is absent.
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "geoparsing-lgl" / "lgl.xml"


def articles():
    for art in ET.parse(DATA).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            golds.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                          "phrase": t.findtext("phrase"), "geonameid": int(tag.get("geonameid")),
                          "lat": float(tag.findtext("lat")), "lon": float(tag.findtext("lon"))})
        yield art.get("docid"), text, golds, art.findtext("domain") or None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--home-areas", action="store_true",
                    help="learn each outlet's home area from our own resolutions of its articles (a first pass "
                         "over the corpus, no gold), then resolve with it (eventwire.home)")
    ap.add_argument("--no-outlet", action="store_true",
                    help="ignore what each article's web domain names (its country domain, a town in its name)")
    args = ap.parse_args()
    if not DATA.exists():
        print("skip: ../shared/data/geoparsing-lgl not present")
        return
    from eventwire import gazetteer, kb, nlp as nlp_mod
    from eventwire.dedup import haversine_km
    from eventwire.outlet import outlet_hint
    from eventwire.places import PlaceResolver

    nlp = nlp_mod.load()
    resolver = PlaceResolver(gazetteer.load(), kb.load())
    c = Counter()
    shown = 0
    corpus = list(articles())[:args.limit or None]
    docs = [nlp(text) for _, text, _, _ in corpus]
    homes = None
    if args.home_areas:
        from eventwire.home import HomeAreas
        homes = HomeAreas()
        for (_, _, _, domain), doc in zip(corpus, docs):
            homes.observe(domain, [m.entry for m in resolver.find(doc)])
        print(f"outlets with a home area: {sum(1 for d in {x[3] for x in corpus} if homes.home(d))} "
              f"of {len({x[3] for x in corpus})}")
    gaz = resolver.gaz
    for (docid, text, golds, domain), doc in zip(corpus, docs):
        home = homes.home(domain) if homes else None
        outlet = outlet_hint(domain, gaz) if not args.no_outlet else None
        found = resolver.find(doc, home, outlet)
        for g in golds:
            c["gold"] += 1
            span = doc.char_span(g["start"], g["end"], alignment_mode="expand")
            place = resolver.resolve_span(doc, span.start, span.end, home, outlet) if span is not None else None
            if place is not None:
                c["resolved"] += 1
                dist = haversine_km(g["lat"], g["lon"], place.lat, place.lon)
                c["within161"] += dist <= 161
                c["exact"] += place.geonameid == g["geonameid"]
                c["exact_or_161"] += place.geonameid == g["geonameid"] or dist <= 161
                if dist > 161 and place.geonameid != g["geonameid"] and shown < args.show:
                    print(f"WRONG {g['phrase']!r:28} -> {place.name} ({place.country}, {place.feature}) {dist:,.0f} km | {place.why[:90]}")
                    shown += 1
            elif shown < args.show:
                print(f"NONE  {g['phrase']!r:28}")
                shown += 1
            hit = next((m for m in found if m.place.start < g["end"] and g["start"] < m.place.end), None)
            if hit is not None:
                c["e2e_found"] += 1
                c["e2e_within161"] += haversine_km(g["lat"], g["lon"], hit.place.lat, hit.place.lon) <= 161
        c["ours"] += len(found)
        c["ours_matched"] += sum(1 for m in found if any(m.place.start < g["end"] and g["start"] < m.place.end for g in golds))
    n = c["gold"]
    print(f"gold toponyms: {n}")
    print(f"resolution of gold spans: within 161 km {c['within161'] / n:.4f} ({c['within161']} of {n})  exact geonameid {c['exact'] / n:.3f}  "
          f"exact or within 161 km {c['exact_or_161'] / n:.3f}  (unresolved {1 - c['resolved'] / n:.3f})")
    print(f"end to end: recall {c['e2e_found'] / n:.3f}  precision {c['ours_matched'] / max(1, c['ours']):.3f}  "
          f"within 161 km of found {c['e2e_within161'] / max(1, c['e2e_found']):.3f}  "
          f"overall {c['e2e_within161'] / n:.3f}")


if __name__ == "__main__":
    main()
