"""TimeML values of calendar units (a day, an ISO week, a month, a quarter, a season, a year) and
the arithmetic that picks which one an expression means from the anchor (the publication date)
and the tense of its verb ("Tuesday" in the past is the one before the anchor).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Optional

from eventwire.model import TimeExpr
from eventwire.times.words import NUMBER_WORDS, SEASONS, WEEKDAYS


def value_expr(text: Optional[str], timex: Optional[str], start: Optional[date], end: Optional[date],
          precision: Optional[str]) -> TimeExpr:
    return TimeExpr(text=text, start_char=None, end_char=None, timex=timex,
                    start=start.isoformat() if start else None, end=end.isoformat() if end else None,
                    precision=precision)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day_expr(d: date, text: str) -> TimeExpr:
    return value_expr(text, d.isoformat(), d, d, "day")


def week_expr(monday: date, text: str) -> TimeExpr:
    iso = monday.isocalendar()
    return value_expr(text, f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week")


def month_expr(year: int, month: int, text: str) -> TimeExpr:
    return value_expr(text, f"{year}-{month:02d}", date(year, month, 1), month_end(year, month), "month")


def year_expr(year: int, text: str) -> TimeExpr:
    return value_expr(text, str(year), date(year, 1, 1), date(year, 12, 31), "year")


def unresolved(text: str, timex: Optional[str] = None, precision: Optional[str] = None) -> TimeExpr:
    return value_expr(text, timex, None, None, precision)


def month_year(month: int, anchor: Optional[date], tense: str) -> Optional[int]:
    if anchor is None:
        return None
    if tense == "present":
        back = (anchor.month - month) % 12
        return anchor.year + (1 if month < anchor.month else 0) if 0 < (month - anchor.month) % 12 < back else \
            anchor.year - (1 if month > anchor.month else 0)
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def weekday_date(name: str, modifier: str, anchor: date, tense: str) -> date:
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


def season_expr(name: str, modifier: str, year: Optional[int], anchor: Optional[date], text: str) -> TimeExpr:
    code, first, last = SEASONS[name]
    if year is None:
        if anchor is None:
            return unresolved(text, None, "season")
        year = anchor.year
        # the season's start in the anchor's year; "last X" is the latest one that has ended
        started = date(year, first, 1) if code != "WI" else date(year - 1, 12, 1)
        ended = month_end(year if code != "WI" else year, last)
        if modifier in ("last", "past"):
            if ended >= anchor:
                year -= 1
        elif modifier == "next":
            if started <= anchor:
                year += 1
        elif modifier != "this" and started > anchor:
            year -= 1
    start = date(year, first, 1) if code != "WI" else date(year - 1, 12, 1)
    end = month_end(year, last)
    return value_expr(text, f"{year}-{code}", start, end, "season")



def count_word(word: str) -> Optional[int]:
    if word.isdigit():  # more days than the calendar holds is no count of time (and int() refuses 4,300 digits)
        return int(word) if len(word) <= 8 else None
    return NUMBER_WORDS.get(word)


def shift(anchor: date, days: int) -> Optional[date]:
    """anchor + days, or None past the calendar's ends."""
    try:
        return anchor + timedelta(days=days)
    except OverflowError:
        return None



class Fixed:
    """A stand-in match with fixed groups, to reuse a rule for a paraphrase ("the year" = "this year")."""
    def __init__(self, *groups):
        self.groups_ = groups

    def group(self, i):
        return self.groups_[i - 1]



def quarter_expr(year: int, q: int, text: Optional[str]) -> TimeExpr:
    """1989-Q3: July 1 to September 30."""
    return value_expr(text, f"{year}-Q{q}", date(year, 3 * q - 2, 1), month_end(year, 3 * q), "quarter")



def nearest_year(month: int, day: int, anchor: Optional[date], tense: str) -> Optional[int]:
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
