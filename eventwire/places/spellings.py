"""A place name written in another transliteration than the index's ("Kyaukphyu" for "Kyaukpyu",
"Mosoul" for "Mosul"): names reduced to a skeleton that transliterations agree on, compared
among the places of the article's countries. Also a name the tagger cut in pieces ("Mission" +
"Viejo", "Mazar" - "e" - "Sharif"), joined again where the whole is a place's name (:func:`extend_names`).

Separate from :mod:`eventwire.places.names` (peoples, regions and names inside names): a fuzzy
match over the gazetteer's names, with its own pools and caches.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz, process

from eventwire.places.gazetteer import Gazetteer, GeoEntry
from eventwire.places.name_forms import MIN_VARIANT_LEN, fold, squeeze
from eventwire.places.toponyms import Toponym

# Transliteration variants written for the same sound: "Kyaukphyu"/"Kyaukpyu", "Khan"/"Kan",
# "Mosoul"/"Mosul", "Hodeidah"/"Hudaydah" (with the article and final "h" dropped by squeeze).
TRANSLITERATIONS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "p"), ("sh", "s"), ("ou", "u"),
                    ("oo", "u"), ("ee", "i"), ("iy", "i"), ("q", "k"), ("w", "v"))
SPELLING_THRESHOLD = 90  # rapidfuzz ratio of the two skeletons
FUZZY_FEATURES = ("city", "admin1", "admin2", "admin3", "site")


DOUBLED = re.compile(r"(.)\1+")
VOWELS = set("aeiouy")


def _vowels_apart(a: str, b: str) -> bool:
    """Two skeletons that differ only in vowels ("karkov", "karkiv"): transliterations disagree on
    vowels; a letter more or another consonant makes another name ("Henrys", "Senate")."""
    return len(a) == len(b) and all(x == y or (x in VOWELS and y in VOWELS) for x, y in zip(a, b))


def skeleton(key: str) -> str:
    """A folded name reduced to what transliterations agree on: no spaces, article or final -h,
    digraphs and double letters written once, a final -yi as -i."""
    out = squeeze(key)
    if out.endswith("yi"):
        out = out[:-2] + "i"
    for written, sound in TRANSLITERATIONS:
        if written in out:
            out = out.replace(written, sound)
    return DOUBLED.sub(r"\1", out)


SAME_FIRST_SOUND = {"k": "kq", "v": "vw"}  # a skeleton's first letter and the letters names start with
MAX_SHRINK = 8  # letters a skeleton drops at most: an article, digraphs, doubles, spaces


@lru_cache(maxsize=1 << 18)
def _name_skeleton(name: str) -> str:
    return skeleton(fold(name))  # pools of neighbouring sizes share most names


@lru_cache(maxsize=8192)
def _spelling_pool(gaz: Gazetteer, country: str, letter: str, size: int) -> tuple[list[str], list[str]]:
    """A country's place names whose skeleton starts with ``letter`` and has ``size`` letters:
    (skeletons, names). Only names a few letters longer than the skeleton can shrink to it."""
    skeletons, names = [], []
    by_letter = _entries_by_initial(gaz).get(country, {})
    for initial in SAME_FIRST_SOUND.get(letter, letter):
        lengths, entries = by_letter.get(initial, ((), ()))
        for e in entries[bisect_left(lengths, size):bisect_right(lengths, size + MAX_SHRINK)]:
            sk = _name_skeleton(e.name)
            if len(sk) == size and sk[:1] == letter:
                skeletons.append(sk)
                names.append(e.name)
    return skeletons, names


ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)[ -](.)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _entries_by_initial(gaz: Gazetteer) -> dict[str, dict[str, tuple[list[int], list[GeoEntry]]]]:
    """Places by country and by the first letter of their name (and of the name after an Arabic
    article), sorted by length: country -> letter -> (lengths, entries). Skeletons are made per
    pool when asked."""
    grouped: dict[str, dict[str, list[GeoEntry]]] = {}
    for e in gaz.entries:
        if e.feature not in FUZZY_FEATURES:
            continue
        initial = e.name[:1].lower()
        if not initial.isascii():
            initial = fold(initial)[:1]
        by_letter = grouped.setdefault(e.country, {})
        by_letter.setdefault(initial, []).append(e)
        if initial in "ae":
            m = ARTICLE.match(e.name)
            if m:
                by_letter.setdefault(m.group(1).lower(), []).append(e)
    out: dict[str, dict[str, tuple[list[int], list[GeoEntry]]]] = {}
    for country, by_letter in grouped.items():
        out[country] = {}
        for letter, entries in by_letter.items():
            entries.sort(key=lambda e: len(e.name))
            out[country][letter] = ([len(e.name) for e in entries], entries)
    return out


@lru_cache(maxsize=4096)
def spelling_variant(gaz: Gazetteer, name: str, countries: tuple[str, ...]) -> Optional[tuple[str, float]]:
    """The index's name that ``name`` is a transliteration variant of, among the places of the given
    countries (the article's), and the similarity of the two spellings (0-1); None when the index
    holds the name as written, the name is short (< 5 letters) or nothing is close enough."""
    key = fold(name)
    if sum(ch.isalpha() for ch in key) < MIN_VARIANT_LEN or any(ch.isdigit() for ch in key) or gaz.lookup(name):
        return None
    sk = skeleton(key)
    best: Optional[tuple[float, str]] = None
    for country in countries:
        skeletons, names = _spelling_pool(gaz, country, sk[:1], len(sk))
        for other, score, i in process.extract(sk, skeletons, scorer=fuzz.ratio, score_cutoff=SPELLING_THRESHOLD,
                                               limit=5):
            if _vowels_apart(sk, other) and (best is None or score > best[0]):
                best = (score, names[i])
    if best is None:
        return None
    similarity = fuzz.ratio(key.replace(" ", ""), fold(best[1]).replace(" ", "")) / 100
    return best[1], round(similarity, 2)


NAME_PARTICLES = {"do", "da", "de", "del", "di", "du", "dos", "das", "des", "la", "el"}  # "Rio Grande do Sul"


def extend_names(gaz: Gazetteer, doc, found: list[Toponym]) -> list[Toponym]:
    """Candidates grown over the capitalised words after them when the longer name is a place's own
    ("Mission" + "Viejo", which the tagger took for a person); the candidates it covers are dropped."""
    out: list[Toponym] = []
    skip_to = -1
    suffixed = {c.start for c in found if c.suffix}
    for c in found:
        if c.start < skip_to:
            continue
        end = _hyphenated_end(gaz, doc, c, suffixed)
        for k in range(c.end + 1, min(len(doc), c.end + 3) + 1):
            tok = doc[k - 1]
            if not (tok.is_alpha and (tok.text[:1].isupper() or (tok.lower_ in NAME_PARTICLES and k < c.end + 3))):
                break
            if tok.text[:1].isupper() and not c.suffix and any(not alt for _, alt in gaz.lookup(doc[c.start:k].text)):
                end = k
        if end > c.end:
            c = Toponym(c.start, end, doc[c.start:end].text, False, c.label)
            skip_to = end
        out.append(c)
    return out


def _hyphenated_end(gaz: Gazetteer, doc, c: Toponym, suffixed: set[int]) -> int:
    """"Mazar-e-Sharif": the tagger cuts a name at its hyphens; the name runs on over the words a
    hyphen glues to it while the longer name is a place's (any spelling), not into a name that a
    division word follows ("Al-Hasakah Governorate" stays the governorate)."""
    end = k = c.end
    while k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
            and doc[k + 1].is_alpha and k + 1 not in suffixed:
        k += 2
        if gaz.lookup(doc[c.start:k].text):
            end = k
    return end
