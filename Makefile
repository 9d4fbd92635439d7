# One entry point for contributors and CI. `make serve` to preview, `make test` to run every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY_DIRS := $(wildcard hooks tests scripts bench)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint browser validator clean links pins

# A virtual environment with the pinned runtime; reinstalled when requirements.txt changes.
$(BIN)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Test tools on top of the runtime; reinstalled when either requirements file changes.
$(BIN)/.dev: requirements-dev.txt $(BIN)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## serve: preview both languages on http://127.0.0.1:8000 (PORT=8123 make serve for another port), live reload
serve: $(BIN)/.runtime
	$(BIN)/python scripts/serve.py

## build: the static site in site/, strict (any warning fails); a failed build leaves no site/ at all
build: $(BIN)/.runtime
	rm -rf site.partial
	$(BIN)/mkdocs build --strict --clean -d site.partial || { rm -rf site.partial site; exit 1; }
	rm -rf site && mv site.partial site

## browser: Debian's chromium and fonts-noto-cjk for the browser tests
browser:
	sh scripts/ensure-browser.sh

## validator: the Nu HTML Checker for the HTML validity test (npm's vnu-jar, pinned; Debian's Java if missing)
VNU_JAR := tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar
validator: $(VNU_JAR)
$(VNU_JAR): tests/vnu/package-lock.json scripts/ensure-validator.sh
	sh scripts/ensure-validator.sh
	touch $@

## lint: ruff (lint and format check) and a syntax check of our JavaScript
lint: $(BIN)/.dev
	$(BIN)/ruff check $(PY_DIRS)
	$(BIN)/ruff format --check $(PY_DIRS)
	$(BIN)/python scripts/check_js.py docs/assets/javascripts

## test: install what the tests need, lint, then run every test
test: $(BIN)/.dev browser validator lint
	$(BIN)/python -m pytest -n auto --dist loadgroup

## test-fast: lint and every test that needs no browser, no validator and no live preview (under a minute): for content edits
test-fast: $(BIN)/.dev lint
	$(BIN)/python -m pytest -n auto --dist loadgroup -m "not browser and not validator and not preview" -q

## pins: re-resolve requirements.in into the exact pins of requirements.txt (pip-tools), then run make test
pins:
	$(PYTHON) -m venv .venv-pins
	.venv-pins/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	CUSTOM_COMPILE_COMMAND="make pins" .venv-pins/bin/pip-compile --quiet --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.txt requirements.in

clean:
	rm -rf site site.partial $(VENV) .venv-pins .pytest_cache tests/vnu/node_modules

## links: build, then check every external link of site/ (needs the internet; prints a table)
links: build
	$(BIN)/python scripts/check_links.py site
