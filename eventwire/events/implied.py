"""Parties no words of the text name, supplied by convention and marked ``implied`` in ``why``: the
arm of the state for an act only a state performs, an unidentified armed group for an unnamed
attacker (ACLED's convention), the people or the government of the country where an act happens
for whom it is for, and the country of the event for a local party the text gives none."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from eventwire.actors import kb as kb_mod
from eventwire.actors.reference import OFFICE_SECTORS, paragraph_country
from eventwire.events.codebook import Codebook
from eventwire.events.triggers import Candidate
from eventwire.events.unlisted import HOLDING_WORDS  # "held by IS", "the rebel-held town"
from eventwire.model import IMPLIED, Party, Place

# whom a protest, aid, an attack or a coercive measure (a curfew, a ban) is for, when no one is named: (sector, the act)
IMPLIED_RECIPIENTS = {"PROTEST": ("GOV", "a protest"), "AID": ("CVL", "aid"), "ASSAULT": ("CVL", "an attack"),
                      "COERCE": ("CVL", "a coercive measure")}
# what is asked of donors or of everyone, not of a government
ASKED_OF_EVERYONE = {"aid", "fund", "funding", "donation", "donor", "money", "assistance", "contribution", "calm",
                     "restraint", "unity", "prayer", "solidarity"}
# but calm or restraint urged from abroad ("the European Union urged restraint") is asked of the authorities there
ASKED_OF_THE_AUTHORITIES_FROM_ABROAD = {"calm", "restraint"}
COMBAT_FAMILIES = {"territory", "offensive", "operation"}  # fought for ground, against armed men, not civilians
STATE_FORCES = {"MIL", "GOV", "COP"}
IMPLIED_ACTORS = {"PROTEST": "CVL"}  # who holds a protest no one is named for: the people where it is held
UNNAMED_ATTACKER_NOT = {"aerial", "drone", "crowd-control"}  # modes whose unnamed attacker is a state's forces


class ImpliedParties:
    """The parties an event implies where the text names none (see the module's doc)."""

    def __init__(self, codebook: Codebook, kb: kb_mod.KnowledgeBase):
        self.codebook = codebook
        self.kb = kb

    def actor(self, cand: Candidate, mode: Optional[str], location: Optional[Place],
              where: Optional[str]) -> Optional[Party]:
        """The actor when no words name one: the arm of the state where an act only a state performs
        happened (an arrest, tear gas), or the people of the country where a protest is held."""
        state_sector = self.codebook.state_acts.get(cand.family) or self.codebook.state_modes.get(mode or "")
        if location is not None and location.country and state_sector:
            return self.state_actor(location.country, state_sector, cand.trigger)
        if cand.type in IMPLIED_ACTORS and where:
            return self.party(where, IMPLIED_ACTORS[cand.type], cand.trigger,
                              f"'{cand.trigger.text}' names no one who held it; a {cand.type.lower()} is "
                              f"held by the people of the country where it happens")
        return None

    def attacker(self, cand: Candidate, mode: Optional[str], where: Optional[str]) -> Optional[Party]:
        """Who attacked when no words say: an unidentified armed group (REB) of the country where it
        happened, as ACLED codes an unnamed perpetrator. Not for air or drone strikes (a state's, and
        often a foreign one's), nor for a clash, whose two sides are both unnamed. The ACLED type is
        chosen without it."""
        if cand.type != "ASSAULT" or not where or mode in UNNAMED_ATTACKER_NOT or cand.rule.opt("symmetric"):
            return None
        party = self.party(where, "REB", cand.trigger, f"'{cand.trigger.text}' names no one who did it; an "
                                                       f"unidentified armed group of the country where it happened")
        # named for what it is, not for the country ("Somalia" would read as the state)
        return replace(party, name=f"Unidentified Armed Group ({party.name or where})")

    def state_actor(self, country: str, sector: str, trig) -> Party:
        """The state as the actor of an act only a state performs, when no agent is named. It names
        no words of its own: the span is empty, at the trigger."""
        return self.party(country, sector, trig, f"'{trig.text}' names no agent; an act only a state performs "
                                                 f"({sector} of the country where it happens)")

    def party(self, country: str, sector: Optional[str], trig, reason: str) -> Party:
        """A party no words of the text name: the span is empty, at the trigger; ``why`` says "implied"."""
        return Party(text="", start=trig.idx, end=trig.idx, name=self.kb.country_names.get(country), country=country,
                     sector=sector, why=f"{IMPLIED} {reason}")

    def recipient(self, country: str, type_: str, trig, family: str = "",
                  actor: Optional[Party] = None, held_by: Optional[Party] = None) -> Optional[Party]:
        """Whom a protest, aid, an attack or a visit is for when the text names no one: a protest
        addresses the government of the country where it is held, aid and an attack reach the people
        where they happen, a visit abroad is to the host government (the PLOVER coders'
        convention). Like an implied actor, it names no words (an empty span at the trigger); the
        pipeline points it at the event's place when that place, named in the sentence, says whose
        people it is."""
        sector, act = IMPLIED_RECIPIENTS.get(type_, (None, ""))
        if type_ == "REQUEST":
            return self._addressee(country, trig, actor)
        if type_ == "THREATEN" and _whoever(trig):
            return self.party(country, "CVL", trig, f"'{trig.text}' is aimed at whoever does what it names "
                                                    f"('anyone who ...'): the people of the country where it is made")
        if type_ == "ASSAULT" and family in COMBAT_FAMILIES:
            return self.party(country, holders(actor, held_by, country), trig, f"'{trig.text}' names no one it is against; "
                                                             f"those who held the ground where it is fought")
        if family == "visit" and actor is not None and actor.country and actor.country != country:
            return self.party(country, "GOV", trig, f"'{trig.text}' names no host; a visit abroad is to "
                                                    f"the government of the country visited")
        if type_ == "MOBILIZE" and actor is not None and actor.country and actor.country != country:
            return self.party(country, None, trig, f"'{trig.text}' names no one it is aimed at; forces "
                                                   f"deployed or readied in another country bear on that country")
        if sector is None:
            return None
        whom = "government" if sector == "GOV" else "people"
        return self.party(country, sector, trig, f"'{trig.text}' names no one it is for; {act} is for "
                                                 f"the {whom} of the country where it happens")


    def _addressee(self, country: str, trig, actor: Optional[Party]) -> Optional[Party]:
        """A demand with no addressee ("demanded an independent inquiry", "called for the release of
        those held") is put to the government of the country where it is made; not the government's
        own, nor an appeal for money or aid (to donors) or for calm (to everyone) -- unless calm or
        restraint is urged from abroad, which asks it of the authorities there."""
        if actor is not None and actor.country == country and actor.sector in STATE_FORCES:
            return None
        from_abroad = actor is not None and (actor.sector == "IGO" or (actor.country is not None and actor.country != country))
        everyones = ASKED_OF_EVERYONE - ASKED_OF_THE_AUTHORITIES_FROM_ABROAD if from_abroad else ASKED_OF_EVERYONE
        if any(t.lemma_.lower() in everyones or t.ent_type_ == "MONEY" for t in trig.subtree):
            return None
        return self.party(country, "GOV", trig, f"'{trig.text}' names no one it is addressed to; a demand is "
                                                f"put to the government of the country where it is made")


WHOEVER = {"anyone", "anybody", "those", "everyone", "whoever"}


def _whoever(trig) -> bool:
    """'warned that anyone who blocked roads would face prosecution': a threat to whoever does a thing."""
    return any(t.lower_ in WHOEVER and (t.lower_ == "whoever" or any(c.dep_ in ("relcl", "acl") for c in t.children))
               for t in trig.subtree)


def home_of(type_: str, actor: Optional[Party]) -> Optional[str]:
    """Where an event placed nowhere happens, read from who did it: a country's people protest at
    home ("young Algerians blocked roads" is a protest in Algeria, to Algeria's government)."""
    return actor.country if type_ in IMPLIED_ACTORS and actor is not None and actor.sector in IMPLIED_ACTORS.values() else None


def holders(actor: Optional[Party], named: Optional[Party] = None, where: Optional[str] = None) -> Optional[str]:
    """The sector of those who held ground an offensive took: whoever the text says held it
    (``named``: :func:`holder_named`); the forces of the country it lies in when another state's
    forces took it (``where``: "Russian forces captured a village" in Ukraine); armed groups when the
    state's own did; unknown when rebels did (from the state or from another group: the text must say)."""
    if named is not None and named.sector:
        return named.sector
    if actor is not None and actor.sector in STATE_FORCES and actor.country and where and actor.country != where:
        return "MIL"
    return "REB" if actor is not None and actor.sector in STATE_FORCES else None


STRONGHOLDS = {"stronghold", "bastion", "heartland", "bulwark"}  # "one of Islamic State's last strongholds"


def holder_named(ground, coder) -> Optional[Party]:
    """Who the text says held the ground taken, from its own phrase: "four hills held by IS", "the
    rebel-held town of X", "Jarablus, one of Islamic State's last strongholds"; None when it does not say."""
    if ground is None or coder is None:
        return None
    doc = ground.doc
    after = ground.right_edge.i + 1  # "entered Jarablus, one of Islamic State's last strongholds" hung on the verb
    aside = [c for c in ground.head.children if c.i == after + 1 and doc[after].text == ","
             and c.dep_ in ("appos", "npadvmod")] if after + 1 < len(doc) else []
    for tok in [*ground.subtree, *(t for c in aside for t in c.subtree)]:
        holder = None
        if tok.lower_ in HOLDING_WORDS:
            holder = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if holder is None and tok.i >= 2 and doc[tok.i - 1].text == "-":
                holder = doc[tok.i - 2]  # "rebel - held": the word before the hyphen
        elif tok.lemma_.lower() in STRONGHOLDS:
            holder = next((c for c in tok.children if c.dep_ == "poss"), None)
        party = coder.code(holder) if holder is not None else None
        if party is not None and party.sector:
            return party
    return None


def domestic(party: Optional[Party], country: Optional[str], kb: kb_mod.KnowledgeBase,
             whose: str = "the event's country") -> Optional[Party]:
    """A party the text gives no country ("the Interior Ministry", "protesters") belongs to the country
    where the event happens: the convention ACLED coders follow for local actors. Not other
    countries' governments ("Western powers")."""
    if party is None or party.country or not country or party.sector in ("IGO", "NGO") or kb.is_foreign(party.text):
        return party
    return replace(party, country=country, why=f"{party.why + '; ' if party.why else ''}no country named: {whose}")


def paragraph_office(coder, party: Optional[Party], head) -> Optional[Party]:
    """An office named with no country ("Foreign Minister Badr Abdelatty") in a paragraph whose
    sentence before has a country as its subject: that country's office."""
    if party is None or party.country or party.sector not in OFFICE_SECTORS or head is None:
        return party
    country = paragraph_country(coder, head)
    if country is None:
        return party
    return replace(party, country=country, why=f"{party.why + '; ' if party.why else ''}no country named: "
                                                f"the country the paragraph's sentence before is about")


FORCE_NOUNS = {"troops", "soldiers", "forces", "troop", "soldier", "force"}  # bare: "soldiers detained 45 people"


def the_forces_named(coder, party: Optional[Party], head) -> Optional[Party]:
    """'Israeli troops raided the camp ... soldiers detained 45 people': bare troops with no country
    are the forces the article named before as doers, when it named one country's forces only (a
    story of two armies leaves them to the place's country)."""
    if party is None or party.country or party.sector != "MIL" or head is None or head.lower_ not in FORCE_NOUNS \
            or any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in head.children):
        return party
    doc = head.doc
    named = {m.party.country for m in coder.earlier(head.i) if m.party.sector == "MIL" and m.party.country
             and doc[m.token].dep_ in ("nsubj", "nsubjpass")}  # forces that acted, not "army posts" hit
    if len(named) != 1:
        return party
    country = named.pop()
    return replace(party, country=country, why=f"{party.why + '; ' if party.why else ''}no country named: "
                                                f"the only country whose forces the article named before")
