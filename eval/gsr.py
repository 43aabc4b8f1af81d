"""PLOVER GSR: first event's type and actor/recipient country through eventwire code.

    python eval/gsr.py [--part dev|test|all]

Same as `eventwire eval --only plover-gsr`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("plover-gsr", __doc__.splitlines()[0])
