"""The attribution stage: who says an event happened, and how sure the text is.

A source is the subject of a reporting verb whose complement holds the event ("Zelensky
said...", "Blinken ... revealing that ..."), the object of "according to", or the speaker
of the quotation the event sits in. Certainty comes from the cue: a party's statement is
``claimed``, an accusation ``alleged``, unnamed reports ``reported``, a denial ``denied``,
and the writer's own statement ``asserted``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

REPORTING = {
    "say": "claimed", "state": "claimed", "announce": "claimed", "claim": "claimed", "tell": "claimed",
    "add": "claimed", "confirm": "claimed", "reveal": "claimed", "disclose": "claimed", "indicate": "reported",
    "highlight": "claimed", "note": "claimed", "write": "claimed", "post": "claimed", "declare": "claimed",
    "insist": "claimed", "stress": "claimed", "underscore": "claimed", "assert": "claimed",
    "acknowledge": "claimed", "admit": "claimed", "estimate": "claimed", "explain": "claimed",
    "comment": "claimed", "report": "reported", "suggest": "reported", "show": "reported",
    "allege": "alleged", "accuse": "alleged", "charge": "alleged", "deny": "denied", "reject": "denied",
    "warn": "claimed", "believe": "reported", "publish": "claimed", "share": "claimed", "describe": "claimed",
}
NOMINAL_REPORTS = {"report", "reports", "statement", "source", "sources", "media", "footage", "video"}
UNNAMED = {"report", "reports", "source", "sources", "media", "witness", "witnesses", "observer", "observers",
           "account", "accounts", "footage", "video", "image", "images"}
ADVERB_CUES = {"reportedly": "reported", "allegedly": "alleged", "purportedly": "alleged", "apparently": "reported"}
QUOTE_PAIRS = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb")]


@dataclass
class Attribution:
    source_head: Optional[object]  # spaCy token heading the source noun phrase
    certainty: str
    cue: Optional[object]  # the reporting token


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly or straight, paired in order)."""
    ranges = []
    for open_q, close_q in QUOTE_PAIRS:
        if open_q == close_q:
            positions = [m.start() for m in re.finditer(re.escape(open_q), text)]
            ranges += [(positions[i] + 1, positions[i + 1]) for i in range(0, len(positions) - 1, 2)]
        else:
            for m in re.finditer(re.escape(open_q) + r"[^" + re.escape(close_q) + r"]*" + re.escape(close_q), text):
                ranges.append((m.start() + 1, m.end() - 1))
    return sorted(ranges)


def subject_of(verb) -> Optional[object]:
    """The subject of a verb, inherited through xcomp/advcl/conj chains ("..., revealing that")."""
    seen = 0
    while verb is not None and seen < 6:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "acl") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
        else:
            return None
    return None


def _according_to(sent) -> Optional[object]:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for c in list(tok.children) + list(tok.doc[tok.i + 1].children):
                if c.dep_ == "pobj":
                    return c
            to = tok.doc[tok.i + 1]
            for c in to.children:
                if c.dep_ == "pobj":
                    return c
    return None


class Attributor:
    def __init__(self, doc):
        self.doc = doc
        self.quotes = quote_ranges(doc.text)
        self._speakers = {}

    def in_quote(self, tok) -> Optional[tuple[int, int]]:
        for a, b in self.quotes:
            if a <= tok.idx < b:
                return a, b
        return None

    def quote_speaker(self, quote: tuple[int, int]) -> Optional[object]:
        """The subject of the nearest reporting verb outside the quote, in the same paragraph."""
        if quote in self._speakers:
            return self._speakers[quote]
        text = self.doc.text
        para_start = text.rfind("\n", 0, quote[0]) + 1
        para_end = text.find("\n", quote[1])
        para_end = len(text) if para_end < 0 else para_end
        best, best_dist = None, None
        para = self.doc.char_span(para_start, para_end, alignment_mode="expand")
        for tok in (para if para is not None else self.doc):
            if quote[0] - 1 <= tok.idx <= quote[1]:
                continue
            if tok.pos_ == "VERB" and tok.lemma_ in REPORTING and not self.in_quote(tok):
                subj = subject_of(tok)
                if subj is None:
                    continue
                dist = tok.idx - quote[1] if tok.idx > quote[1] else (quote[0] - tok.idx) * 2
                if best_dist is None or dist < best_dist:
                    best, best_dist = subj, dist
        self._speakers[quote] = best
        return best

    def attribute(self, trigger) -> Attribution:
        certainty = None
        for tok in trigger.sent:
            if tok.lower_ in ADVERB_CUES and (tok.head == trigger or tok.head in trigger.ancestors or tok.head == trigger.head):
                certainty = ADVERB_CUES[tok.lower_]
        node = trigger
        while node.head.i != node.i:
            parent = node.head
            if parent.lemma_ in REPORTING and parent.pos_ == "VERB" and node.dep_ == "nsubj":
                # "Airstrikes killed 30, the ministry said" misparsed with two subjects: the other one speaks
                other = next((c for c in parent.children if c.dep_ == "nsubj" and c.i > node.i), None)
                if other is not None:
                    return Attribution(other, certainty or REPORTING[parent.lemma_], parent)
            if parent.lemma_ in REPORTING and parent.pos_ in ("VERB", "AUX") and node.dep_ not in ("nsubj", "nsubjpass"):
                subj = subject_of(parent)
                cert = REPORTING[parent.lemma_]
                if subj is not None and subj.lower_ in UNNAMED:
                    cert = "reported"
                if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they"):
                    pass  # pronoun sources are resolved by the actors stage
                return Attribution(subj, certainty or cert, parent)
            node = parent
        for anc in [trigger, *trigger.ancestors]:  # "X happened, police said" parsed as a side clause
            for c in anc.children:
                if c.dep_ in ("parataxis", "advcl") and c.lemma_ in REPORTING and c.pos_ == "VERB" \
                        and trigger not in c.subtree:
                    subj = subject_of(c)
                    if subj is not None:
                        cert = "reported" if subj.lower_ in UNNAMED else REPORTING[c.lemma_]
                        return Attribution(subj, certainty or cert, c)
        source = _according_to(trigger.sent)
        if source is not None:
            cert = "reported" if source.lower_ in UNNAMED else "claimed"
            return Attribution(source, certainty or cert, source)
        quote = self.in_quote(trigger)
        if quote:
            speaker = self.quote_speaker(quote)
            if speaker is not None:
                return Attribution(speaker, certainty or "claimed", None)
        return Attribution(None, certainty or "asserted", None)
