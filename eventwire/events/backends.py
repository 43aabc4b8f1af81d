"""Event typing backends: `rules` (the codebook), `learned` (the event model decides), `hybrid`.

Each backend gets a sentence, the rules' candidates in it, and the event model's probabilities
for the sentence (PLOVER type or NONE; events/eventmodel.py, computed once per article).

* rules — candidates from codebook triggers only.
* learned — the model types every sentence; a sentence typed NONE has no event; otherwise one
  event of that type, anchored on the rule trigger of that type when there is one, else (``fill``)
  on the sentence's main verb. Arguments, places, dates and provenance always come from the rules.
* hybrid (the default: best measured, docs/learned.md) — the rules propose, the model decides:
  a rule candidate stands unless the model reads the sentence as no event; in a sentence whose
  candidates are all of one type, a candidate whose type the model finds unlikely takes the
  model's type when the model is sure of it (a sentence with two kinds of event keeps them: one
  reading of the sentence cannot choose between them); where no
  rule event stands in a sentence, the model's confident type becomes an event anchored on the
  main verb (``fill``).
  The thresholds are one frozen policy (HYBRID), chosen on the dev parts only.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from eventwire.attribution.sources import REPORTING
from eventwire.events import acled as acled_mod
from eventwire.events.codebook import Codebook, Trigger
from eventwire.events.triggers import SPEECH_ACTS, Candidate, match_trigger
from eventwire.events.modality import as_intent, hypothetical, negated
from eventwire.events.nonevents import lexicon as nonevent_words
from eventwire.events.noun_parties import DEATH_VERBS
from eventwire.events.roles import roles

BACKENDS = ("rules", "learned", "hybrid")
NONE = "NONE"


@dataclass(frozen=True)
class Policy:
    add: float = 0.6       # no rule event stands: the model's type becomes an event at this probability
    drop: float = 0.97     # rule candidates: all dropped when P(NONE) reaches this
    retype: float = 0.9    # a candidate takes the model's type when the model is this sure of it ...
    doubt: float = 0.2     # ... and gives the candidate's own type less than this


HYBRID = Policy()
LEARNED = Policy(add=0.4)


@dataclass(frozen=True)
class AcledPolicy:
    override: float = 0.6  # the model's sub-event type replaces the rules' when it is this sure ...
    doubt: float = 0.3     # ... and gives the rules' choice less than this
    add: float = 0.7       # no rule gave one: the model's, when the event's type can be an ACLED event


ACLED = AcledPolicy()


# what a party perceives, remembers or believes is no act of its own: a fill never stands on it
COGNITION = {"remember", "recall", "see", "watch", "hear", "feel", "know", "think", "believe", "wonder", "seem",
             "appear", "hope", "fear", "want", "like", "love", "hate", "notice", "learn", "realize", "realise"}


def _anchor(sent, type_: str = "", coder=None):
    root = sent.root
    if root.lemma_.lower() in COGNITION:  # "witnesses remember seeing people running"
        return None
    if type_ == "REQUEST" and root.lemma_.lower() == "tell" and _informs(root):
        return None  # "told a rights group that their sons were picked up": news passed on, nothing asked
    if type_ in SPEECH_ACTS and coder is not None and root.lemma_.lower() in REPORTING and any(
            c.dep_ in ("dobj", "dative") and coder.names_party(c) for c in root.children):
        return root  # "warned the German government that ...": the statement made to a party is the act
    if root.lemma_.lower() in REPORTING:  # "witnesses said the bomb had been planted": the planting
        said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "NOUN")), None)
        # "announced the suspension of links": what was announced is the event
        said = said or next((c for c in root.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if said is None:
            return None
        root = said
    if root.pos_ in ("VERB", "NOUN"):
        return root
    return next((t for t in sent if t.pos_ == "VERB"), None)


def _informs(verb) -> bool:
    """A that-clause with nothing asked in it ("told them that ..." without "to", "must", "should")."""
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(said) and not any(c.dep_ == "xcomp" for c in verb.children) and not any(
        a.dep_ == "aux" and a.lower_ in ("must", "should") for c in said for a in c.children)


FORCE = {"ASSAULT", "COERCE"}
# verbs by which others count or tend an act's victims: their subject is no doer
COUNTING = {"put", "record", "receive", "count", "register", "document", "tally", "estimate", "treat", "admit", "confirm"}


def _learned_candidate(sent, type_: str, coder) -> Optional[Candidate]:
    tok = _anchor(sent, type_, coder)
    if tok is None or negated(tok) or tok.lemma_.lower() in nonevent_words()["flight_verbs"]:
        return None  # "warned that 600,000 people have fled": flight is the codebook's to read, never the model's
    trig = Trigger(tok.lemma_.lower(), (tok.pos_,), type_, None, "learned", {})
    actor, recipient, theme = roles(tok, trig, coder)
    if actor is not None and actor.head.i != tok.i and actor.head.lemma_.lower() in REPORTING:
        actor = None  # a subject borrowed from "X said ...": the speaker, not the doer
    if actor is not None and type_ in FORCE and tok.lemma_.lower() in COUNTING:
        actor = None  # "a rights group put the number of dead at 40", "the hospital received 31 wounded": not the doer
    if type_ in FORCE and tok.lemma_.lower() in DEATH_VERBS | {"succumb"}:
        actor, recipient = None, recipient or actor  # "a man ... died of his wounds": the one who died was hit
    if type_ != NONE and hypothetical(tok) == "intent" and actor is not None:
        announced = as_intent(type_, None, "learned")  # "said it will support the resolution": a commitment
        if announced is not None and announced[0] != type_:
            trig = Trigger(tok.lemma_.lower(), (tok.pos_,), announced[0], None, "learned", {})
            return Candidate(tok, trig, announced[0], announced[1], "learned", actor, recipient, theme)
    return Candidate(tok, trig, type_, None, "learned", actor, recipient, theme)


def _best(probs: dict[str, float]) -> tuple[str, float]:
    best = max(probs, key=lambda label: probs[label])
    return best, probs[best]


def _hybrid(rule_cands: list[Candidate], probs: dict[str, float], policy: Policy) -> list[Candidate]:
    best, p = _best(probs)
    if probs.get(NONE, 0.0) >= policy.drop:
        return []
    if len({c.type for c in rule_cands}) > 1:
        return rule_cands  # two kinds of event in one sentence: one reading of it cannot choose
    kept = []
    for cand in rule_cands:
        # "will provide aid" (AGREE): the model names the act (AID), the rules read its modality
        modal = cand.family.startswith("intent:") and best == cand.rule.type
        if best not in (NONE, cand.type) and not modal and p >= policy.retype and probs.get(cand.type, 0.0) < policy.doubt:
            cand = replace(cand, type=best, mode=None, family="retyped")
        kept.append(cand)
    return kept


def choose_acled(by_rules: Optional[dict[str, str]], reading: Optional[dict[str, float]], type_: str,
                 policy: Optional[AcledPolicy] = None) -> Optional[dict[str, str]]:
    """The ACLED event and sub-event type of an event: the rules' choice unless the event model,
    reading the sentence, is sure of another sub-event type that an event of this PLOVER type can
    have (``acled.reachable``) and doubts the rules' one -- unless the rule is ``firm`` (one of the
    project's stated decisions: a helicopter shot down is a battle). Where no rule gave one, the
    model's reading when it is surer still. ``why`` starts with the rule id or ``model``."""
    policy = policy or ACLED
    allowed = acled_mod.reachable(type_)
    if reading is None or not allowed:
        return by_rules
    best = max(allowed, key=lambda name: reading.get(name, 0.0))
    p = reading.get(best, 0.0)
    current = by_rules["sub_event_type"] if by_rules else None
    if best == current:
        return by_rules
    if by_rules is None and p < policy.add:
        return None
    if by_rules is not None and (p < policy.override or reading.get(current or "", 0.0) >= policy.doubt
                                 or acled_mod.is_firm(by_rules["why"]) or acled_mod.holds_against(by_rules["why"], best)):
        return by_rules
    sub = acled_mod.sub_event(best)
    if sub is None:
        return by_rules
    rules_said = f"; the rules said {current} ({by_rules['why'].split(':')[0]})" if by_rules else ""
    return {"event_type": sub.event_type, "sub_event_type": sub.name,
            "why": f"model: the event model reads the sentence as {sub.name} (p={p:.2f}){rules_said}"}


def needs_model(sent, codebook, coder=None) -> bool:
    """Whether the model's reading can change what a sentence yields: it holds a trigger word (rule
    candidates are possible) or an anchor whose subject is an actor (``fill`` could stand: its
    event must name who acted; with ``coder``, the subject must code as a party, as the event
    needs). Every other sentence yields nothing under any backend, so the model is not run on it
    -- the same events, at a fraction of the cost."""
    if any(t.pos_ in ("VERB", "NOUN") and codebook.for_token(t.lemma_.lower(), t.lower_) for t in sent):
        return True
    probe = _learned_candidate(sent, NONE, None)
    if probe is None or probe.actor_head is None:
        return False
    return coder is None or coder.code(probe.actor_head) is not None


def fill(backend: str, sent, probs: Optional[dict[str, float]], coder,
         policy: Optional[Policy] = None, codebook: Optional[Codebook] = None) -> list[Candidate]:
    """When no event stood in a sentence (no trigger, or its candidates failed their checks):
    the model's confident type, anchored on the sentence's main verb -- unless the sentence's own
    word for that type is negated ("threatened no one", "neither has agreed"): the words say it
    did not happen."""
    if backend == "rules" or probs is None:
        return []
    best, p = _best(probs)
    if best == NONE or p < (policy or (HYBRID if backend == "hybrid" else LEARNED)).add:
        return []
    if codebook is not None and any(negated(t, objects=True) and (m := match_trigger(t, codebook)) is not None and m.type == best
                                    for t in sent):
        return []
    if codebook is not None and any(_ruled_out(t, codebook, best) for t in sent):
        return []  # "an advance would threaten the supply route", "slaughtered cattle": the word itself says it is no such act
    made = _learned_candidate(sent, best, coder)
    return [made] if made else []


# what a trigger's own rule rules out, by the option that says so and the words it looks at
RULED_OUT = (("subject_not_in", ("nsubj",)), ("object_not_in", ("dobj", "nsubjpass")))


def _ruled_out(tok, codebook: Codebook, type_: str) -> bool:
    """The sentence's word for ``type_`` has a subject or object its rule rules out ("an advance
    would threaten ...": ``subject_not_in``; "shot a video", "slaughtered 40 cattle": ``object_not_in``)."""
    m = match_trigger(tok, codebook)
    if m is None or m.type != type_:
        return False
    return any(c.dep_ in deps and c.lemma_.lower() in m.opt(option, ()) for option, deps in RULED_OUT for c in tok.children)


def choose(backend: str, sent, rule_cands: list[Candidate], probs: Optional[dict[str, float]], coder,
           policy: Optional[Policy] = None) -> list[Candidate]:
    """The rule candidates a backend keeps for one sentence, given the model's probabilities for
    it (``fill`` adds the model's own event where none stands)."""
    if backend == "rules" or probs is None:
        return rule_cands
    if backend == "hybrid":
        return _hybrid(rule_cands, probs, policy or HYBRID)
    best, p = _best(probs)
    if best == NONE or p < (policy or LEARNED).add:
        return []
    return [c for c in rule_cands if c.type == best][:1]
