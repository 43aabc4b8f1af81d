"""The command line: a thin layer over the library.

Exit status: 0 all inputs coded; 1 some inputs were rejected (each named on stderr: unreadable, or
failed while being coded, with the traceback in :func:`eventwire.ingest.error_log_path`); 2 usage
error or nothing could be read; 3 the program itself crashed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from eventwire import __version__
from eventwire.cli.app import (MaxBytesOpt, PathsArg, PublishedOpt, read_articles, fail, finish, output_to, app, rejecter, warnings_to_stderr)
from eventwire.readers.articles import Rejected, failure, normalise_date

@app.command()
def code(paths: List[str] = PathsArg, published: Optional[str] = PublishedOpt,
         fmt: str = typer.Option("jsonl", "--format", help="jsonl (the event contract), csv or table."),
         out: Optional[Path] = typer.Option(None, "--out", help="Write here instead of stdout."),
         hypothetical: bool = typer.Option(False, "--hypothetical", help="Also emit future/conditional events."),
         workers: int = typer.Option(1, "--workers", help="Processes that code articles (one per core)."),
         backend: str = typer.Option("hybrid", "--backend", help="rules | learned | hybrid (see docs/learned.md)."),
         outlet_homes: bool = typer.Option(False, "--outlet-homes",
                                           help="Learn each outlet's home area from its earlier articles and prefer "
                                                "places near it (local news; results depend on input order)."),
         max_bytes: int = MaxBytesOpt) -> None:
    """Code the events in each article."""
    from eventwire.formats.output import Writer
    from eventwire.scale.parallel import code_records

    from eventwire.events.backends import BACKENDS

    if fmt not in ("jsonl", "csv", "table"):
        fail(f"unknown --format {fmt!r}: use jsonl, csv or table")
    if backend not in BACKENDS:
        fail(f"unknown --backend {backend!r}: use {', '.join(BACKENDS)}")
    stats = {"read": 0, "rejected": 0}
    with output_to(out) as stream:
        writer = Writer(stream, fmt)
        for _, records in code_records(read_articles(paths, published, max_bytes, stats), workers, hypothetical,
                                       backend=backend, outlet_homes=outlet_homes, on_error=rejecter(stats)):
            writer.write_records(records)
        writer.close()
    finish(stats)


@app.command()
def annotate(paths: List[str] = PathsArg, published: Optional[str] = PublishedOpt,
             out: Optional[Path] = typer.Option(None, "--out"), max_bytes: int = MaxBytesOpt) -> None:
    """One JSON line per article with every layer found: places, times, actors, quantities."""
    from eventwire.scale.parallel import annotate_article
    from eventwire.pipeline import Pipeline

    stats = {"read": 0, "rejected": 0}
    reject = rejecter(stats)
    pipeline = Pipeline()
    with output_to(out) as stream:
        for article in read_articles(paths, published, max_bytes, stats):
            layers = annotate_article(pipeline, article)
            if isinstance(layers, Rejected):
                reject(layers)
            else:
                stream.write(json.dumps(layers, ensure_ascii=False) + "\n")
    finish(stats)


@app.command()
def places(name: str = typer.Argument(..., help="A place name as written in an article.")) -> None:
    """Show the gazetteer candidates for a name and how each scores without article context."""
    from eventwire.places import gazetteer

    gaz = gazetteer.load()
    cands = gaz.lookup(name)
    if not cands:
        typer.echo(f"no gazetteer entry named {name!r}")
        raise typer.Exit(1)
    order = sorted(cands, key=lambda c: (c[1], gazetteer.FEATURE_ORDER.get(c[0].feature, 5), -c[0].population))
    for e, alt in order[:25]:
        typer.echo(f"{e.name}\t{e.feature}\t{e.country or ''}\t{gaz.admin1_name(e) or ''}\tpop {e.population:,}\t"
                   f"{e.lat:.4f},{e.lon:.4f}\t{gazetteer.entry_source(e)}{'	(alternate name)' if alt else ''}")


@app.command()
def actors(name: str = typer.Argument(..., help="An actor as written, e.g. \"Ukraine's defence minister\"."),
           date: Optional[str] = typer.Option(None, "--date", help="Code roles as on this date.")) -> None:
    """Show how a noun phrase is coded (country, sector) and why."""
    from eventwire.actors import kb as kb_mod
    from eventwire.parse import nlp
    from eventwire.actors.coder import ActorCoder

    try:
        date = normalise_date(date)
    except ValueError as e:
        fail(f"--date: {e}")
    doc = nlp.load()(name)
    root = next(t for t in doc if t.head.i == t.i)
    party = ActorCoder(kb_mod.load(), date).code(root)
    typer.echo(json.dumps(party.to_dict() if party else None, ensure_ascii=False, indent=2))


@app.command("train")
def train_cmd(shared: Path = typer.Option(Path("../shared"), "--shared", help="Folder holding data/ (synthetic-plover, plover-gsr, rams-dev, wikievents-dev, geoparsing-lgl)."),
              out: Optional[Path] = typer.Option(None, "--out", help="Write the weights here (default: the packaged model and its card)."),
              epochs: int = typer.Option(3, "--epochs", help="Passes over the training data.")) -> None:
    """Fine-tune the event model on CPU (about 20 minutes on two cores; docs/learned.md)."""
    from eventwire.events import eventmodel
    from eventwire.training.train import train

    try:
        card = train(shared, out or eventmodel.MODEL_PATH, log=lambda m: typer.echo(m, err=True), epochs=epochs)
    except FileNotFoundError as e:
        fail(str(e))
    typer.echo(json.dumps(card, indent=1, default=str))


@app.command("eval")
def eval_cmd(shared: Path = typer.Option(Path("../shared"), "--shared", help="Folder holding seed/ and data/."),
             part: List[str] = typer.Option(["dev", "test"], "--part", help="dev, test or all (repeatable)."),
             only: Optional[List[str]] = typer.Option(None, "--only", help="One dataset (repeatable): acled-notes, lgl, geovirus, "
                                                       "timebank, event-location, plv-train, plover-gsr, actor-spans, "
                                                       "realnews, wire, seed+examples."),
             write_docs: Optional[Path] = typer.Option(None, "--write-docs", help="Also write the table as Markdown here."),
             as_json: bool = typer.Option(False, "--json", help="Print JSON instead of the table."),
             backends: bool = typer.Option(False, "--backends", help="Compare the rules, learned and hybrid backends "
                                           "instead (seed, examples, GSR 5-fold; needs the train extra).")) -> None:
    """Score the product path (what `code` and `annotate` run) on every dev set in ../shared/data."""
    if backends:
        try:
            from eventwire.training.compare import run as run_backends, table as backends_table
        except ImportError as e:
            fail(f"--backends needs the event model's packages ({e}): make setup")
        result = run_backends(shared, log=lambda m: typer.echo(m, err=True))
        typer.echo(json.dumps(result, indent=1) if as_json else backends_table(result))
        return
    from eventwire.evaluation import docs as eval_docs
    from eventwire.evaluation import runner

    bad = [p for p in part if p not in ("dev", "test", "all")]
    if bad:
        fail(f"--part {bad[0]!r}: use dev, test or all")
    result = runner.run(shared, part, only, log=lambda m: typer.echo(m, err=True))
    typer.echo(json.dumps(result, indent=1) if as_json else runner.table(result))
    if write_docs is not None:
        write_docs.write_text(eval_docs.render(result), encoding="utf-8")
        typer.echo(f"wrote {write_docs}", err=True)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


from eventwire.cli import db as cli_db  # noqa: E402,F401  (registers ingest, query, export, why)
from eventwire.cli import gazetteer as cli_gazetteer  # noqa: E402,F401  (registers gazetteer import)
from eventwire.cli import serve as cli_serve  # noqa: E402,F401  (registers serve)


def main() -> None:
    warnings_to_stderr()
    try:
        app()
    except Exception as e:  # a crash of the program itself (one input's failure is a rejection, exit 1)
        typer.echo(f"eventwire: crashed: {failure('eventwire', e, 'the program').reason}", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
