"""plv-train (evaluation only): PLOVER type macro-F1 and dyads through eventwire code.

    python eval/plv.py [--part dev|test|all]

Same as `eventwire eval --only plv-train`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("plv-train", __doc__.splitlines()[0])
