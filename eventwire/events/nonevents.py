"""Event words that report no event a conflict coder records: statistics and natural deaths.

* A cumulative toll ("496 had been killed by the end of 1972", "cholera killed over 60 people in the
  last five months", "55,000 killed since October 2023") is a statistic: a count over a period,
  not one event. ACLED and the project's gold keep tolls out of events and fatalities.
* A condition a party stands under ("has been under UN sanctions since 2006", "remains under
  curfew") is no act: the act was the imposing.
* A toll of hundreds or more dated only by a year ("more than 5,600 people were killed in gang
  violence in 2024") is a year's statistic too.
* A source's condition for speaking ("who asked not to be named") is no request.
* A bulleted line with no verb ("* 2007 Bagram Airfield bombing") lists an event, it does not
  report one.
* A death whose cause is a disease, a disaster or an accident ("an outbreak of cholera killed")
  has no political actor: not a PLOVER event. Nor is anything else a disease or disaster does
  ("refugees threatened by floods"), or anything done to a disease ("the outbreak had been
  arrested", "to contain the epidemic"). (An attack of the body, "a heart attack", is kept out by
  the codebook's ``modifier_not_in``.)

The reason is a code (``Reason``) the pipeline branches on; the words are data
(``data/lexicons/nonevents.json``). Acts named only as already told (references, restatements,
background) are read in :mod:`eventwire.events.already_told`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from typing import Any, Optional

from eventwire.datafiles import read_json
from eventwire.events import habitual
from eventwire.events.dates import PRESENT_PERFECT_AUX
from eventwire.events.quantities import parse_number
from eventwire.times.words import WEEKDAYS


class Reason(Enum):
    STATISTIC = "a cumulative count over a period, not one event"
    NATURAL_CAUSE = "the cause is a disease, disaster or accident, not an actor"
    LIST_ITEM = "a bulleted line with no verb names an event (a 'see also' list), it does not report one"
    STANDING = "a standing condition a party is under ('has been under UN sanctions since 2006'), not an act"
    POLL = "an answer in an opinion poll ('16 percent of respondents said they would support ...'), not an act"
    PRICE = "told as what another act cost ('at the cost of 160,000 soldiers killed'), not an event of its own"
    ANONYMITY = "a source's condition for speaking ('who asked not to be named'), not a request"
    PRESS_QUERY = "a reporter's question ('did not respond to requests for comment'), not a party's request"
    WARNING_SHOTS = "shots fired into the air ('shooting in the air'), a warning, not an attack on anyone"
    COMMEMORATED = "an act remembered on its anniversary ('to mark the anniversary of the 1990 protests'), history, not news"
    CHARGED = "what people are charged with ('on charges of arson and armed assault'), an allegation in court, not an act told"
    HISTORY = "an act its own sentence dates by a year more than a year before publication ('In March 2020, " \
              "Boko Haram killed ...'): the story's background, which the reports of its time told as news"
    TIMES_BEFORE = "an act told in the present perfect as having happened before or again and again ('have " \
                   "clashed over the river before'), the story's background, not one event"
    WAY_OUT = "attackers leaving after their act of force ('fought the troops for hours before withdrawing'), how " \
              "the attack ended, not an event of its own"
    FLED_FROM = "what people fled ('families fleeing the fighting'), the cause of their flight, not an act told"
    HABITUAL = "what a party does as a rule ('routinely denies', 'a pharmacy it supports', '\"the army takes a " \
               "town and moves on\"'), not an act"


BULLETS = ("*", "\u2022", "-", "\u2013", "\u00b7")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    raw = read_json("lexicons/nonevents.json")
    for key in ("natural_causes", "diseases", "cumulative_cues", "casualty_lemmas", "accident_verbs", "force_words",
                "fighting_verbs", "habitual_adverbs", "recurring_adjectives", "recurring_nouns", "flight_verbs"):
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) for w in raw[key]):
            raise ValueError(f"data/lexicons/nonevents.json: '{key}' must be a list of strings")
    return raw


def judge(trigger: Any, event_type: str, when: Any, published: Optional[date] = None) -> Optional[Reason]:
    """Why the candidate at ``trigger`` is not an event, or None when it is one."""
    sent = trigger.sent
    if event_type in MATERIAL_TYPES and _history(trigger, when, published):
        return Reason.HISTORY  # (not a statement: its clause often holds the old date of what it is about)
    if event_type in MATERIAL_TYPES and _times_before(trigger):
        return Reason.TIMES_BEFORE
    first = next((t for t in sent if not t.is_space), None)  # not sent.text: one candidate must not cost a sentence
    if first is not None and first.text.startswith(BULLETS) and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return Reason.LIST_ITEM
    if _natural_cause(trigger) or _done_to_a_disease(trigger):
        return Reason.NATURAL_CAUSE
    if _standing(trigger):
        return Reason.STANDING
    if _polled(trigger):
        return Reason.POLL
    if _price_of_another(trigger):
        return Reason.PRICE
    if _anonymity(trigger):
        return Reason.ANONYMITY
    if _press_query(trigger):
        return Reason.PRESS_QUERY
    if _commemorated(trigger):
        return Reason.COMMEMORATED
    if _charged_with(trigger):
        return Reason.CHARGED
    if habitual.as_a_rule(trigger, lexicon()) or (event_type not in SPEECH_TYPES and (
            habitual.describes_a_noun(trigger) or habitual.in_a_quote(trigger)
            or (event_type in MATERIAL_TYPES and habitual.a_standing_fact_reported(trigger)))):
        return Reason.HABITUAL
    if event_type == "ASSAULT" and _into_the_air(trigger):
        return Reason.WARNING_SHOTS
    if event_type == "ASSAULT" and _fled_from(trigger):
        return Reason.FLED_FROM
    if event_type == "RETREAT" and _way_out(trigger):
        return Reason.WAY_OUT
    if event_type != "ASSAULT":
        return None
    casualties = lexicon()["casualty_lemmas"]
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in casualties:
        trigger = trigger.head  # "fighting ... has killed more than 6,000 people": the toll's verb tells
    if trigger.lemma_.lower() not in casualties:
        return None
    if _cumulative(trigger, when):
        return Reason.STATISTIC
    return None


# what is said in the present tense is often the news itself ("the UN, which accuses both sides");
# backing in the present is a standing tie ("a clinic it supports")
SPEECH_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE"}
# acts, not stances: "said it supports the bid", "said Japan welcomes the deal" are the news itself
MATERIAL_TYPES = {"ASSAULT", "COERCE", "AID", "MOBILIZE", "PROTEST", "RETREAT"}

HISTORY_DAYS = 365
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
RECENT_WORDS = {*WEEKDAYS, "yesterday", "today", "tonight", "overnight"}


def _history(trigger: Any, when: Any, published: Optional[date]) -> bool:
    """'In March 2020, Boko Haram killed nearly 100 soldiers': a time in the act's own sentence that
    names a year and ends more than a year before publication (not a scene dated only by the
    story: "by the end of the day")."""
    if published is None or when is None or when.source != "text" or when.start_char is None or not when.text:
        return False
    sent = trigger.sent
    if not (sent.start_char <= when.start_char < sent.end_char) or not YEAR.search(when.text):
        return False
    end = when.end or when.start
    if not end or date.fromisoformat(str(end)[:10]) >= published - timedelta(days=HISTORY_DAYS):
        return False
    # "On 4 April 2026, under the agreement signed in March 2025, ... withdrew": a recent time in the
    # sentence may be the act's own
    recent = [m for m in YEAR.finditer(sent.text) if int(m.group(0)) >= published.year - 1]
    return not recent and not any(t.lower_ in RECENT_WORDS for t in sent)


BEFORE_NOW = {"before", "previously", "repeatedly", "often", "frequently", "periodically"}


def _times_before(trigger: Any) -> bool:
    """'have clashed over the Helmand before', 'has repeatedly shelled the town': the present
    perfect with a word that says the act is no one occasion of this story."""
    return _present_perfect(trigger) and any(c.dep_ == "advmod" and c.lower_ in BEFORE_NOW for c in trigger.children)


def _present_perfect(trigger: Any) -> bool:
    return trigger.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in PRESENT_PERFECT_AUX for c in trigger.children)


def _way_out(trigger: Any) -> bool:
    """'fought the troops for several hours before withdrawing', 'attacked the post before they
    retreated': the attackers' way out, told with the fighting it ends; and 'bombed rebels pulling out
    of the town': who another act hit, described on their way out."""
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.dep_ in ("dobj", "pobj"):
        return True
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "before":
        act = trigger.head.head
    elif trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in trigger.children):
        act = trigger.head
    else:
        return False
    return act.pos_ == "VERB" and act.lemma_.lower() in lexicon()["fighting_verbs"]


REMEMBRANCES = {"anniversary", "commemoration", "remembrance", "memorial"}
CHARGE_NOUNS = {"charge", "count", "conviction", "indictment", "suspicion"}


def _charged_with(trigger: Any) -> bool:
    """'on charges of arson and armed assault', 'charged with murder': the crime named in a charge."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "arson and armed assault"
        tok = tok.head
    if trigger.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return (prep.lower_ == "of" and prep.head.lemma_.lower() in CHARGE_NOUNS) \
        or (prep.lower_ == "with" and prep.head.lemma_.lower() == "charge")


def _commemorated(trigger: Any) -> bool:
    """'the anniversary of the July 7, 1990 protests', 'a memorial to the 1994 genocide': the act a
    day or a monument remembers happened long ago."""
    prep = trigger.head
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and prep.lower_ in ("of", "to") \
        and prep.head.lemma_.lower() in REMEMBRANCES


def _into_the_air(trigger: Any) -> bool:
    """'shooting in the air', 'fired shots into the air': a warning, aimed at no one."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    return any(p.dep_ == "prep" and p.lower_ in ("in", "into") and any(o.lower_ == "air" for o in p.children)
               for h in heads for p in h.children)


SHARES = {"percent", "%", "cent", "percentage", "majority", "minority", "third", "quarter", "half"}  # "per cent": its "cent"
POLLED = {"respondent", "responder", "voter", "poll", "survey", "pollster"}


def _polled(trigger: Any) -> bool:
    """Said by a share of those polled ("16 percent of responders said they would support a
    candidate", "most voters said"): the saying verb's subject is a share of respondents or a poll."""
    verb = trigger
    for _ in range(4):
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            words = {t.lemma_.lower() for t in subj.subtree}  # the subject and its modifiers
            if (words & SHARES and words & POLLED) or subj.lemma_.lower() in ("poll", "survey"):
                return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _natural_cause(trigger: Any) -> bool:
    if _in_an_accident(trigger):
        return True
    causes = set(lexicon()["natural_causes"])
    doers = [c for c in trigger.children if c.dep_ in ("nsubj", "agent")]
    if not doers and trigger.dep_ in ("conj", "advcl"):  # "the flooding has spread and has now struck ...",
        doers = [c for c in trigger.head.children if c.dep_ in ("nsubj", "agent")]  # "rains flooded ..., destroying"
    if trigger.dep_ in ("acl", "relcl"):
        doers.append(trigger.head)  # "an outbreak of cholera killed ..." parsed as a noun's modifier
    for doer in doers:
        heads = [doer] + [t for t in doer.subtree if t.dep_ == "pobj" and doer.i in (t.head.i, t.head.head.i)]
        if any(t.lemma_.lower() in causes for t in heads):  # "an outbreak of cholera", "by a cholera epidemic"
            return True
    return False


def _in_an_accident(trigger: Any) -> bool:
    """'the canopy collapsed, killing 16 people', 'a ferry capsized, drowning 40': the deaths of an
    accident -- unless the sentence names a blow that caused it ("collapsed after an airstrike")."""
    head = trigger.head
    if trigger.dep_ not in ("advcl", "conj") or head.lemma_.lower() not in lexicon()["accident_verbs"] \
            or trigger.lemma_.lower() not in lexicon()["casualty_lemmas"]:
        return False  # "collapsed after the forces targeted ...": the targeting is an act
    return not any(t.lemma_.lower() in lexicon()["force_words"] for t in trigger.sent)


STATE_VERBS = {"be", "remain", "stay", "live"}  # "came under fire" is an attack; "remains under siege" a condition


def _standing(trigger: Any) -> bool:
    """'North Korea has been under UN sanctions since 2006', 'the city remains under curfew'."""
    under = trigger.head
    return (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and under.lower_ == "under"
            and under.head.lemma_.lower() in STATE_VERBS)


def _done_to_a_disease(trigger: Any) -> bool:
    """'the outbreak had been arrested', 'to contain the epidemic': the act's object is a disease."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in lexicon()["diseases"] for o in objects)


NESTED_CLAUSES = ("relcl", "acl")  # clauses that describe a noun, not the killing


def _own_clause(trigger: Any) -> list:
    """The trigger's words without the clauses that describe its nouns: in "seven people were killed in
    Rastan, which has been besieged since Sunday" the "since" belongs to the besieging."""
    out = []
    for t in trigger.subtree:
        node = t
        while node.i != trigger.i and node.dep_ not in NESTED_CLAUSES:
            node = node.head
        if node.i == trigger.i:
            out.append(t)
    return out


def _cumulative(trigger: Any, when: Any) -> bool:
    if when is not None and when.timex and str(when.timex).startswith("P") and when.source == "text":
        return True  # "in the last five months": a duration, not a day
    own = _own_clause(trigger)
    if when is not None and when.source == "text" and when.precision == "year" and _counts_hundreds(own) \
            and not any(c.dep_ in ("nsubj", "agent") for c in trigger.children):
        return True  # "more than 5,600 people were killed in gang violence in 2024": a year's toll, no one's act
    if _war_toll(trigger) and _counts_hundreds(own):
        return True  # "a civil war that killed an estimated 400,000": what a whole war did
    if any(t.lower_ == "since" and _days_ago(t) for t in own):
        return False  # "killed since Friday": a few days' toll of one spell of violence, not a statistic
    victims = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if _perfect(trigger) and victims is not None and _counts_hundreds(list(victims.subtree), at_least=1000):
        return True  # "It has killed tens of thousands of people": a toll run up over time
    clause = " " + " ".join(t.lower_ for t in own) + " "
    before = " " + " ".join(t.lower_ for t in trigger.lefts) + " "
    return any(f" {cue} " in clause or f" {cue} " in before for cue in lexicon()["cumulative_cues"])


WARS = {"war", "conflict", "insurgency", "rebellion", "genocide", "crisis", "civil"}


def _war_toll(trigger: Any) -> bool:
    """The killer is a whole war ("a civil war that killed", "the conflict has killed")."""
    if trigger.dep_ == "relcl":
        return trigger.head.lemma_.lower() in WARS
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in WARS for c in trigger.children)


def _counts_hundreds(words: list, at_least: int = 100) -> bool:
    plurals = ("hundreds", "thousands", "millions") if at_least < 1000 else ("thousands", "millions")
    for t in words:
        if t.ent_type_ in ("DATE", "TIME") or (len(t.text) == 4 and t.text.startswith(("19", "20"))):
            continue  # "in 2024" is the period, not the count
        if (parse_number(t.text) or 0) >= at_least or t.lower_ in plurals:
            return True
    return False


def _perfect(trigger: Any) -> bool:
    """'has killed': the active present perfect, a tally up to now ("have been killed" in a fresh
    report is often one event's toll)."""
    return _present_perfect(trigger) and not any(c.dep_ == "auxpass" for c in trigger.children)


ANONYMOUS = {"name", "identify"}


def _anonymity(trigger: Any) -> bool:
    """'a security source who asked not to be named', 'requested anonymity': how a source speaks."""
    if trigger.lemma_.lower() not in ("ask", "request"):
        return False
    return any((c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in ANONYMOUS and any(g.dep_ == "neg" for g in c.children))
               or (c.dep_ == "dobj" and c.lemma_.lower() == "anonymity") for c in trigger.children)


PRESS_ASKS = {"comment", "interview", "response", "reaction"}


def _press_query(trigger: Any) -> bool:
    """'did not respond to requests for comment': how a reporter asked, not a request of a party's."""
    return trigger.pos_ == "NOUN" and trigger.lemma_.lower() == "request" and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in PRESS_ASKS for g in c.children)
        for c in trigger.children)


def _fled_from(trigger: Any) -> bool:
    """An act named only as what people fled ("thousands fled the fighting", "escaped from the
    shelling"): the noun is the object of a flight verb, or of "from" after one."""
    if trigger.pos_ != "NOUN":
        return False
    verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "from" else trigger.head
    return trigger.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in lexicon()["flight_verbs"]


def _price_of_another(trigger: Any) -> bool:
    """Told as what another act cost ("the battle lasted five months, at the cost of 160,000
    soldiers killed or captured"): that act's toll, not an event of its own."""
    node = trigger
    for _ in range(4):
        if node.lemma_.lower() == "cost" and node.dep_ == "pobj" and node.head.lower_ == "at":
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _days_ago(since: Any) -> bool:
    """'since Friday', 'since yesterday', 'since Sunday morning': a start within the past week."""
    start = next((c for c in since.children if c.dep_ in ("pobj", "pcomp")), None)
    return start is not None and start.lower_ in lexicon()["recent_starts"]
