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
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache
from typing import Optional

from eventwire.times import rules as timerules
from eventwire.model import TimeExpr
from eventwire.times.words import (MONTH_RE, MONTHS, NUMBER_WORDS, SEASONS, WEEKDAYS, clean as _clean, duration_value)

def _expr(text: Optional[str], timex: Optional[str], start: Optional[date], end: Optional[date],
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
    if tense == "present":
        back = (anchor.month - month) % 12
        return anchor.year + (1 if month < anchor.month else 0) if 0 < (month - anchor.month) % 12 < back else \
            anchor.year - (1 if month > anchor.month else 0)
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _weekday(name: str, modifier: str, anchor: date, tense: str) -> date:
    target = WEEKDAYS.index(name)
    delta = (anchor.weekday() - target) % 7
    if tense == "present" and not modifier:  # "meets Thursday": the nearer one, the past on a tie
        ahead = (target - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead) if 0 < ahead < delta else anchor - timedelta(days=delta)
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
        elif modifier != "this" and started > anchor:
            year -= 1
    start = date(year, first, 1) if code != "WI" else date(year - 1, 12, 1)
    end = _month_end(year, last)
    return _expr(text, f"{year}-{code}", start, end, "season")


def normalise(text: str, anchor: Optional[date], tense: str = "past") -> Optional[TimeExpr]:
    """A TimeExpr for one expression, or None when it is not a time expression we know. A date the
    calendar cannot hold (before year 1 or after 9999) is left unresolved."""
    try:
        return _normalise(text, anchor, tense)
    except (OverflowError, ValueError):  # an anchor at the calendar's edge ("yesterday" on 0001-01-01)
        return _unresolved(text)


def _normalise(text: str, anchor: Optional[date], tense: str) -> Optional[TimeExpr]:
    t = _clean(text)
    owned, expr = timerules.match(t, anchor, tense, text)  # durations, sets, holidays, parts of years
    if owned:
        return expr
    for rule in RULES:
        m = rule[0].fullmatch(t)
        if m:
            return rule[1](m, anchor, tense, text)
    parsed = _dateparser(text, anchor, tense)
    if parsed is not None:
        return parsed
    # "between 1994 and 1997", "midday Thursday": the longest known expression inside
    best = None
    for rule in RULES[:-3]:
        for m in rule[0].finditer(t):
            if m.group(0) and (best is None or len(m.group(0)) > len(best[0].group(0))) and \
                    (m.start() == 0 or t[m.start() - 1] == " ") and (m.end() == len(t) or t[m.end()] == " "):
                best = (m, rule[1])
    return best[1](best[0], anchor, tense, text) if best else None


PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
               "this morning": "TMO", "this afternoon": "TAF", "this evening": "TEV", "last night": "TNI"}


def _with_part(expr: TimeExpr, part: Optional[str]) -> TimeExpr:
    if part and expr.timex and part in PART_OF_DAY:
        expr.timex += PART_OF_DAY[part]
    return expr


def _r_weekday(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    if anchor is None:
        return _unresolved(text, None, "day")
    return _with_part(_day(_weekday(m.group(2), modifier, anchor, tense), text), m.group(3))


def _r_relday(m: re.Match, anchor, tense, text):
    word = m.group(0)
    offset = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "overnight": -1, "tomorrow": 1, "the day before": None}.get(word)
    if anchor is None or offset is None:
        return _unresolved(text, "PRESENT_REF" if offset == 0 else None, "day")
    return _with_part(_day(anchor + timedelta(days=offset), text), word)


def _count(word: str) -> Optional[int]:
    if word.isdigit():  # more days than the calendar holds is no count of time (and int() refuses 4,300 digits)
        return int(word) if len(word) <= 8 else None
    return NUMBER_WORDS.get(word)


def _shift(anchor: date, days: int) -> Optional[date]:
    """anchor + days, or None past the calendar's ends."""
    try:
        return anchor + timedelta(days=days)
    except OverflowError:
        return None


def _r_ago(m: re.Match, anchor, tense, text):
    vague = m.group(1) in ("several", "a few", "many")
    n, unit = (None if vague else _count(m.group(1))), m.group(2)
    if m.group(3) in ("later", "after") or (m.group(3) in ("earlier", "before") and unit in ("day", "week")):
        # "three days later", "a day earlier": counted from an event the story told, not from the
        # publication date -- a duration (TimeML), no date of its own
        return _unresolved(text, duration_value(n, unit), None)
    if vague:
        return _unresolved(text, "PAST_REF", None)
    if n is not None and m.group(3) in ("later", "after", "from now", "hence"):
        n = -n
    if n is None:
        return None
    if anchor is None:
        return _unresolved(text, None, unit)
    # "1000000 days ago": a count past the calendar's ends is left unresolved
    if unit in ("day", "week"):
        d = _shift(anchor, -n * (7 if unit == "week" else 1))
        monday = _shift(d, -d.weekday()) if d and unit == "week" else None
        if d is None:
            return _unresolved(text, None, unit)
        if unit == "day":
            return _day(d, text)
        return _week(monday, text) if monday is not None else _unresolved(text, None, unit)
    if unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
        return _month(y, mo + 1, text) if MINYEAR <= y <= MAXYEAR else _unresolved(text, None, unit)
    y = anchor.year - n
    return _year(y, text) if MINYEAR <= y <= MAXYEAR else _unresolved(text, None, unit)


def _r_relunit(m: "re.Match[str] | _Fixed", anchor, tense, text):
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


class _Fixed:
    """A stand-in match with fixed groups, to reuse a rule for a paraphrase ("the year" = "this year")."""
    def __init__(self, *groups):
        self.groups_ = groups

    def group(self, i):
        return self.groups_[i - 1]


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
    y = anchor.year if modifier == "this" else (_resolve_month_year(month, anchor, t) or anchor.year)
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
    if word in ("now", "right now", "currently", "at present", "nowadays", "these days"):
        return _unresolved(text, "PRESENT_REF", None)
    if "future" in word:
        return _unresolved(text, "FUTURE_REF", None)
    return _unresolved(text, "PAST_REF", None)


def _r_duration(m: re.Match, anchor, tense, text):
    word, unit, plural = m.group(1), m.group(2), m.group(3)
    n = _count(word) if word and word not in ("several", "a few", "few", "many") else (None if plural else 1)
    return _unresolved(text, duration_value(n, unit), None)


def _r_set(m: re.Match, anchor, tense, text):
    word = m.group(0)
    named = re.fullmatch(r"(?:each|every) (?:" + WD + "|" + MONTH_RE + ")", word)
    if named:  # "every Thursday" XXXX-WXX-4, "each July" XXXX-07
        return _unresolved(text, f"XXXX-WXX-{WEEKDAYS.index(named.group(1)) + 1}" if named.group(1)
                           else f"XXXX-{MONTHS[named.group(2)]:02d}", None)
    unit = next(u for u in ("day", "week", "month", "year", "hour") if u in word or
                {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "annual": "year",
                 "annually": "year", "yearly": "year", "hourly": "hour"}.get(word) == u)
    return _unresolved(text, duration_value(1, unit), None)


def _r_quarter(m: re.Match, anchor, tense, text):
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m.group(2)]
    lead = (m.group(1) or "").strip()
    if m.group(3) or re.fullmatch(r"(?:19|20)\d{2}", lead):
        year = int(m.group(3) or lead)
    elif lead in ("next year", "next year's") and anchor:
        year = anchor.year + 1
    elif lead in ("last year", "last year's", "year ago", "year earlier", "year-ago", "year-earlier") and anchor:
        year = anchor.year - 1
    elif anchor is None:
        return _unresolved(text, None, "quarter")
    else:
        year = anchor.year if q <= (anchor.month - 1) // 3 + 1 or tense == "future" else anchor.year - 1
    return quarter_expr(year, q, text)


def quarter_expr(year: int, q: int, text: Optional[str]) -> TimeExpr:
    """1989-Q3: July 1 to September 30."""
    return _expr(text, f"{year}-Q{q}", date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")


def _r_clock(m: "re.Match[str] | _Fixed", anchor, tense, text):
    if m.group(1) in ("noon", "midday", "midnight"):
        hour, minute = (0 if m.group(1) == "midnight" else 12), 0
    else:
        hour, minute, ampm = int(m.group(1)), int(m.group(2) or 0), m.group(3).replace(".", "")
        if hour > 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if anchor is None:
        return _unresolved(text, f"T{hour:02d}:{minute:02d}", None)
    if m.group(4):  # "9 a.m. Tuesday", "5 p.m. EST Nov. 9": the clock on that day
        day = normalise(m.group(4), anchor, tense)
        if day is None or day.precision != "day" or day.start is None:
            return None
        anchor = date.fromisoformat(day.start)
    expr = _day(anchor, text)
    expr.timex = f"{anchor.isoformat()}T{hour:02d}:{minute:02d}"
    return expr


def _r_clock_groups(m: re.Match, anchor, tense, text):
    """Regroup (named time | hour, minute, am/pm) for _r_clock."""
    return _r_clock(_Fixed(m.group(1) or m.group(2), m.group(3), m.group(4), m.group(5)), anchor, tense, text)


def _r_decade(m: re.Match, anchor, tense, text):
    year = int(m.group(1))
    return _expr(text, str(year)[:3], date(year, 1, 1), date(year + 9, 12, 31), "decade")


def _r_weekend(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    if anchor is None:
        return _unresolved(text, None, "week")
    step = {"last": -1, "next": 1, "this": 0, "": 0 if tense != "past" or anchor.weekday() >= 5 else -1}[modifier]
    saturday = anchor + timedelta(days=5 - anchor.weekday() + 7 * step)
    iso = saturday.isocalendar()
    return _expr(text, f"{iso[0]}-W{iso[1]:02d}-WE", saturday, saturday + timedelta(days=1), "week")


def _r_month_day(m: re.Match, anchor, tense, text):
    named = m.group(2) or re.search(MONTH_RE, m.group(0)[m.start(4) - m.start(0):])
    weekday, month_word = m.group(1), named if isinstance(named, str) else named.group(1) if named else None
    day = int(m.group(3) or m.group(4))
    year = m.group(5)
    if month_word not in MONTHS:
        return _unresolved(text, None, "day")
    month = MONTHS[month_word]
    y = int(year) if year else _nearest_year(month, day, anchor, tense)
    if y is None or day > calendar.monthrange(y, month)[1]:
        return _unresolved(text, None, "day")
    if weekday and not year:  # "Monday, Oct. 26": the year in which that date is a Monday
        fits = [yy for yy in (y, y - 1, y + 1) if day <= calendar.monthrange(yy, month)[1]
                and date(yy, month, day).weekday() == WEEKDAYS.index(weekday)]
        y = fits[0] if fits else y
    return _day(date(y, month, day), text)


def _nearest_year(month: int, day: int, anchor: Optional[date], tense: str) -> Optional[int]:
    """A day without a year is within months of the story: the nearest such date, with the tense
    as a tie-breaker worth three months ("payable Dec. 10" in November is this December)."""
    if anchor is None:
        return None
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day > calendar.monthrange(y, month)[1]:
            continue
        delta = (date(y, month, day) - anchor).days
        cost = abs(delta) + (90 if tense == "past" and delta > 0 else 0) + (90 if tense == "future" and delta < 0 else 0)
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


def _r_month_relyear(m: re.Match, anchor, tense, text):
    month, step = MONTHS[m.group(1)], {"this": 0, "last": -1, "next": 1}[m.group(2)]
    if anchor is None:
        return _unresolved(text, None, "month")
    return _month(anchor.year + step, month, text)




WD = "(" + "|".join(WEEKDAYS) + ")"
RULES = [
    (re.compile(r"(last |this |next |early |late )?" + WD + r"(?:'s)?(?: (morning|afternoon|evening|night))?"), _r_weekday),
    (re.compile(r"today|tonight|this morning|this afternoon|this evening|yesterday|last night|overnight|tomorrow"), _r_relday),
    (re.compile(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|several|a few|many|a couple of) (day|week|month|year)s? (ago|earlier|before|later|after|from now|hence)"), _r_ago),
    (re.compile(r"(last|past|previous|this|current|earlier this|later this|next|coming) (week|month|year)"), _r_relunit),
    (re.compile(r"the (year|month|week)"), lambda m, a, t, text: _r_relunit(_Fixed("this", m.group(1)), a, t, text)),
    # "the quarter ended Sept. 30", "its fiscal year": a period the article's context dates (times.py)
    (re.compile(r"(?:the|its) (?:fiscal )?quarter"), lambda m, a, t, text: _unresolved(text, "P1Q", None)),
    (re.compile(r"(?:the|its) fiscal year"), lambda m, a, t, text: _unresolved(text, "P1Y", None)),
    (re.compile(r"(?:the )?(final week|last week|first week|second week|third week|early|beginning|start|mid|late|end)(?: of)? " + MONTH_RE + r"(?: (\d{4}))?"), _r_part_of_month),
    (re.compile(r"(?:(?:last|this|next) )?(?:" + WD + r",? )?(?:" + MONTH_RE + r" (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? (?:of )?"
                + MONTH_RE.replace("(jan", "(?:jan") + r")(?:,? (\d{4}))?"), _r_month_day),
    (re.compile(MONTH_RE + r",? (this|last|next) year"), _r_month_relyear),
    (re.compile(r"(last |this |next |early |late )?" + MONTH_RE + r"(?:,? (?:in |of )?(\d{4}))?"), _r_month),
    (re.compile(r"(?:the )?(last |this |next |past |early |late )?(spring|summer|autumn|fall|winter)(?: (?:of |in )?(\d{4}))?(?:'s)?"), _r_season),
    (re.compile(r"(?:the year |fiscal )?((?:19|20)\d{2})"), _r_year),
    (re.compile(r"(?:the )?((?:19|20)\d0)s"), _r_decade),
    (re.compile(r"(?:the |its |as early as )?((?:19|20)\d{2}|next year(?:'s)?|last year(?:'s)?|year ago|year earlier)? ?(first|1st|second|2nd|third|3rd|fourth|4th) (?:fiscal )?quarter(?: of (?:fiscal )?((?:19|20)\d{2}))?(?: ended .*)?"), _r_quarter),
    (re.compile(r"(?:at |about |around )?(?:(noon|midday|midnight)|(\d{1,2})(?::(\d{2}))? ?([ap]\.?m\.?))(?: (?:[ecmp][sd]t|gmt|utc|bst|cet))?(?:,? (?:on )?(.+))?"), _r_clock_groups),
    (re.compile(r"(last |this |next )?weekend"), _r_weekend),
    (re.compile(r"daily|nightly|weekly|monthly|annual|annually|yearly|hourly|(?:every|each) (?:day|week|month|year|" + WD[1:-1] + "|" + MONTH_RE[1:-4] + ")|per (?:day|week|month|year)|a (?:day|week|month|year)"), _r_set),
    (re.compile(r"since (.+)"), _r_since),
    (re.compile(r"recent (day|week|month|year)s"), lambda m, a, t, text: _unresolved(text, duration_value(None, m.group(1)), None)),
    (re.compile(r"now|right now|currently|at present|nowadays|these days|recently|earlier|previously|formerly|once|the future|future|the past|past|in the future"), _r_vague),
    (re.compile(r"(?:the )?(?:(?:past|last|next|previous|coming|first|final) )?(?:(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|few|many) )?(day|week|month|year|decade|century|hour|minute|second)(s)?(?: long| old)?"), _r_duration),
]

@lru_cache(maxsize=16)
def _date_parser(anchor: Optional[date], prefer: str):
    """dateparser's parser for one anchor and direction (building one costs more than parsing)."""
    from datetime import datetime

    import dateparser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if anchor:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, anchor: Optional[date], tense: str) -> Optional[TimeExpr]:
    """Absolute dates the rules do not cover (numeric forms, other orders)."""
    if not re.search(r"\b(?:19|20)\d{2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|" + MONTH_RE, text.lower()):
        return None
    if anchor is None and not re.search(r"\b(19|20)\d{2}\b", text):
        return None
    data = _date_parser(anchor, "future" if tense == "future" else "past").get_date_data(_clean(text))
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
