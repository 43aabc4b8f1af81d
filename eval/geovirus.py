"""Geoparsing end to end on GeoVirus (WikiNews) through eventwire annotate.

    python eval/geovirus.py [--part dev|test|all]

Same as `eventwire eval --only geovirus`; the metrics are described in docs/evaluation.md.
"""
from _run import main

if __name__ == "__main__":
    main("geovirus", __doc__.splitlines()[0])
