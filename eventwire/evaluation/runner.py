"""Every dev set through the product path, one table: ``eventwire eval`` and ``make eval``.

Rows are (dataset, metric) with the ``dev`` and the frozen ``test`` part side by side, the floor
``tests/floors.json`` sets on the test part, and the commit measured. ``docs/evaluation.md`` is
written from the same result (``--write-docs``), so the docs describe the program users run.
"""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

from eventwire.evaluation import acled_notes
from eventwire.evaluation import articles
from eventwire.evaluation import eventloc
from eventwire.evaluation import geoparsing
from eventwire.evaluation import plover
from eventwire.evaluation import realnews
from eventwire.evaluation import spans
from eventwire.evaluation import timeml
from eventwire.evaluation.rows import Report

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "tests" / "floors.json"
Runner = Callable[[object, Path, str], Report]


def suites(shared: Path) -> dict[str, tuple[Callable[[], bool], Runner]]:
    """Each dataset: (is its data present, how to run one part of it)."""
    return {
        "lgl": (lambda: geoparsing.available(shared, "lgl"),
                lambda p, s, part: geoparsing.evaluate(p, s, "lgl", part, gold_spans=True)),
        "geovirus": (lambda: geoparsing.available(shared, "geovirus"),
                     lambda p, s, part: geoparsing.evaluate(p, s, "geovirus", part)),
        "timebank": (lambda: timeml.available(shared), timeml.evaluate),
        "event-location": (lambda: eventloc.available(shared), eventloc.evaluate),
        "plv-train": (lambda: plover.available(shared, "plv-train"), plover.evaluate_plv),
        "plover-gsr": (lambda: plover.available(shared, "plover-gsr"), plover.evaluate_gsr),
        "actor-spans": (lambda: spans.available(shared), spans.evaluate),
        "realnews": (lambda: realnews.available(shared),
                     lambda p, s, part: articles.evaluate(p, realnews.docs(s), "realnews", part)),
        "wire": (lambda: bool(articles.folder_docs(articles.WIRE_DIR)),
                 lambda p, s, part: articles.evaluate(p, articles.folder_docs(articles.WIRE_DIR), "wire", part)),
        "acled-notes": (acled_notes.available, acled_notes.evaluate),
        "seed+examples": (lambda: True,
                          lambda p, s, part: articles.evaluate(p, articles.seed_and_examples(s), "seed+examples", "all")),
    }


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (out.stdout.strip() or "unknown") + ("+changes" if dirty else "")


def floors() -> dict[str, float]:
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {k: v for k, v in data.get("test", {}).items() if isinstance(v, (int, float))}


def run(shared: Path, parts: Iterable[str] = ("dev", "test"), only: Optional[list[str]] = None,
        pipeline=None, log: Callable[[str], None] = print) -> dict:
    from eventwire.pipeline import Pipeline

    pipeline = pipeline or Pipeline()  # exactly what `eventwire code`/`annotate` build
    result: dict = {"commit": commit(), "date": time.strftime("%Y-%m-%d"), "reports": [], "missing": []}
    for name, (present, runner) in suites(shared).items():
        if only and name not in only:
            continue
        if not present():
            result["missing"].append(name)
            log(f"MISSING: {name} (its data under {shared}/data is absent): not measured")
            continue
        for part in (["all"] if name == "seed+examples" else parts):
            report = runner(pipeline, shared, part)
            log(f"  {name} {part}: {len(report.rows)} figures in {report.seconds:.1f} s ({report.words:,} words)")
            result["reports"].append({"dataset": name, "part": part, "seconds": round(report.seconds, 1),
                                      "words": report.words,
                                      "rows": [{"metric": r.metric, "value": r.value, "n": r.n, "headline": r.headline}
                                               for r in report.rows]})
    return result


def table_rows(result: dict) -> list[tuple]:
    gate = floors()
    cells: dict[tuple[str, str], dict] = {}
    for rep in result["reports"]:
        for row in rep["rows"]:
            cell = cells.setdefault((rep["dataset"], row["metric"]), {"headline": row["headline"]})
            cell[rep["part"]] = row
    out = []
    for (dataset, metric), cell in cells.items():
        value = {part: (f"{cell[part]['value']:.3f} ({cell[part]['n']:,})" if part in cell else "") for part in ("dev", "test", "all")}
        floor = gate.get(f"{dataset}/{metric}")
        kind = "headline" if cell["headline"] else "diagnostic"
        out.append((dataset, metric, kind, value["dev"] or value["all"], value["test"], "" if floor is None else f"{floor:.3f}"))
    return out


def table(result: dict) -> str:
    head = ("dataset", "metric", "kind", "dev (n)", "test (n)", "floor (test)")
    rows = table_rows(result)
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in [head, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append(f"commit {result['commit']}, {result['date']}; product path: Pipeline() defaults, raw text in")
    return "\n".join(lines)


def markdown(result: dict) -> str:
    head = "| dataset | metric | kind | dev (n) | test (n) | floor (test) |\n|---|---|---|---|---|---|\n"
    body = "".join("| " + " | ".join(r) + " |\n" for r in table_rows(result))
    speed = "".join(f"| {r['dataset']} | {r['part']} | {r['words']:,} | {r['seconds']} | "
                    f"{r['words'] / r['seconds']:,.0f} |\n" for r in result["reports"] if r["seconds"])
    return (head + body + f"\nCommit `{result['commit']}`, {result['date']}.\n\n"
            "| dataset | part | words | seconds | words/s (product path, one process) |\n|---|---|---|---|---|\n" + speed)
