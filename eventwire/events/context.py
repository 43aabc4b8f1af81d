"""Everything the event stage needs to know about one parsed article, and where/when lookups.

An :class:`ArticleContext` holds the spaCy doc with the annotations of the earlier stages
(places, times, attribution, actor coder) and answers two questions for an event trigger:
where it happened (:meth:`locate`, in :mod:`eventwire.events.locating`) and when
(:meth:`date`), each with the reason.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from functools import cached_property
from typing import Callable, Optional

from spacy.tokens import Doc

from eventwire.actors.coder import ActorCoder
from eventwire.attribution.sources import Attributor
from eventwire.readers.articles import PUBLISHED_FORMS, headline, parse_published
from eventwire.model import Article, TimeExpr
from eventwire.events.locating import EventPlaces, group_by
from eventwire.events.unlisted import CountryMention
from eventwire.places.resolver import PlaceMention
from eventwire.events.modality import INTENT_GOVERNORS
from eventwire.events.dates import (BY_THE_REPORT, COMPLEMENTS, Scenes, after, attached_to, dates_a_thing, happened_since, in_complement,
                                    is_date, measures_a_record, on_or_before, participle_host, publication_day, publication_range,
                                    dated_from, settle, shifted, starts_a_period, stated_by, told_as_before_the_news,
                                    told_as_of_report)
from eventwire.times.finder import TimeMention, tense_of

REPORT_DAYS = 3  # how far before publication a story's statements are still its news
PLAN_VERBS = INTENT_GOVERNORS | {"pledge", "promise", "agree", "decide", "hope", "expect", "seek", "want"}


def _published(value: Optional[str]) -> Optional[date]:
    """The anchor of relative dates; a value that is no calendar date is the caller's error, said plainly."""
    if not value:
        return None
    day = parse_published(value)
    if day is None:
        raise ValueError(f"published date {value!r} is not a date: use {PUBLISHED_FORMS}")
    return day


def published_day(article: Article) -> Optional[date]:
    """The article's publication date, the anchor of its relative dates."""
    return _published(article.published)


def place_lookup(places: list[PlaceMention]) -> Callable[[int], Optional[str]]:
    """token index -> the country of the place mention covering it (for the actors stage)."""
    at = {i: p for p in places for i in range(p.token_start, p.token_end)}
    return lambda tok_i: at[tok_i].place.country if tok_i in at else None


class ArticleContext(EventPlaces):
    """One article's annotations from the earlier stages, read by the events stage: where and when
    each event happened (``locate``, from :class:`~eventwire.events.locating.EventPlaces`, and
    ``date``), clause scopes and the story's scenes. Builds nothing itself: the pipeline runs the
    stages and hands their results in."""

    def __init__(self, article: Article, doc: Doc, places: list[PlaceMention], times: list[TimeMention],
                 attributor: Attributor, actors: ActorCoder, known_name: Optional[Callable[[str], bool]] = None,
                 country_mention: Optional[CountryMention] = None):
        super().__init__(doc, places, actors, known_name, country_mention)
        self.article = article
        self.published = published_day(article)
        self.times = times
        self.attributor = attributor
        # times by sentence and paragraph, in list order (as the places)
        self._times_in = group_by(self.times, self.sent_at)
        self._times_in_para = group_by(self.times, lambda i: self.paragraph_of[self.sent_at(i)])
        self.has_headline = self._has_headline()

    def _has_headline(self) -> bool:
        return headline(self.doc.text) is not None

    def date(self, trigger, attribution_cue=None, planned: bool = False,
             statement: bool = False) -> tuple[Optional[TimeExpr], str]:
        """When the event happened, with the reason (the rules: :mod:`eventwire.eventdates`). ``planned``:
        the event is coded hypothetical, so a date after publication is its plan's date. ``statement``:
        the event is a speech act, which a report tells as news unless its own sentence dates it."""
        scope = self.scope(trigger)
        si = self.sent_index(trigger)
        here = [t for t in self._times_in.get(si, []) if is_date(t.expr)]
        clause, host = self.clause_of(trigger), participle_host(trigger)
        mine = [t for t in here if not dates_a_thing(self._root(t), trigger, clause) and not starts_a_period(self._root(t))
                and not measures_a_record(self._root(t))]

        def near(t: TimeMention) -> int:
            return abs(t.token_start - trigger.i)

        found = self._first_settled([t for t in mine if (t.token_start in scope and not in_complement(
            self.doc[t.token_start], trigger)) or (host is not None and attached_to(self._root(t), host))], near, planned)
        if found:
            return found, "attached to the event's clause"
        shared = self._shared_with_first_conjunct(clause, here, planned) or self._shared_with_last_conjunct(clause, here, planned)
        if shared:
            return shared, "attached to the verb it is coordinated with"
        interval = dated_from(trigger)
        if interval is not None and interval[0].i != trigger.i:
            host, _ = self.date(interval[0], planned=planned)
            moved = shifted(host, interval[1]) if host is not None else None
            if moved is not None:
                return moved, "the day of the clause it dates, moved by the interval it names"
        sent = self.sents[si]
        if attribution_cue is not None:
            holds_trigger = self.lineage(trigger)
            holding = [c for c in attribution_cue.children if c.i in holds_trigger]
            told = [c for c in attribution_cue.children if c.dep_ in COMPLEMENTS]  # "saying that culling began on ..."
            cue_scope = {c.i for c in attribution_cue.subtree} - scope - {t.i for h in (*holding, *told) for t in h.subtree}
            said = self._first_settled([t for t in here if t.token_start in cue_scope
                                        and not self._in_a_noun_clause(t.token_start, trigger)], lambda t: t.token_start, planned)
            if said and trigger.head.i == attribution_cue.i and trigger.dep_ in ("dobj", "nsubjpass") and trigger.pos_ == "NOUN":
                return said, "the time the report gives what it reports"  # "reported heavy shelling on Saturday evening"
            if said and tense_of(trigger) == "past":  # "said on Tuesday that troops had killed"
                return on_or_before(said), BY_THE_REPORT
            if said:  # "said on Saturday: 'I would accept it'": the statement is the event
                return said, "date of the report"
        found = self._first_settled([t for t in mine if not self.foreign(t.token_start, trigger)
                                     and not self._in_other_plan(t.token_start, trigger)
                                     and not self._in_a_noun_clause(t.token_start, trigger)], near, planned)
        if found:
            return found, "named in the same sentence"
        if statement:
            return self._undated_statement(trigger)
        para = self.paragraph_of[si]
        earlier = [t for t in self._times_in_para.get(para, []) if is_date(t.expr) and t.token_start < sent.start
                   and t.expr.precision != "season"  # "attacks on civilians in winter" dates no later sentence
                   and not self._in_a_noun_clause(t.token_start, trigger) and not self._in_a_relative_clause(t)
                   and not measures_a_record(self._root(t))]
        found = self._first_settled(earlier, lambda t: -t.token_start, planned)
        if found:
            return self._since(trigger, found, "named earlier in the paragraph")
        scene = self._scenes.scene_of(si)
        if scene is not None:
            return self._since(trigger, scene[0], "the scene it continues")
        return self._undated(trigger)

    def _shared_with_first_conjunct(self, clause, here: list[TimeMention], planned: bool) -> Optional[TimeExpr]:
        """'In a statement late Monday, the group said ... and accused the army': a verb coordinated
        with another shares the time that dates the first one, outside its own words and outside
        what the first one reports."""
        if clause.dep_ != "conj" or clause.head.pos_ not in ("VERB", "AUX"):
            return None
        first = clause.head
        shared = [t for t in here if _modifies(self._root(t), first)
                  and not dates_a_thing(self._root(t), first, first) and not starts_a_period(self._root(t))]
        return self._first_settled(shared, lambda t: abs(t.token_start - first.i), planned)

    def _shared_with_last_conjunct(self, clause, here: list[TimeMention], planned: bool) -> Optional[TimeExpr]:
        """'23 people were killed and a dozen abducted when gunmen attacked the camps over the weekend':
        the parser hangs a closing time, or the when-clause that holds it, on the last verb of a
        coordination; it dates each verb before it too."""
        last = next((c for c in reversed(list(clause.children)) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
        if last is None:
            return None
        shared = [t for t in here if t.token_start > last.i and _closes(self._root(t), last)
                  and not dates_a_thing(self._root(t), last, last) and not starts_a_period(self._root(t))]
        return self._first_settled(shared, lambda t: t.token_start, planned)

    def _undated(self, trigger) -> tuple[Optional[TimeExpr], str]:
        """No time dates the event: the report's day when told as of it, else the days before publication."""
        if told_as_of_report(trigger):
            day = publication_day(self.published)
            return day, "told as of the report: the publication day" if day else "no date"
        fallback = publication_range(self.published)
        lead = self._lead_day
        if fallback is not None and lead is not None and fallback.start and fallback.end and lead.start \
                and fallback.start <= lead.start <= fallback.end \
                and not told_as_before_the_news(trigger):
            # inferred, not read off the act's words: it never tells two acts apart (dedup/within.py)
            return replace(lead, source="story"), "an act of the story's news days dated by nothing else: the day its lead tells"
        return fallback, "the days before publication" if fallback else "no date"

    def _undated_statement(self, trigger) -> tuple[Optional[TimeExpr], str]:
        """A statement no time dates: the day the article's dated statements were made ("said on
        Tuesday", the story's reporting day), else as any undated event."""
        if not told_as_of_report(trigger) and self._report_day is not None:
            return self._report_day, "the day the article's other statements are dated"
        if not told_as_of_report(trigger) and not self._statement_days and self._lead_day is not None:
            return self._lead_day, "a statement in a story that dates none: the day its lead tells"
        if self.published is not None and not self._statement_days:
            day = publication_day(self.published)  # no statement in the story is dated: its news of the day
            return day, "a statement in a story that dates none: the publication day"
        return self._undated(trigger)

    @cached_property
    def _statement_days(self) -> list[TimeExpr]:
        """The days the article's statements are dated by ("said on Tuesday", "warned Tuesday")."""
        out = []
        for t in self.times:
            settled = settle(t.expr, self.published, False) if is_date(t.expr) and stated_by(self._root(t)) else None
            if settled is not None and settled.precision == "day" and settled.start:
                out.append(settled)
        return out

    @cached_property
    def _report_day(self) -> Optional[TimeExpr]:
        """The day most of the article's dated statements were made (the latest on a tie), within
        REPORT_DAYS of publication: a statement dated months before is background, not the story's
        reporting day."""
        days: Counter = Counter()
        kept: dict[str, TimeExpr] = {}
        for settled in self._statement_days:
            if self.published is not None and settled.start \
                    and 0 <= (self.published - date.fromisoformat(settled.start)).days <= REPORT_DAYS:
                days[settled.start] += 1
                kept[settled.start] = settled
        if not days:
            return None
        best = max(days, key=lambda d: (days[d], d))
        return replace(kept[best], text=None, start_char=None, end_char=None)

    @cached_property
    def _lead_day(self) -> Optional[TimeExpr]:
        """The day the story's first sentence tells its news on ("summoned each other's ambassadors
        on Wednesday"), within REPORT_DAYS of publication, else None."""
        if len(self.sents) <= 1:
            return None
        lead = self.paragraph_of[1 if self.has_headline else 0]  # the dateline may be a sentence of its own
        found = self._first_settled([t for t in self._times_in_para.get(lead, []) if is_date(t.expr)
                                     and not self._in_a_relative_clause(t)], lambda t: t.token_start, False)
        if found is None or found.precision != "day" or not found.start or self.published is None \
                or not 0 <= (self.published - date.fromisoformat(found.start)).days <= REPORT_DAYS:
            return None
        return replace(found, text=None, start_char=None, end_char=None)

    def _since(self, trigger, earlier: TimeExpr, reason: str) -> tuple[TimeExpr, str]:
        """'One of the men has since been released': after the earlier time, up to publication."""
        if not happened_since(trigger) or self.published is None:
            return earlier, reason
        return after(earlier, self.published), f"after the time {reason}"

    def _in_other_plan(self, tok_i: int, trigger) -> bool:
        """'During a meeting, they vowed to ratify the deal this year': a time in what a verb of
        intent plans (its open complement) dates that plan, not an event outside it."""
        holds_trigger = self.lineage(trigger)
        tok = self.doc[tok_i]
        for _ in range(12):
            if tok.dep_ == "xcomp" and tok.i not in holds_trigger and tok.head.lemma_.lower() in PLAN_VERBS:
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _in_a_noun_clause(self, tok_i: int, trigger) -> bool:
        """'Turkey, whose president brokered a deal in December 2024, said it was ready to host
        talks': a time in a clause that describes a noun dates what that clause tells, not an event
        outside it."""
        holds_trigger = self.lineage(trigger)
        tok = self.doc[tok_i]
        for _ in range(12):
            if tok.i in holds_trigger:
                return False
            if tok.dep_ == "relcl":
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _in_a_relative_clause(self, t: TimeMention) -> bool:
        """'a farming town that government forces recaptured in 2022': a time in a relative clause
        dates what the clause tells of a noun, so it opens no scene for the sentences after it; nor
        does one in a likeness to another occasion ('ready to host talks, as he did last year')."""
        return any(a.dep_ == "relcl" or _likeness(a) for a in self._root(t).ancestors)

    def _root(self, t: TimeMention):
        return self.doc[t.token_start:t.token_end].root

    def _first_settled(self, times: list[TimeMention], key, planned: bool) -> Optional[TimeExpr]:
        """The first time (by ``key``) that can date the event; a plan's time after publication cannot."""
        for t in sorted(times, key=key):
            settled = settle(t.expr, self.published, planned)
            if settled is not None:
                return settled
        return None

    @cached_property
    def _scenes(self) -> Scenes:
        """The dated scene each sentence continues (a sentence's first date that is no plan opens one)."""
        dated = {}
        for k in range(len(self.sents)):
            found = self._first_settled([t for t in self._times_in.get(k, []) if is_date(t.expr)
                                         and not self._in_a_relative_clause(t) and not measures_a_record(self._root(t))],
                                        lambda t: t.token_start, False)
            if found is not None:
                dated[k] = found
        return Scenes(self.sents, dated)


OTHER_CLAUSES = {"ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis", "csubj"}
LIKENESS_VERBS = {"do", "happen"}  # "as he did last year", "as happened in 2022"


def _likeness(clause) -> bool:
    """'as he did last year': a clause that likens the act to one on another occasion."""
    return clause.dep_ == "advcl" and clause.lemma_.lower() in LIKENESS_VERBS \
        and any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children)


WHEN_WORDS = {"when", "while", "as"}  # a clause told as the same moment as the verb it hangs on


def _closes(tok, verb) -> bool:
    """Whether a time hangs on ``verb`` in its own clause, or in a clause that tells the same moment
    ("when gunmen attacked the camps over the weekend")."""
    clause = next((a for a in tok.ancestors if a.dep_ in OTHER_CLAUSES), None)
    if clause is not None and clause.dep_ == "advcl" and clause.head.i == verb.i \
            and any(c.dep_ in ("advmod", "mark") and c.lower_ in WHEN_WORDS for c in clause.children):
        return _modifies(tok, clause)
    return _modifies(tok, verb)


def _modifies(tok, verb) -> bool:
    """Whether ``tok`` hangs below ``verb`` through phrases of its own clause ("In a statement posted
    late Monday, ... said"), not through a clause of another verb."""
    for _ in range(12):
        if tok.head.i == verb.i:
            return tok.dep_ not in OTHER_CLAUSES
        if tok.head.i == tok.i or tok.dep_ in OTHER_CLAUSES:
            return False
        tok = tok.head
    return False
