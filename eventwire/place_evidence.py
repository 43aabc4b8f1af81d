"""Evidence the places stage weighs, read off the article around a toponym: other names'
readings nearby, a state right after a town ("Alexandria, La."), a country or division named
alongside, and whether a bare name is chiefly a first-level division."""
from __future__ import annotations

import math
from typing import Optional

from .dedup import haversine_km
from .gazetteer import DATELINE_STATE_ABBREVIATIONS, Gazetteer, GeoEntry, fold
from .toponyms import ADMIN2_SUFFIXES, ADMIN_SUFFIXES, Toponym

COHERENCE_KM = 300.0
# Places a story names together are usually next door: a reading within CLOSE_KM of another
# name's reading (the town in the named county, the neighbouring village) counts CLOSE_WEIGHT
# times one within 100 km (LGL within 161 km: 0.802 -> 0.818; 2-4 and 30-50 km all 0.81-0.82).
CLOSE_KM, CLOSE_WEIGHT = 40.0, 3.0


def support(e: GeoEntry, points: list[tuple[float, float]]) -> float:
    """How much another name's readings back this reading: 3 for a name with one reading next door
    (< 40 km), 1 close by (< 100 km), less for a far one (< 300 km) or a common name with many
    readings ("Springfield")."""
    near = [haversine_km(e.lat, e.lon, la, lo) for la, lo in points if abs(e.lat - la) < 3]
    best = min(near, default=COHERENCE_KM + 1)
    if best > COHERENCE_KM:
        return 0.0
    return (CLOSE_WEIGHT if best <= CLOSE_KM else 1.0 if best <= 100 else 0.5) / math.sqrt(len(points))


def name_end(doc, c: Toponym) -> int:
    """The token after the name and the division word that directly follows it ("Jefferson County")."""
    return c.end + (1 if c.admin_suffix and c.end < len(doc) and doc[c.end].lower_ in ADMIN_SUFFIXES else 0)


def placed_in_state(doc, c: Toponym) -> Optional[str]:
    """The US state code in "Alexandria, La." (AP style) right after a name, if there is one."""
    end = name_end(doc, c)
    if end + 1 < len(doc) and doc[end].text == ",":
        return DATELINE_STATE_ABBREVIATIONS.get(doc[end + 1].text)
    return None


def state_after_town(doc, c: Toponym) -> Optional[str]:
    """The state code when the candidate is the "Pa." of "Friedensburg, Pa."."""
    if c.start > 1 and doc[c.start - 1].text == "," and doc[c.start - 2].text[:1].isupper():
        return DATELINE_STATE_ABBREVIATIONS.get(c.name)
    return None


def names_a_division(entries: list[tuple[GeoEntry, bool]]) -> bool:
    """A bare name that is chiefly a first-level division: "Minnesota" (no town of that name),
    "California", "Texas" (their towns of that name are villages next to the division)."""
    biggest_town = max((e.population for e, alt in entries if e.feature == "city" and not alt), default=0)
    return any(e.feature == "admin1" and not alt and e.population > 20 * biggest_town for e, alt in entries)


def group_key(c: "Toponym") -> str:
    return fold(c.name) + (" " + c.suffix if c.suffix in ADMIN2_SUFFIXES else "")


def other_names(groups: dict[str, list[tuple[float, float]]], c: "Toponym") -> list[list[tuple[float, float]]]:
    """The readings of every name in the article but this candidate's own, or one built on it
    ("North Richmond" does not vouch for the Richmond that has a North Richmond next to it)."""
    own = group_key(c)
    padded = f" {own} "
    return [points for name, points in groups.items() if padded not in f" {name} " and f" {name} " not in padded]


def nearby_scope(gaz: Gazetteer, doc, c: Toponym) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and divisions named within a few tokens after (or as possessor before) the place."""
    near_countries, near_admin = set(), set()
    window = doc[max(0, c.start - 3):min(len(doc), c.end + 6)]
    for tok in window:
        if c.start <= tok.i < c.end or not tok.text[:1].isupper():
            continue
        for e, alt in gaz.lookup(tok.text):
            if e.feature == "country" and not alt:
                near_countries.add(e.country)
            if e.feature == "admin1" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ADMIN_SUFFIXES:
                near_admin.add((e.cc2, e.admin1_code))
    end = name_end(doc, c)
    state = placed_in_state(doc, c)
    if state:
        near_admin.add(("US", state))
        near_countries.add("USA")
    if end + 1 < len(doc) and doc[end].text == ",":  # "Jefferson County, Colo.", "Paris, Texas"
        for k in (1, 2):
            for e, alt in gaz.lookup(doc[end + 1:end + 1 + k].text):
                if e.feature == "admin1":
                    near_admin.add((e.cc2, e.admin1_code))
    return near_countries, near_admin

