"""Words that point to a place without being its name: a people or adjective ("Canadians",
"Ohioans", "Dagestani", "European") and the continents.

Recognition leaves these out of an article's toponyms (the people are not the place: "Ukrainian
forces" were not fighting in Ukraine as a place); they are resolved only when a caller asks about
the span, as a geoparsing gold file does, or (continents) listed among the article's places.
"""
from __future__ import annotations

from typing import Optional

from .gazetteer import Gazetteer, GeoEntry, fold
from .kb import KnowledgeBase

DEMONYM_ENDINGS = ("ians", "ans", "ns", "n", "i", "is", "ese", "")  # "Floridians", "Ohioans", "Dagestani"
DEMONYM_STEMS = ("", "a", "o", "ia", "io", "as")  # ... put back: "Florid"+"a", "Abkhaz"+"ia", "Ontar"+"io"
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
    """A country's people or adjective ("Ukrainian", "Canadians"), not its name or capital."""
    known = kb.lookup(text)
    return bool(known and known[0] == "country" and not known[1].ethnic and fold(text) != fold(known[1].name)
                and not known[1].is_capital and text.endswith(("an", "ans", "ese", "ish", "ian", "i")))


def country_of_people(gaz: Gazetteer, kb: KnowledgeBase, text: str) -> Optional[GeoEntry]:
    """The country of a demonym ("American", "Palestinians"); None for an ethnic group."""
    known = kb.lookup(text)
    if not known or known[0] != "country" or known[1].ethnic:
        return None
    return gaz.country_entry.get(known[1].iso3)
