#!/usr/bin/env bash
# make chart-release: package the Helm chart with ENV's images pinned by digest (as make images
# recorded them for IMAGE_TAG in .release/<env>/images.tsv, during make deploy-ecs) and push it to
# ENV's ECR as an OCI artifact, so EKS installs exactly what ECS runs:
#   helm install what-if oci://<registry>/whatif-<env>/charts/what-if --version 0.1.0+<tag>
# Inputs (set by make/delivery.mk): ENV, IMAGE_TAG, HELM; optional REGION.
set -euo pipefail
: "${ENV:?ENV is required}" "${IMAGE_TAG:?IMAGE_TAG is required}" "${HELM:?HELM is required}"
cd "$(dirname "$0")/../.."
command -v aws >/dev/null || { echo "chart-release needs aws on the PATH" >&2; exit 1; }

# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh
plan=$(node cdk/dist/bin/release-plan.js "$ENV" "${REGION:-}")
field() { awk -F'\t' -v kind="$1" '$1 == kind { $1 = ""; sub(/^ /, ""); print }' <<<"$plan"; }
region=$(field region)
chart_repository=$(field chart)
account=$(aws sts get-caller-identity --query Account --output text)
registry="$account.dkr.ecr.$region.amazonaws.com"
# The digests make images recorded (make deploy-ecs runs it): the ones ECS runs and EKS pins.
require_recorded_images

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -R charts/what-if "$work/what-if"
version=$(awk -F'\t' '{ print $1 "\t" $2 "\t" $4 }' "$images" |
  node tools/dist/release/chart-release.js "$work/what-if" "$registry" "$IMAGE_TAG")
"$HELM" lint --strict "$work/what-if"
"$HELM" package "$work/what-if" --destination "$work"

# Helm keeps its registry login in the scratch folder, not in the operator's Helm configuration.
export HELM_REGISTRY_CONFIG="$work/registry.json"
aws ecr get-login-password --region "$region" | "$HELM" registry login --username AWS --password-stdin "$registry"
"$HELM" push "$work/what-if-$version.tgz" "oci://$registry/${chart_repository%/what-if}"
echo "Chart what-if $version: oci://$registry/$chart_repository (OCI tag ${version/+/_})"
