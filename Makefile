# The New Great Game in Central Asia: one entry point per task. `make help` lists them.
PY      := .venv/bin/python
STAMPS  := .stamps
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help setup serve build test bench clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMPS)/python: requirements.txt constraints.txt
	@mkdir -p $(STAMPS)
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	@touch $@

$(STAMPS)/node: package.json package-lock.json
	@mkdir -p $(STAMPS)
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Workbox's build tools write each edition's service worker (macros/offline/): build-time only,
# their own package.json and lockfile under workbox/.
$(STAMPS)/workbox: workbox/package.json workbox/package-lock.json $(STAMPS)/node
	@mkdir -p $(STAMPS)
	npm ci --prefix workbox --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMPS)/chromium:
	@mkdir -p $(STAMPS)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@touch $@

setup: $(STAMPS)/python $(STAMPS)/node $(STAMPS)/workbox ## Install pinned Python and front-end packages (quick when nothing changed)

build: setup ## Build the site into site/ and the offline bundle into dist/
	$(PY) -m macros.output.build

serve: setup ## Build and serve the site at http://127.0.0.1:8000
	.venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: setup $(STAMPS)/chromium ## Run the whole test suite (builds the site once)
	$(PY) -m pytest

# Lighthouse is for benchmarks only: its own package.json and lockfile under benchmarks/.
$(STAMPS)/bench-node: benchmarks/package.json benchmarks/package-lock.json $(STAMPS)/node
	@mkdir -p $(STAMPS)
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	@touch $@

bench: setup $(STAMPS)/chromium $(STAMPS)/bench-node ## Print build time, page weights and Lighthouse scores against their budgets
	$(PY) -m benchmarks.run

clean: ## Remove build output (keeps installed packages)
	rm -rf site dist build
