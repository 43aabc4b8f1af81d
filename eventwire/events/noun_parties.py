"""Who did or suffered the act an event noun names, read from the phrases around the noun.

A verb trigger has its subject and object; a noun trigger ("the attack", "a statement", "an
inquiry") has its parties scattered in the phrases it sits in: the participle on it ("a rally
organised by the opposition"), the verb it serves ("came under attack", "died in the attack",
"is the largest donor"), the text it is ("issued a statement"), the noun it hangs from by "of".
:func:`eventwire.events.roles.roles` reads them through these helpers.
"""
from __future__ import annotations

from eventwire.attribution.sources import subject_of
from eventwire.events.addressees import child, pobj
from eventwire.events.already_told import INQUIRY_NOUNS
from eventwire.places.toponyms import words

TEXT_NOUNS = {"statement", "letter", "communique", "communiqué", "declaration", "resolution", "message", "note",
              "post", "video", "editorial", "decree", "petition", "op-ed", "tweet", "memo", "memorandum"}
# acts that examine another act: who opens an inquiry or a trial of a killing did not kill
EXAMINING_NOUNS = INQUIRY_NOUNS | {"trial", "inquest", "review", "examination"}


def of_carrier(tok):
    """The noun an event noun hangs from by "of" ("a state of emergency", "a wave of attacks") or
    the bearing the parser hangs it on ("an assault west of"), else the event noun itself: the
    phrase a light verb takes as its object."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" \
            and tok.head.head.lemma_.lower() not in EXAMINING_NOUNS:  # "started an investigation of the killing"
        return tok.head.head
    return tok.head if before_a_bearing(tok) else tok


def before_a_bearing(tok) -> bool:
    """'launched an assault west of the airport': the parser hangs the event noun on the bearing
    as a compound; it is the object, the bearing says where."""
    head = tok.head
    return tok.dep_ == "compound" and head.i == tok.i + 1 and head.lower_ in words("bearing") and \
        any(c.lower_ == "of" for c in head.children)


OPENING_VERBS = {"open", "launch", "initiate", "begin", "start", "order"}


def opener(tok):
    """Who opened an inquiry told in the passive: its agent, else the one who says it was opened
    ("the prosecutor said an investigation had been opened")."""
    verb = tok.head
    if tok.dep_ != "nsubjpass" or verb.lemma_ not in OPENING_VERBS:
        return None
    return pobj(verb, {"by"}) or (subject_of(verb.head) if verb.dep_ == "ccomp" else None)


def text_author(text):
    """Who put out a text ("X issued a statement", "X's letter", "a statement by X"), or None
    when the noun is no text."""
    if text.lemma_.lower() not in TEXT_NOUNS:
        return None
    own = pobj(text, {"by", "from"}) or child(text, ("poss",))
    if own is not None:
        return own
    return subject_of(text.head) if text.dep_ == "dobj" else None


def held_as(tok):
    """The verb a noun names the role of its object in ("used civilians as human shields")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    return None


def came_under(tok):
    """'Government forces came under heavy shelling': the subject of "came under" is who was hit."""
    under = tok.head
    if tok.dep_ == "pobj" and under.lower_ == "under" and under.head.lemma_.lower() == "come":
        return subject_of(under.head)
    return None


DEATH_VERBS = {"die", "perish"}
DEATH_PREPS = {"of", "from", "in", "during", "under", "after"}


def died_of(tok):
    """'A prisoner died as a result of torture', 'ten people died in the attack': the subject of
    the death the event noun caused is whom it happened to."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in DEATH_PREPS:
        return None
    verb = tok.head.head
    if verb.lemma_ == "result" and verb.dep_ == "pobj":
        verb = verb.head.head  # "as a result of"
    return subject_of(verb) if verb.lemma_.lower() in DEATH_VERBS else None


def made_by(noun):
    """'a road blockade set up by supporters of Morales', 'a rally organised by the opposition': who
    made what the noun names, told in a participle on it."""
    return next((g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)


def a_town(tok, coder) -> bool:
    """"the Mekelle protest": a town or region naming where the act was, not who did it (a name the
    actor tables know may: "a Russia strike", "UN sanctions")."""
    if coder is None or not coder.place_country(tok.i):
        return False
    name = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)  # "States" of "the United States"
    words = [t.text for t in name if t.pos_ != "DET"] if name is not None else [tok.text]
    return coder.kb.lookup(tok.text) is None and coder.kb.lookup(" ".join(words)) is None


def copula_subject(tok):
    """The subject a noun is said of: "X is/remains the largest donor", "X is one of the donors"."""
    node = tok
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "one":
        node = node.head.head
    if node.dep_ == "attr" and node.head.lemma_ in ("be", "remain", "become"):
        return subject_of(node.head)
    return None
