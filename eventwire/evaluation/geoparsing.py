"""Geoparsing end to end: LGL (US local news) and GeoVirus (WikiNews), through ``annotate``.

Headline: the share of gold toponyms for which ``annotate`` lists an overlapping place within
161 km of the gold point (a toponym it missed counts as wrong), toponym recall, and precision
(listed places that overlap a gold toponym). Diagnostic: accuracy over the toponyms found, and
for LGL (which has GeoNames ids) the old figure — gold spans resolved in context.
"""
from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from eventwire.geo import haversine_km
from eventwire.model import Article
from eventwire.evaluation.rows import Report, ratio
from eventwire.evaluation.splits import Part, select

WITHIN_KM = 161


@dataclass
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float
    geonameid: Optional[int] = None


@dataclass
class GeoDoc:
    doc_id: str
    text: str
    golds: list[GoldToponym]
    domain: Optional[str] = None


def lgl_docs(shared: Path) -> list[GeoDoc]:
    path = shared / "data" / "geoparsing-lgl" / "lgl.xml"
    docs: list[GeoDoc] = []
    for art in ET.parse(path).getroot().iter("article"):
        golds = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            golds.append(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                     float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0),
                                     int(tag.get("geonameid") or 0)))
        docs.append(GeoDoc(art.get("docid") or str(len(docs)), art.findtext("text") or "", golds,
                           art.findtext("domain") or None))
    return docs


def geovirus_docs(shared: Path) -> list[GeoDoc]:
    path = shared / "data" / "geoparsing-geovirus" / "GeoVirus.xml"
    docs: list[GeoDoc] = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = [_geovirus_toponym(loc, text) for loc in art.iter("location") if loc.findtext("lat")]
        docs.append(GeoDoc(art.findtext("source") or str(len(docs)), text, golds))
    return docs


def _geovirus_toponym(loc: ET.Element, text: str) -> GoldToponym:
    """GeoVirus offsets count one character more than the parsed ``<text>``; shift when the name says so."""
    start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
    name = loc.findtext("name") or ""
    if text[start:end] != name and text[start - 1:end - 1] == name:
        start, end = start - 1, end - 1
    return GoldToponym(start, end, float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0))


DATASETS = {"lgl": ("geoparsing-lgl", lgl_docs), "geovirus": ("geoparsing-geovirus", geovirus_docs)}


def available(shared: Path, name: str) -> bool:
    return (shared / "data" / DATASETS[name][0]).exists()


def evaluate(pipeline, shared: Path, name: str, part: Part = "all", gold_spans: bool = False) -> Report:
    docs = select(DATASETS[name][1](shared), name, part, lambda d: d.doc_id)
    report = Report(name, part)
    c: Counter = Counter()
    start = time.perf_counter()
    for d in docs:
        article = Article(id=d.doc_id, text=d.text, source=d.domain)
        places = pipeline.annotate(article).places
        _score_doc(d, places, c)
        report.words += len(d.text.split())
        if gold_spans and d.golds and d.golds[0].geonameid is not None:
            _score_gold_spans(pipeline, d, c)
    report.seconds = time.perf_counter() - start
    n = c["gold"]
    report.add("within_161km", ratio(c["right"], n), n)
    report.add("toponym_recall", ratio(c["found"], n), n)
    report.add("toponym_precision", ratio(c["ours_matched"], c["ours"]), c["ours"])
    report.add("within_161km_of_found", ratio(c["right"], c["found"]), c["found"], headline=False)
    if c["span_n"]:
        report.add("gold_spans_within_161km", ratio(c["span_right"], c["span_n"]), c["span_n"], headline=False)
    return report


def _overlaps(place, g: GoldToponym) -> bool:
    return place.start < g.end and g.start < place.end


def _score_doc(d: GeoDoc, places: list, c: Counter) -> None:
    for g in d.golds:
        c["gold"] += 1
        hit = next((p for p in places if _overlaps(p, g) and p.lat is not None), None)
        if hit is not None:
            c["found"] += 1
            c["right"] += haversine_km(g.lat, g.lon, hit.lat, hit.lon) <= WITHIN_KM
    listed = [p for p in places if p.lat is not None]
    c["ours"] += len(listed)
    c["ours_matched"] += sum(1 for p in listed if any(_overlaps(p, g) for g in d.golds))


def _score_gold_spans(pipeline, d: GeoDoc, c: Counter) -> None:
    """Diagnostic: each gold span resolved in its article's context (recognition skipped)."""
    from eventwire.places.outlet import outlet_hint

    doc = pipeline.parser(d.text)
    hint = outlet_hint(d.domain, pipeline.gaz)
    for g in d.golds:
        span = doc.char_span(g.start, g.end, alignment_mode="expand")
        place = pipeline.resolver.resolve_span(doc, span.start, span.end, None, hint) if span is not None else None
        c["span_n"] += 1
        c["span_right"] += place is not None and haversine_km(g.lat, g.lon, place.lat, place.lon) <= WITHIN_KM
