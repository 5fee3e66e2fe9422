#!/usr/bin/env bash
# make deploy-ecs: push every catalog service's image to ECR and record its digest (make images),
# generate the keys that must exist before a task starts, deploy every stack of one environment
# with the tasks pinned to those digests, then watch the blue-green deployment of the public
# service until it has finished or rolled back, then upload the web app.
# Inputs (set by make/cdk.mk): ENV, IMAGE_TAG; optional REGION, ACCOUNT, CDK_APPROVAL, ALLOW_DIRTY,
# IMAGE_ARCHIVES and IMAGE_PLATFORMS (for make images, cdk/scripts/images.sh: the release workflow
# passes the OCI archives its images job built, which are pushed as they are), SITE_DIR (the web
# app's export to publish; frontend/out, which make web-build fills, by default).
set -euo pipefail
: "${ENV:?ENV is required}" "${IMAGE_TAG:?IMAGE_TAG is required}"
cd "$(dirname "$0")/../.."

# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh
tools=(aws skopeo openssl)
if [ -z "${IMAGE_ARCHIVES:-}" ]; then tools+=(docker); fi
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "deploy-ecs needs $tool on the PATH" >&2; exit 1; }
done

# Checked before anything is deployed: finding it missing in the last step would leave a release
# whose services are new and whose web app is not.
site_dir="${SITE_DIR:-frontend/out}"
[ -f "$site_dir/index.html" ] || { echo "deploy-ecs: the web app's export $site_dir is not built (make web-build)" >&2; exit 1; }
export SITE_DIR="$site_dir"

# The tag names a commit; an image built from uncommitted files would be mislabelled.
if [ -z "${ALLOW_DIRTY:-}" ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "Uncommitted changes: image tag $IMAGE_TAG would not describe what runs. Commit first (or ALLOW_DIRTY=1)." >&2
  exit 1
fi

plan=$(node cdk/dist/bin/release-plan.js "$ENV" "${REGION:-}")
field() { awk -F'\t' -v kind="$1" '$1 == kind { $1 = ""; sub(/^ /, ""); print }' <<<"$plan"; }
region=$(field region)
account=$(aws sts get-caller-identity --query Account --output text)
if [ -n "${ACCOUNT:-}" ] && [ "$account" != "$ACCOUNT" ]; then
  echo "These credentials are for account $account, not ACCOUNT=$ACCOUNT; refusing to deploy $ENV." >&2
  exit 1
fi
echo "Deploying $ENV at $IMAGE_TAG to account $account, region $region"

cdk() {
  (cd cdk && CDK_DISABLE_CLI_TELEMETRY=true npx --no-install cdk --no-notices --output "cdk.out/$ENV" "$@" \
    -c env="$ENV" -c imageTag="$IMAGE_TAG" -c strict=true ${REGION:+-c region="$REGION"} ${CDK_ARGS:-})
}
approval=${CDK_APPROVAL:-broadening}

echo "== 1/6 Network, data and registry (repositories and secrets come before images and tasks)"
# shellcheck disable=SC2046 # the stack names are single words
cdk deploy --require-approval "$approval" $(field first-stacks)

echo "== 2/6 Images: make images pushes them and records their digests, which the tasks pin"
cdk/scripts/images.sh
require_recorded_images
# cdk runs from cdk/: the record by its absolute path.
digests="$(cd "$(dirname "$images")" && pwd)/$(basename "$images")"

echo "== 3/6 Keys a service cannot start without"
# Signing keys made once, then every service's trusted public keys derived again (release-lib.sh).
make_first_run_keys "$region"

echo "== 4/6 Every stack"
deploy_started=$(date +%s)
# The task definitions pin the digests make images recorded (-c imageDigests), not the tag alone.
cdk deploy --all --require-approval "$approval" -c imageDigests="$digests"

echo "== 5/6 Blue-green deployments and their rollback alarms"
while IFS=$'\t' read -r kind cluster service alarms; do
  [ "$kind" = blue-green ] || continue
  # shellcheck disable=SC2086 # the alarm names are single words
  cdk/scripts/watch-blue-green.sh "$region" "$cluster" "$service" "$deploy_started" $alarms
done <<<"$plan"

echo "== 6/6 The web app (built by make web-build) to its bucket, then a CloudFront invalidation"
# shellcheck disable=SC2046 # the stack's name and region are single words
cdk/scripts/upload-site.sh $(field site)
