"""The time stage: find time expressions in a parsed article and resolve each one.

spaCy DATE/TIME entities are a start; adjacent pieces ("August" + "in 2024") are joined and
weekday and relative-day words the model misses are added. Each expression is normalised by
:mod:`eventwire.timex` with the tense of the verb that governs it (past tense resolves
weekdays backwards, future forwards).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from eventwire.times import refs as timerefs
from eventwire.model import TimeExpr
from eventwire.times.words import LEXICON, NUMBER_WORD_RE
from eventwire.times.timex import normalise, quarter_expr

EXTRA_RE = re.compile(r"\b(?:(?:last|this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"yesterday|today|tonight|overnight|tomorrow|last night|weekend)\b|"
                      r"\b(?:now|currently|recently|nowadays|daily|weekly|annually|the future)\b|"
                      r"\bnineteen (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?\b|\btwo thousand\b", re.I)
# what spaCy's DATE/TIME entities leave out, as TimeBank marks it: sets, reference words, holidays,
# and times named by reference to an earlier one ("that day", "the following year")
_UNITS = r"(?:years?|months?|weeks?|days?|decades?|quarters?|centur(?:y|ies)|hours?|minutes?|summers?|winters?)"
_PERIODS = (r"(?:day|week|month|year|quarter|morning|afternoon|evening|night|weekend|season|spring|summer|autumn|"
            r"fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
            r"june|july|august|september|october|november|december)")
MORE_RE = [re.compile(p, re.I) for p in (
    r"\b(?:every|each) (?:other )?" + _PERIODS + r"\b",
    r"\b(?:once|twice|\w+ times) (?:a|per) (?:day|week|month|year)\b",
    r"(?<=[a-z\d] )(?:a|per) (?:day|week|month|year)\b(?! (?:ago|earlier|later|after|before|or|and|of|long|old)\b)",
    r"\bthe past\b(?!\s+(?:[\w-]+\s+){0,2}" + _UNITS + r"\b)",
    r"\b(?:the near future|the near term|a later date|in the future)\b",
    r"\bcurrent\b(?! (?:fiscal|year|quarter|month|week|period|account|accounts|affairs)\b)",
    r"\brecent\b(?! (?:days|weeks|months|years|quarters|decades|times|history)\b)",
    r"(?<=\bat )the time\b(?! (?:of|when|that|to|for)\b)",
    r"\b(?:(?:earlier|later) )?(?:that|the same|that same) (?:day|morning|afternoon|evening|night|week|month|year)\b",
    r"\bthe (?:next|following|previous|preceding) (?:day|morning|afternoon|evening|night|week|month|year)\b",
    r"\b(?:earlier|later) in the (?:day|week|month|year)\b|\bthe end of the day\b",
    r"\b(?:first|second|third|fourth)[- ]quarter\b",
    r"\b(?:pre|post)-(?:1[0-9]|20)\d\d\b",
)]
# a counted length spaCy leaves out ("at least 20 more years", "more than four decades ago", "day-long"),
# its TimeML modifier ("at least") in the span as TimeBank marks it; a date written out ("the Aug. 7 bombings")
_MODS = "|".join(sorted((re.escape(w) for w in LEXICON["duration_modifiers"]), key=len, reverse=True))
COUNTED_RE = re.compile(r"\b(?!one (?:day|time)\b)(?:(?:" + _MODS + r") )?(?:\d+(?:\.\d+)?(?: 1/2)?|" + NUMBER_WORD_RE + r"|several|a few|a couple of)"
                        r"(?:[- ](?:more|additional|further|straight|consecutive))?[- ](?:years?|months?|weeks?|days?|"
                        r"decades?|centur(?:y|ies)|quarters|hours?|minutes?|fortnights?)(?:-long)?(?: ago)?\b(?![- ]old\b)", re.I)
DAY_LONG_RE = re.compile(r"\b(?:day|week|month|year|decade)s?-long\b", re.I)
WRITTEN_DATE_RE = re.compile(r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|"
                             r"May|June|July|August|September|October|November|December) \d{1,2}(?:st|nd|rd|th)?"
                             r"(?:, \d{4})?\b(?!,? \d)")
HOLIDAY_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(h) for h in LEXICON["holidays"]), key=len, reverse=True))
                        + r")\b", re.I)
FUTURE_AUX = {"will", "shall", "'ll"}


@dataclass
class TimeMention:
    expr: TimeExpr
    token_start: int
    token_end: int

    @property
    def resolved(self) -> bool:
        return self.expr.start is not None


SCHEDULE_VERBS = {"schedule", "expect", "plan", "set", "due", "intend", "hope", "propose"}


def tense_of(tok) -> str:
    """'future' (will, shall, going to, scheduled to), 'past' (past-tense or perfect verb) or
    'present' for the verb that governs a time expression."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    chain = [node, node.head] if node.dep_ in ("xcomp", "ccomp", "advcl", "conj") else [node]
    for verb in chain:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
            return "future"
        if "to" in aux and verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is to resume trading Tuesday": a plan
        if "would" in aux or ("to" in aux and verb.tag_ in ("VB", "VBN")):
            return "present"  # reported, conditional or infinitival ("to be published in May"): the nearer date
        if verb.lemma_ in SCHEDULE_VERBS and (any(c.dep_ == "xcomp" for c in verb.children) or
                                              (verb.tag_ == "VBN" and (verb.dep_ != "ROOT" or aux & {"is", "are", "'s", "'re"}))
                                              or verb.lower_ == "due"):
            return "future"  # "scheduled to meet", "a summit set for April", "expected in December"
        if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in verb.children) and \
                any(c.lower_ == "to" for c in verb.children):
            return "future"  # "is going to"
    if node.tag_ in ("VBD", "VBN") or {c.lower_ for c in node.children} & {"has", "had", "have", "was", "were"}:
        return "past"
    if node.tag_ == "VBG" and node.dep_ in ("advcl", "conj", "xcomp") and node is not node.head \
            and not any(c.dep_ in ("aux", "auxpass") for c in node.children) and node.head.pos_ in ("VERB", "AUX"):
        return tense_of(node.head)  # "has fluctuated, rising to a high in March": the participle's clause's tense
    if node.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "present"
    return "past"


def _spans(doc) -> list[tuple[int, int]]:
    spans = [_with_determiner(doc, e.start, e.end) for e in doc.ents if e.label_ in ("DATE", "TIME")
             and not _in_a_name(doc, e.start)]
    covered = {i for s, e in spans for i in range(s, e)}
    for m in _extra_matches(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(i in covered for i in range(span.start, span.end)) \
                and not (m.re is HOLIDAY_RE and (not m.group(0)[0].isupper() or _modifies_noun(span[-1]))) \
                and not (m.re is SOON_RE and not _ahead(span[0])) and not _in_a_name(doc, span.start):
            spans.append((span.start, span.end))
            covered.update(range(span.start, span.end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _joinable(doc, merged[-1], (s, e)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


CLOCK_RE = re.compile(r"(?:\d{1,2}(?::\d\d)? ?[ap]\.?m\.?|noon|midday|midnight)(?: [A-Z]{3})?", re.I)
DAY_RE = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                    r"(?:[a-z]{3,9}\.? \d{1,2}|\d{1,2} [a-z]{3,9})(?:,? \d{4})?", re.I)


SOON_RE = re.compile(r"\b(?<!as )soon\b(?! (?:as|after|afterwards|thereafter|enough)\b)", re.I)
MODALS = {"will", "shall", "'ll", "may", "might", "could", "should", "would", "can", "must", "to"}


def _ahead(tok) -> bool:
    """'may soon seek', 'soon will begin', 'to soon grow': "soon" is FUTURE_REF only where the verb looks ahead."""
    verb = tok.head
    return tense_of(tok) == "future" or bool({c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} & MODALS)


def _extra_matches(text: str) -> list[re.Match]:
    found = [m for pattern in [EXTRA_RE, *MORE_RE, COUNTED_RE, DAY_LONG_RE, WRITTEN_DATE_RE, SOON_RE, HOLIDAY_RE] for m in pattern.finditer(text)]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


DETERMINERS = {"this", "last", "next", "each", "every", "that"}
WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _in_a_name(doc, i: int) -> bool:
    """'Bloody Friday', 'Black Monday': a day's word inside a capitalised name is no date."""
    before = doc[i - 1] if i > 0 else None
    return bool(before is not None and before.is_title and before.lower_ in LEXICON["day_name_words"]
                and doc[i].lower_ in WEEKDAY_NAMES)


def _modifies_noun(tok) -> bool:
    """'the Christmas market': a holiday's name that only modifies a noun is no time expression."""
    return tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")


def _with_determiner(doc, s: int, e: int) -> tuple[int, int]:
    """spaCy's 'year' in "this year's election", 'July' in "each July": the determiner belongs to it;
    a conjunction spaCy leaves at the end ("between now and") does not."""
    while e - s > 1 and doc[e - 1].lower_ in ("and", "or", "to", ",", "-", "through", "until"):
        e -= 1
    before = doc[s - 1] if s > 0 else None
    if before is not None and before.lower_ in DETERMINERS and before.pos_ in ("DET", "ADJ") and \
            before.dep_ in ("det", "amod", "predet") and doc[s].lower_ not in DETERMINERS:
        return s - 1, e
    return s, e


PART_OF_DAY_RE = re.compile(r"(?i)(?:early |late |mid-?)?(?:morning|afternoon|evening|night)")
DAY_WORD_RE = re.compile(r"(?i)(?:early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)")


def _joinable(doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """'August' 'in' '2024', '9 a.m.' 'Tuesday', '5 p.m. EST' 'Nov. 9', 'Friday' 'Oct. 13', 'the day'
    'before' 'last Tuesday': one expression."""
    (s1, e1), (s2, e2) = first, second
    gap = [doc[i] for i in range(e1, s2)]
    if len(gap) == 1 and gap[0].lower_ in ("before", "after") and \
            re.fullmatch(r"(?i)(?:the )?(?:\w+ )?(?:day|week)s?", doc[s1:e1].text):
        return normalise(doc[s1:e2].text, None) is not None  # "the day before last Tuesday"
    if len(gap) > 2 or not all(t.lower_ in ("in", "of", ",", "on", "at") or re.fullmatch(r"[A-Z]{3}", t.text) for t in gap):
        return False
    a, b = doc[s1:e1].text, doc[s2:e2].text
    if re.fullmatch(r"(?:19|20)\d\d", b):
        return len(gap) <= 1 and normalise(doc[s1:e2].text, None) is not None
    if not gap and ((DAY_WORD_RE.fullmatch(a) and PART_OF_DAY_RE.fullmatch(b)) or
                    (PART_OF_DAY_RE.fullmatch(a) and DAY_WORD_RE.fullmatch(b))):
        # 'mid-afternoon' + 'yesterday' is one time; TimeBank mostly leaves a plain 'Friday' + 'night' apart
        return bool(re.match(r"(?i)early|late|mid", a) or re.match(r"(?i)early|late|mid", b))
    clock_then_day = CLOCK_RE.fullmatch(a) and DAY_RE.fullmatch(b)
    weekday = re.fullmatch(r"(?i)(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", a)
    weekday_then_date = weekday and DAY_RE.fullmatch(b) and re.search(r"\d", b)
    return bool(clock_then_day or weekday_then_date)


def _split(doc, s: int, e: int) -> list[tuple[int, int]]:
    """'between 1994 and 1997', 'April 24 and 25': one expression per coordinated date."""
    cuts = [i for i in range(s + 1, e - 1) if doc[i].lower_ in ("and", "to", "through", "until", "or", "ended", "ending")
            or (doc[i].text == "," and re.fullmatch(r"(?:19|20)\d\d", doc[i - 1].text) and re.fullmatch(r"(?:19|20)\d\d", doc[i + 1].text))]
    if not cuts:
        return [(s, e)]
    parts, start = [], s
    for c in cuts + [e]:
        parts.append((start, c))
        start = c + 1
    parts = [(a, b) for a, b in parts if b > a]
    return parts if all(normalise(doc[a:b].text, None) is not None or re.fullmatch(r"\d{1,2}", doc[a:b].text)
                        for a, b in parts) else [(s, e)]


def find(doc, published: Optional[date]) -> list[TimeMention]:
    out: list[TimeMention] = []
    for s, e in [p for span in _spans(doc) for p in _split(doc, *span)]:
        span = doc[s:e]
        tense = tense_of(span.root)
        if span.root.dep_ == "poss" and tense == "present":
            tense = "past"  # "Wednesday's ruling", "Thursday's closing price": what has happened
        if _deadline(doc, s, tense):
            tense = "future"  # "gave Merieux until mid-November", "postponed until Tuesday morning"
        expr = normalise(_elided(span.text, out, s), published, tense)
        if expr is None or _not_a_time(doc, s, e):
            continue
        if e < len(doc) and doc[e].lower_ in ("ended", "ending") and re.fullmatch(r"(?i)(?:the )?(?:fiscal )?year", span.text):
            expr = TimeExpr(text=span.text, start_char=None, end_char=None, timex="P1Y", start=None, end=None,
                            precision=None)  # "the year ended March 31": a period named by its end
        lead = 0  # a TIMEX3 holds no preposition but keeps its determiner ("the third quarter")
        while lead < len(span) - 1 and span[lead].lower_ in LEAD_PREPOSITIONS:
            lead += 1
        text_span = doc[s + lead:e]
        expr.text = text_span.text
        expr.start_char, expr.end_char = text_span.start_char, text_span.end_char
        out.append(TimeMention(expr, s, e))
    _clock_days(doc, out)
    timerefs.resolve(doc, out, published)
    _overnight_into(doc, out)
    return _fiscal_quarters(doc, out, published)



def _deadline(doc, s: int, tense: str) -> bool:
    """A time that follows "until" is a deadline still ahead where the verb is not a past one ("will
    remain until March 6") or one that sets a deadline ("gave Merieux until mid-November", "postponed
    until Tuesday"); "fighting continued until Tuesday" and "it was not until Tuesday that" ended."""
    at = s if doc[s].lower_ in ("until", "till") else s - 1
    if at < 0 or doc[at].lower_ not in ("until", "till") or (at > 0 and doc[at - 1].lower_ in ("not", "up")):
        return False
    verb = doc[at].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return tense != "past" or verb.lemma_ in LEXICON["deadline_verbs"]


def _elided(text: str, before: list[TimeMention], start: int) -> str:
    """'April 24 and 25': the bare day after a coordinated date is in the same month ("April 25")."""
    if not re.fullmatch(r"\d{1,2}", text) or not before or before[-1].token_end + 2 < start:
        return text
    prev = before[-1].expr
    month = re.fullmatch(r"(\D*?)\d{1,2}(?:st|nd|rd|th)?", prev.text or "")
    return f"{month.group(1)}{text}" if month and prev.precision == "day" else text


def _not_a_time(doc, s: int, e: int) -> bool:
    """'its quarterly dividend' (a kind of dividend), 'a quarter of the market' (a share), a sentence's
    opening "Now,": no time."""
    if e - s == 1 and doc[s].lower_ in ("quarterly", "annual") and doc[s].dep_ == "amod":
        return True
    if e - s == 1 and doc[s].text == "Now" and e < len(doc) and doc[e].text == "," and \
            (s == 0 or doc[s].is_sent_start or doc[s - 1].is_quote):
        return True  # "Now, he says, ...": a discourse marker that opens a sentence, no time
    if re.fullmatch(r"(?i)(?:(?:about|nearly|almost|roughly|some|more than|less than|over) )?(?:a|one|two|three)[ -]quarters?",
                    doc[s:e].text) and e < len(doc) and doc[e].lower_ == "of":
        return True  # "about three-quarters of its food": a share
    return doc[e - 1].lower_ == "quarter" and e < len(doc) and doc[e].lower_ == "of" and \
        doc[s].lower_ in ("a", "one", "three", "more", "less", "nearly", "almost", "about")


def _clock_days(doc, mentions: list[TimeMention]) -> None:
    """A bare clock time ("at about 10:35 a.m.") is on the day the same sentence names, if it names one."""
    for m in mentions:
        if not (m.expr.timex and "T" in m.expr.timex and CLOCK_RE.fullmatch(LEAD_WORDS.sub("", m.expr.text or ""))):
            continue
        sent = doc[m.token_start].sent
        days = [o for o in mentions if o is not m and o.expr.precision == "day" and o.expr.start and
                sent.start <= o.token_start < sent.end and "T" not in (o.expr.timex or "")]
        day = days[0].expr.start if len(days) == 1 else None
        if day:
            m.expr.timex = day + m.expr.timex[m.expr.timex.index("T"):]
            m.expr.start = m.expr.end = day


def _overnight_into(doc, mentions: list[TimeMention]) -> None:
    """'overnight into Saturday': the night before the day named, whenever the report is published
    (alone, "overnight" is the night before publication)."""
    for m, day in zip(mentions, mentions[1:]):
        between = doc[m.token_end:day.token_start]
        if (m.expr.text or "").lower().endswith("overnight") and len(between) == 1 and between[0].lower_ in ("into", "to") \
                and day.expr.precision == "day" and day.expr.start and "T" not in (day.expr.timex or ""):
            eve = (date.fromisoformat(day.expr.start) - timedelta(days=1)).isoformat()
            m.expr.timex, m.expr.start, m.expr.end = eve, eve, day.expr.start


LEAD_PREPOSITIONS = ("on", "in", "during", "by", "between", "until", "till", "from", "since")
LEAD_WORDS = re.compile(r"^(?:(?:at|about|around|on|by|until|before|after)\s+)+", re.I)


YEAR_BEFORE_QUARTER = re.compile(r"(?:a |one )?year (?:ago|earlier)|(?:the )?(?:corresponding|comparable|same) period "
                                 r"(?:last year|a year (?:ago|earlier))|(?:the )?(?:comparable )?year[- ](?:ago|earlier)"
                                 r"(?: (?:quarter|period))?|(?:the )?quarter a year (?:ago|earlier)|"
                                 r"last year's (?:quarter|period)", re.I)
SAME_QUARTER = re.compile(r"(?:the |that |this )?(?:(?:19|20)\d\d |latest |current |same )?(?:quarter|period)", re.I)
LONGER_PERIOD = re.compile(r"(?:the |its )?(?:first |latest |past |last )?(?:\w+ months|(?:fiscal )?year)(?: of the year)?|"
                           r"(?:last|this|the) year(?:'s)?|(?:19|20)\d\d|the first half", re.I)
FISCAL_SPAN = re.compile(r"\bthe (?:corresponding|comparable|same) period (?:last year|a year (?:ago|earlier))\b|"
                         r"\b(?:the )?(?:comparable )?year-(?:ago|earlier)(?: (?:quarter|period))?\b|"
                         r"\b(?:the|that|this) (?:latest |current |same )?(?:quarter|period)\b|"
                         r"\blast year's (?:quarter|period)\b|\bthe (?:19|20)\d\d (?:quarter|period)\b", re.I)


def _fiscal_quarters(doc, mentions: list[TimeMention], published: Optional[date]) -> list[TimeMention]:
    """In a report about a fiscal quarter, "a year ago", "the year-earlier period" and "the quarter"
    mean that quarter (a year before), as TimeML codes them: 1988-Q3, not 1988. Only once a
    quarter has been named does "the quarter" or "the latest period" count as a time expression."""
    if not any(re.fullmatch(r"\d{4}-Q\d", m.expr.timex or "") for m in mentions):
        return mentions
    added = []
    for hit in FISCAL_SPAN.finditer(doc.text):
        span = doc.char_span(hit.start(), hit.end())
        if span is None:
            continue
        inside = [m for m in mentions if m.token_start < span.end and span.start < m.token_end]
        if all(span.start <= m.token_start and m.token_end <= span.end for m in inside) and \
                not any((m.token_start, m.token_end) == (span.start, span.end) for m in inside):
            # "the 1989 period", "the year-ago period": the longer span is the expression
            mentions = [m for m in mentions if not any(m is i for i in inside)]
            expr = TimeExpr(text=span.text, start_char=span.start_char, end_char=span.end_char, timex=None,
                            start=None, end=None, precision=None)
            added.append(TimeMention(expr, span.start, span.end))
    mentions = sorted(mentions + added, key=lambda m: m.token_start)
    quarter: Optional[str] = None
    named: Counter[Optional[str]] = Counter()
    longer = False  # the latest period named is longer than a quarter ("for the nine months, ... a year earlier")
    for m in mentions:
        value, text = m.expr.timex or "", (m.expr.text or "")
        if re.fullmatch(r"\d{4}-Q\d", value):
            named[value] += 1  # the report's quarter: the one named most ("a flat second quarter" is an aside)
            quarter = value if named[value] >= named[quarter] else quarter
            longer = False
        elif LONGER_PERIOD.fullmatch(text) and not YEAR_BEFORE_QUARTER.fullmatch(text):
            longer = True
        elif quarter and not longer and m.expr.precision in ("year", None) and YEAR_BEFORE_QUARTER.fullmatch(text):
            _set_quarter(m.expr, int(quarter[:4]) - 1, quarter[-1])
        elif quarter and m.expr.timex is None and YEAR_BEFORE_QUARTER.fullmatch(text):
            _set_year(m.expr, int(quarter[:4]) - 1)  # "compared with year-earlier net" after "for the nine months"
        elif published and re.fullmatch(r"(?i)(?:the |this )?current (?:fiscal )?quarter", text):
            _set_quarter(m.expr, published.year, str((published.month - 1) // 3 + 1))
        elif quarter and SAME_QUARTER.fullmatch(text):
            year = re.search(r"(?:19|20)\d\d", text)
            _set_quarter(m.expr, int(year.group(0)) if year else int(quarter[:4]), quarter[-1])
    unresolved_added = {id(a) for a in added if a.expr.timex is None}  # "the quarter" before any quarter is named
    return [m for m in mentions if id(m) not in unresolved_added]


def _set_year(expr: TimeExpr, year: int) -> None:
    expr.timex, expr.start, expr.end, expr.precision = str(year), f"{year}-01-01", f"{year}-12-31", "year"


def _set_quarter(expr: TimeExpr, year: int, q: str) -> None:
    dated = quarter_expr(year, int(q), expr.text)
    expr.timex, expr.start, expr.end, expr.precision = dated.timex, dated.start, dated.end, dated.precision


def publication_fallback(published: Optional[date]) -> Optional[TimeExpr]:
    if published is None:
        return None
    iso = published.isoformat()
    return TimeExpr(text=None, start_char=None, end_char=None, timex=iso, start=iso, end=iso,
                    precision="day", source="published")
