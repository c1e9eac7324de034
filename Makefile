# The two commands of the README are the contract: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
DB     ?= sqlite
SCALE  ?= demo
LOAD_VENV ?= var/load-venv

.PHONY: demo test install install-test lint browser bench load messages smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Runtime install; re-run whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Serve on SQLite with demo data; a second run reuses var/danvan.sqlite3.
demo: install
	DANVAN_DEBUG=true $(BIN)/danvan demo --serve --port $(PORT)

# Browser tests drive Debian's chromium; install it when we can (root), say how when we cannot.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; fi

test: install-test browser
	DANVAN_DEBUG=true $(BIN)/pytest

lint: install-test
	$(BIN)/ruff check .
	DANVAN_DEBUG=true $(BIN)/mypy
	DANVAN_DEBUG=true $(BIN)/danvan makemigrations --check --dry-run

# Benchmarks: the database is generated on first use (var/bench-<scale>.sqlite3 or danvan_bench_<scale>).
bench: install-test
	DANVAN_DEBUG=true $(BIN)/python -m bench --db $(DB) --scale $(SCALE) \
	  $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL)) $(if $(ONLY),--only "$(ONLY)")

# Load test tools live in their own environment: they are not dependencies of danvan.
$(LOAD_VENV)/.installed:
	$(PYTHON) -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/pip install -q 'locust>=2.20' 'gunicorn>=22'
	touch $@

load: install-test $(LOAD_VENV)/.installed
	$(BIN)/python -m bench.load --tools $(LOAD_VENV) $(if $(LOAD_DATABASE_URL),--database-url $(LOAD_DATABASE_URL))

# The production set-up on loopback (nginx, TLS, gunicorn) and its smoke test; needs nginx, openssl and curl.
smoke: install-test
	bash deploy/smoke/run.sh

# Collect translatable strings (Vietnamese source) and compile the English catalogue (needs gettext).
messages: install-test
	cd src/danvan && DANVAN_DEBUG=true ../../$(BIN)/danvan makemessages -l en --ignore "*/migrations/*"
	cd src/danvan && DANVAN_DEBUG=true ../../$(BIN)/danvan compilemessages -l en

clean:
	rm -rf $(VENV) var .pytest_cache
