"""Stage 4, actors: a noun phrase -> who it is (country, sector, name) with the reason.

``kb.py`` is the knowledge base (countries, demonyms, agent nouns, organisations, dated office
holders); ``coder.py`` codes phrases, quote speakers and pronouns; ``phrases.py`` says which
tokens a noun phrase spans and which knowledge-base names it holds; ``sectors.py`` gives a phrase its sector.
"""
