"""What a denial denies: the claim told as a clause ("denied that its forces had shelled the
town") or a gerund ("denied striking the market"), which the denying verb answers."""
from __future__ import annotations

from eventwire.events.addressees import child


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
