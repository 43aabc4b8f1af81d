"""The event contract as a Spark schema (nested, as the JSON record), plus the corpus-level fields."""
from __future__ import annotations


def event_schema():
    from pyspark.sql.types import (ArrayType, DoubleType, LongType, StringType, StructField, StructType)

    s, i, d = StringType(), LongType(), DoubleType()

    def struct(*fields) -> StructType:
        return StructType([StructField(n, t, True) for n, t in fields])

    party = struct(("text", s), ("name", s), ("country", s), ("sector", s), ("start", i), ("end", i), ("why", s),
                   ("refers_to", s))
    span = struct(("text", s), ("start", i), ("end", i))
    return struct(
        ("id", s),
        ("article", struct(("id", s), ("title", s), ("url", s), ("source", s), ("published", s))),
        ("type", s), ("mode", s),
        ("acled", struct(("event_type", s), ("sub_event_type", s))),
        ("actor", party), ("recipient", party),
        ("location", struct(("text", s), ("name", s), ("geonameid", i), ("country", s), ("admin1", s), ("admin2", s),
                            ("lat", d), ("lon", d), ("precision", s), ("feature", s), ("start", i), ("end", i), ("why", s))),
        ("when", struct(("text", s), ("start", s), ("end", s), ("precision", s), ("timex", s), ("source", s),
                        ("start_char", i), ("end_char", i))),
        ("quantities", ArrayType(struct(("kind", s), ("value", i), ("approx", s), ("text", s), ("start", i), ("end", i)))),
        ("reported_by", party),
        ("certainty", s),
        ("evidence", struct(("sentence", s), ("start", i), ("end", i), ("trigger", span), ("mentions", ArrayType(span)))),
        ("confidence", d),
        ("coder", struct(("name", s), ("version", s), ("backend", s))),
        # corpus level (cross-article dedup)
        ("n_mentions", i), ("n_sources", i), ("first_reported", s), ("fatalities", i),
        ("mentions", ArrayType(struct(("id", s), ("article_id", s), ("source", s), ("published", s), ("score", d), ("why", s)))),
        ("claims", ArrayType(struct(("kind", s), ("value", i), ("approx", s), ("text", s), ("mention", s), ("article", s),
                                    ("source", s), ("reported_by", s)))),
    )
