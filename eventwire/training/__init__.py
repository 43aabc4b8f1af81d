"""Outside the runtime path: ``eventwire train`` (``train.py`` fine-tunes the event model on the
CPU), the training sets (``corpora.py``; other ontologies mapped to PLOVER in ``sets.py``) and the
backend comparison (``compare.py``).
"""
