"""A claim a party calls untrue: "called the charges fabricated", "dismissed that as propaganda",
"described the report as baseless" (PLOVER REJECT). The claim is what the verb takes as object;
what it is called comes from the codebook's ``dismissing`` words (and the condemning ones).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.events.candidate import Candidate
from eventwire.events.codebook import Codebook, Trigger
from eventwire.events.modality import negated

DISMISSAL_TRIGGER = Trigger("call false", ("VERB",), "REJECT", None, "reject", {})
# verbs that call what they take a name ("called the charges fabricated", "dismissed it as propaganda")
NAMING_VERBS = {"call", "describe", "label", "brand", "term", "characterize", "characterise", "dub", "dismiss"}
CLAIM_NOUNS = {"charge", "accusation", "allegation", "claim", "report", "figure", "toll", "account", "assertion",
               "statement", "rumour", "rumor", "version", "narrative", "story"}
POINTING_PRONOUNS = {"that", "this", "it", "them", "those", "these"}  # "dismissed that as ...": a claim just told


def dismissal(tok: Token, codebook: Codebook, speaker: Optional[Token]) -> Optional[Candidate]:
    """The claim the verb's subject calls untrue, as a REJECT with no recipient (who made the claim
    is the story's other side: ``events.counterparts``), or None."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in NAMING_VERBS or negated(tok) or speaker is None:
        return None
    claim = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if claim is None or not (claim.lemma_.lower() in CLAIM_NOUNS or claim.lower_ in POINTING_PRONOUNS):
        return None
    word = _what_it_is_called(tok, claim)
    if word is None or word.lemma_.lower() not in codebook.dismissing | codebook.condemning \
            and word.lower_ not in codebook.dismissing:
        return None
    return Candidate(tok, DISMISSAL_TRIGGER, "REJECT", None, "reject", speaker, None)


def _what_it_is_called(tok: Token, claim: Token) -> Optional[Token]:
    """'baseless' in "called the charges baseless", "dismissed it as baseless", and the quoted
    word the parser hangs on the claim ("called the charges 'fabricated'")."""
    for c in tok.children:
        if c.dep_ == "oprd" or (c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN", "VERB")):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ in ("pobj", "amod", "acomp")), None)
    return next((c for c in claim.children if c.dep_ in ("acl", "amod", "appos") and c.i > claim.i), None)
