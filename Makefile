# Two commands: `make run` (the app) and `make test` (the whole suite). Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RHINOCC_SOURCES ?= $(if $(wildcard ../shared/data),../shared/data,data/sources)
# Empty: the current published snapshot (data/snapshots/); set DB=file to use another warehouse.
DB ?=
export RHINOCC_SOURCES

.PHONY: run test check warehouse chromium nginx serve lint bench screenshots figures clean reports poppler national postgresql axe audit-a11y

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

# Publishes the first snapshot on a fresh machine (and a new one when the schema or a base file changed).
warehouse: $(VENV)/.installed
	$(BIN)/rhinocc-dash warehouse --sources "$(RHINOCC_SOURCES)"

run: warehouse
	$(BIN)/streamlit run app.py

# Browser tests drive the Debian chromium package (Playwright's own browser download does not work offline).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium; \
	  else echo "Chromium absent : installez le paquet Debian chromium pour les tests navigateur."; fi; \
	fi

test: $(VENV)/.installed-test warehouse chromium nginx poppler postgresql axe
	$(BIN)/python -m pytest

# The fast lane: lint, then the tests that need neither a browser, nor a real server, nor the full build (≤ 90 s).
check: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -m "not build and not browser and not slow"

# PostgreSQL (Debian package): the store tests start a throwaway server from its binaries.
postgresql:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq postgresql; \
	  else echo "PostgreSQL absent : installez le paquet Debian postgresql pour les tests du stockage."; fi; \
	fi

# axe-core (npm package pinned in package.json/package-lock.json) for the accessibility tests, into
# ./node_modules (ignored by git); npm itself from the Debian package if absent.
axe: node_modules/axe-core/axe.min.js
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq npm; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq npm; \
	  else echo "npm absent : installez le paquet Debian npm pour les tests d'accessibilité."; exit 1; fi; \
	fi
	npm ci --no-audit --no-fund --silent
	touch $@

# Every page at 1 280 and 320 px wide, workshop screens and the lieu card: axe-core, names, reflow.
audit-a11y: $(VENV)/.installed-test warehouse chromium axe
	RHINOCC_DB=$(DB) $(BIN)/python -m scripts.audit_a11y

# nginx (Debian package) for `make serve` and its test.
nginx:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx-light; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq nginx-light; \
	  else echo "nginx absent : installez le paquet Debian nginx-light pour make serve."; fi; \
	fi

# Production serving: nginx in front of one Streamlit process per core (WORKERS=…, PORT=…).
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
PORT ?= 8080
serve: warehouse nginx
	$(BIN)/rhinocc-dash serve --workers $(WORKERS) --port $(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed-test warehouse
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_dedup.py $(DB) --splink
	$(BIN)/python benchmarks/bench_map.py $(DB)
	$(BIN)/python benchmarks/bench_coverage.py $(DB)
	$(BIN)/python benchmarks/bench_gap.py $(DB)

# National scale (issue 13): a synthetic France (Occitanie ×7, in /tmp, never in the repository), its build,
# each page's rerun and the map's payload per level. REUSE=1 keeps the folder and warehouse of a former run.
national: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_national.py $(if $(REUSE),--reuse)

# Every figure the pages show, as JSON: diff the output before and after a refactoring.
figures: $(VENV)/.installed-test warehouse
	@RHINOCC_DB=$(DB) $(BIN)/python benchmarks/page_figures.py 2>/dev/null

# Refresh the screenshots in docs/ (tests never write there).
screenshots: $(VENV)/.installed-test warehouse chromium
	RHINOCC_DB=$(DB) $(BIN)/python tests/support/screenshots.py

# Removes the legacy single warehouse; published snapshots (data/snapshots/) are kept on purpose.
clean:
	rm -f data/rhinocc.duckdb

# pdftoppm and pdftotext (Debian poppler-utils): the PDF report tests turn pages into images and text.
poppler:
	@if [ ! -x /usr/bin/pdftoppm ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils; \
	  else echo "poppler absent : installez le paquet Debian poppler-utils pour les tests du rapport PDF."; fi; \
	fi

# The example reports linked from the README (docs/rapports/): one département and the région.
reports: warehouse
	$(BIN)/rhinocc-dash report --departement 46 --format pdf --out docs/rapports/rapport-46-lot.pdf $(if $(DB),--db $(DB))
	$(BIN)/rhinocc-dash report --region --format pdf --out docs/rapports/rapport-occitanie.pdf $(if $(DB),--db $(DB))
