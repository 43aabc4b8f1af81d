"""The attribution stage: who says an event happened, and how sure the text is.

A source is the subject of a reporting verb whose complement holds the event ("Zelensky
said...", "Blinken ... revealing that ..."), the object of "according to", or the speaker
of the quotation the event sits in. Certainty comes from the cue: a party's statement is
``claimed``, an accusation ``alleged``, unnamed reports ``reported``, a denial ``denied``,
and the writer's own statement ``asserted``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Token

from eventwire.actors.phrases import kb_matches

if TYPE_CHECKING:
    from eventwire.actors.kb import KnowledgeBase

REPORTING = {
    "say": "claimed", "state": "claimed", "announce": "claimed", "claim": "claimed", "tell": "claimed",
    "add": "claimed", "confirm": "claimed", "reveal": "claimed", "disclose": "claimed", "indicate": "reported",
    "highlight": "claimed", "note": "claimed", "write": "claimed", "post": "claimed", "declare": "claimed",
    "insist": "claimed", "stress": "claimed", "underscore": "claimed", "assert": "claimed",
    "acknowledge": "claimed", "admit": "claimed", "estimate": "claimed", "explain": "claimed",
    "comment": "claimed", "report": "reported", "suggest": "reported", "show": "reported",
    "allege": "alleged", "accuse": "alleged", "charge": "alleged", "deny": "denied", "reject": "denied",
    "warn": "claimed", "believe": "reported", "publish": "claimed", "share": "claimed", "describe": "claimed",
    "reiterate": "claimed", "reaffirm": "claimed", "repeat": "claimed", "affirm": "claimed", "emphasise": "claimed",
    "emphasize": "claimed", "argue": "claimed", "conclude": "claimed",
}
CLAIMING_VERBS = frozenset(verb for verb, certainty in REPORTING.items() if certainty == "claimed")  # say, state, insist, ...
REPORT_NOUNS = {"report", "statement", "claim", "account", "allegation", "announcement"}  # whose that-clause is what was said
NOMINAL_REPORTS = {"report", "reports", "statement", "source", "sources", "media", "footage", "video"}
UNNAMED = {"report", "reports", "source", "sources", "media", "witness", "witnesses", "observer", "observers",
           "account", "accounts", "footage", "video", "image", "images",
           "eyewitness", "eyewitnesses", "resident", "residents", "villager", "villagers", "local", "locals"}
ISSUED = {"statement", "release", "communique", "communiqué", "report", "announcement"}  # "the statement said"
ISSUING = {"issue", "release", "publish", "put", "send", "post"}  # "the ministry issued a statement"
CITING = {"cite", "quote"}  # "..., the agency said, citing witnesses": the witnesses are the source
MAX_CLIMB = 60  # levels walked up from a trigger (news parses stay under 30; chained clauses go to hundreds)
ADVERB_CUES = {"reportedly": "reported", "allegedly": "alleged", "purportedly": "alleged", "apparently": "reported"}
QUOTE_PAIRS = [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb")]


@dataclass
class Attribution:
    source_head: Optional[Token]  # spaCy token heading the source noun phrase
    certainty: str
    cue: Optional[Token]  # the reporting token


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


def subject_of(verb) -> Optional[Token]:
    """The subject of a verb, inherited through xcomp/advcl/conj chains ("..., revealing that")."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:  # "Any faction that attacks us, we will fight it": the nearest is the subject
            return max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i))
        reporter = _reporter_before(verb)
        if reporter is not None:  # "X killed nine, a group said, accusing the army": the group accuses
            return reporter
        controller = _object_control(verb)
        if controller is not None:  # "prompting Iraq's Foreign Ministry to summon the envoy": the ministry summons
            return controller
        if _finite_after_gerund(verb):  # "accused X of waging war and called on the UN": the accuser called
            verb = verb.head.head.head
            seen += 1
        elif verb.dep_ in ("xcomp", "advcl", "conj", "ccomp", "acl", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
        else:
            return None
    return None


def _finite_after_gerund(verb) -> bool:
    """A past or present-tense verb the parser joined to a gerund after a preposition ("accused the
    government of waging war and called on the UN"): a gerund has no tense to share, so the finite
    verb continues the clause the preposition hangs on."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and head.tag_ == "VBG" and head.dep_ == "pcomp" \
        and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX")


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


# verbs that move another party to act of its own accord ("prompted the ministry to summon the envoy"); not
# orders, pressure or force, whose act a coder gives to whoever forced it
PROMPTING = {"prompt", "lead", "spur", "encourage", "inspire", "persuade", "convince", "invite", "cause"}


def _object_control(verb) -> Optional[Token]:
    """The object of a prompting verb an infinitive hangs on, who does what it says ("prompting
    Iraq's Foreign Ministry to summon Turkey's ambassador"), or None."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i or verb.head.lemma_ not in PROMPTING \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)


def _reporter_before(verb) -> Optional[Token]:
    """The subject of a reporting clause set between a participle and the clause it hangs on
    ("..., an ethnic armed group said, accusing ..."), or None."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i == verb.i:
        return None
    said = next((c for c in verb.head.children if c.dep_ == "parataxis" and c.lemma_ in REPORTING
                 and verb.head.i < c.i < verb.i), None)
    return next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None


def _aside_holding(node, holds_trigger: set[int]) -> bool:
    """A noun set off by a comma whose own clause, with its own subject, holds the trigger."""
    if node.dep_ not in ("appos", "npadvmod") or node.pos_ != "NOUN" or node.left_edge.i == 0 \
            or node.doc[node.left_edge.i - 1].text != ",":
        return False
    return any(c.dep_ in ("relcl", "acl") and c.i in holds_trigger and any(g.dep_ == "nsubj" for g in c.children)
               for c in node.children)


def cited_source(verb) -> Optional[Token]:
    """The source a reporting verb passes on ("Reuters reported, citing witnesses", "state media
    said, quoting a military source"), or None."""
    for c in verb.children:
        if c.lemma_ in CITING and c.pos_ == "VERB":
            obj = next((g for g in c.children if g.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
    return None


def _report_author(noun) -> Optional[Token]:
    """Who made a report whose content clause holds the event: its possessor ("the ministry's
    statement that"), its "by" phrase, or the subject of the verb that carried or issued it ("the
    website carried reports that"); None for a report of no one."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in REPORT_NOUNS:
        return None
    author = next((c for c in noun.children if c.dep_ == "poss" and not (c.pos_ == "PRON" and noun.dep_ == "dobj")), None)
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    author = author or (next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None)
    if author is None and noun.dep_ == "dobj" and noun.head.lemma_ not in REPORTING:
        author = subject_of(noun.head)
    return author


def _according_to(sent) -> Optional[Token]:
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
        self.text = doc.text  # Doc.text joins every token: once, not per quote
        self.quotes = quote_ranges(self.text)
        self._speakers = {}
        self._quote_of: Optional[dict[int, tuple[int, int]]] = None  # token index -> quote, built once
        self._reporters: dict[tuple[int, int], tuple[list[int], list]] = {}  # paragraph -> reporting verbs
        self._cues: dict[int, tuple[list, Optional[Token]]] = {}  # sentence start -> adverbs, "according to"

    def speaker_of(self, tok) -> Optional[Token]:
        """The head of whoever speaks the quotation holding ``tok``, if it is in one."""
        quote = self.in_quote(tok)
        return self.quote_speaker(quote) if quote else None

    def in_quote(self, tok) -> Optional[tuple[int, int]]:
        """The first quote (in order of opening) that holds the token, from a table built in one pass:
        a scan of every quote per token made quote-heavy texts cubic."""
        if self._quote_of is None:
            self._quote_of = self._quote_table()
        return self._quote_of.get(tok.i)

    def _quote_table(self) -> dict[int, tuple[int, int]]:
        starts = [t.idx for t in self.doc]
        table: dict[int, tuple[int, int]] = {}
        for a, b in self.quotes:
            for i in range(bisect_left(starts, a), bisect_left(starts, b)):
                table.setdefault(i, (a, b))
        return table

    def quote_speaker(self, quote: tuple[int, int]) -> Optional[Token]:
        """The subject of the nearest reporting verb outside the quote, in the same paragraph
        (one before the quote counts at twice its distance)."""
        if quote in self._speakers:
            return self._speakers[quote]
        text = self.text
        para_start = text.rfind("\n", 0, quote[0]) + 1
        para_end = text.find("\n", quote[1])
        para_end = len(text) if para_end < 0 else para_end
        idxs, subjects = self._reporting_verbs(para_start, para_end)
        before = bisect_left(idxs, quote[0] - 1) - 1
        after = bisect_right(idxs, quote[1])
        best = None
        if before >= 0:
            best = ((quote[0] - idxs[before]) * 2, subjects[before])
        if after < len(idxs) and (best is None or idxs[after] - quote[1] < best[0]):
            best = (idxs[after] - quote[1], subjects[after])
        self._speakers[quote] = best[1] if best else None
        return self._speakers[quote]

    def _reporting_verbs(self, para_start: int, para_end: int) -> tuple[list[int], list]:
        """(char offsets, subjects) of the paragraph's reporting verbs outside quotes, computed once."""
        key = (para_start, para_end)
        if key not in self._reporters:
            para = self.doc.char_span(para_start, para_end, alignment_mode="expand")
            found = [(tok.idx, subject_of(tok)) for tok in (para if para is not None else self.doc)
                     if tok.pos_ == "VERB" and tok.lemma_ in REPORTING and not self.in_quote(tok)]
            found = [(i, s) for i, s in found if s is not None]
            self._reporters[key] = ([i for i, _ in found], [s for _, s in found])
        return self._reporters[key]

    def _sentence_cues(self, sent) -> tuple[list, Optional[Token]]:
        """The sentence's adverb cues ("reportedly") and its "according to" source, read once per
        sentence: a scan per event made sentences of many events quadratic."""
        if sent.start not in self._cues:
            self._cues[sent.start] = ([t for t in sent if t.lower_ in ADVERB_CUES], _according_to(sent))
        return self._cues[sent.start]

    def attribute(self, trigger) -> Attribution:
        found = self._attribute(trigger)
        author = self._issuer(found.source_head) if found.source_head is not None else None
        return Attribution(author, found.certainty, found.cue) if author is not None else found

    def _issuer(self, noun) -> Optional[Token]:
        """Who issued "the statement" a later sentence cites ("..., the statement said"): the subject of
        the reporting verb an earlier sentence made it with ("police said in a statement", "the ministry
        issued a statement"). None when the noun is no such reference or nothing earlier made it."""
        if noun.lemma_.lower() not in ISSUED or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children) \
                or any(c.dep_ in ("poss", "prep") for c in noun.children):
            return None
        for tok in reversed(self.doc[:noun.sent.start]):
            if tok.lemma_.lower() != noun.lemma_.lower() or tok.pos_ != "NOUN":
                continue
            verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through") else tok.head
            if tok.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and (verb.lemma_ in REPORTING or verb.lemma_ in ISSUING):
                return subject_of(verb)
        return None

    def _attribute(self, trigger) -> Attribution:
        certainty = None
        ancestors = [trigger, *islice(trigger.ancestors, MAX_CLIMB)]
        holds_trigger = {a.i for a in ancestors}  # the tokens whose subtree holds the trigger
        adverbs, according_to = self._sentence_cues(trigger.sent)
        for tok in adverbs:
            if tok.head.i in holds_trigger or tok.head == trigger.head:
                certainty = ADVERB_CUES[tok.lower_]
        for node, parent in zip(ancestors, ancestors[1:]):
            if parent.lemma_ in REPORTING and parent.pos_ == "VERB" and node.dep_ == "nsubj":
                # "Airstrikes killed 30, the ministry said" misparsed with two subjects: the other one speaks
                other = next((c for c in parent.children if c.dep_ == "nsubj" and c.i > node.i), None)
                if other is not None:
                    return Attribution(other, certainty or REPORTING[parent.lemma_], parent)
            if node.dep_ == "conj" and node.pos_ == "VERB" and parent.lemma_ in REPORTING:
                continue  # "denied the report and accused the rebels": a second act of the speaker, not what is denied
            if _aside_holding(node, holds_trigger):
                break  # "..., a claim the army dismissed": the writer's aside on what was said, not part of it
            if parent.lemma_ in REPORTING and parent.pos_ in ("VERB", "AUX") and node.dep_ not in ("nsubj", "nsubjpass") \
                    and not any(c.dep_ == "neg" for c in parent.children):  # "did not comment on the attack": no source
                subj = cited_source(parent) or subject_of(parent) or (
                    _report_author(parent.head) if parent.dep_ == "acl" else None)  # "issued a statement saying ..."
                cert = REPORTING[parent.lemma_]
                if subj is not None and subj.lower_ in UNNAMED:
                    cert = "reported"
                if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they"):
                    pass  # pronoun sources are resolved by the actors stage
                return Attribution(subj, certainty or cert, parent)
            content = node.dep_ in ("acl", "ccomp") or (node.dep_ == "relcl" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children))  # "reports that ..." read as relative
            source = _report_author(parent) if content else None
            if source is not None:  # "Al-Alam carried reports that ...", "the ministry's statement that ..."
                return Attribution(source, certainty or "reported", parent)
        for anc in ancestors:  # "X happened, police said" parsed as a side clause
            for c in anc.children:
                if c.dep_ in ("parataxis", "advcl") and c.lemma_ in REPORTING and c.pos_ == "VERB" \
                        and c.i not in holds_trigger:
                    subj = cited_source(c) or subject_of(c)
                    if subj is not None:
                        cert = "reported" if subj.lower_ in UNNAMED else REPORTING[c.lemma_]
                        return Attribution(subj, certainty or cert, c)
        source = according_to
        if source is not None:
            cert = "reported" if source.lower_ in UNNAMED else "claimed"
            return Attribution(source, certainty or cert, source)
        quote = self.in_quote(trigger)
        if quote:
            speaker = self.quote_speaker(quote)
            if speaker is not None:
                return Attribution(speaker, certainty or "claimed", None)
        return Attribution(None, certainty or "asserted", None)


# what a body does by speaking, besides reporting: "The UN human rights office in Geneva called on ..."
SPEAKING = {"call", "urge", "condemn", "demand", "appeal", "warn", "welcome", "express", "denounce", "ask"}
A_BODY_SPEAKS = SPEAKING | set(REPORTING)


def international_seat(doc: Doc, tok_i: int, kb: "KnowledgeBase") -> bool:
    """A place inside the phrase of an intergovernmental body that reports or speaks ("The U.N. human
    rights office in Geneva said at least nine people were killed", "... called on the authorities"):
    where the body sits, not where what it reports or asks for happened. A local source's place ("a
    security official in al-Qaim said") and an aid group's office (where it works) are kept."""
    tok = doc[tok_i]
    for _ in range(8):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in A_BODY_SPEAKS:
            return any(kind == "entity" and value.country == "IGO" for kind, value, _ in kb_matches(kb, list(tok.subtree)))
        if tok.head.i == tok.i or tok.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj", "ROOT"):
            return False
        tok = tok.head
    return False
