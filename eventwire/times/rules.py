"""The rest of TimeML on the product path: the expressions the core rules of :mod:`eventwire.timex`
leave out, normalised as TimeBank writes them.

Durations with a count or an approximator ("nearly five months" P5M, "2 1/2 years" P2Y6M, "the
past two quarters" P2Q, "eight trading days" P8D), sets ("every day" P1D, "every morning"
XXXX-XX-XXTMO, "quarterly" P3M), reference words ("current" PRESENT_REF, "the past" PAST_REF,
"the near future" FUTURE_REF), centuries ("the 20th century" 19), decades ("the '80s" 198),
holidays ("Thanksgiving Day", "Easter week"), parts of a year ("the first three months of the
year" 2025-Q1, "the first half of 1990" 1990-H1, "year end") and parts of a day ("early Friday
morning"). Ages ("a 6-year-old") and the adjective "annual" are no time expressions in TimeBank.

``match(t, anchor, tense, text)`` is tried on the cleaned text ``t`` before timex's own rules and
returns ``(True, expr)`` when a rule here owns the expression (``expr`` None: not a time
expression at all), else ``(False, None)``. Anchored durations ("the past two weeks") carry the
dates they cover, with precision ``range``.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable, Optional

from eventwire.model import TimeExpr
from eventwire.times.words import COUNT_RE, LEXICON, MONTH_RE, MONTHS, WEEKDAYS, count_of, duration_value

Result = tuple[bool, Optional[TimeExpr]]
NOT_MINE: Result = (False, None)
UNIT = r"(day|week|month|year|decade|centur(?:y|ie)|millenni(?:um|a)|hour|minute|second|quarter|fortnight)"
VAGUE = "|".join(LEXICON["vague_counts"])
FILLERS = r"(?:(?:" + "|".join(LEXICON["count_fillers"]) + r") )*"
WD = "(" + "|".join(WEEKDAYS) + ")"
PARTS = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
ORDINAL = {**LEXICON["ordinals"], "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
REFERENCES = {w: value for value, words in LEXICON["references"].items() for w in words}


def dated(text: str, timex: Optional[str], start: date, end: date, precision: str) -> TimeExpr:
    return TimeExpr(text=text, start_char=None, end_char=None, timex=timex, start=start.isoformat(),
                    end=end.isoformat(), precision=precision)


def undated(text: str, timex: Optional[str], precision: Optional[str] = None) -> TimeExpr:
    return TimeExpr(text=text, start_char=None, end_char=None, timex=timex, precision=precision)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _unit_of(word: str) -> str:
    return "millennium" if word.startswith("millenni") else "century" if word.startswith("centur") else word


# -- durations ------------------------------------------------------------------------------
def _r_duration(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    modifier, count, unit, plural = m.group(1), m.group(2), _unit_of(m.group(3)), m.group(4)
    if count is None and not plural and unit not in ("fortnight", "decade", "century", "millennium"):
        return NOT_MINE  # "the year", "past week": a date (timex's rules), not a length
    vague = count is None and bool(plural) or (count or "") in LEXICON["vague_counts"]
    n = None if vague else (count_of(count) if count else 1)
    if n is None and not vague:
        return NOT_MINE
    if n is not None and m.group(5):  # "a minute and a half"
        n += 0.5
    value = duration_value(n, unit)
    if anchor is None or n is None or modifier not in ("past", "last", "next", "coming", "previous") \
            or unit in ("hour", "minute", "second") or n != int(n):
        return True, undated(text, value)
    # "the past two weeks" ends at the anchor, "the next three months" starts there: the dates it covers
    days = {"day": 1, "week": 7, "fortnight": 14}.get(unit)
    step = int(n) * (days or 0)
    months = int(n) * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 0)
    if modifier in ("next", "coming"):
        end = anchor + timedelta(days=step) if days else add_months(anchor, months)
        return True, dated(text, value, anchor, end, "range")
    start = anchor - timedelta(days=step) if days else add_months(anchor, -months)
    return True, dated(text, value, start, anchor, "range")


def _r_count_range(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'two to three weeks', 'a year or two': the first count, as TimeBank writes it (P2W)."""
    n = count_of(m.group(1))
    return (True, undated(text, duration_value(n, _unit_of(m.group(3))))) if n is not None else NOT_MINE


# -- sets -----------------------------------------------------------------------------------
def _r_every(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    other, word = m.group(1), m.group(2)
    if word in LEXICON["set_units"]:
        value = LEXICON["set_units"][word]
        return True, undated(text, value.replace("1", "2", 1) if other and value.startswith("P") else value)
    if word in WEEKDAYS:
        return True, undated(text, f"XXXX-WXX-{WEEKDAYS.index(word) + 1}")
    return True, undated(text, f"XXXX-{MONTHS[word]:02d}")


def _r_per(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'a day', 'twice a week', 'three times a year', 'per month': the period (P1D)."""
    return True, undated(text, LEXICON["set_units"][m.group(1)])


# -- reference words, ages --------------------------------------------------------------------
def _r_reference(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    return True, undated(text, REFERENCES[m.group(0)])


def _r_not_time(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    return True, None


# -- centuries, decades, years ------------------------------------------------------------------
def _r_century(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    n = int(m.group(1)) if m.group(1) else ORDINAL.get(m.group(2) or "")
    if not n or n > 99:
        return NOT_MINE
    first = max(1, (n - 1) * 100)
    return True, dated(text, f"{n - 1:02d}", date(first, 1, 1), date((n - 1) * 100 + 99, 12, 31), "century")


def _r_this_century(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    word = m.group(1)
    if word in ("this", "the current", "the past"):  # "the worst this century": TimeBank's P100Y
        return True, undated(text, "P100Y")
    if anchor is None:
        return True, undated(text, None, "century")
    c = anchor.year // 100 + (1 if word == "next" else -1)
    return True, dated(text, f"{c:02d}", date(max(1, c * 100), 1, 1), date(c * 100 + 99, 12, 31), "century")


def _r_short_decade(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'the '80s', 'the eighties': the latest such decade begun by the anchor year (198)."""
    d = int(m.group(1)[0]) if m.group(1) else LEXICON["decade_words"][m.group(2)]
    now = anchor.year if anchor else 1999  # without an anchor the twentieth century's, as most texts mean
    year = max(y for y in (1900 + 10 * d, 2000 + 10 * d) if y <= max(now, 1900 + 10 * d))
    return True, dated(text, str(year)[:3], date(year, 1, 1), date(year + 9, 12, 31), "decade")


def _r_pre_post_year(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    year = int(m.group(1))
    return True, dated(text, str(year), date(year, 1, 1), date(year, 12, 31), "year")


# -- holidays -------------------------------------------------------------------------------
def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * mm + 114, 31)
    return date(year, month, day + 1)


def holiday_in(name: str, year: int) -> date:
    rule = LEXICON["holidays"][name]
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "weekday" in rule:
        first = date(year, rule["month"], rule["on_or_after"])
        return first + timedelta(days=(rule["weekday"] - first.weekday()) % 7)
    return date(year, rule["month"], rule["day"])


def _holiday_year(name: str, modifier: str, anchor: date, tense: str) -> int:
    days = {y: holiday_in(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    if LEXICON["holidays"][name].get("week"):  # a week counts from its Monday ("as Easter week began")
        days = {y: d - timedelta(days=d.weekday()) for y, d in days.items()}
    if modifier == "this":
        return anchor.year
    if modifier == "last" or (not modifier and tense == "past"):
        return max(y for y, d in days.items() if d <= anchor)
    if modifier == "next" or tense == "future":
        return min(y for y, d in days.items() if d >= anchor)
    return min(days, key=lambda y: abs((days[y] - anchor).days))


def _r_holiday(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    modifier, name, year = (m.group(1) or "").strip(), m.group(2), m.group(3)
    if year:
        y = int(year)
    elif anchor is None:
        return True, undated(text, None, "day")
    else:
        y = _holiday_year(name, modifier, anchor, tense)
    day = holiday_in(name, y)
    if LEXICON["holidays"][name].get("week"):  # "Easter week": the week that ends on Easter Sunday
        monday = day - timedelta(days=day.weekday())
        iso = monday.isocalendar()
        return True, dated(text, f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week")
    return True, dated(text, day.isoformat(), day, day, "day")


# -- parts of a year ------------------------------------------------------------------------
def _year_of(m_year: Optional[str], relative: Optional[str], anchor: Optional[date]) -> Optional[int]:
    if m_year:
        return int(m_year)
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get(relative or "", 0)


def _r_first_months(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'the first three months of the year' 2025-Q1, 'the first nine months' P9M: January to that month."""
    n = count_of(m.group(1))
    if n is None or not 1 <= n <= 12 or n != int(n):
        return NOT_MINE
    n = int(n)
    value = {3: "Q1", 6: "H1"}.get(n)
    year = _year_of(m.group(3), m.group(2), anchor)
    if year is None:
        return True, undated(text, f"P{n}M")
    start, end = date(year, 1, 1), month_end(year, n)
    precision = {3: "quarter", 6: "half"}.get(n, "range")
    return True, dated(text, f"{year}-{value}" if value else f"P{n}M", start, end, precision)


def _r_half(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'the first half' 2025-H1, 'the last half of 1989' 1989-H2, 'the first two quarters of 1990' 1990-H1."""
    half = 2 if m.group(1) in ("second", "last", "latter", "back") else 1
    year = _year_of(m.group(3), m.group(2), anchor)
    if year is None:
        return True, undated(text, None, "half")
    return True, dated(text, f"{year}-H{half}", date(year, 6 * half - 5, 1), month_end(year, 6 * half), "half")


def _r_year_end(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'year end', 'the end of the year', 'the end of 1972': the year (TimeML mod END), dated its December."""
    part, year = m.group(1) or "end", _year_of(m.group(2), None, anchor)
    if year is None:
        return True, undated(text, None, "month")
    month = {"end": 12, "close": 12, "beginning": 1, "start": 1, "turn": 1, "middle": 6}[part]
    return True, dated(text, str(year), date(year, month, 1), month_end(year, month + (1 if month == 6 else 0)),
                       "month")


def _r_whole_year(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'the full year', 'the current fiscal year' (this one), 'the latest fiscal year' (the last one)."""
    if anchor is None:
        return True, undated(text, None, "year")
    year = anchor.year - (1 if m.group(1) in ("latest", "last", "previous", "past") else 0)
    return True, dated(text, str(year), date(year, 1, 1), date(year, 12, 31), "year")


def _r_quarter(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'this year's third quarter', 'the fiscal first quarter', 'a flat second quarter'."""
    from eventwire.times.timex import quarter_expr  # timex tries these rules first: imported when used

    q = ORDINAL[m.group(3)]
    if m.group(1):
        year = _year_of(None, m.group(1), anchor)
    elif anchor is None:
        return True, undated(text, None, "quarter")
    else:
        current = (anchor.month - 1) // 3 + 1
        year = anchor.year if q <= current or tense == "future" else anchor.year - 1
    if m.group(2) in ("year ago", "year earlier", "last year"):
        return NOT_MINE
    return (True, quarter_expr(year, q, text)) if year else NOT_MINE


# -- days -------------------------------------------------------------------------------------
def _r_day_part(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'early Friday morning', 'mid afternoon yesterday', 'Tuesday night': the day with its part (TMO)."""
    from eventwire.times.timex import normalise  # timex tries these rules first: imported when used

    part = m.group(1) or m.group(3)
    day = normalise(m.group(2), anchor, tense)
    if day is None or day.start is None or day.precision != "day":
        return NOT_MINE
    day.text, day.timex = text, (day.timex or "")[:10] + PARTS[part]
    return True, day


def _r_bare_part(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'by mid afternoon', 'late evening': the part of the anchor's day, as TimeBank writes it."""
    if anchor is None:
        return True, undated(text, None, "day")
    day = dated(text, anchor.isoformat() + PARTS[m.group(1)], anchor, anchor, "day")
    return True, day


def _r_day_shift(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """'the day before last Tuesday', 'two days after Oct. 12', 'the eve of the vote' (a date only)."""
    from eventwire.times.timex import normalise  # timex tries these rules first: imported when used

    n = count_of(m.group(1)) if m.group(1) else 1
    inner = normalise(m.group(4), anchor, tense)
    if n is None or inner is None or inner.start is None or inner.precision != "day":
        return NOT_MINE
    days = int(n) * (7 if m.group(2) == "week" else 1) * (-1 if m.group(3) == "before" else 1)
    day = date.fromisoformat(inner.start) + timedelta(days=days)
    return True, dated(text, day.isoformat(), day, day, "day")


# -- times named by reference to another ("that day", "the following year") ----------------------
ANAPHOR_RE = re.compile(
    r"(?:(?:earlier|later) )?(?:that|the same|that same) (?P<same>day|morning|afternoon|evening|night|week|month|year)"
    r"|(?:(?:earlier|later) in|the end of) the (?P<within>day|week|month|year)"
    r"|the (?P<step>next|following|previous|preceding) (?P<stepped>day|morning|afternoon|evening|night|week|month|year)"
    r"|the (?P<around>day|week|month|year) (?P<side>before|after)")


def anaphor_of(m: re.Match) -> tuple[str, int]:
    """(unit, steps) of a reference match: 'the following month' ('month', 1), 'that night' ('night', 0)."""
    if m.group("stepped"):
        return m.group("stepped"), 1 if m.group("step") in ("next", "following") else -1
    if m.group("around"):
        return m.group("around"), 1 if m.group("side") == "after" else -1
    return m.group("same") or m.group("within"), 0


def resolve_anaphor(m: re.Match, base: date, text: str) -> TimeExpr:
    """The time a reference names, counted from ``base`` (the time the text named before it)."""
    unit, steps = anaphor_of(m)
    if unit in ("day", *PARTS):
        d = base + timedelta(days=steps)
        return dated(text, d.isoformat() + PARTS.get(unit, ""), d, d, "day")
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(days=7 * steps)
        iso = monday.isocalendar()
        return dated(text, f"{iso[0]}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week")
    if unit == "month":
        first = add_months(base.replace(day=1), steps)
        return dated(text, f"{first.year}-{first.month:02d}", first, month_end(first.year, first.month), "month")
    year = base.year + steps
    return dated(text, str(year), date(year, 1, 1), date(year, 12, 31), "year")


def _r_anaphor(m: re.Match, anchor: Optional[date], tense: str, text: str) -> Result:
    """Alone, a reference counts from the anchor; :mod:`eventwire.timerefs` recounts it from the story's time."""
    unit = anaphor_of(m)[0]
    if anchor is None:
        return True, undated(text, None, "day" if unit in PARTS else unit)
    return True, resolve_anaphor(m, anchor, text)


HOLIDAY_RE = "|".join(sorted((re.escape(h) for h in LEXICON["holidays"]), key=len, reverse=True))
YEAR_TAIL = r"(?: of (?:the |this )?(?:fiscal )?(?:year|(last|next|this) year|((?:19|20)\d\d)))?"
RULES: list[tuple[re.Pattern, Callable[..., Result]]] = [
    (re.compile(COUNT_RE + r" years? old|annual"), _r_not_time),
    (ANAPHOR_RE, _r_anaphor),
    (re.compile(r"(?:the year )?(1[0-8]\d\d)"), _r_pre_post_year),
    (re.compile("|".join(sorted((re.escape(w) for w in REFERENCES), key=len, reverse=True))), _r_reference),
    (re.compile(r"(?:the )?(?:(last|this|next) )?(" + HOLIDAY_RE + r")(?: (?:of |in )?(\d{4}))?"), _r_holiday),
    (re.compile(r"(?:the |a |an )?(?:early |mid |late )?(\d{1,2})(?:st|nd|rd|th) century|(?:the |a )?(?:early |mid |late )?("
                + "|".join(LEXICON["ordinals"]) + r") century"), _r_century),
    (re.compile(r"(this|the current|the past|last|the last|next) century"), _r_this_century),
    (re.compile(r"(?:the )?(?:early |mid |late |(?:first|second|last|latter) half of the )?(?:'([1-9]0)s|("
                + "|".join(LEXICON["decade_words"]) + r"))"), _r_short_decade),
    (re.compile(r"(?:pre|post) ((?:1[0-9]|20)\d\d)"), _r_pre_post_year),
    (re.compile(r"(?:the )?first (" + COUNT_RE + r") months" + YEAR_TAIL), _r_first_months),
    (re.compile(r"(?:the )?(first|front|second|last|latter|back) half" + YEAR_TAIL), _r_half),
    (re.compile(r"(?:the )?(first|last) two quarters" + YEAR_TAIL), _r_half),
    (re.compile(r"(?:the )?(?:year end|year's end|end of (?:the )?year|(end|beginning|start|middle|close|turn) of ((?:19|20)\d\d))"),
     _r_year_end),
    (re.compile(r"(?:the )?(?:(?:full|whole|entire) year|(current|latest|last|previous|past|this) fiscal year)"),
     _r_whole_year),
    (re.compile(r"(?:(this|last|next) year's |(?:the |a |an |its )(?!year )(?:([a-z]+(?: [a-z]+)?) )?|fiscal )?"
                r"(?:fiscal )?(first|second|third|fourth|1st|2nd|3rd|4th) (?:fiscal )?quarter"), _r_quarter),
    (re.compile(r"(?:(?:early|late|mid) )?(?:(morning|afternoon|evening|night) )?(yesterday|today|tomorrow|" + WD[1:-1]
                + r")(?:'s)?(?: (?:early |late |mid )?(morning|afternoon|evening|night))?"),
     lambda m, a, t, x: _r_day_part(m, a, t, x) if m.group(1) or m.group(3) else NOT_MINE),
    (re.compile(r"(?:early|late|mid) (morning|afternoon|evening)"), _r_bare_part),
    (re.compile(r"(?:the )?(?:(" + COUNT_RE + r") )?(day|week)s? (before|after) (.+)"), _r_day_shift),
    (re.compile(r"(?:every|each) (other )?(" + "|".join(LEXICON["set_units"]) + "|" + WD[1:-1] + "|"
                + MONTH_RE[1:-4] + r")"), _r_every),
    (re.compile(r"(?:(?:once|twice|" + COUNT_RE + r" times) )?(?:a|an|per) (day|week|month|year|quarter|hour)"), _r_per),
    (re.compile("|".join(LEXICON["set_words"])),
     lambda m, a, t, x: (True, undated(x, LEXICON["set_words"][m.group(0)]))),
    (re.compile(r"(" + COUNT_RE + r") (?:to|or) (" + COUNT_RE + r") " + UNIT + r"s?"), _r_count_range),
    (re.compile(r"(?:the )?(?:(past|last|next|previous|coming|first|final|latest|following|preceding|recent|initial) )?"
                r"(?:(" + COUNT_RE + "|" + VAGUE + r") )?" + FILLERS + UNIT + r"(s)?( and a half)?(?: (?:long|old|later|after))?"), _r_duration),
]


def match(t: str, anchor: Optional[date], tense: str, text: str) -> Result:
    """The first of these rules that owns the cleaned expression ``t``, or NOT_MINE."""
    for pattern, rule in RULES:
        m = pattern.fullmatch(t)
        if m:
            owned, expr = rule(m, anchor, tense, text)
            if owned:
                return owned, expr
    return NOT_MINE
