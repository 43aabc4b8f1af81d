"""Words that point to a place without being its name: a people or adjective ("Canadians",
"Ohioans", "Dagestani", "European"), the continents, and a place named inside a longer name
("University of Georgia").

Recognition leaves these out of an article's toponyms (the people are not the place: "Ukrainian
forces" were not fighting in Ukraine as a place); they are resolved only when a caller asks about
the span, as a geoparsing gold file does, or (continents) listed among the article's places. A
place inside a longer name is listed among the article's places too, but does not steer the
resolution of the others ("Madison Middle School" says little of where the story is).
"""
from __future__ import annotations

from typing import Callable, Optional

from .gazetteer import Gazetteer, GeoEntry, fold
from .kb import KnowledgeBase
from .toponyms import Toponym

DEMONYM_ENDINGS = ("ians", "ans", "ns", "n", "i", "is", "ese", "")  # "Floridians", "Ohioans", "Dagestani"
DEMONYM_STEMS = ("", "a", "o", "ia", "io", "as")  # ... put back: "Florid"+"a", "Abkhaz"+"ia", "Ontar"+"io"
# A place inside a longer name (LGL end to end, recall / precision of gold toponyms: 0.643 / 0.863
# without; any gazetteer name 0.757 / 0.734; towns of 20,000+ 0.725 / 0.833; 50,000+ 0.717 / 0.843)
INNER_MIN_POPULATION = 20_000
STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "boulevard", "blvd", "lane", "way", "court",
                "place", "parkway", "highway", "pike", "trail", "circle", "square", "plaza"}
COMPASS_WORDS = {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest", "Central",
                 "Northern", "Southern", "Eastern", "Western", "Upper", "Lower", "Greater", "Downtown", "Historic", "Old"}
CONTINENT_DEMONYMS = {"european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
                      "asian": "Asia", "asians": "Asia", "north american": "North America",
                      "south american": "South America", "antarctic": "Antarctica"}


def continent_entry(gaz: Gazetteer, text: str) -> Optional[GeoEntry]:
    """"Europe", "Africa", "European": the GeoNames continent entry."""
    name = CONTINENT_DEMONYMS.get(fold(text), text)
    return next((e for e, alt in gaz.lookup(name) if e.feature == "continent"), None)


def division_of_people(gaz: Gazetteer, text: str) -> Optional[GeoEntry]:
    """A first-level division given as its people or adjective: "Ohioans", "Minnesotans",
    "Dagestani", "Abkhaz", "Floridians"."""
    key = fold(text)
    bases = {key[: -len(end)] if end else key for end in DEMONYM_ENDINGS if key.endswith(end)}
    found = {e for base in bases if len(base) >= 3 for add in DEMONYM_STEMS
             for e, alt in gaz.lookup(base + add) if e.feature == "admin1" and not alt}
    # "Floridians": Florida, not Uruguay's department of that name
    return max(found, key=lambda e: e.population) if found else None


def is_country_demonym(kb: KnowledgeBase, text: str) -> bool:
    """A country's (or an ethnic group's) people or adjective ("Ukrainian", "Canadians", "Kurdish"),
    not its name or capital."""
    known = kb.lookup(text)
    return bool(known and known[0] == "country" and fold(text) != fold(known[1].name)
                and not known[1].is_capital and text.endswith(("an", "ans", "ese", "ish", "ian", "i")))


def country_of_people(gaz: Gazetteer, kb: KnowledgeBase, text: str) -> Optional[GeoEntry]:
    """The country of a demonym ("American", "Palestinians"); None for an ethnic group."""
    known = kb.lookup(text)
    if not known or known[0] != "country" or known[1].ethnic:
        return None
    return gaz.country_entry.get(known[1].iso3)


def inner_names(gaz: Gazetteer, doc, found: list[Toponym], plausible: Callable[[Toponym], bool]) -> list[Toponym]:
    """For a longer name the gazetteer does not know, the place named inside it: at its start
    before more capitalised words ("the Columbia Metropolitan Convention Center", "Nashville
    Film Festival", "Fargo-Moorhead"), after "of" at its end
    ("University of Georgia"), or after a compass word ("Northeast Georgia", "South
    Arlington"). Never inside a span tagged as a person's name ("Mayor Austin Martinez")."""
    out = []
    for c in found:
        if c.label in ("PERSON", "NORP") or c.end - c.start < 2 or gaz.lookup(c.name):
            continue  # a person's name, a single word, or a name the gazetteer knows (plausible or not)
        inner = _inner_name(gaz, doc, c)
        if inner is not None and plausible(inner):
            out.append(inner)
    return out

def _well_known(gaz: Gazetteer, name: str) -> bool:
    """A name whose primary reading is a country, a first-level division or a town of
    INNER_MIN_POPULATION: enough to stand out inside another name ("Landmark Bank", "Officer
    Eggers" and "Goshen Road" name no place)."""
    return any(not alt and (e.feature in ("country", "admin1") or
                            e.feature == "city" and e.population >= INNER_MIN_POPULATION)
               for e, alt in gaz.lookup(name))

def _inner_name(gaz: Gazetteer, doc, c: Toponym) -> Optional[Toponym]:
    toks = doc[c.start:c.end]
    for i, tok in enumerate(toks):  # "University of Georgia", "United Concrete Products of Wallingford"
        if tok.lower_ == "of" and 0 < i < len(toks) - 1:
            start, end = toks[i + 1].i, c.end
            if _well_known(gaz, doc[start:end].text):
                return Toponym(start, end, doc[start:end].text, False, "INST")
    start = c.start + (1 if doc[c.start].text in COMPASS_WORDS else 0)  # "Northeast Georgia"
    for end in range(c.end - 1, start, -1):  # the longest known start ("Columbia" of "Columbia Metropolitan ...")
        name = doc[start:end].text
        nxt = doc[end]
        if nxt.lower_ in STREET_WORDS or name.endswith("-"):
            continue
        if _well_known(gaz, name) and (nxt.text[:1].isupper() or nxt.text == "-"):
            return Toponym(start, end, name, False, "INST")
    if start > c.start and _well_known(gaz, doc[start:c.end].text):
        return Toponym(start, c.end, doc[start:c.end].text, c.admin_suffix, "INST", c.suffix)
    return None
