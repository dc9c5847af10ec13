# salesmsg-python: every target installs what it needs from this repository's own files.
#   make generate   regenerate generated/ from openapi/ + overlays/ (offline)
#   make test       lint + byte-for-byte regeneration check + the test suite
#   make demo       the vendor's API walkthrough, with the SDK, against the fake Salesmsg server
#   make fake-server  the fake Salesmsg server in the foreground, for the `salesmsg` CLI walkthrough
#   make bench      benchmarks against their baselines; table + JSON in bench-results/
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
API_VERSION ?= 2.2
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: setup generate fetch check test pytest lint build clean demo regenerate bench fake-server

setup: $(STAMP)

# The venv is rebuilt when the pinned tool list or the package metadata changes.
$(STAMP): requirements/dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==25.3"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

generate: setup
	$(PY) scripts/pipeline.py generate

fetch: setup
	$(PY) scripts/pipeline.py fetch --api-version $(API_VERSION) $(if $(URL),--url $(URL),)

# fetch → overlays → generate → report → version bump + CHANGELOG; DRY_RUN=1 to only report.
regenerate: setup
	$(PY) scripts/pipeline.py regenerate --api-version $(API_VERSION) $(if $(URL),--url $(URL),) $(if $(SPEC),--spec $(SPEC),) $(if $(DRY_RUN),--dry-run,) --report-dir build/regenerate

check: setup
	$(PY) scripts/pipeline.py generate --check

pytest: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check scripts overlays/salesmsg tests
	$(BIN)/ruff format --check scripts overlays/salesmsg tests
	$(BIN)/mypy

test: lint check pytest

demo: setup
	$(PY) scripts/demo.py

# Serves until Ctrl-C on 127.0.0.1:$(FAKE_PORT); its two settings also go to build/fake-server.env,
# for `export $(cat build/fake-server.env)` in another terminal (README, "Command line").
FAKE_PORT ?= 8765
fake-server: setup
	@mkdir -p build
	$(PY) -m salesmsg.testing --port $(FAKE_PORT) | tee build/fake-server.env

# Each benchmark runs in under a minute; BENCH_ARGS="--only calls --runs 7" to pick.
bench: setup
	$(PY) scripts/bench.py $(BENCH_ARGS)

build: setup
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(PY) scripts/check_wheel.py dist

clean:
	rm -rf dist build .pytest_cache .mypy_cache .ruff_cache
