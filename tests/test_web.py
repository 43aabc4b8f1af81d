"""The analyst page end to end in a real headless Chromium (Debian's, driven by Playwright), over
the examples' database: clustered spots that open, the timeline brush, countries by name, shared
URLs, export links, the drawn box and map-view filters, and hostile article text that must not run."""
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from eventwire.api.local import free_port

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TBILISI = "44.7,41.6,45.0,41.8"
VENDOR = Path(__file__).resolve().parent.parent / "eventwire" / "web" / "static" / "vendor"


def wait_until(page, js: str, timeout: float = 10.0) -> None:
    """Poll a JS expression (page.wait_for_function would need 'unsafe-eval', which the page's CSP forbids)."""
    deadline = time.time() + timeout
    while not page.evaluate(js):
        assert time.time() < deadline, f"timed out waiting for {js}"
        time.sleep(0.05)


def api(server, path, **params):
    return httpx.get(f"{server}{path}", params=params).json()


@pytest.fixture(scope="module")
def server(example_db):
    import uvicorn

    from eventwire.api import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(example_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian chromium is not installed (apt-get install chromium; .ci/run does)")
    if not (VENDOR / "leaflet" / "leaflet.js").exists():
        pytest.skip("the page's map files are not installed (make web-assets: needs npm)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    pg = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (pg.errors.append("dialog: " + d.message), d.dismiss()))
    pg.open = lambda query="": open_page(pg, server, query)
    yield pg
    assert not pg.errors, pg.errors  # no script error, no CSP refusal, no failed request
    pg.close()


def open_page(pg, server, query):
    pg.goto(f"{server}/{query}")
    pg.wait_for_selector("#map[data-ready='1']")
    pg.wait_for_selector("tr.event-row")
    wait_until(pg, "document.querySelector('#timeline').dataset.ready === '1'")
    return pg


def state(pg) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(pg.url).query).items()}


def settled_url(pg, quiet: float = 0.8, timeout: float = 10.0) -> str:
    """The page's URL once it has stopped changing: a zoom's animation, and the view written after it, take a moment."""
    deadline = time.time() + timeout
    url, since = pg.url, time.time()
    while time.time() - since < quiet:
        assert time.time() < deadline, "the URL kept changing"
        time.sleep(0.05)
        if pg.url != url:
            url, since = pg.url, time.time()
    return url


def list_total(pg) -> int:
    return int(pg.get_attribute("#list", "data-total"))


def test_every_located_event_is_on_the_map_with_a_legend_of_the_types_present(page, server):
    page.open()
    located = api(server, "/api/map")["total"]
    wait_until(page, "document.querySelector('#map').dataset.basemap === '1'")
    # markers are drawn once the clusters settle: a zoom animation briefly shows parent and child icons
    wait_until(page, "!document.querySelector('.leaflet-cluster-anim') && !document.querySelector('.leaflet-zoom-anim')")
    page.wait_for_timeout(400)
    shown = page.locator(".ev-cluster").evaluate_all("els => els.map(e => +e.dataset.n)")
    assert sum(shown) + page.locator(".ev-marker").count() == located > 30
    legend = set(page.locator(".legend-item").evaluate_all("els => els.map(e => e.dataset.key)"))
    assert legend == set(api(server, "/api/stats")["by_type"])
    assert page.locator("#timeline .tick-label").count() >= 4  # a date axis with labels


def test_a_clustered_spot_opens_to_each_of_its_events(page, server):
    page.open()
    expected = {e["id"] for e in api(server, "/api/events", bbox=TBILISI, limit=100)["events"]}
    assert len(expected) >= 5  # the examples put several events in Tbilisi
    for _ in range(6):  # zoom in through the clusters until the spot expands
        if page.locator(".ev-marker[aria-label*='Tbilisi']").count() == len(expected):
            break
        page.locator(".ev-cluster[aria-label*='Tbilisi']").first.click()
        page.wait_for_timeout(700)
    opened = set()
    for event_id in page.locator(".ev-marker[aria-label*='Tbilisi']").evaluate_all("els => els.map(e => e.dataset.id)"):
        page.locator(f".ev-marker[data-id='{event_id}']").click()
        wait_until(page, f"document.querySelector('#detail').dataset.id === '{event_id}'")
        assert page.locator("#detail .article-text mark.hl-trigger").count() >= 1
        opened.add(event_id)
    assert opened == expected


def test_the_keyboard_expands_a_spot_and_opens_an_event(page):
    page.open("?map=7/41.69/44.83")
    page.locator(".ev-cluster-icon").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".ev-marker[aria-label*='Tbilisi']")
    icon = page.locator(".ev-icon").first
    event_id = icon.locator(".ev-marker").get_attribute("data-id")
    icon.focus()
    page.keyboard.press("Enter")
    wait_until(page, f"document.querySelector('#detail').dataset.id === '{event_id}'")


def test_brushing_the_timeline_filters_the_dates_and_the_brush_stays(page, server):
    page.open()
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + 60
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.95, y, steps=5)
    page.mouse.up()
    wait_until(page, "new URLSearchParams(location.search).has('since')")
    since, until = state(page)["since"], state(page)["until"]
    assert since < until
    total = api(server, "/api/events", since=since, until=until)["total"]
    wait_until(page, f"document.querySelector('#list').dataset.total === '{total}'")
    assert 0 < total < api(server, "/api/events")["total"]
    assert page.input_value("#filters input[name=since]") == since
    page.wait_for_timeout(300)  # the timeline redraws with the new filters: the brush must still be drawn
    assert float(page.get_attribute("#brush", "width")) > 20


def test_the_robust_range_and_all_dates(page, server):
    page.open()
    rng = api(server, "/api/timeline")["range"]
    assert rng["min"] < rng["focus"][0] and rng["outside"] >= 1  # the 2022 report does not squeeze March 2025
    assert page.get_attribute("#timeline", "data-from") == rng["focus"][0]
    page.click("#dates-all")
    wait_until(page, f"document.querySelector('#timeline').dataset.from <= '{rng['min']}'")
    assert state(page)["dates"] == "all"


def test_country_by_name_with_suggestions_and_a_wrong_name_is_explained(page, server):
    page.open()
    assert page.locator("#country-names option[value='Sudan']").count() == 1
    page.fill("#filters input[name=country]", "Sudan")
    page.click("#filters button[type=submit]")
    expected = api(server, "/api/events", country="SDN")
    wait_until(page, f"document.querySelector('#list').dataset.total === '{expected['total']}'")
    assert expected["total"] >= 3 and state(page)["country"] == "Sudan"
    ids = page.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert set(ids) == {e["id"] for e in expected["events"]}
    page.fill("#filters input[name=country]", "Sudn")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "Sudan (SDN)" in page.text_content("#error")
    refused = [e for e in page.errors if "status of 400" in e]
    assert refused and len(refused) == len(page.errors)  # the browser logs each 400; nothing else went wrong
    page.errors.clear()


def test_a_shared_url_restores_the_same_view(page, browser, server):
    page.open()
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.fill("#filters input[name=country]", "Ukraine")
    page.click("#filters button[type=submit]")
    total = api(server, "/api/events", type="ASSAULT", country="UKR")["total"]
    wait_until(page, f"document.querySelector('#list').dataset.total === '{total}'")
    first = page.locator("tr.event-row").first.get_attribute("data-id")
    page.locator("tr.event-row button.open").first.click()
    wait_until(page, f"document.querySelector('#detail').dataset.id === '{first}'")
    page.locator(".leaflet-control-zoom-in").click()
    wait_until(page, "new URLSearchParams(location.search).has('map')")
    shared = settled_url(page)
    other = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_page(other, server, "?" + urlparse(shared).query)
    wait_until(other, f"document.querySelector('#detail').dataset.id === '{first}'")
    assert other.input_value("#filters select[name=type]") == "ASSAULT"
    assert other.input_value("#filters input[name=country]") == "Ukraine"
    assert list_total(other) == total
    assert state(other)["map"] == parse_qs(urlparse(shared).query)["map"][0] and other.locator("#side.showing-detail").count() == 1
    other.close()


def test_export_links_carry_the_current_filters(page, server):
    page.open("?country=Sudan&type=ASSAULT")
    total = list_total(page)
    for link, fmt in (("#export-csv", "csv"), ("#export-jsonl", "jsonl"), ("#export-parquet", "parquet"),
                      ("#export-acled", "acled-csv"), ("#export-geojson", "geojson")):
        query = parse_qs(urlparse(page.get_attribute(link, "href")).query)
        assert query == {"country": ["Sudan"], "type": ["ASSAULT"], "format": [fmt]}
    body = httpx.get(server + page.get_attribute("#export-jsonl", "href")).text
    assert len(body.strip().splitlines()) == total > 0
    parquet = httpx.get(server + page.get_attribute("#export-parquet", "href"))
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"


def test_a_drawn_box_and_the_map_view_filter_the_list(page, server):
    page.open("?map=4/45/35")
    page.click("#draw-box")
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.8, steps=8)
    page.mouse.up()
    wait_until(page, "new URLSearchParams(location.search).has('bbox')")
    bbox = state(page)["bbox"]
    total = api(server, "/api/events", bbox=bbox)["total"]
    wait_until(page, f"document.querySelector('#list').dataset.total === '{total}'")
    assert 0 < total < api(server, "/api/events")["total"]
    page.click(".filter-chip button")  # remove the box
    wait_until(page, "!new URLSearchParams(location.search).has('bbox')")
    page.check("#inview")
    wait_until(page, "new URLSearchParams(location.search).get('inview') === '1'")
    view = parse_qs(urlparse(page.get_attribute("#export-csv", "href")).query)["bbox"][0]
    total = api(server, "/api/events", bbox=view)["total"]
    wait_until(page, f"document.querySelector('#list').dataset.total === '{total}'")
    assert 0 < total < api(server, "/api/events")["total"]


def test_colour_by_acled_type(page, server):
    page.open("?colour=acled")
    legend = set(page.locator(".legend-item").evaluate_all("els => els.map(e => e.dataset.key)"))
    acled = {k if k != "null" else "" for k in api(server, "/api/stats")["by_acled"]}
    assert legend == acled and "Battles" in legend


def test_hostile_article_text_does_not_run(page):
    page.open("?text=police+post")
    wait_until(page, "document.querySelector('#list').dataset.total === '1'")
    page.locator("tr.event-row button.open").first.click()
    page.wait_for_selector(".article-text mark.hl-trigger")
    page.wait_for_timeout(300)
    assert "<script>window.__xss = 1</script>" in page.locator(".article-text").text_content()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#detail script, #detail img").count() == 0
