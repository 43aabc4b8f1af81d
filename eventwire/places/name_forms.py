"""The forms a place name is written in, and the key they are matched on.

:func:`fold` is the key of the gazetteer's index (case, accents, apostrophes and hyphens
folded); :func:`squeeze` and :func:`without_article` the looser keys of spelling variants
("Al-Raqqa", "Deir Ezzor"). The rest are the other ways news writes a division's name
("North Darfur" for "Northern Darfur", "Henderson" for "Henderson County", "W.Va." for West
Virginia), which :class:`eventwire.places.gazetteer.Gazetteer` adds to its index.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# AP-style abbreviations of US states (news datelines: "Charleston, W.Va."), keyed to admin1 codes.
# Left out: those that fold to an English word ("Mass.", "Miss.", "Del.", "La.", "Pa.", "Mo.").
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "D.C.": "DC", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY",
    "Md.": "MD", "Mich.": "MI", "Minn.": "MN",
    "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Oreg.": "OR",
    "Penn.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT",
    "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}
# The abbreviations left out above, trusted only right after a town and a comma ("Alexandria, La.").
DATELINE_STATE_ABBREVIATIONS = {"Mass.": "MA", "Miss.": "MS", "Del.": "DE", "La.": "LA", "Pa.": "PA", "Mo.": "MO"}
ADMIN2_NAME_PREFIXES = ("Province of ", "Provincia de ", "Provincia di ", "Province du ", "Province de ",
                        "Departamento de ", "Partido de ", "Municipio de ", "Distrito de ")
ADMIN2_NAME_SUFFIXES = (" County", " Parish", " Borough", " District", " Municipality", " Census Area")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place name."""
    name = name.replace("\u2019", "'").replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("'", "").replace("-", " ").replace(".", "").lower().split())


ARABIC_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh"}
MIN_VARIANT_LEN = 5


def without_article(name: str) -> str:
    """The folded name without a leading Arabic article ("Al-Kut" -> "kut"); else the folded name."""
    words = fold(name).split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in ARABIC_ARTICLES else " ".join(words)


def squeeze(key: str) -> str:
    """A folded name without spaces, a leading Arabic article or the "h" of a final "-ah"
    ("al raqqa" and "ar raqqah" -> "raqqa", "deir ez zor" and "deir ezzor" -> "deirezzor")."""
    words = key.split()
    if len(words) > 1 and words[0] in ARABIC_ARTICLES:
        words = words[1:]
    out = "".join(words)
    return out[:-1] if out.endswith("ah") else out


COMPASS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West", "Central": "Central"}


FRENCH_COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}  # "Nord Kivu" is "North Kivu" in English news


def admin_variants(name: str, ascii_name: str) -> set[str]:
    """'Northern Darfur' is also written 'North Darfur', 'Nord Kivu' 'North Kivu'; 'Republic of Tyva'
    'Tyva'; and a Russian '-iya'/'-eya' ending as English news writes it ('Kabardino-Balkariya' is
    'Kabardino-Balkaria', 'Adygeya' 'Adygea')."""
    out = {name, ascii_name}
    for n in list(out):
        first, _, rest = n.partition(" ")
        english = COMPASS.get(first) or FRENCH_COMPASS.get(first)
        if english and rest:
            out.add(f"{english} {rest}")
        if n.startswith("Republic of ") and len(n) > 14:
            out.add(n[len("Republic of "):])
    for n in list(out):
        out.add(re.sub(r"(?<=[a-z])([ie])ya\b", r"\1a", n))
    return out


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (accents allowed)."""
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)
