"""Shared pieces of the command line: the typer app, common options, failure and output helpers."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional, TextIO

import typer

from .ingest import DEFAULT_MAX_BYTES, Rejected, normalise_date, read_paths
from .model import Article

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: code news articles into sourced, geocoded, dated event records.")

PathsArg = typer.Argument(..., help="Files (.txt .html .jsonl), directories, or - for stdin.")
PublishedOpt = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for inputs that lack one.")
MaxBytesOpt = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Reject inputs larger than this.")


def _fail(message: str) -> None:
    typer.echo(f"eventwire: {message}", err=True)
    raise typer.Exit(2)


@contextmanager
def _output(path: Optional[Path]) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def _articles(paths: List[str], published: Optional[str], max_bytes: int, stats: dict) -> Iterator[Article]:
    try:
        published = normalise_date(published)
    except ValueError as e:
        _fail(str(e))
    for item in read_paths(paths, published, max_bytes):
        if isinstance(item, Rejected):
            stats["rejected"] += 1
            typer.echo(f"eventwire: rejected {item}", err=True)
        else:
            stats["read"] += 1
            yield item


def _finish(stats: dict) -> None:
    if stats["read"] == 0 and stats["rejected"]:
        raise typer.Exit(2)
    if stats["rejected"]:
        raise typer.Exit(1)
