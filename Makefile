# Two commands: `make run` (the app) and `make test` (the whole suite). Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RHINOCC_SOURCES ?= $(if $(wildcard ../shared/data),../shared/data,data/sources)
DB ?= data/rhinocc.duckdb
export RHINOCC_SOURCES

.PHONY: run test warehouse chromium lint bench screenshots figures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/rhinocc-dash references
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

warehouse: $(VENV)/.installed
	$(BIN)/rhinocc-dash build --sources "$(RHINOCC_SOURCES)" --db $(DB) --if-needed

run: warehouse
	$(BIN)/streamlit run app.py

# Browser tests drive the Debian chromium package (Playwright's own browser download does not work offline).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium; \
	  else echo "Chromium absent : installez le paquet Debian chromium pour les tests navigateur."; fi; \
	fi

test: $(VENV)/.installed-test warehouse chromium
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed-test warehouse
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_dedup.py $(DB) --splink
	$(BIN)/python benchmarks/bench_map.py $(DB)
	$(BIN)/python benchmarks/bench_coverage.py $(DB)
	$(BIN)/python benchmarks/bench_gap.py $(DB)

# Every figure the pages show, as JSON: diff the output before and after a refactoring.
figures: $(VENV)/.installed-test warehouse
	@RHINOCC_DB=$(DB) $(BIN)/python benchmarks/page_figures.py 2>/dev/null

# Refresh the screenshots in docs/ (tests never write there).
screenshots: $(VENV)/.installed-test warehouse chromium
	RHINOCC_DB=$(DB) $(BIN)/python scripts/screenshots.py

clean:
	rm -f $(DB)
