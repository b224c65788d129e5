# One-command entry points for a fresh clone: the venv is made and filled on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run console test lint bench bench-quick build clean

$(VENV)/.runtime: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m compileall -q bot cogs
	touch $@

$(VENV)/.dev: $(VENV)/.runtime
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

run: $(VENV)/.runtime
	$(PY) -m bot run

console: $(VENV)/.runtime
	$(PY) -m bot console

build: $(VENV)/.runtime
	$(PY) -m bot build

test: $(VENV)/.dev
	$(PY) -m pytest -q

lint: $(VENV)/.dev
	$(PY) -m ruff check .

bench: $(VENV)/.runtime
	$(PY) -m bot bench --json bench-full.json

bench-quick: $(VENV)/.runtime
	$(PY) -m bot bench --quick

clean:
	rm -rf $(VENV) data/facts.sqlite build *.egg-info
