"""The REST API in-process: filters, pagination, detail, articles, stats, clusters, exports, errors, writing."""

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(example_db):
    return TestClient(create_app(example_db, token="s3cret"))


def test_list_filters_and_pages(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["events"]) > 20
    assault = client.get("/api/events", params={"type": "ASSAULT", "limit": 5}).json()
    assert assault["total"] < everything["total"] and all(e["type"] == "ASSAULT" for e in assault["events"])
    page2 = client.get("/api/events", params={"type": "ASSAULT", "limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in page2["events"]} & {e["id"] for e in assault["events"]}
    sdn = client.get("/api/events", params={"country": "SDN", "bbox": "20,10,35,20"}).json()
    assert sdn["events"] and all(10 <= e["location"]["lat"] <= 20 for e in sdn["events"])
    dated = client.get("/api/events", params={"since": "2025-03-10", "until": "2025-03-11", "limit": 1000}).json()
    assert dated["events"] and all("2025-03-09" <= e["when"]["start"] <= "2025-03-11" for e in dated["events"])
    by_sources = client.get("/api/events", params={"min_sources": 2, "sort": "-mentions"}).json()
    assert by_sources["total"] >= 4 and by_sources["events"][0]["n_mentions"] >= by_sources["events"][-1]["n_mentions"]


def test_event_detail_article_and_spans(client):
    [fasher] = [e for e in client.get("/api/events", params={"text": "market El Fasher", "min_sources": 2}).json()["events"]]
    detail = client.get(f"/api/events/{fasher['id']}").json()
    # the example article tells the same shelling: three reports, from three outlets
    assert {m["article"]["source"] for m in detail["mentions"]} >= {"Nile Observer", "Wirewatch"}
    mention = detail["mentions"][0]
    art = client.get(f"/api/articles/{mention['article']['key']}").json()
    rec = next(e for e in art["events"] if e["id"] == mention["id"])
    t = rec["evidence"]["trigger"]
    assert art["text"][t["start"]:t["end"]] == t["text"]


def test_stats_and_clusters_agree(client):
    stats = client.get("/api/stats").json()
    assert sum(stats["by_type"].values()) == stats["events"]
    located = [e for e in client.get("/api/events", params={"limit": 1000}).json()["events"] if (e.get("location") or {}).get("lat") is not None]
    clusters = client.get("/api/clusters", params={"cell": 5}).json()["clusters"]
    assert sum(c["n"] for c in clusters) == len(located)
    fine = client.get("/api/clusters", params={"cell": 0.01}).json()["clusters"]
    assert len(fine) >= len(clusters)


def test_exports(client):
    csv_text = client.get("/api/export", params={"format": "acled-csv", "type": "ASSAULT"}).text
    assert csv_text.startswith("event_id_cnty,event_date")
    geo = client.get("/api/export", params={"format": "geojson", "country": "GEO"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_one_error_shape(client):
    for path, params, status in (("/api/events/nope", {}, 404), ("/api/events", {"since": "soon"}, 400),
                                 ("/api/events", {"limit": 0}, 422), ("/api/events", {"bbox": "1,2"}, 400),
                                 ("/api/events", {"sort": "random"}, 400), ("/api/export", {"format": "xls"}, 422),
                                 ("/api/nothing", {}, 404)):
        r = client.get(path, params=params)
        assert r.status_code == status and set(r.json()) == {"error"} and r.json()["error"]["message"], (path, r.text)


def test_hostile_text_is_stored_as_text_and_headers_forbid_inline_script(client):
    hits = client.get("/api/events", params={"text": "police post"}).json()["events"]
    assert hits and "<script>" in client.get(f"/api/articles/{hits[0]['article']['id']}").json()["text"]
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_writing_needs_the_token(example_db):
    closed = TestClient(create_app(example_db))
    assert closed.post("/api/articles", json={"text": "x"}).status_code == 403
    client = TestClient(create_app(example_db, token="s3cret"))
    body = {"text": "Sudanese army drones struck RSF positions in Nyala on Sunday, the army said.", "published": "2025-03-17",
            "source": "api-test"}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201 and r.json()["events"], r.text
    again = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["new"] == 0 and again["merged"] == 0
    bad = client.post("/api/articles", json={"text": "   "}, headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 400 and "empty" in bad.json()["error"]["message"]
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


# -- issue 21: the dashboard's API ------------------------------------------------------------------
def test_country_by_name_or_code_and_a_wrong_name_is_a_400_with_suggestions(client):
    by_code = client.get("/api/events", params={"country": "SDN", "limit": 100}).json()
    assert by_code["total"] >= 3
    for name in ("Sudan", "sudan", "SD", "sdn"):
        assert client.get("/api/events", params={"country": name, "limit": 100}).json() == by_code, name
    r = client.get("/api/events", params={"country": "Sudn"})
    assert r.status_code == 400 and "Sudan (SDN)" in r.json()["error"]["message"]
    names = {c["name"]: c for c in client.get("/api/countries").json()["countries"]}
    assert names["Sudan"]["iso3"] == "SDN" and names["Sudan"]["n"] >= 3


def test_actor_by_alias_and_suggestions(client):
    full = client.get("/api/events", params={"actor": "Rapid Support Forces"}).json()
    assert full["total"] >= 2 and client.get("/api/events", params={"actor": "RSF"}).json()["total"] == full["total"]
    assert client.get("/api/actors", params={"q": "RSF"}).json()["actors"][0]["name"] == "Rapid Support Forces"


def test_words_search_every_report_through_the_index(client):
    # "Shelling by the paramilitary ..." is only in a merged report of the El Fasher shelling
    [merged] = client.get("/api/events", params={"text": "paramilitary shelling"}).json()["events"]
    assert merged["n_sources"] >= 2 and merged["location"]["name"] == "El Fasher"
    assert client.get("/api/events", params={"text": "Fash market"}).json()["total"] >= 1  # word prefixes, any order


def test_timeline_has_a_robust_range_and_adds_up(client):
    tl = client.get("/api/timeline").json()
    stats = client.get("/api/stats").json()
    assert sum(r[2] for r in tl["rows"]) + tl["undated"] == stats["events"]
    assert sum(r[3] for r in tl["rows"]) == stats["fatalities"] > 0
    rng = tl["range"]
    assert rng["min"] == "2022-01-01" and rng["focus"][0] >= "2025-02-01" and rng["outside"] >= 1
    by_acled = client.get("/api/timeline", params={"by": "acled"}).json()
    assert {r[1] for r in by_acled["rows"]} >= {"Battles", None}


def test_top_tables_filter_to_what_they_count(client):
    top = client.get("/api/top").json()
    for name in ("country", "admin1", "actor"):
        assert top[name] and top[name][0]["n"] >= top[name][-1]["n"]
    row = top["admin1"][0]
    assert client.get("/api/events", params={"admin1": row["key"], "country": row["country"]}).json()["total"] == row["n"]
    country = top["country"][0]
    assert client.get("/api/events", params={"country": country["key"]}).json()["total"] >= country["n"]


def test_map_points_or_cells(client, monkeypatch):
    from eventwire.store import aggregate

    points = client.get("/api/map").json()
    assert points["mode"] == "points" and len(points["points"]) == points["total"] > 30
    monkeypatch.setattr(aggregate, "MAX_POINTS", 5)
    cells = client.get("/api/map", params={"cell": 5}).json()
    assert cells["mode"] == "cells" and sum(c["n"] for c in cells["cells"]) == points["total"]
    for c in cells["cells"]:
        w, s, e, n = c["bounds"]
        assert w <= c["lon"] <= e and s <= c["lat"] <= n


def test_list_has_sources_and_parquet_export(client):
    import io

    import pyarrow.parquet as pq

    events = client.get("/api/events", params={"min_sources": 2}).json()["events"]
    assert all(len(e["sources"]) >= 1 for e in events) and any(len(e["sources"]) >= 2 for e in events)
    r = client.get("/api/export", params={"format": "parquet", "country": "Sudan"})
    assert r.status_code == 200 and r.content[:4] == b"PAR1"
    assert pq.read_table(io.BytesIO(r.content)).num_rows == client.get("/api/events", params={"country": "SDN"}).json()["total"]


def test_an_older_database_gets_the_search_index(db_url, monkeypatch):
    """A database made before migration 3 is indexed when opened, and stays indexed as it grows."""
    import eventwire.store as store_module
    from eventwire.model import Article
    from eventwire.store import EventFilter, open_store
    from eventwire.store import schema
    from test_store import record

    columns = store_module.columns  # as an eventwire of before migration 3 wrote them
    monkeypatch.setattr(store_module, "columns", lambda *a: {k: v for k, v in columns(*a).items()
                                                             if k not in ("actor_name", "recipient_name")})
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
    old = open_store(db_url)
    with old.transaction():
        old.add_article(Article(id="a", text="A", source="A", published="2025-03-11"), [record("a")])
        old.add_article(Article(id="b", text="B", source="B", published="2025-03-11"),
                        [record("b", sentence="Shelling hit Kharkiv's market, officials said.")])
    assert old.version == 2
    old.close()
    monkeypatch.undo()
    store = open_store(db_url)
    assert store.version == len(schema.MIGRATIONS)
    assert store.count(EventFilter(text="market shell")) == 1  # the merged report's words
    with store.transaction():
        store.add_article(Article(id="c", text="C", source="C", published="2025-03-11"),
                          [record("c", type_="PROTEST", place=("Tbilisi", 611717, 41.69, 44.83, "GEO"),
                                  sentence="Crowds rallied in Tbilisi.")])
    assert store.count(EventFilter(text="rall tbilisi")) == 1 and store.count(EventFilter(text="rallies")) == 0
    assert store.count(EventFilter(text="kharkiv's")) == 1 and store.count(EventFilter(text="kharkivs")) == 0
    assert store.rows("SELECT actor_name FROM events WHERE actor_name IS NOT NULL") == []  # the test records have no names


def test_remembered_views_follow_every_write(tmp_path):
    """The dashboard's views are remembered per connection until anyone writes to the database."""
    from eventwire.model import Article
    from eventwire.store import EventFilter, aggregate, open_store
    from test_store import record

    url = f"sqlite:///{tmp_path / 'memo.db'}"
    reader, writer = open_store(url), open_store(url)
    assert aggregate.timeline(reader, EventFilter())["range"] is None
    with writer.transaction():
        writer.add_article(Article(id="a", text="A", source="A", published="2025-03-11"), [record("a", killed=2)])
    assert aggregate.timeline(reader, EventFilter())["rows"] == [["2025-03-11", "ASSAULT", 1, 2]]
    assert aggregate.map_view(writer, EventFilter(), 1.0)["total"] == 1
    with writer.transaction():  # the writer's own connection sees its own write too
        writer.add_article(Article(id="b", text="B", source="B", published="2025-03-11"),
                           [record("b", place=("Tbilisi", 611717, 41.69, 44.83, "GEO"), type_="PROTEST")])
    assert aggregate.map_view(writer, EventFilter(), 1.0)["total"] == 2
    assert [r["key"] for r in aggregate.top(reader, EventFilter(), "country")] == ["GEO", "UKR"]
