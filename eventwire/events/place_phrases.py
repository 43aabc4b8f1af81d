"""What the phrase around a place name says of it, for placing an event: a place inside an
agreement's or a site's name ("the Minsk agreements", "the Al-Quds Hospital in Aleppo"), a
country naming whose a thing is ("a U.S. helicopter"), a place a bearing is measured from
("south of the capital"), the first of places listed together, a division that holds a town
the sentence also names, and what a statement or protest is about (:func:`said_about`), whose
places are not where it happened. :class:`eventwire.events.locating.EventPlaces` passes over or ranks an
event's places by these.
"""
from __future__ import annotations

from spacy.tokens import Doc

from eventwire.events.unlisted import FACILITY_NOUNS, list_head
from eventwire.places.resolver import PlaceMention
from eventwire.places.toponyms import words

PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "area", "capital", "outskirts", "suburb",
               "suburbs", "countryside", "state", "neighbourhood", "neighborhood", "governorate", "county", "part",
               "streets", "street", "centre", "center", "north", "south", "east", "west", "border", "heart", "front",
               "vicinity", "edge"}
ACCORD_NOUNS = {"accord", "agreement", "treaty", "protocol", "convention", "pact", "declaration", "memorandum",
                "format", "process", "deal", "communique", "charter"}


def holds_another(division: PlaceMention, places: list[PlaceMention]) -> bool:
    """'in the Kokrajhar district of Assam': the sentence also names a town in this division."""
    inside = division.entry
    return division.place.precision == "admin1" and any(
        p.place.precision == "place" and (p.entry.cc2, p.entry.admin1_code) == (inside.cc2, inside.admin1_code)
        for p in places)


def names_an_accord(doc: Doc, mention: PlaceMention) -> bool:
    """'the Paris climate accord', 'the Minsk agreements': a place in an agreement's name is not
    where anything in the sentence happens."""
    last = doc[mention.token_end - 1]
    return last.dep_ in ("compound", "nmod", "amod") and last.head.lemma_.lower() in ACCORD_NOUNS


RULERS = {"government", "authorities", "regime", "junta"}


def names_a_government(doc: Doc, mention: PlaceMention) -> bool:
    """'factions affiliated with the Damascus government', 'the Kabul authorities': a city naming
    who governs from it is a party, not where anything happened (a region's government governs there:
    "the Manipur government")."""
    last = doc[mention.token_end - 1]
    return last.dep_ in ("compound", "nmod") and last.head.lemma_.lower() in RULERS and mention.place.feature == "city"


HOME_WORDS = {"based", "headquartered", "born"}
HYPHENS = {"-", "\u2010", "\u2011"}


def names_a_home(doc: Doc, mention: PlaceMention) -> bool:
    """'the London-based monitor', 'a Nairobi-headquartered group': a place that says where a body
    is based is not where anything in the sentence happens."""
    end = mention.token_end
    return end + 1 < len(doc) and doc[end].text in HYPHENS and doc[end + 1].lower_ in HOME_WORDS


def names_a_site(doc: Doc, mention: PlaceMention) -> bool:
    """'the Al-Quds Hospital in Aleppo': a place name inside a site's name is not where the
    site is when the phrase names another place."""
    last = doc[mention.token_end - 1]
    return last.dep_ == "compound" and last.head.i >= mention.token_end and last.head.lower_ in FACILITY_NOUNS


# people and bodies a country has: "Venezuela's ambassador", "Yemen's defence minister" (not its buildings:
# "clashed with police near Pakistan's parliament" is in Pakistan)
A_STATES_OWN = {"ambassador", "envoy", "minister", "ministry", "president", "prime", "government", "army", "military",
                "navy", "police", "official", "leader", "spokesman", "spokeswoman", "delegation", "diplomat", "foreign",
                "defence", "defense", "interior", "intelligence", "king", "ruler"}


def nationality(doc: Doc, mention: PlaceMention, trigger) -> bool:
    """'shot down a U.S. helicopter', 'suing the U.S. government': a country naming whose a thing
    is, not where anything happened; a country qualifying the event itself ("the Iraq war") is its place."""
    last = doc[mention.token_end - 1]
    while last.dep_ == "conj" and last.head.i != last.i:  # "French and U.S. troops": the list's first says
        last = last.head
    if mention.place.precision == "country" and last.dep_ == "poss" and last.head.lemma_.lower() in A_STATES_OWN:
        return True  # "summoned Venezuela's ambassador after gunmen wounded two soldiers"
    return mention.place.precision == "country" and last.dep_ in ("compound", "amod", "nmod") \
        and last.head.i != trigger.i and last.head.lemma_.lower() not in PLACE_NOUNS


def first_listed(doc: Doc, place_at: dict[int, PlaceMention], best: PlaceMention,
                 found: list[PlaceMention]) -> PlaceMention:
    """'clashed across the West Bank, Gaza Strip and Jerusalem': places listed together are one
    answer, and the list's first names it."""
    first = place_at.get(list_head(doc[best.token_end - 1]).i)
    return first if first is not None and first in found else best


def bearing_from(doc: Doc, mention: PlaceMention) -> bool:
    """'on a road south of the capital Algiers, near Medea': a place a bearing is measured from
    is not where the event happened when its clause names another place."""
    tok = doc[mention.token_end - 1]
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in words("bearing"):
            return True
        if tok.dep_ not in ("appos", "compound"):
            return False
        tok = tok.head
    return False


# what a statement or protest is about: "protested against the air attack on the embassy in
# Yugoslavia", "condemned the massacre in Idlib", "called for an inquiry into the killings in Aleppo"
ABOUT_DEPS = {"dobj", "ccomp", "xcomp"}
ABOUT_PREPS = {"against", "over", "about", "for", "of", "on", "into"}
# what a protest blocks or occupies is where it happened ("blocked streets in Hong Kong")
WAYS = {"street", "road", "highway", "motorway", "square", "bridge", "junction", "intersection", "crossing",
        "railway", "route", "avenue", "boulevard", "roundabout"}


class Spans:
    """Token index ranges with membership: the subtrees of a parse are contiguous, so holding
    their bounds costs nothing however long the sentence (a set of their indices would)."""

    def __init__(self, ranges: list[range]):
        self.ranges = ranges

    def __contains__(self, i: object) -> bool:
        return any(i in r for r in self.ranges)


NOTHING = Spans([])


def _purpose(clause) -> bool:
    """'took to the streets to mark Saba Saba', 'marched to demand the release of ...': an infinitive of purpose."""
    return clause.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def said_about(trigger) -> Spans:
    """Token indices of what a statement or protest is about (its object, its clause, its
    "against"/"over"/"about" phrase, its purpose): their places are the subject's, not where it was said."""
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubj") and trigger.head.pos_ == "VERB" \
        else trigger
    return Spans([range(c.left_edge.i, c.right_edge.i + 1) for node in {trigger, verb} for c in node.children
                  if c.i != trigger.i and (c.dep_ in ABOUT_DEPS or (c.dep_ == "prep" and c.lower_ in ABOUT_PREPS)
                                           or _purpose(c))
                  and not (c.dep_ == "dobj" and c.lemma_.lower() in WAYS)])
