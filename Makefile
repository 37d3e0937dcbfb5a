# OpenWmo — the two commands from README.md:
#   make demo   install everything, seed the demo municipality, serve on http://127.0.0.1:8000
#   make test   install everything and run all checks and tests
# Set DATABASE_URL to run against PostgreSQL instead of the embedded SQLite.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OPENWMO := $(BIN)/openwmo
DEMO_RESIDENTS ?= 20000
DEMO_ENV := DEBUG=true
TEST_WORKERS ?= auto

.PHONY: install assets chromium demo lint test schema clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	bash scripts/ensure-system-libs.sh
	$(BIN)/pip install --quiet -e '.[dev]'
	bash scripts/assets.sh

chromium:
	bash scripts/ensure-chromium.sh

demo: install
	$(DEMO_ENV) $(OPENWMO) migrate --verbosity 0
	@# The seed prints the demo log-ins itself; a demo that is already seeded prints them here.
	@if [ ! -f var/demo/.seeded ]; then \
		$(DEMO_ENV) $(OPENWMO) seed --residents $(DEMO_RESIDENTS) && touch var/demo/.seeded; \
	else echo "Demo-gemeente staat al klaar (var/). Opnieuw beginnen: make clean demo"; \
		$(BIN)/python -c "from openwmo.demo import DEMO_USERS, DEMO_PASSWORD as p; \
		print('\nDemo-inlogs (wachtwoord: ' + p + '):'); \
		[print(f'  {u:<15} {d}') for u, _, d in DEMO_USERS]"; fi
	@echo "\nOpenWmo draait op http://127.0.0.1:8000 (stoppen: Ctrl+C)\n"
	$(DEMO_ENV) $(OPENWMO) runserver 127.0.0.1:8000

lint:
	$(BIN)/ruff check src e2e
	$(BIN)/ruff format --check src e2e

schema:
	$(DEMO_ENV) $(OPENWMO) spectacular --file docs/openapi.yaml --validate --fail-on-warn

test: install chromium lint
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
		env -u DATABASE_URL $(DEMO_ENV) OPENWMO_VAR_DIR=$$tmp $(OPENWMO) makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

clean:
	rm -rf var

# Benchmarks (not part of `make test`): seed + search at scale, iWmo pipeline.
BENCH_RESIDENTS ?= 1000000
bench: install
	$(BIN)/python benchmarks/seed.py --residents $(BENCH_RESIDENTS)
	@if [ -f benchmarks/iwmo.py ]; then $(BIN)/python benchmarks/iwmo.py; fi

# Operations (docs/operations.md): backup, restore drill and load test against a running
# instance; DATABASE_URL / LOAD_HOST from the environment.
LOAD_HOST ?= http://127.0.0.1:8100
.PHONY: backup restore-drill load
backup:
	bash scripts/backup.sh
restore-drill:
	bash scripts/restore-drill.sh
load:
	LOCUST=$(BIN)/locust bash benchmarks/load/run.sh $(LOAD_HOST)
