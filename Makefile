# Every target creates .venv from the pinned dependencies on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help serve build validate test lint bench audit schema engine-check clean

help:
	@echo "make serve     build the site and serve it at http://127.0.0.1:8000"
	@echo "make test      run the whole test suite"
	@echo "make validate  check every question file"
	@echo "make build     validate, generate and build the site into site/"
	@echo "make audit     Lighthouse and axe-core scores for the built site (needs Node 20+ and Chromium)"
	@echo "make lint      actionlint, zizmor, ruff and yamllint (installs the lint extra)"
	@echo "make engine-check  build with ProperDocs + MaterialX in .venv-next and compare with the default build"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/qbank build --no-site
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/qbank build

validate: $(STAMP)
	$(BIN)/qbank validate

schema: $(STAMP)
	$(BIN)/qbank schema

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/qbank bench --questions 1000

# Lighthouse (pinned in tools/audit/package-lock.json, Node 20+) and axe-core on the built site, with the
# system Chromium. Not part of `make test`: it needs Node and takes a few minutes.
AUDIT_STAMP := tools/audit/node_modules/.installed
$(AUDIT_STAMP): tools/audit/package-lock.json
	cd tools/audit && npm ci --no-audit --no-fund
	touch $(AUDIT_STAMP)

audit: $(STAMP) $(AUDIT_STAMP)
	$(BIN)/qbank build
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python tools/audit/audit.py --site site

LINT_STAMP := $(VENV)/.lint-installed
$(LINT_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,lint]'
	touch $(LINT_STAMP)

lint: $(LINT_STAMP)
	$(BIN)/actionlint
	$(BIN)/zizmor --offline .github/workflows
	$(BIN)/ruff check scripts tests
	$(BIN)/lint-imports
	$(BIN)/yamllint -c .yamllint --strict questions .github .pre-commit-config.yaml .yamllint

# The maintained continuations of MkDocs and Material (constraints-next.txt), in their own venv; the real bank is
# built with both engines and compared. Not part of `make test`: a weekly workflow runs it.
NEXT := .venv-next
NEXT_STAMP := $(NEXT)/.installed
$(NEXT_STAMP): pyproject.toml constraints-next.txt
	test -x $(NEXT)/bin/python || $(PYTHON) -m venv $(NEXT)
	$(NEXT)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints-next.txt -e . properdocs mkdocs-materialx
	touch $(NEXT_STAMP)

engine-check: $(STAMP) $(NEXT_STAMP)
	$(BIN)/python tools/engine-check/engine_check.py --next-venv $(NEXT)

clean:
	rm -rf site .cache
