"""Set tests/floors.json 'test' floors from a measurement of the test parts.

    .venv/bin/eventwire eval --part test --json > /tmp/test.json
    .venv/bin/python tools/set_floors.py /tmp/test.json [--allow-lower]

Each headline figure's floor = measured value minus the tolerance for its size (floors.json
'_tolerance'), rounded down to 3 decimals. A floor never falls unless --allow-lower is given
(for a change of what a metric measures, to be explained in the commit message).
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

FLOORS = Path(__file__).resolve().parent.parent / "tests" / "floors.json"


def tolerance(n: int, table: dict) -> float:
    if n >= 800:
        return table["n>=800"]
    return table["200<=n<800"] if n >= 200 else table["n<200"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("measurement", type=Path)
    ap.add_argument("--allow-lower", action="store_true")
    args = ap.parse_args()
    result = json.loads(args.measurement.read_text(encoding="utf-8"))
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    old = floors.get("test", {})
    new = dict(old)
    for rep in result["reports"]:
        if rep["part"] != "test":
            continue
        for row in rep["rows"]:
            if not row["headline"]:
                continue
            key = f"{rep['dataset']}/{row['metric']}"
            value = math.floor((row["value"] - tolerance(row["n"], floors["_tolerance"])) * 1000) / 1000
            if key in old and value < old[key] and not args.allow_lower:
                print(f"keep {key}: {old[key]} (measured {row['value']} would set {value})")
                continue
            new[key] = max(0.0, value)
    floors["test"] = dict(sorted(new.items()))
    FLOORS.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    print(f"{len(new)} test floors written to {FLOORS}")


if __name__ == "__main__":
    main()
