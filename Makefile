# Two commands on a fresh machine: `make site` and `make test`. Everything installs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# Two pinned sets: what building the site needs (requirements/site.txt) and what the tests add (test.txt).
# A school that only builds its site never downloads the test tools; each stamp is redone when its list changes.
STAMP := $(VENV)/.geinstalleerd
TESTSTAMP := $(VENV)/.tests-geinstalleerd

.PHONY: site test test-fast serve validate schema clean bench shim

$(STAMP): requirements/site.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements/site.txt
	$(PIP) --no-deps --no-build-isolation -e .
	@touch $(STAMP)

$(TESTSTAMP): $(STAMP) requirements/test.txt
	$(PIP) -r requirements/test.txt
	@touch $(TESTSTAMP)

site: $(STAMP)
	bash tools/systeem.sh site
	$(BIN)/p2g validate
	$(BIN)/p2g build

test: $(TESTSTAMP)
	bash tools/systeem.sh test
	$(BIN)/ruff check site_build tests bench tools
	$(BIN)/python -m pytest

# The fast loop: units and contracts, no whole build (tests that build carry the `build` marker).
test-fast: $(TESTSTAMP)
	$(BIN)/ruff check site_build tests bench tools
	$(BIN)/python -m pytest -m "not build" -q

serve: $(STAMP)
	bash tools/systeem.sh site
	$(BIN)/p2g serve

validate: $(STAMP)
	$(BIN)/p2g validate

schema: $(STAMP)
	$(BIN)/p2g schema

clean:
	rm -rf site build

# `make bench BENCH=--quick` for 1x only; `python bench/bench.py --help` for the rest
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH)

# Take the search shim for file:// again from its npm package (needs npm; the file is committed, see bron.json)
shim:
	bash tools/shim.sh
