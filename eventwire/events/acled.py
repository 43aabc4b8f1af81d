"""ACLED event and sub-event types for a coded event, with the reason; ACLED's country tables.

The rules are data (``eventwire/data/acled_subevents.json``): ACLED's definitions restated, the
decisions taken where they leave a choice (shoot-downs, territory, protests), and an ordered list
of rules over what the coder knows of an event — its PLOVER type, mode, trigger family and lemma,
the actor's and target's sectors, and cue lemmas in the phrase the trigger acts on, its clause,
its sentence and the sentence after it. The first rule whose conditions all hold decides; its id is the reason code.

    >>> choose("ASSAULT", "crowd-control", "crowd-control", "CVL")["sub_event_type"]
    'Protest with intervention'

``eventwire/data/acled_countries.tsv`` gives each country's ISO 3166-1 numeric code, ACLED region,
ACLED spelling and the start dates of its governments (the "(2019-)" in state actor names).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from typing import Any, Optional

from eventwire.datafiles import data_lines, read_json

SECTOR_KEYS = ("actor", "not_actor", "recipient", "not_recipient")
CUE_KEYS = ("target", "clause", "sentence", "next", "trigger")
TARGET_DEPS = {"dobj", "obj", "nsubjpass", "attr", "oprd"}
TARGET_PREPS = {"on", "at", "against", "of", "to", "into"}
WINDOW = 40  # tokens either side of the trigger that its clause and sentence cues are read from
MAX_CLIMB = 12  # heads walked up from the trigger to find its clause's verb


@dataclass(frozen=True)
class Rule:
    id: str
    sub_event: Optional[str]
    why: str
    types: frozenset = frozenset()
    modes: Optional[frozenset] = None  # None: any mode; may hold None (no mode)
    families: Optional[frozenset] = None
    sectors: dict[str, frozenset] = field(default_factory=dict, hash=False)
    cues: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, hash=False)  # AND of ORs


@dataclass(frozen=True)
class SubEvent:
    name: str
    event_type: str
    disorder_type: str
    default_actor1: str  # protesters | rioters | armed | state | police | government
    protesters_first: bool
    definition: str


@dataclass(frozen=True)
class Country:
    iso3: str
    numeric: int
    region: str
    name: str
    governments: tuple[str, ...]  # start dates, oldest first


class Scope:
    """Lemma strings of what the rules look at, built once per event and only when a rule asks."""

    def __init__(self, trigger: Any):
        self.trigger = trigger
        self._cache: dict[str, str] = {}

    def text(self, where: str) -> str:
        if where not in self._cache:
            self._cache[where] = _phrase(self._tokens(where)) if self.trigger is not None else " "
        return self._cache[where]

    def _tokens(self, where: str) -> list:
        trig = self.trigger
        if where == "trigger":
            return [trig]
        if where == "sentence":
            return list(near(trig, trig.doc[0], trig.doc[-1]))
        if where == "next":  # the sentence after: "Workers blocked the highway. Police cleared the road."
            after = trig.sent.end
            return list(trig.doc[after].sent[:2 * WINDOW]) if after < len(trig.doc) else []
        if where == "clause":
            verb = next((t for t in chain([trig], islice(trig.ancestors, MAX_CLIMB)) if t.pos_ in ("VERB", "AUX")), trig)
            return list(near(trig, verb.left_edge, verb.right_edge))
        return [t for h in target_heads(trig) for t in near(trig, h.left_edge, h.right_edge)]


def near(trig: Any, first: Any, last: Any) -> Any:
    """The tokens from ``first`` to ``last`` that lie within WINDOW of the trigger: a cue further
    away is about something else, and a bound keeps a 2,000-token run-on sentence linear."""
    doc = trig.doc
    start, end = trig.i, trig.i  # the sentence's bounds near the trigger (Token.sent walks the whole sentence)
    while start > max(first.i, trig.i - WINDOW) and not doc[start].is_sent_start:
        start -= 1
    while end < min(last.i, trig.i + WINDOW) and not doc[end + 1].is_sent_start:
        end += 1
    return doc[start:end + 1]


def target_heads(trig: Any) -> list:
    """The heads of what the trigger acts on: its object or passive subject, and the object of "on",
    "at", "against", "to" ("opened fire on protesters", "set fire to homes"); "of" ("the shelling
    of Kherson") only when there is no object."""
    heads = [c for c in trig.children if c.dep_ in TARGET_DEPS]
    preps = TARGET_PREPS if not heads else TARGET_PREPS - {"of"}
    heads += [g for c in trig.children if c.dep_ == "prep" and c.lower_ in preps
              for g in c.children if g.dep_ == "pobj"]
    for particle in (c for c in trig.children if c.dep_ == "prt"):  # "shot down 45 drones"
        heads += [c for c in particle.children if c.dep_ in TARGET_DEPS]
    return heads


DATED = ("DATE", "TIME")


# what is dug from a mine that is a workplace, not a weapon ("a gold mine", "an artisanal mining site")
MINED = {"gold", "coal", "diamond", "copper", "cobalt", "tin", "coltan", "lithium", "salt", "uranium", "iron", "jade",
         "ruby", "emerald", "bauxite", "manganese", "silver", "artisanal", "mining", "open-pit", "quarry"}


def is_workplace_mine(tok) -> bool:
    """'a gold mine', 'the artisanal mine near Mongbwalu': a mine people work in, which no mode cue
    ("mine" as a landmine) reads as a weapon."""
    if tok.lemma_.lower() != "mine" or tok.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in MINED for c in tok.children) \
        or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in MINED)


def _phrase(tokens: list) -> str:
    """' lemma lemma ... | text text ... ': cues match a run of lemmas or of lower-case words. A date
    is no cue: "On 11 March 2025" holds no march; nor is a gold mine a landmine."""
    lemmas = " ".join("_" if t.ent_type_ in DATED or is_workplace_mine(t) else t.lemma_.lower() for t in tokens)
    words = " ".join("_" if t.ent_type_ in DATED or is_workplace_mine(t) else t.lower_ for t in tokens)
    return f" {lemmas} | {words} "


def _matches(scope: Scope, where: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    text = scope.text(where)
    return all(any(f" {cue} " in text for cue in group) for group in groups)


class Rules:
    def __init__(self, raw: dict[str, Any]):
        self.lexicon: dict[str, list] = raw["lexicon"]
        self.sub_events = {name: SubEvent(name, v["event_type"], v["disorder_type"], v["default_actor1"],
                                          bool(v.get("protesters_first")), v["definition"])
                           for name, v in raw["sub_events"].items()}
        self.rules = [self._rule(r) for r in raw["rules"]]
        self.firm = frozenset(r["id"] for r in raw["rules"] if r.get("firm"))
        self.holds_against = {r["id"]: frozenset(r["holds_against"]) for r in raw["rules"] if r.get("holds_against")}
        for rule_id, names in self.holds_against.items():
            if unknown := sorted(names - self.sub_events.keys()):
                raise ValueError(f"acled_subevents.json: rule {rule_id} holds against unknown sub-events {unknown}")

    def _expand(self, items: list) -> tuple:
        out: list = []
        for item in items:
            if isinstance(item, str) and item.startswith("@"):
                if item[1:] not in self.lexicon:
                    raise ValueError(f"acled_subevents.json: unknown lexicon list {item}")
                out += self._expand(self.lexicon[item[1:]])
            else:
                out.append(item)
        return tuple(out)

    def _groups(self, items: list) -> tuple[tuple[str, ...], ...]:
        groups = items if items and isinstance(items[0], list) else [items]
        return tuple(tuple(c.lower() for c in self._expand(g)) for g in groups)

    def _rule(self, rec: dict[str, Any]) -> Rule:
        sub = rec["sub_event"]
        if sub is not None and sub not in self.sub_events:
            raise ValueError(f"acled_subevents.json: rule {rec['id']} names unknown sub-event {sub!r}")
        cues = {k: self._groups(rec[k]) for k in [*CUE_KEYS, *(f"not_{c}" for c in CUE_KEYS)] if k in rec}
        return Rule(rec["id"], sub, rec["why"], frozenset(rec["type"]),
                    frozenset(rec["mode"]) if "mode" in rec else None,
                    frozenset(rec["family"]) if "family" in rec else None,
                    {k: frozenset(self._expand(rec[k])) for k in SECTOR_KEYS if k in rec}, cues)

    def _first_rule(self, type_: str, mode: Optional[str], family: Optional[str], recipient_sector: Optional[str],
                   trigger: Any = None, actor_sector: Optional[str] = None) -> Optional[Rule]:
        scope = Scope(trigger)
        sectors = {"actor": actor_sector, "recipient": recipient_sector}
        for rule in self.rules:
            if type_ not in rule.types or (rule.modes is not None and mode not in rule.modes) \
                    or (rule.families is not None and family not in rule.families):
                continue
            if self._sectors_hold(rule, sectors) and self._cues_hold(rule, scope):
                return rule
        return None

    def ruling(self, type_: str, mode: Optional[str], family: Optional[str], recipient_sector: Optional[str],
               trigger: Any = None, actor_sector: Optional[str] = None) -> tuple[Optional[dict[str, str]], bool]:
        """(the ACLED type or None, whether a ``firm`` rule says ACLED records no event for it)."""
        rule = self._first_rule(type_, mode, family, recipient_sector, trigger, actor_sector)
        if rule is None or rule.sub_event is None:
            # no rule, or ACLED codes no event for it (an offer, a withdrawal from talks)
            return None, rule is not None and rule.id in self.firm
        sub = self.sub_events[rule.sub_event]
        return {"event_type": sub.event_type, "sub_event_type": sub.name, "why": f"{rule.id}: {rule.why}"}, False

    @staticmethod
    def _sectors_hold(rule: Rule, sectors: dict[str, Optional[str]]) -> bool:
        for key, allowed in rule.sectors.items():
            role = key.removeprefix("not_")
            if (sectors[role] in allowed) == key.startswith("not_"):
                return False
        return True

    @staticmethod
    def _cues_hold(rule: Rule, scope: Scope) -> bool:
        for key, groups in rule.cues.items():
            where = key.removeprefix("not_")
            if key.startswith("not_"):
                if any(_matches(scope, where, (g,)) for g in groups):
                    return False
            elif scope.trigger is None or not _matches(scope, where, groups):
                return False  # without the text, a rule that needs a cue cannot be shown to hold
        return True


@lru_cache(maxsize=1)
def rules() -> Rules:
    return Rules(read_json("acled_subevents.json"))


def choose(type_: str, mode: Optional[str], family: Optional[str], recipient_sector: Optional[str],
           trigger: Any = None, actor_sector: Optional[str] = None) -> Optional[dict[str, str]]:
    """The ACLED event type, sub-event type and the reason (``why``: rule id and gloss), or None
    when ACLED codes no such event."""
    return rules().ruling(type_, mode, family, recipient_sector, trigger, actor_sector)[0]


def ruling(type_: str, mode: Optional[str], family: Optional[str], recipient_sector: Optional[str],
           trigger: Any = None, actor_sector: Optional[str] = None) -> tuple[Optional[dict[str, str]], bool]:
    """:func:`choose`, and whether a ``firm`` rule states that ACLED records no event for it (a
    manhunt, a patrol, a quarantine, an offer or welcome with no agreement reached): a decision the
    event model may not overrule by adding a sub-event type."""
    return rules().ruling(type_, mode, family, recipient_sector, trigger, actor_sector)


REGAINS, OVERTAKES = "Government regains territory", "Non-state actor overtakes territory"


def gained_abroad(acled: Optional[dict[str, str]], actor_country: Optional[str],
                  place_country: Optional[str]) -> Optional[dict[str, str]]:
    """A state's forces that take a location in another country ("Russian forces took control of
    a village in Donetsk"): ACLED's 'Non-state actor overtakes territory' covers foreign state
    forces; 'Government regains territory' is a gain at home. Both countries must be known."""
    if acled is None or acled.get("sub_event_type") != REGAINS or not actor_country or not place_country \
            or actor_country == place_country:
        return acled
    sub = rules().sub_events[OVERTAKES]
    return {"event_type": sub.event_type, "sub_event_type": sub.name,
            "why": f"foreign-state-gain: forces of {actor_country} took a location in {place_country}"}


@lru_cache(maxsize=None)
def reachable(type_: str) -> frozenset[str]:
    """The sub-event types some rule gives an event of this PLOVER type: the only ones the event
    model may choose for it (its actors and ACLED's actor1 convention follow from the type)."""
    return frozenset(r.sub_event for r in rules().rules if type_ in r.types and r.sub_event is not None)


def is_firm(why: str) -> bool:
    """Whether the rule named at the start of a ``why`` is marked ``firm`` in the data: it states
    one of the project's decisions where ACLED's definitions leave a choice (a manned aircraft shot
    down is a battle, a drone shot down a disrupted weapon), which the event model may not overrule."""
    return why.split(":", 1)[0] in rules().firm


def holds_against(why: str, sub_event_name: str) -> bool:
    """Whether the rule named at the start of a ``why`` keeps its choice against this one of the event
    model's: an attack on unarmed people where no fighting is told is no battle, however the model
    reads the sentence, though the model may still see the weapon (an air strike on a village)."""
    return sub_event_name in rules().holds_against.get(why.split(":", 1)[0], frozenset())


def sub_event(name: Optional[str]) -> Optional[SubEvent]:
    return rules().sub_events.get(name or "")


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    return {iso3: Country(iso3, int(numeric), region, name, tuple(filter(None, governments.split("|"))))
            for iso3, numeric, region, name, governments in data_lines("acled_countries.tsv")}


def government_since(iso3: Optional[str], day: Optional[str]) -> Optional[str]:
    """The start year of the government in office in a country on a day (ISO date), if recorded:
    ACLED dates state actors by it ("Military Forces of Sudan (2019-)")."""
    country = countries().get(iso3 or "")
    if country is None or not country.governments:
        return None
    started = [g for g in country.governments if not day or g <= day]
    return started[-1][:4] if started else None


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    """How an ACLED CSV names actors, codes their types and spells places (acled_conventions.json)."""
    return read_json("acled_conventions.json")
