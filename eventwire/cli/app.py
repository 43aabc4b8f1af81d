"""Shared pieces of the command line: the typer app, common options, failure and output helpers."""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, List, Optional, TextIO

import typer

from eventwire.readers.articles import DEFAULT_MAX_BYTES, PUBLISHED_FORMS, Rejected, normalise_date, read_paths
from eventwire.model import Article

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: code news articles into sourced, geocoded, dated event records.")

PathsArg = typer.Argument(..., help="Files (.txt .html .jsonl), directories, or - for stdin.")
PublishedOpt = typer.Option(None, "--published", help=f"Publication date for inputs that lack one: {PUBLISHED_FORMS}.")
MaxBytesOpt = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Reject inputs larger than this.")


def fail(message: str) -> None:
    typer.echo(f"eventwire: {message}", err=True)
    raise typer.Exit(2)


@contextmanager
def output_to(path: Optional[Path]) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


class _Echo(logging.Handler):
    """eventwire's warnings (an input's unreadable date, ...) as one stderr line each."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(f"eventwire: warning: {record.getMessage()}", err=True)


def warnings_to_stderr() -> None:
    logger = logging.getLogger("eventwire")
    if not any(isinstance(h, _Echo) for h in logger.handlers):
        logger.addHandler(_Echo(logging.WARNING))


def rejecter(stats: dict) -> Callable[[Rejected], None]:
    """Count a rejected input (unreadable, or failed while coding) and name it on stderr."""
    def reject(item: Rejected) -> None:
        stats["rejected"] += 1
        typer.echo(f"eventwire: rejected {item}", err=True)
    return reject


def read_articles(paths: List[str], published: Optional[str], max_bytes: int, stats: dict) -> Iterator[Article]:
    warnings_to_stderr()
    try:
        published = normalise_date(published)
    except ValueError as e:
        fail(f"--published: {e}")
    reject = rejecter(stats)
    for item in read_paths(paths, published, max_bytes):
        if isinstance(item, Rejected):
            reject(item)
            continue
        stats["read"] += 1
        if item.published is None and not stats.get("undated"):
            stats["undated"] = True  # said once per run
            typer.echo(f"eventwire: note: {item.origin} has no publication date, so relative dates "
                       "(\"on Tuesday\", \"yesterday\") stay unresolved; give one with --published YYYY-MM-DD", err=True)
        yield item


def finish(stats: dict) -> None:
    if stats["read"] == 0 and stats["rejected"]:
        raise typer.Exit(2)
    if stats["rejected"]:
        raise typer.Exit(1)
