"""Screenshots of the analyst page's main states, from the examples' database, into docs/.

    .venv/bin/python tools/screenshots.py [--db events.db] [--out docs]

Without --db it ingests the repository's examples (examples/*.txt and the dedup reports, published
2025-03-14) into a temporary database, serves it with `eventwire serve` on a free loopback port and
drives Debian's chromium (Playwright): the overview (docs/page.png), a spot with several events
expanded and one opened (docs/page-cluster.png), and a country filter with a brushed date range and
the evidence of an event (docs/page-filtered.png).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTWIRE = [sys.executable, "-m", "eventwire.cli.main"]
VIEWPORT = {"width": 1440, "height": 1000}


def build_db(path: Path) -> str:
    inputs = sorted(str(p) for p in (ROOT / "examples").glob("*.txt")) + [str(ROOT / "examples" / "dedup" / "reports.jsonl")]
    subprocess.run([*EVENTWIRE, "ingest", *inputs, "--db", str(path), "--published", "2025-03-14", "--quiet"],
                   check=True, cwd=ROOT)
    return str(path)


def wait_ready(page, timeout: float = 15.0) -> None:
    page.wait_for_selector("#map[data-ready='1']")
    page.wait_for_selector("tr.event-row")
    deadline = time.time() + timeout
    while page.evaluate("document.querySelector('#timeline').dataset.ready") != "1":
        assert time.time() < deadline, "the timeline was never drawn"
        time.sleep(0.05)
    page.wait_for_timeout(800)  # base map shapes and labels


def overview(page, base: str, out: Path) -> None:
    page.goto(base + "/")
    wait_ready(page)
    page.screenshot(path=str(out / "page.png"))


def cluster(page, base: str, out: Path) -> None:
    page.goto(base + "/?map=7/41.75/44.6")
    wait_ready(page)
    page.locator(".ev-cluster[aria-label*='Tbilisi']").first.click()
    page.wait_for_selector(".ev-marker[aria-label*='PROTEST']")
    page.wait_for_timeout(500)
    page.locator(".ev-marker[aria-label*='PROTEST']").first.click()
    page.wait_for_selector("#detail[data-id] .article-text")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(out / "page-cluster.png"))


def filtered(page, base: str, out: Path) -> None:
    page.goto(base + "/?country=Sudan&since=2025-03-10&until=2025-03-14&map=5/14.5/27.5")
    wait_ready(page)
    page.locator("tr.event-row", has_text="El Fasher").locator("button.open").click()
    page.wait_for_selector("#detail[data-id] .article-text mark.hl-trigger")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(out / "page-filtered.png"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="Serve this database instead of the examples'.")
    ap.add_argument("--out", default=str(ROOT / "docs"))
    a = ap.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("screenshots need Debian's chromium: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    from eventwire.api.local import serving

    out = Path(a.out)
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or build_db(Path(tmp) / "examples.db")
        with serving(db) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport=VIEWPORT)
            for shot in (overview, cluster, filtered):
                shot(page, base, out)
            browser.close()
    print(f"wrote {out / 'page.png'}, {out / 'page-cluster.png'}, {out / 'page-filtered.png'}")


if __name__ == "__main__":
    main()
