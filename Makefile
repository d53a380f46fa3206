# The README's two commands: `make run` starts the system on this machine, `make test` runs every test.
# Both create or reuse .venv and install what is missing, so a fresh Debian with Python 3.11 needs nothing else.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the tests and the hub need (installed with apt-get when missing; root or sudo).
SYSTEM_PACKAGES := python3-venv bubblewrap

.PHONY: run test lint bench clean system

$(STAMP): pyproject.toml
	@scripts/ensure-debian-packages.sh $(SYSTEM_PACKAGES)
	@test -x $(BIN)/python || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

system:
	@scripts/ensure-debian-packages.sh $(SYSTEM_PACKAGES)

run: $(STAMP) system
	$(BIN)/schuelerlab lab --folder courses --no-browser

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) system lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
