"""An event's own place when the gazetteer lacks it: "attacked Kulbus in West Darfur state",
"a suicide bombing in the village of Kabir Kabeer".

War-zone villages, hills and city districts are mostly missing from GeoNames cities500. When the
event's clause places it at such a name, the event keeps the name (its text and offsets, so the
provenance points at the village) and takes the coordinates of the best-known place that contains
it -- the division or town named with it, else the place the story would otherwise give the
event, else the one country whose people or armed groups the sentence names ("the Syrian Army
captured X", "the YPG entered X": a non-state group is coded with the country it fights in; not
"the Afghan border" or "the Russian Air Force", which reach abroad) -- at that place's precision,
name and GeoNames id, as ACLED codes an unlocated village at its district (geo_precision 2/3). The
``why`` says so. Without a containing place there are no coordinates to give, so the name is not used.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import KnowledgeBase
from eventwire.events.quantities import parse_number
from eventwire.model import Place
from eventwire.places.gazetteer import GeoEntry
from eventwire.places.resolver import PlaceMention
from eventwire.places.name_forms import fold
from eventwire.places.toponyms import words

# (ISO3, the phrase, its sentence, the reason[, seat]) -> the country, or with seat its capital, as that
# phrase's place (PlaceResolver.country_mention)
CountryMention = Callable[..., Optional[PlaceMention]]
PLACE_EVIDENCE_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACE_LABELS = {"PERSON", "NORP", "DATE", "TIME", "ORG"}
TIME_LABELS = {"DATE", "TIME"}
# nouns that say the name before or after them is a place ("the village of X", "X district")
LOCALITY_NOUNS = {"village", "town", "city", "district", "neighbourhood", "neighborhood", "suburb", "area", "hill",
                  "mountain", "mountains", "camp", "valley", "locality", "settlement", "quarter", "outskirts",
                  "countryside", "region", "county", "municipality", "commune", "township", "hamlet"}


def proper(tok: Token) -> bool:
    """A proper noun: the tagger also reads a name ending in -a as a plural ("the village of Aynha"),
    but a plural in -s stays a word ("the Thardeh Mountains")."""
    return tok.tag_ == "NNP" or (tok.tag_ == "NNPS" and not tok.lower_.endswith("s"))


def unlisted_name(doc: Doc, scope: set[int], place_at: dict, attached: Callable[[int], bool],
                  known: Callable[[str], bool], names_party: Callable[[Token], bool],
                  aimed_at: Callable[[int], bool] = lambda i: False) -> Optional[tuple[int, int]]:
    """Token span of a place name in the event's clause that the gazetteer does not know, or None.
    Of several, one not in what the act aims at (``aimed_at``), then the one the text most plainly
    calls a place ("the town of Remolinos, in the region of Magdalena"; "near El Meram", not "the
    Rizeigat"), then the first."""
    found: list[tuple[bool, int, int, int, int]] = []
    for i in sorted(scope):
        tok = doc[i]
        if not proper(tok) or i in place_at or tok.dep_ == "compound" and proper(tok.head) \
                or tok.ent_type_ in TIME_LABELS or fold(tok.text) in words("faith") or names_a_water(tok):
            continue  # the head of a multi-word name stands for it; "shelled Monday Shuola city"
        start, end = _name_start(doc, tok), _name_end(doc, tok)
        if any(j in place_at for j in range(start, end)) or not attached(i) \
                or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) or _holds_ground(doc, end):
            continue  # "in their Pandemic Contingency Plan": what a party has is no place
        name = doc[start:end].text
        # a known name the resolver left, said to be a place here ("Taji, just north of Baghdad", "the
        # Shaab neighbourhood"): the index knows only a namesake abroad
        located = bearing_reference(doc, end, place_at) is not None
        named = _locality_named(tok) or _after_locality_noun(doc, start)
        site = _ends_in_locality(doc[start:end]) or located or named
        facility = _names_a_facility(tok) and not names_party(tok)  # less plainly a place than "X district"
        if (known(name) and not (located or named or facility)) or not (site or facility or _says_place(tok)):
            continue
        if not (site or facility) and tok.ent_type_ != "PERSON" and names_party(tok):
            continue  # "Fursan al Haq": a group; "Mogadishu's Yaqshid district" stays a place
        found.append((aimed_at(i), -_plainness(tok, site), start, end, list_head(tok).i))
    if not found:
        return None
    # a list names places of one kind ("in Al-Zarzour and Qabr Al-Muqri areas"): its first stands for it
    plainest = {head: min(f[1] for f in found if f[4] == head) for *_, head in found}
    best = min((f[0], plainest[f[4]], f[2], f[3]) for f in found)
    return best[2], best[3]


def list_head(tok: Token) -> Token:
    """The first member of the list a word is in ("Kassab and Salma": Kassab), or the word."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


HOLDING_WORDS = {"held", "controlled", "occupied", "run"}  # who holds a place: "the rebel-held town"


def _holds_ground(doc: Doc, end: int) -> bool:
    """'the Syrian Arab Army (SAA) controlled villages of X', 'the Houthi-held port': the name is who
    holds the place, not the place."""
    if end < len(doc) and doc[end].text == "(":
        end = next((k + 1 for k in range(end, min(len(doc), end + 6)) if doc[k].text == ")"), end)
    if end < len(doc) and doc[end].text == "-":
        end += 1
    return end < len(doc) and doc[end].lower_ in HOLDING_WORDS


WATERS = {"river", "lake", "sea", "canal"}


def names_a_water(tok) -> bool:
    """'on the left bank of the Dnipro river', 'a town on the Shabelle river': a river's name, not
    the city or town of that name."""
    return tok.dep_ == "compound" and tok.head.lower_ in WATERS


PLACE_PREPS = {"in", "near", "at", "outside", "into", "around", "inside", "towards", "toward"}
# the prepositions that put a thing inside or beside a place; "at", "into" and "towards" also aim at people
# ("fired at Ahmed", "ran into Smith")
WITHIN_PREPS = PLACE_PREPS - {"at", "into", "towards", "toward"}


def _plainness(tok: Token, site: bool) -> int:
    """How plainly the text calls the name a place: named so by a locality noun or its own last word
    (2), the object of a place preposition (1), otherwise only the parser's guess (0)."""
    if site or _locality_named(tok):
        return 2
    return 1 if (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS) or _ground_taken(tok) else 0


# what may stand between a name and the bearing that locates it ("X, about 20 miles (30 km) southwest of Y")
DISTANCE_WORDS = {"just", "about", "some", "around", "roughly", "nearly", "approximately", "almost", "over", "less",
                  "more", "than", "to", "the", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer",
                  "miles", "mile", "mi", "(", ")", "-"}


NEAR_WORDS = {"near", "outside"}


def bearing_reference(doc: Doc, end: int, place_at: dict) -> Optional[int]:
    """The first token of the known place a name is located from, when a distance and bearing follow
    the name ("Lurgan, 20 miles (30 km) southwest of Belfast", "Taji, just north of Baghdad"), a
    distance from it ("Kasumbalesa, about 9 km from Lubumbashi"), or nearness to it ("Bonda, on the
    outskirts of Santa Marta", "Gidan Sule, near Kadarko"), or a place it is in ("Andarab, in Baghlan
    province"): the news formula that says the name is a place near or inside that one. None when
    no such phrase follows."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    while i < min(len(doc), end + 12) and (doc[i].like_num or doc[i].lower_ in DISTANCE_WORDS):
        i += 1
    distance = any(doc[k].like_num for k in range(end + 1, i))
    if i + 1 < len(doc) and doc[i].lower_ in words("bearing") and doc[i + 1].lower_ == "of":
        after = i + 2  # "20 miles southwest of Belfast"
    elif i < len(doc) and (doc[i].lower_ in NEAR_WORDS or (distance and doc[i].lower_ == "from")):
        after = i + 1  # "about 9 km from Lubumbashi", "near Kadarko"
    elif [t.lower_ for t in doc[i:i + 4]] == ["on", "the", "outskirts", "of"]:
        after = i + 4  # "on the outskirts of the city of Santa Marta"
    elif i == end + 1 and doc[i].lower_ == "in":
        after = i + 1  # "in neighbouring Andarab, in Baghlan province"
    else:
        return None
    return next((k for k in range(after, min(len(doc), after + 4)) if k in place_at), None)


def _name_end(doc: Doc, head: Token) -> int:
    """One past the last token of the name ``head`` starts or ends: proper nouns after it that the
    parser hangs on it ("Tal" + "Rifa'at", which it reads as punctuation)."""
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ not in ("appos", "conj") and (
            ((proper(doc[end]) or doc[end].pos_ == "PROPN") and doc[end].head.i in range(head.i, end))
            or _joined_by_hyphen(doc, end)):
        end += 1
    return end


def _joined_by_hyphen(doc: Doc, i: int) -> bool:
    """'al-Hamra': a hyphen and the name after it are one word with what comes before, however
    the parser hung the pieces."""
    tok = doc[i]
    joined = not doc[i - 1].whitespace_
    if tok.tag_ == "HYPH" or tok.text == "-":
        return joined and not tok.whitespace_ and i + 1 < len(doc) and proper(doc[i + 1])
    return joined and doc[i - 1].text == "-" and proper(tok)


# sites a named event happens at ("the Heart Hospital", "the T-4 Military Airport", "Manger Square")
FACILITY_NOUNS = {"hospital", "airport", "airbase", "base", "prison", "jail", "square", "bridge", "camp", "market",
                  "mosque", "church", "stadium", "station", "checkpoint", "crossing", "factory", "plant", "field",
                  "fields", "refinery", "port", "barracks", "compound", "college", "university", "farms", "hills"}


def _ends_in_locality(name) -> bool:
    """'Sheikh Sa'eed District', 'Paloch County', 'Bama Town', 'the Heart Hospital': a proper name
    whose last word says it is a place or a site."""
    return len(name) > 1 and name[-1].tag_ == "NNP" and name[-1].lower_ in LOCALITY_NOUNS | FACILITY_NOUNS


def _names_a_facility(tok: Token) -> bool:
    """'the Palmasola prison', 'the Kuweires airbase': a name on a common noun for a site (not
    'the Hezbollah base', which the caller rules out as a party's)."""
    return tok.dep_ == "compound" and tok.head.tag_ == "NN" and tok.head.lower_ in FACILITY_NOUNS


def placed_at(doc: Doc, span: tuple[int, int], container: PlaceMention, sentence: int,
              offset: Optional[tuple[float, float, str]] = None) -> PlaceMention:
    """The unlisted name as the event's place, with the coordinates and precision of ``container``,
    or the point the text puts it at from there (``offset``: km, compass degrees, the words)."""
    start, end, name = _characters(doc, span)
    outer = container.place
    if offset is not None and outer.lat is not None and outer.lon is not None:
        lat, lon = moved(outer.lat, outer.lon, offset[0], offset[1])
        place = replace(outer, text=name, start=start, end=end, feature="unlisted", lat=lat, lon=lon,
                        name=name, admin1=None, admin2=None, geonameid=None,
                        why=f"'{name}' is not in the gazetteer: placed {offset[2]} {outer.name or outer.text}, "
                            f"as the text says")
        return PlaceMention(place, span[0], span[1], sentence, container.entry)
    place = replace(outer, text=name, start=start, end=end, feature="unlisted",
                    why=f"'{name}' is not in the gazetteer: placed at {outer.name or outer.text} "
                        f"({outer.precision}), the place named with it or the story's")
    return PlaceMention(place, span[0], span[1], sentence, container.entry)


def _characters(doc: Doc, span: tuple[int, int]) -> tuple[int, int, str]:
    """The character offsets and text of a token span."""
    first, last = doc[span[0]], doc[span[1] - 1]
    start, end = first.idx, last.idx + len(last.text)
    return start, end, doc.text[start:end]


# the entry of a name no gazetteer entry stands for (an event's place named but not placed)
NO_ENTRY = GeoEntry(geonameid=0, name="", feature="unlisted", country="", cc2="", admin1_code=None, lat=0.0, lon=0.0,
                    population=0)


def named_only(doc: Doc, span: tuple[int, int], sentence: int) -> PlaceMention:
    """The unlisted name as the event's place when nothing in the story gives its area: its name and
    offsets, no coordinates ("Six people were killed in Oued Aissi"): an analyst reads where, a map
    does not show it, and ACLED gets no row without a point."""
    start, end, name = _characters(doc, span)
    place = Place(text=name, start=start, end=end, name=name, feature="unlisted",
                  why=f"'{name}' is not in the gazetteer, and no place the story names gives its area: named, not placed")
    return PlaceMention(place, span[0], span[1], sentence, NO_ENTRY)


COMPASS_DEGREES = {"north": 0.0, "northeast": 45.0, "north-east": 45.0, "east": 90.0, "southeast": 135.0,
                   "south-east": 135.0, "south": 180.0, "southwest": 225.0, "south-west": 225.0, "west": 270.0,
                   "northwest": 315.0, "north-west": 315.0}
KM_PER_UNIT = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
               "miles": 1.609, "mile": 1.609, "mi": 1.609}
OFFSET_REACH = 16  # tokens after a name in which "(a town) about 40 km west of Y" may stand


def stated_offset(doc: Doc, end: int, place_at: dict) -> Optional[tuple[int, tuple[float, float, str]]]:
    """'Sabiid, a farming town about 40 kilometres (25 miles) west of Mogadishu': the known place's
    first token and (km, compass degrees, the words) of the first distance and bearing after the
    name, before the clause ends. None when the text gives no distance with a bearing."""
    km: Optional[float] = None
    first = end
    for i in range(end, min(len(doc) - 1, end + OFFSET_REACH)):
        tok = doc[i]
        if tok.text in (";", ".") or (tok.pos_ == "VERB" and i > end):
            return None
        unit = KM_PER_UNIT.get(doc[i + 1].lower_)
        if km is None and tok.like_num and unit is not None and (value := parse_number(tok.text)):
            km, first = value * unit, i  # the first figure: "40 kilometres (25 miles)" is 40 km
        bearing = COMPASS_DEGREES.get(tok.lower_)
        if bearing is not None and doc[i + 1].lower_ == "of":
            ref = next((k for k in range(i + 2, min(len(doc), i + 6)) if k in place_at), None)
            if km is None or ref is None:
                return None
            return ref, (km, bearing, f"{doc[first:i + 1].text} of")
    return None


def moved(lat: float, lon: float, km: float, degrees: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) toward ``degrees`` (0 north, 90 east), on a sphere: news
    distances are short enough for the flat formula."""
    rad = math.radians(degrees)
    dlat = km * math.cos(rad) / 111.2
    dlon = km * math.sin(rad) / (111.2 * max(0.1, math.cos(math.radians(lat))))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def _name_start(doc: Doc, head: Token) -> int:
    """The first token of the proper name ``head`` ends ("Kabir Kabeer", "Shah Wali Kot", "Al - Fijah")."""
    start = head.i
    while start > 0 and (proper(doc[start - 1]) or doc[start - 1].tag_ == "HYPH") \
            and doc[start - 1].head.i in range(start - 1, head.i + 1):
        start -= 1
    while doc[start].tag_ == "HYPH" and start < head.i:
        start += 1
    return start


def _says_place(tok: Token) -> bool:
    """The parser calls it a place, or a locality noun does ("the village of X", "X district"), or it
    is what a place preposition of the event's clause governs ("clashed with police in Shah Wali
    Kot"): the small model often tags a foreign place it does not know as a person, but nothing
    happens "in" a person."""
    return _locality_named(tok) or tok.ent_type_ in PLACE_EVIDENCE_LABELS or _within(tok) or _ground_taken(tok)


# verbs whose object is ground: what is stormed, shelled or entered is a place ("stormed Najarah in
# eastern Aleppo"), whatever the tagger guessed the unknown name was; what is captured or seized may
# be a person, so for those the tagger must not have read one
GROUND_VERBS = {"storm", "shell", "overrun", "besiege", "recapture", "retake", "enter", "bomb", "liberate", "raid"}
GROUND_OR_PEOPLE_VERBS = {"capture", "seize"}


def _ground_taken(tok: Token) -> bool:
    if tok.dep_ != "dobj":
        return False
    verb = tok.head.lemma_.lower()
    return verb in GROUND_VERBS or (verb in GROUND_OR_PEOPLE_VERBS and tok.ent_type_ != "PERSON")


def _after_locality_noun(doc: Doc, start: int) -> bool:
    """'the town of al-Wafa west of Ramadi', 'the outskirts of Bosra Alsham', 'a village called Jibu':
    the words before the name call it a place, however the parser hung the name."""
    if start < 2 or doc[start - 1].lower_ not in ("of", "called", "named"):
        return False
    noun = doc[start - 2]
    return noun.lower_ in LOCALITY_NOUNS or noun.lemma_.lower() in LOCALITY_NOUNS


def _within(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in WITHIN_PREPS and tok.ent_type_ in ("", "PERSON")


def _locality_named(tok: Token) -> bool:
    """A locality noun names it a place: "the village of X", "X district", "X, a village"."""
    if tok.head.lemma_.lower() in LOCALITY_NOUNS and tok.dep_ in ("compound", "nmod", "amod"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in LOCALITY_NOUNS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in LOCALITY_NOUNS for c in tok.children):
        return True  # "Gidan Sule, a small village near Kadarko"
    return tok.dep_ == "appos" and tok.head.lemma_.lower() in LOCALITY_NOUNS


# nouns after a people that point beyond its country: its borders, missions abroad, air and sea power
REACHES_ABROAD = {"border", "frontier", "embassy", "consulate", "air", "navy", "naval", "warplane", "jet", "aircraft",
                  "airstrike", "drone", "coalition", "envoy", "ambassador", "diplomat"}


def country_of_the_sentence(doc: Doc, peoples: list[PlaceMention], sent: Span, kb: KnowledgeBase,
                            country_mention: Optional[CountryMention],
                            sentence: int) -> Optional[PlaceMention]:
    """The one country whose people (``peoples``: the sentence's demonyms of countries) or armed
    groups the sentence names ("the Syrian Army captured X", "the YPG entered X"), at precision
    ``country``: the container of last resort for a name the gazetteer lacks."""
    peoples = [p for p in peoples if not _beyond_its_borders(doc, p)]
    groups = _armed_groups_countries(sent, kb)
    if len({p.place.country for p in peoples} | set(groups)) != 1:
        return None
    if peoples:
        p = peoples[0]
        return replace(p, place=replace(p.place, precision="country", feature="country"))
    iso3, span = next(iter(groups.items()))
    return country_mention(iso3, span, sentence, f"{span.text}: an armed group of {iso3}") if country_mention else None


def _armed_groups_countries(sent: Span, kb: KnowledgeBase) -> dict[str, Span]:
    """The countries of the armed groups the sentence names: a non-state group is coded with the
    country it fights in (the event contract), so its country holds the places it takes."""
    out: dict[str, Span] = {}
    for ent in sent.ents:
        entity = kb.named_entity(ent) if ent.label_ == "ORG" else None
        if entity is not None and entity.sector == "REB" and entity.country:
            out.setdefault(entity.country, ent)  # the tables' country, not one the sentence lent it
    return out


def _beyond_its_borders(doc: Doc, people: PlaceMention) -> bool:
    """'the Afghan border', 'the Russian Air Force', 'Turkish warplanes': a people named for a
    border, a mission or power that reaches abroad says nothing of where the event is."""
    last = doc[people.token_end - 1]
    after = doc[people.token_end] if people.token_end < len(doc) else last
    return bool({last.head.lemma_.lower(), after.lemma_.lower()} & REACHES_ABROAD)
