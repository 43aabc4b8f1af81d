"""Database commands: ingest, query, export, why (registered on the main typer app)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from eventwire.cli.app import MaxBytesOpt, PathsArg, PublishedOpt, fail, output_to, app
from eventwire.readers.articles import normalise_date

DbOpt = typer.Option(None, "--db", help="sqlite:///file.db, postgresql://user@host/db, or a file path "
                                         "(default: eventwire.db; env EVENTWIRE_DB).", envvar="EVENTWIRE_DB")


DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-03-01)"


def open_db(db: Optional[str], create: bool = False):
    """The database; only ``ingest`` (create=True) may make a new SQLite file: a read-only command
    given a mistyped path must say so, not answer from a new empty database."""
    from eventwire.store import StoreError, open_store, sqlite_path

    path = sqlite_path(db)
    if not create and path is not None and not Path(path).is_file():
        fail(f"no database at {path}: `eventwire ingest FILES --db {path}` creates one")
    try:
        return open_store(db)
    except StoreError as e:
        fail(str(e))


def date_option(option: str, value: Optional[str], end: bool = False) -> Optional[str]:
    """YYYY-MM-DD for a date option; a month or year stands for its first day (its last with
    ``end``). Anything else, "12/06/2025" (which day is it?) or a 13th month, fails naming the option."""
    import calendar
    import datetime as dt
    import re

    if value is None:
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1).isoformat()
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 12 if end else 1, 31 if end else 1).isoformat()
    except ValueError:
        pass
    fail(f"{option} {value!r} is not a date: use {DATE_FORMS}")
    return None


def _filter(type_: Optional[str], country: Optional[str], actor: Optional[str], since: Optional[str],
            until: Optional[str], bbox: Optional[str], text: Optional[str], sector: Optional[str] = None,
            mode: Optional[str] = None, min_sources: Optional[int] = None):
    from eventwire.store.filters import EventFilter, parse_bbox
    from eventwire.store.names import check_country

    since, until = date_option("--since", since), date_option("--until", until, end=True)
    try:  # InvalidFilter and UnknownName (ValueErrors) say which value is wrong, in one line
        return EventFilter(type=type_, mode=mode, country=country and check_country(country), actor=actor,
                           sector=sector, since=since, until=until, bbox=parse_bbox(bbox), text=text,
                           min_sources=min_sources)
    except ValueError as e:
        fail(str(e))


TypeOpt = typer.Option(None, "--type", help="PLOVER type, e.g. ASSAULT.")
CountryOpt = typer.Option(None, "--country", help="Country of the place or of either party: name or ISO code (Sudan, SDN).")
ActorOpt = typer.Option(None, "--actor", help="Words in the actor's or recipient's text or name, or an alias (RSF).")
SinceOpt = typer.Option(None, "--since", help=f"Events ending on or after this day: {DATE_FORMS}.")
UntilOpt = typer.Option(None, "--until", help=f"Events starting on or before this day: {DATE_FORMS}.")
BboxOpt = typer.Option(None, "--bbox", help="min_lon,min_lat,max_lon,max_lat.")
TextOpt = typer.Option(None, "--text", help="Words in any report of the event (full-text index).")


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
    from eventwire.dedup.across import DedupConfig

    try:
        published = normalise_date(published)
    except ValueError as e:
        fail(str(e))
    store = open_db(db, create=True)
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
    from eventwire.scale.corpus import ingest as run_ingest

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
    from eventwire.store import canonical_record
    from eventwire.store.filters import SORTS, check_count

    if fmt not in ("table", "json"):
        fail(f"unknown --format {fmt!r}: use table or json")
    flt = _filter(type_, country, actor, since, until, bbox, text, min_sources=min_sources)
    if sort not in SORTS:
        fail(f"unknown --sort {sort!r}: use one of {', '.join(SORTS)}")
    try:
        check_count("limit", limit)
    except ValueError as e:
        fail(f"--{e}")
    store = open_db(db)  # after the options: a typo in them is named before the database is looked at
    rows = store.events(flt, limit=limit, sort=sort)
    sources = store.sources([r["id"] for r in rows])
    recs = [dict(canonical_record(r), sources=sources.get(r["id"], [])) for r in rows]
    if fmt == "json":
        typer.echo(json.dumps({"total": store.count(flt), "events": recs}, ensure_ascii=False, indent=1))
    else:
        typer.echo(event_table(recs).rstrip())
        typer.echo(f"{len(recs)} of {store.count(flt)} events")


def event_table(recs: list[dict]) -> str:
    """One line per event: its id (for `eventwire why`), what, where, how many died, and which
    article and outlets report it."""
    import io

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("event id", "date", "type", "actor -> recipient", "place", "fatalities", "article", "outlets"):
        t.add_column(col, no_wrap=col == "event id", overflow="fold")
    party = lambda p: (p.get("name") or p.get("text")) if p else "?"  # noqa: E731
    for r in recs:
        loc = r.get("location") or {}
        place = ", ".join(x for x in (loc.get("name"), loc.get("country")) if x)
        cells = (r["id"], (r.get("when") or {}).get("start") or r["article"].get("published") or "?", r["type"],
                 f"{party(r.get('actor'))} -> {party(r.get('recipient'))}", place or "-",
                 "" if r.get("fatalities") is None else str(r["fatalities"]), r["article"].get("id") or "",
                 "; ".join(r.get("sources") or []) or (r["article"].get("source") or ""))
        t.add_row(*[escape(str(c)) for c in cells])
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=False).print(t)
    return buf.getvalue()


@app.command()
def export(db: Optional[str] = DbOpt, fmt: str = typer.Option("jsonl", "--format",
           help="jsonl | csv | parquet | geojson | acled-csv"),
           out: Optional[Path] = typer.Option(None, "--out", help="Write here (stdout by default; parquet needs --out)."),
           type_: Optional[str] = TypeOpt, country: Optional[str] = CountryOpt, actor: Optional[str] = ActorOpt,
           since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, bbox: Optional[str] = BboxOpt,
           text: Optional[str] = TextOpt) -> None:
    """Export the canonical events (one per real-world event, with every mention and source)."""
    from eventwire.formats.export import FORMATS, write

    if fmt not in FORMATS:
        fail(f"unknown --format {fmt!r}: use one of {', '.join(FORMATS)}")
    flt = _filter(type_, country, actor, since, until, bbox, text)
    store = open_db(db)
    if fmt == "parquet":
        if out is None:
            fail("parquet is binary: give --out FILE.parquet")
            return
        with open(out, "wb") as f:
            n = write(store, fmt, f, flt)
    else:
        with output_to(out) as stream:
            n = write(store, fmt, stream, flt)
    typer.echo(f"eventwire: exported {n} events", err=True)


@app.command()
def why(event_id: str = typer.Argument(..., help="An event id (or the id of one of its mentions)."),
        db: Optional[str] = DbOpt) -> None:
    """Why the database holds this event: each report of it, and why it was merged."""
    store = open_db(db)
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
