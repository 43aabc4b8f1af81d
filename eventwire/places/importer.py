"""GeoNames dump files into the gazetteer: ``eventwire gazetteer import FILE [FILE...]``.

The shipped index knows towns of 500 people or more. A war is often fought over villages,
camps, oases and hills that it lacks; GeoNames publishes them all. This module reads GeoNames'
files exactly as published -- the tab-separated ``geoname`` table (19 columns: geonameid, name,
asciiname, alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
admin1..admin4 codes, population, elevation, dem, timezone, modification date) as plain ``.txt``
or inside a ``.zip`` (``allCountries.zip``, a country's ``XX.zip``, ``cities500.zip``), and
``alternateNamesV2.txt``/``.zip`` -- and keeps populated places (class P), divisions down to
the third level (ADM1-ADM3) and the L/T/H features where events happen (camps, bases, oases,
hills, valleys, islands, rivers, wadis, wells...).

What is kept is written to a user data file in the cache folder (``imported-places.tsv``),
merged with earlier imports by GeoNames id, and merged into the index when it is built
(:mod:`eventwire.gazetteer`); the index's cache file is keyed by that file, so an import takes
effect on the next load.
"""
from __future__ import annotations

import io
import os
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from eventwire.datafiles import data_lines
from eventwire.places.gazetteer import MIN_ALT_LEN, GeoEntry, cache_dir
from eventwire.places.name_forms import is_latin

USER_FILE = "imported-places.tsv"
GEONAME_COLUMNS = 19
ALTERNATE_COLUMNS = (8, 10)  # alternateNames (v1) and alternateNamesV2
ADMIN_FEATURES = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}
# Features outside towns where an event can happen, by GeoNames class.
SITE_CODES = {
    "L": {"CMP", "CMPRF", "CMPLA", "CMPMN", "MILB", "RGN", "AREA", "OILF", "GASF", "PRT", "RESV", "RES", "PRK",
          "MNA", "INDS", "CST", "FLD", "GRAZ"},
    "T": {"HLL", "HLLS", "MT", "MTS", "PK", "PKS", "PASS", "VAL", "VALS", "ISL", "ISLS", "ISLET", "PEN", "DSRT",
          "PLN", "PLAT", "CAPE", "RDGE", "GRGE", "CNYN", "DLTA", "OAS", "DUNE", "DPR", "SLP", "UPLD"},
    "H": {"STM", "STMS", "STMI", "WAD", "WADS", "WADB", "LK", "LKS", "LKI", "RSV", "OAS", "WLL", "WLLS", "SPNG",
          "BAY", "BAYS", "GULF", "SEA", "STRT", "CHN", "CNL", "LGN", "MRSH", "SWMP", "RVN", "DLTA"},
}
HISTORICAL_PLACES = {"PPLH", "PPLCH"}  # a town that no longer exists under that name
LINK_LANGUAGES = {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid", "phon", "abbr"}


@dataclass
class UserData:
    entries: list[tuple[GeoEntry, list[str]]] = field(default_factory=list)  # (entry, alternate names)
    names: dict[int, list[str]] = field(default_factory=dict)  # more names for any GeoNames id


@dataclass
class ImportSummary:
    files: int = 0
    rows: int = 0
    kept: Counter = field(default_factory=Counter)  # by feature
    names: int = 0
    malformed: int = 0
    total_places: int = 0  # in the user data file after the import
    path: Optional[Path] = None


def user_file() -> Path:
    return cache_dir() / USER_FILE


def user_data_stamp() -> str:
    """Size and time of the user data file ("" when there is none): part of the index's cache key."""
    try:
        st = user_file().stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def _text_members(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """(member name, text stream) for a .txt file, or each .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                base = Path(info.filename).name
                if base.lower().endswith(".txt") and not base.lower().startswith(("readme", "iso-languagecodes")):
                    with zf.open(info) as raw:
                        yield base, io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    else:
        with open(path, encoding="utf-8", newline="\n") as f:
            yield path.name, f


def _rows(stream: io.TextIOBase) -> Iterator[list[str]]:
    for line in stream:
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\r\n").split("\t")


def feature_of(fclass: str, fcode: str) -> Optional[str]:
    """The index feature of a GeoNames class and code, or None for what the gazetteer does not keep."""
    if fclass == "P":
        return None if fcode in HISTORICAL_PLACES else "city"
    if fclass == "A":
        return ADMIN_FEATURES.get(fcode)
    return "site" if fcode in SITE_CODES.get(fclass, ()) else None


def alternate_names(field_text: str, name: str) -> list[str]:
    """The Latin-script alternate names of a geoname row worth indexing (as the shipped build keeps them)."""
    out = []
    for alt in field_text.split(","):
        alt = alt.strip()
        if alt and alt != name and len(alt) >= MIN_ALT_LEN and is_latin(alt) and not alt.isupper():
            out.append(alt)
    return list(dict.fromkeys(out))


def parse_geoname(row: list[str], iso2to3: dict[str, str]) -> Optional[tuple[GeoEntry, list[str]]]:
    """One row of the geoname table as an index entry and its alternate names; None when it is not
    kept (feature, unknown country). Raises ValueError on a malformed row."""
    if len(row) != GEONAME_COLUMNS:
        raise ValueError(f"{len(row)} columns, not {GEONAME_COLUMNS}")
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc2, _cc2s, admin1 = row[:11]
    feature = feature_of(fclass, fcode)
    iso3 = iso2to3.get(cc2)
    if feature is None or not iso3 or not name:
        return None
    entry = GeoEntry(int(gid), name, feature, iso3, cc2, admin1 or None, float(lat), float(lon),
                     int(row[14] or 0), f"{fclass}.{fcode}")
    names = alternate_names(alternates, name)
    if ascii_name and ascii_name != name:
        names.insert(0, ascii_name)
    return entry, names


def _iso2to3() -> dict[str, str]:
    return {row[0]: row[1] for row in data_lines("countries.tsv")}


def read_user_data(path: Optional[Path] = None) -> UserData:
    """The imported places and names (empty when nothing was imported)."""
    path = path or user_file()
    data = UserData()
    if not path.exists():
        return data
    with open(path, encoding="utf-8") as f:
        for row in _rows(f):
            if row[0] == "place" and len(row) == 12:
                _, gid, name, feature, iso3, cc2, admin1, lat, lon, pop, code, names = row
                entry = GeoEntry(int(gid), name, feature, iso3, cc2, admin1 or None, float(lat), float(lon), int(pop), code)
                data.entries.append((entry, [n for n in names.split("|") if n]))
            elif row[0] == "names" and len(row) == 3:
                data.names[int(row[1])] = [n for n in row[2].split("|") if n]
    return data


def _write_user_data(data: UserData, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# places imported from GeoNames dumps (CC BY 4.0, geonames.org) by `eventwire gazetteer import`\n")
        for e, names in data.entries:
            f.write("\t".join(["place", str(e.geonameid), e.name, e.feature, e.country, e.cc2, e.admin1_code or "",
                               f"{e.lat:.5f}", f"{e.lon:.5f}", str(e.population), e.code, "|".join(names)]) + "\n")
        for gid, names in sorted(data.names.items()):
            f.write(f"names\t{gid}\t{'|'.join(names)}\n")
    os.replace(tmp, path)


def _read_alternates(stream: io.TextIOBase, wanted: set[int], names: dict[int, list[str]], summary: ImportSummary) -> None:
    for row in _rows(stream):
        summary.rows += 1
        if len(row) not in ALTERNATE_COLUMNS or not row[1].isdigit():
            summary.malformed += 1
            continue
        gid, lang, alt = int(row[1]), row[2], row[3]
        if gid in wanted and lang not in LINK_LANGUAGES and len(alt) >= MIN_ALT_LEN and is_latin(alt) \
                and not alt.isupper():
            bucket = names.setdefault(gid, [])
            if alt not in bucket:
                bucket.append(alt)
                summary.names += 1


def import_files(paths: Iterable[Path], target: Optional[Path] = None) -> ImportSummary:
    """Read GeoNames geoname tables and alternate-name files; merge what is kept into the user
    data file (replacing earlier imports of the same GeoNames ids). Raises OSError or
    zipfile.BadZipFile for an unreadable file, ValueError when no file holds GeoNames rows."""
    target = target or user_file()
    summary = ImportSummary(path=target)
    iso2to3 = _iso2to3()
    old = read_user_data(target)
    places = {e.geonameid: (e, names) for e, names in old.entries}
    extra = dict(old.names)
    alternate_files = []
    for path in map(Path, paths):
        summary.files += 1
        if path.name.lower().startswith("alternatenames"):  # read once the places are known
            alternate_files.append(path)
            continue
        for _member, stream in _text_members(path):
            for row in _rows(stream):
                summary.rows += 1
                try:
                    parsed = parse_geoname(row, iso2to3)
                except ValueError:
                    summary.malformed += 1
                    continue
                if parsed:
                    places[parsed[0].geonameid] = parsed
                    summary.kept[parsed[0].feature] += 1
    if alternate_files:
        wanted = set(places) | _shipped_ids()
        for path in alternate_files:
            for _member, stream in _text_members(path):
                _read_alternates(stream, wanted, extra, summary)
    if summary.rows and summary.malformed == summary.rows:
        raise ValueError("no GeoNames rows found (expected the 19-column geoname table or alternateNames)")
    _write_user_data(UserData(list(places.values()), extra), target)
    summary.total_places = len(places)
    return summary


def _shipped_ids() -> set[int]:
    """GeoNames ids the index holds, so that alternate names can reach shipped towns too."""
    from eventwire.places import gazetteer

    return {e.geonameid for e in gazetteer.load().entries if e.geonameid}
