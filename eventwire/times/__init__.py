"""Stage 3, times: a parsed ``Doc`` and the publication date -> every time expression with its
TimeML value and date range.

``words.py`` is the vocabulary, ``timex.py`` normalises one expression, ``finder.py`` finds them
all in a document and resolves each against the publication date with its governing verb's tense.
"""
