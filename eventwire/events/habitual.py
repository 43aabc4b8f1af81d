"""What a party does as a rule, told with an event word: no one event a coder records.

* A frequency adverb on the act or the verb that reports it ("Moscow routinely denies targeting
  civilians", "officials regularly report large numbers of militants killed", "the most frequently
  bombed cities"), a recurring thing the act is called ("drone strikes have been a recurring
  feature of the conflict", "clashes over grazing land are common"), or an act kept up for years,
  months or weeks ("the military has been promising for years").
* A relative clause in the simple present ("a pharmacy it supports").
* The simple present kept in a report in the past tense ("it said the plant supplies fuel").
* The simple present inside a quotation ("\"the government takes a town and moves on\"").

:func:`eventwire.events.nonevents.judge` gives such a candidate the reason ``HABITUAL``.
"""
from __future__ import annotations

from typing import Any

from eventwire.attribution.sources import REPORTING as REPORTING_VERBS

# how far above a noun or participle trigger the verb that carries its frequency may stand
# ("report large numbers of militants killed": killed -> militants -> of -> numbers -> report)
CLAUSE_REACH = 6


LONG_PERIODS = {"years", "decades", "months", "weeks"}


def as_a_rule(trigger: Any, words: dict[str, Any]) -> bool:
    """A frequency adverb on the trigger or on the verbs above it up to its finite verb, a copula
    that calls the act a recurring thing, or an act kept up for a long period (``words``: the
    lexicon of :func:`eventwire.events.nonevents.lexicon`)."""
    if _kept_up(trigger):
        return True
    node = trigger
    for _ in range(CLAUSE_REACH):
        if any(c.dep_ == "advmod" and c.lower_ in words["habitual_adverbs"] for c in node.children):
            return True
        if node.lemma_ == "be" and any((c.dep_ == "attr" and _recurring(c, words))
                                       or (c.dep_ == "acomp" and c.lower_ in words["recurring_adjectives"])  # "are common"
                                       for c in node.children):
            return True
        finite = node.pos_ in ("VERB", "AUX") and (node.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") for c in node.children))
        if finite or node.head.i == node.i:
            return False
        node = node.head
    return False


def _kept_up(trigger: Any) -> bool:
    """'the military has been promising for years that ...', 'have been shelling the town for weeks':
    what has gone on for a long period, not one act."""
    aux = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    if trigger.tag_ != "VBG" or "been" not in aux or not aux & {"has", "have", "had"}:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(o.lower_ in LONG_PERIODS for o in c.children)
               for c in trigger.children)


def _recurring(attr: Any, words: dict[str, Any]) -> bool:
    """'a recurring feature', 'a regular occurrence', 'a hallmark of the war'."""
    return attr.lemma_.lower() in words["recurring_nouns"] or any(
        c.dep_ == "amod" and c.lower_ in words["recurring_adjectives"] for c in attr.children)


def describes_a_noun(trigger: Any) -> bool:
    """A relative clause in the simple present ('a pharmacy it supports', 'the force that patrols the
    border') or the present perfect progressive ('which has been fighting the army since 2023'): it
    says what a party does, habitually or as a state, not what it did."""
    if trigger.dep_ != "relcl":
        return False
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if trigger.tag_ == "VBG" and aux >= {"been"} and aux & {"has", "have"}:
        return True  # "the RSF, which has been fighting the army since April 2023": what it has long done
    return trigger.tag_ in ("VBZ", "VBP") and not aux


def a_standing_fact_reported(trigger: Any) -> bool:
    """'It said the plant supplies fuel to Russian forces': the simple present kept in a report in
    the past tense tells what holds, not an act (an act is reported in the past: "said it struck")."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    clause = trigger
    while clause.dep_ == "conj" and clause.head.tag_ in ("VBZ", "VBP"):  # "controls the district and attacks buses"
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS and clause.head.tag_ == "VBD"


QUOTE_MARKS = ('"', "\u201c", "\u201d")


def in_a_quote(trigger: Any) -> bool:
    """'"The government takes a town, announces a victory and moves on," said an elder': a verb in the
    simple present inside a quotation says what someone does as a rule, not what they did."""
    if trigger.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    # an odd count of marks before it in its sentence, not the article's paired quotes
    # (attribution.sources): a quote that closes after the parser's sentence break, or a stray mark
    # earlier in the article, pairs the article's marks wrongly for this sentence
    return marks_before(trigger) % 2 == 1


def marks_before(tok: Any) -> int:
    """How many quotation marks stand before the word in its sentence (odd: it is inside a quotation)."""
    return sum(t.text in QUOTE_MARKS for t in tok.doc[tok.sent.start:tok.i])
