"""The page end to end in a real headless Chromium (Debian's, driven by Playwright): markers,
filtering, the evidence view, keyboard use, and hostile article text that must not run."""
import shutil
import socket
import threading
import time

import httpx
import pytest

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def wait_until(page, js: str, timeout: float = 10.0) -> None:
    """Poll a JS expression (page.wait_for_function would need 'unsafe-eval', which the page's CSP forbids)."""
    deadline = time.time() + timeout
    while not page.evaluate(js):
        assert time.time() < deadline, f"timed out waiting for {js}"
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
def page(server):
    if CHROMIUM is None:
        pytest.skip("Debian chromium is not installed (apt-get install chromium; .ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.on("dialog", lambda d: (pg.errors.append("dialog: " + d.message), d.dismiss()))
        pg.goto(server + "/")
        pg.wait_for_selector("#map[data-ready='1']")
        pg.wait_for_selector("tr.event-row")
        yield pg
        browser.close()


def test_markers_match_the_located_events(page, server):
    cell = page.get_attribute("#map", "data-cell")
    clusters = httpx.get(f"{server}/api/clusters", params={"cell": cell}).json()["clusters"]
    assert page.locator("circle.marker").count() == len(clusters) > 3
    shown = sum(int(n) for n in page.locator("circle.marker").evaluate_all("els => els.map(e => e.dataset.n)"))
    located = [e for e in httpx.get(f"{server}/api/events", params={"limit": 1000}).json()["events"]
               if (e.get("location") or {}).get("lat") is not None]
    assert shown == len(located)
    assert page.locator("#land path").count() > 100 or "countries-50m" not in str(page.errors)


def test_filter_by_type_then_open_an_event(page, server):
    page.select_option("#f-type", "PROTEST")
    page.click("#filters button[type=submit]")
    total = httpx.get(f"{server}/api/events", params={"type": "PROTEST"}).json()["total"]
    wait_until(page, f"document.querySelector('#list').dataset.total === '{total}'")
    types = page.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"PROTEST"} and len(types) == min(total, 50)
    assert all(int(n) >= 1 for n in page.locator("circle.marker").evaluate_all("els => els.map(e => e.dataset.n)"))
    event_id = page.locator("tr.event-row").first.get_attribute("data-id")
    page.locator("tr.event-row button").first.click()
    page.wait_for_selector(".article-text mark.hl-trigger")
    trigger = httpx.get(f"{server}/api/events/{event_id}").json()["evidence"]["trigger"]["text"]
    assert page.locator(".article-text mark.hl-trigger").first.text_content() == trigger
    assert "PROTEST" in page.locator("#detail h2").text_content()
    page.click("#filters button[type=reset]")
    wait_until(page, "document.querySelector('#f-type').value === ''")


def test_keyboard_opens_a_single_event_marker(page):
    page.click("#zoom-reset")
    for _ in range(6):
        page.click("#zoom-in")
    page.wait_for_timeout(400)
    page.click("#zoom-reset")
    page.wait_for_timeout(400)
    marker = page.locator("circle.marker").first
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert page.locator("#detail").is_visible() or page.get_attribute("#map", "viewBox") != "-180 -90 360 180"


def test_hostile_article_text_does_not_run(page):
    page.fill("#filters input[name=text]", "police post")
    page.click("#filters button[type=submit]")
    wait_until(page, "document.querySelector('#list').dataset.total === '1'")
    page.locator("tr.event-row button").first.click()
    page.wait_for_selector(".article-text mark.hl-trigger")
    page.wait_for_timeout(300)
    assert "<script>window.__xss = 1</script>" in page.locator(".article-text").text_content()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#detail script, #detail img").count() == 0
    assert not page.errors, page.errors
