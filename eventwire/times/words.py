"""The words of time: names of days, months and seasons, number words, units, and the cleaning
that turns an expression as written into the lower-case form the rules in :mod:`eventwire.timex`
match ("On Tuesday," -> "tuesday"; "the winter of nineteen ninety-four" -> "the winter of 1994").
"""
from __future__ import annotations

import calendar
import json
import re
from importlib import resources
from typing import Any, Optional

# the vocabulary (approximators, reference words, set words, holidays) is data: eventwire/data/timewords.json
LEXICON: dict[str, Any] = json.loads(resources.files("eventwire.data").joinpath("timewords.json").read_text("utf-8"))

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
SEASONS = {"spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "autumn": ("FA", 9, 11), "fall": ("FA", 9, 11),
           "winter": ("WI", 12, 2)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "hundred": 100, "several": 3, "a few": 3,
                "few": 3, "a couple of": 2, "couple of": 2}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
             "hour": "H", "minute": "M", "second": "S", "quarter": "Q"}
TIME_UNITS = {"hour", "minute", "second"}
# half of a unit in the next smaller one: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M (TimeBank)
HALF_OF = {"year": (6, "M"), "day": (12, "H"), "hour": (30, "M"), "minute": (30, "S"), "month": (2, "W")}


def duration_value(n: Optional[float], unit: str) -> str:
    """P3D, PT5H, PXW (an unspecified number of weeks); counted decades and centuries in years (P10Y,
    P40Y), unspecified ones PXY and PXC, as TimeBank writes them; halves in the next unit (P2Y6M)."""
    if unit == "fortnight":
        n, unit = (None if n is None else 2 * n), "week"
    if unit in ("decade", "century", "millennium"):
        if n is None:
            return "PXC" if unit == "century" else "PXY"
        n, unit = n * {"decade": 10, "century": 100, "millennium": 1000}[unit], "year"
    if unit == "year" and n and n >= 1000 and n % 1000 == 0:
        return f"P{int(n) // 1000}L"  # millennia, as TimeBank writes them (P2L)
    if n is None:
        count = "X"
    elif n != int(n) and unit in HALF_OF:
        sub, code = HALF_OF[unit]
        time = "T" if unit in TIME_UNITS else ""
        tail = ("T" if code == "H" else "") + f"{sub}{code}"
        return f"P{time}{int(n)}{UNIT_CODE[unit]}{tail}" if int(n) else f"P{time or ('T' if code == 'H' else '')}{sub}{code}"
    else:
        count = str(int(n))
    return ("PT" if unit in TIME_UNITS else "P") + count + UNIT_CODE[unit]

MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_LEAD_WORDS = ["on", "in", "during", "at", "by", "from", "of", "around", "about", "until", "till", "as of", "between"]
# prepositions and approximators ("nearly five months", "at least 72 hours" are P5M, PT72H with a TimeML
# mod): the longest first, so "at least" goes before "at"
LEAD = re.compile(r"^(?:" + "|".join(sorted(_LEAD_WORDS + LEXICON["approximators"], key=len, reverse=True))
                  + r")\s+", re.I)
TRAIL = re.compile(r"\s+(?:" + "|".join(sorted(LEXICON["trailing"], key=len, reverse=True)) + r")$", re.I)


_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPELLED_YEAR = re.compile(r"\b(nineteen|twenty) (?:hundred (?:and )?)?(?:(" + "|".join(_TEENS) + r")|(" + "|".join(_TENS)
                           + r")(?: (" + "|".join(_ONES) + r"))?)\b|\btwo thousand(?: (?:and )?(" + "|".join(_ONES + _TEENS) + r"))?\b(?! (?:years|months|days|people))")


def _year_digits(m: re.Match) -> str:
    """'nineteen ninety four' -> '1994', 'two thousand and one' -> '2001' (broadcast transcripts)."""
    if m.group(0).startswith("two thousand"):
        rest = m.group(5)
        return str(2000 + ((_ONES + _TEENS).index(rest) + 1 if rest in _ONES else _TEENS.index(rest) + 10 if rest else 0))
    century = 1900 if m.group(1) == "nineteen" else 2000
    if m.group(2):
        return str(century + 10 + _TEENS.index(m.group(2)))
    return str(century + 20 + 10 * _TENS.index(m.group(3)) + (_ONES.index(m.group(4)) + 1 if m.group(4) else 0))


_ORDINALS = "|".join(sorted(LEXICON["ordinals"], key=len, reverse=True))
_ORDINAL_DAY = re.compile(r"\b" + MONTH_RE + r" (?:the )?(" + _ORDINALS + r")\b|\b(?:the )?(" + _ORDINALS + r") of "
                          + MONTH_RE + r"(?=\W|$)")


def _day_digits(m: re.Match) -> str:
    """'march eighth' -> 'march 8', 'the eighth of march' -> '8 march' (broadcast transcripts)."""
    if m.group(1):
        return f"{m.group(1)} {LEXICON['ordinals'][m.group(2)]}"
    return f"{LEXICON['ordinals'][m.group(3)]} {m.group(4)}"


def clean(text: str) -> str:
    """Lower case, no hyphens or possessive, spelled-out years and days as digits, leading
    prepositions and approximators and trailing hedges ("or so") dropped."""
    text = text.lower().replace("\u2019", "'").replace("-", " ").strip(" ,.;:\n\t\"`\u201c\u201d")
    text = re.sub(r"\s+", " ", re.sub(r"'s?$", "", text)).replace(" or so ", " ")
    text = _SPELLED_YEAR.sub(_year_digits, text)
    text = _ORDINAL_DAY.sub(_day_digits, text)
    while True:
        new = TRAIL.sub("", LEAD.sub("", text))
        if new == text or not new:
            return text
        text = new


_UNITS = {w: i + 1 for i, w in enumerate(_ONES)} | {w: i + 10 for i, w in enumerate(_TEENS)} | {"a": 1, "an": 1}
_TENS_VALUE = {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_NUMBER_WORD = (r"(?:(?:" + "|".join(_TENS) + r")(?: (?:" + "|".join(_ONES) + r"))?|" + "|".join(_ONES + _TEENS) + r")")
NUMBER_WORD_RE = _NUMBER_WORD
COUNT_RE = (r"(?:\d+(?:\.\d+)?(?: 1/2)?|(?:(?:a|an) )?" + _NUMBER_WORD + r"(?: hundred| thousand)?(?: and a half)?"
            r"|(?:a|an)(?: hundred| thousand)?(?: and a half)?|a couple of|couple of|a half|half an?)")


def count_of(words: str) -> Optional[float]:
    """'five' 5, 'twenty four' 24, 'a hundred' 100, '2 1/2' 2.5, 'one and a half' 1.5, 'half a' 0.5;
    None for a word that is no count (vague counts are the caller's)."""
    words = re.sub(r"^an? (?=\S+)(?!hundred|thousand|and|couple|half|few)", "", words.strip())  # "a two day rally"
    if words in ("a couple of", "couple of"):
        return 2
    if words in ("a half", "half a", "half an"):
        return 0.5
    half = 0.5 if words.endswith(" 1/2") or words.endswith(" and a half") else 0.0
    words = re.sub(r" (?:1/2|and a half)$", "", words)
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) + half if len(words) <= 8 else None
    total = 0
    for w in words.split():
        if w in ("hundred", "thousand"):
            total = max(total, 1) * (100 if w == "hundred" else 1000)
        elif w in _TENS_VALUE:
            total += _TENS_VALUE[w]
        elif w in _UNITS:
            total += _UNITS[w]
        else:
            return None
    return total + half
