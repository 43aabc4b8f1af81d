"""Stage 2, places: a parsed ``Doc`` -> every toponym it names, resolved to a GeoNames entry.

Takes the ``Doc`` and the article's web address; adds ``PlaceMention`` records (span, entry,
precision, score, why). ``gazetteer.py`` is the offline index (``name_forms.py``: the ways a name is
written and the key it is matched on), ``toponyms.py`` finds the names (``layout.py``: those the
article's layout gives, datelines and a legislator's home town),
``resolver.py`` chooses among candidates with the evidence of ``evidence.py``, ``names.py``
(demonyms, continents), ``outlet.py`` (the web address) and, opt-in, ``home.py`` (an outlet's
home area).
"""
