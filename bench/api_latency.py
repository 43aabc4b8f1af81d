"""API latency with 50,000 events, and the page's load time in headless Chromium.

    .venv/bin/python bench/api_latency.py [--events 50000] [--requests 300] [--screenshot docs/page.png]

(tools/screenshots.py takes the documentation's screenshots.)

Builds a SQLite database of N synthetic events (the examples' coded events, jittered in place
and date, so the index and filters see realistic values), serves it with uvicorn in a separate
process on loopback, and sends a bounded load (4 client threads; --clients) of /api/events queries with
varied filters (a third with words, through the full-text index), plus the dashboard's /api/map,
/api/timeline, /api/top, /api/clusters and /api/stats. Prints p50/p99 per endpoint, then the page load
(navigation until markers and the list are drawn) in Chromium. The machine is shared and noisy:
read the numbers as orders of magnitude, not as a contract.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_db(path: Path, n: int) -> str:
    from eventwire.pipeline import Pipeline
    from eventwire.readers.articles import read_paths
    from eventwire.model import Article
    from eventwire.store import open_store
    from eventwire.store.records import claims, columns

    pipeline = Pipeline()
    seeds = [e.to_dict() for a in read_paths(sorted(str(p) for p in (ROOT / "examples").glob("*.txt")), "2025-03-14")
             if isinstance(a, Article) for e in pipeline.code(a)]
    seeds = [s for s in seeds if (s.get("location") or {}).get("lat") is not None]
    url = f"sqlite:///{path}"
    store = open_store(url)
    rng = random.Random(7)
    rows = []
    for i in range(n):
        rec = json.loads(json.dumps(rng.choice(seeds)))
        rec["id"] = f"synthetic{i:07d}"
        rec["location"]["lat"] += rng.uniform(-2, 2)
        rec["location"]["lon"] += rng.uniform(-2, 2)
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rec["when"] = {"start": day, "end": day, "precision": "day"}
        cols = columns(rec, claims(rec))
        cols.update(id=rec["id"], seq=i + 1, n_mentions=1 + i % 3, n_sources=1 + i % 3, first_reported=day)
        rows.append(cols)
    names = list(rows[0])
    with store.transaction():
        store.conn.executemany(f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                               [[r[k] for k in names] for r in rows])
    store.close()
    return url


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def load(base: str, requests: int, legacy: bool = False, clients: int = 4) -> dict[str, dict[str, float]]:
    import httpx

    rng = random.Random(3)
    types = ["ASSAULT", "COERCE", "PROTEST", "ACCUSE", None]
    countries = ["SDN", "UKR", "GEO", "MLI", "COD", None]

    words = ["drone", "market", "shelled", "protesters", "El Fasher", None]
    dashboard = (["/api/clusters"] if legacy else ["/api/clusters", "/api/map", "/api/timeline", "/api/top"])

    def one(_: int) -> tuple[str, float]:
        kind = rng.random()
        if kind < 0.6:
            path = "/api/events"
            params = {k: v for k, v in {"type": rng.choice(types), "country": rng.choice(countries),
                                        "since": "2025-03-01" if rng.random() < .5 else None,
                                        "text": rng.choice(words) if rng.random() < .3 else None,
                                        "limit": 50, "offset": rng.choice([0, 50, 500])}.items() if v is not None}
        elif kind < 0.85:
            path = rng.choice(dashboard)
            params = {"cell": rng.choice([10, 2, 0.5]), "type": rng.choice(types) or "", "country": rng.choice(countries) or ""}
        else:
            path, params = "/api/stats", {"country": rng.choice(countries) or ""}
        t = time.perf_counter()
        r = client.get(base + path, params=params)
        r.raise_for_status()
        return path, (time.perf_counter() - t) * 1000

    with httpx.Client(timeout=30) as client:
        client.get(base + "/api/events")  # warm
        with ThreadPoolExecutor(clients) as pool:
            results = list(pool.map(one, range(requests)))
    out = {}
    for path in sorted({p for p, _ in results}):
        ms = [t for p, t in results if p == path]
        out[path] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p99_ms": round(percentile(ms, .99), 1)}
    return out


def page_load(base: str, screenshot: str | None) -> dict[str, float]:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    if not chromium:
        return {}
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                                                    "--disable-background-networking", "--disable-sync",
                                                                    "--disable-component-update"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for _ in range(3):
            t = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("#map[data-ready='1']")
            page.wait_for_selector("tr.event-row")
            times.append((time.perf_counter() - t) * 1000)
        if screenshot:
            page.locator("tr.event-row button").first.click()
            page.wait_for_selector(".article-text mark.hl-trigger")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=screenshot)
        browser.close()
    return {"page_load_ms_median": round(statistics.median(times), 1), "page_load_ms_runs": [round(t) for t in times]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=50_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--screenshot")
    ap.add_argument("--db", help="Serve this database instead of a synthetic one (for the screenshot).")
    ap.add_argument("--legacy", action="store_true", help="Only the endpoints an eventwire before issue 21 has.")
    ap.add_argument("--clients", type=int, default=4, help="Client threads sending requests at once.")
    a = ap.parse_args()
    from eventwire.api.local import serving

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        url = a.db or build_db(Path(tmp) / "bench.db", a.events)
        built = time.perf_counter() - t
        with serving(url) as base:
            result = {"events": a.events if not a.db else None, "db_build_s": round(built, 1),
                      **load(base, a.requests, a.legacy, a.clients), **page_load(base, a.screenshot)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
