"""The event's place end to end (event-location sentences) through eventwire code.

    python eval/event_location.py [--part dev|test|all]

Same as `eventwire eval --only event-location`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("event-location", __doc__.splitlines()[0])
