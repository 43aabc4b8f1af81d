"""Event typing backends: `rules` (the codebook), `learned` (the sentence typer decides), `hybrid`.

* rules — candidates from codebook triggers only.
* learned — the typer types every sentence; a sentence typed NONE has no event; otherwise one
  event of that type, anchored on the rule trigger of that type when there is one, else on the
  sentence's main verb. Arguments, places, dates and provenance always come from the rules.
* hybrid (the default: best measured, docs/learned.md) — the rules' events, plus the typer's event
  where the rules found none in a sentence and the typer is confident (probability >=
  HYBRID_MIN_P, chosen by 5-fold cross-validation on the PLOVER GSR).
"""
from __future__ import annotations

from typing import Optional

from eventwire.attribution.sources import REPORTING
from eventwire.events.codebook import Trigger
from eventwire.events.triggers import Candidate
from eventwire.events.modality import negated
from eventwire.events.roles import roles

BACKENDS = ("rules", "learned", "hybrid")
HYBRID_MIN_P = 0.6
LEARNED_MIN_P = 0.4


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


def choose(backend: str, sent, rule_cands: list[Candidate], typer, coder) -> list[Candidate]:
    """The candidates a backend keeps for one sentence."""
    if backend == "rules" or typer is None:
        return rule_cands
    type_, p = typer.predict(sent)
    if backend == "hybrid":
        if rule_cands or type_ == "NONE" or p < HYBRID_MIN_P:
            return rule_cands
        made = _learned_candidate(sent, type_, coder)
        return [made] if made else []
    if type_ == "NONE" or p < LEARNED_MIN_P:
        return []
    same = [c for c in rule_cands if c.type == type_]
    if same:
        return same[:1]
    made = _learned_candidate(sent, type_, coder)
    return [made] if made else []
