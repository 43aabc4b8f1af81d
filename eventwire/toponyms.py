"""Toponym recognition: every span of a parsed article that may name a place.

Recognition does not trust the NER label alone (the small English model calls "Kursk" a
PRODUCT and "Kyiv" a PERSON): every named-entity span and every run of proper nouns is a
candidate, with the division word that follows it ("Kursk region", "Donetsk and Luhansk
regions") and the place inside an institution's name ("the Athens Police Department").
Whether a candidate is a place at all, and which one, is decided by :mod:`eventwire.places`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .gazetteer import fold

PLACE_LABELS = {"GPE", "LOC", "FAC"}
WEAK_LABELS = {"PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "EVENT", "NORP", ""}
ADMIN_SUFFIXES = {"region", "oblast", "province", "governorate", "state", "district", "county", "krai", "kray",
                  "prefecture", "regions", "provinces", "oblasts", "parish", "municipality", "township",
                  "counties", "parishes", "districts", "townships", "municipalities", "governorates"}
# divisions below the first level: never resolved to a first-level division of another name
ADMIN2_SUFFIXES = {"district", "county", "parish", "municipality", "township"}
INSTITUTION_WORDS = {"police", "sheriff", "fire", "department", "jail", "school", "schools", "hospital", "council",
                     "court", "library", "airport", "university", "college", "commission", "board"}
NON_PLACE_ENTS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday", "christmas", "easter", "ramadan"}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "into", "towards", "toward", "from", "to", "across",
                  "through", "of", "inside", "within", "on", "over", "throughout", "between", "off", "along"}

# Regions larger than a country or across borders. No GeoNames town or division of the same
# name is meant ("the Middle East" is not Middle East, Pennsylvania; "ships in the Gulf" are not
# in Papua New Guinea's Gulf Province), and the event contract has no precision for them, so
# they are recognised and left unresolved. A division word still makes a division ("Gulf Province").
# Written as gazetteer.fold writes them (lower case, hyphens as spaces).
WORLD_REGIONS = {"middle east", "near east", "far east", "gulf", "persian gulf", "arabian gulf", "gulf region",
                 "sahel", "balkans", "caucasus", "north caucasus", "south caucasus", "horn of africa",
                 "west africa", "east africa", "north africa", "southern africa", "central africa",
                 "sub saharan africa", "central asia", "south asia", "southeast asia", "east asia", "latin america",
                 "central america", "caribbean", "levant", "maghreb", "scandinavia", "europe", "eastern europe",
                 "western europe", "central europe", "africa", "asia", "americas", "north america", "south america",
                 "oceania", "antarctica", "arctic", "asia pacific", "indo pacific", "mediterranean", "baltics",
                 "west bank and gaza"}


@dataclass
class Toponym:
    start: int
    end: int  # token indices, exclusive
    name: str
    admin_suffix: bool
    label: str
    suffix: str = ""

    def world_region(self) -> bool:
        """"The Middle East", "the Gulf": a region, not a place to resolve ("Gulf Province" is)."""
        return not self.suffix and fold(self.name) in WORLD_REGIONS


SINGULAR_SUFFIXES = {"counties": "county", "parishes": "parish", "districts": "district", "townships": "township",
                     "municipalities": "municipality", "regions": "region", "provinces": "province",
                     "oblasts": "oblast", "governorates": "governorate"}


def suffix_after(doc, end: int) -> str:
    """The division word after a name, singular: directly ("Kursk region") or after a list of
    names that share it ("Donetsk and Luhansk regions", "Becker, Clay and Grant counties")."""
    if end < len(doc) and doc[end].lower_ in ADMIN_SUFFIXES:
        return SINGULAR_SUFFIXES.get(doc[end].lower_, doc[end].lower_)
    i = end
    while i < min(len(doc), end + 12) and (doc[i].text == "," or doc[i].lower_ in ("and", "or") or doc[i].pos_ == "PROPN"):
        i += 1
    if end < i < len(doc) and doc[i].lower_ in SINGULAR_SUFFIXES:
        return SINGULAR_SUFFIXES[doc[i].lower_]
    return ""


def split_suffix(doc, start: int, end: int) -> tuple[int, str]:
    """(end of the name, its division word in the singular or ""): "Kursk region" inside the span,
    else the word after it or after the list of names it belongs to (:func:`suffix_after`)."""
    if doc[end - 1].lower_ in ADMIN_SUFFIXES and end - start > 1:
        return end - 1, SINGULAR_SUFFIXES.get(doc[end - 1].lower_, doc[end - 1].lower_)
    return end, suffix_after(doc, end)


def strip_span(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "\u2019s", "'")):
        end -= 1
    return start, end


def candidates(doc) -> list[Toponym]:
    taken: set[int] = set()
    out: list[Toponym] = []

    def add(start: int, end: int, label: str) -> None:
        start, end = strip_span(doc, start, end)
        if start >= end or not doc[start].text[:1].isupper():
            return
        end, suffix = split_suffix(doc, start, end)
        if any(i in taken or doc[i].ent_type_ in NON_PLACE_ENTS for i in range(start, end)):
            return
        if end - start == 1 and doc[start].lower_ in CALENDAR_WORDS:
            return
        taken.update(range(start, end))
        out.append(Toponym(start, end, doc[start:end].text, bool(suffix), label, suffix))

    def institution_cut(start: int, end: int) -> Optional[int]:
        """Where an institution's name starts its common part: "the Athens Police Department",
        "the Henderson County Jail", "Rapides Parish Fire District 2" are named after a place."""
        start, end = strip_span(doc, start, end)
        if not doc[start].text[:1].isupper():
            return None
        for i in range(start + 1, end):
            if doc[i].lower_ in INSTITUTION_WORDS:
                return i
            if doc[i].lower_ in ADMIN2_SUFFIXES and i + 1 < end:  # "Douglas County Public Works Director"
                return i + 1
        return None

    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS - {"GPE"} or ent.label_ in WEAK_LABELS - {"NORP"}:
            cut = institution_cut(ent.start, ent.end)
            if cut is not None:
                add(ent.start, cut, "INST")
                taken.update(range(cut, ent.end))  # "Police" of "Berea Police" is no place (Police, Poland)
                continue
        if ent.label_ in PLACE_LABELS or ent.label_ in WEAK_LABELS - {"NORP"}:
            add(ent.start, ent.end, ent.label_)
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in taken:
            j = i
            while j < len(doc) and doc[j].pos_ == "PROPN" and j not in taken:
                j += 1
            cut = institution_cut(i, j)
            add(i, cut if cut is not None else j, "INST" if cut is not None else "")
            i = j
        else:
            i += 1
    return sorted(out, key=lambda c: c.start)


# verbs whose direct object is typically a place: "shelled Kherson", "captured Avdiivka", "hit Kyiv"
PLACE_OBJECT_VERBS = {"shell", "bomb", "strike", "hit", "attack", "storm", "capture", "seize", "take", "retake",
                      "liberate", "besiege", "encircle", "surround", "enter", "raid", "pound", "target", "overrun",
                      "evacuate", "flee", "leave", "visit", "occupy", "control", "recapture", "bombard"}


def object_of_place_verb(doc, cand: Toponym) -> bool:
    head = doc[cand.end - 1]
    return head.dep_ == "dobj" and head.head.lemma_.lower() in PLACE_OBJECT_VERBS


def locative_cue(doc, cand: Toponym) -> bool:
    if object_of_place_verb(doc, cand):
        return True
    prev = doc[cand.start - 1] if cand.start > 0 else None
    while prev is not None and prev.lower_ in ("the", "a") and prev.i > 0:
        prev = doc[prev.i - 1]
    return cand.admin_suffix or (prev is not None and prev.lower_ in LOCATIVE_PREPS) or (
        prev is not None and prev.text == "," and prev.i > 0 and doc[prev.i - 1].ent_type_ in ("GPE", "LOC"))
