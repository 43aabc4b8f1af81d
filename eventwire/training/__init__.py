"""Outside the runtime path: ``eventwire train`` (the learned typer, scikit-learn), the other
corpora mapped to PLOVER types (``sets.py``) and the backend comparison (``compare.py``).
"""
