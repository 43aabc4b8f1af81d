"""Stage 6, events: sentences -> candidate events with type, mode, actor, recipient, place, date and
counts.

``codebook.py`` loads the PLOVER codebook (data), ``triggers.py`` finds candidates from trigger
words, ``roles.py`` reads who did what to whom from the parse, ``modality.py`` negation and
hypotheticals, ``encoder.py`` and ``eventmodel.py`` the fine-tuned sentence model and
``backends.py`` the rules/learned/hybrid choice, ``quantities.py`` the counts, ``context.py`` one article's
annotations and where and when each event happened.
"""
