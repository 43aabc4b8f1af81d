#!/usr/bin/env python3
"""Rebuild the texts of the blind real-news gold documents from ../shared/data (stdlib only).

    python3 eval/realnews/build_texts.py OUTDIR [--shared PATH]

For every ``*.gold.json`` next to this script, reads ``article.source`` and ``article.doc_id``,
rebuilds the document text by the fixed rule for its source and writes it to
``OUTDIR/<gold name without .gold.json>.txt`` (the gold's ``article.file``). Third-party text is
never stored in the repository: only these rules and the ids are.

Rules (deterministic; anchors in the gold are exact substrings of these strings):
  wikievents-dev  shared/data/wikievents-dev/dev.jsonl, the line whose ``doc_id`` matches:
                  the sentence texts (``sentences[i][1]``) joined with a single "\\n".
  rams-dev        shared/data/rams-dev/dev.jsonlines, the line whose ``doc_key`` matches:
                  each sentence's tokens joined with a single space, sentences joined with "\\n".
  geovirus        shared/data/geoparsing-geovirus/GeoVirus.xml, the first <article> whose
                  <source> (the WikiNews URL) equals doc_id: its <text> as parsed by
                  xml.etree.ElementTree, unchanged.
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def default_shared() -> Path:
    for cand in (HERE.parents[1] / "shared", HERE.parents[2] / "shared"):
        if (cand / "data").exists():
            return cand
    return HERE.parents[2] / "shared"


def _jsonl_find(path: Path, key: str, value: str) -> dict:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                if doc.get(key) == value:
                    return doc
    raise KeyError(f"{key}={value!r} not in {path}")


def text_for(gold: dict, shared: Path | None = None) -> str:
    shared = Path(shared) if shared else default_shared()
    art = gold["article"]
    source, doc_id = art["source"], art["doc_id"]
    data = shared / "data"
    if source == "wikievents-dev":
        doc = _jsonl_find(data / "wikievents-dev" / "dev.jsonl", "doc_id", doc_id)
        return "\n".join(s[1] for s in doc["sentences"])
    if source == "rams-dev":
        doc = _jsonl_find(data / "rams-dev" / "dev.jsonlines", "doc_key", doc_id)
        return "\n".join(" ".join(toks) for toks in doc["sentences"])
    if source == "geovirus":
        root = ET.parse(data / "geoparsing-geovirus" / "GeoVirus.xml").getroot()
        for a in root.iter("article"):
            if (a.findtext("source") or "").strip() == doc_id:
                return a.findtext("text") or ""
        raise KeyError(f"source={doc_id!r} not in GeoVirus.xml")
    raise ValueError(f"unknown source {source!r}")


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 2
    out = Path(argv[1])
    shared = Path(argv[argv.index("--shared") + 1]) if "--shared" in argv else default_shared()
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for gpath in sorted(HERE.glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        name = gold["article"].get("file") or gpath.name.removesuffix(".gold.json") + ".txt"
        (out / name).write_text(text_for(gold, shared), encoding="utf-8")
        n += 1
    print(f"wrote {n} texts to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
