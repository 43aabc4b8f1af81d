"""Real news with blind hand gold (eval/realnews): WikiEvents, RAMS and GeoVirus documents whose
events were coded by hand before the coder ever ran on them. Only the gold is in the repository;
each text is rebuilt from ../shared/data by ``eval/realnews/build_texts.py``."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "eval" / "realnews"


def _builder():
    spec = importlib.util.spec_from_file_location("realnews_build_texts", GOLD_DIR / "build_texts.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(GOLD_DIR / "build_texts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def available(shared: Path) -> bool:
    return (GOLD_DIR / "build_texts.py").exists() and any(GOLD_DIR.glob("*.gold.json")) and (shared / "data").exists()


def docs(shared: Path) -> list[tuple[str, str, dict]]:
    build = _builder()
    out = []
    for path in sorted(GOLD_DIR.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.name.removesuffix(".gold.json"), build.text_for(gold, shared), gold))
    return out
