"""The files under ``eventwire/data``: one place that knows where they are and how tables read
(the ground floor: imports nothing of ours)."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_lines(filename: str) -> Iterator[list[str]]:
    """Rows of a tab-separated table, skipping comments and blank lines."""
    with resources.files("eventwire.data").joinpath(filename).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def read_json(filename: str) -> Any:
    return json.loads(resources.files("eventwire.data").joinpath(filename).read_text("utf-8"))


def read_bytes(filename: str) -> bytes:
    return resources.files("eventwire.data").joinpath(filename).read_bytes()
