# The New Great Game in Central Asia: one entry point per task. `make help` lists them.
PY      := .venv/bin/python
STAMPS  := .stamps
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help setup serve build publish check-release test test-fast bench clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

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

# WeasyPrint (the PDFs) renders with Pango and embeds fonts: Debian's, like the browser.
$(STAMPS)/pango:
	@mkdir -p $(STAMPS)
	dpkg -s libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null)
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

# The tests' own tools (the W3C Nu HTML Checker), not served from the site: their own lockfile.
$(STAMPS)/test-tools: tests/tools/package.json tests/tools/package-lock.json $(STAMPS)/node
	@mkdir -p $(STAMPS)
	command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null)
	npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(STAMPS)/python $(STAMPS)/node $(STAMPS)/pango $(STAMPS)/workbox ## Install pinned Python and front-end packages (quick when nothing changed)

build: setup ## Build every edition into site/ and the offline bundles into dist/ (SITE_URL=https://host/path/ for a host)
	$(PY) -m macros.output.build

publish: setup $(STAMPS)/chromium ## Build for the host at SITE_URL (required), then run the release check
	$(PY) -m macros.output.release --publish

check-release: setup $(STAMPS)/chromium ## Serve site/ as a host would, under its address's path: every address answers compressed, every page opens cleanly
	$(PY) -m macros.output.release

serve: setup ## Build and serve the site at http://127.0.0.1:8000
	.venv/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: setup $(STAMPS)/chromium $(STAMPS)/test-tools ## Run the whole test suite (builds the site once)
	$(PY) -m pytest

test-fast: setup ## The data and HTML tests alone: no browser, no planted builds
	$(PY) -m pytest -m "not browser and not slow"

# Lighthouse is for benchmarks only: its own package.json and lockfile under benchmarks/.
$(STAMPS)/bench-node: benchmarks/package.json benchmarks/package-lock.json $(STAMPS)/node
	@mkdir -p $(STAMPS)
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	@touch $@

bench: setup $(STAMPS)/chromium $(STAMPS)/bench-node ## Print build time, page weights and Lighthouse scores against their budgets
	$(PY) -m benchmarks.run

clean: ## Remove build output (keeps installed packages)
	rm -rf site dist build
