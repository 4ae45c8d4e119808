# Two commands do all set-up: `make run` (site with demo data) and `make test` (all tests).
# Both create .venv with Python 3.11 and install the project from pyproject.toml.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install browser-deps lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# The search service runs the site's one search engine and the web server under it; Ctrl-C
# stops both (see README, "Search operations").
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py search_service -- $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install browser-deps
	$(BIN)/python -m pytest

# Browser tests drive Debian's Chromium through its own chromedriver (the two always match,
# nothing is downloaded at test time) and run axe-core, installed from npm into a gitignored folder.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
AXE_VERSION ?= 4.14.1
AXE := tests/browser/vendor/node_modules/axe-core/axe.min.js

browser-deps: $(AXE)
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

$(AXE):
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	npm install --no-save --no-package-lock --no-audit --no-fund --prefix tests/browser/vendor axe-core@$(AXE_VERSION)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3
