"""The words of time: names of days, months and seasons, number words, units, and the cleaning
that turns an expression as written into the lower-case form the rules in :mod:`eventwire.timex`
match ("On Tuesday," -> "tuesday"; "the winter of nineteen ninety-four" -> "the winter of 1994").
"""
from __future__ import annotations

import calendar
import re
from typing import Optional

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
             "hour": "H", "minute": "M", "second": "S"}
TIME_UNITS = {"hour", "minute", "second"}


def duration_value(n: Optional[int], unit: str) -> str:
    """P3D, PT5H, PXW (an unspecified number of weeks); decades and centuries in years (P10Y)."""
    if unit in ("decade", "century"):
        n, unit = (None if n is None else n * (10 if unit == "decade" else 100)), "year"
    count = "X" if n is None else str(n)
    return ("PT" if unit in TIME_UNITS else "P") + count + UNIT_CODE[unit]

MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
LEAD = re.compile(r"^(?:on|in|during|at|by|from|of|around|about|until|till|as of)\s+", re.I)


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


def clean(text: str) -> str:
    """Lower case, no hyphens or possessive, spelled-out years as digits, leading prepositions dropped."""
    text = text.lower().replace("\u2019", "'").replace("-", " ").strip(" ,.;:\n\t")
    text = re.sub(r"\s+", " ", re.sub(r"'s?$", "", text))
    text = _SPELLED_YEAR.sub(_year_digits, text)
    while True:
        new = LEAD.sub("", text)
        if new == text:
            return text
        text = new
