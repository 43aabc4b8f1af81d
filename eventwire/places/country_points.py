"""Where a country's point lies: one point within 161 km of both common conventions, when one exists.

A country named in the news has no true point; gold sets place it by convention. GeoNames and the
CIA World Factbook (``countries.tsv``) use one set of points, Wikipedia and Wikidata (and gold built
from WikiNews) another, up to hundreds of kilometres apart (China: 35N 105E vs 35N 103E). The
gazetteer places a country halfway between the two when they lie within ``2 * AGREE_KM``, so the
point is within ``AGREE_KM`` of both; farther apart, the Factbook point stays.
"""
from __future__ import annotations

from functools import lru_cache

from eventwire.datafiles import data_lines
from eventwire.geo import haversine_km

AGREE_KM = 161.0  # the radius news-geoparsing scores accept


@lru_cache(maxsize=1)
def _wikipedia_points() -> dict[str, tuple[float, float]]:
    return {iso3: (float(lat), float(lon)) for iso3, lat, lon in data_lines("country_points.tsv")}


def agreed_point(iso3: str, lat: float, lon: float) -> tuple[float, float]:
    """The country's point: halfway to the Wikipedia point when both then lie within AGREE_KM."""
    other = _wikipedia_points().get(iso3)
    if other is None or haversine_km(lat, lon, *other) > 2 * AGREE_KM:
        return lat, lon
    return round((lat + other[0]) / 2, 4), round((lon + other[1]) / 2, 4)
