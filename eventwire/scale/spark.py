"""eventwire on Apache Spark: code a corpus in ``mapPartitions``, deduplicate across articles, write Parquet.

    eventwire spark corpus.jsonl out/ --master local[2]
    spark-submit --master yarn --archives env.tar.gz#env eventwire/scale/spark.py corpus/ out/   # see docs/spark.md

Input: JSON Lines (one article per line, as `eventwire code` reads them) or Parquet with the
same columns (``id``, ``text`` or ``html``, ``title``, ``url``, ``published``, ``source``).
Output: ``OUT/events`` (Parquet, one row per real-world event in the contract's nested schema
plus ``n_mentions``, ``n_sources``, ``mentions``, ``claims``), ``OUT/mentions`` (every coded
report and the event it was merged into, with the reason) and ``OUT/rejects`` (input, reason).

Each Python worker loads the pipeline once (module-level, reused across partitions and tasks).
Dedup runs the same rules as the database (:mod:`eventwire.cluster`) inside blocks of one
event type and one 7-day bucket of the event date, in input order (as the database ingests). Decision: two reports
of one event whose dates straddle a bucket edge (within the 1-day slack) stay apart on Spark
where the database would merge them; blocks keep the stage linear in corpus size.
"""
from __future__ import annotations

import json
import sys
from typing import Any, Iterable, Iterator, Optional

from eventwire.dedup.across import DedupConfig, best_match, date_range
from eventwire.readers.articles import Rejected, failure, record_to_article
from eventwire.scale.parallel import code_article
from eventwire.store.records import claims as event_claims, fill  # the same merge rules as the database
from eventwire.store import mention_id, text_key

_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:  # once per Python worker process, not per task
        from eventwire.pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


def code_partition(rows: Iterable[Any]) -> Iterator[tuple[str, str]]:
    """(kind, json) for each input row: kind 'event' (a contract record) or 'reject'. A row that
    cannot be read, or whose coding raises, is one reject (the traceback in the worker's error log)."""
    pipeline = _pipeline()
    for row in rows:
        (origin, payload), seq = row
        article = _read_row(origin, payload)
        records = article if isinstance(article, Rejected) else code_article(pipeline, article)
        if isinstance(records, Rejected):
            yield "reject", json.dumps({"origin": records.origin, "reason": records.reason}, ensure_ascii=False)
            continue
        key = text_key(article.text)  # ids as the database stores them: the coder's id joined to the text hash
        for k, record in enumerate(records):
            yield "event", json.dumps(dict(record, id=mention_id(key, record["id"]), _seq=[seq, k]), ensure_ascii=False)


def _read_row(origin: str, payload: Any):
    """The row's article, or its rejection."""
    try:
        return record_to_article(json.loads(payload) if isinstance(payload, str) else payload, origin)
    except json.JSONDecodeError as e:
        return Rejected(origin, f"malformed JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return Rejected(origin, "malformed JSON (nested too deeply)")
    except (ValueError, TypeError) as e:
        return Rejected(origin, str(e))
    except Exception as e:  # the per-row isolation boundary
        return failure(origin, e, "reading")


def block_key(record: dict[str, Any]) -> str:
    """Reports that may merge share a block: one event type and one 7-day bucket of the event date."""
    import datetime as dt

    start, _ = date_range(record)
    bucket = dt.date.fromisoformat(start).toordinal() // 7 if start else "undated"
    return f"{record['type']}|{bucket}"


def dedup_block(records: Iterable[dict[str, Any]], cfg: DedupConfig = DedupConfig()) -> list[dict[str, Any]]:
    """Greedy, in input order (as the database ingests): each report joins the best-matching earlier
    event or starts one."""
    ordered = sorted(records, key=lambda r: (r.pop("_seq", [0, 0]), r["id"]))
    events: list[dict[str, Any]] = []
    for rec in ordered:
        start, _ = date_range(rec)
        pool = [e for e in events if rec["article"].get("id") not in e["_articles"]]
        target, match = best_match(rec, pool, cfg)
        mention = {"id": rec["id"], "article_id": rec["article"].get("id"), "source": rec["article"].get("source"),
                   "published": rec["article"].get("published"), "score": match.score if match else None,
                   "why": match.why if match else "first report"}
        if target is None:
            event = dict(rec, _articles={rec["article"].get("id")}, mentions=[mention], claims=event_claims(rec))
            events.append(event)
            continue
        merged = fill(target, rec)
        merged["_articles"] = target["_articles"] | {rec["article"].get("id")}
        merged["mentions"] = target["mentions"] + [mention]
        merged["claims"] = target["claims"] + event_claims(rec)
        merged["id"] = target["id"]
        events[events.index(target)] = merged
    out = []
    for e in events:
        e.pop("_articles")
        sources = {m["source"] or m["article_id"] for m in e["mentions"]}
        killed = [c["value"] for c in e["claims"] if c["kind"] == "killed"]
        e.update(n_mentions=len(e["mentions"]), n_sources=len(sources),
                 first_reported=min((m["published"] for m in e["mentions"] if m["published"]), default=None),
                 fatalities=min(killed) if killed else None)
        out.append(e)
    return out


def _input_rows(spark, path: str):
    """(origin, json payload) rows from JSON Lines or Parquet."""
    from pyspark.sql import functions as F

    if path.endswith(".parquet") or _is_parquet_dir(spark, path):
        df = spark.read.parquet(path)
        cols = [c for c in ("id", "text", "html", "title", "url", "published", "source") if c in df.columns]
        return df.select(F.concat(F.lit(path + "#"), F.monotonically_increasing_id().cast("string")).alias("origin"),
                         F.to_json(F.struct(*[F.col(c).cast("string") for c in cols])).alias("payload")).rdd
    lines = spark.read.text(path).withColumn("origin", F.input_file_name())
    return lines.where(F.trim(F.col("value")) != "").select("origin", F.col("value").alias("payload")).rdd


def _is_parquet_dir(spark, path: str) -> bool:
    from pathlib import Path

    p = Path(path)
    return p.is_dir() and any(p.glob("*.parquet"))


def run(input_path: str, output: str, master: Optional[str] = "local[2]", partitions: Optional[int] = None,
        dedup: bool = True, cfg: DedupConfig = DedupConfig(), spark=None) -> dict[str, int]:
    """Code, deduplicate and write; returns counts. Pass ``spark`` to reuse a session."""
    from pyspark.sql import SparkSession

    from eventwire.scale.schema import event_schema

    own = spark is None
    if own:
        import os

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this environment's Python
        builder = SparkSession.builder.appName("eventwire")
        if master:
            builder = builder.master(master)
        spark = builder.config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false").getOrCreate()
    try:
        rows = _input_rows(spark, input_path)
        rows = rows.zipWithIndex()  # input order, kept through repartitioning: dedup runs in it
        partitions = partitions or spark.sparkContext.defaultParallelism  # every core gets work
        if rows.getNumPartitions() != partitions:
            rows = rows.repartition(partitions)
        coded = rows.mapPartitions(code_partition).cache()
        events = coded.filter(lambda kv: kv[0] == "event").map(lambda kv: json.loads(kv[1]))
        rejects = coded.filter(lambda kv: kv[0] == "reject").map(lambda kv: kv[1])
        if dedup:
            canonical = (events.keyBy(block_key).groupByKey()
                         .flatMap(lambda kv: dedup_block(kv[1], cfg)))
        else:
            canonical = events.map(lambda r: dict(r, n_mentions=1, n_sources=1, mentions=[], claims=event_claims(r),
                                                  first_reported=r["article"].get("published"), fatalities=None))
        canonical = canonical.map(lambda r: json.dumps(r, ensure_ascii=False)).cache()
        spark.read.json(canonical, schema=event_schema()).write.mode("overwrite").parquet(f"{output}/events")
        mentions = canonical.flatMap(lambda s: [dict(m, event_id=json.loads(s)["id"]) for m in json.loads(s)["mentions"]])
        counts = {"events": canonical.count(), "reports": events.count(), "rejects": rejects.count()}
        if counts["reports"]:
            spark.createDataFrame(mentions.map(lambda m: (m["id"], m["event_id"], m["article_id"], m["source"],
                                                          m["published"], m["score"], m["why"])),
                                  "id string, event_id string, article_id string, source string, published string, "
                                  "score double, why string").write.mode("overwrite").parquet(f"{output}/mentions")
        spark.read.json(rejects, schema="origin string, reason string").write.mode("overwrite").parquet(f"{output}/rejects")
        return counts
    finally:
        if own:
            spark.stop()


def main(argv: Optional[list[str]] = None) -> None:
    """spark-submit entry point: ``spark.py INPUT OUTPUT [--partitions N] [--no-dedup]`` (master from spark-submit)."""
    import argparse

    ap = argparse.ArgumentParser(prog="eventwire-spark")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--master", default=None)
    ap.add_argument("--partitions", type=int)
    ap.add_argument("--no-dedup", action="store_true")
    a = ap.parse_args(argv)
    print(json.dumps(run(a.input, a.output, a.master, a.partitions, not a.no_dedup)))


if __name__ == "__main__":
    main(sys.argv[1:])
