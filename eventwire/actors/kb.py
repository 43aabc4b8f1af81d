"""The actor knowledge base: countries, agent nouns, organisations and office holders.

Loaded from ``eventwire/data/actors.json`` and ``countries.tsv``, with ``armed_groups.json``
(armed groups, militias, state forces and state media by name, with ACLED-style names) and
``sources.json`` (nouns for unnamed sources: witnesses, security sources, state media) over it;
``docs/actors.md`` tells how to extend it. Every lookup key is folded with
:func:`eventwire.places.name_forms.fold`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from datetime import date
from typing import Any, Callable, Iterable, Optional

from eventwire.datafiles import data_lines
from eventwire.places.name_forms import fold


# armed words no state force is named with: "the Arab Liberation Army" is a group, whatever else it says
NEVER_STATE_WORDS = {"liberation", "guerrilla", "guerrillas", "mujahideen", "militia", "militias"}


@dataclass(frozen=True)
class Role:
    sector: str
    start: Optional[str] = None
    end: Optional[str] = None
    title: Optional[str] = None


@dataclass
class Entity:
    """A named organisation or person with dated roles."""
    name: str
    kind: str  # org | person
    country: Optional[str]
    sector: Optional[str]
    wikidata: Optional[str] = None
    roles: list[Role] = field(default_factory=list)
    acled: Optional[str] = None  # ACLED-style canonical name (armed_groups.json)
    inter: Optional[int] = None  # ACLED actor type: 1 state, 2 rebel, 3 political militia, 4 identity militia, 8 external
    curated: bool = True  # False: derived from the Phoenix dictionaries, where a short name may be part of a longer one

    def sector_on(self, day: Optional[str]) -> Optional[str]:
        """The sector of the role held on ``day`` (ISO date); the latest role when undated."""
        if not self.roles:
            return self.sector
        if day:
            for role in self.roles:
                if (role.start or "0000") <= day < (role.end or "9999") and role.sector:
                    return role.sector
            before = [r for r in self.roles if (r.start or "0000") <= day]
            if before:
                return before[-1].sector if self.kind == "org" else (self.sector or before[-1].sector)
            return self.sector
        return next((r.sector for r in reversed(self.roles) if r.sector), self.sector)


@dataclass(frozen=True)
class CountryTerm:
    iso3: str
    name: str
    is_capital: bool = False  # a capital or seat of government, used for its government
    ethnic: bool = False  # a people or region without its own state ("Chechen"): a named location beats it


class KnowledgeBase:
    def __init__(self) -> None:
        raw = json.loads(resources.files("eventwire.data").joinpath("actors.json").read_text("utf-8"))
        self.countries: dict[str, CountryTerm] = {}
        self.country_names: dict[str, str] = {}
        for cc2, iso3, name, gid, capital, lat, lon, pop, aliases in data_lines("countries.tsv"):
            self.country_names[iso3] = name
            self.countries.setdefault(fold(name), CountryTerm(iso3, name))
            for alias in filter(None, aliases.split("|")):
                self._add_country(alias, iso3, name)
            if capital:
                self.countries.setdefault(fold(capital), CountryTerm(iso3, name, is_capital=True))
        capitals = {k for k, t in self.countries.items() if t.is_capital} | {fold(c) for c in raw["other_capital_names"]}
        for iso3, terms in raw["countries_extra"].items():
            name = self.country_names.get(iso3, iso3)
            for term in terms:
                self.countries[fold(term)] = CountryTerm(iso3, name, is_capital=fold(term) in capitals)
        for iso3, terms in raw.get("ethnic_demonyms", {}).items():
            for term in terms:
                self.countries.setdefault(fold(term), CountryTerm(iso3, self.country_names.get(iso3, iso3), ethnic=True))
        for name, iso3 in raw.get("country_short_names", {}).items():
            self.countries[fold(name)] = CountryTerm(iso3, self.country_names.get(iso3, iso3))
        self.agents: dict[str, str] = {}
        for sector, nouns in raw["agents"].items():
            for noun in nouns:
                self.agents[fold(noun)] = sector
                if " " in noun:  # "security services": a two-word agent is looked up by its words, not its lemma
                    self.agents.setdefault(fold(plural(noun)), sector)
        self.generic = {fold(w) for w in raw["generic_heads"]}
        self.foreign = tuple(fold(w) for w in raw.get("foreign_agents", []))
        self.facilities = {fold(w) for w in raw["facility_heads"]}
        self.civic_heads = {fold(w) for w in raw["civic_heads"]}
        self.seats = {fold(k): (v[0], v[1]) for k, v in raw["seats"].items()}
        self.entities: dict[str, Entity] = {}
        self.dictionary = self._load_dictionary(
            {fold(w) for w in raw.get("dictionary_aliases_dropped", {}).get("words", [])})
        for rec in raw["organisations"]:
            roles = [Role(r["sector"], r.get("from"), r.get("to")) for r in rec.get("roles", [])]
            if roles:
                roles.insert(0, Role(rec["sector"], None, roles[0].start))
            ent = Entity(rec["name"], "org", rec.get("country"), rec.get("sector"), rec.get("wikidata"), roles)
            for alias in [rec["name"], *rec.get("aliases", [])]:
                self.entities[fold(alias)] = ent
        self.entities.update(armed_groups())  # the curated table wins over a namesake in actors.json
        armed = _data_json("armed_groups.json")
        self.acronyms = {fold(a) for rec in [*raw["organisations"], *armed["groups"]]
                         for a in rec.get("aliases", []) if a.isupper() and fold(a) != fold(rec["name"])}
        heads = armed["armed_head_words"]
        self.armed_heads = {fold(w) for w in heads["strong"]}
        self.armed_heads_contextual = {fold(w) for w in heads["contextual"]}
        self.state_words = {fold(w) for w in heads["state_words"]}
        self.armed_context = {w.lower() for w in heads["armed_context"]}
        self.outlets = set(outlet_scales())
        for outlet, iso3 in _data_json("sources.json")["outlet_countries"].items():
            # "Yonhap reported": that country's media; a curated organisation of the same name wins
            self.entities.setdefault(fold(outlet), Entity(outlet, "org", iso3, "MED"))
            self.outlets.add(fold(outlet))
        for sector, nouns in _data_json("sources.json")["agents"].items():
            for noun in nouns:  # "witnesses said", "security sources told AFP", "state media reported"
                self.agents[fold(noun)] = sector
        for rec in raw["people"]:
            roles = [Role(r["sector"], r.get("from"), r.get("to"), r.get("title")) for r in rec.get("roles", [])]
            ent = Entity(rec["name"], "person", rec.get("country"), None, rec.get("wikidata"), roles)
            for alias in [rec["name"], *rec.get("aliases", [])]:
                self.entities[fold(alias)] = ent
        self.surnames = self._surname_index()
        # fuzzy matching compares only names with the same first letter
        self._surnames_by_initial = _by_initial(self.surnames)
        self._countries_by_initial = _by_initial(k for k in self.countries if len(k) >= 5 and " " not in k)
        self.max_words = min(8, max(len(k.split()) for k in [*self.entities, *self.dictionary, *self.countries, *self.agents, *self.seats]))

    @staticmethod
    def _load_dictionary(dropped: set[str]) -> dict[str, Entity]:
        """Named actors derived from the Phoenix dictionaries (to ~2015); matched only when capitalised."""
        out: dict[str, Entity] = {}
        for name, aliases, country, default, roles in data_lines("phoenix_actors.tsv"):
            parsed = []
            for role in filter(None, roles.split(";")):
                sector, start, end = role.split(":")
                parsed.append(Role(sector, start or None, end or None))
            parsed.sort(key=lambda r: r.start or "")
            kind = "person" if parsed else "org"
            ent = Entity(display_name(name), kind, country or None, default or None, None, parsed, curated=False)
            for alias in [name, *filter(None, aliases.split("|"))]:
                key = fold(alias)
                # one-word names are too ambiguous ("Hassan"), except acronyms ("NPFL")
                if len(key) >= 3 and (" " in key or " " not in name.strip()) and key not in dropped:
                    out.setdefault(key, ent)
        return out

    def _surname_index(self) -> dict[str, list[Entity]]:
        """People by the last word of their names, for "President Mugabe" or a misspelt
        "President Francois Mitterand" (see :meth:`person_by_surname`)."""
        out: dict[str, list[Entity]] = {}
        people = {id(e): e for e in [*self.dictionary.values(), *self.entities.values()] if e.kind == "person"}
        for ent in people.values():
            words = fold(ent.name).replace("-", " ").split()
            if len(words) >= 2 and len(words[-1]) >= 4 and ent.country:
                out.setdefault(words[-1], []).append(ent)
        return out

    def person_by_surname(self, words: list[str], day: Optional[str], in_office: bool = False) -> Optional[Entity]:
        """The office holder a titled name names ("President Mugabe", a misspelt "President
        Francois Mitterand"): people with that surname (exact, else one spelling slip away: rapidfuzz
        ratio >= 88), narrowed to those whose names hold the other words given, then to those in
        office on ``day`` (only those, with ``in_office``); the longest-serving of them when one country
        remains, else None."""
        key = fold(words[-1]).replace("-", " ").split()[-1] if words and words[-1].strip() else ""
        found = self.surnames.get(key, [])
        if not found and len(key) >= 5:
            from rapidfuzz import fuzz, process
            hit = process.extractOne(key, self._surnames_by_initial.get(key[:1], []), scorer=fuzz.ratio, score_cutoff=88)
            found = self.surnames.get(hit[0], []) if hit else []
        given = {fold(w) for w in words[:-1] if len(w) > 2}
        if given:  # "Judge Alejandro Rivera" is not any Rivera the dictionary knows
            found = [e for e in found if given & set(fold(e.name).split())]
        if day:
            serving = [e for e in found if any((r.start or "0000") <= day < (r.end or "9999") and r.sector for r in e.roles)]
            found = serving if in_office else serving or found
        if not found:
            return None
        served = {id(e): sum(_years(r, day) for r in e.roles if r.sector) for e in found}
        best = max(found, key=lambda e: served[id(e)])
        rivals = [e for e in found if e.country != best.country]
        return best if not rivals or served[id(best)] >= 2 * max(served[id(e)] for e in rivals) else None

    def fuzzy_country(self, word: str) -> Optional[CountryTerm]:
        """A misspelt country or demonym ("Afganistan", "Ghanians"): one slip from a known
        name of six letters or more (rapidfuzz ratio >= 90), same first letter."""
        key = fold(word)
        if len(key) < 6 or " " in key:
            return None
        from rapidfuzz import fuzz, process
        hit = process.extractOne(key, self._countries_by_initial.get(key[:1], []), scorer=fuzz.ratio, score_cutoff=90)
        return self.countries[hit[0]] if hit else None

    def _add_country(self, alias: str, iso3: str, name: str) -> None:
        key = fold(alias)
        if key and key not in self.countries:
            self.countries[key] = CountryTerm(iso3, name)

    def names_outlet(self, tok) -> bool:
        """Whether the name a token is part of (its recognised entity, else the word) is a news
        outlet the sources table lists ("CNN", "the New York Times")."""
        name = next((e.text for e in tok.doc.ents if e.start <= tok.i < e.end), tok.text)
        key = fold(name)
        return key in self.outlets or (key.startswith("the ") and key[4:] in self.outlets)

    def is_foreign(self, text: str) -> bool:
        """'Western powers', 'the world powers': other countries' governments, never the local one."""
        return fold(text).endswith(self.foreign) if self.foreign else False

    def lookup(self, words: str, capitalised: bool = False) -> Optional[tuple[str, Any]]:  # Any: an Entity, a CountryTerm or a seat
        """What a word sequence names: ('entity'|'seat'|'country'|'agent', value) or None.
        Dictionary-derived names only count for capitalised words (so "shell" is not a company)."""
        key = fold(words)
        if key in self.entities and not (words.islower() and key in self.acronyms):  # "ice" is not ICE
            return "entity", self.entities[key]
        if key in self.countries and self.countries[key].ethnic:  # "Karen" the people, not a namesake
            return "country", self.countries[key]
        if capitalised and key in self.dictionary and (self.dictionary[key].country or self.dictionary[key].sector
                                                       or self.dictionary[key].roles):
            return "entity", self.dictionary[key]
        if key in self.seats:
            return "seat", self.seats[key]
        if key in self.countries:
            return "country", self.countries[key]
        if key in self.agents:
            return "agent", self.agents[key]
        return None

    def named_entity(self, span) -> Optional[Entity]:
        """The organisation or person a recognised name (a spaCy span) names in the tables, read
        without its article ("the Syrian Arab Army")."""
        words = [t for t in span if t.lower_ not in ("the", "a", "an")]
        known = self.lookup(span[words[0].i - span.start:].text, capitalised=True) if words else None
        return known[1] if known and known[0] == "entity" else None

    def armed_name(self, words: list[str], sentence_lemmas: Callable[[], set[str]]) -> Optional[str]:
        """Why a capitalised name the tables lack names an armed group ("Zomi Revolutionary Army"),
        else None: it holds a strong armed word, or ends in a contextual one ("Front", "Movement")
        in a sentence about fighting, and has a word of its own beyond country names and
        state-force words ("Sudanese Armed Forces" is a state's army, not a group)."""
        keys = [fold(w) for w in words]
        if keys[-1] not in self.armed_heads | self.armed_heads_contextual:
            return None  # the name must end in the armed word ("Army Post" is a place, not a group)
        strong = next((w for w, k in zip(words, keys) if k in self.armed_heads), None)
        if strong is None and not sentence_lemmas() & self.armed_context:
            return None
        generic = self.armed_heads | self.armed_heads_contextual | self.state_words
        own = [w for w, k in zip(words, keys) if k not in generic
               and not (k in self.countries and not self.countries[k].ethnic)]
        if not own and not set(keys) & NEVER_STATE_WORDS:
            return None
        cue = f"'{strong}'" if strong else f"'{words[-1]}' in a sentence about fighting"
        return f"'{' '.join(words)}': an organisation named with {cue}, not in the tables -> REB"

    def agent_sector(self, lemma: str) -> Optional[str]:
        return self.agents.get(fold(lemma))

    def is_civic(self, head) -> bool:
        """A capitalised head word that names an organisation of civil society ("Forum", "Society")."""
        return head.text[:1].isupper() and fold(head.lemma_) in self.civic_heads

    def is_generic(self, lemma: str) -> bool:
        return fold(lemma) in self.generic


def plural(phrase: str) -> str:
    """The regular plural of a phrase's head word: its last word ("security service" -> "security
    services"), or the word before "of"/"for" ("head of state" -> "heads of state"); a head that
    looks plural already is left as it is."""
    words = phrase.split()
    at = next((i - 1 for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words) - 1)
    head = words[at]
    if head.endswith(("s", "men", "people", "personnel", "media")):
        return phrase
    if head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u"):
        head = head[:-1] + "ies"
    elif head.endswith(("ch", "sh", "x")):
        head += "es"
    else:
        head += "s"
    return " ".join([*words[:at], head, *words[at + 1:]])


def _by_initial(keys: Iterable[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for k in keys:
        grouped.setdefault(k[:1], []).append(k)
    return grouped


def _years(role: Role, day: Optional[str]) -> float:
    """Years a role lasted (to ``day``, else today, when it is still open)."""
    start = role.start or "1900-01-01"
    end = min(role.end or day or date.today().isoformat(), day or "9999")
    return max(0.0, (int(end[:4]) - int(start[:4])) + (int(end[5:7]) - int(start[5:7])) / 12) if end > start else 0.0


def _data_json(name: str) -> Any:
    return json.loads(resources.files("eventwire.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """The one-word all-capital names and aliases of the curated tables ("UN", "NATO", "PKK")."""
    recs = [*_data_json("actors.json")["organisations"], *_data_json("armed_groups.json")["groups"]]
    return frozenset(a for rec in recs for a in [rec["name"], *rec.get("aliases", [])] if a.isupper() and " " not in a)


def display_name(upper: str) -> str:
    """A name the Phoenix dictionaries write in capitals, as a reader writes it: "THE UN" ->
    "The UN" (not "The Un"), "UN SECURITY COUNCIL" -> "UN Security Council"."""
    known = acronyms()
    return " ".join(word if word in known else word.title() for word in upper.split())


@lru_cache(maxsize=1)
def armed_groups() -> dict[str, Entity]:
    """armed_groups.json by every folded name and alias (without loading the whole knowledge base)."""
    out: dict[str, Entity] = {}
    for rec in _data_json("armed_groups.json")["groups"]:
        ent = Entity(rec["name"], "org", rec.get("country"), rec["sector"], rec.get("wikidata"), [],
                     rec.get("acled"), rec.get("inter"))
        for alias in [rec["name"], *rec["aliases"]]:
            out[fold(alias)] = ent
    return out


def armed_group(name: Optional[str]) -> Optional[Entity]:
    """The table entry a party's name (or an alias of it) names, if any."""
    return armed_groups().get(fold(name)) if name else None


@lru_cache(maxsize=1)
def outlet_scales() -> dict[str, str]:
    """ACLED source scale by folded outlet name (sources.json)."""
    scales = _data_json("sources.json")["outlet_scales"]
    return {fold(outlet): scale for scale, outlets in scales.items() for outlet in outlets}


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    return KnowledgeBase()
