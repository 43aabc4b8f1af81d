"""Evaluation on the dev sets in ``../shared/data``, always through the product path.

Takes: a :class:`eventwire.pipeline.Pipeline` built with the same defaults as ``eventwire
code``/``annotate`` and the raw text of each document. Adds: one row per (dataset, metric), whose
headline is end to end — a gold item the product did not find counts as wrong. Figures from
other paths (gold spans, a gold verb) are labelled ``diagnostic``.

Every dataset is split by document into a ``dev`` part (tune on it) and a frozen ``test`` part
(``splits.py``); ``tests/floors.json`` gates the test parts. Not imported by the runtime path.
"""
