"""The codebook: event types, modes and trigger lemmas, kept as data.

``eventwire/data/codebook.json`` is the single source; this module only loads and indexes it.
The ACLED mapping is :mod:`eventwire.acled` (rules in ``data/acled_subevents.json``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from eventwire.events import acled as acled_mod


@dataclass(frozen=True)
class Trigger:
    lemma: str  # one word, or "head particle" ("pull out") / "modifier head" ("air strike")
    pos: tuple[str, ...]
    type: str
    mode: Optional[str]
    family: str
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def opt(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)


KNOWN_OPTIONS = {"kind", "passive_subject", "of_role", "symmetric", "object_in", "object_not_in", "object_in_alt",
                 "place_object", "object_party", "object_sector", "subject_sector", "needs_object", "needs_actor",
                 "needs_prep", "needs_head_in", "needs_child_dep", "needs_context", "context_objects", "overrides",
                 "intransitive", "needs_place_object", "subject_in", "prep_object_not_in", "modifier_not_in",
                 "no_complement", "no_clause", "verbal", "force_alt", "subject_sector_alt", "purpose_in",
                 "or_doing", "or_claim", "needs_doing", "no_descriptor", "of_noun_in", "head_not_in", "object_is_means", "subject_role",
                 "object_sector_not", "object_sector_alt", "not_with_prep", "prep_object_in", "doing_not_in", "complement_in",
                 "subject_not_in", "at_the_seat", "speaker_may_act"}


def _with_sets(value: Any, sets: dict[str, list[str]], lemma: str) -> Any:
    """A list option with its "@name" items replaced by the words of ``object_sets[name]``, in
    the ``lemmas`` of an option's alternative readings too (``object_in_alt``)."""
    if isinstance(value, dict) and "lemmas" in value:
        return {**value, "lemmas": _with_sets(value["lemmas"], sets, lemma)}
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    for item in value:
        if isinstance(item, dict):
            out.append(_with_sets(item, sets, lemma))
        elif isinstance(item, str) and item.startswith("@"):
            if item[1:] not in sets:
                raise ValueError(f"codebook.json: trigger {lemma!r} names an unknown object set {item!r}")
            out += sets[item[1:]]
        else:
            out.append(item)
    return out


class Codebook:
    def __init__(self, raw: dict[str, Any]):
        self.types: dict[str, str] = raw["types"]
        self.modes: dict[str, list[str]] = raw["modes"]
        self.mode_cues: dict[str, dict[str, list[str]]] = raw.get("mode_cues", {})
        self.violent_context = set(raw.get("violent_context", []))
        self.condemning = frozenset(raw.get("condemning", []))  # words that call an act or a party wrong
        self.dismissing = frozenset(raw.get("dismissing", []))  # words that call a claim untrue
        approving = raw.get("approving", {})  # words that call an act good: "an important step"
        self.approving = {k: frozenset(v) for k, v in approving.items() if not k.startswith("_")}
        force = raw.get("pledged_force", {})  # what a pledge with the ``force_alt`` option commits to when it is force
        self.pledged_force = {k: v for k, v in force.items() if not k.startswith("_")}
        self.force_words = frozenset(force.get("words", ()))
        self.force_unless = frozenset(force.get("unless", ()))
        self.consequences = frozenset(raw.get("warned_consequences", {}).get("words", ()))  # what a threat warns of
        self.wrongdoing = {k: frozenset(v) for k, v in raw.get("wrongdoing", {}).items() if not k.startswith("_")}
        self.state_acts: dict[str, str] = {k: v for k, v in raw.get("state_acts", {}).items() if not k.startswith("_")}
        self.state_modes: dict[str, str] = {k: v for k, v in raw.get("state_modes", {}).items() if not k.startswith("_")}
        sets = {k: v for k, v in raw.get("object_sets", {}).items() if not k.startswith("_")}
        self.doers = frozenset(sets.get("doers_at_the_scene", ()))  # "the attackers": those of an act told
        self.by_word: dict[str, list[Trigger]] = {}
        for rec in raw["triggers"]:
            opts = {k: _with_sets(v, sets, rec["lemma"]) for k, v in rec.items()
                    if k not in ("lemma", "pos", "type", "mode", "family")}
            if set(opts) - KNOWN_OPTIONS:
                raise ValueError(f"codebook.json: trigger {rec['lemma']!r} has unknown options {sorted(set(opts) - KNOWN_OPTIONS)}")
            trig = Trigger(rec["lemma"], tuple(rec["pos"]), rec["type"], rec.get("mode"), rec["family"], opts)
            for word in set(rec["lemma"].split()):
                self.by_word.setdefault(word, []).append(trig)
        unknown = {t.type for ts in self.by_word.values() for t in ts} - set(self.types)
        if unknown:
            raise ValueError(f"codebook.json: triggers use unknown types {sorted(unknown)}")
        bad_pos = sorted({t.lemma for ts in self.by_word.values() for t in ts if not set(t.pos) <= {"VERB", "NOUN"}})
        if bad_pos:
            raise ValueError(f"codebook.json: 'pos' must be a list of VERB/NOUN for triggers {bad_pos}")

    def trigger_words(self) -> dict[str, set[str]]:
        """Every word of every trigger (lower case) with the parts of speech it triggers as:
        where an event can be coded at all."""
        out: dict[str, set[str]] = {}
        for word, triggers in self.by_word.items():
            out.setdefault(word.lower(), set()).update(p for t in triggers for p in t.pos)
        return out

    def mode_named(self, type_: str, words: set[str]) -> Optional[str]:
        """The first mode of ``type_`` whose cue words ``words`` holds ("shelling" -> heavy-weapons)."""
        for mode, cues in self.mode_cues.get(type_, {}).items():
            if words & set(cues):
                return mode
        return None

    def candidates(self, lemma: str) -> list[Trigger]:
        return self.by_word.get(lemma, [])

    def for_token(self, lemma: str, low: str) -> list[Trigger]:
        """Triggers for a token by its lemma or its word; when neither is known, by the word's
        stem without a verb ending, because the lemmatizer errs on rare verbs ("raped" -> "rap")."""
        found = self.candidates(lemma) + self.candidates(low)
        if found or len(low) < 5 or not low.endswith(("ed", "ing")):
            return found
        stem = low[:-2] if low.endswith("ed") else low[:-3]
        undoubled = stem[:-1] if stem[-1:] == stem[-2:-1] else stem  # "planned" -> "plan"
        for guess in (stem + "e", stem, undoubled):
            if found := self.candidates(guess):
                return found
        return []

    @staticmethod
    def acled_ruling(type_: str, mode: Optional[str], family: str, recipient_sector: Optional[str],
                     trigger: Any = None, actor_sector: Optional[str] = None) -> tuple[Optional[dict[str, str]], bool]:
        """ACLED event and sub-event type with the reason, and whether a firm rule says ACLED records
        none (:func:`eventwire.acled.ruling`); the trigger token (its clause and sentence) and the
        actor's sector sharpen the choice."""
        return acled_mod.ruling(type_, mode, family, recipient_sector, trigger, actor_sector)


@lru_cache(maxsize=1)
def load() -> Codebook:
    raw = json.loads(resources.files("eventwire.data").joinpath("codebook.json").read_text("utf-8"))
    return Codebook(raw)
