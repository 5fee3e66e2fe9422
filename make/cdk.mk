# AWS ECS Fargate with CDK (cdk/): synthesize offline, show the change, deploy.
# ENV picks the environment; cdk/README.md documents every parameter and the prerequisites.
ENV ?= dev
CDK_ENVIRONMENTS := dev staging prod
IMAGE_TAG ?= $(shell git rev-parse --short HEAD)
# Optional: REGION overrides the environment's region; ACCOUNT makes deploy-ecs refuse other accounts;
# CDK_ARGS passes more -c key=value pairs; CDK_APPROVAL is cdk deploy's --require-approval;
# ALLOW_DIRTY=1 deploys despite uncommitted changes; IMAGE_ARCHIVES and WEB_EXPORT take artefacts
# built beforehand (the release workflow's), see deploy-ecs below.
REGION ?=
ACCOUNT ?=
CDK_ARGS ?=
CDK_APPROVAL ?= broadening
ALLOW_DIRTY ?=
CDK_CLI = cd cdk && CDK_DISABLE_CLI_TELEMETRY=true npx --no-install cdk --no-notices --output cdk.out/$(ENV)
CDK_CONTEXT = -c env=$(ENV) -c imageTag=$(IMAGE_TAG) $(if $(REGION),-c region=$(REGION)) $(CDK_ARGS)

.PHONY: cdk-environment cdk-build cdk-synth diff-ecs deploy-ecs images rollback-ecs rotate-service-key

cdk-environment:
	@case " $(CDK_ENVIRONMENTS) " in *" $(ENV) "*) ;; \
	  *) echo "ENV must be one of: $(CDK_ENVIRONMENTS) (got '$(ENV)')" >&2; exit 2;; esac

cdk-build: install
	$(NPM) exec -- tsc -b cdk

cdk-synth: cdk-environment cdk-build ## Synthesize ENV=dev|staging|prod offline into cdk/cdk.out/ENV (cdk-nag runs)
	$(CDK_CLI) synth --quiet $(CDK_CONTEXT)
	@echo "Templates for $(ENV) are in cdk/cdk.out/$(ENV)"

diff-ecs: cdk-environment cdk-build ## Show what deploy-ecs would change in ENV's AWS account (needs credentials)
	$(CDK_CLI) diff --all $(CDK_CONTEXT) -c strict=true

# The one image pipeline (cdk/scripts/images.sh): OCI archives built by docker buildx for
# IMAGE_PLATFORMS (or taken from IMAGE_ARCHIVES, a folder of <service>.tar the release workflow's
# images job built), pushed by digest with skopeo, digests recorded in .release/ENV/images.tsv,
# which deploy-ecs, chart-release and deploy-eks read.
IMAGE_ARCHIVES ?=
IMAGE_PLATFORMS ?= linux/amd64,linux/arm64
IMAGE_SETTINGS = IMAGE_ARCHIVES=$(IMAGE_ARCHIVES) IMAGE_PLATFORMS=$(IMAGE_PLATFORMS)

images: cdk-environment cdk-build ## Build (or take from IMAGE_ARCHIVES) and push every service image (tag: git SHA) to ENV's ECR; digests in .release/ENV/images.tsv, which ECS and EKS deploy
	ENV=$(ENV) IMAGE_TAG=$(IMAGE_TAG) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" \
	  CDK_APPROVAL=$(CDK_APPROVAL) ALLOW_DIRTY=$(ALLOW_DIRTY) $(IMAGE_SETTINGS) cdk/scripts/images.sh

# WEB_EXPORT names a web app export built beforehand (the release workflow builds it once for
# every environment); without it, make web-build builds frontend/out here first.
WEB_EXPORT ?=

deploy-ecs: cdk-environment cdk-build $(if $(WEB_EXPORT),,web-build) ## make images, then deploy ENV to ECS Fargate with the recorded digests
	ENV=$(ENV) IMAGE_TAG=$(IMAGE_TAG) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" \
	  CDK_APPROVAL=$(CDK_APPROVAL) ALLOW_DIRTY=$(ALLOW_DIRTY) SITE_DIR=$(or $(WEB_EXPORT),frontend/out) \
	  $(IMAGE_SETTINGS) cdk/scripts/deploy-ecs.sh

rollback-ecs: cdk-environment cdk-build ## Put ENV's ECS services back on the images before the last deployment (ROLLBACK_TO=<sha> picks one); only task definitions change
	ENV=$(ENV) ROLLBACK_TO=$(ROLLBACK_TO) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" \
	  CDK_APPROVAL=$(CDK_APPROVAL) cdk/scripts/rollback-ecs.sh

SERVICE ?=
rotate-service-key: cdk-environment cdk-build ## Replace SERVICE's service signing key on ENV's ECS with no refused call: callees trust old and new, SERVICE switches, the old key goes
	ENV=$(ENV) SERVICE=$(SERVICE) REGION=$(REGION) ACCOUNT=$(ACCOUNT) CDK_ARGS="$(CDK_ARGS)" \
	  cdk/scripts/rotate-service-key.sh
