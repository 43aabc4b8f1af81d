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
from eventwire.events.codebook import Trigger
from eventwire.events.triggers import Candidate
from eventwire.events.modality import negated
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


def _anchor(sent):
    root = sent.root
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


def _learned_candidate(sent, type_: str, coder) -> Optional[Candidate]:
    tok = _anchor(sent)
    if tok is None or negated(tok):
        return None
    trig = Trigger(tok.lemma_.lower(), (tok.pos_,), type_, None, "learned", {})
    actor, recipient, theme = roles(tok, trig, coder)
    if actor is not None and actor.head is not tok and actor.head.lemma_.lower() in REPORTING:
        actor = None  # a subject borrowed from "X said ...": the speaker, not the doer
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
        if best not in (NONE, cand.type) and p >= policy.retype and probs.get(cand.type, 0.0) < policy.doubt:
            cand = replace(cand, type=best, mode=None, family="retyped")
        kept.append(cand)
    return kept


def needs_model(sent, codebook) -> bool:
    """Whether the model's reading can change what a sentence yields: it holds a trigger word (rule
    candidates are possible) or an anchor whose subject could be an actor (``fill`` could stand:
    its event must name who acted). Every other sentence yields nothing under any backend, so the
    model is not run on it -- the same events, at a fraction of the cost."""
    if any(t.pos_ in ("VERB", "NOUN") and (codebook.candidates(t.lemma_.lower()) or codebook.candidates(t.lower_))
           for t in sent):
        return True
    probe = _learned_candidate(sent, NONE, None)
    return probe is not None and probe.actor_head is not None


def fill(backend: str, sent, probs: Optional[dict[str, float]], coder,
         policy: Optional[Policy] = None) -> list[Candidate]:
    """When no event stood in a sentence (no trigger, or its candidates failed their checks):
    the model's confident type, anchored on the sentence's main verb."""
    if backend == "rules" or probs is None:
        return []
    best, p = _best(probs)
    if best == NONE or p < (policy or (HYBRID if backend == "hybrid" else LEARNED)).add:
        return []
    made = _learned_candidate(sent, best, coder)
    return [made] if made else []


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
