"""Actor and recipient spans against ConfliBERT's source/target spans, through eventwire code.

    python eval/actor_spans.py [--part dev|test|all]

Same as `eventwire eval --only actor-spans`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("actor-spans", __doc__.splitlines()[0])
