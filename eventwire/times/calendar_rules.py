"""The core date rules of :mod:`eventwire.times.timex`: one function per kind of expression
(weekdays, relative days, "three days ago", "last month", months, days of a month, seasons, years,
decades, quarters, clock times, weekends, sets, reference words, bare durations) and ``RULES``,
the table of patterns over the cleaned expression that picks one. Each rule takes
``(match, anchor, tense, text)`` and returns a :class:`TimeExpr` (None: not a time expression).
"""
from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Optional

from eventwire.model import TimeExpr
from eventwire.times.values import (Fixed, count_word, day_expr, month_expr, month_year, nearest_year,
                                    quarter_expr, season_expr, shift, unresolved, value_expr, week_expr,
                                    weekday_date, year_expr)
from eventwire.times.words import MONTH_RE, MONTHS, WEEKDAYS, duration_value


PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
               "this morning": "TMO", "this afternoon": "TAF", "this evening": "TEV", "last night": "TNI"}


def _with_part(expr: TimeExpr, part: Optional[str]) -> TimeExpr:
    if part and expr.timex and part in PART_OF_DAY:
        expr.timex += PART_OF_DAY[part]
    return expr


def _r_weekday(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    if anchor is None:
        return unresolved(text, None, "day")
    return _with_part(day_expr(weekday_date(m.group(2), modifier, anchor, tense), text), m.group(3))


def _r_relday(m: re.Match, anchor, tense, text):
    word = m.group(0)
    offset = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "overnight": -1, "tomorrow": 1, "the day before": None}.get(word)
    if anchor is None or offset is None:
        return unresolved(text, "PRESENT_REF" if offset == 0 else None, "day")
    return _with_part(day_expr(anchor + timedelta(days=offset), text), word)


def _r_ago(m: re.Match, anchor, tense, text):
    vague = m.group(1) in ("several", "a few", "many")
    n, unit = (None if vague else count_word(m.group(1))), m.group(2)
    if m.group(3) in ("later", "after") or (m.group(3) in ("earlier", "before") and unit in ("day", "week")):
        # "three days later", "a day earlier": counted from an event the story told, not from the
        # publication date -- a duration (TimeML), no date of its own
        return unresolved(text, duration_value(n, unit), None)
    if vague:
        return unresolved(text, "PAST_REF", None)
    if n is not None and m.group(3) in ("later", "after", "from now", "hence"):
        n = -n
    if n is None:
        return None
    if anchor is None:
        return unresolved(text, None, unit)
    # "1000000 days ago": a count past the calendar's ends is left unresolved
    if unit in ("day", "week"):
        d = shift(anchor, -n * (7 if unit == "week" else 1))
        monday = shift(d, -d.weekday()) if d and unit == "week" else None
        if d is None:
            return unresolved(text, None, unit)
        if unit == "day":
            return day_expr(d, text)
        return week_expr(monday, text) if monday is not None else unresolved(text, None, unit)
    if unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
        return month_expr(y, mo + 1, text) if MINYEAR <= y <= MAXYEAR else unresolved(text, None, unit)
    y = anchor.year - n
    return year_expr(y, text) if MINYEAR <= y <= MAXYEAR else unresolved(text, None, unit)


def _r_relunit(m: "re.Match[str] | Fixed", anchor, tense, text):
    modifier, unit = m.group(1), m.group(2)
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "earlier this": 0,
            "later this": 0, "next": 1, "coming": 1}[modifier]
    if anchor is None:
        return unresolved(text, None, unit)
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * step)
        return week_expr(monday, text)
    if unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        expr = month_expr(y, mo + 1, text)
        if modifier == "earlier this":
            expr.end = anchor.isoformat()
        return expr
    expr = year_expr(anchor.year + step, text)
    if modifier == "earlier this":
        expr.end = anchor.isoformat()
    return expr


def _r_part_of_month(m: re.Match, anchor, tense, text):
    part, month, year = m.group(1), MONTHS[m.group(2)], m.group(3)
    y = int(year) if year else month_year(month, anchor, tense)
    if y is None:
        return unresolved(text, None, "week")
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
    return value_expr(text, f"{y}-{month:02d}", start, end, prec)


def _r_month(m: re.Match, anchor, tense, text):
    modifier, month, year = (m.group(1) or "").strip(), MONTHS[m.group(2)], m.group(3)
    if year:
        return month_expr(int(year), month, text)
    if anchor is None:
        return unresolved(text, None, "month")
    t = "future" if modifier == "next" else ("past" if modifier == "last" else tense)
    y = anchor.year if modifier == "this" else (month_year(month, anchor, t) or anchor.year)
    if modifier == "last" and month == anchor.month:
        y -= 1
    return month_expr(y, month, text)


def _r_season(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    year = int(m.group(3)) if m.group(3) else None
    return season_expr(m.group(2), modifier, year, anchor, text)


def _r_year(m: re.Match, anchor, tense, text):
    return year_expr(int(m.group(1)), text)


def _r_since(m: re.Match, anchor, tense, text):
    from eventwire.times.timex import normalise  # timex holds these rules: imported when used

    inner = normalise(m.group(1), anchor, "past")
    if inner is None or inner.start is None:
        return inner
    inner.text = text
    inner.end = anchor.isoformat() if anchor else None
    return inner


def _r_vague(m: re.Match, anchor, tense, text):
    word = m.group(0)
    if word in ("now", "right now", "currently", "at present", "nowadays", "these days"):
        return unresolved(text, "PRESENT_REF", None)
    if "future" in word:
        return unresolved(text, "FUTURE_REF", None)
    return unresolved(text, "PAST_REF", None)


def _r_duration(m: re.Match, anchor, tense, text):
    word, unit, plural = m.group(1), m.group(2), m.group(3)
    n = count_word(word) if word and word not in ("several", "a few", "few", "many") else (None if plural else 1)
    return unresolved(text, duration_value(n, unit), None)


def _r_set(m: re.Match, anchor, tense, text):
    word = m.group(0)
    named = re.fullmatch(r"(?:each|every) (?:" + WD + "|" + MONTH_RE + ")", word)
    if named:  # "every Thursday" XXXX-WXX-4, "each July" XXXX-07
        return unresolved(text, f"XXXX-WXX-{WEEKDAYS.index(named.group(1)) + 1}" if named.group(1)
                           else f"XXXX-{MONTHS[named.group(2)]:02d}", None)
    unit = next(u for u in ("day", "week", "month", "year", "hour") if u in word or
                {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "annual": "year",
                 "annually": "year", "yearly": "year", "hourly": "hour"}.get(word) == u)
    return unresolved(text, duration_value(1, unit), None)


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
        return unresolved(text, None, "quarter")
    else:
        year = anchor.year if q <= (anchor.month - 1) // 3 + 1 or tense == "future" else anchor.year - 1
    return quarter_expr(year, q, text)


def _r_clock(m: "re.Match[str] | Fixed", anchor, tense, text):
    if m.group(1) in ("noon", "midday", "midnight"):
        hour, minute = (0 if m.group(1) == "midnight" else 12), 0
    else:
        hour, minute, ampm = int(m.group(1)), int(m.group(2) or 0), m.group(3).replace(".", "")
        if hour > 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if anchor is None:
        return unresolved(text, f"T{hour:02d}:{minute:02d}", None)
    if m.group(4):  # "9 a.m. Tuesday", "5 p.m. EST Nov. 9": the clock on that day
        from eventwire.times.timex import normalise  # timex holds these rules: imported when used

        day = normalise(m.group(4), anchor, tense)
        if day is None or day.precision != "day" or day.start is None:
            return None
        anchor = date.fromisoformat(day.start)
    expr = day_expr(anchor, text)
    expr.timex = f"{anchor.isoformat()}T{hour:02d}:{minute:02d}"
    return expr


def _r_clock_groups(m: re.Match, anchor, tense, text):
    """Regroup (named time | hour, minute, am/pm) for _r_clock."""
    return _r_clock(Fixed(m.group(1) or m.group(2), m.group(3), m.group(4), m.group(5)), anchor, tense, text)


def _r_decade(m: re.Match, anchor, tense, text):
    year = int(m.group(1))
    return value_expr(text, str(year)[:3], date(year, 1, 1), date(year + 9, 12, 31), "decade")


def _r_weekend(m: re.Match, anchor, tense, text):
    modifier = (m.group(1) or "").strip()
    if anchor is None:
        return unresolved(text, None, "week")
    step = {"last": -1, "next": 1, "this": 0, "": 0 if tense != "past" or anchor.weekday() >= 5 else -1}[modifier]
    saturday = anchor + timedelta(days=5 - anchor.weekday() + 7 * step)
    iso = saturday.isocalendar()
    return value_expr(text, f"{iso[0]}-W{iso[1]:02d}-WE", saturday, saturday + timedelta(days=1), "week")


def _r_month_day(m: re.Match, anchor, tense, text):
    named = m.group(2) or re.search(MONTH_RE, m.group(0)[m.start(4) - m.start(0):])
    weekday, month_word = m.group(1), named if isinstance(named, str) else named.group(1) if named else None
    day = int(m.group(3) or m.group(4))
    year = m.group(5)
    if month_word not in MONTHS:
        return unresolved(text, None, "day")
    month = MONTHS[month_word]
    y = int(year) if year else nearest_year(month, day, anchor, tense)
    if y is None or day > calendar.monthrange(y, month)[1]:
        return unresolved(text, None, "day")
    if weekday and not year:  # "Monday, Oct. 26": the year in which that date is a Monday
        fits = [yy for yy in (y, y - 1, y + 1) if day <= calendar.monthrange(yy, month)[1]
                and date(yy, month, day).weekday() == WEEKDAYS.index(weekday)]
        y = fits[0] if fits else y
    return day_expr(date(y, month, day), text)


def _r_month_relyear(m: re.Match, anchor, tense, text):
    month, step = MONTHS[m.group(1)], {"this": 0, "last": -1, "next": 1}[m.group(2)]
    if anchor is None:
        return unresolved(text, None, "month")
    return month_expr(anchor.year + step, month, text)




WD = "(" + "|".join(WEEKDAYS) + ")"
RULES = [
    (re.compile(r"(last |this |next |early |late )?" + WD + r"(?:'s)?(?: (morning|afternoon|evening|night))?"), _r_weekday),
    (re.compile(r"today|tonight|this morning|this afternoon|this evening|yesterday|last night|overnight|tomorrow"), _r_relday),
    (re.compile(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|several|a few|many|a couple of) (day|week|month|year)s? (ago|earlier|before|later|after|from now|hence)"), _r_ago),
    (re.compile(r"(last|past|previous|this|current|earlier this|later this|next|coming) (week|month|year)"), _r_relunit),
    (re.compile(r"the (year|month|week)"), lambda m, a, t, text: _r_relunit(Fixed("this", m.group(1)), a, t, text)),
    (re.compile(r"the day"), lambda m, a, t, text: day_expr(a, text) if a else unresolved(text, None, "day")),
    # "the quarter ended Sept. 30", "its fiscal year": a period the article's context dates (times.py)
    (re.compile(r"(?:the|its) (?:fiscal )?quarter"), lambda m, a, t, text: unresolved(text, "P1Q", None)),
    (re.compile(r"(?:the|its) fiscal year"), lambda m, a, t, text: unresolved(text, "P1Y", None)),
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
    (re.compile(r"recent (day|week|month|year)s"), lambda m, a, t, text: unresolved(text, duration_value(None, m.group(1)), None)),
    (re.compile(r"now|right now|currently|at present|nowadays|these days|recently|earlier|previously|formerly|once|the future|future|the past|past|in the future"), _r_vague),
    (re.compile(r"(?:the )?(?:(?:past|last|next|previous|coming|first|final) )?(?:(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|few|many) )?(day|week|month|year|decade|century|hour|minute|second)(s)?(?: long| old)?"), _r_duration),
]
