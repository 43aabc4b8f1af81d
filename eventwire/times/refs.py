"""Times named by reference to an earlier one, resolved against the story's own time.

"That day", "the following year", "later that month", "the next morning" and a bare clock time
("was shot at 10 p.m.") count from the latest time the text named before them -- the reference
time of a narrative, as HeidelTime keeps it -- and from the publication date only when the text
named none. A retrospective ("on Friday, 21 July 1972 ... by the end of the day") keeps its day.
A bare clock time takes the day named in its paragraph or the one before ("killed 31 people on
Monday. // Medics said the strike hit the market shortly before midday"), not one further back.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from eventwire.times.rules import ANAPHOR_RE, anaphor_of, resolve_anaphor
from eventwire.times.words import clean

CLOCK_ONLY = re.compile(r"(?i)(?:(?:shortly|just|soon|sometime|at|about|around|by|until|before|after)\s+)*"
                        r"(?:\d{1,2}(?::\d\d)? ?[ap]\.?m\.?|noon|midday|midnight)(?: [A-Z]{3})?")
DATED = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")


class _Reference:
    """The latest day, month and year the text has named, each with where it was named."""

    def __init__(self) -> None:
        self.day: Optional[tuple[date, int]] = None
        self.month: Optional[tuple[date, int]] = None
        self.year: Optional[tuple[date, int]] = None

    def note(self, start: str, precision: str, at: int) -> None:
        d = date.fromisoformat(start)
        if precision == "day":
            self.day = (d, at)
        if precision in ("day", "week", "month"):
            self.month = (d, at)
        self.year = (d, at)

    def base(self, unit: str) -> Optional[date]:
        found = self.day if unit not in ("month", "year") else self.month if unit == "month" else self.year
        found = found or (self.month if unit == "week" else None) or (self.year if unit == "month" else None)
        return found[0] if found else None


def resolve(doc, mentions: list, published: Optional[date]) -> None:
    """Recount each reference ("that day") and bare clock time from the reference time before it."""
    ref = _Reference()
    for m in mentions:
        expr = m.expr
        hit = ANAPHOR_RE.fullmatch(clean(expr.text or ""))
        if hit:
            _recount(expr, hit, ref.base(anaphor_of(hit)[0]) or published)
        elif ref.day and published and _bare_clock_on(expr, published) and \
                doc.text.count("\n\n", ref.day[1], expr.start_char or 0) <= 1:
            day = ref.day[0].isoformat()  # "was shot at 10 p.m.": on the day the paragraph is about
            expr.timex, expr.start, expr.end = day + expr.timex[10:], day, day
        if expr.start and expr.source == "text" and expr.precision in DATED and expr.start_char is not None:
            ref.note(expr.start, expr.precision, expr.start_char)


def _recount(expr, hit: re.Match, base: Optional[date]) -> None:
    if base is None:
        return
    try:
        resolved = resolve_anaphor(hit, base, expr.text)
    except (OverflowError, ValueError):  # "the next day" after 9999-12-31: left as it was
        return
    expr.timex, expr.start, expr.end, expr.precision = resolved.timex, resolved.start, resolved.end, resolved.precision


def _bare_clock_on(expr, published: date) -> bool:
    """A clock time with no day of its own, which the time stage put on the publication date."""
    return bool(expr.timex and expr.timex.startswith(published.isoformat() + "T")
                and CLOCK_ONLY.fullmatch(expr.text or ""))
