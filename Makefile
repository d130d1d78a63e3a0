# Two commands do all the set-up: `make serve` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint bench offline clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

serve: $(VENV)/.runtime  ## Serve the site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.runtime  ## Build the site into site/
	$(BIN)/mkdocs build --strict

test: $(VENV)/.dev  ## Install everything, make sure a Chromium is there, run all tests
	sh scripts/ensure-system-deps.sh
	$(BIN)/ruff check
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check
	$(BIN)/ruff format --check

offline: $(VENV)/.runtime  ## Write the offline copy to dist/kompetensutveckling-offline.zip
	$(BIN)/python scripts/offline.py

bench: $(VENV)/.dev  ## Print size and speed figures (not a test)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/checklist.py

clean:
	rm -rf site dist .pytest_cache
