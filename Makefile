# Netwerkspiegel: the two set-up commands of the README, and a few more for developers.
#   make demo    install into .venv and build the demo site from data/ into site/
#   make test    install into .venv (with test tools and, where possible, Chromium), lint, run all tests
#   make test-fast  lint and the tests that build no whole site and open no browser (the inner loop)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo publiek serve test test-fast lint golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/netwerkspiegel build
	@echo "Bekijk de site met: $(BIN)/netwerkspiegel serve   (http://127.0.0.1:8000/)"

publiek: $(STAMP)
	$(BIN)/netwerkspiegel build --audience publiek --src site_src_publiek --out site_publiek

serve: $(STAMP)
	$(BIN)/netwerkspiegel serve

test: lint $(STAMP)
	sh tests/ensure_chromium.sh
	$(BIN)/python -m pytest

# The inner loop: lint and every test that is neither slow nor in a browser (under two minutes).
test-fast: lint $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

# The stages import one way (import-linter), every function is typed (mypy), the style is one (ruff).
lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports

golden: $(STAMP)
	$(BIN)/python tests/golden/regenerate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/build.py 200

clean:
	rm -rf $(VENV) site site_publiek site_src_publiek tests/artifacts
	find site_src -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
