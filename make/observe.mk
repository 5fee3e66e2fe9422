# Observability on a laptop: Prometheus from Debian's package (tools/dev/prometheus.sh) scraping
# the make dev stack on the catalog's ports with the production alert rules.

.PHONY: observe

PROMETHEUS_PORT ?= 9090

observe: build ## Run Prometheus on http://localhost:9090 scraping make dev's stack with the alert rules (run make dev beside it); Ctrl-C stops it
	PROMETHEUS_PORT=$(PROMETHEUS_PORT) node tools/dist/observe/main.js
