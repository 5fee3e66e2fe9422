# Kubernetes: cdk8s manifests and the Helm chart. Everything here works offline; with a real
# helm on the PATH, helm-template and helm-lint use it, otherwise tools/helm-render (Go's
# text/template with sprig, built from Debian's Go packages in GOPATH mode) stands in for it.

.PHONY: k8s-synth helm-template helm-lint helm-examples helm-renderer

PROFILE ?= eks
CHART := charts/what-if
VALUES ?= $(CHART)/values.yaml
# Release name and namespace of every rendering, as in the README's helm install.
HELM_RELEASE := what-if
HELM_NAMESPACE := what-if
HELM ?= $(shell command -v helm 2>/dev/null)
GO ?= $(or $(shell command -v go 2>/dev/null),/usr/lib/go-1.19/bin/go)
HELM_RENDER := tools/helm-render/bin/helm-render
HELM_VALUES_FILES := $(wildcard $(CHART)/values-*.yaml)

$(HELM_RENDER): $(wildcard tools/helm-render/*.go)
	cd tools/helm-render && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= $(GO) build -o bin/helm-render .

helm-renderer: $(HELM_RENDER) ## Build tools/helm-render, the offline stand-in for helm template and helm lint

# The chart tests run the renderer; building it first keeps them from racing to build it.
unit: $(HELM_RENDER)

# Only the cdk8s app and the catalog it reads need compiling, not every service.
k8s-synth: install ## Synthesize the cdk8s manifests into cdk8s/dist/ (PROFILE=eks|dev; IMAGE_REGISTRY, IMAGE_TAG override)
	npx tsc -b cdk8s
	node cdk8s/dist/main.js $(PROFILE)

ifneq ($(HELM),)
helm-template: ## Render the chart to stdout (VALUES=charts/what-if/values-dev.yaml); real helm when installed
	@$(HELM) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) -f $(VALUES)

helm-lint: ## Lint the chart with its default values and each values-*.yaml (helm lint --strict)
	$(HELM) lint --strict $(CHART)
	@set -e; for values in $(HELM_VALUES_FILES); do $(HELM) lint --strict $(CHART) -f $$values; done
else
helm-template: $(HELM_RENDER)
	@$(HELM_RENDER) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) -f $(VALUES)

helm-lint: $(HELM_RENDER)
	$(HELM_RENDER) lint --strict $(CHART)
	@set -e; for values in $(HELM_VALUES_FILES); do $(HELM_RENDER) lint --strict $(CHART) -f $$values; done
endif

helm-examples: $(HELM_RENDER) ## Rewrite the chart's rendered examples (charts/what-if/examples/) after a chart or catalog change
	@mkdir -p $(CHART)/examples
	$(HELM_RENDER) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) > $(CHART)/examples/default.yaml
	@set -e; for values in $(HELM_VALUES_FILES); do \
	  name=$$(basename $$values .yaml); name=$${name#values-}; \
	  echo "$(HELM_RENDER) template ... -f $$values > $(CHART)/examples/$$name.yaml"; \
	  $(HELM_RENDER) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) -f $$values > $(CHART)/examples/$$name.yaml; \
	done
