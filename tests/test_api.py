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
