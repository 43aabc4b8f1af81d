"""How an attack was made: the weapons and means a sentence names ("fired rockets", "killed by
shelling", "a missile fired by Houthi rebels"), and who wielded them. The roles stage reads these
to tell the means from the target and the attacker from the place a shot came from."""
from __future__ import annotations

from eventwire.events.addressees import child, pobj
from eventwire.events.codebook import Trigger


# what an attack is made with, never whom it hits ("launched artillery and rocket fire against the camps")
WEAPONS = {"artillery", "rocket", "missile", "mortar", "shell", "bomb", "fire", "round", "grenade", "bullet",
           "salvo", "volley", "barrage", "airstrike", "strike", "drone", "munition", "explosive", "gas"}
# what an attack is made with or made as: the party that used it is the attacker
MEANS = WEAPONS | {"shelling", "bombardment", "bombing", "attack", "raid", "gunfire", "explosion", "blast", "assault",
                   "offensive", "shoot", "shooting", "bombard"}
MEANS_PREPS = {"by", "in", "from", "under", "during"}


def means_of(tok):
    """The means an act was done by or in ("killed by shelling", "wounded in an airstrike"), or None."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in MEANS_PREPS:
            obj = child(c, ("pobj", "pcomp"))
            if obj is not None and obj.lemma_.lower() in MEANS:
                return obj
    return None


def wielder(means, coder=None):
    """Who used a means of attack: "shelling by Russian forces", "shelling from government forces"
    (a party, not a place: not "shelling from Belgorod"), "a missile fired by Houthi rebels"."""
    if means is None or means.lemma_.lower() not in MEANS:
        return None
    by = pobj(means, {"by"})
    if by is not None:
        return by
    source = pobj(means, {"from"})
    if source is not None and coder is not None and coder.names_party(source) and not coder.place_country(source.i):
        return source
    fired = next((c for c in means.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return pobj(fired, {"by"}) if fired is not None else None


def is_means(obj, trig: Trigger) -> bool:
    """The object is one of the trigger's objects that say how it was done ("fired rockets")."""
    alts = trig.opt("object_in_alt") or []
    words = set(trig.opt("object_in", [])).union(*(a["lemmas"] for a in (alts if isinstance(alts, list) else [alts])))
    return obj.lemma_.lower() in words or obj.lower_ in words
