"""What a trigger's object is, and whether the codebook's object options admit it.

The codebook constrains a trigger by its object: ``object_in``, ``object_party``, ``object_sector``,
``needs_place_object``, its other readings by object (``object_in_alt``, ``place_object``), the
preposition it needs and what that governs (``needs_prep``), the "to ..." clause it may take instead
(``or_doing``, ``needs_doing``). Reading an object -- the thing counted in an amount, a place the
gazetteer lacks, a person -- is the same work for all of them, so it is kept apart from the
matching and typing of triggers in :mod:`eventwire.events.triggers`.
"""
from __future__ import annotations

from typing import Optional

from eventwire.actors.sectors import TITLES
from eventwire.events.addressees import pobj
from eventwire.events.codebook import Trigger
from eventwire.events.denials import denied_claim
from eventwire.events.roles import is_passive, object_of
from eventwire.places.evidence import bracketed_parts


def _the_sector_asked(trig: Trigger, obj, coder) -> bool:
    """'sent anti-riot police teams': an object of the sector the trigger's own reading asks for
    (forces sent are a deployment) keeps that reading, whatever its head word ("team") says elsewhere."""
    sectors = trig.opt("object_sector")
    if not sectors or obj is None or not coder.names_party(obj):
        return False
    party = coder.code(obj)
    return party is not None and party.sector in sectors


def object_ok(tok, trig: Trigger, obj, coder, place_tokens: set[int]) -> Optional[tuple[str, Optional[str], str]]:
    """Type/mode/family after the object constraints, or None when the object rules it out."""
    type_, mode, family = trig.type, trig.mode, trig.family
    obj_lemma = object_lemma(obj) if obj is not None else None
    if obj_lemma and obj_lemma in trig.opt("object_not_in", []):
        return None
    alts = _alternatives(trig)
    governed = pobj(tok, {"to", "on", "upon"}) if alts and tok.pos_ == "VERB" and object_of(tok) is None else None
    governed_lemma = object_lemma(governed) if governed is not None else None  # "agreed to a trade deal"
    named = _with_modifier(obj) if obj is not None else None  # "water cannon", "rubber bullets"
    for alt in alts:  # "cancelled a visit": the other reading, whatever object_in says
        if (obj_lemma in alt["lemmas"] or governed_lemma in alt["lemmas"] or named in alt["lemmas"]) \
                and not _the_sector_asked(trig, obj, coder):
            return alt["type"], alt.get("mode"), alt["family"]
    sector_alt = trig.opt("object_sector_alt")
    if sector_alt and obj is not None and _someone(obj) and coder.names_party(obj):
        party = coder.code(obj)  # "welcomed the Chinese president": a visitor received, not a view endorsed
        if party is not None and party.sector in sector_alt["sectors"]:
            return sector_alt["type"], sector_alt.get("mode"), sector_alt["family"]
    place_alt = trig.opt("place_object")
    is_place = (place_alt or "needs_place_object" in trig.options) and _a_place(obj, coder, place_tokens)
    if place_alt and is_place:  # "took Walikale": ground taken, whatever else the verb takes
        return place_alt["type"], place_alt.get("mode"), place_alt["family"]
    if trig.opt("object_in") and obj_lemma not in trig.opt("object_in") and not (
            trig.opt("or_doing") and object_of(tok) is None and doing(tok, _doing_lemmas(trig.opt("or_doing"))) is not None) \
            and not (trig.opt("or_claim") and denied_claim(tok) is not None):
        return None  # "offered help"; "offered to hand over the suspects" is an offer too
    if trig.opt("needs_object") and obj is None:
        return None
    if "needs_place_object" in trig.options and (obj is None or (
            not is_place and obj_lemma not in trig.opt("needs_place_object"))):
        return None  # "took over Numbi", "took over the town"; not "took over the company"
    if (trig.opt("object_party") or trig.opt("object_sector")) and obj is not None:
        party = coder.code(obj) if coder.names_party(obj) else None
        if trig.opt("object_sector_not") and (party.sector in trig.opt("object_sector_not") if party else counted(obj)):
            return None  # "hosts 2.6 million refugees": a population housed, not a visit received
        if party is None and trig.opt("object_party") and not trig.opt("object_sector") and (
                counted(obj) or obj.lower_ in PERSONS):
            return type_, mode, family  # "released at least 19 Christians", "captured them": people, whoever they are
        if party is None or (trig.opt("object_sector") and party.sector not in trig.opt("object_sector")):
            return None
    elif trig.opt("object_sector") and obj is None and tok.pos_ == "VERB" and not is_passive(tok):
        return None
    return type_, mode, family


VISITORS = TITLES | {"delegation", "counterpart", "visitor", "pope"}  # an office held, or a party sent


def _someone(obj) -> bool:
    """A person or a party named as such, not something of theirs ("welcomed Reagan's statement")."""
    return obj.pos_ == "PROPN" or obj.lemma_.lower() in VISITORS or obj.lower_ in ("him", "her", "them")


def unlisted_place(tok, coder, place_tokens: set[int]) -> bool:
    """A name the gazetteer lacks that is still a place to be taken ("seized Pinga", "seized
    Kalembe in Masisi territory", "captured Namhsan (Namhsan, Shan)"): the parser reads it as a
    place, or it lies in a known one."""
    if tok.tag_ != "NNP":  # a plural name is wares ("seized Kalashnikovs")
        return False
    if _followed_by_its_divisions(tok, place_tokens):
        return True
    party = coder.code(tok) if coder.names_party(tok) else None
    if party is not None and (party.name or not coder.unknown_person(tok)) and (party.country or party.sector):
        return False  # a known party; a name the tables lack may still be a village the parser took for a person
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or any(
        c.dep_ == "prep" and c.lower_ in ("in", "near") and c.i > tok.i and any(g.i in place_tokens for g in c.subtree)
        for c in (*tok.children, *tok.head.children))


def _followed_by_its_divisions(tok, place_tokens: set[int]) -> bool:
    """ACLED's layout, "captured Namhsan (Namhsan, Shan)": a known division in brackets after the name."""
    doc = tok.doc
    parts = bracketed_parts(doc, tok.i + 1) if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "(" else None
    return parts is not None and any(j in place_tokens for j in range(*parts[-1]))


# heads whose "of"/"in" phrase says what is counted or taken: "a string of villages", "the vast majority of the camp"
AMOUNT_HEADS = {"$", "€", "£", "million", "billion", "dollar", "euro", "ton", "tonne", "tons", "amount", "package", "worth",
                "string", "series", "number", "handful", "host", "dozen", "dozens", "hundreds", "thousands", "scores",
                "hundred", "thousand", "score", "lot", "lots",
                "couple", "pair", "cluster", "majority", "most", "part", "parts", "rest", "half", "bulk", "portion",
                "swathe", "swathes", "swath", "inch"}

MEASURES = {"kg", "kilogram", "kilo", "lb", "pound", "litre", "liter", "tonne", "ton"}  # "a 5 kg IED"


PERSONS = {"he", "she", "they", "him", "her", "them", "we", "us", "suspect", "suspects", "fugitive", "fugitives"}
CURRENCY_SIGNS = {"$", "US$", "€", "£", "¥"}


VOLLEYS = {"volley", "salvo", "barrage", "canister", "burst", "hail", "cloud"}


def ground_object(trig: Trigger, obj, place_tokens: set[int]) -> bool:
    """'took the town', 'took Walikale': an object a trigger that also takes ground (its
    ``place_object``) reads as ground, which needs none of the prepositions of its other reading."""
    if not trig.opt("place_object") or obj is None:
        return False
    ground = [a for a in _alternatives(trig) if a.get("family") == trig.opt("place_object").get("family")]
    return obj.i in place_tokens or any(object_lemma(obj) in a["lemmas"] for a in ground)


def _alternatives(trig: Trigger) -> list[dict]:
    """The trigger's other readings by object (``object_in_alt``: one or a list)."""
    alts = trig.opt("object_in_alt") or []
    return alts if isinstance(alts, list) else [alts]


def _a_place(obj, coder, place_tokens: set[int]) -> bool:
    """The object is a place, or an amount of one ("every inch of Syria")."""
    taken = (pobj(obj, {"of"}) or obj) if obj is not None and obj.lemma_.lower() in AMOUNT_HEADS else obj
    return taken is not None and (taken.i in place_tokens or unlisted_place(taken, coder, place_tokens))


def _with_modifier(obj) -> Optional[str]:
    """The object's head with the word before it that makes it a thing of its own ("water cannon",
    "rubber bullet"), or None."""
    before = obj.doc[obj.i - 1] if obj.i > 0 else None
    if before is None or before.head.i != obj.i or before.dep_ not in ("compound", "amod"):
        return None
    return f"{before.lemma_.lower()} {obj.lemma_.lower()}"


def object_lemma(obj) -> str:
    """What an object is: its head word, or for an amount the thing counted ("$5 billion in
    assistance", "tons of food", "a package of aid")."""
    lemma = obj.lemma_.lower()
    after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
    if lemma in MEASURES and after is not None and after.pos_ in ("NOUN", "PROPN") and counted(obj):
        return after.lemma_.lower()  # "defused a 5 kg IED": the parser takes the measure for the object
    inner = pobj(obj, {"in", "of"}) if lemma in AMOUNT_HEADS or obj.like_num else \
        pobj(obj, {"of"}) if lemma in VOLLEYS else None  # "fired volleys of tear gas": what was fired
    if inner is not None:
        return inner.lemma_.lower()
    if lemma in ("million", "billion") and any(t.text in CURRENCY_SIGNS for t in obj.subtree):
        return "money"  # "contributed US$1 million for relief efforts"
    return lemma


def counted(tok) -> bool:
    return any(c.dep_ == "nummod" for c in tok.children)


def to_an_outlet(tok, trig: Trigger, coder) -> bool:
    """'spoke to CNN': a news outlet the sources table lists is the press, which a trigger that
    rules out "media" rules out by name too."""
    governed = pobj(tok, set(trig.opt("needs_prep")))
    if governed is None or coder is None or "media" not in trig.opt("prep_object_not_in", []):
        return False
    return coder.kb.names_outlet(governed)


def prep_object_ok(tok, trig: Trigger) -> bool:
    """The trigger's required preposition is there, and what it governs is not ruled out
    ("warned of retaliation", not "warned of a crisis") or is one the trigger needs ("took him
    from his home", not "took lessons from the war")."""
    governed = pobj(tok, set(trig.opt("needs_prep")))
    if governed is None and _for_clause_after(tok) and "for" in trig.opt("needs_prep") and not trig.opt("prep_object_in"):
        return True  # "renewed his call for all armed groups to be brought under ...": the parser hangs "for" on the verb
    if governed is not None and governed.i < tok.i and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in governed.children):
        return False  # "With the war dragging on, AQAP has worked ...": a circumstance, not a partner
    lemma = object_lemma(governed) if governed is not None else None
    if lemma is None or lemma in trig.opt("prep_object_not_in", []):
        return False
    return not trig.opt("prep_object_in") or lemma in trig.opt("prep_object_in")


def _for_clause_after(tok) -> bool:
    """'call for X to do': "for" right after the noun, marking a clause with "to"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == "for" and nxt.dep_ == "mark" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in nxt.head.children)


def doing(tok, lemmas: Optional[list[str]]):
    """What the trigger's to-infinitive says is to be done ("ordered X to leave", "offered to
    mediate"): the verb, when it is one of ``lemmas`` (any verb when None)."""
    return to_infinitive(tok, lemmas, ("xcomp",))


def _doing_lemmas(or_doing) -> Optional[list[str]]:
    """``or_doing``: true for any verb ("offered to hand over the suspects"), or the verbs it may be."""
    return or_doing if isinstance(or_doing, list) else None


def to_infinitive(tok, lemmas: Optional[list[str]], deps: tuple[str, ...]):
    """The trigger's "to ..." clause among ``deps`` whose verb is one of ``lemmas`` (any when None)."""
    return next((c for c in tok.children if c.dep_ in deps
                 and (lemmas is None or c.lemma_.lower() in lemmas)
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def asked_for(trigger) -> frozenset[str]:
    """The words of what a request asks or a charge alleges: the verb of its "to ..." clause and that
    verb's object ("urged Kyiv to resume talks": resume, talk), what it calls for ("called for
    restraint"), what it accuses of ("accused the army of shelling homes": shell, home)."""
    clause = to_infinitive(trigger, None, ("xcomp", "advcl"))  # the parser hangs "to compensate" either way
    # "accused the other of starting the fighting": the parser may hang "of" on the one accused
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    asked = ([clause] if clause is not None else []) + [g for h in heads for c in h.children if c.dep_ == "prep" and (
        c.lower_ == "of" or (c.lower_ == "for" and h is trigger)) for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return frozenset({t.lemma_.lower() for t in asked} | {g.lemma_.lower() for t in asked for g in t.children if g.dep_ == "dobj"})
