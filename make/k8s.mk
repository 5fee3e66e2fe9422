# Kubernetes: cdk8s manifests and the Helm chart. Helm is the official CLI built from its Go
# module at the version pinned in tools/helm/go.mod (make helm), so every target below, the
# chart tests and the rendered examples use the same Helm on every machine, offline after the
# first build.

.PHONY: k8s-synth helm helm-template helm-lint helm-unittest helm-examples deploy-eks-prereqs deploy-eks rollback-eks

PROFILE ?= eks
CHART := charts/what-if
VALUES ?= $(CHART)/values.yaml
# Release name and namespace of every rendering, as in the README's helm install.
HELM_RELEASE := what-if
HELM_NAMESPACE := what-if
HELM_VALUES_FILES := $(wildcard $(CHART)/values-*.yaml)
GO ?= $(or $(shell command -v go 2>/dev/null),/usr/local/go/bin/go)
HELM := tools/helm/bin/helm
HELM_UNITTEST := tools/helm/bin/helm-unittest

# Rebuilt only when a pin changes: once per version.
$(HELM): tools/helm/go.mod tools/helm/go.sum tools/helm/build.sh
	GO=$(GO) tools/helm/build.sh helm

$(HELM_UNITTEST): tools/helm/unittest/go.mod tools/helm/unittest/go.sum tools/helm/build.sh
	GO=$(GO) tools/helm/build.sh unittest

helm: $(HELM) $(HELM_UNITTEST) ## Build the pinned Helm CLI and helm-unittest into tools/helm/bin/ (once per version)
	@$(HELM) version

# The chart tests run helm and helm-unittest; building them first keeps two test workers from
# racing to build them.
unit: $(HELM) $(HELM_UNITTEST)

# Only the cdk8s app and the catalog it reads need compiling, not every service.
# The values make deploy-eks rendered for an environment (.release/<env>/eks-values.yaml), for k8s-synth.
RELEASE_VALUES ?=

k8s-synth: install ## Synthesize the cdk8s manifests into cdk8s/dist/ (PROFILE=eks|dev; RELEASE_VALUES=.release/prod/eks-values.yaml; IMAGE_REGISTRY, IMAGE_TAG override)
	npx tsc -b cdk8s
	node cdk8s/dist/main.js $(PROFILE) $(RELEASE_VALUES)

helm-template: $(HELM) ## Render the chart to stdout (VALUES=charts/what-if/values-dev.yaml)
	@$(HELM) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) -f $(VALUES)

helm-lint: $(HELM) ## Lint the chart with its default values and each values-*.yaml (helm lint --strict)
	$(HELM) lint --strict $(CHART)
	@set -e; for values in $(HELM_VALUES_FILES); do \
	  echo "$(HELM) lint --strict $(CHART) -f $$values"; $(HELM) lint --strict $(CHART) -f $$values; \
	done

helm-unittest: $(HELM_UNITTEST) ## Run the chart's helm-unittest suites (charts/what-if/tests/)
	$(HELM_UNITTEST) --strict $(CHART)

# EKS releases (runbooks/eks-deploy-and-rollback.md); ENV, IMAGE_TAG, REGION, ACCOUNT and CDK_ARGS as in make/cdk.mk.
deploy-eks-prereqs: cdk-environment cdk-build ## Create what ENV's existing EKS cluster needs in AWS (roles, secrets reader, store access, certificate, WAF, access logs)
	ENV=$(ENV) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" CDK_APPROVAL=$(CDK_APPROVAL) \
	  cdk/scripts/deploy-eks-prereqs.sh

deploy-eks: cdk-environment cdk-build $(HELM) ## helm upgrade --install ENV's release on EKS with the images of make images (blue-green with Argo Rollouts)
	PATH="$(abspath tools/helm/bin):$$PATH" ENV=$(ENV) IMAGE_TAG=$(IMAGE_TAG) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" \
	  cdk/scripts/deploy-eks.sh

rollback-eks: cdk-environment cdk-build $(HELM) ## Put ENV's previous EKS release back (helm rollback; Rollouts switch back)
	PATH="$(abspath tools/helm/bin):$$PATH" ENV=$(ENV) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" cdk/scripts/rollback-eks.sh

helm-examples: $(HELM) ## Rewrite the chart's rendered examples (charts/what-if/examples/) after a chart or catalog change
	@mkdir -p $(CHART)/examples
	$(HELM) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) > $(CHART)/examples/default.yaml
	@set -e; for values in $(HELM_VALUES_FILES); do \
	  name=$$(basename $$values .yaml); name=$${name#values-}; \
	  echo "$(HELM) template ... -f $$values > $(CHART)/examples/$$name.yaml"; \
	  $(HELM) template $(HELM_RELEASE) $(CHART) --namespace $(HELM_NAMESPACE) -f $$values > $(CHART)/examples/$$name.yaml; \
	done
