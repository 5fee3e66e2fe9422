# The operator's verbs. `make dev` runs the stack, `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NPM ?= npm

.PHONY: help install build dev seed test lint typecheck unit generate import-graph up down bench-auth bench-edge bench-validation bench-generation bench-sharing bench-social bench-video eval-scenarios dr-drill

help: ## List the verbs
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json ## Install dependencies exactly as locked (npm ci)

build: install ## Compile every package (tsc -b)
	$(NPM) run build

dev: build web-build ## Run the whole stack locally (data kept in .dev/; FRESH=1 starts from empty); Ctrl-C stops it
	$(if $(FRESH),DEV_FRESH=$(FRESH)) node tools/dist/dev/main.js

seed: build ## Fill the running make dev stack with demo data through its API (idempotent); prints the demo sign-ins
	node tools/dist/seed/main.js

lint: install ## ESLint and Prettier
	$(NPM) run lint

typecheck: install ## Type-check sources and tests (tsc -b)
	$(NPM) run typecheck

unit: build ## Run the test suites against the machine's PostgreSQL and Redis and an in-process dynalite
	$(NPM) run test:unit

test: lint typecheck unit web-test loadtest-smoke fuzz dr-drill ## Lint, type-check, run every test (the web app's in a browser), smoke-run the k6 scripts, fuzz every contract and rehearse disaster recovery

generate: build ## Regenerate every checked-in rendering of the catalog (compose, READMEs, chart values and examples)
	node tools/dist/generate/main.js
	$(MAKE) --no-print-directory helm-examples

import-graph: install ## Print which package imports which, and any import against the layering
	node tools/lint/import-graph.js

up: service-keys ## Run the stack on Docker Compose
	docker compose up --build

.PHONY: service-keys
service-keys: build ## Make each service's identity key once and write .dev/service-keys/<service>.env (DIR=… elsewhere)
	node tools/dist/dev/service-keys-main.js $(DIR)

down: ## Stop the Docker Compose stack
	docker compose down

# Deployment verbs live next to each other, one file per deployment path.
include $(sort $(wildcard make/*.mk))

eval-scenarios: build ## Write the evaluation questions with the offline writer and print each check's pass rate; fails below 100 % on a hard check
	node services/offline-writer/dist/evaluation/main.js

bench-generation: build ## Measure offline writer latency, time to first streamed event and cached throughput
	node tools/dist/bench/generation.js

bench-video: build ## Render a 60-second 720p video on one core and print its real-time factor, CPU time and peak memory
	$(if $(shell command -v taskset),VIDEO_BENCH_CPUS=0 taskset -c 0) node services/video/dist/benchmark.js

bench-auth: build ## Measure login latency (p50/p99) and authenticated throughput through the gateway and straight to user
	node tools/dist/bench/auth.js

bench-edge: build ## GET /api/v1/users/me straight to user vs through nginx vs through the gateway: throughput ratios and added latency at 500 req/s (BENCH_EDGE_PROFILE=1: the gateway's CPU profile)
	tools/dev/nginx.sh
	node tools/dist/bench/edge.js

bench-validation: build ## CPU and heap allocation per request of three user-service routes on the kit's chassis (BENCH_BASELINE=<another built checkout>: an A/B against it in the same minutes)
	node tools/dist/bench/validation.js

dr-drill: build ## Rehearse runbooks/disaster-recovery.md on local stand-ins: back up, damage, restore to a point in time, verify through the API; prints RPO and RTO
	node tools/dist/dr/drill.js

bench-sharing: build ## Measure the share page's p50/p99 through the gateway (uncached and cached) and preview image drawing
	node tools/dist/bench/sharing.js

bench-social: build ## Measure the following feed's p50/p99 for a reader of 200 authors, like throughput, counter drift after it and a hot recipient's first likes
	node tools/dist/bench/social.js
