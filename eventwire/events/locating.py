"""Where each event happened: the clause that states it, the places attached to that clause,
and the story's places when the clause names none.

:class:`EventPlaces` holds one article's places by sentence and paragraph and answers
:meth:`~EventPlaces.locate` for an event trigger, with the reason
(:class:`~eventwire.reasons.PlaceReason`); the event's clause itself is worked out by
:class:`~eventwire.events.clauses.EventClauses`, which it extends.
:class:`~eventwire.events.context.ArticleContext` extends it with times and dates.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Doc

from eventwire.actors.coder import ActorCoder
from eventwire.actors.sectors import addressed
from eventwire.attribution.sources import international_seat
from eventwire.events.clauses import EventClauses
from eventwire.events.place_phrases import (NOTHING, PLACE_NOUNS, Spans, bearing_from, first_listed, holds_another,
                                            names_a_home, names_a_site, names_a_government, names_an_accord, nationality,
                                            said_about)
from eventwire.events.unlisted import (LOCALITY_NOUNS, names_a_water, CountryMention, bearing_reference,
                                       country_of_the_sentence, named_only, placed_at, stated_offset, list_head,
                                       unlisted_name)
from eventwire.places.resolver import EVENT_PRECISIONS, PlaceMention
from eventwire.places.toponyms import words
from eventwire.reasons import PlaceReason

EVENT_LOC_PREPS = {"in", "near", "at", "outside", "around", "across", "inside", "on", "over", "throughout",
                   "along", "within", "into", "through", "off", "north", "south", "east", "west", "northeast",
                   "northwest", "southeast", "southwest", "between"}
FOREIGN_CLAUSES = {"relcl", "acl", "appos", "advcl", "pcomp", "ccomp", "parataxis"}
# anaphoric place nouns and the precisions of the places they can refer back to
ANAPHOR_PLACE_NOUNS = {"city": ("place",), "town": ("place",), "village": ("place",), "capital": ("place",),
                       "region": ("admin1", "admin2"), "province": ("admin1",), "state": ("admin1",),
                       "district": ("admin2", "admin1"), "county": ("admin2",), "governorate": ("admin1",)}
# "in the northern city of Mosul", "at the remote hamlet of X": the noun before "of" names the place
OF_PLACE_NOUNS = PLACE_NOUNS | LOCALITY_NOUNS
PRECISION_RANK = {"place": 3, "admin2": 2.5, "admin1": 2, "country": 1}


def group_by(mentions: list, key_of: Callable[[int], int]) -> dict[int, list]:
    """Mentions (times, places) by the key of their first token, each group in list order."""
    out: dict[int, list] = {}
    for m in mentions:
        out.setdefault(key_of(m.token_start), []).append(m)
    return out


class EventPlaces(EventClauses):
    """One article's places, read by the events stage: each event's clause (``scope``) and the
    place it happened (``locate``). Builds nothing itself: the places stage found them."""

    def __init__(self, doc: Doc, places: list[PlaceMention], actors: ActorCoder,
                 known_name: Optional[Callable[[str], bool]] = None, country_mention: Optional[CountryMention] = None):
        super().__init__(doc)
        self.known_name = known_name  # whether the gazetteer has a name at all (None: never place unlisted names)
        self.country_mention = country_mention
        self._containers: dict[int, Optional[PlaceMention]] = {}  # id of an unlisted place -> the known place it was put at
        # a continent is listed among the article's places but is never where an event happened, nor
        # is a place in an agreement's name ("the Ottawa Convention")
        self.all_places = places
        self.places = [p for p in places if p.place.precision in EVENT_PRECISIONS and not names_an_accord(doc, p)
                       and not names_a_government(doc, p) and not names_a_home(doc, p) and not names_a_water(doc[p.token_end - 1])]
        self.place_at = {i: p for p in places if p.place.precision != "demonym" for i in range(p.token_start, p.token_end)}
        # a country's people ("the southern Angolan city of X") is never a place name the gazetteer lacks;
        # a town's may be one ("Minyan district")
        self._peoples = {i for p in places if p.place.precision == "demonym" and p.entry.feature == "country"
                         for i in range(p.token_start, p.token_end)}
        self.actors = actors
        self.sents = list(doc.sents)
        self._sent_starts = [s.start for s in self.sents]
        self.sent_texts = [s.text for s in self.sents]  # once: a sentence's text costs its length
        para_breaks = [i for i, ch in enumerate(doc.text) if ch == "\n"]
        self.paragraph_of = [bisect_right(para_breaks, s.start_char) for s in self.sents]
        # places by sentence and paragraph, in list order: a scan of all of them per event made long
        # articles quadratic (a clause, and so an event's scope, never leaves its sentence)
        self._places_in = group_by(self.places, self.sent_at)
        # seas, gulfs and regions with a point ("in the Red Sea", "in Kashmir"): a clause's place of last resort
        self._regions_in = group_by([p for p in places if p.place.precision == "region" and p.place.lat is not None
                                     and not names_an_accord(doc, p)], self.sent_at)
        self._places_in_para = group_by(self.places, lambda i: self.paragraph_of[self.sent_at(i)])
        # places where an intergovernmental body that reports sits: never where what it reports happened
        self._seats = {p.token_start for p in self.places if international_seat(doc, p.token_start, actors.kb)}
        self.main_place = self._main_place()
        self.story_country = self._story_country()
        # the places of earlier events, in sentence order: of all events, and of acts only (not what was said)
        self._events_places, self._acts_places = PlaceMemory(), PlaceMemory()

    def sent_index(self, tok) -> int:
        return self.sent_at(tok.i)

    def sent_at(self, token_i: int) -> int:
        """The index of the sentence that holds a token."""
        return bisect_right(self._sent_starts, token_i) - 1

    def _main_place(self) -> Optional[PlaceMention]:
        specific = [p for p in self.places if p.place.precision in ("place", "admin1") and p.token_start not in self._seats]
        if not specific:
            return None
        counts = Counter(p.entry.geonameid for p in specific)
        top = counts.most_common(1)[0]
        if top[1] >= 2 or len(counts) == 1:  # named twice, or the only town or province the story names
            return next(p for p in specific if p.entry.geonameid == top[0])
        return None

    def _story_country(self) -> Optional[str]:
        """The country the story is set in: the one that holds at least two thirds of the places it
        names (two at least), else None."""
        counts = Counter(p.place.country for p in self.places if p.place.country and p.place.precision != "demonym")
        if not counts:
            return None
        country, n = counts.most_common(1)[0]
        return country if n >= 2 and n * 3 >= 2 * sum(counts.values()) else None

    def _attached(self, tok_i: int, clause_top: set[int], preps: set[str]) -> bool:
        """Whether the nearest preposition above the place is a locative one ("near Belaya")."""
        tok = self.doc[tok_i]
        for _ in range(8):
            if tok.dep_ in ("pobj", "npadvmod", "advmod") and tok.head.dep_ in ("prep", "agent", "advmod") \
                    or tok.head.pos_ == "ADP":
                prep = tok.head
                if prep.lower_ == "of" and (prep.head.lemma_.lower() in OF_PLACE_NOUNS or prep.head.lower_ in OF_PLACE_NOUNS
                                            or prep.head.lower_ in words("bearing")):
                    tok = prep.head  # "in the northern city of Mosul", "west of the airport": climb to "city", "west"
                    continue
                return prep.lower_ in preps
            if tok.dep_ in ("advmod", "npadvmod") and tok.lower_ in words("bearing"):
                return True  # "struck just north of the town of X": the bearing hangs on the verb
            if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                return True  # "shelled Kharkiv", "entered the centre of Goma": the place is what is acted on
            if tok.head.i == tok.i or tok.i in clause_top:
                return False
            tok = tok.head
        return False

    def _under(self, tok_i: int, stop: set[int], clause_test: Callable) -> bool:
        """Whether a token sits under a clause that passes ``clause_test``, climbing from the token
        until a token in ``stop`` (the trigger's own line) or the root."""
        tok = self.doc[tok_i]
        for _ in range(12):
            if tok.i in stop or tok.head.i == tok.i:
                return False
            if clause_test(tok):
                return True
            tok = tok.head
        return False

    def _in_participle(self, tok_i: int, trigger) -> bool:
        """'launched an offensive in southern Aleppo, targeting the district of X': a place in a
        participle clause that does not hold the trigger is what the act aims at, not where it is."""
        return self._under(tok_i, self.lineage(trigger), lambda t: t.dep_ in ("advcl", "xcomp") and t.tag_ == "VBG"
                           and not any(c.dep_ == "nsubj" for c in t.children))

    def _origin(self, tok_i: int, trigger) -> bool:
        """'the bomber, from a village near Jenin, detonated his device at Umm al-Fahm junction': a
        place in a "from" phrase is where a party or a shot came from, not where the event struck."""
        return self._under(tok_i, self.lineage(trigger), lambda t: t.dep_ == "prep" and t.lower_ == "from")

    def _in_side_clause(self, tok_i: int, trigger) -> bool:
        """Whether the place sits in an adverbial clause with a subject of its own ("demonstrated
        across Turkey as leaders gathered in Istanbul"): another happening's place."""
        return self._under(tok_i, {trigger.i, self.clause_of(trigger).i}, lambda t: t.dep_ == "advcl"
                           and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                           and not any(c.dep_ == "advmod" and c.lower_ == "when" for c in t.children))

    def _where_its_target_is(self, tok_i: int, trigger) -> bool:
        """Whether a place sits in a relative clause on what the event acts on ("hit a monastery
        where families had sheltered in X"): it says where the target is."""
        clause = self.clause_of(trigger)
        return self._under(tok_i, self.lineage(trigger), lambda t: t.dep_ == "relcl" and t.head.dep_ in ("dobj", "pobj")
                           and (t.head.head.i in (trigger.i, clause.i)
                                or (t.head.head.dep_ == "prep" and t.head.head.head.i in (trigger.i, clause.i))))

    def foreign(self, tok_i: int, trigger) -> bool:
        """Whether a token sits in a side clause that does not hold the trigger ("Kursk, where ...")."""
        return self._under(tok_i, self.lineage(trigger), lambda t: t.dep_ in FOREIGN_CLAUSES)

    def locate(self, trigger, extra_scope: frozenset[int] | set[int] = frozenset(),
               toward: bool = False, about_elsewhere: bool = False,
               addressed: bool = False) -> tuple[Optional[PlaceMention], Optional[PlaceReason]]:
        """(PlaceMention, reason) for the event, or (None, None). A name in the event's clause that
        the gazetteer lacks is the place, at the coordinates of the place otherwise chosen
        (:mod:`eventwire.events.unlisted`). With ``about_elsewhere`` (a protest), the places of what
        the act is about are not where it happened (:func:`~eventwire.events.place_phrases.said_about`).
        With ``addressed`` (a speech act), a country it is addressed to ("urged the US") is a party, not the place.
        With ``toward``, a "to" phrase is where it happens ("deployed to Mali")."""
        about = said_about(trigger) if about_elsewhere else NOTHING
        if addressed:
            about = Spans(about.ranges + self._addressees(trigger))
        scope = {i for i in self.scope(trigger) | set(extra_scope) if i not in about}
        preps = EVENT_LOC_PREPS | ({"to"} if toward else set())
        place, reason = self._locate_known(trigger, scope, preps, about, addressed)
        place = self._narrowed(place) if place is not None else None
        if self.known_name is None:
            return place, reason
        clause = {self.clause_of(trigger).i}
        span = unlisted_name(self.doc, scope - self._peoples, self.place_at, lambda i: self._attached(i, clause, preps),
                             self.known_name, self.actors.names_party, lambda i: self._in_participle(i, trigger))
        offset = stated_offset(self.doc, span[1], self.place_at) if span is not None else None
        located_from = None
        if span is not None:  # "40 km west of Y" first, else "just north of Y"
            located_from = offset[0] if offset is not None else bearing_reference(self.doc, span[1], self.place_at)
        if located_from is not None:  # "Taji, just north of Baghdad": near Baghdad, whatever else was chosen
            place = self.place_at[located_from]
        elif span is not None and place is None:
            # "Maryin Gubay, a small town in southern Somalia"; else "the Syrian Army captured X"
            place = self._said_to_contain(span) or self._peoples_country(trigger)
        elif span is not None and place is not None and place.place.precision == "place":
            # a town is not where another town is ("near the Iraqi town of X, hours after an attack
            # in Erbil"); a street or a site is ("Rustaveli Avenue in central Tbilisi")
            place = self._peoples_locality(span) or place
        if span is not None and place is None and not self._in_participle(span[0], trigger):
            named = named_only(self.doc, span, self.sent_index(trigger))
            self._containers[id(named)] = None  # nothing for a later sentence to inherit
            return named, PlaceReason.CLAUSE
        if span is None or place is None or (self._in_participle(span[0], trigger)
                                             and not self._in_participle(place.token_start, trigger)) \
                or place.token_start <= list_head(self.doc[span[1] - 1]).i < place.token_end:
            return place, reason  # nothing unlisted, only what the act aims at, or a later one of a list
        unlisted = placed_at(self.doc, span, place, self.sent_index(trigger), offset[1] if offset is not None else None)
        self._containers[id(unlisted)] = place
        return unlisted, PlaceReason.CLAUSE

    def at_the_seat(self, trigger, country: str, place: Optional[PlaceMention],
                    reason: Optional[PlaceReason]) -> tuple[Optional[PlaceMention], Optional[PlaceReason]]:
        """An act a government does at home (the codebook's ``at_the_seat``: a summons is at the
        foreign ministry) is in its capital, unless its clause names a place of its own country:
        "summoned Turkey's ambassador" happened in the summoner's capital, not in Turkey."""
        if place is not None and reason is PlaceReason.CLAUSE and place.place.country == country \
                and place.place.precision != "country":
            return place, reason
        seat = self.country_mention(country, self.doc[trigger.i:trigger.i + 1], self.sent_index(trigger),
                                    f"the capital of {self.actors.kb.country_names.get(country, country)}", seat=True) if self.country_mention else None
        return (seat, PlaceReason.SEAT) if seat is not None else (place, reason)

    def _addressees(self, trigger) -> list[range]:
        """Token ranges of the places a verb is addressed to: its object or dative ("urged the US",
        "asked Moscow"), or what it calls on or appeals to ("called on Russia", "appealed to Beijing")."""
        out = []
        for c in trigger.children if trigger.pos_ == "VERB" else ():
            for t in [c] if c.dep_ in ("dobj", "dative") else [g for g in c.children if g.dep_ == "pobj"]:
                mention = self.place_at.get(t.i)  # a country any speech act takes; other places only when addressed
                if mention is not None and (addressed(t) or (t.i == c.i and mention.place.precision == "country")):
                    out.append(range(mention.token_start, mention.token_end))
        return out

    def _narrowed(self, place: PlaceMention) -> PlaceMention:
        """The town a larger place qualifies in one phrase: "Dagestan's regional capital
        Makhachkala", "Pakistan's largest city, Karachi" are Makhachkala and Karachi."""
        tok = self.doc[place.token_end - 1]
        if tok.dep_ not in ("poss", "compound", "nmod"):
            return place
        head = tok.head
        named = [head] if head.i in self.place_at else [c for c in head.children if c.dep_ == "appos"]
        inner = [self.place_at[t.i] for t in named if t.i in self.place_at]
        rank = PRECISION_RANK.get(place.place.precision or "", 0)
        better = [p for p in inner if PRECISION_RANK.get(p.place.precision or "", 0) > rank]
        return better[0] if better else place

    def _peoples_country(self, trigger) -> Optional[PlaceMention]:
        si = self.sent_index(trigger)
        peoples = [p for p in self.all_places if p.place.precision == "demonym" and self.sent_at(p.token_start) == si
                   and p.entry.feature == "country"]
        return country_of_the_sentence(self.doc, peoples, self.sents[si], self.actors.kb, self.country_mention, si)

    def _peoples_locality(self, span: tuple[int, int]) -> Optional[PlaceMention]:
        """The country of a people that names the unlisted name's kind of place ("the Iraqi border
        town of X", "a Malian village, X"), at precision ``country``; None when there is none."""
        name = next((t for t in self.doc[span[0]:span[1]] if not span[0] <= t.head.i < span[1]), None)
        if name is None:
            return None
        kind = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "of" else name.head if name.dep_ == "appos" else None
        if kind is None or kind.lemma_.lower() not in LOCALITY_NOUNS:
            return None
        lefts = {t.i for t in kind.lefts}
        people = next((p for p in self.all_places if p.token_start in lefts and p.place.precision == "demonym"
                       and p.entry.feature == "country"), None)
        return replace(people, place=replace(people.place, precision="country", feature="country")) if people else None

    def _said_to_contain(self, span: tuple[int, int]) -> Optional[PlaceMention]:
        """A known place the unlisted name's own phrase puts it in ("X, a town in Y"), or None."""
        head = self.doc[span[1] - 1]
        inside = [self.place_at[t.i] for t in head.subtree if t.i in self.place_at and t.i >= span[1]]
        return min(inside, key=lambda p: p.token_start) if inside else None

    def _locate_known(self, trigger, scope: set[int], preps: set[str], about: Spans = NOTHING,
                      addressed: bool = False) -> tuple[Optional[PlaceMention], Optional[PlaceReason]]:
        si = self.sent_index(trigger)
        here = [p for p in self._places_in.get(si, []) if p.token_start not in about]
        found = []
        for p in here:
            if p.token_start in scope and self._attached(p.token_start, {self.clause_of(trigger).i}, preps) \
                    and not nationality(self.doc, p, trigger):
                found.append(p)
        if found:
            best = max(found, key=lambda p: (not self._in_side_clause(p.token_start, trigger),
                                             not self._in_participle(p.token_start, trigger), not names_a_site(self.doc, p),
                                             not self._origin(p.token_start, trigger),
                                             not bearing_from(self.doc, p), PRECISION_RANK.get(p.place.precision, 0),
                                             -abs(p.token_start - trigger.i)))
            return first_listed(self.doc, self.place_at, best, found), PlaceReason.CLAUSE
        region = self._region_in_clause(trigger, scope, preps, about)
        if region is not None:
            return region, PlaceReason.CLAUSE
        back = self._referred_place(trigger, scope, preps)
        if back is not None:  # "an attack on the city": the city named before
            return back, PlaceReason.ANAPHOR
        named = [p for p in here if p.token_start in scope and p.place.precision != "country"
                 and self.doc[p.token_end - 1].dep_ in ("compound", "nmod", "poss") and not self.foreign(p.token_start, trigger)]
        if named:  # "struck the Odesa port": the place names what was hit
            return min(named, key=lambda p: abs(p.token_start - trigger.i)), PlaceReason.ACTED_ON
        sent = self.sents[si]
        in_sent = [p for p in here if self.doc[p.token_start].dep_ not in ("nsubj",) and not nationality(self.doc, p, trigger)
                   and self._attached(p.token_start, {sent.root.i}, preps) and not self.foreign(p.token_start, trigger)
                   and p.token_start not in self._seats]
        if in_sent:  # a town or region before a country, or the division it is in; the nearest first
            return min(in_sent, key=lambda p: (p.place.precision == "country", bearing_from(self.doc, p),
                                               holds_another(p, in_sent), abs(p.token_start - trigger.i))), PlaceReason.SENTENCE
        target = [p for p in here if p.place.precision != "country" and self._where_its_target_is(p.token_start, trigger)]
        if target:  # "hit a monastery where families had sheltered in the Sagaing region": where the target is
            return min(target, key=lambda p: abs(p.token_start - trigger.i)), PlaceReason.SENTENCE
        para = self.paragraph_of[si]
        in_para = [p for p in self._places_in_para.get(para, []) if p.token_start not in about
                   and p.place.precision != "country" and self.doc[p.token_start].dep_ != "nsubj"
                   and p.token_start not in self._seats]
        if in_para:
            return min(in_para, key=lambda p: abs(p.token_start - trigger.i)), PlaceReason.PARAGRAPH
        # an act does not inherit where the last statement was made ("The UN office in Geneva called ...")
        memory = self._events_places if addressed else self._acts_places
        recent = [p for k, p in memory.latest_before(si) if si - 2 <= k]
        if recent:  # discourse continuity: "... were killed in the clashes" after the clashes were placed
            return recent[-1], PlaceReason.PREVIOUS_EVENT
        if self.main_place is not None and self.main_place.token_start not in about:
            return self.main_place, PlaceReason.MAIN_PLACE
        return None, None

    def _region_in_clause(self, trigger, scope: set[int], preps: set[str], about: Spans) -> Optional[PlaceMention]:
        """A sea, gulf or region the event's clause puts it in when the clause names no town, division
        or country ("attacked a cargo ship in the Red Sea", "patrolling the Persian Gulf"; not "the
        Black Sea port of X", nor "militants trying to cross into Kashmir"), at the precision of a
        first-level division (the contract's nearest; ACLED codes such an event at geo-precision 3).
        None when the clause names none."""
        clause = {self.clause_of(trigger).i}
        found = [p for p in self._regions_in.get(self.sent_index(trigger), []) if p.token_start in scope
                 and p.token_start not in about and self._attached(p.token_start, clause, preps)
                 and not self.foreign(p.token_start, trigger)
                 and self.doc[p.token_end - 1].dep_ not in ("compound", "nmod", "poss", "amod")]
        if not found:
            return None
        best = min(found, key=lambda p: abs(p.token_start - trigger.i))
        return replace(best, place=replace(best.place, precision="admin1"))

    def _referred_place(self, trigger, scope: set[int], preps: set[str]) -> Optional[PlaceMention]:
        """The last place of the noun's kind named before an anaphor in the event's clause ("the city",
        "the town", "the region"); None when the clause has no such anaphor or nothing fits."""
        for i in sorted(scope):
            tok = self.doc[i]
            kind = ANAPHOR_PLACE_NOUNS.get(tok.lemma_.lower())
            if kind is None or i in self.place_at or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                            for c in tok.children):
                continue
            if any(c.dep_ in ("compound", "amod", "prep") and c.pos_ in ("PROPN", "ADP") for c in tok.children):
                continue  # "the city of Mosul", "the Mosul region": the name is there
            if not self._attached(i, {self.clause_of(trigger).i}, preps):
                continue
            before = [p for p in self.places if p.token_end <= i and p.place.precision in kind
                      and not (tok.lemma_.lower() == "capital" and self.story_country
                               and p.place.country != self.story_country)]  # a story's "the capital" is its country's
            if before:
                return before[-1]
        return None

    def remember_place(self, trigger, place, reason: Optional[PlaceReason], said: bool = False) -> None:
        """Keep an event's place for later sentences that continue its scene; ``said``: a speech act's."""
        place = self._containers.get(id(place), place)  # a later sentence inherits the known place, not the village
        if place is not None and reason is not None and reason.in_sentence:
            self._events_places.add(self.sent_index(trigger), place)
            if not said:
                self._acts_places.add(self.sent_index(trigger), place)


class PlaceMemory:
    """Places remembered by sentence index, in sentence order."""

    def __init__(self) -> None:
        self.places: list[tuple[int, PlaceMention]] = []
        self._keys: list[int] = []

    def add(self, sentence: int, place: PlaceMention) -> None:
        self.places.append((sentence, place))
        self._keys.append(sentence)

    def latest_before(self, sentence: int) -> list[tuple[int, PlaceMention]]:
        """The latest remembered place of a sentence before ``sentence`` (as a list of at most one)."""
        k = bisect_left(self._keys, sentence)
        return self.places[k - 1:k]
