# The README's two commands: `make run` starts the system on this machine, `make test` runs every test.
# Both create or reuse .venv and install what is missing, so a fresh Debian with Python 3.11 needs nothing else.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the tests and the hub need (installed with apt-get when missing; root or sudo).
# The emoji font only makes the ✅ of the check cells visible in the browser tests' screenshots.
SYSTEM_PACKAGES := python3-venv chromium fonts-noto-color-emoji bubblewrap
# Node.js runs the hub's proxy (npm configurable-http-proxy); installed from Debian only if npm is missing.
NODE_PACKAGES := nodejs npm

.PHONY: run test lint bench clean system node

$(STAMP): pyproject.toml
	@scripts/ensure-debian-packages.sh $(SYSTEM_PACKAGES)
	@test -x $(BIN)/python || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

system:
	@scripts/ensure-debian-packages.sh $(SYSTEM_PACKAGES)

node:
	@command -v npm >/dev/null 2>&1 || scripts/ensure-debian-packages.sh $(NODE_PACKAGES)

# The hub in demo mode: state (database, secrets, accounts CSV) in .run/hub, the npm proxy in
# ./node_modules. Prints the address and the accounts file; Ctrl-C stops everything; data is kept.
run: $(STAMP) system node
	$(BIN)/schuelerlab hub run --demo --state-dir .run/hub --proxy-dir $(CURDIR)

lint: $(STAMP)
	$(BIN)/ruff check .

# The venv's bin/ goes first on PATH: nbgrader and jupyter start helpers (alembic, kernels) by name.
test: $(STAMP) system node lint
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest

bench: $(STAMP)
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
