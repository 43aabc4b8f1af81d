"""Stage 4, actors: a noun phrase -> who it is (country, sector, name) with the reason.

``kb.py`` is the knowledge base (countries, demonyms, agent nouns, organisations, dated office
holders); ``coder.py`` codes phrases, quote speakers and pronouns.
"""
