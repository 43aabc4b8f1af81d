"""How strongly each GeoNames reading of a toponym fits its article: feature and population,
primary versus alternate name, the article's countries and divisions, a country or division
named right next to it, the outlet's home area (:class:`ReadingScorer`, which
:class:`~eventwire.places.resolver.PlaceResolver` extends). Every point a reading gets comes with
its reason, which the place's ``why`` keeps.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Sequence, Optional

from eventwire.geo import haversine_km
from eventwire.places.gazetteer import Gazetteer, GeoEntry, city_aliases
from eventwire.places.name_forms import fold
from eventwire.actors.kb import KnowledgeBase
from eventwire.places.evidence import (OUTLET_KEY, coherence_weight, division_weight, group_key, names_a_division, near_a_point,
                                       nearby_scope, possessor_country, possessor_towns, state_after_town, support,
                                       PART_OF_TOWN_KM)
from eventwire.places.names import is_acronym
from eventwire.places.toponyms import ADMIN2_SUFFIXES, NEIGHBOURING, Toponym, called_a_town

LOCAL_FEATURES = ("city", "admin2", "admin3", "site")  # places whose neighbours say where a story is
HOME_KM, HOME_BONUS = 150.0, 3.0  # a reading near the outlet's usual area (eventwire.home)
# a division named only inside an organisation's name ("Minnesota State Chess Association") is
# weaker evidence than one named as a place (LGL: +1 0.830, +1.5 and +2 0.833)
MENTIONED_DIVISION_BONUS = 1.5
SIBLING_DIVISION_BONUS = 1.5  # a first-level division among others of its country
WEAK_ALT_POPULATION = 100_000
MAIN_CITY_POPULATION = 100_000  # a town this size may give a first-level division its name ("Zaporizhzhia Oblast")
GPE_ALT_POPULATION = 1_000  # a GPE in a story set nowhere yet keeps its alternate spelling ("Deraa", "Miranshah")
STRAY_VILLAGE_POPULATION = 10_000  # below this, a town abroad needs some support in a story set elsewhere
STRAY_TOWN_POPULATION = 50_000  # and below this, in a story that names where it is set several times
STRAY_TOWN_VOTES = 3
# support below this is no support for a town abroad: two strays of one country far from each other or
# with many namesakes ("San Isidro" and "El Plateado", both read in Mexico in a story set in Colombia)
STRAY_SUPPORT = 0.5
STRAY_DIVISION_POPULATION = 1_000_000  # a division this populous is named bare abroad too ("Normandy", "Kiev")
STRAY_MAX_SHARE = 0.1  # a country the strays' own votes give no more than this is one the story hardly names
SETTING_SHARE = 0.3  # a country with this share of the story's votes is where it is set
ALT_MIN_SHARE = 0.05  # a country with less of the story's votes is one it hardly names (a 1/9 "San Diego" vote)
STORY_COUNTRY_SHARE = 0.6  # a story set in one country: its towns may share a country's name
ALT_PENALTY = 1.5  # a name GeoNames lists as alternate is weaker evidence than the place's own name
METROPOLIS = 1_000_000  # a city this size is known by its short names too
ALT_PENALTY_METROPOLIS = 0.75


class ReadingScorer:
    """Scores the readings of one toponym and picks the best (``resolve_reading``)."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase):
        self.gaz = gazetteer
        self.kb = kb
        # each capital as its country's most populous town of that name: Washington, D.C., not
        # Washington, Georgia
        capitals = [(name, e) for name, t in kb.countries.items() if t.is_capital
                    for e in [max((e for e, alt in gazetteer.lookup(name) if e.feature == "city" and not alt
                                   and e.country == t.iso3), key=lambda e: e.population, default=None)] if e]
        self._capitals = {(e.country, fold(name)): e.population for name, e in capitals}
        self._capital_of = {e.country: e for _, e in capitals}  # "at the White House": the seat's city

    def capital_of(self, iso3: str) -> Optional[GeoEntry]:
        """The country's capital as a town of the gazetteer, or None."""
        return self._capital_of.get(iso3)

    def lookup_name(self, name: str, context: dict) -> list[tuple[GeoEntry, bool]]:
        entries = self.gaz.lookup(name)
        if entries or fold(name) not in context.get("spelled", {}):
            return entries
        variant, _ = context["spelled"][fold(name)]
        return [(e, True) for e, alt in self.gaz.lookup(variant) if not alt]


    @staticmethod
    def shares_without(context: dict, key: str) -> dict[str, float]:
        own = context["votes"].get(key, Counter())
        rest = context["raw"] - own
        total = sum(rest.values())
        return {k: v / total for k, v in rest.items()} if total else {}


    def resolve_reading(self, doc, c: Toponym, context: dict,
                 others: Sequence[list[tuple[float, float]]] = (),
                 home: Optional[tuple[float, float]] = None, home_bonus: float = HOME_BONUS) -> Optional[tuple[GeoEntry, float, str]]:
        seat = self.kb.lookup(c.name)
        if seat is not None and seat[0] == "seat" and seat[1][0] in self._capital_of:  # "at the White House"
            capital = self._capital_of[seat[1][0]]
            return capital, 5.0, f"seat of government in {capital.name}, the capital"
        own = group_key(c)  # "New York" does not name the state that makes "New York City" likelier
        shares = self.shares_without(context, own)
        votes = sum((context["raw"] - context["votes"].get(own, Counter())).values())
        entries = [(e, alt) for e, alt in self.lookup_name(c.name, context) if e.feature not in ("continent", "region")]
        if is_acronym(c.name):  # "EU", "UN", "PA": a country or state code, never a town ("Eu", Normandy)
            entries = [(e, alt) for e, alt in entries if e.feature in ("country", "admin1")
                       or city_aliases().get(c.name) == e.geonameid]  # but "L.A." is Los Angeles
        owner = possessor_country(self.gaz, doc, c)
        if owner is not None:  # "Indonesia's Highland Papua province" is no Highland in California;
            # "Russia's Hmeimim air base" lies abroad, in a country the story names
            entries = [(e, alt) for e, alt in entries if e.country == owner] \
                or [(e, alt) for e, alt in entries if shares.get(e.country)]
        towns = possessor_towns(self.gaz, doc, c)
        if towns:  # "Lusaka's Limbe compound" lies in Lusaka, not in Cameroon; unlisted, it is not placed
            entries = [(e, alt) for e, alt in entries
                       if any(haversine_km(e.lat, e.lon, t.lat, t.lon) <= PART_OF_TOWN_KM for t in towns)]
        if c.start > 0 and doc[c.start - 1].lower_ in NEIGHBOURING and not c.suffix:
            # "neighbouring Niger" is the country, not Nigeria's Niger state
            entries = [(e, alt) for e, alt in entries if e.feature == "country"] or entries
        if called_a_town(doc, c):  # "the eastern city of Santa Cruz" is the city, not the department
            entries = [(e, alt) for e, alt in entries if e.feature == "city"] or entries
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
        named_countries = {e.country for e, alt in entries if e.feature == "country" and not alt}
        near_countries, near_admin = nearby_scope(self.gaz, doc, c)
        context = {**context, "countries": shares,
                   "admin1": {k for k, names in context["named_by"].items() if names - {own}},
                   "foreign_country": named_countries,
                   "vote_total": votes, "major_city": max((e.population for e, alt in entries if e.feature == "city" and not alt), default=0)}
        same_name_divisions = {(e.cc2, e.admin1_code): e for e, alt in entries if e.feature == "admin1" and not alt}
        division_name = not c.admin_suffix and names_a_division(entries)
        country_name = bool(named_countries)
        told = context["raw"] - context["votes"].get(own, Counter()) - context["votes"].get(OUTLET_KEY, Counter())
        country_told = any(told.get(iso3, 0.0) >= 1 for iso3 in named_countries)  # by other names than this one
        scored = []
        for e, alt in entries:
            if division_name and e.feature in LOCAL_FEATURES and not _seat_of_a_division(e, alt, same_name_divisions) \
                    and (e.cc2, e.admin1_code) not in near_admin and e.country not in near_countries:
                continue  # "California" is the state unless the text places a town ("California, Md.")
            if country_name and e.feature in LOCAL_FEATURES and (e.name.lower() != c.name.lower() or country_told or (
                    (e.cc2, e.admin1_code) not in near_admin and (e.cc2, e.admin1_code) not in context["admin1"]
                    and shares.get(e.country, 0) < STORY_COUNTRY_SHARE)):
                continue  # "Canada" is the country, never the village Cañada; a town of a country's name
                # needs the text to place it ("Lebanon, Tenn."), name its division or be set in its country,
                # and never stands in a story that tells of that country elsewhere (the Japanese town "China")
            score, why = self._score(e, alt, c, context, near_countries, near_admin)
            if e.feature == "city" and (e.cc2, e.admin1_code) in same_name_divisions and (
                    not alt or _seat_of_a_division(e, alt, same_name_divisions)):
                score += 1.0 if near_a_point(doc, c) else 0.5  # "Donetsk": the city, inside the division
                # of the same name ("near Mopti": surely the town); "Chittagong", the former name of
                # the division's seat Chattogram, is its own name too: no alternate name's penalty
                score += _alt_penalty(e) if alt else 0.0
                why += "; city of its division's name"
            backing = 0.0 if e.feature == "country" else sum(support(e, points) for points in others)
            if backing:
                score += min(1.5 * backing, 3.0) * coherence_weight(context, e)
                why += f"; near other place names of the article (support {backing:.2f})"
            if home and e.feature != "country" and haversine_km(e.lat, e.lon, *home) <= HOME_KM:
                score += home_bonus
                why += "; near the outlet's home area" if home_bonus == HOME_BONUS else "; near the town the outlet's address names"
            scored.append((score, e, why, backing))
        if not scored:
            return None
        scored.sort(key=lambda x: (-x[0], -x[1].population))
        score, entry, why, backing = scored[0]
        alt_only = all(alt for e, alt in entries if e is entry)
        if alt_only and (entry.feature == "admin2" or entry.population < WEAK_ALT_POPULATION) \
                and entry.feature in LOCAL_FEATURES and not self._unset_story_gpe(c, entry, context) \
                and context["countries"].get(entry.country, 0.0) < ALT_MIN_SHARE and entry.country not in near_countries:
            return None  # "Bagram" as an alternate spelling of a village (or "Oconee" of a county) in a
            # country the story never names
        if self._stray(entry, context, near_countries, backing, inner=c.label == "INST"):
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
    def _stray(entry: GeoEntry, context: dict, near_countries: set, backing: float, inner: bool = False) -> bool:
        """A village, or a little-known first-level division, of a country that a story firmly set
        elsewhere hardly names, and that nothing near it supports: "Piccadilly" in a London story is a
        street the index lacks, not a hamlet in Western Australia; "Bambui", a village near Bamenda, is
        not the Brazilian town of 23,000 in a story that names Cameroon throughout; "the Litoral", a
        prison in an Ecuadorian story, is not Equatorial Guinea's Litoral province (but a sentence
        that names only "Syrian" may still name Connecticut, and a story of Texas Normandy). A town
        read inside a longer name the gazetteer lacks (``inner``) is a stray at any size."""
        countries = context["countries"]
        share = countries.get(entry.country, 0.0)
        if entry.country in near_countries or backing >= STRAY_SUPPORT \
                or max(countries.values(), default=0.0) < SETTING_SHARE:
            return False
        if entry.feature == "city" and inner:
            return share < STRAY_MAX_SHARE  # "Kaga" of an unlisted "Kaga Dibo" is no Japanese town
        if entry.feature == "city":
            return share < STRAY_MAX_SHARE and (entry.population < STRAY_VILLAGE_POPULATION or (
                entry.population < STRAY_TOWN_POPULATION and context["vote_total"] >= STRAY_TOWN_VOTES))
        return entry.feature == "admin1" and entry.population < STRAY_DIVISION_POPULATION and not share \
            and context["vote_total"] >= STRAY_TOWN_VOTES

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
            score -= _alt_penalty(e)
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


def _alt_penalty(e: GeoEntry) -> float:
    return ALT_PENALTY_METROPOLIS if e.feature == "city" and e.population >= METROPOLIS else ALT_PENALTY


def _seat_of_a_division(entry: GeoEntry, alt: bool, divisions: dict[tuple[str, Optional[str]], GeoEntry]) -> bool:
    """A city the name calls by an older or other form ("Chittagong" for Chattogram) inside the
    division of that name (``divisions``: the name's first-level divisions by country and code): the
    division's namesake city, as one spelled the same would be. Not a city named after its division
    ("New York City"): there the bare name is the division's."""
    division = divisions.get((entry.cc2, entry.admin1_code))
    return entry.feature == "city" and alt and entry.population >= MAIN_CITY_POPULATION \
        and division is not None and fold(division.name) not in fold(entry.name)
