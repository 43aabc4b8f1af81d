"""Whom a denial or a threat answers when its sentence names no one. "The RSF denied any role"
answers whoever charged the RSF; "it denied striking the market" answers whoever said it struck;
"the president vowed a decisive response" is aimed at whoever struck his side, and "the group
threatened further attacks" at whoever it struck. A coder reading the whole story codes that other
side as the recipient (PLOVER REJECT and THREATEN); the sentence alone cannot say it.

The counterpart is taken from the latest event told before the statement that pits the speaker
against another side -- a charge against the speaker for a denial, then a demand put to it, then a
proposal another state put forward ("Armenia proposed talks ... Azerbaijan dismissed the idea");
an act of force between armed or state parties for a threat -- so it is never guessed: where no such event was told, the
recipient stays empty. Where a denial or a charge names what it answers ("rejected the warning",
"called the move reckless"), the latest other side told making such a thing is answered first.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Optional

from eventwire.dedup.coded import Coded
from eventwire.dedup.parties import other_speakers
from eventwire.model import Event, Party, is_implied

ANSWERED_TYPES = {"REJECT", "THREATEN"}
FORCE_TYPES = {"ASSAULT", "COERCE"}
ARMED_OR_STATE = {"MIL", "GOV", "COP", "REB", "SPY", "PTY", "OPP"}  # a threat's target: not bystanders
LOOK_BACK = 12  # events told before the statement in which its counterpart may be found
FIGHT_LOOK_BACK = 24  # further back for the fight a threat or denial answers, once nothing nearer is found
# "urged both sides to show restraint", "offered both countries its help", "spoke to both of his counterparts"
ADDRESSED_TO_BOTH = {"REQUEST", "AGREE", "CONSULT"}
MEDIATING = {"host", "mediate", "convene", "facilitate", "broker"}  # "ready to host talks": an offer to both sides
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "REJECT", "MOBILIZE"}  # what makes two sides
STATE_SECTORS = {"MIL", "GOV", "COP", "SPY"}
BOTH_SIDES = re.compile(r"\b(?:both|the two|all)(?: of (?:his|her|their|its))? "
                        r"(sides|parties|countries|neighbou?rs|governments|nations|capitals|counterparts|leaders)\b", re.I)


NAMED_APART = {"REB", "OPP", "PTY", "CRM"}  # two groups of one country and kind are two sides when named apart


def same_side(a: Optional[Party], b: Optional[Party]) -> bool:
    """Two codings of one party: the same country and sector, or the same named organisation; two
    differently named armed groups or parties of one country are not one side (clan militias
    against al-Shabaab)."""
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    if a.sector in NAMED_APART and a.name and b.name and a.name != b.name:
        return False
    return (a.sector is not None and a.sector == b.sector) or (a.name is not None and a.name == b.name)


def one_state(a: Optional[Party], b: Optional[Party]) -> bool:
    """One side in a fight: the same party, or the government and the forces of one state (the
    president vows a response to an attack on his army's base)."""
    return same_side(a, b) or (a is not None and b is not None and bool(a.country) and a.country == b.country
                               and a.sector in STATE_SECTORS and b.sector in STATE_SECTORS)


def answer_the_counterparts(coded: list[Coded]) -> None:
    """Give each denial or threat with no one named the other side of the latest event told
    before it that involves the speaker."""
    for k, c in enumerate(coded):
        speaker = c.event.actor
        if c.event.type in ADDRESSED_TO_BOTH:
            _address_both_sides(c.event, [e.event for e in coded[max(0, k - LOOK_BACK):k]])
            continue
        if c.event.type not in ANSWERED_TYPES | {"ACCUSE"} or c.event.recipient is not None or speaker is None \
                or is_implied(speaker) or not speaker.country:
            continue
        claimed = _claimant(c.event, coded) if c.event.type == "REJECT" else None
        if claimed is not None:  # "... captured the village, a claim the military dismissed"
            c.event.recipient = replace(claimed, why=f"whose claim in the same sentence is rejected: {claimed.why}")
            continue
        earlier = [e.event for e in coded[max(0, k - FIGHT_LOOK_BACK):k] if e.event.evidence.start < c.event.evidence.start]
        found = _author_of_what_is_answered(c.event, speaker, earlier[-LOOK_BACK:]) if c.event.type != "THREATEN" else None
        if found is None:  # a protest lodged or a condemnation naming no one is aimed as a threat is
            found = _answered(c.event.type if c.event.type in ANSWERED_TYPES else "THREATEN", speaker, earlier)
        if found is not None:
            other, why, event = found
            c.event.recipient = replace(other, why=f"{why} ('{event.evidence.trigger.text}'): {other.why}")


def _author_of_what_is_answered(answer: Event, speaker: Party, earlier: list[Event]) -> Optional[tuple[Party, str, Event]]:
    """'rejected the accusation', 'dismissed the offer', 'denied those accounts', 'a claim the RSF
    rejected', 'called the move reckless': the word for what a refusal or a charge answers names
    the act; its author is the latest other side told doing one (for a claim or an account, also
    whoever the story says reported one)."""
    told = _answered_word(answer)
    if told is None:
        return None
    types = next(t for t, words in ANSWERED_WORDS.items() if told in words)
    for event in reversed(earlier):
        source = event.reported_by if told in REPORTED else None
        for party in (event.actor if event.type in types else None, source):
            if party is not None and not is_implied(party) and party.country and not _own_side(party, speaker):
                return party, f"whose {told} is answered", event
    return None


def _own_side(party: Party, speaker: Party) -> bool:
    """One country's party of the speaker's sector, or its state: the opposition turns down the
    government's warning, though both carry the country's name."""
    return party.country == speaker.country and (party.sector == speaker.sector
                                                 or {party.sector, speaker.sector} <= STATE_SECTORS)


# what a refusal or a charge answers, by the kinds of act that make it
ANSWERED_WORDS = {
    frozenset({"ACCUSE"}): {"accusation", "charge", "allegation", "claim", "account", "criticism", "condemnation", "assertion"},
    frozenset({"THREATEN"}): {"warning", "threat", "ultimatum"},
    frozenset({"AGREE", "REQUEST"}): {"offer", "proposal", "plan", "initiative", "idea", "invitation"},
    frozenset({"REQUEST"}): {"appeal", "demand", "call", "request", "plea"},
    frozenset({"SANCTION", "COERCE", "AGREE", "REQUEST", "MOBILIZE", "RETREAT"}): {"step", "move", "decision", "measure"},
}
REPORTED = {"claim", "account", "assertion"}  # also what the story says someone reported
_NOUNS = "|".join(sorted({w for words in ANSWERED_WORDS.values() for w in words}, key=len, reverse=True))
ANSWERED_AFTER = re.compile(r"^\s+(?:(?:the|that|those|this|these|such|its|their|his|her|any|all)\s+)?"
                            rf"(?:[\w'.-]+\s+){{0,2}}?(?P<noun>{_NOUNS})s?\b", re.I)
ANSWERED_BEFORE = re.compile(rf"\b(?:a|an)\s+(?P<noun>{_NOUNS})s?\s+(?:that\s+|which\s+)?(?:[\w'.-]+\s+){{1,5}}$", re.I)


def _answered_word(answer: Event) -> Optional[str]:
    """The word for what a refusal or charge answers, told as its object or as a noun it qualifies."""
    ev = answer.evidence
    at, end = ev.trigger.start - ev.start, ev.trigger.end - ev.start
    m = ANSWERED_AFTER.match(ev.sentence[end:]) or ANSWERED_BEFORE.search(ev.sentence[:at])
    return m.group("noun").lower() if m else None


def _answered(type_: str, speaker: Party, earlier: list[Event]) -> Optional[tuple[Party, str, Event]]:
    """The side a statement answers among the events told before it, nearest first: a threat answers
    first what was done to the speaker, then carries on what the speaker did; a refusal answers a
    charge against the speaker, then a demand on it, then a proposal put forward, and -- a denial of
    what a fight brought ("denied that the town had fallen") -- the other side of that fight, which
    may have been told further back."""
    fight: list[tuple[str, Optional[bool]]] = [("THREATEN", True), ("THREATEN", False)]
    refusal: list[tuple[str, Optional[bool]]] = [("REJECT", True), ("REJECT", False), ("REJECT", None)]
    tiers = fight if type_ == "THREATEN" else refusal + fight
    near, older = earlier[-LOOK_BACK:], earlier[-FIGHT_LOOK_BACK:-LOOK_BACK]
    for events, kinds in ((near, tiers), (older, fight)):
        for tier_type, acted_on in kinds:
            found = next((f for e in reversed(events) if (f := _counterpart(tier_type, speaker, e, acted_on))), None)
            if found is not None:
                return found
    if type_ == "THREATEN":  # a threat aimed at whoever did the act just told, to whomever it was done
        return next((f for e in reversed(near) if (f := _perpetrator(speaker, e))), None)
    return None


def _claimant(denial: Event, coded: list[Coded]) -> Optional[Party]:
    """Who reports another event in the denial's own sentence, when that is not the one denying."""
    speaker = denial.actor
    for other in (c.event for c in coded):
        source = other.reported_by
        if other is not denial and other.evidence.start == denial.evidence.start and source is not None \
                and not is_implied(source) and source.country and not same_side(source, speaker):
            return source
    return None


def _counterpart(type_: str, speaker: Party, event: Event, acted_on: Optional[bool]) -> Optional[tuple[Party, str, Event]]:
    """The other side of ``event`` when the speaker is one of its sides, with the reason: for a
    denial, the side that made a charge against the speaker; for a threat, the other side of an
    act of force between armed or state parties."""
    if type_ == "REJECT":
        return _answered_by_refusal(speaker, event, acted_on)
    actor, recipient = event.actor, event.recipient
    if actor is None or recipient is None or is_implied(actor) or is_implied(recipient):
        return None
    if event.type not in FORCE_TYPES or not ({actor.sector, recipient.sector} <= ARMED_OR_STATE):
        return None
    if acted_on and one_state(recipient, speaker) and not one_state(actor, speaker):
        return actor, "who acted against the speaker's side", event
    if acted_on is False and one_state(actor, speaker) and not one_state(recipient, speaker):
        return recipient, "whom the speaker's side acted against", event
    return None


def _perpetrator(speaker: Party, event: Event) -> Optional[tuple[Party, str, Event]]:
    """Who did the act of force told before, when another side did it: "the army said the shelling
    was a crime and vowed that those responsible would pay the price"."""
    actor = event.actor
    if event.type not in FORCE_TYPES or actor is None or is_implied(actor) or not actor.country \
            or actor.sector not in ARMED_OR_STATE or one_state(actor, speaker):
        return None
    return actor, "who carried out the act of force told before", event


PUT_TO = {"REQUEST", "THREATEN", "SANCTION"}  # what a party may turn down when it is put to it
PROPOSED = {"REQUEST", "AGREE"}  # "Armenia proposed a joint commission ... Azerbaijan dismissed the idea"


def _answered_by_refusal(speaker: Party, event: Event, acted_on: Optional[bool]) -> Optional[tuple[Party, str, Event]]:
    """The side a refusal answers: one that charged the speaker (``acted_on`` True), one that put a
    demand to it (False), or another state that put a proposal to no one named (None)."""
    actor, recipient = event.actor, event.recipient
    if actor is None or is_implied(actor) or not actor.country:
        return None
    if same_side(actor, speaker):  # "Somalia's defence ministry accused Jubaland's leader ... Jubaland's minister
        # rejected the accusation": one state's codes, two named sides of a dispute within it
        return _charge_within(speaker, event) if acted_on else None
    if acted_on is None:
        if event.type in PROPOSED and recipient is None and actor.country != speaker.country \
                and actor.sector in STATE_SECTORS:
            return actor, "who put forward what is turned down", event
        return None
    if recipient is None or is_implied(recipient) or not same_side(recipient, speaker):
        return None
    if acted_on and event.type == "ACCUSE":
        return actor, "who made the charge denied", event
    if not acted_on and event.type in PUT_TO:
        return actor, "who put to the speaker what it turns down", event
    return None


def _charge_within(speaker: Party, event: Event) -> Optional[tuple[Party, str, Event]]:
    """A charge between two parties coded alike, made against the speaker's side by a party named
    in words that share nothing with the speaker's: the refusal answers its maker."""
    actor, recipient = event.actor, event.recipient
    if event.type != "ACCUSE" or actor is None or recipient is None or is_implied(recipient) \
            or not same_side(recipient, speaker) or not other_speakers(actor, speaker):
        return None
    return actor, "who made the charge denied", event


def _address_both_sides(event: Event, earlier: list[Event]) -> None:
    """"urged both sides to exercise restraint": the sides of the latest hostile act told before (not
    another third party's appeal) --
    between two states for "both countries" -- the first of them standing for both (a record has one
    recipient); a state's side is its government, which is asked."""
    phrase = BOTH_SIDES.search(event.evidence.sentence)
    trigger = event.evidence.trigger.text.lower()
    offer = phrase is None and event.type == "AGREE" and event.recipient is None and trigger in MEDIATING
    given = event.recipient
    named = given is not None and not is_implied(given) and bool(given.country and given.sector)  # "both sides" beats a guess
    if named and phrase is not None and given is not None and given.text and given.text.lower() in phrase.group(0).lower():
        named = False  # "both of his counterparts" coded as his own side's officials: the phrase is the two sides
    if named or (phrase is None and not offer):
        return
    sides = STATE_SECTORS if phrase is not None and phrase.group(1).lower() not in ("sides", "parties") else ARMED_OR_STATE
    said = f"'{phrase.group(0)}'" if phrase is not None else f"an offer to {trigger} talks or mediate, made to no one named"
    disputes = [other for other in reversed(earlier) if _two_sides(other, event, sides)]
    if offer:  # an offer of mediation is made to the story's dispute: the pair of sides told most often
        told = Counter(frozenset({o.actor.country, o.recipient.country}) for o in disputes if o.actor and o.recipient)
        disputes.sort(key=lambda o: -told[frozenset({o.actor.country, o.recipient.country})] if o.actor and o.recipient else 0)
    a = disputes[0].actor if disputes else None
    if a is not None:
        other = disputes[0]
        event.recipient = replace(a, sector="GOV" if a.sector in STATE_SECTORS else a.sector,
                                  why=f"{said}: one of the two sides of '{other.evidence.trigger.text}': {a.why}")


def _two_sides(other: Event, event: Event, sides: set[str]) -> bool:
    """A hostile act told before ``event`` between two sides of the kinds given, the speaker not one of them."""
    a, r = other.actor, other.recipient
    return not (other.evidence.start >= event.evidence.start or other.type not in HOSTILE_TYPES
                or a is None or r is None or is_implied(a) or is_implied(r)
                or not a.country or not r.country or same_side(a, r) or not {a.sector, r.sector} <= sides
                or (event.actor is not None and same_side(a, event.actor)))
