"""Geoparsing end to end on LGL (US local news) through eventwire annotate.

    python eval/lgl.py [--part dev|test|all]

Same as `eventwire eval --only lgl`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("lgl", __doc__.splitlines()[0])
