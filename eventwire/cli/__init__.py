"""The command line: a thin typer layer over the library (``main.py`` the commands that code
articles, ``db.py`` the database ones, ``serve.py`` the web server, ``app.py`` shared options)."""


def main() -> None:
    from eventwire.cli.main import main as run

    run()
