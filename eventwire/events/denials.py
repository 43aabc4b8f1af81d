"""What a denial denies: the claim told as a clause ("denied that its forces had shelled the
town") or a gerund ("denied striking the market"), which the denying verb answers."""
from __future__ import annotations

from eventwire.events.addressees import child, pobj
from eventwire.events.modality import negated

PARTS = {"role", "part", "involvement", "hand"}


def _claim(tok):
    """What the trigger says is not so, told as a clause ("denied that its forces had shelled the
    town") or a gerund ("denied striking the market"): the clause's verb. Denying a practice done
    to a bare plural ("has denied targeting civilians", "denies targeting civilians") is a standing
    position, not news; told in the past ("the front denied targeting civilians") it answers a charge."""
    return next((c for c in tok.children if (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))
                 or (c.dep_ == "xcomp" and c.tag_ == "VBG" and not (_generic_object(c) and _standing(tok)))), None)


def _standing(verb) -> bool:
    """Told in the present or the present perfect ("denies", "has denied"): a position held."""
    return verb.tag_ in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children)


def _flattened_clause(tok):
    """'denied that its soldiers had targeted civilians', parsed with "civilians" as the object of
    "denied" and the clause's verb as its modifier: "that" right after the verb opens a clause
    whatever the parse, and the first verb after it is the claim."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "that" or nxt.dep_ != "mark":
        return None
    return next((t for t in tok.doc[nxt.i + 1:tok.sent.end] if t.pos_ == "VERB"), None)


def denied_claim(tok):
    """The claim a verb denies: its clause when it has no object, or when its "object" is the
    clause's own subject the parser took for one ("denied the town had been lost")."""
    claim = _claim(tok)
    if claim is None:
        return _flattened_clause(tok)
    obj = child(tok, ("dobj",))
    if claim is None or obj is None:
        return claim
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in claim.children)
    return claim if not own_subject and obj.i < claim.i and claim.dep_ == "ccomp" else None


def _generic_object(verb) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in obj.children)


def part_denied(said):
    """The harm a reported clause says its subject had no part in: "had no role in the attacks",
    "played no part in", "had nothing to do with the bombing", "did not take part in", "none of its
    members took part in", "was not involved in", "was not responsible for". None otherwise."""
    obj = child(said, ("dobj",))
    if obj is not None and said.lemma_ in ("have", "play") and obj.lemma_ in PARTS \
            and any(c.lower_ == "no" for c in obj.children):
        return pobj(obj, {"in"}) or pobj(said, {"in"})
    if obj is not None and said.lemma_ == "have" and obj.lower_ == "nothing":
        do = next((c for c in obj.children if c.lemma_ == "do"), None)
        return pobj(do, {"with"}) if do is not None else None
    if not negated(said):
        return None
    if said.lemma_ == "take" and obj is not None and obj.lemma_ == "part":
        return pobj(said, {"in"}) or pobj(obj, {"in"})
    if said.lemma_ == "involve":
        return pobj(said, {"in"})
    held = child(said, ("acomp",)) if said.lemma_ == "be" else None
    return pobj(held, {"for"}) if held is not None and held.lower_ == "responsible" else None
