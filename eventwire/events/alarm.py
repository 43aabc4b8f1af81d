"""Disapproval voiced as a state of mind: "the State Department said it was deeply concerned by the
arrests", "the mission is alarmed by the use of heavy weapons". A government, an international
body or a group that says an act alarms or troubles it disapproves of the act (PLOVER ACCUSE,
disapprove), as wire coders read it; a firm or a person worried about costs does not.
"""
from __future__ import annotations

from typing import Optional

from eventwire.events.addressees import pobj
from eventwire.events.candidate import Candidate
from eventwire.events.codebook import Trigger
from eventwire.events.modality import negated

ALARM_TRIGGER = Trigger("be concerned", ("VERB",), "ACCUSE", "disapprove", "accuse", {})
ALARMED = {"concern", "concerned", "alarm", "alarmed", "trouble", "troubled", "dismay", "dismayed", "appal",
           "appall", "appalled", "shock", "shocked", "outrage", "outraged", "disturb", "disturbed"}
ALARM_PREPS = {"by", "about", "over", "at"}
TOLD_OF = {"report", "account", "news", "allegation", "claim"}
# who voices disapproval this way: states, their organs, international bodies, groups and parties
VOICING_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "IGO", "NGO", "OPP", "PTY", "REB", "HLH", "MED"}


def voiced_alarm(tok, coder) -> Optional[Candidate]:
    """'said it was deeply concerned by the arrests': ACCUSE by the one alarmed, against the party
    the cause names or the doer of the act it names."""
    if tok.lemma_.lower() not in ALARMED and tok.lower_ not in ALARMED:
        return None
    if tok.dep_ != "acomp" and not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    # 'was "deeply alarmed" by the shelling': the closing quotation mark hangs the cause on "was"
    cause = pobj(tok, ALARM_PREPS) or (pobj(tok.head, ALARM_PREPS) if tok.dep_ == "acomp" else None)
    if cause is not None and cause.lemma_.lower() in TOLD_OF:
        cause = pobj(cause, {"of"}) or cause  # "by reports of the shelling": the shelling
    if cause is None or negated(tok) or negated(tok.head):
        return None
    holder = tok.head if tok.dep_ == "acomp" else tok
    speaker = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    party = coder.code(speaker) if speaker is not None else None
    if party is None or party.sector not in VOICING_SECTORS:
        return None
    # the cause, a party or an act ("by the arrests": whoever made them, found by blame_the_doers)
    return Candidate(tok, ALARM_TRIGGER, "ACCUSE", "disapprove", "accuse", speaker, cause)
