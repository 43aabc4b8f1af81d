"""Words that point to a place without being its name: a people or adjective ("Canadians",
"Ohioans", "Dagestani", "European"), the continents and world regions, a place named inside a
longer name ("University of Georgia"). A spelling the index does not hold ("Kyaukphyu") is
matched in :mod:`eventwire.places.spellings`.

Recognition leaves these out of an article's toponyms (the people are not the place: "Ukrainian
forces" were not fighting in Ukraine as a place); they are resolved only when a caller asks about
the span, as a geoparsing gold file does, or (continents) listed among the article's places. A
place inside a longer name is listed among the article's places too, but does not steer the
resolution of the others ("Madison Middle School" says little of where the story is).
"""
from __future__ import annotations

from typing import Callable, Optional

from eventwire.places.gazetteer import Gazetteer, GeoEntry
from eventwire.places.name_forms import fold
from eventwire.actors.kb import KnowledgeBase
from eventwire.places.toponyms import Toponym, street_after, words

DEMONYM_ENDINGS = ("ians", "ans", "ns", "n", "i", "is", "ese", "")  # "Floridians", "Ohioans", "Dagestani"
DEMONYM_STEMS = ("", "a", "o", "ia", "io", "as")  # ... put back: "Florid"+"a", "Abkhaz"+"ia", "Ontar"+"io"
# A place inside a longer name (LGL end to end, recall / precision of gold toponyms: 0.643 / 0.863
# without; any gazetteer name 0.757 / 0.734; towns of 20,000+ 0.725 / 0.833; 50,000+ 0.717 / 0.843)
INNER_MIN_POPULATION = 20_000
STREET_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "boulevard", "blvd", "lane", "way", "court",
                "place", "parkway", "highway", "pike", "trail", "circle", "square", "plaza"}
COMPASS_WORDS = {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest", "Central",
                 "Northern", "Southern", "Eastern", "Western", "Upper", "Lower", "Greater", "Downtown", "Historic", "Old"}
AREA_QUALIFIERS = COMPASS_WORDS | {"Metropolitan"}  # before a place after "of": "United Way of Metropolitan Atlanta"
CONTINENT_DEMONYMS = {"european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
                      "asian": "Asia", "asians": "Asia", "north american": "North America",
                      "south american": "South America", "antarctic": "Antarctica"}


def continent_entry(gaz: Gazetteer, text: str) -> Optional[GeoEntry]:
    """"Europe", "Africa", "European": the GeoNames continent entry."""
    name = CONTINENT_DEMONYMS.get(fold(text), text)
    return next((e for e, alt in gaz.lookup(name) if e.feature == "continent"), None)


def region_entry(gaz: Gazetteer, text: str) -> Optional[GeoEntry]:
    """A continent, or a region of data/regions.tsv ("the Black Sea", "West Africa"); None for a
    region with no point ("the Gulf") or another name."""
    return continent_entry(gaz, text) or next((e for e, alt in gaz.lookup(text) if e.feature == "region"), None)


def division_of_people(gaz: Gazetteer, text: str) -> Optional[GeoEntry]:
    """A first-level division, or a region inside one country, given as its people or adjective:
    "Ohioans", "Minnesotans", "Dagestani", "Abkhaz", "Floridians", "South Ossetian"."""
    return _division_of_people(gaz, text, DEMONYM_ENDINGS)


def division_demonym(gaz: Gazetteer, text: str) -> Optional[GeoEntry]:
    """A division's people by a demonym ending, never its bare name: what a name the recogniser
    took for a person or an organisation must be to count ("Ontarians" yes; "Nelson", "Said" no)."""
    return _division_of_people(gaz, text, tuple(end for end in DEMONYM_ENDINGS if end))


def _division_of_people(gaz: Gazetteer, text: str, endings: tuple[str, ...]) -> Optional[GeoEntry]:
    key = fold(text)
    if key in words("direction"):
        return None  # "Western powers" are not Sri Lanka's Western Province
    bases = {key[: -len(end)] if end else key for end in endings if key.endswith(end)}
    # the division's own name, not an abbreviation of it ("Alan" is not "Ala." + "n")
    found = {e for base in bases if len(base) >= 3 for add in DEMONYM_STEMS
             for e, alt in gaz.lookup(base + add) if not alt and _has_people(e) and fold(e.name) == base + add}
    # "Floridians": Florida, not Uruguay's department of that name
    return max(found, key=lambda e: e.population) if found else None


def _has_people(e: GeoEntry) -> bool:
    """A division, or a political region of one country (South Ossetia, Donbas; not a sea or a
    river of one country)."""
    return e.feature == "admin1" or (e.feature == "region" and e.code == "region" and bool(e.country))


def is_country_demonym(kb: KnowledgeBase, text: str) -> bool:
    """A country's (or an ethnic group's) people or adjective ("Ukrainian", "Canadians", "Kurdish"),
    not its name or capital."""
    known = kb.lookup(text)
    if not (known and known[0] == "country" and fold(text) != fold(known[1].name) and not known[1].is_capital):
        return False
    if text.endswith(("an", "ans", "ese", "ish", "ian", "i")):
        return True
    singular = kb.lookup(text[:-1]) if text.endswith("s") else None  # "Croats", "Serbs", "Kurds": a people's plural
    return bool(singular and singular[0] == "country" and singular[1].iso3 == known[1].iso3)


def is_country_alias(kb: KnowledgeBase, name: str, iso3: str) -> bool:
    """"Burma", "Holland": a name the knowledge base holds for the country itself, not its people."""
    known = kb.lookup(name)
    return bool(known and known[0] == "country" and known[1].iso3 == iso3 and not is_country_demonym(kb, name))


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
        pair = _hyphen_parts(gaz, doc, c)
        inner = pair if len(pair) > 1 else _hyphen_parts(gaz, doc, _inner_name(gaz, doc, c) or c)
        out += [t for t in inner if plausible(t)]
    return out


def _hyphen_parts(gaz: Gazetteer, doc, c: Toponym) -> list[Toponym]:
    """Both places of a hyphenated pair ("Wisconsin-Milwaukee", "Fargo-Moorhead") when each is
    well known; else the name itself if it was found inside a longer one."""
    cuts = [t.i for t in doc[c.start:c.end] if t.text == "-"]
    if cuts:
        bounds = [c.start] + [i + 1 for i in cuts]
        ends = cuts + [c.end]
        parts = [Toponym(s, e, doc[s:e].text, False, "INST") for s, e in zip(bounds, ends) if e > s]
        if len(parts) > 1 and all(well_known_name(gaz, t.name) for t in parts):
            return parts
    return [c] if c.label == "INST" else []

def well_known_name(gaz: Gazetteer, name: str) -> bool:
    """A name whose primary reading is a country, a first-level division or a town of
    INNER_MIN_POPULATION: enough to stand out inside another name ("Landmark Bank", "Officer
    Eggers" and "Goshen Road" name no place)."""
    return any(e.feature == "country" or not alt and (e.feature == "admin1" or  # "U.S." is the country's alias
                                                    e.feature == "city" and e.population >= INNER_MIN_POPULATION)
               for e, alt in gaz.lookup(name))

# words between a town's name and an institution word that make the institution the town's own:
# "Groton Town Council", "the New Concord Area Arts ... District" (not "City": "Emerald City Players";
# not school levels: "Westwood Elementary" is mostly named after a person or a street)
LEVEL_WORDS = {"town", "township", "village", "borough", "area"}


def names_a_town(gaz: Gazetteer, name: str) -> bool:
    """A town's own name, whatever its size."""
    return any(not alt and e.feature == "city" for e, alt in gaz.lookup(name))


def names_a_state(gaz: Gazetteer, name: str) -> bool:
    """A country's or populous first-level division's own name ("West Virginia", "South Sudan"; not
    the Cayman Islands' district North Side)."""
    return any(not alt and e.feature in ("country", "admin1") and e.population >= INNER_MIN_POPULATION
               for e, alt in gaz.lookup(name))


def _inner_name(gaz: Gazetteer, doc, c: Toponym) -> Optional[Toponym]:
    toks = doc[c.start:c.end]
    for i, tok in enumerate(toks):  # "University of Georgia", "United Concrete Products of Wallingford"
        if tok.lower_ == "of" and 0 < i < len(toks) - 1:
            start, end = toks[i + 1].i, c.end
            if toks[i + 1].text in AREA_QUALIFIERS and i < len(toks) - 2:
                start += 1  # "United Way of Metropolitan Atlanta", "the Association of Western Pennsylvania"
            tail = Toponym(start, end, doc[start:end].text, False, "INST")
            if well_known_name(gaz, tail.name) or len(_hyphen_parts(gaz, doc, tail)) > 1:
                return tail
    # "Northeast Georgia": the name after a compass word, unless the compass word is part of the
    # name ("the West Virginia Lottery Commission")
    starts = [c.start, c.start + 1] if doc[c.start].text in COMPASS_WORDS else [c.start]
    for start in starts:
        compass_only = start + 1 if start < starts[-1] else start  # the compass word alone is no name
        for end in range(c.end - 1, compass_only, -1):  # the longest known start ("Columbia" of "Columbia Metropolitan ...")
            name = doc[start:end].text
            nxt = doc[end]
            if nxt.lower_ in STREET_WORDS or name.endswith("-"):
                continue
            known = (well_known_name(gaz, name) or (nxt.lower_ in LEVEL_WORDS and names_a_town(gaz, name))) \
                if start == starts[-1] else names_a_state(gaz, name)
            if known and (nxt.text[:1].isupper() or nxt.text == "-"):
                return Toponym(start, end, name, False, "INST")
    start = starts[-1]
    if start > c.start and well_known_name(gaz, doc[start:c.end].text):
        return Toponym(start, c.end, doc[start:c.end].text, c.admin_suffix, "INST", c.suffix)
    return None


def people_spans(doc, taken: set[int], is_people: Callable[[str], bool] = lambda text: False,
                 is_demonym: Callable[[str], bool] = lambda text: False) -> list[tuple[int, int]]:
    """Token spans of peoples and adjectives of places ("Georgian troops", "Palestinians",
    "Ohioans") that no place mention covers: the NORP entities, without an article or quotes, and
    entities the parser mislabels whose whole text is a country's people ("Sri Lankan" as a PERSON)."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "NORP" and not (ent.label_ in ("PERSON", "ORG", "PRODUCT") and ent.text[:1].isupper()
                                         and not ent.text.isupper() and is_people(ent.text)
                                         and not _names_something_else(doc, ent)):
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].lower_ in ("the", "a", "an") or not doc[start].text[:1].isalpha()):
            start += 1
        while end > start and not doc[end - 1].text[:1].isalpha():
            end -= 1
        if start < end and doc[start].text[:1].isupper() and not any(i in taken for i in range(start, end)):
            out.append((start, end))
    return out + _demonym_words(doc, taken | {i for s, e in out for i in range(s, e)}, is_demonym)


def _demonym_words(doc, taken: set[int], is_demonym: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Demonyms the entity recogniser leaves inside a longer name or unlabelled ("the Georgian
    Interior Ministry", "the Sri Lankan political establishment"): the adjective still names the
    country, as geoparsing corpora mark it. A person's name ("Frank English") is no demonym."""
    in_person = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        for width in (2, 1):
            span = doc[i:i + width]
            if len(span) == width and all(t.is_title and t.i not in taken and t.i not in in_person for t in span) \
                    and not _names_something_else(doc, span) and is_demonym(span.text):
                out.append((i, i + width))
                i += width - 1
                break
        i += 1
    return out


NOT_A_PEOPLE_AFTER = {"language", "languages", "speaking", "speaker", "speakers", "translation"}


def _names_something_else(doc, span) -> bool:
    """'Indian Lake Road', 'the Russian River', 'English language learners', 'learned English', 'the
    Quiche Indians': the adjective is part of a feature's or another name, or a language, not the country."""
    if len(span) == 1 and span[0].dep_ in ("dobj", "pobj", "conj") and not span.text.endswith("s"):
        return True  # a bare singular word as an object is a language ("in English and Spanish")
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and not span[0].is_sent_start and before.is_title and before.pos_ in ("PROPN", "NOUN"):
        return True  # inside a name: "Yokohama Japanese Restaurant", "the Quiche Indians"
    after = span.end
    if after >= len(doc):
        return False
    nxt = doc[after]
    return nxt.lower_ in NOT_A_PEOPLE_AFTER or (nxt.is_title and fold(nxt.text) in words("feature")) or \
        (nxt.is_title and street_after(doc, after))


def people_entry(gaz: Gazetteer, kb: KnowledgeBase, text: str) -> Optional[tuple[GeoEntry, str]]:
    """The place a people, an adjective or a region's name stands for, with the reason."""
    for entry, why in ((country_of_people(gaz, kb, text), "people of {}"),
                       (division_of_people(gaz, text), "people or adjective of {}"),
                       (region_entry(gaz, text), "region {}")):
        if entry:
            return entry, why.format(entry.name)
    return None


def region_why(e: GeoEntry) -> str:
    if e.feature == "continent":
        return "continent"
    return f"{e.code or 'region'} from eventwire's table of regions (no GeoNames id)"


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) <= 3 and letters.isalpha() and letters.isupper()


GROUP_NAME_JOINERS = {"of", "for", "and", "in", "the", "al", "-"}  # inside a group's name: "Front for the Liberation of ..."
GROUP_NAME_REACH = 8  # tokens each side of a candidate that a group's name may take


def inside_group_name(doc, c: Toponym, kb: KnowledgeBase) -> bool:
    """A place word inside the name of an armed group the tables know, though the recogniser cut
    the name up ("Islamic State Sahel Province" is no Sahel region of Burkina Faso)."""
    def in_name(tok) -> bool:
        return tok.text[:1].isupper() or tok.lower_ in GROUP_NAME_JOINERS

    lo = c.start
    while lo > 0 and c.start - lo < GROUP_NAME_REACH and in_name(doc[lo - 1]):
        lo -= 1
    hi = c.end
    while hi < len(doc) and hi - c.end < GROUP_NAME_REACH and in_name(doc[hi]):
        hi += 1
    for start in range(lo, c.start + 1):
        for end in range(hi, c.end - 1, -1):
            if end - start < 2 or not (doc[start].text[:1].isupper() and doc[end - 1].text[:1].isupper()):
                continue
            known = kb.lookup(doc[start:end].text, capitalised=True)
            if known is not None and known[0] == "entity" and known[1].sector == "REB" and known[1].curated:
                return True
    return False
