# Two commands for a new machine: `make run` and `make test`. Everything else is set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DEBUG ?= 1

.PHONY: run test install frontend messages lint check lock clean

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed frontend messages

# Translations: .po files are committed, .mo files compiled at set-up.
messages: $(VENV)/.installed
	@if [ -d locale ] && command -v msgfmt >/dev/null 2>&1; then $(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules; \
	elif [ -d locale ]; then echo "msgfmt not found: the English interface needs gettext installed."; fi

# Front-end packages (Leaflet, axe-core, vnu-jar) come from npm; the site works without them.
frontend:
	@if command -v npm >/dev/null 2>&1 && [ -f package.json ]; then \
		[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: maps stay as plain lists until front-end packages are installed."; fi

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_district
	$(PY) manage.py local_admin --port $(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.installed
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Regenerate both lock files after changing pyproject.toml.
lock: $(VENV)/.installed
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev -o requirements.lock --python-version 3.11 -q
	$(VENV)/bin/uv pip compile pyproject.toml -o requirements-prod.lock --python-version 3.11 -q

clean:
	rm -rf $(VENV) node_modules staticfiles
