import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp():
    from eventwire import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "seed" / "kursk-captives.txt").exists():
        pytest.skip("../shared is not present (a user's clone has none)")
    return SHARED


def code_sentence(pipeline, text, published="2025-01-11"):
    return [e.to_dict() for e in pipeline.code(text, published=published)]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
