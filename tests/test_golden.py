"""The evaluation gate: whole articles scored against gold files; floors may rise, never fall."""
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT, load_gold
from eventwire.evaluation.scorer import score
from eventwire.model import Article

FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text())
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.txt"))


def code_file(pipeline, text_path, gold):
    article = Article(id=gold["article"]["id"], text=text_path.read_text(encoding="utf-8"),
                      published=gold["article"]["published"])
    return [e.to_dict() for e in pipeline.code(article)]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_meets_floor(pipeline, name):
    gold = load_gold(EXAMPLES / f"{name}.gold.json")
    preds = code_file(pipeline, EXAMPLES / f"{name}.txt", gold)
    result = score(gold, preds, (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    floor = FLOORS[name]
    assert result.recall >= floor["recall"], result.summary()
    assert result.precision >= floor["precision"], result.summary()
    assert result.fields_correct >= floor["fields_correct"], (result.summary(), result.rows)


def test_every_example_has_a_floor():
    assert set(EXAMPLE_NAMES) <= set(FLOORS)


@pytest.mark.slow
def test_seed_with_the_shared_scorer(shared, tmp_path):
    """The seed through the real CLI, scored by ../shared/tools/score_events.py."""
    out = tmp_path / "seed.jsonl"
    seed = shared / "seed" / "kursk-captives.txt"
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "code", str(seed), "--published", "2025-01-11",
                           "--format", "jsonl", "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    scored = subprocess.run([sys.executable, str(shared / "tools" / "score_events.py"),
                             str(shared / "seed" / "kursk-captives.gold.json"), str(out), "--article", str(seed),
                             "--json"], capture_output=True, text=True, check=True)
    result = json.loads(scored.stdout)
    floor = FLOORS["kursk-captives"]
    assert result["recall"] >= floor["recall"], result
    assert result["precision"] >= floor["precision"], result
    assert result["fields_correct"] >= floor["fields_correct"], result


def test_project_scorer_agrees_with_shared_scorer(shared, pipeline):
    sys.path.insert(0, str(shared / "tools"))
    try:
        import score_events
    finally:
        sys.path.pop(0)
    gold = load_gold(shared / "seed" / "kursk-captives.gold.json")
    seed = shared / "seed" / "kursk-captives.txt"
    preds = code_file(pipeline, seed, gold)
    preds.append({**preds[0], "type": "PROTEST"})  # a false alarm, so both must count it
    text = seed.read_text(encoding="utf-8")
    theirs = score_events.score(gold, preds, text)
    ours = score(gold, preds, text)
    assert (ours.tp, ours.fp, round(ours.fields_correct, 6)) == (theirs["tp"], theirs["fp"], round(theirs["fields_correct"], 6))
