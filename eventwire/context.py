"""Everything the event stage needs to know about one parsed article, and where/when lookups.

An :class:`ArticleContext` holds the spaCy doc with the annotations of the earlier stages
(places, times, attribution, actor coder) and answers two questions for an event trigger:
where it happened (:meth:`locate`) and when (:meth:`date`), each with the reason.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date
from typing import Optional

from .actors import ActorCoder
from .attribution import REPORTING, Attributor
from .ingest import headline
from .kb import KnowledgeBase
from .model import Article, TimeExpr
from .places import EVENT_PRECISIONS, PlaceMention
from .times import TimeMention, find as find_times, publication_fallback

EVENT_LOC_PREPS = {"in", "near", "at", "outside", "around", "across", "inside", "on", "over", "throughout",
                   "along", "within", "into", "through", "off", "north", "south", "east", "west", "northeast",
                   "northwest", "southeast", "southwest", "between"}
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "area", "capital", "outskirts", "suburb",
               "suburbs", "countryside", "state", "neighbourhood", "neighborhood", "governorate", "county", "part",
               "streets", "street", "centre", "center", "north", "south", "east", "west", "border", "heart"}
FOREIGN_CLAUSES = {"relcl", "acl", "appos", "advcl", "pcomp", "ccomp", "parataxis"}
PRECISION_RANK = {"place": 3, "admin2": 2.5, "admin1": 2, "country": 1}


class ArticleContext:
    def __init__(self, article: Article, doc, places: list[PlaceMention], kb: KnowledgeBase):
        self.article = article
        self.doc = doc
        # a continent is listed among the article's places but is never where an event happened
        self.all_places = places
        self.places = [p for p in places if p.place.precision in EVENT_PRECISIONS]
        self.published = date.fromisoformat(article.published) if article.published else None
        self.times: list[TimeMention] = find_times(doc, self.published)
        self.attributor = Attributor(doc)
        self.place_at = {i: p for p in places for i in range(p.token_start, p.token_end)}
        self.actors = ActorCoder(kb, article.published, self._speaker, self._place_country)
        self.sents = list(doc.sents)
        self._sent_starts = [s.start for s in self.sents]
        para_breaks = [i for i, ch in enumerate(doc.text) if ch == "\n"]
        self.paragraph_of = [bisect_right(para_breaks, s.start_char) for s in self.sents]
        self.main_place = self._main_place()
        self.recent_places: list[tuple[int, PlaceMention]] = []
        self._scopes: dict[int, set[int]] = {}
        self.has_headline = self._has_headline()
        self.actors.prime(doc)

    def _place_country(self, tok_i: int) -> Optional[str]:
        mention = self.place_at.get(tok_i)
        return mention.place.country if mention else None

    def _speaker(self, tok):
        quote = self.attributor.in_quote(tok)
        if quote:
            return self.attributor.quote_speaker(quote)
        return None

    def _has_headline(self) -> bool:
        return headline(self.doc.text) is not None

    def sent_index(self, tok) -> int:
        return bisect_right(self._sent_starts, tok.i) - 1

    def _main_place(self) -> Optional[PlaceMention]:
        specific = [p for p in self.places if p.place.precision in ("place", "admin1")]
        if not specific:
            return None
        counts = Counter(p.entry.geonameid for p in specific)
        top = counts.most_common(1)[0]
        return next(p for p in specific if p.entry.geonameid == top[0]) if top[1] >= 2 else None

    @staticmethod
    def clause_of(trigger):
        """The verb whose clause states the event: the trigger, or the verb a noun trigger serves."""
        if trigger.pos_ == "VERB":
            return trigger
        head = trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX") \
                and head.lemma_ not in REPORTING:
            return head
        return trigger

    def scope(self, trigger) -> set[int]:
        """Token indices that belong to the event's clause, minus embedded reported clauses."""
        if trigger.i not in self._scopes:
            self._scopes[trigger.i] = self._scope(trigger)
        return self._scopes[trigger.i]

    def _scope(self, trigger) -> set[int]:
        clause = self.clause_of(trigger)
        keep = set()
        stack = [clause]
        while stack:
            tok = stack.pop()
            keep.add(tok.i)
            for c in tok.children:
                if c.lemma_ in REPORTING and c.pos_ == "VERB" and c.i != trigger.i:
                    continue
                if c.lower_ == "according" or (c.dep_ in ("relcl", "appos") and c.i != trigger.i
                                                 and trigger not in c.subtree):
                    continue
                if c.dep_ in ("nsubj",) and c.i in self.place_at and c.head.i != trigger.i:
                    continue  # "Moscow said": a place as speaker is an actor, not where things happen
                stack.append(c)
        return keep

    def _attached(self, tok_i: int, clause_top: set[int], preps: set[str]) -> bool:
        """Whether the nearest preposition above the place is a locative one ("near Belaya")."""
        tok = self.doc[tok_i]
        for _ in range(8):
            if tok.dep_ in ("pobj", "npadvmod", "advmod") and tok.head.dep_ in ("prep", "agent", "advmod") \
                    or tok.head.pos_ == "ADP":
                prep = tok.head
                if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                    tok = prep.head  # "in the northern city of Mosul": climb to the preposition of "city"
                    continue
                return prep.lower_ in preps
            if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                return True  # "shelled Kharkiv", "entered the centre of Goma": the place is what is acted on
            if tok.head.i == tok.i or tok.i in clause_top:
                return False
            tok = tok.head
        return False

    def foreign(self, tok_i: int, trigger) -> bool:
        """Whether a token sits in a side clause that does not hold the trigger ("Kursk, where ...")."""
        tok = self.doc[tok_i]
        for _ in range(12):
            if tok.dep_ in FOREIGN_CLAUSES and trigger not in tok.subtree:
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def locate(self, trigger, extra_scope: set[int] = frozenset(), mobilize: bool = False):
        """(PlaceMention, reason) for the event, or (None, None)."""
        scope = self.scope(trigger) | set(extra_scope)
        preps = EVENT_LOC_PREPS | ({"to"} if mobilize else set())
        found = []
        for p in self.places:
            if p.token_start in scope and self._attached(p.token_start, {self.clause_of(trigger).i}, preps):
                found.append(p)
        if found:
            best = max(found, key=lambda p: (PRECISION_RANK.get(p.place.precision, 0), -abs(p.token_start - trigger.i)))
            return best, "attached to the event's clause"
        named = [p for p in self.places if p.token_start in scope and p.place.precision != "country"
                 and self.doc[p.token_end - 1].dep_ in ("compound", "nmod") and not self.foreign(p.token_start, trigger)]
        if named:  # "struck the Odesa port": the place names what was hit
            return min(named, key=lambda p: abs(p.token_start - trigger.i)), "names what the event acted on"
        si = self.sent_index(trigger)
        sent = self.sents[si]
        in_sent = [p for p in self.places if sent.start <= p.token_start < sent.end
                   and self.doc[p.token_start].dep_ not in ("nsubj",)
                   and self._attached(p.token_start, {sent.root.i}, preps) and not self.foreign(p.token_start, trigger)]
        if in_sent:  # a town or region before a country; the nearest first
            return min(in_sent, key=lambda p: (p.place.precision == "country", abs(p.token_start - trigger.i))), \
                "named in the same sentence"
        para = self.paragraph_of[si]
        in_para = [p for p in self.places if self.paragraph_of[self.sent_index(self.doc[p.token_start])] == para
                   and p.place.precision != "country" and self.doc[p.token_start].dep_ != "nsubj"]
        if in_para:
            return min(in_para, key=lambda p: abs(p.token_start - trigger.i)), "named in the same paragraph"
        recent = [p for k, p in self.recent_places if si - 2 <= k < si]
        if recent:  # discourse continuity: "... were killed in the clashes" after the clashes were placed
            return recent[-1], "where the story's previous event happened"
        if self.main_place is not None:
            return self.main_place, "the article's main place"
        return None, None

    def remember_place(self, trigger, place, reason: Optional[str]) -> None:
        if place is not None and reason in ("attached to the event's clause", "names what the event acted on",
                                            "named in the same sentence"):
            self.recent_places.append((self.sent_index(trigger), place))

    def date(self, trigger, attribution_cue=None) -> tuple[Optional[TimeExpr], str]:
        scope = self.scope(trigger)
        mine = [t for t in self.times if t.token_start in scope and t.resolved]
        if mine:
            return min(mine, key=lambda t: abs(t.token_start - trigger.i)).expr, "attached to the event's clause"
        si = self.sent_index(trigger)
        sent = self.sents[si]
        if attribution_cue is not None:
            holding = [c for c in attribution_cue.children if trigger in c.subtree]
            cue_scope = {c.i for c in attribution_cue.subtree} - scope - {t.i for h in holding for t in h.subtree}
            said = [t for t in self.times if t.token_start in cue_scope and t.resolved]
            if said:
                return said[0].expr, "date of the report"
        in_sent = [t for t in self.times if sent.start <= t.token_start < sent.end and t.resolved
                   and not self.foreign(t.token_start, trigger)]
        if in_sent:
            return min(in_sent, key=lambda t: abs(t.token_start - trigger.i)).expr, "named in the same sentence"
        para = self.paragraph_of[si]
        earlier = [t for t in self.times if t.resolved and t.token_start < sent.start
                   and self.paragraph_of[self.sent_index(self.doc[t.token_start])] == para]
        if earlier:
            return earlier[-1].expr, "named earlier in the paragraph"
        fallback = publication_fallback(self.published)
        return fallback, "publication date" if fallback else "no date"
