"""Real news sentences for the event typer, from event-extraction corpora in other ontologies.

RAMS (AIDA ontology) and WikiEvents (KAIROS ontology) label news sentences with event types that
are not PLOVER's. Each type is mapped to the PLOVER type a PLOVER coder would give the same
sentence, to NONE where PLOVER codes no event (statements, elections, hiring, purchases,
accidents), or left out where the two ontologies cut the world differently (movement, generic
"die"/"injure" without a stated cause, executions). The mapping is the project's reading of the two
codebooks (docs/learned.md); the sentences are read from ../shared as data, never copied.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

NONE = "NONE"

# AIDA type prefixes, most specific first; the first prefix that matches decides.
RAMS_TO_PLOVER: list[tuple[str, Optional[str]]] = [
    ("conflict.attack", "ASSAULT"),
    ("artifactexistence.damagedestroy", "ASSAULT"),
    ("life.die.deathcausedbyviolentevents", "ASSAULT"),
    ("life.injure.injurycausedbyviolentevents", "ASSAULT"),
    ("conflict.demonstrate", "PROTEST"),
    ("conflict.yield.surrender", "CONCEDE"),
    ("conflict.yield.retreat", "RETREAT"),
    ("contact.negotiate", "CONSULT"),
    ("contact.discussion.meet", "CONSULT"),
    ("contact.collaborate.meet", "CONSULT"),
    ("contact.requestadvise", "REQUEST"),
    ("contact.commandorder", "REQUEST"),
    ("contact.threatencoerce", "THREATEN"),
    ("contact.commitmentpromiseexpressintent", "AGREE"),
    ("government.agreements.rejectnullifyagreementcontractceasefire", "REJECT"),
    ("government.agreements.acceptagreementcontractceasefire", "AGREE"),
    ("justice.arrestjaildetain", "COERCE"),
    ("justice.judicialconsequences.convict", "COERCE"),
    ("justice.initiatejudicialprocess", "ACCUSE"),
    ("justice.investigate", "ACCUSE"),
    ("transaction.transaction.embargosanction", "SANCTION"),
    ("transaction.transfermoney.embargosanction", "SANCTION"),
    ("transaction.transferownership.embargosanction", "SANCTION"),
    ("transaction.transfermoney.giftgrantprovideaid", "AID"),
    ("transaction.transferownership.giftgrantprovideaid", "AID"),
    ("transaction.transaction.giftgrantprovideaid", "AID"),
    ("contact.prevarication", NONE),
    ("contact.mediastatement", NONE),
    ("contact.publicstatementinperson", NONE),
    ("contact.funeralvigil", NONE),
    ("transaction.transfermoney.purchase", NONE),
    ("transaction.transfermoney.payforservice", NONE),
    ("transaction.transferownership.purchase", NONE),
    ("personnel", NONE),
    ("government.vote", NONE),
    ("government.legislate", NONE),
    ("manufacture", NONE),
    ("disaster", NONE),
]

WIKIEVENTS_TO_PLOVER: list[tuple[str, Optional[str]]] = [
    ("conflict.attack", "ASSAULT"),
    ("artifactexistence.damagedestroydisabledismantle", "ASSAULT"),
    ("conflict.demonstrate", "PROTEST"),
    ("contact.threatencoerce", "THREATEN"),
    ("contact.requestcommand", "REQUEST"),
    ("contact.contact.meet", "CONSULT"),
    ("contact.contact.broadcast", NONE),
    ("justice.arrestjaildetain", "COERCE"),
    ("justice.convict", "COERCE"),
    ("justice.sentence", "COERCE"),
    ("justice.chargeindict", "ACCUSE"),
    ("justice.trialhearing", "ACCUSE"),
    ("justice.investigatecrime", "ACCUSE"),
    ("justice.releaseparole", "CONCEDE"),
    ("disaster", NONE),
    ("medical", NONE),
    ("personnel", NONE),
    ("transaction.exchangebuysell", NONE),
]


def plover_type(event_type: str, table: list[tuple[str, Optional[str]]]) -> Optional[str]:
    """The PLOVER type (or NONE) for another ontology's event type; None when it has no clear one."""
    key = event_type.lower()
    for prefix, plover in table:
        if key.startswith(prefix):
            return plover
    return None


def _sentence_label(labels: list[Optional[str]]) -> Optional[str]:
    """One label per sentence: its event types' PLOVER types must agree (NONE yields to an event)."""
    if any(lab is None for lab in labels):
        return None  # an unmapped event in the sentence: its PLOVER type is unknown
    events = {lab for lab in labels if lab != NONE}
    if len(events) > 1:
        return None
    return events.pop() if events else NONE


def rams(shared: Path, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """RAMS dev: the sentence holding each example's trigger, with the trigger's PLOVER type
    (documents in ``skip`` -- those with blind gold in eval/realnews -- left out)."""
    p = shared / "data" / "rams-dev" / "dev.jsonlines"
    if not p.exists():
        return []
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        ex = json.loads(line)
        if ex.get("doc_key") in skip:
            continue
        start, _, types = ex["evt_triggers"][0]
        label = _sentence_label([plover_type(types[0][0], RAMS_TO_PLOVER)])
        offset = 0
        for sent in ex["sentences"]:
            if offset <= start < offset + len(sent):
                if label is not None:
                    out.append((" ".join(sent), label))
                break
            offset += len(sent)
    return out


def wikievents(shared: Path, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """WikiEvents dev: every sentence with at least one event, labelled when its events agree
    (documents in ``skip`` left out)."""
    p = shared / "data" / "wikievents-dev" / "dev.jsonl"
    if not p.exists():
        return []
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc.get("doc_id") in skip:
            continue
        by_sent: dict[int, list[Optional[str]]] = {}
        for ev in doc["event_mentions"]:
            by_sent.setdefault(ev["trigger"]["sent_idx"], []).append(plover_type(ev["event_type"], WIKIEVENTS_TO_PLOVER))
        for idx, labels in sorted(by_sent.items()):
            label = _sentence_label(labels)
            if label is not None:
                out.append((" ".join(tok for tok, _, _ in doc["sentences"][idx][0]), label))
    return out
