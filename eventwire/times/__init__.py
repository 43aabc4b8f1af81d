"""Stage 3, times: a parsed ``Doc`` and the publication date -> every time expression with its
TimeML value and date range.

``words.py`` is the vocabulary (data in ``data/timewords.json``); ``values.py`` builds TimeML
values for calendar units and picks which one an expression means from the anchor and tense;
``timex.py`` normalises one expression with ``calendar_rules.py`` (weekdays, months, days of a
month, seasons, years, quarters, clock times) and ``rules.py`` (durations, sets, references,
centuries, holidays, parts of years and days); ``refs.py`` recounts anaphoric times ("that day")
from the story's own time; ``finder.py`` finds every expression in a document and resolves each
against the publication date with its governing verb's tense.
"""
