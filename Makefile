# Two commands on a fresh machine: `make site` and `make test`. Everything installs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd

.PHONY: site test serve validate schema clean bench

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

site: $(STAMP)
	bash tools/systeem.sh site
	$(BIN)/p2g validate
	$(BIN)/p2g build

test: $(STAMP)
	bash tools/systeem.sh test
	$(BIN)/python -m pytest

serve: $(STAMP)
	bash tools/systeem.sh site
	$(BIN)/p2g serve

validate: $(STAMP)
	$(BIN)/p2g validate

schema: $(STAMP)
	$(BIN)/p2g schema

clean:
	rm -rf site build

bench: $(STAMP)
	$(BIN)/python bench/bench.py
