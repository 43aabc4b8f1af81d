"""The places stage: resolve every toponym of a parsed article to GeoNames.

Candidates come from :mod:`eventwire.toponyms`; one is a place if the gazetteer knows the name
and, for weak entity labels, a locative cue ("in", "near", "region"...) supports it.

Resolution scores each candidate by evidence and keeps the reasons:
feature and population, primary versus alternate name, the article's countries (country
names and demonyms), the divisions the article names ("Kursk region"), and a country or
division named right next to the place ("Belaya, in Kursk region"; "Tuva, Russia").
Evidence from a country the story hardly names counts less: neighbouring namesakes (Norfolk and
Suffolk, Virginia, in a British story) and a division named in a world round-up ("England" is no
village "Melbourne" when the name is also a great city's).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Sequence, Optional

from eventwire.geo import haversine_km
from eventwire.places.gazetteer import Gazetteer, GeoEntry, fold
from eventwire.actors.kb import KnowledgeBase
from eventwire.model import Place
from eventwire.places.outlet import OutletHint, outlet_home, outlet_points, outlet_votes
from eventwire.places.evidence import (coherence_weight, divisions_in_names, division_weight, extend_names, group_key, listed_with_places, name_end, names_a_division, near_a_point, nearby_scope, only_small_towns, other_names, placed_in_state, plausible, repeated_names, state_after_town, support)
from eventwire.places.names import (country_of_people, division_demonym, inner_names, is_acronym, is_country_alias, is_country_demonym, people_entry, people_spans, region_entry, region_why, spelling_variant)
from eventwire.places.toponyms import (ADMIN2_SUFFIXES, PLACE_LABELS, STRONG_LABELS, Toponym, candidates, locative_cue, person_names, preposition_before, split_suffix, strip_span)

LOCAL_FEATURES = ("city", "admin2", "admin3", "site")  # places whose neighbours say where a story is
HOME_KM, HOME_BONUS = 150.0, 3.0  # a reading near the outlet's usual area (eventwire.home)
# The town an outlet's address names ("richmondregister.com") is a guess among its namesakes: it is
# used only when one reading leads by OUTLET_MARGIN (or the leaders lie together), and its area
# weighs a third of a learned home area (LGL within 161 km: 0.840 without it; 0.841-0.842 for
# margins 0-0.5 and a full, half or third bonus -- the third risks least when the guess is wrong).
OUTLET_MARGIN, OUTLET_HOME_BONUS = 0.5, 1.0
# a division named only inside an organisation's name ("Minnesota State Chess Association") is
# weaker evidence than one named as a place (LGL: +1 0.830, +1.5 and +2 0.833)
MENTIONED_DIVISION_BONUS = 1.5
SIBLING_DIVISION_BONUS = 1.5  # a first-level division among others of its country
MAX_READINGS = 40  # readings per name considered for coherence ("Springfield" has dozens)
EVENT_PRECISIONS = ("place", "admin2", "admin1", "country")  # the event contract's location precisions
WEAK_ALT_POPULATION = 100_000
MAIN_CITY_POPULATION = 100_000  # a town this size may give a first-level division its name ("Zaporizhzhia Oblast")
GPE_ALT_POPULATION = 1_000  # a GPE in a story set nowhere yet keeps its alternate spelling ("Deraa", "Miranshah")
STRAY_VILLAGE_POPULATION = 10_000  # below this, a town abroad needs some support in a story set elsewhere
SETTING_SHARE = 0.3  # a country with this share of the story's votes is where it is set
ALT_MIN_SHARE = 0.05  # a country with less of the story's votes is one it hardly names (a 1/9 "San Diego" vote)
STORY_COUNTRY_SHARE = 0.6  # a story set in one country: its towns may share a country's name
ALT_PENALTY = 1.5  # a name GeoNames lists as alternate is weaker evidence than the place's own name
METROPOLIS = 1_000_000  # a city this size is known by its short names too
ALT_PENALTY_METROPOLIS = 0.75
SPELLING_MIN_SHARE = 0.2  # a spelling variant is sought among the places of the article's main countries
PRECISIONS = {"city": "place", "admin3": "place", "site": "place", "admin2": "admin2", "admin1": "admin1",
              "country": "country", "continent": "continent", "region": "region"}



@dataclass
class PlaceMention:
    place: Place
    token_start: int
    token_end: int  # exclusive
    sentence: int
    entry: GeoEntry


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase):
        self.gaz = gazetteer
        self.kb = kb
        # each capital as its country's most populous town of that name: Washington, D.C., not
        # Washington, Georgia
        self._capitals = {(e.country, fold(name)): e.population for name, t in kb.countries.items() if t.is_capital
                          for e in [max((e for e, alt in gazetteer.lookup(name) if e.feature == "city" and not alt
                                         and e.country == t.iso3), key=lambda e: e.population, default=None)] if e}
        self._capital_of = {e.country: e for name, t in kb.countries.items() if t.is_capital
                            for e, alt in gazetteer.lookup(name) if self._capitals.get((e.country, fold(e.name))) == e.population}

    def find(self, doc, home: Optional[tuple[float, float]] = None,
             outlet: Optional[OutletHint] = None, day: Optional[str] = None) -> list[PlaceMention]:
        """Every place the article names, resolved; ``home`` is the outlet's home point, if known
        (see :mod:`eventwire.home`), ``outlet`` what its web address names (:mod:`eventwire.outlet`),
        ``day`` the publication day (a bare surname of whoever held office then is that person)."""
        found = extend_names(self.gaz, doc, candidates(doc))
        people = person_names(doc) | self._office_holders(found, day)
        cands = [c for c in found if self._plausible(doc, c, people)]
        cands += listed_with_places(self.gaz, self.kb, doc, found, cands, people)
        # a place inside a longer name is listed but does not steer the others: "Madison Middle
        # School" and "the Hampton Inn" are no evidence of where the story is (LGL: 0.851 -> 0.850)
        context = self._context(doc, cands, outlet)
        sent_of = {t.i: k for k, s in enumerate(doc.sents) for t in s}
        groups = self._candidate_points(cands, outlet, context)
        home, home_bonus = self._home(home, outlet, context, groups)
        mentions = [self._mention(entry, doc[c.start:c.end], 5.0, region_why(entry), sent_of)
                    for c, entry in self._regions(doc, found)]
        named_parties = [c for c in found if (self.kb.lookup(c.name) or ("",))[0] == "entity"]  # "the Abu Sayyaf"
        extra = inner_names(self.gaz, doc, [c for c in found if c not in named_parties],
                            lambda t: self._plausible(doc, t, people))
        extra += self._spelled(doc, found, cands, context, people)
        for c in sorted(cands + extra, key=lambda c: c.start):
            best = self._resolve(doc, c, context, other_names(groups, c), home, home_bonus)
            if best is None:
                continue
            entry, score, why = best
            mentions.append(self._mention(entry, doc[c.start:name_end(doc, c)], score, why, sent_of))
        mentions += self._repeats(doc, mentions, people, sent_of)
        mentions += self._peoples(doc, mentions, sent_of)
        return sorted(mentions, key=lambda m: m.token_start)

    def _office_holders(self, found: list[Toponym], day: Optional[str]) -> set[str]:
        """Folded one-word names that are the surname of someone in office on ``day`` ("Obama" in
        2016 is the president, not the Japanese town), unless a large town or a division has the name."""
        if not day:
            return set()
        return {fold(c.name) for c in found if c.end - c.start == 1 and fold(c.name) in self.kb.surnames
                and only_small_towns(self.gaz.lookup(c.name))
                and self.kb.person_by_surname([c.name], day, in_office=True)}

    def _peoples(self, doc, mentions: list[PlaceMention], sent_of: dict) -> list[PlaceMention]:
        """A people or adjective of a country, division or continent ("Georgian troops", "Ohioans"):
        listed with precision ``demonym``, never an event's location (the people are not the place)."""
        taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
        out = []
        def of_a_place(text: str) -> bool:
            return country_of_people(self.gaz, self.kb, text) is not None or \
                division_demonym(self.gaz, text) is not None

        def demonym(text: str) -> bool:
            return country_of_people(self.gaz, self.kb, text) is not None and is_country_demonym(self.kb, text)

        for start, end in people_spans(doc, taken, of_a_place, demonym):
            found = people_entry(self.gaz, self.kb, doc[start:end].text)
            if found is not None and (found[0].feature != "region" or found[1].startswith("people")):
                m = self._mention(found[0], doc[start:end], 4.0, found[1] + "; a people or adjective, not the place", sent_of)
                m.place.precision = "demonym"
                out.append(m)
        return out

    def _regions(self, doc, found: list[Toponym]) -> list[tuple[Toponym, GeoEntry]]:
        """Continents and world regions ("Europe", "the Black Sea", "West Africa"). A one-word
        region needs a place label or a locative cue: "The Atlantic" may be a magazine."""
        out = []
        for c in found:
            if not c.world_region() or (c.end - c.start == 1 and c.label not in PLACE_LABELS
                                        and not locative_cue(doc, c)):
                continue
            entry = region_entry(self.gaz, c.name)
            if entry is not None:
                out.append((c, entry))
        return out

    def _spelled(self, doc, found: list[Toponym], cands: list[Toponym], context: dict,
                 people: set[str]) -> list[Toponym]:
        """Names the index lacks that are a transliteration of one of its places in the article's
        countries ("Kyaukphyu" for Kyaukpyu, Myanmar); the match is kept in ``context["spelled"]``."""
        countries = tuple(k for k, v in sorted(context["countries"].items(), key=lambda kv: -kv[1])
                          if v >= SPELLING_MIN_SHARE)[:2]
        taken = {c.start for c in cands}
        out = []
        for c in found:
            if c.start in taken or c.world_region() or fold(c.name) in people or c.label == "NORP" \
                    or not (c.label in STRONG_LABELS or preposition_before(doc, c)):
                continue  # an unknown name is tried as a variant only where the text places it: "near Kyaukphyu"
            match = spelling_variant(self.gaz, c.name, countries) if countries else None
            if match:
                context.setdefault("spelled", {})[fold(c.name)] = match
                out.append(c)
        return out

    def _lookup(self, name: str, context: dict) -> list[tuple[GeoEntry, bool]]:
        entries = self.gaz.lookup(name)
        if entries or fold(name) not in context.get("spelled", {}):
            return entries
        variant, _ = context["spelled"][fold(name)]
        return [(e, True) for e, alt in self.gaz.lookup(variant) if not alt]

    def _repeats(self, doc, mentions: list[PlaceMention], people: set[str], sent_of: dict) -> list[PlaceMention]:
        """Every other mention of a name the article placed is the same place ("MANSFIELD --",
        "the Mansfield resident" once "in Mansfield" is resolved), outside people's and
        organisations' names."""
        taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
        first: dict[str, PlaceMention] = {}
        for m in mentions:
            first.setdefault(fold(m.place.text), m)
        out = []
        written = {key: m.place.text for key, m in first.items()}
        for start, end, key in repeated_names(doc, written, taken, people):
            m = first[key]
            why = f"same name as {m.place.text!r} placed in sentence {m.sentence + 1}; {m.place.why}"
            out.append(self._mention(m.entry, doc[start:end], m.place.score or 0.0, why, sent_of))
        return out

    def _mention(self, entry: GeoEntry, span, score: float, why: str, sent_of: dict) -> PlaceMention:
        return PlaceMention(self._place(entry, span, score, why), span.start, span.end, sent_of[span.start], entry)

    def country_mention(self, iso3: str, span, sentence: int, why: str) -> Optional[PlaceMention]:
        """A country as the place of ``span`` (a phrase that is not the country's name), or None
        for a code that is no country ("IGO")."""
        entry = self.gaz.country_entry.get(iso3)
        return PlaceMention(self._place(entry, span, 0.0, why), span.start, span.end, sentence, entry) if entry else None

    def resolve_span(self, doc, start: int, end: int, home: Optional[tuple[float, float]] = None,
                     outlet: Optional[OutletHint] = None) -> Optional[Place]:
        """Resolve a given token span (e.g. a gold toponym) in the context of its article."""
        if doc.user_data.get("eventwire_place_outlet", False) != outlet:
            people = person_names(doc)
            cands = [c for c in candidates(doc) if self._plausible(doc, c, people)]
            doc.user_data["eventwire_place_context"] = self._context(doc, cands, outlet)
            doc.user_data["eventwire_place_points"] = self._candidate_points(cands, outlet, doc.user_data["eventwire_place_context"])
            doc.user_data["eventwire_place_outlet"] = outlet
        context = doc.user_data["eventwire_place_context"]
        start, end = strip_span(doc, start, end)
        if start >= end:
            return None
        name_end, suffix = split_suffix(doc, start, end)
        cand = Toponym(start, name_end, doc[start:name_end].text, bool(suffix), "", suffix)
        if cand.world_region() or is_country_demonym(self.kb, cand.name):
            # "Europe" is the continent, never a town; "Canadian" is Canada, not Canadian, Victoria
            return self._named_by_people(doc[start:end])
        groups = doc.user_data["eventwire_place_points"]
        home, home_bonus = self._home(home, outlet, context, groups)
        best = self._resolve(doc, cand, context, other_names(groups, cand), home, home_bonus)
        if best is None:
            return self._named_by_people(doc[start:end])
        entry, score, why = best
        return self._place(entry, doc[start:end], score, why)

    def _named_by_people(self, span) -> Optional[Place]:
        """The place of a span that names none: a demonym's country or division, a continent."""
        found = people_entry(self.gaz, self.kb, span.text)
        return self._place(found[0], span, 4.0, found[1]) if found else None

    def _plausible(self, doc, c: Toponym, people: Optional[set[str]] = None) -> bool:
        return plausible(self.gaz, self.kb, doc, c, person_names(doc) if people is None else people)

    def _people_country(self, ent) -> Optional[str]:
        known = self.kb.lookup(ent.text)
        return known[1].iso3 if known and known[0] == "country" else None

    def _organisation_country(self, ent) -> Optional[str]:
        """A named organisation's country votes as its people would: "Hezbollah", "the Syrian Arab
        Army" (a country's adjective opening the name). Not a union or an NGO of many countries."""
        entity = self.kb.named_entity(ent)
        if entity is not None and entity.country in self.gaz.country_entry:
            return entity.country
        words = [t for t in ent if t.lower_ not in ("the", "a", "an")]
        first = self.kb.lookup(words[0].text) if len(words) > 1 else None
        return first[1].iso3 if first and first[0] == "country" and is_country_demonym(self.kb, words[0].text) else None

    def _context(self, doc, cands: list[Toponym], outlet: Optional[OutletHint] = None) -> dict:
        """The article's countries (shares of the votes its names and demonyms cast) and the
        first-level divisions it names. Votes are kept per name, so that a name's reading is not
        supported by its own vote ("Dublin" voting for Ireland)."""
        votes: dict[str, Counter] = {}
        named_by: dict[tuple[str, Optional[str]], set[str]] = {}  # which names put a division in the article
        norp = votes.setdefault("", Counter())
        for ent in doc.ents:
            iso3 = self._people_country(ent) if ent.label_ == "NORP" else \
                self._organisation_country(ent) if ent.label_ == "ORG" else None
            if iso3:
                norp[iso3] += 1
        for c in cands:
            mine = votes.setdefault(group_key(c), Counter())
            entries = self.gaz.lookup(c.name)
            state = placed_in_state(doc, c)
            if state:  # "Alexandria, La.": every Alexandria of the story is in Louisiana
                named_by.setdefault(("US", state), set()).add("state:" + state)
                mine["USA"] += 1
            acronym = is_acronym(c.name)  # "UK", "US": the country's alias, never the village Uk or Us
            for e, alt in entries:
                if e.feature == "country" and (not alt or acronym or is_country_alias(self.kb, c.name, e.country)):
                    # "Georgia" is also a US state: a name shared with a division abroad weighs half
                    shared = any(d.feature == "admin1" and not d_alt and d.country != e.country for d, d_alt in entries)
                    mine[e.country] += 1 if shared else 2
                    break
            division = c.admin_suffix or names_a_division(entries)
            if division:  # "Kursk region"; "Minnesota"
                for e, alt in entries:
                    if e.feature == "admin1" and not alt:
                        named_by.setdefault((e.cc2, e.admin1_code), set()).add(group_key(c))
                        mine[e.country] += 1
            towns = {e.country for e, alt in entries if e.feature == "city" and not alt and not acronym}
            if towns and not division:  # every town name votes, split over the countries that have one
                # ("Ontario" the province does not also vote for the US towns named after it)
                for iso3 in towns:
                    mine[iso3] += 1 / len(towns)  # type: ignore[assignment]  # a float share in a Counter
            if c.suffix in ADMIN2_SUFFIXES:  # "Henderson County": the states that have one
                counties = [e for e, alt in entries if e.feature == "admin2" and c.suffix in e.name.lower()]
                for e in counties:
                    mine[e.country] += 1 / len(counties)  # type: ignore[assignment]  # a float share in a Counter
                if len(counties) <= 2:
                    for e in counties:
                        named_by.setdefault((e.cc2, e.admin1_code), set()).add(group_key(c))
        if outlet:
            outlet_votes(self.gaz, outlet, votes.setdefault("@outlet", Counter()), named_by)
        countries: Counter = sum(votes.values(), Counter())
        total = sum(countries.values()) or 1
        return {"countries": {k: v / total for k, v in countries.items()}, "admin1": set(named_by), "named_by": named_by,
                "votes": votes, "raw": countries, "mentioned_admin1": divisions_in_names(self.gaz, doc, cands)}

    @staticmethod
    def _shares_without(context: dict, key: str) -> dict[str, float]:
        own = context["votes"].get(key, Counter())
        rest = context["raw"] - own
        total = sum(rest.values())
        return {k: v / total for k, v in rest.items()} if total else {}

    def _home(self, home, outlet, context, groups) -> tuple[Optional[tuple[float, float]], float]:
        """A learned home area when there is one, else the town the outlet's address names."""
        if home:
            return home, HOME_BONUS
        if not outlet or len(outlet.places) != 1:
            return None, OUTLET_HOME_BONUS
        others = [points for key, points in groups.items() if key != fold(outlet.places[0])]
        point = outlet_home(self.gaz, outlet, self._shares_without(context, "@outlet"), context["admin1"], others,
                            OUTLET_MARGIN, HOME_KM)
        return point, OUTLET_HOME_BONUS

    def _candidate_points(self, cands: list[Toponym], outlet: Optional[OutletHint] = None,
                          context: Optional[dict] = None) -> dict[str, list[tuple[float, float]]]:
        """Every local reading (town or second-level division) of every toponym in the article, by
        name: the evidence for coherence ("Paris" near some reading of "Lamar County"); the towns
        the outlet's address names count as names of the article. A country's name ("Egypt",
        "Lebanon") lends its namesake towns only in a story set in their country."""
        groups: dict[str, list[tuple[float, float]]] = {}
        if outlet:
            groups.update(outlet_points(self.gaz, outlet, MAX_READINGS))
        for c in cands:
            name = group_key(c)
            if name in groups:
                continue
            found = self.gaz.lookup(c.name)
            entries = [e for e, alt in found if e.feature in LOCAL_FEATURES and
                       (e.feature != "admin2" or c.suffix in ADMIN2_SUFFIXES)]
            if context is not None and not c.suffix and any(e.feature == "country" for e, _ in found):
                # "Egypt", "Scotland": their namesake villages are evidence only in a story set in
                # their country ("Lebanon" of a story in Indiana)
                shares = self._shares_without(context, name)
                entries = [e for e in entries if shares.get(e.country, 0) >= STORY_COUNTRY_SHARE]
            entries.sort(key=lambda e: -e.population)
            groups[name] = [(e.lat, e.lon) for e in entries[:MAX_READINGS]]
        return groups

    def _resolve(self, doc, c: Toponym, context: dict,
                 others: Sequence[list[tuple[float, float]]] = (),
                 home: Optional[tuple[float, float]] = None, home_bonus: float = HOME_BONUS) -> Optional[tuple[GeoEntry, float, str]]:
        seat = self.kb.lookup(c.name)
        if seat is not None and seat[0] == "seat" and seat[1][0] in self._capital_of:  # "at the White House"
            capital = self._capital_of[seat[1][0]]
            return capital, 5.0, f"seat of government in {capital.name}, the capital"
        own = group_key(c)  # "New York" does not name the state that makes "New York City" likelier
        shares = self._shares_without(context, own)
        votes = sum((context["raw"] - context["votes"].get(own, Counter())).values())
        entries = [(e, alt) for e, alt in self._lookup(c.name, context) if e.feature not in ("continent", "region")]
        if is_acronym(c.name):  # "EU", "UN", "PA": a country or state code, never a town ("Eu", Normandy)
            entries = [(e, alt) for e, alt in entries if e.feature in ("country", "admin1")]
        state = state_after_town(doc, c)
        if state and ("US", state) in self.gaz.admin1_entry:  # the "Pa." of "Friedensburg, Pa."
            entries = [(self.gaz.admin1_entry[("US", state)], True)]
        if c.suffix in ADMIN2_SUFFIXES:
            # "Douglas County": the second-level division of that name; a first-level division only
            # if it is itself named so; else a town of that name in the article's countries
            divisions = [(e, False) for e, alt in entries if e.feature == "admin2" and c.suffix in e.name.lower()]
            entries = divisions or [(e, alt) for e, alt in entries if (e.feature == "admin1" and c.suffix in e.name.lower())
                                    or (e.feature == "city" and e.country in context["countries"])] \
                or [(e, alt) for e, alt in entries if e.feature == "admin1" and not alt]  # "10 Kentucky counties"
        elif c.admin_suffix:
            admins = [(e, alt) for e, alt in entries if e.feature == "admin1"]
            if not admins and c.suffix != "state":  # "Zaporizhzhia Oblast": the division whose main city
                # has that name; but "San Diego State" is a university, not California
                admins = [(self.gaz.admin1_entry[(e.cc2, e.admin1_code)], True) for e, alt in entries
                          if e.feature == "city" and (e.cc2, e.admin1_code) in self.gaz.admin1_entry
                          and e.population >= MAIN_CITY_POPULATION]  # "the Vedeno region": the town's district
            if c.suffix == "region" and not any(shares.get(e.country) for e, _ in admins) \
                    and any(e.feature == "city" and shares.get(e.country) for e, _ in entries):
                admins = []  # "the Charlotte region" of a US story is the city's area, not a Caribbean parish
            entries = admins or entries
        if c.suffix not in ADMIN2_SUFFIXES:  # a bare "Henderson" is the town, not Henderson County;
            # a bare "Oconee", which names no town, is the county
            entries = [(e, alt) for e, alt in entries if e.feature != "admin2" or not alt] or entries
        near_countries, near_admin = nearby_scope(self.gaz, doc, c)
        context = {**context, "countries": shares,
                   "admin1": {k for k, names in context["named_by"].items() if names - {own}},
                   "foreign_country": {e.country for e, alt in entries if e.feature == "country" and not alt},
                   "vote_total": votes, "major_city": max((e.population for e, alt in entries if e.feature == "city" and not alt), default=0)}
        same_name_divisions = {(e.cc2, e.admin1_code) for e, alt in entries if e.feature == "admin1" and not alt}
        division_name = not c.admin_suffix and names_a_division(entries)
        country_name = any(e.feature == "country" and not alt for e, alt in entries)
        scored = []
        for e, alt in entries:
            if division_name and e.feature in LOCAL_FEATURES \
                    and (e.cc2, e.admin1_code) not in near_admin and e.country not in near_countries:
                continue  # "California" is the state unless the text places a town ("California, Md.")
            if country_name and e.feature in LOCAL_FEATURES and (e.name.lower() != c.name.lower() or (
                    (e.cc2, e.admin1_code) not in near_admin and (e.cc2, e.admin1_code) not in context["admin1"]
                    and shares.get(e.country, 0) < STORY_COUNTRY_SHARE)):
                continue  # "Canada" is the country, never the village Cañada; a town of a country's name
                # needs the text to place it ("Lebanon, Tenn."), name its division or be set in its country
            score, why = self._score(e, alt, c, context, near_countries, near_admin)
            if e.feature == "city" and not alt and (e.cc2, e.admin1_code) in same_name_divisions:
                score += 1.0 if near_a_point(doc, c) else 0.5  # "Donetsk": the city, inside the division
                why += "; city of its division's name"  # of the same name ("near Mopti": surely the town)
            backing = 0.0 if e.feature == "country" else sum(support(e, points) for points in others)
            if backing:
                score += min(1.5 * backing, 3.0) * coherence_weight(context, e)
                why += f"; near other place names of the article (support {backing:.2f})"
            if home and e.feature != "country" and haversine_km(e.lat, e.lon, *home) <= HOME_KM:
                score += home_bonus
                why += "; near the outlet's home area" if home_bonus == HOME_BONUS else "; near the town the outlet's address names"
            scored.append((score, e, why))
        if not scored:
            return None
        scored.sort(key=lambda x: (-x[0], -x[1].population))
        score, entry, why = scored[0]
        alt_only = all(alt for e, alt in entries if e is entry)
        if alt_only and (entry.feature == "admin2" or entry.population < WEAK_ALT_POPULATION) \
                and entry.feature in LOCAL_FEATURES and not self._unset_story_gpe(c, entry, context) \
                and context["countries"].get(entry.country, 0.0) < ALT_MIN_SHARE and entry.country not in near_countries:
            return None  # "Bagram" as an alternate spelling of a village (or "Oconee" of a county) in a
            # country the story never names
        if self._stray_village(entry, context, near_countries, why):
            return None
        runner = f"; runner-up {scored[1][1].name} ({scored[1][1].country}, {scored[1][0]:.2f})" if len(scored) > 1 else ""
        spelled = context.get("spelled", {}).get(fold(c.name))
        if spelled:
            why = f"spelling variant of {spelled[0]!r} (similarity {spelled[1]:.2f}); {why}"
        return entry, score, why + runner

    @staticmethod
    def _unset_story_gpe(c: Toponym, entry: GeoEntry, context: dict) -> bool:
        """A name the recogniser calls a GPE, in a story that is set in no country yet ("In the
        southern region of Deraa, ..."): its alternate-spelling reading stands."""
        return c.label == "GPE" and entry.population >= GPE_ALT_POPULATION \
            and max(context["countries"].values(), default=0.0) < SETTING_SHARE

    @staticmethod
    def _stray_village(entry: GeoEntry, context: dict, near_countries: set, why: str) -> bool:
        """A village abroad that nothing in a story set elsewhere supports: "Piccadilly" in a London
        story is a street the index lacks, not a hamlet in Western Australia."""
        countries = context["countries"]
        return (entry.feature == "city" and entry.population < STRAY_VILLAGE_POPULATION
                and countries.get(entry.country, 0.0) < ALT_MIN_SHARE and entry.country not in near_countries
                and "near other place names" not in why and max(countries.values(), default=0.0) >= SETTING_SHARE)

    def _score(self, e: GeoEntry, alt: bool, c: Toponym, context: dict, near_countries: set,
               near_admin: set) -> tuple[float, str]:
        reasons = []
        if e.feature == "country":
            score = 5.0
        elif e.feature == "admin1":
            score = 5.0 if c.admin_suffix else math.log10(e.population + 10) / 2 - 0.3
        elif e.feature == "admin2":  # population holds its number of towns
            score = (4.0 if c.suffix in ADMIN2_SUFFIXES else 1.0) + math.log10(e.population + 1) / 4
        else:
            score = math.log10(e.population + 10) / 2
            if self._capitals.get((e.country, fold(e.name))) == e.population:
                score += 0.8  # "Washington": the capital before the state of that name
                reasons.append("national capital")
        reasons.append(f"{e.feature} pop {e.population:,}")
        if alt:  # a metropolis is known by its short names too ("Rio"): a smaller penalty
            score -= ALT_PENALTY_METROPOLIS if e.feature == "city" and e.population >= METROPOLIS else ALT_PENALTY
            reasons.append("alternate name")
        share = context["countries"].get(e.country, 0.0)
        if share:
            score += 3.0 * share
            reasons.append(f"article country {e.country} ({share:.2f})")
        if e.country in near_countries:
            score += 2.0
            reasons.append(f"{e.country} named alongside")
        key = (e.cc2, e.admin1_code)
        if e.feature in ("city", "admin2") and key in near_admin:
            score += 3.0
            reasons.append("its division named alongside")
        elif e.feature in ("city", "admin2") and key in context["admin1"]:
            score += 2.0 * division_weight(context, key, e, share)
            reasons.append("its division named in article")
        elif e.feature in ("city", "admin2") and key in context["mentioned_admin1"]:
            score += MENTIONED_DIVISION_BONUS * division_weight(context, key, e, share)
            reasons.append("its division named in an organisation's name")
        elif e.feature == "admin1" and context["foreign_country"] - {e.country} and any(k[0] == e.cc2 and k != key for k in context["admin1"]):
            score += SIBLING_DIVISION_BONUS  # "Georgia, Florida and Alabama": the US state, not the country
            reasons.append("other divisions of its country named")
        return score, "; ".join(reasons)

    def _place(self, e: GeoEntry, span, score: float, why: str) -> Place:
        if not e.geonameid and e.admin1_code:  # "Darfur": built from its divisions (gazetteer._division_families)
            why += "; no GeoNames id: the region of " + ", ".join(e.admin1_code.lstrip("*").split("|"))
        precision = PRECISIONS[e.feature]
        admin1 = e.name if e.feature == "admin1" else self.gaz.admin1_name(e)
        return Place(text=span.text, start=span.start_char, end=span.end_char, name=e.name,
                     geonameid=e.geonameid or None, country=e.country or None, admin1=admin1,
                     admin2=e.name if e.feature == "admin2" else None,
                     lat=e.lat, lon=e.lon, precision=precision, feature=e.feature,
                     score=round(score, 3), why=why)
