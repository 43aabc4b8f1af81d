"""Evidence the places stage weighs, read off the article around a toponym: whether a candidate
names a place at all (its cues, a common word or a person's name, a list it belongs to, another
mention of a name already resolved), other names' readings nearby, a state right after a town
("Alexandria, La."), a country or division named alongside, and whether a bare name is chiefly a
first-level division."""
from __future__ import annotations

import math
import re
from typing import Optional

from eventwire.geo import haversine_km
from eventwire.places.gazetteer import Gazetteer, GeoEntry
from eventwire.places.name_forms import DATELINE_STATE_ABBREVIATIONS, fold
from eventwire.actors.kb import KnowledgeBase
from eventwire.places.names import is_country_demonym, well_known_name
from eventwire.places.layout import doc_text
from eventwire.places.toponyms import (ADMIN2_SUFFIXES, ADMIN_SUFFIXES, PLACE_LABELS, STRONG_LABELS, Toponym, locative_cue, names_no_place, shouted, street_after, strong_cue, words)

OUTLET_KEY = "@outlet"  # the outlet's own votes (eventwire.places.outlet) among the names' votes

COHERENCE_KM = 300.0
PART_OWNER_POPULATION = 100_000  # a city this large has parts the story names after its own name ("Kyiv's Obolon")
PART_OF_TOWN_KM = 40.0  # how far a part named so may lie from its city's point
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
    close = best <= CLOSE_KM and e.feature != "admin1"  # a division's point is no town's next door
    return (CLOSE_WEIGHT if close else 1.0 if best <= 100 else 0.5) / math.sqrt(len(points))


# a division named somewhere in a story mostly about other countries ("England" in a world round-up)
# is weak evidence for a village of its name: the bonus shrinks below this share of its country
DIVISION_SHARE = 0.3
COHERENCE_SHARE, COHERENCE_MIN_VOTES = 0.2, 3.0


def coherence_weight(context: dict, e: GeoEntry) -> float:
    """Namesakes cluster too (Norfolk and Suffolk, Virginia): neighbours vouch fully for a reading
    in a country with COHERENCE_SHARE of the story's votes, less in one it hardly names."""
    if context["vote_total"] < COHERENCE_MIN_VOTES:
        return 1.0  # too few names to say where the story is
    return min(1.0, context["countries"].get(e.country, 0.0) / COHERENCE_SHARE)


def division_weight(context: dict, key: tuple[str, Optional[str]], e: GeoEntry, share: float) -> float:
    """How much a division named in the article vouches for a town in it: fully, unless the name
    is also a great city's and the story is mostly about other countries ("England" named in
    a world round-up is no village "Melbourne")."""
    if context["major_city"] < WELL_KNOWN_CITY or e.population * 100 > context["major_city"] \
            or not context["countries"] or OUTLET_KEY in context["named_by"].get(key, ()):
        return 1.0
    return min(1.0, share / DIVISION_SHARE)


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


def near_a_point(doc, c: Toponym) -> bool:
    """"Near Mopti", "outside Donetsk": words that place things by a point, not within an area."""
    return c.start > 0 and doc[c.start - 1].lower_ in words("point")


def names_a_division(entries: list[tuple[GeoEntry, bool]]) -> bool:
    """A bare name that is chiefly a first-level division: "Minnesota" (no town of that name),
    "California", "Texas" (their towns of that name are villages next to the division)."""
    biggest_town = max((e.population for e, alt in entries if e.feature == "city" and not alt), default=0)
    return any(e.feature == "admin1" and not alt and e.population > 20 * biggest_town for e, alt in entries)


CAPITALISED = re.compile(r"[A-Z][^\W\d_]*(?:[.-][^\W\d_]+)*\.?")


def divisions_in_names(gaz: Gazetteer, doc, cands: list[Toponym]) -> set[tuple[str, Optional[str]]]:
    """First-level divisions named inside other names: "the Minnesota State Chess Association",
    "Ohio Department of Transportation". Not places of the story themselves, but a local
    paper's organisations say which state it is in. (Read off the text, not its tokens: fast.)"""
    taken = {doc[i].idx for c in cands for i in range(c.start, c.end)}
    text = doc_text(doc)
    words = list(CAPITALISED.finditer(text))
    found: set[tuple[str, Optional[str]]] = set()
    for k, m in enumerate(words):
        if m.start() in taken:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        two = [text[m.start():nxt.end()]] if nxt is not None and nxt.start() == m.end() + 1 else []
        for name in two + [m.group()]:  # "New Hampshire" before "New"
            entries = gaz.lookup(name)
            if names_a_division(entries):
                found.update((e.cc2, e.admin1_code) for e, alt in entries if e.feature == "admin1" and not alt)
                break
    return found


def group_key(c: "Toponym") -> str:
    return fold(c.name) + (" " + c.suffix if c.suffix in ADMIN2_SUFFIXES else "")


def other_names(groups: dict[str, list[tuple[float, float]]], c: "Toponym") -> list[list[tuple[float, float]]]:
    """The readings of every name in the article but this candidate's own, or one built on it
    ("North Richmond" does not vouch for the Richmond that has a North Richmond next to it)."""
    own = group_key(c)
    padded = f" {own} "
    return [points for name, points in groups.items() if padded not in f" {name} " and f" {name} " not in padded]


def nearby_scope(gaz: Gazetteer, doc, c: Toponym) -> tuple[set[str], set[tuple[str, Optional[str]]]]:
    """Countries and divisions named within a few tokens after (or as possessor before) the place."""
    near_countries: set[str] = set()
    near_admin: set[tuple[str, Optional[str]]] = set()
    window = doc[max(0, c.start - 3):min(len(doc), c.end + 6)]
    for tok in window:
        if c.start <= tok.i < c.end or not tok.text[:1].isupper() or _listed_apart(doc, c, tok.i):
            continue
        country = country_around(gaz, doc, tok.i)
        if country is not None:
            near_countries.add(country)
        for e, alt in gaz.lookup(tok.text):
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


# words that set two names apart as equals or in two phrases: "Russia and the United States",
# "the United States met in Geneva" name no country of the place
APART_WORDS = {"and", "or", "&", "while", "but", "than"}


def _listed_apart(doc, c: Toponym, i: int) -> bool:
    """Whether the words between the place and a name near it join them as equals or put them in
    two phrases (a conjunction or a verb between them): that name does not say where the place is."""
    between = doc[c.end:i] if i >= c.end else doc[i + 1:c.start]
    return any(t.lower_ in APART_WORDS or t.pos_ in ("VERB", "AUX") for t in between)


def country_around(gaz: Gazetteer, doc, i: int) -> Optional[str]:
    """The country a capitalised word names, read with its neighbours: the "Sudan" of "South
    Sudan" is South Sudan, not Sudan."""
    for size in (3, 2, 1):
        for start in range(max(0, i - size + 1), min(i, len(doc) - size) + 1):
            country = next((e.country for e, alt in gaz.lookup(doc[start:start + size].text)
                            if e.feature == "country" and not alt), None)
            if country is not None:
                return country
    return None


def possessor_country(gaz: Gazetteer, doc, c: Toponym) -> Optional[str]:
    """The country whose possessive opens the place's phrase ("Indonesia's Highland Papua
    province", "Sudan's North Kordofan"): the place lies in it."""
    if c.start < 2 or doc[c.start - 1].tag_ != "POS":
        return None
    return country_around(gaz, doc, c.start - 2)


def possessor_towns(gaz: Gazetteer, doc, c: Toponym) -> list[GeoEntry]:
    """The towns a city's possessive before the place may be ("Lusaka's Kanyama compound", "Kyiv's
    Obolon district"): the place is a part of one of them."""
    if c.start < 2 or doc[c.start - 1].tag_ != "POS" or not doc[c.start - 2].text[:1].isupper():
        return []
    return [e for e, alt in gaz.lookup(doc[c.start - 2].text) if e.feature == "city" and not alt
            and e.population >= PART_OWNER_POPULATION]


def plausible(gaz: Gazetteer, kb: KnowledgeBase, doc, c: Toponym, people: set[str]) -> bool:
    """Whether a candidate names a place: the gazetteer knows it and the text supports it (a place
    label, a layout such as a dateline, a locative cue). A common word that is also a town's name
    ("Mobile", "Reading") or the name of a person in the article ("Franklin") needs strong evidence;
    some words are never a place alone ("North", "Police")."""
    if state_after_town(doc, c):
        return True
    key = fold(c.name)
    if key in words("never") or key in ADMIN_SUFFIXES or c.world_region() or names_no_place(doc, c):
        return False
    known = kb.lookup(c.name)
    if known and known[0] == "seat":  # "at the White House", "in the Kremlin": the capital; "the Kremlin said": a party
        return strong_cue(doc, c)
    entries = gaz.lookup(c.name)
    if not entries or (hyphen_joined(doc, c) and not c.admin_suffix and not well_known_name(gaz, c.name)):
        return False  # "Vest" of "Vest-Agder" is no town West; "Fargo-Moorhead" names two places
    if in_located_layout(gaz, doc, c):
        return True
    if known and known[0] == "entity" and not strong_cue(doc, c) and not _surname_of(known, c):
        return False  # "Brussels said" is the EU, "in Brussels" a place
    if c.label not in PLACE_LABELS and known is None and kb.surnames.get(key) and doc[c.end - 1].dep_ in ("compound", "poss") \
            and not strong_cue(doc, c) \
            and only_small_towns(entries):
        return False  # "the Obama administration": a known person's surname naming a thing, not the Japanese town
    if (c.label == "NORP" or not (c.admin_suffix or c.label in PLACE_LABELS)) and is_country_demonym(kb, c.name):
        return False  # demonyms ("Ukrainian", "the Somali Federal Government") are not places (nor Ethiopia's
        # Somali region); other country aliases ("U.S.") are
    major = any(not alt and e.feature in ("country", "admin1") for e, alt in entries)
    if key in words("common") or (key in people and not major) or (shouted(doc, c) and not major):
        return strong_cue(doc, c)
    if c.label in PLACE_LABELS or c.label in STRONG_LABELS or c.admin_suffix or c.label == "INST":
        return True  # INST: "the Athens Police Department"
    capital = bool(known and known[0] == "country" and getattr(known[1], "is_capital", False))  # "Tbilisi says"
    return capital or any(e.feature == "country" and not alt for e, alt in entries) or well_known(entries) \
        or locative_cue(doc, c)


def bracketed_parts(doc, opening: int) -> Optional[list[tuple[int, int]]]:
    """The comma-separated parts of the "( ... )" opening at token ``opening``: at most three, each
    starting with a capital; None for anything else ("(AFP)" passes, and is judged by its parts)."""
    parts, start = [], opening + 1
    for j in range(opening + 1, min(len(doc), opening + 16)):
        tok = doc[j]
        if "\n" in tok.text_with_ws or tok.text == "(":
            return None
        if tok.text in (",", ")"):
            if j == start or not doc[start].text[:1].isupper():
                return None
            parts.append((start, j))
            start = j + 1
            if tok.text == ")":
                return parts if len(parts) <= 3 else None
    return None


def in_located_layout(gaz: Gazetteer, doc, c: Toponym) -> bool:
    """ACLED's note layout, "Gwa (Thandwe, Rakhine)": a name followed by the divisions it lies in, the
    last a first-level division the gazetteer knows. The name and each division are places, whatever
    the tagger called them (it reads "Rakhine" as a person, "(AA)" after a group is no such layout)."""
    def ends_in_admin1(parts: list[tuple[int, int]]) -> bool:
        last = doc[parts[-1][0]:parts[-1][1]].text
        return any(e.feature == "admin1" and not alt for e, alt in gaz.lookup(last))

    if c.end < len(doc) and doc[c.end].text == "(":
        parts = bracketed_parts(doc, c.end)
        if parts and ends_in_admin1(parts):
            return True
    k = c.start - 1
    while k > 0 and k > c.start - 12 and doc[k].text not in ("(", ")"):
        k -= 1
    if k <= 0 or doc[k].text != "(" or not doc[k - 1].text[:1].isupper():
        return False
    parts = bracketed_parts(doc, k)
    return parts is not None and ends_in_admin1(parts) and any(start == c.start for start, _ in parts)


def hyphen_joined(doc, c: Toponym) -> bool:
    """A name joined by a hyphen to another capitalised word: half of a longer name ("Vest-Agder"),
    not a legislator's party ("R-Ocilla")."""
    def word(tok) -> bool:
        return tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()

    end, start = c.end, c.start
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and word(doc[end + 1]):
        return True
    return start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
        and not doc[start - 1].whitespace_ and word(doc[start - 2])


def _surname_of(known: tuple, c: Toponym) -> bool:
    """A name tagged as a place that the knowledge base holds only as a person's surname
    ("visiting Austin" is not Lloyd Austin)."""
    entity = known[1]
    return known[0] == "entity" and getattr(entity, "kind", "") == "person" and c.label in PLACE_LABELS \
        and fold(getattr(entity, "name", "")) != fold(c.name)


SURNAME_TOWN_POPULATION = 100_000  # a known person's surname is a town only if a large one, or the text says so


def only_small_towns(entries) -> bool:
    """Whether every place of a name is a town below SURNAME_TOWN_POPULATION (no city, division or country)."""
    return not any(e.population >= SURNAME_TOWN_POPULATION or e.feature != "city" for e, _ in entries)
# the small model calls big cities people ("Kharkiv declared", "Kyiv said"): a name that is a city of
# this size, or a division this populous, is a place whatever its label (people were ruled out above)
WELL_KNOWN_CITY = 500_000
WELL_KNOWN_DIVISION = 2_000_000


def well_known(entries: list) -> bool:
    return any(not alt and ((e.feature == "city" and e.population >= WELL_KNOWN_CITY)
                            or (e.feature == "admin1" and e.population >= WELL_KNOWN_DIVISION)) for e, alt in entries)


def _list_neighbours(doc, c: Toponym) -> list:
    tok = doc[c.end - 1]
    out = [t for t in tok.children if t.dep_ == "conj"]
    if tok.dep_ == "conj":
        out += [tok.head] + [t for t in tok.head.children if t.dep_ == "conj" and t.i != tok.i]
    return out


def listed_with_places(gaz: Gazetteer, kb: KnowledgeBase, doc, found: list[Toponym], accepted: list[Toponym],
                       people: set[str]) -> list[Toponym]:
    """Candidates in a list with places ("Becker, Clay, Douglas, Grant", "in Morecambe and Lancaster"):
    a list names things of one kind, so a name the gazetteer holds as a place's own name is a place too.
    The list must hold a name placed by the text itself (a place label, a division word, a layout)."""
    taken = {i for c in accepted if c.label in PLACE_LABELS | STRONG_LABELS or c.admin_suffix
             for i in range(c.start, c.end)}
    rest = [c for c in found if c not in accepted and c.label != "NORP" and not c.world_region()
            and fold(c.name) not in words("never") | words("common") | people and not names_no_place(doc, c)
            and (kb.lookup(c.name) or ("",))[0] not in ("entity", "seat")
            and any(not alt for _, alt in gaz.lookup(c.name))]
    added: list[Toponym] = []
    for _ in range(3):  # a list's members reach each other through its first one
        new = [c for c in rest if c not in added and any(t.i in taken for t in _list_neighbours(doc, c))]
        if not new:
            break
        added += new
        taken.update(i for c in new for i in range(c.start, c.end))
    return added


def repeated_names(doc, names: dict[str, str], taken: set[int], people: set[str]) -> list[tuple[int, int, str]]:
    """Other mentions of names the article has already placed ("Mansfield" in "Mansfield Mayor ...",
    "MANSFIELD --" and "the Mansfield resident" once one "Mansfield" is resolved): (start, end, folded
    name) for ``names`` (folded name -> the text as written). Not inside a longer person's or
    organisation's name, not a person of the article, not the county of that name ("Lancaster County")."""
    wanted = {key: text for key, text in names.items()
              if key not in people and key not in words("common") and text.strip()}
    if not wanted:
        return []
    pattern = "|".join(sorted((re.escape(t) for t in wanted.values()), key=len, reverse=True))
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", doc_text(doc), flags=re.IGNORECASE):
        span = doc.char_span(m.start(), m.end())
        if span is None or not m.group()[:1].isupper() or any(i in taken for i in range(span.start, span.end)):
            continue
        key = fold(m.group())
        if key in wanted and _stands_alone(doc, span.start, span.end):
            out.append((span.start, span.end, key))
    return out


def _stands_alone(doc, start: int, end: int) -> bool:
    if end < len(doc) and (doc[end].lower_ in ADMIN_SUFFIXES or doc[end].lower_ in words("not_head") or street_after(doc, end)):
        return False
    if start > 0 and fold(doc[start - 1].text) in words("title"):
        return False  # "Mr. Franklin"
    for tok in (doc[start], doc[end - 1]):
        if tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART"):
            ent = next(e for e in doc.ents if e.start <= tok.i < e.end)
            if (ent.start < start or ent.end > end) and not (tok.ent_type_ == "ORG" and named_after(doc, start, end)):
                return False  # inside "Gainesville Riding Club", "Rosalind Franklin"
    return True


def named_after(doc, start: int, end: int) -> bool:
    """A place's name in an institution named after it: "the Arlington Boys Club", "Harwinton
    Senior Center", "the Community Foundation of Boone County"."""
    return (end < len(doc) and doc[end].lower_ in words("institution")) or (start > 0 and doc[start - 1].lower_ == "of")

