"""The event database on both backends: migrations, idempotence, transactions, dedup, filters, exports."""
import copy
import csv
import io
import json

import pytest

from conftest import EXAMPLES
from eventwire.dedup.across import DedupConfig, compare
from eventwire.formats.export import ACLED_COLUMNS, write
from eventwire.model import Article
from eventwire.store import EventFilter, open_store
from eventwire.store import schema


def record(article_id, published="2025-03-11", type_="ASSAULT", place=("Kharkiv", 706483, 49.98, 36.25, "UKR"),
           actor="RUS", recipient="UKR", killed=None, sentence="Russian missiles struck Kharkiv.", start="2025-03-11"):
    name, gid, lat, lon, country = place
    rec = {
        "id": f"{article_id}-{type_}", "article": {"id": article_id, "published": published, "source": article_id},
        "type": type_, "mode": "aerial", "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"} if type_ == "ASSAULT" else None,
        "actor": {"text": {"RUS": "Russian forces", "UKR": "Ukrainian forces"}.get(actor, "protesters"), "country": actor, "sector": "MIL", "start": 0, "end": 14} if actor else None,
        "recipient": {"text": "civilians", "country": recipient, "sector": "CVL", "start": 20, "end": 29} if recipient else None,
        "location": {"text": name, "name": name, "geonameid": gid, "country": country, "admin1": None, "admin2": None,
                     "lat": lat, "lon": lon, "precision": "place", "start": 30, "end": 37},
        "when": {"text": "on Tuesday", "start": start, "end": start, "precision": "day"},
        "quantities": [{"kind": "killed", "value": killed, "approx": "exact", "text": str(killed), "start": 0, "end": 1}] if killed else [],
        "reported_by": None, "certainty": "asserted",
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence), "trigger": {"text": "struck", "start": 17, "end": 23}},
        "confidence": 0.8, "coder": {"name": "eventwire"},
    }
    return rec


def article(aid, text=None, published="2025-03-11"):
    return Article(id=aid, text=text or f"Text of {aid}.", source=aid, published=published)


def test_migrations_apply_once(db_url):
    store = open_store(db_url)
    assert store.version == len(schema.MIGRATIONS)
    store.close()
    again = open_store(db_url)
    assert again.scalar("SELECT COUNT(*) FROM schema_migrations") == len(schema.MIGRATIONS)


def test_same_text_twice_adds_nothing(db_url):
    store = open_store(db_url)
    with store.transaction():
        assert store.add_article(article("a"), [record("a")]) == (1, 0, True)
        assert store.add_article(article("a"), [record("a")]) == (0, 0, False)
    assert store.totals() == {"articles": 1, "events": 1, "mentions": 1, "rejects": 0}


def test_failed_transaction_leaves_nothing(db_url):
    store = open_store(db_url)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_article(article("a"), [record("a")])
            raise RuntimeError("crash")
    assert store.totals()["articles"] == 0 and store.totals()["events"] == 0


def test_reports_of_one_event_merge_with_claims_side_by_side(db_url):
    store = open_store(db_url)
    with store.transaction():
        store.add_article(article("wire"), [record("wire", killed=5)])
        store.add_article(article("daily"), [record("daily", killed=6, sentence="Missiles hit Kharkiv, killing six.")])
        # the same day, the sides reversed and 700 km away: another event
        store.add_article(article("other"), [record("other", actor="UKR", recipient="RUS",
                                                     place=("Belgorod", 578072, 50.61, 36.58, "RUS"))])
    [merged] = store.events(EventFilter(country="UKR", type="ASSAULT"), sort="-mentions")[:1]
    assert merged["n_mentions"] == 2 and merged["n_sources"] == 2 and merged["fatalities"] == 5
    assert sorted(c["value"] for c in json.loads(merged["claims"])) == [5, 6]
    assert store.count() == 2
    whys = [m["why"] for m in store.mentions(merged["id"])]
    assert whys[0] == "first report" and "same place (Kharkiv)" in whys[1]


def test_compare_vetoes_and_reasons():
    a, b = record("a"), record("b")
    assert not compare(a, b).vetoed and compare(a, b).score >= DedupConfig().threshold
    later = record("b", start="2025-03-20")
    assert compare(a, later).vetoed and "dates apart" in compare(a, later).reasons[0]
    far = record("b", place=("Lviv", 702550, 49.84, 24.02, "UKR"))
    assert compare(a, far).vetoed and "km apart" in compare(a, far).why
    vague = record("b", actor=None, recipient=None)
    vague["location"] = None
    assert compare(a, vague).vetoed and "neither a shared place" in compare(a, vague).why
    other_type = copy.deepcopy(b)
    other_type["type"] = "COERCE"
    assert compare(a, other_type).vetoed


def test_filters_are_parameters_not_sql(db_url):
    store = open_store(db_url)
    with store.transaction():
        store.add_article(article("a"), [record("a", sentence="Russian drones struck Kharkiv at night.")])
        store.add_article(article("b"), [record("b", type_="PROTEST", place=("Tbilisi", 611717, 41.69, 44.83, "GEO"),
                                                 actor="GEO", recipient="GEO", start="2025-03-01")])
    assert store.count(EventFilter(type="assault")) == 1
    assert store.count(EventFilter(country="GEO")) == 1
    assert store.count(EventFilter(bbox=(30, 45, 40, 52))) == 1
    assert store.count(EventFilter(text="DRONES kharkiv")) == 1
    assert store.count(EventFilter(since="2025-03-05")) == 1 and store.count(EventFilter(until="2025-03-05")) == 1
    assert store.count(EventFilter(actor="russian")) == 1
    assert store.count(EventFilter(text="x'); DROP TABLE events; --")) == 0
    assert store.count(EventFilter(country="UKR' OR '1'='1")) == 0
    assert store.count() == 2
    assert store.stats()["by_type"] == {"ASSAULT": 1, "PROTEST": 1}


def test_rejects_recorded_once(db_url):
    store = open_store(db_url)
    for _ in range(2):
        with store.transaction():
            store.add_reject("bad.jsonl:3", "malformed JSON")
    assert [r["origin"] for r in store.rejects()] == ["bad.jsonl:3"]


def test_exports(db_url, tmp_path):
    store = open_store(db_url)
    with store.transaction():
        store.add_article(article("a"), [record("a", killed=3, sentence='He said "<script>x</script>" struck.')])
        store.add_article(article("b"), [record("b", type_="CONSULT")])
    out = io.StringIO()
    assert write(store, "jsonl", out) == 2
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["type"] for r in recs} == {"ASSAULT", "CONSULT"} and all("mentions" in r for r in recs)
    out = io.StringIO()
    write(store, "acled-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ACLED_COLUMNS and len(rows) == 1  # CONSULT has no ACLED type
    assert rows[0]["actor1"] == "Military Forces of Russia (2000-)" and rows[0]["country"] == "Ukraine"
    assert rows[0]["fatalities"] == "3" and rows[0]["geo_precision"] == "1" and rows[0]["time_precision"] == "1"
    out = io.StringIO()
    write(store, "geojson", out)
    features = json.loads(out.getvalue())["features"]
    assert features[0]["geometry"]["type"] == "Point" and len(features) == 2
    out = io.StringIO()
    write(store, "csv", out, EventFilter(type="ASSAULT"))
    assert list(csv.DictReader(io.StringIO(out.getvalue())))[0]["n_sources"] == "1"
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with open(path, "wb") as f:
        write(store, "parquet", f)
    table = pq.read_table(path)
    assert table.num_rows == 2 and "record" in table.column_names


@pytest.mark.slow
def test_dedup_on_project_reports(db_url, pipeline):
    """Same-event reports from different outlets merge; distractors stay apart (floor, see docs)."""
    import sys

    sys.path.insert(0, str(EXAMPLES.parent / "eval"))
    from dedup import GOLD, REPORTS, evaluate

    from eventwire.scale.corpus import ingest

    store = open_store(db_url)
    report = ingest([str(REPORTS)], store, pipeline=pipeline)
    assert report.articles == 12 and report.rejected == 0
    result = evaluate(store, json.loads(GOLD.read_text()))
    assert result["reports_found"] == result["reports"]
    assert result["precision"] >= 0.9 and result["recall"] >= 0.8, result
