"""Normalise time expressions to TimeML values, resolved against the publication date.

``normalise(text, anchor, tense)`` turns one expression ("on Tuesday", "the final week of
December", "last autumn", "since 2022", "three days ago") into a :class:`TimeExpr` value with
``timex``, ``start``, ``end`` and ``precision``. The project's own rules cover the news
expressions that general parsers get wrong (dateparser reads a bare "December" as the next
one); dateparser handles the remaining absolute dates. With no anchor, relative expressions
stay unresolved (``start`` is None): an anchor is never invented.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from eventwire.model import TimeExpr
from eventwire.times import rules as timerules
from eventwire.times.calendar_rules import RULES
from eventwire.times.values import day_expr, month_expr, quarter_expr, unresolved, week_expr, year_expr
from eventwire.times.words import MONTH_RE, clean as _clean

__all__ = ["normalise", "quarter_expr"]


def normalise(text: str, anchor: Optional[date], tense: str = "past") -> Optional[TimeExpr]:
    """A TimeExpr for one expression, or None when it is not a time expression we know. A date the
    calendar cannot hold (before year 1 or after 9999) is left unresolved."""
    try:
        return _normalise(text, anchor, tense)
    except (OverflowError, ValueError):  # an anchor at the calendar's edge ("yesterday" on 0001-01-01)
        return unresolved(text)


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
        return month_expr(d.year, d.month, text)
    if period == "year":
        return year_expr(d.year, text)
    if period == "week":
        return week_expr(d - timedelta(days=d.weekday()), text)
    return day_expr(d, text)
