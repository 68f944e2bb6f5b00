# zkedu: `make book` builds the HTML book, `make test` runs every check.
# Both create .venv from the pinned requirements.txt on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
JB_FLAGS ?= --keep-going

.PHONY: help book test test-fast test-browser test-binder lab bench lint freeze clean

help:
	@echo "make book   build the HTML book into _build/html (executes every chapter)"
	@echo "make test   lint, unit/property/differential tests, every chapter, the book with -W"
	@echo "make test-browser  the built book in headless Chromium, offline; a chapter run live in JupyterLab"
	@echo "make test-binder   a fresh venv from exactly what Binder installs executes every chapter"
	@echo "make lab    JupyterLab on the chapters (opened as notebooks via jupytext)"
	@echo "make bench  benchmarks, each measured against a baseline in the same run"

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

book: $(STAMP)
	$(VENV)/bin/jupyter-book build . --builder html $(JB_FLAGS)
	@echo "Book built: open _build/html/index.html"

test: $(STAMP)
	$(PY) -m ruff check zkedu tests benchmarks
	$(PY) -m pytest -n 2 --dist loadgroup --durations=15 -m "not browser and not live and not binder"

# Needs Debian's chromium (.ci/run installs it); Playwright drives it, never downloading a browser.
# Reuses _build/html from `make test` when it holds every page, else builds the book first.
test-browser: $(STAMP)
	$(PY) -m pytest -p no:randomly --durations=10 -m "browser or live" tests/test_browser.py tests/test_live_lab.py

test-binder: $(STAMP)
	$(PY) -m pytest -p no:randomly --durations=5 -m binder tests/test_binder.py

test-fast: $(STAMP)
	$(PY) -m pytest -n 2 -m "not chapter and not book and not browser and not live and not binder"

lab: $(STAMP)
	$(PY) -m zkedu._labconfig $(VENV)
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) book/

bench: $(STAMP)
	$(PY) -m benchmarks

lint: $(STAMP)
	$(PY) -m ruff check zkedu tests benchmarks

freeze: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v -i '^zkedu' > requirements.lock.tmp
	@echo "Review requirements.lock.tmp, then move it over requirements.txt (keep the header)."

clean:
	rm -rf _build .pytest_cache .hypothesis
