"""A claim a party calls untrue: "called the charges fabricated", "dismissed that as propaganda",
"described the report as baseless" (PLOVER REJECT). The claim is what the verb takes as object;
what it is called comes from the codebook's ``dismissing`` words (and the condemning ones).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from eventwire.events.addressees import speaks
from eventwire.events.candidate import Candidate
from eventwire.events.codebook import Codebook, Trigger
from eventwire.events.condemned import names_an_act
from eventwire.events.modality import negated
from eventwire.places.toponyms import QUOTES

DISMISSAL_TRIGGER = Trigger("call false", ("VERB",), "REJECT", None, "reject", {})
JUDGED_TRIGGER = Trigger("say unacceptable", ("VERB",), "ACCUSE", "disapprove", "accuse", {})
# verbs that put a name on what they take as object: "called the sentence excessive", "described it as a crime"
LABEL_VERBS = {"call", "describe", "label", "brand", "term", "characterize", "characterise", "dub", "deem", "refer"}
NAMING_VERBS = LABEL_VERBS | {"dismiss"}  # "dismissed it as propaganda" names the claim too
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
    if word is None or not ({word.lemma_.lower(), word.lower_} & codebook.dismissing
                            or word.lemma_.lower() in codebook.condemning):
        return None
    return Candidate(tok, DISMISSAL_TRIGGER, "REJECT", None, "reject", speaker, None)


def _what_it_is_called(tok: Token, claim: Token) -> Optional[Token]:
    """'baseless' in "called the charges baseless" (the parser's adverb too), "dismissed it as
    baseless", and the quoted word it hangs on the claim ("called the charges 'fabricated'")."""
    return complement(tok) or next((c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None) \
        or trailing_label(claim)


def trailing_label(obj: Token) -> Optional[Token]:
    """'called the attack horrifying', 'called the charges "fabricated"': the parser hangs what
    the object is called on the object, as a modifier after it."""
    return next((c for c in obj.children if c.dep_ in ("acl", "amod", "appos") and c.i > obj.i), None)


def complement(tok) -> Optional[Token]:
    """What the verb calls its object: "excessive" in "called the sentence excessive", "crime" in
    "described the raid as a crime"."""
    for c in tok.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ in ("pobj", "amod", "acomp")), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    # 'called the attack "a massacre"': the parser hangs a quoted name on the object
    return next((a for a in obj.children if a.dep_ == "appos" and a.pos_ in ("NOUN", "ADJ") and _quoted(a)), None) \
        if obj is not None else None


def _quoted(tok: Token) -> bool:
    first = tok.left_edge.i
    return first > 0 and tok.doc[first - 1].text in QUOTES


def judged_wrong(tok: Token, speaker: Token, said: Token, codebook: Codebook, coder) -> Optional[Candidate]:
    """'wrote that China's coercion of Japanese fishermen was unacceptable', 'said the strikes were
    illegal': an act or a party the speaker says is what a condemning word names is disapproved of
    (PLOVER ACCUSE), aimed at the party whose act it is, the party, or the act (whoever did it)."""
    if said.lemma_ != "be" or not speaks(speaker, coder):
        return None
    word = next((c for c in said.children if c.dep_ in ("acomp", "attr")), None)
    subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if word is None or subj is None or subj.pos_ == "PRON" or word.lemma_.lower() not in codebook.condemning:
        return None  # "it was horrific": what it was like, no one judged
    owner = next((c for c in subj.children if c.dep_ == "poss" and coder.names_party(c)), None)
    target = owner or (subj if coder.names_party(subj) or names_an_act(subj, codebook) else None)
    if target is None:
        return None
    return Candidate(tok, JUDGED_TRIGGER, "ACCUSE", "disapprove", "accuse", speaker, target)


SHOWING = {"show", "prove", "demonstrate", "reveal", "expose", "confirm"}


def shown_bad_faith(tok: Token, speaker: Token, said: Token, codebook: Codebook, coder) -> Optional[Candidate]:
    """'said the shelling showed the junta had no wish for talks', 'said the strikes proved the rebels were
    not serious about talks': an act the speaker says shows a party wants no peace, or lacks the will
    it claims, disapproves of that party (PLOVER ACCUSE)."""
    if said.lemma_.lower() not in SHOWING or not speaks(speaker, coder):
        return None
    subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
    shown = next((c for c in said.children if c.dep_ == "ccomp"), None)
    if subj is None or shown is None or not names_an_act(subj, codebook):
        return None
    party = next((c for c in shown.children if c.dep_ == "nsubj"), None)
    denied = negated(shown) or any((g.dep_ == "det" and g.lower_ == "no") or g.dep_ == "neg" for c in shown.children
                                   if c.dep_ in ("dobj", "attr", "acomp") for g in c.children)  # 'was "not interested"'
    if party is None or not denied or not coder.names_party(party):
        return None
    return Candidate(tok, JUDGED_TRIGGER, "ACCUSE", "disapprove", "accuse", speaker, party)
