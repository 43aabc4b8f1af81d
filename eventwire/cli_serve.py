"""`eventwire serve`: the API and the web page (FastAPI + uvicorn)."""
from __future__ import annotations

import os
from typing import Optional

import typer

from .cli_app import app
from .cli_db import DbOpt


@app.command()
def serve(db: Optional[str] = DbOpt, host: str = typer.Option("127.0.0.1", "--host", help="Bind address (loopback by default)."),
          port: int = typer.Option(8000, "--port"),
          token: Optional[str] = typer.Option(None, "--token", envvar="EVENTWIRE_TOKEN",
                                              help="Enables POST /api/articles for requests bearing this token.")) -> None:
    """Serve the REST API and the map/timeline page over the event database."""
    import uvicorn

    from .api import create_app

    typer.echo(f"eventwire: serving {db or 'eventwire.db'} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(create_app(db, token=token or os.environ.get("EVENTWIRE_TOKEN")), host=host, port=port, log_level="warning")
