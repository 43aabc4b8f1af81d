"""Stage 2, places: a parsed ``Doc`` -> every toponym it names, resolved to a GeoNames entry.

Takes the ``Doc`` and the article's web address; adds ``PlaceMention`` records (span, entry,
precision, score, why). ``gazetteer.py`` is the offline index, ``toponyms.py`` finds the names,
``resolver.py`` chooses among candidates with the evidence of ``evidence.py``, ``names.py``
(demonyms, continents), ``outlet.py`` (the web address) and, opt-in, ``home.py`` (an outlet's
home area).
"""
