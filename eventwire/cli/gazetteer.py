"""Gazetteer commands: ``eventwire gazetteer import FILE...`` (registered on the main typer app)."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import List

import typer

from eventwire.cli.app import app

gazetteer_app = typer.Typer(no_args_is_help=True, help="The offline GeoNames gazetteer: add places from GeoNames dumps.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def import_(files: List[Path] = typer.Argument(..., help="GeoNames files: allCountries.zip, XX.zip, cities500.zip, "
                                                          "the .txt inside them, alternateNamesV2.zip/.txt.")) -> None:
    """Add GeoNames places (towns, divisions to ADM3, camps, oases, hills, rivers...) to the index."""
    from eventwire.places import gazetteer
    from eventwire.places.importer import import_files

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        typer.echo(f"eventwire: no such file: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    try:
        summary = import_files(files)
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, ValueError) as e:
        typer.echo(f"eventwire: cannot import: {e}", err=True)
        raise typer.Exit(2) from None
    kept = ", ".join(f"{n:,} {feature}" for feature, n in summary.kept.most_common()) or "no places"
    typer.echo(f"read {summary.rows:,} rows from {summary.files} file(s): kept {kept}; "
               f"{summary.names:,} alternate names; {summary.malformed:,} malformed rows skipped")
    typer.echo(f"{summary.total_places:,} imported places in {summary.path}; building the index...")
    gazetteer.load.cache_clear()
    gaz = gazetteer.load()
    typer.echo(f"index ready: {len(gaz.entries):,} entries under {len(gaz.index):,} names")
