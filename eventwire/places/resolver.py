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

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from eventwire.geo import haversine_km
from eventwire.places.gazetteer import Gazetteer, GeoEntry
from eventwire.places.name_forms import fold
from eventwire.actors.kb import KnowledgeBase
from eventwire.model import Place
from eventwire.places.outlet import OutletHint, outlet_home, outlet_points, outlet_votes
from eventwire.places.evidence import (OUTLET_KEY, PART_OF_TOWN_KM, divisions_in_names, group_key, listed_with_places, name_end, names_a_division, only_small_towns, other_names, placed_in_state, plausible, possessor_towns, repeated_names)
from eventwire.places.names import (country_of_people, division_demonym, inner_names, inside_group_name, is_acronym, is_country_alias, is_country_demonym, people_entry, people_spans, region_entry, region_why)
from eventwire.places.spellings import extend_names, spelling_variant
from eventwire.places.scoring import HOME_BONUS, HOME_KM, LOCAL_FEATURES, STORY_COUNTRY_SHARE, ReadingScorer
from eventwire.places.toponyms import (ADMIN2_SUFFIXES, PLACE_LABELS, STRONG_LABELS, Toponym, candidates, locative_cue, person_names, preposition_before, split_suffix, strip_span)

# The town an outlet's address names ("richmondregister.com") is a guess among its namesakes: it is
# used only when one reading leads by OUTLET_MARGIN (or the leaders lie together), and its area
# weighs a third of a learned home area (LGL within 161 km: 0.840 without it; 0.841-0.842 for
# margins 0-0.5 and a full, half or third bonus -- the third risks least when the guess is wrong).
OUTLET_MARGIN, OUTLET_HOME_BONUS = 0.5, 1.0
MAX_READINGS = 40  # readings per name considered for coherence ("Springfield" has dozens)
EVENT_PRECISIONS = ("place", "admin2", "admin1", "country")  # the event contract's location precisions
SPELLING_MIN_SHARE = 0.2  # a spelling variant is sought among the places of the article's main countries
PART_SCORE = 4.0  # a part of a town the story names as such ("Kyiv's Obolon"): as sure as the town
PRECISIONS = {"city": "place", "admin3": "place", "site": "place", "admin2": "admin2", "admin1": "admin1",
              "country": "country", "continent": "continent", "region": "region"}



@dataclass
class PlaceMention:
    place: Place
    token_start: int
    token_end: int  # exclusive
    sentence: int
    entry: GeoEntry


class PlaceResolver(ReadingScorer):
    """Finds and resolves every toponym of a parsed article (``find``); a reading's score is
    :class:`~eventwire.places.scoring.ReadingScorer`'s."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase):
        super().__init__(gazetteer, kb)
    def find(self, doc, home: Optional[tuple[float, float]] = None,
             outlet: Optional[OutletHint] = None, day: Optional[str] = None) -> list[PlaceMention]:
        """Every place the article names, resolved; ``home`` is the outlet's home point, if known
        (see :mod:`eventwire.home`), ``outlet`` what its web address names (:mod:`eventwire.outlet`),
        ``day`` the publication day (a bare surname of whoever held office then is that person)."""
        found = [c for c in extend_names(self.gaz, doc, candidates(doc)) if not inside_group_name(doc, c, self.kb)]
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
        parts = self._parts_of_towns(doc, found, context)
        for c in sorted(cands + extra, key=lambda c: c.start):
            best = self.resolve_reading(doc, c, context, other_names(groups, c), home, home_bonus)
            town = parts.get(fold(c.name))
            if town is not None and (best is None or haversine_km(best[0].lat, best[0].lon, town.lat, town.lon) > PART_OF_TOWN_KM):
                best = town, PART_SCORE, f"a part of {town.name}, as the story calls it ({town.name}'s {c.name})"
            if best is None:
                continue
            entry, score, why = best
            mentions.append(self._mention(entry, doc[c.start:name_end(doc, c)], score, why, sent_of))
        mentions += self._repeats(doc, mentions, people, sent_of)
        mentions += self._peoples(doc, mentions, sent_of)
        return sorted(mentions, key=lambda m: m.token_start)

    def _parts_of_towns(self, doc, cands: list[Toponym], context: dict) -> dict[str, GeoEntry]:
        """Names the story gives as parts of a town ("Lusaka's Kanyama compound"): each mention of
        the name is that town's, unless a place of the name lies within it."""
        parts: dict[str, GeoEntry] = {}
        shares = context.get("countries", {})
        for c in cands:
            towns = possessor_towns(self.gaz, doc, c)
            if towns:
                parts.setdefault(fold(c.name), max(towns, key=lambda t: (shares.get(t.country, 0.0), t.population)))
        return parts

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

    def country_mention(self, iso3: str, span, sentence: int, why: str, seat: bool = False) -> Optional[PlaceMention]:
        """A country as the place of ``span`` (a phrase that is not the country's name), or with
        ``seat`` its capital; None for a code that is no country ("IGO") or a capital not known."""
        entry = self.capital_of(iso3) if seat else self.gaz.country_entry.get(iso3)
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
        best = self.resolve_reading(doc, cand, context, other_names(groups, cand), home, home_bonus)
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
        country_towns: dict[str, Counter] = {}  # per name that is a country's: its towns' countries
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
            country_name = False
            for e, alt in entries:
                if e.feature == "country" and (not alt or acronym or is_country_alias(self.kb, c.name, e.country)):
                    # "Georgia" is also a US state: a name shared with a division abroad weighs half
                    shared = any(d.feature == "admin1" and not d_alt and d.country != e.country for d, d_alt in entries)
                    mine[e.country] += 1 if shared else 2
                    country_name = not alt
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
                    (country_towns.setdefault(group_key(c), Counter()) if country_name else mine)[iso3] \
                        += 1 / len(towns)  # type: ignore[assignment]  # a float share in a Counter
            if c.suffix in ADMIN2_SUFFIXES:  # "Henderson County": the states that have one
                counties = [e for e, alt in entries if e.feature == "admin2" and c.suffix in e.name.lower()]
                for e in counties:
                    mine[e.country] += 1 / len(counties)  # type: ignore[assignment]  # a float share in a Counter
                if len(counties) <= 2:
                    for e in counties:
                        named_by.setdefault((e.cc2, e.admin1_code), set()).add(group_key(c))
        if outlet:
            outlet_votes(self.gaz, outlet, votes.setdefault(OUTLET_KEY, Counter()), named_by)
        # a country's name votes for its towns only where other names place the story: "Lebanon" of
        # a story of Boone County, Indiana; never the Russian village Chad of a story of Chad
        placed: Counter = sum(votes.values(), Counter())
        for key, towns_of in country_towns.items():
            others = placed - votes[key]
            votes[key].update({iso3: share for iso3, share in towns_of.items() if others.get(iso3)})
        countries: Counter = sum(votes.values(), Counter())
        total = sum(countries.values()) or 1
        return {"countries": {k: v / total for k, v in countries.items()}, "admin1": set(named_by), "named_by": named_by,
                "votes": votes, "raw": countries, "mentioned_admin1": divisions_in_names(self.gaz, doc, cands)}

    def _home(self, home, outlet, context, groups) -> tuple[Optional[tuple[float, float]], float]:
        """A learned home area when there is one, else the town the outlet's address names."""
        if home:
            return home, HOME_BONUS
        if not outlet or len(outlet.places) != 1:
            return None, OUTLET_HOME_BONUS
        others = [points for key, points in groups.items() if key != fold(outlet.places[0])]
        point = outlet_home(self.gaz, outlet, self.shares_without(context, OUTLET_KEY), context["admin1"], others,
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
                shares = self.shares_without(context, name)
                entries = [e for e in entries if shares.get(e.country, 0) >= STORY_COUNTRY_SHARE]
            entries.sort(key=lambda e: -e.population)
            groups[name] = [(e.lat, e.lon) for e in entries[:MAX_READINGS]]
        return groups

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
