"""Descriptions that stand for a party told before: "his country" and "their government" (the
country of whoever the possessive stands for), "the country" and "the Gulf state" (the country
last named), "its forces" and "its air defences" (the forces of whoever "its" stands for), "the
group" and "the bloc" (the organisation last named). Used by :class:`eventwire.actors.coder.ActorCoder`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from eventwire.actors.reference import ARMED_SECTORS, FIRST_PERSON, PERSONAL, THIRD_PERSON
from eventwire.model import Party

if TYPE_CHECKING:
    from eventwire.actors.coder import ActorCoder

OWN_COUNTRY_HEADS = {"country", "nation", "government", "state", "kingdom", "republic"}


def own_country_party(coder: "ActorCoder", head) -> Optional[Party]:
    """'his country', 'their government': the country of whoever the possessive stands for."""
    if head.lemma_.lower() not in OWN_COUNTRY_HEADS:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in THIRD_PERSON | FIRST_PERSON), None)
    if owner is None:
        return None
    party = coder.code(owner)
    if party is None or not party.country:
        return None
    span = head.doc[owner.i:head.i + 1]
    return Party(text=span.text, start=span.start_char, end=span.end_char, name=coder.kb.country_names.get(party.country),
                 country=party.country, sector="GOV", why=f"'{span.text}' -> the country of {party.text} ({party.why})")


THE_COUNTRY_HEADS = {"country", "nation"}
THE_COUNTRY_REACH = 120  # tokens back: about the last three sentences
WHOLE = {"whole", "entire"}
EPITHET_HEADS = {"state", "kingdom", "emirate", "republic"}  # named by its region: "the Gulf state"


def _region_epithet(coder: "ActorCoder", head) -> bool:
    """'the Gulf state', 'the Asian nation': a country called by its region, in capitals, with no
    other words on it (not "the Sudanese state", which names its own)."""
    mods = [c for c in head.children if c.dep_ not in ("det", "punct")]
    return bool(mods) and all(c.dep_ in ("compound", "amod") and c.text[:1].isupper()
                              and (coder.kb.lookup(c.text) or ("",))[0] != "country" for c in mods)


def the_country_party(coder: "ActorCoder", head) -> Optional[Party]:
    """'imposed sanctions on the country': the country last named before it (a place of it),
    leaving out the clause's own subject ("Russia imposed sanctions on the country" is not Russia)."""
    region = _region_epithet(coder, head)  # "the Gulf state", "the Asian nation"
    if (head.lemma_.lower() not in THE_COUNTRY_HEADS and not (region and head.lemma_.lower() in EPITHET_HEADS)) or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    if not region and any(c.dep_ in ("compound", "poss", "prep", "nmod", "relcl", "acl")
                          or (c.dep_ == "amod" and c.lower_ not in WHOLE) for c in head.children):
        return None  # "the host country", "the country of origin", "a country that ...": not a bare reference
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subject = {t.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")
               for t in c.subtree}
    for i in range(head.i - 1, max(head.i - THE_COUNTRY_REACH, 0) - 1, -1):
        country = coder.place_country(i) if i not in subject else None
        if country:
            span = head.doc[min(c.i for c in head.children if c.dep_ in ("det", "amod")):head.i + 1]
            return Party(text=span.text, start=span.start_char, end=span.end_char, name=coder.kb.country_names.get(country),
                         country=country, sector="GOV", why=f"'{span.text}' refers to the country last named, {country}")
    return None


def owner_party(coder: "ActorCoder", head) -> Optional[Party]:
    """'its spokesman', 'their representative': a spokesman, member or source of the party the
    possessive pronoun stands for speaks for it (the actor tables' generic heads), and so does a
    person's lawyer, spokesman or office ('his lawyer'); 'its forces',
    'their fighters': an armed party's forces are that party (a state's are its military)."""
    armed = head.lemma_.lower() in ARMED_HEADS
    if not coder.kb.is_generic(head.lemma_) and not armed and head.lemma_.lower() not in SPEAKING_FOR:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in THIRD_PERSON
                  and (c.lower_ not in PERSONAL or head.lemma_.lower() in SPEAKING_FOR)), None)
    party = coder.code(owner) if owner is not None else None
    if owner is None or party is None or not party.country or party.sector in (None, "CVL"):
        return None
    sector = _forces_sector(party.sector) if armed else party.sector
    if sector is None:
        return None
    span = head.doc[owner.i:head.i + 1]
    return Party(text=span.text, start=span.start_char, end=span.end_char, name=party.name, country=party.country,
                 sector=sector, why=f"'{span.text}' {_owned_as(head) if armed else 'speaks for'} {party.text} ({party.why})")


def _owned_as(head) -> str:
    return "commands the forces of" if head.lemma_.lower() == "commander" else "are the forces of"


def _forces_sector(owner: Optional[str]) -> Optional[str]:
    """A state's forces are its military; an armed party's, or a UN mission's peacekeepers, are it."""
    if owner == "GOV":
        return "MIL"
    return owner if owner in ARMED_SECTORS | {"IGO"} else None


# who speaks for a person ("his lawyer", "her spokesman", "his office"): the person's side; not "his party",
# a political party with a sector of its own
SPEAKING_FOR = {"lawyer", "attorney", "counsel", "spokesman", "spokeswoman", "spokesperson", "office", "aide",
                "representative", "camp"}
ARMED_HEADS = {"force", "troop", "fighter", "unit", "soldier", "militiaman", "gunman", "combatant", "peacekeeper",
               "commander", "defence", "defense", "army", "navy", "warplane", "jet", "drone", "artillery", "aircraft",
               "helicopter", "bomber", "plane", "warship", "missile"}


# "the group threatened further attacks": a bare definite noun for an organisation named before
GROUP_HEADS = {"group", "movement", "organisation", "organization", "militia", "faction", "outfit", "bloc", "alliance",
               "mission"}
GROUP_SECTORS = {"REB", "OPP", "CRM", "NGO"}
# what each word may refer back to: "the bloc" is the union of states last named (the EU, ECOWAS)
# and "the mission" the international mission last named (UNMISS, MONUSCO, AUSSOM)
HEAD_SECTORS = {"bloc": {"IGO"}, "alliance": GROUP_SECTORS | {"IGO"}, "mission": {"IGO"}}


def the_group_party(coder: "ActorCoder", head) -> Optional[Party]:
    """'the group', 'the movement' with no word of its own: the named armed group, opposition,
    gang or NGO last mentioned before it ("al-Shabaab said ... the group threatened ..."); 'the
    bloc' the union of states last named ("the EU's foreign policy chief said the bloc ..."). Not "a
    group", "the rebel group" (its own word codes it) or "the group of protesters"."""
    if head.lemma_.lower() not in GROUP_HEADS or head.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    if any(c.dep_ in ("compound", "amod", "poss", "prep", "nmod", "relcl", "acl", "appos") for c in head.children):
        return None
    det = min(c.i for c in head.children if c.dep_ == "det")
    span = head.doc[det:head.i + 1]
    sectors = HEAD_SECTORS.get(head.lemma_.lower(), GROUP_SECTORS)
    for m in coder.earlier(head.i):
        if m.kind != "person" and m.party.sector in sectors and m.party.name:
            return Party(text=span.text, start=span.start_char, end=span.end_char, name=m.party.name,
                         country=m.party.country, sector=m.party.sector,
                         why=f"'{span.text}' refers to the group last named, {m.party.text}")
    return None
