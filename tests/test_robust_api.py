"""Issue 23, a hostile tester's findings: ids that collide across texts, filters that crash or match
everything, errors outside the documented shape, /docs blocked by our own CSP, spreadsheet
formulas in exports, an ingest summary that counted other runs' work; and a property test."""
import csv
import io
import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from eventwire.api import create_app
from eventwire.formats.export import write
from eventwire.model import Article
from eventwire.formats.output import Writer
from eventwire.store import EventFilter, InvalidFilter, Store, open_store
from test_store import article, record

TOKEN = "s3cret"
NYALA = "Sudanese army drones struck RSF positions in Nyala on Sunday, the army said."
KADUGLI = "Sudanese army drones struck RSF positions in Kadugli on Sunday, the army said."
FILTERS = ("type", "mode", "country", "actor", "sector", "since", "until", "bbox", "text", "certainty", "min_sources")


def small_db(url):
    store = open_store(url)
    with store.transaction():
        store.add_article(article("a"), [record("a", killed=3, sentence="Russian drones struck Kharkiv, 50% of a block.")])
        store.add_article(article("b"), [record("b", type_="PROTEST", place=("Tbilisi", 611717, 41.69, 44.83, "GEO"),
                                                 actor="GEO", recipient="GEO", start="2025-03-01")])
    store.close()
    return url


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = small_db(f"sqlite:///{tmp_path_factory.mktemp('robust') / 'small.db'}")
    return TestClient(create_app(url, token=TOKEN))


def is_error_shape(r, status=None):
    body = r.json()
    return (set(body) == {"error"} and body["error"]["status"] == r.status_code and body["error"]["message"]
            and isinstance(body["error"]["message"], str) and (status is None or r.status_code == status))


# -- 1: event ids never collide across different texts ---------------------------------------------
@pytest.mark.slow
def test_a_reused_client_id_keeps_both_articles_events(db_url):
    client = TestClient(create_app(db_url, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/articles", json={"id": "x", "text": NYALA}, headers=auth).json()
    second = client.post("/api/articles", json={"id": "x", "text": KADUGLI}, headers=auth).json()
    assert first["events"] and second["events"] and not set(first["events"]) & set(second["events"])
    assert second["new"] + second["merged"] == len(second["events"])
    stored = client.get(f"/api/articles/{second['article']}").json()["events"]
    assert [e["id"] for e in stored] == second["events"]
    again = client.post("/api/articles", json={"id": "y", "text": KADUGLI}, headers=auth).json()
    assert again["events"] == second["events"] and again["new"] == again["merged"] == 0  # same text: stored once


def ingest_racing(tmp_path, db_url, pipeline, first_text, second_text):
    """Ingest A/report.txt; while it is coded, another run (own connection) stores B/report.txt."""
    from eventwire.scale.corpus import ingest

    for folder, text in (("A", first_text), ("B", second_text)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text)
    store, other = open_store(db_url), open_store(db_url)
    done = []

    def race(_report):
        if not done:
            done.append(ingest([str(tmp_path / "B" / "report.txt")], other, published="2025-03-16", pipeline=pipeline))

    report = ingest([str(tmp_path / "A" / "report.txt")], store, published="2025-03-16", pipeline=pipeline,
                    on_article=race)
    return store, report, done[0]


@pytest.mark.slow
def test_concurrent_ingests_of_one_file_name_keep_every_event(tmp_path, db_url, pipeline):
    store, report, other = ingest_racing(tmp_path, db_url, pipeline, NYALA, KADUGLI)
    assert report.articles == other.articles == 1
    totals = store.totals()
    assert totals["articles"] == 2 and totals["mentions"] == 2, totals
    keys = {r["article_key"] for r in store.rows("SELECT article_key FROM mentions")}
    assert len(keys) == 2  # each text's event is stored, under its own article


# -- 5: the summary counts what this run stored ----------------------------------------------------
@pytest.mark.slow
def test_summary_counts_an_article_another_run_stored_as_already_there(tmp_path, db_url, pipeline):
    store, report, other = ingest_racing(tmp_path, db_url, pipeline, NYALA, NYALA)
    assert other.articles == 1 and other.events_new == 1
    assert report.articles == 0 and report.skipped == 1 and report.events_new == 0, report.summary()
    assert store.totals()["articles"] == 1 and store.totals()["mentions"] == 1


# -- 2: filters ------------------------------------------------------------------------------------
def test_like_wildcards_match_themselves(db_url):
    store = open_store(small_db(db_url))
    for flt in (dict(actor="%"), dict(actor="_"), dict(actor="\\"), dict(text="_"), dict(text="%%"),
                dict(text="drones%"), dict(text="russian_drones")):
        assert store.count(EventFilter(**flt)) == 0, flt
    assert store.count(EventFilter(text="50%")) == 1 and store.count(EventFilter(text="%")) == 1  # the one with "50%"
    assert store.count(EventFilter(actor="russian")) == 1


@pytest.mark.parametrize("values, needle", [
    (dict(since="2025-13-45"), "since"), (dict(until="2025-02-30"), "until"), (dict(since="0000-01-01"), "since"),
    (dict(bbox=(float("nan"),) * 4), "bbox"), (dict(bbox=(-200, 0, 0, 10)), "bbox"), (dict(bbox=(0, 0, float("inf"), 1)), "bbox"),
    (dict(min_sources=2**63), "min_sources"), (dict(text=" ".join(f"w{k}" for k in range(1001))), "text"),
    (dict(actor="\x00"), "NUL"), (dict(text="a" * 5000), "text"), (dict(country="\ud800"), "country"),
])
def test_filter_values_are_checked(values, needle):
    with pytest.raises(InvalidFilter, match=needle):
        EventFilter(**values)


def test_paging_and_sort_are_checked(db_url):
    store = open_store(small_db(db_url))
    for kw in (dict(offset=2**63), dict(limit=2**64), dict(offset=-1), dict(sort="random")):
        with pytest.raises(InvalidFilter):
            store.events(**kw)
    many = " ".join(f"w{k}" for k in range(32))
    assert store.count(EventFilter(text=many)) == 0 and store.event("\x00") is None and store.article("\x00") is None


@pytest.mark.parametrize("params", [
    {"text": " ".join(f"w{k}" for k in range(1200))}, {"offset": 2**63}, {"min_sources": "9999999999999999999999"},
    {"since": "2025-13-45"}, {"until": "2025-02-30"}, {"bbox": "nan,nan,nan,nan"}, {"bbox": "inf,0,1,1"},
    {"text": "\x00"}, {"actor": "a\x00"},
])
def test_bad_filters_are_400_in_the_error_shape(client, params):
    for path in ("/api/events", "/api/stats", "/api/clusters", "/api/export"):
        if "offset" in params and path != "/api/events":
            continue
        r = client.get(path, params=params)
        assert is_error_shape(r, 400), (path, r.status_code, r.text)


def test_wildcards_through_the_api_match_nothing(client):
    for params in ({"actor": "%"}, {"text": "_"}, {"text": "%%"}, {"text": "\\"}):
        assert client.get("/api/events", params=params).json()["total"] == 0, params
    assert client.get("/api/events", params={"text": "50%"}).json()["total"] == 1
    assert client.get("/api/events/%00").status_code == 404 and client.get("/api/articles/%00").status_code == 404


def test_internal_errors_are_json_500_not_400(tmp_path, monkeypatch):
    client = TestClient(create_app(small_db(f"sqlite:///{tmp_path / 'e.db'}")))

    def broken(self, *a, **kw):
        raise ValueError("an internal bug, not the client's input")

    monkeypatch.setattr(Store, "count", broken)
    r = client.get("/api/events")
    assert is_error_shape(r, 500) and "bug" not in r.text and r.headers["content-security-policy"]
    monkeypatch.setattr(Store, "stats", lambda *a, **kw: 1 / 0)
    assert is_error_shape(client.get("/api/stats"), 500)


def test_writing_needs_exactly_a_bearer_token(client):
    body = {"text": NYALA}
    for header in (TOKEN, f"Token {TOKEN}", f"Bearer{TOKEN}", f"Bearer  {TOKEN}", f"Bearer {TOKEN} ", "Bearer ", ""):
        r = client.post("/api/articles", json=body, headers={"Authorization": header})
        assert is_error_shape(r, 401), header


def test_cli_rejects_out_of_range_filters_in_one_line(tmp_path):
    db = str(tmp_path / "e.db")
    for args, needle in ((("--min-sources", "9999999999999999999999"), "min_sources"), (("--since", "2025-13-45"), "since"),
                         (("--bbox", "nan,nan,nan,nan"), "bbox"), (("--limit", str(2**64)), "limit")):
        proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "query", "--db", db, *args],
                              capture_output=True, text=True)
        assert proc.returncode == 2 and needle in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


# -- 3: /docs works under our CSP, offline ---------------------------------------------------------
def test_docs_page_is_local_and_allowed_by_the_csp(client):
    r = client.get("/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    page = r.text.lower()
    assert "<script" not in page and "cdn" not in page and "http" not in page
    assert "/api/events" in r.text and "/api/articles" in r.text and "min_sources" in r.text
    assert client.get("/redoc").status_code == 404 and client.get("/openapi.json").json()["paths"]["/api/export"]


# -- 4: exports never hand a spreadsheet a formula -------------------------------------------------
FORMULAS = ("=1+1", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tx", "\rx")


def test_csv_exports_neutralise_formulas_and_keep_numbers(db_url):
    store = open_store(db_url)
    with store.transaction():
        rec = record("+SUM(1,2)", killed=3, sentence="-2+3 Gunmen struck Bamako.", place=("Bamako", 2460596, 12.65, -8.0, "MLI"))
        rec["actor"]["text"] = "=HYPERLINK(\"http://x\")"
        store.add_article(Article(id="+SUM(1,2)", text="t1", source="+SUM(1,2)", published="2025-03-11"), [rec])
    out = io.StringIO()
    write(store, "acled-csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["notes"] == "'-2+3 Gunmen struck Bamako." and row["source"] == "'+SUM(1,2)"
    assert row["longitude"] == "-8.0" and row["latitude"] == "12.65" and row["fatalities"] == "3"
    out = io.StringIO()
    write(store, "csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["sentence"].startswith("'-2+3") and row["sources"] == "'+SUM(1,2)" and row["article_id"] == "'+SUM(1,2)"
    assert row["actor"].startswith("'=") and row["lon"] == "-8.0" and row["fatalities"] == "3"


@pytest.mark.parametrize("text", FORMULAS)
def test_code_csv_output_neutralises_formulas(text):
    rec = record("a", sentence=text, place=("Bamako", 2460596, 12.65, -8.0, "MLI"))
    out = io.StringIO()
    Writer(out, "csv").write_records([rec])
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["sentence"] == "'" + text and row["lon"] == "-8.0"


# -- 6: a property test over the whole API ---------------------------------------------------------
EDGES = st.sampled_from(["2025-03-01", "2025-13-45", "nan,nan,nan,nan", "30,45,40,52", "-180,-90,180,90", "%", "_",
                         "\\", "\x00", str(2**63), str(-2**63 - 1), "1e309", "w " * 1200, "-date", "csv", "geojson"])
VALUE = st.one_of(EDGES, st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
                  st.integers(min_value=-2**70, max_value=2**70).map(str), EDGES,
                  st.floats(allow_nan=True, allow_infinity=True).map(str))
GET = {"/api/events": FILTERS + ("limit", "offset", "sort"), "/api/stats": FILTERS,
       "/api/clusters": FILTERS + ("cell",), "/api/export": FILTERS + ("format",)}
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=8)
META = {k: JSON | st.text(max_size=80) for k in ("title", "url", "source", "published", "id")}
TEXT = st.text(min_size=1, max_size=300) | st.sampled_from([NYALA, KADUGLI, "\x00", " ", "-2+3 Gunmen struck."])
BODY = st.one_of(JSON, st.fixed_dictionaries({}, optional=dict(META, text=JSON)),
                 st.fixed_dictionaries({"text": TEXT}, optional=META))
PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    url = small_db(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    return TestClient(create_app(url, token=TOKEN), raise_server_exceptions=False)


def check_response(r):
    assert r.status_code < 500, r.text
    event(f"status {r.status_code}")
    if r.status_code >= 400:
        assert is_error_shape(r), r.text


QUERIES = st.one_of(*[st.tuples(st.just(path), st.fixed_dictionaries({}, optional={n: VALUE for n in names}))
                      for path, names in GET.items()])


@PROPERTY
@given(query=QUERIES)
@example(query=("/api/events", {"min_sources": str(2**63), "offset": "5"}))
@example(query=("/api/events", {"offset": str(2**63)}))
@example(query=("/api/stats", {"text": " ".join(f"w{k}" for k in range(1200))}))
def test_any_query_string_is_answered_without_a_500(fuzzed, query):
    path, params = query
    check_response(fuzzed.get(path, params=params))


@pytest.mark.slow
@settings(PROPERTY)
@given(body=BODY)
def test_any_article_body_is_answered_without_a_500(fuzzed, body):
    check_response(fuzzed.post("/api/articles", content=json.dumps(body), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}))


def test_an_article_whose_coding_fails_is_a_json_500_and_stored_as_rejected(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.pipeline import Pipeline
    from eventwire.store import open_store

    def explode(self, article, published=None, doc=None):
        raise RuntimeError("injected fault")

    monkeypatch.setattr(Pipeline, "code", explode)
    db = f"sqlite:///{tmp_path / 'events.db'}"
    open_store(db).close()
    client = TestClient(create_app(db, token="s3cret"), raise_server_exceptions=False)
    r = client.post("/api/articles", json={"text": "Rebels attacked Goma on Monday."},
                    headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 500 and r.json()["error"]["status"] == 500
    assert "injected fault" in r.json()["error"]["message"]
    store = open_store(db)
    assert any("injected fault" in row["reason"] for row in store.rejects())
