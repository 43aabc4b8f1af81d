"""Normalise time expressions to TimeML values, resolved against the publication date.

``normalise(text, anchor, tense)`` turns one expression ("on Tuesday", "the final week of
December", "last autumn", "since 2022", "three days ago") into a :class:`TimeExpr` value with
``timex``, ``start``, ``end`` and ``precision``. The project's own rules cover the news
expressions that general parsers get wrong (dateparser reads a bare "December" as the next
one); dateparser handles the remaining absolute dates. With no anchor, relative expressions
stay unresolved (``start`` is None): an anchor is never invented.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from .model import TimeExpr

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
SEASONS = {"spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "autumn": ("FA", 9, 11), "fall": ("FA", 9, 11),
           "winter": ("WI", 12, 2)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
                "few": 3, "a couple of": 2, "couple of": 2}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H"}

MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
LEAD = re.compile(r"^(?:on|in|during|at|by|from|of|around|about|until|till|as of)\s+", re.I)


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("-", " ").strip(" ,.;:")
    text = re.sub(r"\s+", " ", text)
    while True:
        new = LEAD.sub("", text)
        if new == text:
            return text
        text = new


def _expr(text: str, timex: Optional[str], start: Optional[date], end: Optional[date],
          precision: Optional[str]) -> TimeExpr:
    return TimeExpr(text=text, start_char=None, end_char=None, timex=timex,
                    start=start.isoformat() if start else None, end=end.isoformat() if end else None,
                    precision=precision)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(d: date, text: str) -> TimeExpr:
    return _expr(text, d.isoformat(), d, d, "day")


def _week(monday: date, text: str) -> TimeExpr:
    iso = monday.isocalendar()
    return _expr(text, f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week")


def _month(year: int, month: int, text: str) -> TimeExpr:
    return _expr(text, f"{year}-{month:02d}", date(year, month, 1), _month_end(year, month), "month")


def _year(year: int, text: str) -> TimeExpr:
    return _expr(text, str(year), date(year, 1, 1), date(year, 12, 31), "year")


def _unresolved(text: str, timex: Optional[str] = None, precision: Optional[str] = None) -> TimeExpr:
    return _expr(text, timex, None, None, precision)


def _resolve_month_year(month: int, anchor: Optional[date], tense: str) -> Optional[int]:
    if anchor is None:
        return None
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _weekday(name: str, modifier: str, anchor: date, tense: str) -> date:
    target = WEEKDAYS.index(name)
    delta = (anchor.weekday() - target) % 7
    if modifier == "next" or (tense == "future" and modifier != "last"):
        ahead = (target - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    if modifier == "last" and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _season(name: str, modifier: str, year: Optional[int], anchor: Optional[date], text: str) -> TimeExpr:
    code, first, last = SEASONS[name]
    if year is None:
        if anchor is None:
            return _unresolved(text, None, "season")
        year = anchor.year
        # the season's start in the anchor's year; "last X" is the latest one that has ended
        started = date(year, first, 1) if code != "WI" else date(year - 1, 12, 1)
        ended = _month_end(year if code != "WI" else year, last)
        if modifier in ("last", "past"):
            if ended >= anchor:
                year -= 1
        elif modifier == "next":
            if started <= anchor:
                year += 1
        elif started > anchor:
            year -= 1
    start = date(year, first, 1) if code != "WI" else date(year - 1, 12, 1)
    end = _month_end(year, last)
    return _expr(text, f"{year}-{code}", start, end, "season")


def normalise(text: str, anchor: Optional[date], tense: str = "past") -> Optional[TimeExpr]:
    """A TimeExpr for one expression, or None when it is not a time expression we know."""
    t = _clean(text)
    for rule in RULES:
        m = rule[0].fullmatch(t)
        if m:
            return rule[1](m, anchor, tense, text)
    return _dateparser(text, anchor, tense)


def _r_weekday(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    if anchor is None:
        return _unresolved(text, None, "day")
    return _day(_weekday(m.group(2), modifier, anchor, tense), text)


def _r_relday(m: re.Match, anchor, tense, text):
    word = m.group(0)
    offset = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "overnight": -1, "tomorrow": 1, "the day before": None}.get(word)
    if anchor is None or offset is None:
        return _unresolved(text, "PRESENT_REF" if offset == 0 else None, "day")
    return _day(anchor + timedelta(days=offset), text)


def _count(word: str) -> Optional[int]:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _r_ago(m: re.Match, anchor, tense, text):
    n, unit = _count(m.group(1)), m.group(2)
    if n is None:
        return None
    if anchor is None:
        return _unresolved(text, None, unit)
    if unit == "day":
        return _day(anchor - timedelta(days=n), text)
    if unit == "week":
        d = anchor - timedelta(days=7 * n)
        return _week(d - timedelta(days=d.weekday()), text)
    if unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
        return _month(y, mo + 1, text)
    return _year(anchor.year - n, text)


def _r_relunit(m: re.Match, anchor, tense, text):
    modifier, unit = m.group(1), m.group(2)
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "earlier this": 0,
            "later this": 0, "next": 1, "coming": 1}[modifier]
    if anchor is None:
        return _unresolved(text, None, unit)
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * step)
        return _week(monday, text)
    if unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        expr = _month(y, mo + 1, text)
        if modifier == "earlier this":
            expr.end = anchor.isoformat()
        return expr
    expr = _year(anchor.year + step, text)
    if modifier == "earlier this":
        expr.end = anchor.isoformat()
    return expr


def _r_part_of_month(m: re.Match, anchor, tense, text):
    part, month, year = m.group(1), MONTHS[m.group(2)], m.group(3)
    y = int(year) if year else _resolve_month_year(month, anchor, tense)
    if y is None:
        return _unresolved(text, None, "week")
    last = calendar.monthrange(y, month)[1]
    if part in ("final week", "last week"):
        start, end, prec = date(y, month, last - 6), date(y, month, last), "week"
    elif part in ("first week",):
        start, end, prec = date(y, month, 1), date(y, month, 7), "week"
    elif part in ("second week",):
        start, end, prec = date(y, month, 8), date(y, month, 14), "week"
    elif part in ("third week",):
        start, end, prec = date(y, month, 15), date(y, month, 21), "week"
    elif part in ("early", "beginning", "start"):
        start, end, prec = date(y, month, 1), date(y, month, 10), "month"
    elif part in ("mid",):
        start, end, prec = date(y, month, 11), date(y, month, 20), "month"
    else:  # late, end
        start, end, prec = date(y, month, 21), date(y, month, last), "month"
    return _expr(text, f"{y}-{month:02d}", start, end, prec)


def _r_month(m: re.Match, anchor, tense, text):
    modifier, month, year = (m.group(1) or "").strip(), MONTHS[m.group(2)], m.group(3)
    if year:
        return _month(int(year), month, text)
    if anchor is None:
        return _unresolved(text, None, "month")
    t = "future" if modifier == "next" else ("past" if modifier == "last" else tense)
    y = _resolve_month_year(month, anchor, t)
    if modifier == "last" and month == anchor.month:
        y -= 1
    return _month(y, month, text)


def _r_season(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    year = int(m.group(3)) if m.group(3) else None
    return _season(m.group(2), modifier, year, anchor, text)


def _r_year(m: re.Match, anchor, tense, text):
    return _year(int(m.group(1)), text)


def _r_since(m: re.Match, anchor, tense, text):
    inner = normalise(m.group(1), anchor, "past")
    if inner is None or inner.start is None:
        return inner
    inner.text = text
    inner.end = anchor.isoformat() if anchor else None
    return inner


def _r_vague(m: re.Match, anchor, tense, text):
    word = m.group(0)
    if word in ("now", "currently", "at present", "nowadays"):
        return _unresolved(text, "PRESENT_REF", None)
    if word.startswith(("the future", "the coming")):
        return _unresolved(text, "FUTURE_REF", None)
    return _unresolved(text, "PAST_REF", None)


def _r_duration(m: re.Match, anchor, tense, text):
    n = _count(m.group(1)) if m.group(1) else 1
    unit = m.group(2)
    if n is None:
        return None
    return _unresolved(text, f"P{n}{UNIT_CODE[unit]}", None)


def _r_month_day(m: re.Match, anchor, tense, text):
    month_word = m.group(1) if m.group(1) else re.search(MONTH_RE, m.group(0)).group(1)
    day = int(m.group(2) or m.group(3))
    year = m.group(4)
    month = MONTHS[month_word]
    y = int(year) if year else _resolve_month_year(month, anchor, tense)
    if y is None or day > calendar.monthrange(y, month)[1]:
        return _unresolved(text, None, "day")
    return _day(date(y, month, day), text)




WD = "(" + "|".join(WEEKDAYS) + ")"
RULES = [
    (re.compile(r"(last |this |next |early |late )?" + WD + r"(?:'s)?(?: (?:morning|afternoon|evening|night))?"), _r_weekday),
    (re.compile(r"today|tonight|this morning|this afternoon|this evening|yesterday|last night|overnight|tomorrow"), _r_relday),
    (re.compile(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of) (day|week|month|year)s? ago"), _r_ago),
    (re.compile(r"(last|past|previous|this|current|earlier this|later this|next|coming) (week|month|year)"), _r_relunit),
    (re.compile(r"(?:the )?(final week|last week|first week|second week|third week|early|beginning|start|mid|late|end)(?: of)? " + MONTH_RE + r"(?: (\d{4}))?"), _r_part_of_month),
    (re.compile(r"(?:" + MONTH_RE + r" (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? (?:of )?"
                + MONTH_RE.replace("(jan", "(?:jan") + r")(?:,? (\d{4}))?"), _r_month_day),
    (re.compile(r"(last |this |next |early |late )?" + MONTH_RE + r"(?:,? (?:in |of )?(\d{4}))?"), _r_month),
    (re.compile(r"(?:the )?(last |this |next |past |early |late )?(spring|summer|autumn|fall|winter)(?: (?:of |in )?(\d{4}))?(?:'s)?"), _r_season),
    (re.compile(r"(?:the year )?((?:19|20)\d{2})"), _r_year),
    (re.compile(r"since (.+)"), _r_since),
    (re.compile(r"now|currently|at present|nowadays|recently|recent (?:days|weeks|months)|the past (?:few )?(?:days|weeks|months)|earlier|previously|the future|the coming (?:days|weeks|months)"), _r_vague),
    (re.compile(r"(?:(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) )?(day|week|month|year|hour)s?(?: long)?"), _r_duration),
]

def _dateparser(text: str, anchor: Optional[date], tense: str) -> Optional[TimeExpr]:
    """Absolute dates the rules do not cover (numeric forms, other orders)."""
    if not re.search(r"\d", text):
        return None
    from datetime import datetime

    import dateparser

    settings = {"PREFER_DATES_FROM": "future" if tense == "future" else "past",
                "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    elif not re.search(r"\b(19|20)\d{2}\b", text):
        return None
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(_clean(text))
    if not data or not data.date_obj:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return _month(d.year, d.month, text)
    if period == "year":
        return _year(d.year, text)
    if period == "week":
        return _week(d - timedelta(days=d.weekday()), text)
    return _day(d, text)
