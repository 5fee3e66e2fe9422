# Release: the GitHub workflows (.github/), linted by actionlint built from its Go module at the
# version pinned in tools/actionlint/go.mod, and the verbs the release workflow runs after
# make deploy-ecs (cdk.mk): pushing the Helm chart with the release's digests, and the smoke check.

.PHONY: actionlint chart-release smoke

ACTIONLINT := tools/actionlint/bin/actionlint

# Rebuilt only when the pin changes.
$(ACTIONLINT): tools/actionlint/go.mod tools/actionlint/go.sum tools/actionlint/build.sh
	GO=$(GO) tools/actionlint/build.sh

# tools/test/workflows.test.ts runs it; building it first keeps two test workers from racing to build it.
unit: $(ACTIONLINT)

actionlint: $(ACTIONLINT) ## Lint .github/workflows with the pinned actionlint (and shellcheck when installed)
	$(ACTIONLINT) -no-color

chart-release: cdk-environment cdk-build $(HELM) ## Push the chart, ENV's images pinned by digest, to ENV's ECR as OCI (after deploy-ecs)
	$(NPM) exec -- tsc -b tools
	ENV=$(ENV) IMAGE_TAG=$(IMAGE_TAG) REGION=$(REGION) HELM=$(abspath $(HELM)) tools/release/chart-release.sh

smoke: install ## Check a deployment as a user reaches it: unified health, contract, a public read (URL=https://<site>)
	@test -n "$(URL)" || { echo "make smoke needs URL=https://<site domain>" >&2; exit 2; }
	$(NPM) exec -- tsc -b tools
	node tools/dist/release/smoke.js "$(URL)"
