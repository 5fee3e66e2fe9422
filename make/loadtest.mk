# Load tests: the k6 scripts in loadtest/ (README there). k6 itself is not needed for CI:
# loadtest-smoke runs each script's smoke profile through the CI smoke harness
# (tools/src/k6-smoke), a small runner of the k6 API subset the scripts use — not k6.

.PHONY: loadtest-smoke loadtest capacity loadtest-autoscale-local

# Only a BASE_URL given on the command line points it at a deployment: one left in the
# environment (for make loadtest) must not send make test's smoke there.
SMOKE_TARGET = $(if $(filter command line,$(origin BASE_URL)),$(BASE_URL))

loadtest-smoke: build ## Run every k6 script once (1 VU, 1 iteration per journey) through the CI smoke harness, on a stack of its own (or BASE_URL=https://<site>)
	node tools/dist/k6-smoke/main.js $(SMOKE_TARGET)

K6 ?= k6
LOAD_PROFILE ?= smoke

loadtest: ## Run loadtest/traffic.ts with k6 against BASE_URL (default make dev's gateway); LOAD_PROFILE=smoke|load|stress|spike|soak|autoscale
	@command -v $(K6) >/dev/null || { echo "k6 is not installed: https://grafana.com/docs/k6/latest/set-up/install-k6/" >&2; exit 1; }
	$(K6) run -e LOAD_PROFILE=$(LOAD_PROFILE) $(if $(BASE_URL),-e BASE_URL=$(BASE_URL)) loadtest/traffic.ts

capacity: build ## Measure each k6 route's CPU per request in every service on a stack of its own; writes loadtest/capacity.md (the capacity table and autoscale stages) and the model's loadtest/lib/capacity-measured.ts
	node tools/dist/capacity/main.js

loadtest-autoscale-local: build ## Drive the autoscale stages at local scale against make dev (limits raised: loadtest/README.md) and report each service's CPU per stage against the capacity model; writes loadtest/autoscale-local.md
	node tools/dist/capacity/autoscale-local.js
