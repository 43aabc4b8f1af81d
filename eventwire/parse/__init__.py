"""Stage 1, parse: raw text -> a spaCy ``Doc`` (tokens, sentences, parse, entities).

Takes an article's text; adds tokens, sentence boundaries (a line break always ends one), lemmas,
the dependency parse and named entities on every sentence (``nlp.py``).
"""
