#!/usr/bin/env bash
# make images: the one image pipeline of every deployment path. Each catalog service's image is an
# OCI archive (<service>.tar: every platform, SBOM and provenance), built by docker buildx as the
# release workflow's images job builds it; the archives are pushed as they are (skopeo, digests
# preserved) to the environment's ECR repositories, tagged with the short git SHA, and each image's
# digest is recorded in .release/<env>/images.tsv (service, repository, tag, digest). make deploy-ecs
# (which runs this), make chart-release and make deploy-eks all read that file: ECS runs the tag
# whose digest it records, the chart and the EKS release pin the digests.
#
# IMAGE_ARCHIVES names archives built beforehand (the workflow's images job); without it they are
# built here into .release/<env>/images/<tag>/ (IMAGE_PLATFORMS, the workflow's linux/amd64,linux/arm64
# by default; a docker-container builder: docker buildx create --use). ECR tags are immutable: an
# image already pushed for this commit is kept (and not rebuilt) when it is the same digest, and a
# different digest under the tag is refused.
# Inputs (make/cdk.mk): ENV, IMAGE_TAG; optional REGION, ACCOUNT, CDK_ARGS, CDK_APPROVAL,
# ALLOW_DIRTY, IMAGE_ARCHIVES, IMAGE_PLATFORMS.
set -euo pipefail
: "${ENV:?ENV is required}" "${IMAGE_TAG:?IMAGE_TAG is required}"
cd "$(dirname "$0")/../.."
# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh

require_tools aws skopeo node
if [ -z "${IMAGE_ARCHIVES:-}" ]; then require_tools docker; fi
require_clean
load_plan
region=$(plan_field region)
account=$(deploy_account)
echo "Images of $ENV at $IMAGE_TAG for account $account, region $region"

# The repositories, if this is the environment's first image (the stack holds nothing else).
cdk deploy --require-approval "${CDK_APPROVAL:-broadening}" "$(plan_field registry-stack)"

registry="$account.dkr.ecr.$region.amazonaws.com"
aws ecr get-login-password --region "$region" | skopeo login --username AWS --password-stdin "$registry"

pushed_digest() {
  aws ecr describe-images --region "$region" --repository-name "$1" --image-ids imageTag="$IMAGE_TAG" \
    --query 'imageDetails[0].imageDigest' --output text 2>/dev/null || true
}

# The digest of an archive's image index: the sha256 of its bytes, what a registry holds it under.
archive_digest() {
  skopeo inspect --raw "oci-archive:$1" | node -e '
    const hash = require("node:crypto").createHash("sha256");
    process.stdin.on("data", (chunk) => hash.update(chunk)).on("end", () => console.log("sha256:" + hash.digest("hex")));'
}

archives=${IMAGE_ARCHIVES:-$release_dir/images/$IMAGE_TAG}
mkdir -p "$release_dir" "$archives"
record="$release_dir/images.tsv"
: >"$record.partial"
while IFS=$'\t' read -r kind service port repository; do
  [ "$kind" = image ] || continue
  image="$registry/$repository:$IMAGE_TAG"
  archive="$archives/$service.tar"
  existing=$(pushed_digest "$repository")
  if [ -z "${IMAGE_ARCHIVES:-}" ] && [ ! -f "$archive" ]; then
    if [[ "$existing" == sha256:* ]]; then
      echo "$image is already in ECR as $existing"
      printf '%s\t%s\t%s\t%s\n' "$service" "$repository" "$IMAGE_TAG" "$existing" >>"$record.partial"
      continue
    fi
    docker buildx build --platform "${IMAGE_PLATFORMS:-linux/amd64,linux/arm64}" \
      --build-arg SERVICE="$service" --build-arg PORT="$port" --sbom=true --provenance=mode=max \
      --output "type=oci,dest=$archive" . </dev/null
  fi
  if [ -n "${IMAGE_ARCHIVES:-}" ] && [ ! -f "$archive" ]; then
    echo "IMAGE_ARCHIVES has no $service.tar" >&2
    exit 1
  fi
  digest=$(archive_digest "$archive")
  # The workflow's images job wrote down the digest it built; the archive must still be that image.
  if [ -f "$archives/$service.digest" ] && [ "$(cat "$archives/$service.digest")" != "$digest" ]; then
    echo "$archive is $digest, not the $(cat "$archives/$service.digest") its build recorded" >&2
    exit 1
  fi
  if [ "$existing" = "$digest" ]; then
    echo "$image is already in ECR as $digest"
  elif [[ "$existing" == sha256:* ]]; then
    echo "$image already holds $existing, not this archive's $digest; tags are immutable, refusing" >&2
    exit 1
  else
    skopeo copy --all --preserve-digests "oci-archive:$archive" "docker://$image" </dev/null
    landed=$(pushed_digest "$repository")
    [ "$landed" = "$digest" ] || { echo "$image landed as $landed, not $digest" >&2; exit 1; }
    echo "$image is $digest"
  fi
  printf '%s\t%s\t%s\t%s\n' "$service" "$repository" "$IMAGE_TAG" "$digest" >>"$record.partial"
done <<<"$plan"
mv "$record.partial" "$record"
echo "Digests of $IMAGE_TAG recorded in $record"
