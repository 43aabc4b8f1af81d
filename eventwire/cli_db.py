"""Database commands: ingest, query, export, why (registered on the main typer app)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cli_app import MaxBytesOpt, PathsArg, PublishedOpt, _fail, _output, app
from .ingest import normalise_date

DbOpt = typer.Option(None, "--db", help="sqlite:///file.db, postgresql://user@host/db, or a file path "
                                         "(default: eventwire.db; env EVENTWIRE_DB).", envvar="EVENTWIRE_DB")


def _store(db: Optional[str]):
    from .store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as e:
        _fail(str(e))


def _filter(type_: Optional[str], country: Optional[str], actor: Optional[str], since: Optional[str],
            until: Optional[str], bbox: Optional[str], text: Optional[str], sector: Optional[str] = None,
            mode: Optional[str] = None, min_sources: Optional[int] = None):
    from .store.filters import EventFilter, parse_bbox

    try:  # InvalidFilter (a ValueError) says which value is wrong, in one line
        return EventFilter(type=type_, mode=mode, country=country, actor=actor, sector=sector,
                           since=since, until=until, bbox=parse_bbox(bbox), text=text, min_sources=min_sources)
    except ValueError as e:
        _fail(str(e))


TypeOpt = typer.Option(None, "--type", help="PLOVER type, e.g. ASSAULT.")
CountryOpt = typer.Option(None, "--country", help="ISO3 of the place or of either party.")
ActorOpt = typer.Option(None, "--actor", help="Words in the actor's or recipient's text or name.")
SinceOpt = typer.Option(None, "--since", help="Events ending on or after YYYY-MM-DD.")
UntilOpt = typer.Option(None, "--until", help="Events starting on or before YYYY-MM-DD.")
BboxOpt = typer.Option(None, "--bbox", help="min_lon,min_lat,max_lon,max_lat.")
TextOpt = typer.Option(None, "--text", help="Words in the evidence sentence.")


@app.command()
def ingest(paths: List[str] = PathsArg, db: Optional[str] = DbOpt, published: Optional[str] = PublishedOpt,
           workers: int = typer.Option(1, "--workers", help="Processes that code articles (cores)."),
           batch_size: int = typer.Option(32, "--batch-size", help="Articles per committed transaction."),
           radius_km: float = typer.Option(50.0, "--radius-km", help="Dedup: how far apart one event's places may be."),
           slack_days: int = typer.Option(1, "--date-slack", help="Dedup: days of slack between reported dates."),
           threshold: float = typer.Option(0.55, "--merge-threshold", help="Dedup: score needed to merge (0-1)."),
           quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
           watch: float = typer.Option(0, "--watch", help="Keep running: look for new files every N seconds (Ctrl-C stops)."),
           max_bytes: int = MaxBytesOpt) -> None:
    """Code articles into the event database; re-running skips what is stored; reports merge across outlets."""
    from .cluster import DedupConfig

    try:
        published = normalise_date(published)
    except ValueError as e:
        _fail(str(e))
    store = _store(db)
    cfg = DedupConfig(radius_km=radius_km, slack_days=slack_days, threshold=threshold)
    while True:
        report = _ingest_once(paths, store, published, workers, batch_size, cfg, max_bytes, quiet)
        if watch <= 0:
            break
        try:  # a folder that keeps receiving files: stored texts are skipped by their hash
            import time

            time.sleep(watch)
        except KeyboardInterrupt:
            break
    if report.read == 0 and report.rejected:
        raise typer.Exit(2)
    if report.rejected:
        raise typer.Exit(1)


def _ingest_once(paths, store, published, workers, batch_size, cfg, max_bytes, quiet):
    from .corpus import ingest as run_ingest

    reject = lambda r: typer.echo(f"eventwire: rejected {r}", err=True)  # noqa: E731
    if quiet or not sys.stderr.isatty():
        report = run_ingest(paths, store, published, workers, batch_size, cfg, max_bytes, on_reject=reject)
    else:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True) as bar:
            task = bar.add_task("coding", total=None)
            report = run_ingest(paths, store, published, workers, batch_size, cfg, max_bytes, on_reject=reject,
                                on_article=lambda r: bar.update(task, description=f"coded {r.coded} articles, "
                                                                f"{r.skipped} already stored, {r.rejected} rejected"))
    typer.echo(f"eventwire: {report.summary()}", err=True)
    return report


@app.command()
def query(db: Optional[str] = DbOpt, type_: Optional[str] = TypeOpt, country: Optional[str] = CountryOpt,
          actor: Optional[str] = ActorOpt, since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt,
          bbox: Optional[str] = BboxOpt, text: Optional[str] = TextOpt,
          min_sources: Optional[int] = typer.Option(None, "--min-sources", help="Reported by at least N sources."),
          fmt: str = typer.Option("table", "--format", help="table or json."),
          limit: int = typer.Option(50, "--limit"), sort: str = typer.Option("-date", "--sort")) -> None:
    """Find stored events by type, country, actor, dates, area or words."""
    from .output import flat, table
    from .store import canonical_record

    if fmt not in ("table", "json"):
        _fail(f"unknown --format {fmt!r}: use table or json")
    store = _store(db)
    flt = _filter(type_, country, actor, since, until, bbox, text, min_sources=min_sources)
    try:
        rows = store.events(flt, limit=limit, sort=sort)
    except ValueError as e:
        _fail(str(e))
    recs = [canonical_record(r) for r in rows]
    if fmt == "json":
        typer.echo(json.dumps({"total": store.count(flt), "events": recs}, ensure_ascii=False, indent=1))
    else:
        typer.echo(table([flat(r) for r in recs]).rstrip())
        typer.echo(f"{len(recs)} of {store.count(flt)} events")


@app.command()
def export(db: Optional[str] = DbOpt, fmt: str = typer.Option("jsonl", "--format",
           help="jsonl | csv | parquet | geojson | acled-csv"),
           out: Optional[Path] = typer.Option(None, "--out", help="Write here (stdout by default; parquet needs --out)."),
           type_: Optional[str] = TypeOpt, country: Optional[str] = CountryOpt, actor: Optional[str] = ActorOpt,
           since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, bbox: Optional[str] = BboxOpt,
           text: Optional[str] = TextOpt) -> None:
    """Export the canonical events (one per real-world event, with every mention and source)."""
    from .export import FORMATS, write

    if fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}: use one of {', '.join(FORMATS)}")
    flt = _filter(type_, country, actor, since, until, bbox, text)
    store = _store(db)
    if fmt == "parquet":
        if out is None:
            _fail("parquet is binary: give --out FILE.parquet")
        with open(out, "wb") as f:
            n = write(store, fmt, f, flt)
    else:
        with _output(out) as stream:
            n = write(store, fmt, stream, flt)
    typer.echo(f"eventwire: exported {n} events", err=True)


@app.command()
def why(event_id: str = typer.Argument(..., help="An event id (or the id of one of its mentions)."),
        db: Optional[str] = DbOpt) -> None:
    """Why the database holds this event: each report of it, and why it was merged."""
    store = _store(db)
    row = store.event(event_id)
    if row is None:
        typer.echo(f"eventwire: no event {event_id!r} in {store.url}", err=True)
        raise typer.Exit(1)
    rec = json.loads(row["record"])
    where = (rec.get("location") or {}).get("name") or "?"
    typer.echo(f"{row['id']}  {row['type']}/{row['mode'] or '-'}  {row['date_start'] or '?'}  {where}  "
               f"{row['n_mentions']} reports from {row['n_sources']} sources, first {row['first_reported'] or '?'}")
    for k in ("actor", "recipient", "location"):
        if rec.get(k):
            typer.echo(f"  {k}: {rec[k].get('text')} -> {rec[k].get('country') or '?'}"
                       f"{'/' + rec[k]['sector'] if rec[k].get('sector') else ''}  ({rec[k].get('why') or ''})")
    for m in store.mentions(row["id"]):
        ev = json.loads(m["record"])["evidence"]
        typer.echo(f"- {m['source'] or m['article_id']} ({m['published'] or 'undated'}): \"{ev['sentence'][:160]}\"")
        typer.echo(f"    {m['why']}")
    claims = json.loads(row["claims"])
    if claims:
        typer.echo("claims: " + "; ".join(f"{c['kind']} {c['value']} ({c['source'] or c['article']}"
                                          f"{', per ' + c['reported_by'] if c['reported_by'] else ''})" for c in claims))
