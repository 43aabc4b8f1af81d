"""TimeML values end to end on TimeBank+AQUAINT through eventwire annotate.

    python eval/timebank.py [--part dev|test|all]

Same as `eventwire eval --only timebank`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("timebank", __doc__.splitlines()[0])
