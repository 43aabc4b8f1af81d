"""`eventwire serve`: the API and the web page (FastAPI + uvicorn)."""
from __future__ import annotations

import errno
import os
import socket
from typing import Optional

import typer

from eventwire.cli.app import fail, app
from eventwire.cli.db import DbOpt, open_db


@app.command()
def serve(db: Optional[str] = DbOpt, host: str = typer.Option("127.0.0.1", "--host", help="Bind address (loopback by default)."),
          port: int = typer.Option(8000, "--port"),
          token: Optional[str] = typer.Option(None, "--token", envvar="EVENTWIRE_TOKEN",
                                              help="Enables POST /api/articles for requests bearing this token.")) -> None:
    """Serve the REST API and the map/timeline page over the event database."""
    import uvicorn

    from eventwire.api import create_app
    from eventwire.store import StoreError

    open_db(db).close()  # a path that holds no database is refused, never created empty
    sock = listening_socket(host, port)  # bound before "serving on" is said: a busy port is an error
    try:
        application = create_app(db, token=token or os.environ.get("EVENTWIRE_TOKEN"))
    except StoreError as e:
        sock.close()
        fail(str(e))
    typer.echo(f"eventwire: serving {db or 'eventwire.db'} on http://{host}:{port}/ (API docs at /docs)", err=True)
    server = uvicorn.Server(uvicorn.Config(application, host=host, port=port, log_level="warning"))
    server.run(sockets=[sock])


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (as uvicorn binds: SO_REUSEADDR), or a one-line error and exit 2."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as e:
        fail(f"cannot serve on {host}:{port}: unknown --host ({e})")
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as e:
        sock.close()
        busy = e.errno == errno.EADDRINUSE
        fail(f"cannot serve on {host}:{port}: " + ("the port is in use (another server?): choose one with --port"
                                                    if busy else (e.strerror or str(e))))
    sock.set_inheritable(True)
    return sock


@app.command()
def spark(input_path: str = typer.Argument(..., help="JSON Lines file/folder or Parquet of articles."),
          output: str = typer.Argument(..., help="Folder for events/, mentions/ and rejects/ (Parquet)."),
          master: str = typer.Option("local[*]", "--master", help="Spark master URL, e.g. local[2] or spark://host:7077."),
          partitions: Optional[int] = typer.Option(None, "--partitions", help="Repartition the input first."),
          dedup: bool = typer.Option(True, "--dedup/--no-dedup", help="Merge reports of one event across articles.")) -> None:
    """Code a corpus on Apache Spark (pyspark) and write Parquet events."""
    try:
        from eventwire.scale.spark import run
    except ImportError:
        typer.echo("eventwire: Spark needs pyspark: pip install 'eventwire[spark]' (and Java 17)", err=True)
        raise typer.Exit(2)
    import json
    from pathlib import Path

    if "://" not in input_path and not Path(input_path).exists():
        typer.echo(f"eventwire: {input_path}: no such file or folder", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps(run(input_path, output, master, partitions, dedup)))
