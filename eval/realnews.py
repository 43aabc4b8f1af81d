"""Blind hand gold on real news documents, through eventwire code.

    python eval/realnews.py [--part dev|test|all]

Same as `eventwire eval --only realnews`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("realnews", __doc__.splitlines()[0])
