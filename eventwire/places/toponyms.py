"""Toponym recognition: every span of a parsed article that may name a place.

Recognition does not trust the NER label alone (the small English model calls "Kursk" a
PRODUCT and "Kyiv" a PERSON): every named-entity span and every run of proper nouns is a
candidate, with the division word that follows it ("Kursk region", "Donetsk and Luhansk
regions"), the place inside an institution's name ("the Athens Police Department"), a dateline
in capitals ("MANSFIELD --", "KYIV, Ukraine (AP) --") and a legislator's home town ("Rep. Torrey
Westrom, R-Elbow Lake"). What around a name says it is a place -- a preposition, a direction
word ("northern Homs"), the noun it modifies ("the Gainesville man", "Manchester airports") --
is read here too. Whether a candidate is a place at all, and which one, is decided by
:mod:`eventwire.places`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from eventwire.datafiles import data_lines
from eventwire.places.gazetteer import gulf_names, region_names
from eventwire.places.layout import DASHES, dateline_spans, doc_text, hometown_spans
from eventwire.places.name_forms import ARABIC_ARTICLES, fold

PLACE_LABELS = {"GPE", "LOC", "FAC"}
WEAK_LABELS = {"PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "EVENT", "NORP", ""}
STRONG_LABELS = {"DATELINE", "HOMETOWN"}  # candidates read off a layout: the name is a place
ADMIN_SUFFIXES = {"region", "oblast", "province", "governorate", "state", "district", "county", "krai", "kray",
                  "prefecture", "regions", "provinces", "oblasts", "parish", "municipality", "township",
                  "counties", "parishes", "districts", "townships", "municipalities", "governorates",
                  "division", "divisions"}  # Bangladesh's first level ("Chittagong Division")
# divisions below the first level: never resolved to a first-level division of another name
ADMIN2_SUFFIXES = {"district", "county", "parish", "municipality", "township"}
LOCALITY_WORDS = {"city", "town", "village"}
NON_PLACE_ENTS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday", "christmas", "easter", "ramadan"}
NEIGHBOURING = {"neighbouring", "neighboring"}  # a country next to another, never a division in it
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "into", "towards", "toward", "from", "to", "across",
                  "through", "of", "inside", "within", "on", "over", "throughout", "between", "off", "along",
                  "nearby"} | NEIGHBOURING  # "raided nearby Yamun" (parsed as its object)
# prepositions that place what follows them, for names that need strong evidence ("in Reading")
STRONG_PREPS = {"in", "near", "at", "outside", "around", "into", "towards", "toward", "from", "across", "through",
                "inside", "within", "throughout", "outskirts", "via"}
SPLITTING_PREPS = {"in", "near", "outside"}  # never inside a place's name
QUOTES = {"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "`", "``", "''"}
# continents are GeoNames entries of their own; the other world regions come from data/regions.tsv
CONTINENT_NAMES = {"europe", "africa", "asia", "north america", "south america", "oceania", "antarctica"}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for word, kind in data_lines("toponym_words.tsv"):
        table.setdefault(kind, set()).add(fold(word))
    return {kind: frozenset(words) for kind, words in table.items()}


def words(kind: str) -> frozenset[str]:
    """The folded words of one kind in data/toponym_words.tsv (local, direction, bearing, point, title,
    not_head, street, institution, common, never, faith)."""
    return _words().get(kind, frozenset())


@dataclass
class Toponym:
    start: int
    end: int  # token indices, exclusive
    name: str
    admin_suffix: bool
    label: str
    suffix: str = ""

    def world_region(self) -> bool:
        """"The Middle East", "the Black Sea", "Europe": a region larger than a country or across
        borders, not a namesake town to resolve ("Gulf Province" is a division, but "a Gulf state"
        one of the region's countries)."""
        key = fold(self.name)
        if self.suffix == "state":  # "the Gulf state"; but "Blue Nile state" is a Sudanese division
            return key in gulf_names()
        return not self.suffix and (key in CONTINENT_NAMES or key in region_names())


SINGULAR_SUFFIXES = {"counties": "county", "parishes": "parish", "districts": "district", "townships": "township",
                     "municipalities": "municipality", "regions": "region", "provinces": "province",
                     "oblasts": "oblast", "governorates": "governorate", "divisions": "division"}


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
    """The name without an article, quotes, a possessive or line breaks the recogniser took in
    ("Logar province" + a paragraph's closing line break)."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].text in QUOTES or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "\u2019s", "'")
                           or doc[end - 1].text in QUOTES or doc[end - 1].is_space):
        end -= 1
    return start, end


def _comma_parts(span) -> list[tuple[int, int]]:
    """An entity span cut at its commas, brackets, spaced dashes and a locative preposition between
    two names: "Grant, Mahnomen" is two names, "Gwa (Thandwe" too, and "Macomia in Mozambique" or
    "Macomia in" (spans the recogniser took for a title)."""
    parts, start = [], span.start
    doc = span.doc
    for tok in span:
        spaced_dash = tok.text in DASHES and tok.i > 0 and bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
        between = tok.lower_ in SPLITTING_PREPS and tok.text.islower() and tok.i > span.start \
            and bool(doc[tok.i - 1].whitespace_)  # a word of its own: "Kirkby-in-Ashfield" stays one name
        if tok.text in (",", "(", ")") or spaced_dash or tok.text == "\u2014" or between:  # "Central Africa - Nigeria"
            parts.append((start, tok.i))
            start = tok.i + 1
    parts.append((start, span.end))
    return [(s, e) for s, e in parts if e > s]


def candidates(doc) -> list[Toponym]:
    taken: set[int] = set()
    out: list[Toponym] = []

    def article_joined(i: int, end: int) -> bool:
        """"al-Qaim", "el-Fasher": an Arabic article written in lower case starts the name."""
        return doc[i].lower_ in ARABIC_ARTICLES and i + 2 < end and doc[i + 1].text == "-" and doc[i + 2].text[:1].isupper()

    def add(start: int, end: int, label: str) -> None:
        start, end = strip_span(doc, start, end)
        while start < end - 1 and doc[start].is_alpha and doc[start].text[:1].islower() and not article_joined(start, end):
            start += 1  # "east Africa", "greater Manchester": the name starts at its capital
        if start >= end or not (doc[start].text[:1].isupper() or article_joined(start, end)):
            return
        if end - start > 1 and doc[end - 1].lower_ in LOCALITY_WORDS and doc[end - 1].text.islower():
            end -= 1  # "Kandahar city", "Goma town": the name, and a word for what it is
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
        if start >= end or not doc[start].text[:1].isupper():
            return None
        for i in range(start + 1, end):
            if doc[i].lower_ in words("institution"):
                # "the Texas water development board": the name ends where lower-case words begin
                return next((k for k in range(start + 1, i) if doc[k].text[:1].islower()), i)
            if doc[i].lower_ in ADMIN2_SUFFIXES and i + 1 < end:  # "Douglas County Public Works Director"
                return i + 1
        return None

    for start, end in dateline_spans(doc):
        add(start, end, "DATELINE")
    for start, end in hometown_spans(doc):
        add(start, end, "HOMETOWN")
    for ent in doc.ents:
        for start, end in _comma_parts(ent):
            if ent.label_ in PLACE_LABELS - {"GPE"} or ent.label_ in WEAK_LABELS - {"NORP"}:
                cut = institution_cut(start, end)
                if cut is not None:
                    add(start, cut, "INST")
                    taken.update(range(cut, end))  # "Police" of "Berea Police" is no place (Police, Poland)
                    continue
            if ent.label_ in PLACE_LABELS or ent.label_ in WEAK_LABELS - {"NORP"} \
                    or suffix_after(doc, strip_span(doc, start, end)[1]):  # "the Punjab province" (tagged NORP)
                add(start, end, ent.label_)
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


def word_before(doc, cand: Toponym, skip_directions: bool = True):
    """The token before a name, past articles, quotes and (optionally) a direction word
    ("in the northern 'Homs'" -> "in")."""
    i = cand.start - 1
    while i >= 0 and (doc[i].lower_ in ("the", "a") or doc[i].text in QUOTES
                      or (skip_directions and doc[i].lower_ in words("direction"))):
        i -= 1
    return doc[i] if i >= 0 else None


def _after(doc, cand: Toponym) -> int:
    """The token after the name and its quotes."""
    end = cand.end
    while end < len(doc) and doc[end].text in QUOTES:
        end += 1
    return end


def modifies_local_noun(doc, cand: Toponym) -> bool:
    """"The Gainesville man", "Fargo Mayor", "the Manchester airports", "Northbrook-based":
    the name qualifies a noun that only a place qualifies."""
    end = _after(doc, cand)
    if end < len(doc) and doc[end].tag_ == "POS":
        end += 1  # "Grozny's streets", "Kabul's airport"
    if end >= len(doc):
        return False
    if doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].lower_ == "based":
        return True
    return doc[end].lower_ in words("local") and doc[end].pos_ in ("NOUN", "PROPN")


def directed(doc, cand: Toponym) -> bool:
    """"Northern Homs", "rural Ohio": a direction word right before the name."""
    prev = word_before(doc, cand, skip_directions=False)
    return prev is not None and prev.lower_ in words("direction")


def locative_cue(doc, cand: Toponym) -> bool:
    if object_of_place_verb(doc, cand) or directed(doc, cand) or modifies_local_noun(doc, cand) \
            or placed_by_apposition(doc, cand):
        return True
    prev = word_before(doc, cand)
    if cand.admin_suffix or (prev is not None and prev.lower_ in LOCATIVE_PREPS):
        return True
    # "Tuva, Russia"; not "in Hartford," Robertson said
    return cand.start > 1 and doc[cand.start - 1].text == "," and doc[cand.start - 2].ent_type_ in ("GPE", "LOC")


def preposition_before(doc, cand: Toponym) -> bool:
    """A placing preposition before the name: "near Kyaukphyu", "from northern 'Homs'", "the
    village of Bariyarpur" ("of" only after a word for a place: "evidence of Hartmann's guilt" is not)."""
    prev = word_before(doc, cand)
    if prev is None:
        return False
    if prev.lower_ == "of":
        return prev.i > 0 and doc[prev.i - 1].lower_ in words("local") or _bearing_of(doc, prev)
    return prev.lower_ in STRONG_PREPS


TOWN_NOUNS = {"city", "town", "village", "port", "capital"}


def called_a_town(doc, cand: Toponym) -> bool:
    """'the city of X', 'the northern city of Garoua': the words before the name call it a town,
    whoever else bears the name."""
    return cand.start >= 2 and doc[cand.start - 1].lower_ == "of" and doc[cand.start - 2].lower_ in TOWN_NOUNS \
        and not cand.suffix


def _bearing_of(doc, prev) -> bool:
    """"North of Rochester", "186 miles southeast of Alliance": a bearing from a place."""
    return prev.lower_ == "of" and prev.i > 0 and doc[prev.i - 1].lower_ in words("bearing")


def strong_cue(doc, cand: Toponym) -> bool:
    """Evidence enough for a name that is also a common word or someone's name: a dateline, a
    placing preposition right before it ("in Reading", not "according to Taylor"), or a state or
    country after a comma ("Mobile, Ala.")."""
    if cand.label in STRONG_LABELS or cand.admin_suffix:
        return True
    prev = word_before(doc, cand)
    if prev is not None and (prev.lower_ in STRONG_PREPS or _bearing_of(doc, prev)) or called_a_town(doc, cand):
        return True
    end = _after(doc, cand)
    state_after = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE"
    return state_after or placed_by_apposition(doc, cand)


# nouns that say what kind of place a name in apposition is: "the regional capital, Grozny", "Knin, the stronghold"
APPOSITION_PLACE_NOUNS = {"capital", "city", "town", "village", "province", "district", "region", "port", "county",
                          "stronghold", "enclave", "suburb", "hometown", "settlement", "township", "municipality"}


def placed_by_apposition(doc, cand: Toponym) -> bool:
    """The name stands in apposition with a word for a place: "outside the regional capital,
    Grozny", "Dunya Pur, a small town" (the recogniser may have called it a person)."""
    head = doc[cand.end - 1]
    if head.dep_ == "appos" and head.head.lemma_.lower() in APPOSITION_PLACE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in APPOSITION_PLACE_NOUNS for c in head.children)


def names_no_place(doc, cand: Toponym) -> bool:
    """"Marburg virus", "Reston ebolavirus", "Memphis St.", "Lot No. 5": the name is part of another thing's name."""
    end = _after(doc, cand)
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.lower_ in words("not_head") or nxt.text in ("No.", "#") or street_after(doc, end)


def street_after(doc, i: int) -> bool:
    """A capitalised street word at ``i``: "Memphis St.", "Decatur Boulevard" (not "Tbilisi avenue")."""
    return i < len(doc) and doc[i].text[:1].isupper() and fold(doc[i].text) in words("street")


def shouted(doc, cand: Toponym) -> bool:
    """A name in capitals outside a dateline ("NICE", "ALMA") is an acronym's, unless the text shouts."""
    return cand.label not in STRONG_LABELS and cand.name.isalpha() and cand.name.isupper() and len(cand.name) > 3 \
        and not all(t.text.isupper() for t in doc[cand.start].sent if t.is_alpha)


def person_names(doc) -> set[str]:
    """Folded names that are people's in this article: the last word of a person's full name
    ("Tim Whitley" -> "whitley") and the name after a title ("coach Ripley", "Mr. Kemp")."""
    out = set()
    for ent in doc.ents:
        toks = [t for t in ent if t.is_alpha and fold(t.text) not in words("title") and t.lower_ not in ARABIC_ARTICLES]
        if ent.label_ == "PERSON" and len(toks) >= 2 and not any(t.lower_ in words("local") for t in toks):
            # not "SOS Children's Village Malakal": a word for a place makes it no person's name
            out.add(fold(toks[-1].text))
    for m in _title_pattern().finditer(doc_text(doc)):
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or m.group(0).split()[0] in LOWERCASE_NOT_TITLES:
            continue  # "expected to miss Rochester": a verb, not Miss Rochester
        j = span.start
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
            j += 1
        out.add(fold(doc[j].text))
    return out


LOWERCASE_NOT_TITLES = {"miss"}  # a title only when capitalised


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    """A title and the capitalised word after it ("coach Ripley", "Sen. Ray Miller")."""
    short = "|".join(sorted(re.escape(w) for w in words("title") if len(w) <= 4))  # "Sen.", "Dr."
    full = "|".join(sorted(re.escape(w) for w in words("title") if len(w) > 4))  # "president. The" ends a sentence
    return re.compile(rf"\b(?i:(?:{short})\.?|(?:{full}))[ \t]+([A-Z][\w'\u2019-]*)")
