"""Event words that name an act already told rather than report a new one.

* An event noun named only as a reference -- to date another ("fled two days after the bombing")
  or as what is investigated ("opened an inquiry into the killings") -- is background unless the
  article reports it elsewhere: ``named_as_reference`` marks it, and the within-article merge
  (dedup/within.py) keeps it only as a restatement.
* An act asked about in another verb's clause ("did not say how many fighters were killed") was
  already told: ``asked_about`` marks it as a reference, kept only as a restatement; so do a toll
  counted, a claim's content, reports of it and a verdict on it (``restates``).
* An act told in a clause that dates another by an interval is background (``told_as_background``).

Separate from :mod:`eventwire.events.nonevents`, which rules words out as no event at all: these
are events, but ones the story told before, which the pipeline keeps only as restatements.
"""
from __future__ import annotations

from typing import Any

from eventwire.events.addressees import dated_phrase


TIME_PREPS = {"after", "before", "since", "following", "until", "till"}
TIME_PHRASES = {("ahead", "of"), ("wake", "of"), ("aftermath", "of"), ("prior", "to")}
INQUIRY_NOUNS = {"investigation", "inquiry", "enquiry", "probe", "case"}


COMMENTED = {"comment", "elaborate", "remark"}  # what one comments on is already told


def named_as_reference(trig: Any, anaphoric: bool) -> bool:
    """An event noun named as already known (a definite article or a date of its own) only to date
    another ('days after the bombing', 'in the wake of the coup'), as what is investigated ('an
    inquiry into the killings'), claimed ('claimed the attack', with no place or target of its own) or
    judged ('condemned the strike')."""
    if trig.pos_ == "NOUN" and anaphoric and (_claimed(trig) or _condemned(trig)) and not any(
            c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and not dated_phrase(c)) for c in trig.children):
        return True  # "Amaq claimed the attack (on Saturday)": the attack already told, claimed
    if trig.pos_ != "NOUN" or trig.dep_ != "pobj":
        return False
    prep = trig.head
    investigated = prep.lower_ in ("into", "of", "over") and _inquiry_noun(prep.head) in INQUIRY_NOUNS
    if investigated and trig.tag_ == "NNS":
        return True  # "opened thousands of criminal cases over attacks on the city": what is investigated
    dated = any(c.ent_type_ == "DATE" for c in trig.children if c.dep_ in ("compound", "nmod", "npadvmod", "amod"))
    if not (anaphoric or dated):
        return False
    if investigated:
        return True
    return prep.lower_ in TIME_PREPS or (prep.head.lower_, prep.lower_) in TIME_PHRASES \
        or (prep.lower_ == "on" and prep.head.lemma_.lower() in COMMENTED)  # "did not comment on the attack"


def _inquiry_noun(holder: Any) -> str:
    """What a preposition hangs on, read as an inquiry: the noun, or the object of the verb it hangs on
    ("opened thousands of criminal cases over attacks": cases)."""
    if holder.pos_ in ("VERB", "AUX"):
        obj = next((c for c in holder.children if c.dep_ == "dobj"), None)
        counted = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None) if obj is not None else None
        holder = counted or obj or holder
    return holder.lemma_.lower()


CONDEMNING_VERBS = {"condemn", "denounce", "deplore", "decry", "blame", "criticise", "criticize"}


def _condemned(trig: Any) -> bool:
    """'condemned the strike', 'blamed the attack on the RSF': an act already told, condemned."""
    return trig.dep_ == "dobj" and trig.head.lemma_.lower() in CONDEMNING_VERBS


def _claimed(trig: Any) -> bool:
    """'claimed the attack', 'claimed responsibility for the bombing'."""
    if trig.dep_ == "dobj":
        return trig.head.lemma_.lower() == "claim"
    holder = trig.head.head if trig.dep_ == "pobj" and trig.head.lower_ == "for" else None
    return holder is not None and holder.lemma_.lower() in ("responsibility", "credit") and holder.head.lemma_.lower() == "claim"


TOLL_NOUNS = {"number", "toll", "tally", "count", "total"}
CASUALTY_VERBS = {"kill", "wound", "injure"}


def restates(trig: Any) -> bool:
    """An act already told, asked about, counted or judged: a reference, not a new event."""
    return asked_about(trig) or counted_in_toll(trig) or claim_content(trig) or reports_of(trig) or judged(trig) \
        or of_those_done_to(trig)


def of_those_done_to(trig: Any) -> bool:
    """'95 of those arrested', 'those killed were buried on Friday': the people an act already told
    befell, named by it."""
    return trig.tag_ == "VBN" and trig.dep_ == "acl" and trig.head.lower_ in ("those", "these")


BARE_NOUN_DEPS = {"det", "amod", "compound"}


# "the strike was ...", "the clash came a week after ...": what is said of an act already told
VERDICT_VERBS = {"be", "come"}


def judged(trig: Any) -> bool:
    """'said the strike was "a clear violation" of the truce', 'the clash came a week after talks':
    "the strike", bare, as what a verdict or a time is given of, is the act told before it."""
    return trig.pos_ == "NOUN" and trig.dep_ == "nsubj" and trig.head.lemma_ in VERDICT_VERBS \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trig.children) \
        and all(c.dep_ in BARE_NOUN_DEPS for c in trig.children)


REPORT_NOUNS = {"report", "account", "news", "word", "rumour", "rumor"}


def reports_of(trig: Any) -> bool:
    """'said it was aware of reports of fighting in northern Shan': the fighting the reports tell,
    told by the story already or background to the statement."""
    return trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ == "of" \
        and trig.head.head.lemma_.lower() in REPORT_NOUNS


SAYING = {"say", "add"}


def claim_content(trig: Any) -> bool:
    """'claimed the attack, saying its fighters had killed 12 soldiers': what a claim of an attack
    says it did is that attack told again, in the claimant's words."""
    verb = trig if trig.pos_ == "VERB" else next((a for a in trig.ancestors if a.pos_ == "VERB"), None)
    for _ in range(3):
        if verb is None or verb.head.i == verb.i:
            return False
        if verb.lemma_.lower() in SAYING and verb.dep_ in ("advcl", "conj") and verb.head.lemma_.lower() == "claim":
            return any(c.dep_ == "dobj" for c in verb.head.children)
        verb = verb.head
    return False


def counted_in_toll(trig: Any) -> bool:
    """'the number of fighters killed was more than ten', 'the toll of people killed rose': the
    participle counts the victims of an act already told."""
    if trig.dep_ != "acl" or trig.tag_ != "VBN" or trig.head.dep_ != "pobj" or trig.lemma_.lower() not in CASUALTY_VERBS:
        return False  # not "the number of people evacuated": a count of what aid did is the aid
    of = trig.head.head
    return of.lower_ == "of" and of.head.lemma_.lower() in TOLL_NOUNS


def asked_about(trig: Any) -> bool:
    """'did not say how many fighters were killed', 'it is unclear how many died': an act already
    told, asked about in a clause of another verb; it restates the act or names it as known."""
    verb = trig if trig.pos_ == "VERB" else next((a for a in trig.ancestors if a.pos_ == "VERB"), None)
    if verb is None or verb.dep_ == "ROOT":
        return False
    # A few words before the verb, not its whole subtree: that would cost the whole sentence for
    # each trigger of a long chain of clauses.
    before = verb.doc[max(verb.left_edge.i, verb.i - 8):verb.i]
    return any(t.lower_ == "how" and t.head.lower_ in ("many", "much") and verb.is_ancestor(t) for t in before)


ANOTHER_WORDS = {"also", "again", "another", "second", "separate", "further"}


def told_as_another(trig: Any) -> bool:
    """'The rebels also shelled a camp', 'another attack': told as one more act, not the one before."""
    return any(c.lower_ in ANOTHER_WORDS and c.dep_ in ("advmod", "amod", "det") for c in trig.children)


BACKGROUND_MARKS = {"after", "since", "following"}
INTERVALS = {"day", "week", "month", "year", "hour", "fortnight"}


def told_as_background(trig: Any) -> bool:
    """An act told in a clause that dates another by an interval ("weeks after M23 took control of
    the area, M23 fighters raped ...", "a month after its commander was killed, the front named
    ..."): what happened before the news. The pipeline treats it as a reference when its sentence's
    own clause tells an event; "It came four days after a bomber killed 54" keeps it, and so does a
    bare "after" ("refusing more protests after hundreds were injured in clashes"), which in news
    tells the story's own sequence."""
    if trig.dep_ == "pobj" and trig.head.lower_ in BACKGROUND_MARKS | {"before"} and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in INTERVALS for c in trig.head.children):
        return True  # "two days before the Kerawa raid, a soldier was killed": the raid dates the killing
    verbs = [a for a in (trig, *trig.ancestors) if a.pos_ == "VERB"][:3]  # and what hangs on such a clause
    return any(_dated_by_interval(v) for v in verbs)  # ("after they exchanged prisoners in a swap mediated by")


def _dated_by_interval(verb: Any) -> bool:
    if verb.dep_ == "ROOT":
        return False
    marker = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS), None)
    if marker is None and verb.dep_ == "pcomp" and verb.head.lower_ in BACKGROUND_MARKS:
        marker = verb.head
    return marker is not None and any(c.dep_ == "npadvmod" and c.lemma_.lower() in INTERVALS
                                       for c in (*verb.children, *marker.children))
