"""Shared by the scripts in eval/: run one dataset of `eventwire eval` (the product path) and
print its table. Each script is `eventwire eval --only <dataset>` with its own options."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(dataset: str, doc: str) -> None:
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--part", action="append", choices=("dev", "test", "all"),
                    help="which part of the split (repeatable; default dev and test)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    from eventwire.evaluation import runner

    result = runner.run(args.shared, args.part or ("dev", "test"), [dataset], log=lambda m: print(m, file=sys.stderr))
    if result["missing"]:
        print(f"skip: {dataset}: ../shared/data not present")
        return
    print(runner.table(result))
