# Two commands do all the set-up: `make serve` and `make test`.
# Python 3.11.5 or newer (pyproject.toml: requires-python); PYTHON=... picks one.
PYTHON ?= python3
VENV   ?= .venv
PORT   ?= 8000
BIN    := $(VENV)/bin
# The generator: mkdocs (the default) or zensical, Material's successor, which
# builds the same mkdocs.yml from its own venv and lock (requirements-zensical.txt).
ENGINE ?= mkdocs
ZVENV  ?= .venv-zensical
ZBIN   := $(ZVENV)/bin

.PHONY: serve build zensical test test-fast lint bench bench-pages offline lock clean distclean screen-reader fuzz

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

# Zensical's own venv, from its own lock: the MkDocs venv stays as it is.
$(ZVENV)/.zensical: requirements-zensical.txt
	$(check_python)
	@rm -rf $(ZVENV)
	@set -e; trap 'rm -rf $(ZVENV)' EXIT; \
	python=$$($(PYTHON) -c 'import sys; print(sys.executable)'); \
	uv=$$( [ -x $(BIN)/uv ] && echo $(BIN)/uv || command -v uv || true ); \
	echo "Creating $(ZVENV) for Zensical ($$python)"; \
	if [ -n "$$uv" ]; then \
	  "$$uv" venv --quiet --python "$$python" $(ZVENV); \
	  "$$uv" pip install --quiet --python $(ZBIN)/python --require-hashes --compile-bytecode -r requirements-zensical.txt; \
	else \
	  "$$python" -m venv $(ZVENV); \
	  $(ZBIN)/python -m pip install --quiet --require-hashes -r requirements-zensical.txt; \
	fi; \
	touch $@; trap - EXIT

# --- Everyday commands ----------------------------------------------------------
# Material prints a ten-line end-of-life box (5 May 2027) on every serve and
# build. make shows it as one line instead; README, "Material's end of life",
# says what it means and what the project does. `make build NO_MKDOCS_2_WARNING=`
# shows Material's own box.
export NO_MKDOCS_2_WARNING ?= 1
.PHONY: material-notice zensical
material-notice:
	@[ -n "$$NO_MKDOCS_2_WARNING" ] || exit 0; \
	echo "Note: Material for MkDocs reaches end of life on 5 May 2027 (README: \"Material's end of life\")."

# ENGINE=zensical: `zensical serve` runs no post-build steps (no inlined
# styles, no merged script, no CSP snippet); `make build ENGINE=zensical` does.
ifeq ($(ENGINE),zensical)
serve: $(ZVENV)/.zensical  ## Serve the site on http://127.0.0.1:8000 (PORT=..., ENGINE=zensical)
	$(ZBIN)/zensical serve --dev-addr 127.0.0.1:$(PORT)

build: $(ZVENV)/.zensical  ## Build the site into site/ (ENGINE=zensical: with Zensical)
	$(ZBIN)/python scripts/build.py --engine zensical
else ifeq ($(ENGINE),mkdocs)
serve build: material-notice
serve: $(VENV)/.runtime  ## Serve the site on http://127.0.0.1:8000 (PORT=..., ENGINE=zensical)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.runtime  ## Build the site into site/ (ENGINE=zensical: with Zensical)
	$(BIN)/mkdocs build --strict
else
serve build:
	$(error ENGINE is mkdocs (the default) or zensical, not "$(ENGINE)")
endif

zensical: $(ZVENV)/.zensical  ## Install Zensical into .venv-zensical (make test uses it)

# The Debian packages the tests drive (Chromium, nginx, Node, ...) are checked
# first; apt installs missing ones only with CI=true (.ci/run) or
# INSTALL_SYSTEM_DEPS=1, as root. Otherwise make names the command and stops.
test: $(VENV)/.dev  ## Install the test tools, check the system packages, run ruff and every test
	@CI="$(CI)" INSTALL_SYSTEM_DEPS="$(INSTALL_SYSTEM_DEPS)" sh scripts/ensure-system-deps.sh
	$(BIN)/ruff check
	$(BIN)/python -m pytest

# No browser and no repeated whole builds: for every edit. make test runs the rest.
test-fast: $(VENV)/.dev  ## The tests an editor needs, in seconds: macros, data, build, serve, nginx
	$(BIN)/python -m pytest -m "not browser and not slow"

lint: $(VENV)/.dev
	$(BIN)/ruff check
	$(BIN)/ruff format --check

# Orca (a real screen reader) over a fixed route through the checklist, on a
# virtual desktop; rewrites scripts/screen-reader/transcript.txt and prints
# what changed. Not part of `make test`. scripts/screen-reader/README.md.
screen-reader: $(VENV)/.dev  ## Orca reads the checklist; transcript in scripts/screen-reader/
	dbus-run-session -- $(BIN)/python scripts/screen-reader/run.py

offline: $(VENV)/.runtime  ## Write the offline copy to dist/kompetensutveckling-offline.zip
ifeq ($(ENGINE),zensical)
	$(error make offline builds with MkDocs only, for now: leave ENGINE out (tests/test_zensical.py checks Zensical's offline copy))
endif
	$(BIN)/python scripts/offline.py

bench: $(VENV)/.dev  ## Print size and speed figures, with date and load (not a test)
	$(BIN)/python benchmarks/commands.py
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
	"$$uv" $(UV_COMPILE) requirements-zensical.in -o requirements-zensical.txt; \
	echo "Locks written: requirements.txt, requirements-dev.txt, requirements-uv.txt, requirements-zensical.txt"

clean:
	rm -rf site dist site-csp.conf .pytest_cache .ruff_cache .cache

distclean: clean  ## Also remove the virtual environment and the benchmark's npm packages
	rm -rf $(VENV) $(ZVENV) benchmarks/lighthouse/node_modules

.PHONY: unconfirmed
unconfirmed: $(VENV)/.runtime  ## List the facts awaiting the owner's confirmation (a public build stops while any remain)
	@$(BIN)/python -m macros.publication

# The checklist's sync simulation, long run (not part of `make test`, which runs
# 10,000 schedules): SCHEDULES=... SEED=... (a new seed each run unless given).
# A failure prints the seed and the command that replays it.
SCHEDULES ?= 1000000
fuzz:  ## Run the checklist's sync simulation over a million schedules (Node.js)
	node tests/sim/run.js --schedules $(SCHEDULES) --seed $${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')} --steps 60
