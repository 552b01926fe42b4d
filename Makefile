# The README's two commands: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup setup-dev assets check lint types migrations-check size-guard pytest pytest-postgres bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed
setup-dev: $(VENV)/.installed-dev node_modules/.installed
assets: node_modules/.installed

# Start aims on its embedded SQLite database, with the catalogue and a demo organisation, and the background
# worker (reminders, e-mail) beside the server; Ctrl-C stops both.
run: export DEBUG ?= true
run: setup
	mkdir -p var
	$(BIN)/aims migrate --no-input
	$(BIN)/aims catalog load
	$(BIN)/aims demo
	$(BIN)/aims worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/aims runserver $(HOST):$(PORT)

# Lint, types, migrations, the file-size guard, then every test on SQLite (and PostgreSQL when
# AIMS_TEST_DATABASE_URL is set).
test: export SECRET_KEY ?= insecure-key-for-tests-only
test: setup-dev check pytest pytest-postgres

check: lint types migrations-check size-guard

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy aims bench conftest.py

migrations-check:
	mkdir -p var
	$(BIN)/aims makemigrations --check --dry-run

size-guard:
	@$(BIN)/python .ci/size_guard.py

# One worker per CPU (pytest-xdist); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto

pytest:
	$(BIN)/pytest -n $(PYTEST_WORKERS)

pytest-postgres:
	@if [ -n "$$AIMS_TEST_DATABASE_URL" ]; then \
		echo "== the same tests on PostgreSQL"; \
		DATABASE_URL="$$AIMS_TEST_DATABASE_URL" $(BIN)/pytest -n $(PYTEST_WORKERS); \
	else \
		echo "AIMS_TEST_DATABASE_URL is not set: PostgreSQL run skipped"; \
	fi

bench: export SECRET_KEY ?= insecure-key-for-bench-only
bench: setup-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) node_modules var/static
