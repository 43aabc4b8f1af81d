"""What sector a coded phrase stands for, and whom a title names: a person's role on the event's
day, a facility's owner, the head word's agent sector ("forces" -> MIL), a modifier's, an
organisation's, or what a country or place stands for in its role ("Ukraine said": its
government; "shelled Juba": its people). Reasons are appended as the coder reads them.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from eventwire.actors.kb import Entity, KnowledgeBase
from eventwire.model import NO_COUNTRY_CODES

WEAK_HEADS = {"official", "officials", "leader", "leaders", "authorities", "authority", "side", "government"}
TITLES = {"president", "king", "queen", "prince", "emir", "sheikh", "sultan", "premier", "minister", "chancellor",
          "general", "gen.", "gen", "colonel", "col.", "secretary", "ambassador", "governor", "senator", "leader",
          "chairman", "mayor", "archbishop", "judge", "ayatollah", "marshal", "admiral", "commander", "envoy",
          "vice", "prime", "foreign", "defence", "defense", "interior", "former", "mr.", "mrs.", "ms.", "dr."}
ADMIN_HEADS = {"administration", "government", "regime", "cabinet"}
NAME_SUFFIXES = {"ii", "iii", "iv", "jr", "jr.", "sr", "sr."}
DWELLINGS = {"home", "house", "village", "neighbourhood", "neighborhood", "town", "property", "land", "farm", "shop"}
# "ties with Kigali", "a message to Moscow": a capital in a relation is its government
RELATION_PREPS = {"with", "to", "from"}
# verbs that address a party: a capital they take is its government ("asked Moscow for a response")
ADDRESSING = {"ask", "urge", "accuse", "blame", "warn", "criticize", "criticise", "condemn", "praise", "thank", "press",
              "pressure", "call", "tell", "request", "demand", "invite", "sanction", "threaten", "rebuke", "denounce",
              "slam", "appeal", "implore", "persuade", "reassure", "assure", "petition", "lobby", "summon"}
VISITING = {"visit", "tour"}  # verbs whose place object stands for its government
FORCE_SECTORS = {"MIL", "COP"}  # a force word whose owner decides its sector ("the IRA's Belfast brigade")


def _demonym(tok) -> bool:
    return tok.ent_type_ == "NORP" or tok.pos_ == "ADJ"


def titled_person(kb: KnowledgeBase, toks, head, day: Optional[str]) -> Optional[Entity]:
    """'President Mugabe', 'President Francois Mitterand', 'the Bush administration': a name
    the dictionary lacks as written, read by its surname because a title or an office says
    it is a person in office; a bare surname the recogniser calls a person ("Kerry said") only
    when one person of that surname held office on the day."""
    names = [t for t in toks if t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLES
             and t.lower_ not in NAME_SUFFIXES and not kb.lookup(t.text)]
    if not names:
        return None
    run = [names[-1]]
    for t in reversed(names[:-1]):
        if t.i == run[0].i - 1:
            run.insert(0, t)
    titled = any(t.lower_ in TITLES for t in toks if t.i < run[0].i) or head.lemma_.lower() in ADMIN_HEADS
    if titled:
        return kb.person_by_surname(_named_before(run[0]) if len(run) == 1 else [t.text for t in run], day)
    if len(run) == 1 and len(run[0].text) >= 5 and run[0].ent_type_ == "PERSON":  # "Kerry said": one in office
        return kb.person_by_surname(_named_before(run[0]), day, in_office=True)
    return None


def _named_before(surname) -> list[str]:
    """A bare surname's full name where the article named the person before ("Angel Sarmiento
    ... Sarmiento said"): the given names then decide which person it is, not the surname alone."""
    full = [e for e in surname.doc.ents if e.label_ == "PERSON" and e.end <= surname.i and len(e) >= 2
            and e[-1].text == surname.text]
    if not full:
        return [surname.text]
    return [t.text for t in full[-1] if t.pos_ == "PROPN" and t.text[:1].isupper()]


def sector_of(kb: KnowledgeBase, place_country: Callable[[int], Optional[str]], head, entity, seat, countries,
              head_agent, modifier_agents, day, why: list[str], head_compound: bool = False) -> Optional[str]:
    """The sector of the phrase headed by ``head``, its reason appended to ``why``: a person's role on
    the day, a facility's owner, the head word's agent sector, a modifier's, an organisation's, or
    what a country or place stands for in its role (its government, its people)."""
    lemma = head.lemma_.lower()
    generic = (lemma in kb.generic or head.lower_ in kb.generic) and not head_compound
    weak = lemma in WEAK_HEADS or head.lower_ in WEAK_HEADS
    if entity is not None and entity.kind == "person":
        sector = entity.sector_on(day)
        if sector:
            why.append(f"role on {day or 'latest'}: {sector}")
            return sector
        titles = [kb.agent_sector(t.lemma_) for t in head.doc[head.left_edge.i:head.i] if t.is_title]
        titles = [t for t in titles if t]
        if titles:  # "President Obama" when the dictionary has no role for the date: the title
            why.append(f"title -> {titles[-1]}")
            return titles[-1]
    facility = lemma in kb.facilities or head.lower_ in kb.facilities
    owner = (entity is not None and entity.sector_on(day)) or (modifier_agents[-1] if modifier_agents else None)
    if facility and owner:  # "RSF positions", "police station": the owner's sector
        why.append(f"facility of a {owner} party")
        return owner
    if head_agent == "PTY" and "OPP" in modifier_agents:  # "opposition parties", "opposition candidates"
        why.append("opposition modifier -> OPP")
        return "OPP"
    if head_agent in FORCE_SECTORS and entity is not None and entity.kind != "person" and entity.sector_on(day) == "REB":
        why.append(f"a unit of {entity.name}: REB")  # "the IRA's Belfast brigade", "Hamas fighters"
        return "REB"
    if head_agent in FORCE_SECTORS and "REB" in modifier_agents:  # "separatist commanders", "rebel soldiers"
        why.append("an armed group's men (modifier): REB")
        return "REB"
    if head_agent and not generic and not weak:
        why.append(f"head '{head.text}' -> {head_agent}")
        return head_agent
    if entity is not None and entity.kind != "person" and entity.sector_on(day) == "IGO":
        why.append("an international organisation's official or office: IGO")  # "UN humanitarian coordinator"
        return "IGO"
    if modifier_agents:
        why.append(f"modifier -> {modifier_agents[-1]}")
        return modifier_agents[-1]
    if entity is not None:
        sector = entity.sector_on(day)
        why.append(f"organisation sector {sector}")
        return sector
    if head_agent:
        why.append(f"head '{head.text}' -> {head_agent}")
        return head_agent
    if seat:
        return seat[1]
    as_target = head.dep_ in ("dobj", "pobj", "nsubjpass") and head.head.lower_ != "by"
    if head.dep_ == "dobj" and head.head.lemma_.lower() in VISITING and (countries or place_country(head.i)):
        why.append("a place visited -> its government, GOV")  # "visited Nairobi": the hosts, not the residents
        return "GOV"
    if entity is None and head.pos_ == "PROPN" and kb.is_civic(head):
        return unknown_organisation_sector(kb, head, why)  # "the Law Society of Kenya": the country's civil society
    if countries:
        term, span = countries[0]
        owner = head.head
        if head.i in span and _demonym(head) and head.dep_ in ("amod", "compound") and owner.pos_ == "NOUN":
            # "Palestinian detainees", "Israeli tanks" coded from the demonym: the people or thing it qualifies
            sector = kb.agent_sector(owner.lemma_) or ("CVL" if owner.lemma_.lower() in DWELLINGS else None)
            if sector:
                why.append(f"qualifies '{owner.text}' -> {sector}")
                return sector
        if head.i not in span and head.lemma_.lower() in STATED_NOUNS and any(
                t.head.i == head.i and t.dep_ in ("amod", "compound", "poss") for t in (head.doc[i] for i in span)):
            why.append(f"a country's {head.lemma_.lower()} -> its government, GOV")  # "an Israeli proposal"
            return "GOV"
        if head.i in span and term.is_capital and as_target and addressed(head):
            why.append("capital addressed -> its government, GOV")
            return "GOV"
        if head.i in span and term.is_capital and as_target and head.head.lower_ not in RELATION_PREPS:
            # "shelled Juba", "a curfew in Algiers"; but "ties with Kigali" is its government
            why.append("place as target -> its people, CVL")
            return "CVL"
        if head.i in span and term.ethnic and head.tag_ in ("NNS", "NNPS"):
            why.append("people -> CVL")
            return "CVL"
        if head.i in span:
            if _demonym(head):  # "the Libyans": its people
                if head.tag_ in ("NNS", "NNPS") or head.lower_.endswith("s"):
                    why.append("people of the country -> CVL")
                    return "CVL"
                return None
            why.append("country as actor -> GOV")  # "Ukraine said", "Moscow": its government
            return "GOV"
    if as_target and place_country(head.i):  # "shelled the town of Cizre": a place acted on is its people
        why.append("place as target -> its people, CVL")
        return "CVL"
    return None


# what a state puts forward or says: "an Israeli proposal", "Somalia's demand" -- its government's
STATED_NOUNS = {"proposal", "plan", "offer", "demand", "call", "request", "accusation", "allegation", "claim", "charge",
                "statement", "initiative", "ultimatum", "bid", "remarks", "comments", "position", "stance"}


def addressed(head) -> bool:
    """'asked Moscow', 'called on Washington', 'appealed to Beijing': a verb that addresses a party
    takes the phrase as its object, dative, or what it calls on or appeals to."""
    verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("on", "to", "upon") else head.head
    return head.dep_ in ("dobj", "dative", "pobj") and verb.pos_ == "VERB" and verb.lemma_.lower() in ADDRESSING


def unknown_organisation_sector(kb: KnowledgeBase, head, why: list[str]) -> Optional[str]:
    """An organisation the tables do not know: MED when it is a news outlet the sources table lists
    ("Obama spoke to CNN"), CVL when its head word names civil society ("the Law Society of Kenya",
    "the Tribal Leaders' Forum"), else no sector; the reason is appended to ``why``."""
    if kb.names_outlet(head):
        why.append("a news outlet: MED")
        return "MED"
    if kb.is_civic(head):
        why.append(f"an organisation named with '{head.text}' the actor tables do not know: civil society, CVL")
        return "CVL"
    why.append("an organisation the actor tables do not know: no codes")
    return None


def national_branch(entity: Optional[Entity], entity_span, head, countries) -> bool:
    """'SOS Children's Villages Sudan', 'Save the Children UK': an organisation's name followed at
    once by the country whose branch it is; the organisation acts, in that country. An international
    organisation's name after a country's ("the Kenya Red Cross") is that country's society."""
    if entity is None or entity.kind != "org" or not entity_span:
        return False
    if entity.country in NO_COUNTRY_CODES and entity.sector == "NGO" \
            and any(max(span) + 1 == min(entity_span) for _, span in countries):
        return True  # "the South African Red Cross", "the Afghan Red Crescent": a national society
    return head.i not in entity_span and any(head.i in span and min(span) == max(entity_span) + 1 for _, span in countries)


def armed_organisation(kb: KnowledgeBase, toks, head) -> Optional[tuple[str, str, int]]:
    """(name, why, words) when a run of capitalised words in the phrase names an armed group
    that the tables lack (:meth:`eventwire.actors.kb.KnowledgeBase.armed_name`)."""
    runs: list[list] = []
    for t in toks:
        if not t.text[:1].isupper() or t.pos_ in ("DET", "VERB", "AUX"):  # "The", a headline's "Attack"
            continue
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    lemmas: list[set[str]] = []

    def sentence_lemmas() -> set[str]:  # only read when a name ends in a word that needs context
        if not lemmas:
            lemmas.append({t.lemma_.lower() for t in head.sent})
        return lemmas[0]

    for run in (r for r in runs if len(r) >= 2):
        why = kb.armed_name([t.text for t in run], sentence_lemmas)
        if why:
            return " ".join(t.text for t in run), why, len(run)
    return None


BACKING = {"backed", "supported", "sponsored", "funded", "armed", "trained"}


def backs_the_group(doc, span: list[int]) -> bool:
    """'Iranian-backed militias': the country that backs a group is not the group's; not a country
    that backs something as a verb ("Khartoum supported Egypt's call")."""
    after = [t for t in doc[max(span) + 1:max(span) + 3] if t.text not in ("-", "\u2010")]
    hyphened = bool(after) and after[0].i > max(span) + 1
    return bool(after) and after[0].lower_ in BACKING and (hyphened or after[0].dep_ in ("amod", "compound", "nmod"))


def led_by(kb: KnowledgeBase, tok) -> Optional[tuple[str, Any]]:
    """'the U.S.-led coalition', 'a Saudi-led alliance': the leading country is the party's (one
    token; a split "Saudi - led" is matched as a country by the coder anyway)."""
    if not tok.lower_.endswith("-led"):
        return None
    hit = kb.lookup(tok.text[:-4])
    return hit if hit is not None and hit[0] == "country" else None


FORMER = {"former", "retired", "ex", "onetime", "one-time"}


def former_member(head) -> bool:
    """'a retired NASA astronaut', 'an ex-police chief': no longer serves what the phrase names."""
    return any(c.dep_ in ("amod", "advmod", "compound") and c.lower_ in FORMER for c in head.children) or \
        (head.i > 1 and head.doc[head.i - 1].text == "-" and head.doc[head.i - 2].lower_ == "ex")
