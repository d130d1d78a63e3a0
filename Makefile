# Two commands do all the set-up: `make serve` and `make test`.
# Python 3.11.5 or newer (pyproject.toml: requires-python); PYTHON=... picks one.
PYTHON ?= python3
VENV   ?= .venv
PORT   ?= 8000
BIN    := $(VENV)/bin

.PHONY: serve build test test-fast lint bench bench-pages offline lock clean distclean fuzz

# --- The interpreter: checked before anything is created -----------------------
# "3.11.7", or "3.11.2!" when too old, or nothing when $(PYTHON) does not run.
python_version = $(shell $(PYTHON) -c 'import sys; v = sys.version_info; print("%d.%d.%d%s" % (v[0], v[1], v[2], "" if v >= (3, 11, 5) else "!"))' 2>/dev/null)
newer_python = $(firstword $(foreach p,python3.14 python3.13 python3.12 python3.11 python3,$(if $(shell $(p) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' >/dev/null 2>&1 && echo ok),$(p))))
python_found = $(if $(python_version),$(patsubst %!,%,$(python_version)),no $(PYTHON))
python_hint = $(if $(newer_python),set PYTHON=$(newer_python),install a newer Python and set PYTHON=/path/to/python3)
check_python = $(if $(filter-out %!,$(python_version)),,$(error Python 3.11.5 or newer is needed; found $(python_found) — $(python_hint)))

# --- The virtual environment ---------------------------------------------------
# Installs come from the hashed locks (requirements*.txt, written by `make lock`)
# with hash checking: by uv when there is one (on PATH, or the pinned uv put into
# the venv from requirements-uv.txt), otherwise by pip. If any step fails the
# venv is removed, so a broken .venv is never left behind; the next run starts over.
define install
	@uv=$$( [ -x $(BIN)/uv ] && echo $(BIN)/uv || command -v uv || true ); \
	if [ -n "$$uv" ]; then \
	  "$$uv" pip install --quiet --python $(BIN)/python --require-hashes --compile-bytecode -r $(1); \
	else \
	  $(BIN)/python -m pip install --quiet --require-hashes -r $(1); \
	fi || { rm -rf $(VENV); echo "Installing $(1) failed; $(VENV) was removed." >&2; exit 1; }
endef

$(VENV)/.created:
	$(check_python)
	@rm -rf $(VENV)
	@set -e; trap 'rm -rf $(VENV)' EXIT; \
	python=$$($(PYTHON) -c 'import sys; print(sys.executable)'); \
	if command -v uv >/dev/null 2>&1; then \
	  echo "Creating $(VENV) with uv ($$python)"; \
	  uv venv --quiet --python "$$python" $(VENV); \
	else \
	  echo "Creating $(VENV) ($$python)"; \
	  "$$python" -m venv $(VENV); \
	  $(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-uv.txt \
	    || echo "uv could not be installed; installing with pip (slower)."; \
	fi; \
	touch $@; trap - EXIT

# Stamp files: reinstall only when a lock changes.
$(VENV)/.runtime: requirements.txt | $(VENV)/.created
	$(call install,requirements.txt)
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/.created
	$(call install,requirements-dev.txt)
	@touch $@ $(VENV)/.runtime

# --- Everyday commands ----------------------------------------------------------
# Material prints its end-of-life notice (5 May 2027) on serve and build; README,
# "Framtid", says what the project does about it. NO_MKDOCS_2_WARNING=1 hides it.
serve: $(VENV)/.runtime  ## Serve the site on http://127.0.0.1:8000 (PORT=...)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.runtime  ## Build the site into site/
	$(BIN)/mkdocs build --strict

test: $(VENV)/.dev  ## Install everything, make sure Chromium and nginx are there, run all tests
	sh scripts/ensure-system-deps.sh
	$(BIN)/ruff check
	$(BIN)/python -m pytest

test-fast: $(VENV)/.dev  ## Only the tests that need no browser: macros, data, build, nginx
	$(BIN)/python -m pytest -m "not browser"

lint: $(VENV)/.dev
	$(BIN)/ruff check
	$(BIN)/ruff format --check

offline: $(VENV)/.runtime  ## Write the offline copy to dist/kompetensutveckling-offline.zip
	$(BIN)/python scripts/offline.py

bench: $(VENV)/.dev  ## Print size and speed figures (not a test)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/checklist.py
	$(MAKE) bench-pages

bench-pages: $(VENV)/.dev  ## Lighthouse, this site beside plain Material (needs npm)
	sh scripts/ensure-system-deps.sh
	@command -v npm >/dev/null 2>&1 || { echo "make bench-pages needs Node.js 20 or newer and npm (apt-get install nodejs npm)." >&2; exit 1; }
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python benchmarks/pages.py

# Rewrite the hashed locks from requirements*.in (needs uv: make installs it).
# Keeps the versions already locked where the .in files allow; UPGRADE=1 takes
# the newest allowed versions of everything.
UV_COMPILE = pip compile --quiet --universal --python-version 3.11.5 --generate-hashes \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: | $(VENV)/.created
	@uv=$$( [ -x $(BIN)/uv ] && echo $(BIN)/uv || command -v uv || true ); \
	[ -n "$$uv" ] || { echo "make lock needs uv: it could not be installed." >&2; exit 1; }; \
	set -e; \
	"$$uv" $(UV_COMPILE) requirements.in -o requirements.txt; \
	"$$uv" $(UV_COMPILE) requirements-dev.in -o requirements-dev.txt; \
	"$$uv" $(UV_COMPILE) requirements-uv.in -o requirements-uv.txt; \
	echo "Locks written: requirements.txt, requirements-dev.txt, requirements-uv.txt"

clean:
	rm -rf site dist site-csp.conf .pytest_cache .ruff_cache

distclean: clean  ## Also remove the virtual environment and the benchmark's npm packages
	rm -rf $(VENV) benchmarks/lighthouse/node_modules

# The checklist's sync simulation, long run (not part of `make test`, which runs
# 10,000 schedules): SCHEDULES=... SEED=... (a new seed each run unless given).
# A failure prints the seed and the command that replays it.
SCHEDULES ?= 1000000
fuzz:  ## Run the checklist's sync simulation over a million schedules (Node.js)
	node tests/sim/run.js --schedules $(SCHEDULES) --seed $${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')} --steps 60
