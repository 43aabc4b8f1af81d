"""The quantities stage: counts of people ("two", "over 1,000", "dozens", "at least 15").

``count_in(tokens)`` reads the number attached to a noun phrase with its approximation cue;
``find(doc)`` lists every counted noun phrase in an article for the annotate view.
"""
from __future__ import annotations

import re
from typing import Optional

from eventwire.model import Quantity

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
         "a dozen": 12, "dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
         "tens of thousands": 20000, "hundreds of thousands": 200000, "a handful": 3, "several": 3,
         "a couple": 2, "both": 2}
VAGUE = {"dozens", "scores", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "several",
         "a handful", "a dozen", "dozen", "a couple"}
MULTIPLIED = {"several"}  # an adjective that counts the scale after it: "several dozen", "several thousand"
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1000}
APPROX_CUES = [
    ("up to", "up_to"), ("as many as", "up_to"), ("at least", "over"), ("more than", "over"), ("over", "over"),
    ("upwards of", "over"), ("in excess of", "over"), ("nearly", "under"), ("almost", "under"),
    ("fewer than", "under"), ("less than", "under"), ("under", "under"), ("just under", "under"),
    ("around", "about"), ("about", "about"), ("approximately", "about"), ("roughly", "about"),
    ("some", "about"), ("an estimated", "about"), ("estimated", "about"), ("close to", "under"),
]
NOUN_KINDS = {"troop": "troops", "soldier": "troops", "serviceman": "troops", "servicemen": "troops",
              "personnel": "troops", "paratrooper": "troops", "marine": "troops", "sailor": "troops",
              "fighter": "fighters", "militant": "fighters", "rebel": "fighters", "insurgent": "fighters",
              "gunman": "fighters", "gunmen": "fighters", "jihadist": "fighters", "militiaman": "fighters",
              "civilian": "civilians", "resident": "civilians", "child": "civilians", "woman": "civilians",
              "villager": "civilians", "refugee": "displaced", "evacuee": "displaced"}
NUMBER_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def parse_number(text: str) -> Optional[float]:
    t = text.lower().replace("\u2009", "").strip()
    if t in WORDS:
        return WORDS[t]
    if NUMBER_RE.match(t):
        return float(t.replace(",", ""))
    return None


def _number_tokens(head) -> list:
    """Number tokens attached to a noun: nummod children and the words of the number itself."""
    nums = [c for c in head.children if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "compound", "quantmod"))]
    if not nums and head.lower_ in WORDS and head.lower_ in VAGUE:
        return [head]
    if not nums and (head.like_num or head.lower_ in WORDS) and any(c.lower_ == "of" for c in head.children):
        return [head]  # "one of its peacekeepers", "three of the victims"
    if not nums and head.pos_ == "NUM" and head.dep_ in ("dobj", "nsubjpass", "nsubj", "conj") and (
            head.head.pos_ == "VERB" or _in_state(head)):
        return [head]  # "killing 20 people and wounding 100", "left 12 dead and 30 wounded": the people are understood
    if not nums:
        for c in head.children:  # "dozens of people", "hundreds of soldiers" parse as the number heading
            if c.dep_ == "prep" and c.lower_ == "of" and head.lower_ in VAGUE:
                return [head]
    return nums


def _in_state(num) -> bool:
    """A number joined to a count of people and followed by the state they are in ("four bodies and
    17 wounded")."""
    doc = num.doc
    return num.dep_ == "conj" and num.i + 1 < len(doc) and doc[num.i + 1].lower_ in LEFT_STATES


def count_in(head) -> Optional[Quantity]:
    """The count attached to the noun ``head`` (a spaCy token), or None."""
    nums = _number_tokens(head)
    if not nums:
        return None
    num = nums[0]
    # the number's own words, each once ("two dozen", "several thousand": a count and its scale)
    words = sorted([num, *[c for c in num.subtree if c.i != num.i and (
        (c.dep_ in ("compound", "quantmod", "nummod") and (c.like_num or c.lower_ in SCALES or c.lower_ in ("dozen", "dozens")))
        or (c.dep_ == "amod" and c.lower_ in MULTIPLIED))]], key=lambda t: t.i)
    value = None
    scale = 1
    for w in words:
        v = parse_number(w.text)
        if w.lower_ in ("dozen", "dozens") and value is not None:
            scale *= 12  # "two dozen"
        elif v is not None and value is None:
            value = v
        elif w.lower_ in SCALES:
            scale = SCALES[w.lower_]
    if value is None:
        return None
    value = int(round(value * scale))
    doc = head.doc
    start_tok = min([num.left_edge.i, *[w.i for w in words]])
    multi = _vague_phrase(num)
    if multi is not None:  # "hundreds of thousands": one vague number of three words, whichever the parser heads
        value, start_tok, words = int(WORDS[multi[0]]), min(start_tok, multi[1]), [*words, doc[multi[2] - 1]]
    approx = "exact"
    prefix = doc[max(0, start_tok - 3):num.i].text.lower()
    for cue, kind in APPROX_CUES:
        if re.search(r"\b" + re.escape(cue) + r"\b", prefix):
            approx = kind
            while start_tok > 0 and doc[start_tok - 1].lower_ in cue.split():
                start_tok -= 1
            break
    if approx == "exact" and num.lower_ in VAGUE:
        approx = "about"
    end_tok = max(w.i for w in words) + 1
    span = doc[start_tok:end_tok]
    return Quantity(kind=None, value=value, approx=approx, text=span.text, start=span.start_char, end=span.end_char)


def _vague_phrase(num) -> Optional[tuple[str, int, int]]:
    """('hundreds of thousands', start, end) when ``num`` is either end of a three-word vague number."""
    doc = num.doc
    for start in (num.i - 2, num.i):
        if 0 <= start and start + 3 <= len(doc):
            text = doc[start:start + 3].text.lower()
            if text in VAGUE and text in WORDS:
                return text, start, start + 3
    return None


def summed(head, first: Quantity) -> Quantity:
    """The counts of coordinated nouns added up ("four Ulsterbus workers and two soldiers" = 6), as
    one toll; the count of ``head`` alone when no other noun of the list is counted."""
    counted = [(t, c) for t in head.conjuncts if t.i > head.i for c in [count_in(t)] if c is not None]
    if not counted:
        return first
    counts = [c for _, c in counted]
    if sum(c.value for c in counts) == first.value:
        return first  # "12 people, seven women and five men": the rest break the first count down
    end = max(t.idx + len(t.text) for t, _ in counted)  # through the last counted noun
    approx = next((c.approx for c in [first, *counts] if c.approx != "exact"), "exact")
    return Quantity(kind=first.kind, value=first.value + sum(c.value for c in counts), approx=approx,
                    text=head.doc.text[first.start:end], start=first.start, end=end)


# "the attack left 12 soldiers dead and 30 wounded": the state each count is left in says its kind
LEFT_STATES = {"dead": "killed", "injured": "wounded", "wounded": "wounded", "hurt": "wounded", "homeless": "displaced"}


def leaving_clause(trigger):
    """The "leave" that tells what an event left behind: the event is its subject ("the blast left
    five dead"), or the clause the event is told in goes on "leaving ..." ("fighting erupted,
    leaving 10 civilians dead"; "gunmen attacked the village, leaving ..."). None otherwise."""
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() == "leave":
        return trigger.head
    if trigger.lower_ in LEFT_STATES and trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() == "leave":
        return trigger.head  # the parser's "left [at least one student injured]"
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else trigger
    return next((c for c in verb.children if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG"
                 and c.lemma_.lower() == "leave"), None)


def left_counts(trigger) -> list[tuple]:
    """(noun or number head, kind) for each count an event "left" in a state: "clashes have left 20
    villagers injured and one man dead", "the blast left at least five people dead", "fighting
    erupted, leaving 10 civilians dead", "a confrontation has left at least one student injured"."""
    verb = leaving_clause(trigger)
    if verb is None:
        return []
    out = []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    state = next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in LEFT_STATES), None)
    if obj is not None and state is not None:
        out.append((obj, LEFT_STATES[state.lower_]))
    told = next((c for c in verb.children if c.dep_ == "ccomp" and c.lower_ in LEFT_STATES), None)
    if told is not None:  # the parser's "left [at least one student injured]"
        subject = next((g for g in told.children if g.dep_ == "nsubj"), None)
        if subject is not None:
            out.append((subject, LEFT_STATES[told.lower_]))
    for c in verb.children:
        if c.dep_ != "conj":
            continue
        if c.lower_ in LEFT_STATES:  # "... and one man dead"
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None:
                out.append((subj, LEFT_STATES[c.lower_]))
        elif c.like_num:  # "... and 30 wounded"
            state = next((g for g in c.children if g.dep_ in ("acl", "amod") and g.lower_ in LEFT_STATES), None)
            if state is not None:
                out.append((c, LEFT_STATES[state.lower_]))
    return out


def noun_kind(head) -> Optional[str]:
    return NOUN_KINDS.get(head.lemma_.lower()) or NOUN_KINDS.get(head.lower_)


def find(doc) -> list[Quantity]:
    """Every counted noun in the article (kind from the noun when it says one)."""
    out = []
    seen = set()
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN", "NUM") or tok.dep_ in ("quantmod", "nummod", "compound"):
            continue
        q = count_in(tok)
        if q and q.start not in seen and tok.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
            if tok.pos_ == "NUM" and tok.lower_ not in VAGUE:
                continue
            seen.add(q.start)
            q.kind = noun_kind(tok)
            out.append(q)
    return out


# nouns for many people: "a family was killed" is no count of one
COLLECTIVES = {"family", "group", "crowd", "unit", "convoy", "patrol", "team", "force", "army", "population",
               "community", "police", "staff", "crew", "personnel", "delegation", "battalion", "brigade", "militia",
               "people", "village", "town", "city", "household", "clan", "tribe", "class", "party", "couple"}
STATE_WORDS = {"dead": "killed"}  # "shot dead": the state the act left its victim in


def kind_of(trigger, rule_kind: Optional[str]) -> Optional[str]:
    """The casualty kind an act states: its trigger's, or the state it left the victims in ("shot dead")."""
    if rule_kind:
        return rule_kind
    state = next((c for c in trigger.children if c.lower_ in STATE_WORDS and c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "npadvmod", "dobj")), None)
    return STATE_WORDS[state.lower_] if state is not None else None


def counted_by(trigger):
    """The count a participle trigger qualifies ("more than 140 wounded", "14 wounded people"), or None:
    the people it counts have no role of their own in the parse."""
    head = trigger.head
    if trigger.tag_ != "VBN" or trigger.dep_ not in ("acl", "amod") or head.i == trigger.i:
        return None
    return head if head.pos_ == "NUM" or any(c.dep_ == "nummod" for c in head.children) else None


def one_victim(head, kind: Optional[str]) -> Optional[Quantity]:
    """A single person killed or wounded ("a soldier was killed", "the scientist executed", "Amiri
    was shot dead") counts one, as ACLED's fatalities do; a noun for many ("a family") counts nothing."""
    if kind not in ("killed", "wounded") or head.tag_ not in ("NN", "NNP") or head.lemma_.lower() in COLLECTIVES:
        return None
    if head.pos_ == "PROPN" and head.ent_type_ != "PERSON":
        return None  # a place or an organisation hit, not a person
    start = head.left_edge.i if head.left_edge.i >= head.i - 4 else head.i
    span = head.doc[start:head.i + 1]
    return Quantity(kind=kind, value=1, approx="exact", text=span.text, start=span.start_char, end=span.end_char)

