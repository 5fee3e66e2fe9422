#!/usr/bin/env bash
# make images: build every catalog service's image once per commit and push it, tagged with the
# short git SHA, to the environment's ECR repositories, the ones both ECS and EKS run from.
# Records each image's digest in .release/<env>/images.tsv (service, repository, tag, digest),
# which make deploy-eks pins the pods to. ECR tags are immutable, so an image already pushed
# for this commit is the one to run and is not rebuilt.
# Inputs (make/cdk.mk): ENV, IMAGE_TAG; optional REGION, ACCOUNT, CDK_ARGS, CDK_APPROVAL, ALLOW_DIRTY.
set -euo pipefail
: "${ENV:?ENV is required}" "${IMAGE_TAG:?IMAGE_TAG is required}"
cd "$(dirname "$0")/../.."
# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh

require_tools aws docker node
require_clean
load_plan
region=$(plan_field region)
account=$(deploy_account)
echo "Images of $ENV at $IMAGE_TAG for account $account, region $region"

# The repositories, if this is the environment's first image (the stack holds nothing else).
cdk deploy --require-approval "${CDK_APPROVAL:-broadening}" "$(plan_field registry-stack)"

registry="$account.dkr.ecr.$region.amazonaws.com"
aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"

pushed_digest() {
  aws ecr describe-images --region "$region" --repository-name "$1" --image-ids imageTag="$IMAGE_TAG" \
    --query 'imageDetails[0].imageDigest' --output text 2>/dev/null
}

mkdir -p "$release_dir"
record="$release_dir/images.tsv"
: >"$record.partial"
while IFS=$'\t' read -r kind service port repository; do
  [ "$kind" = image ] || continue
  image="$registry/$repository:$IMAGE_TAG"
  if digest=$(pushed_digest "$repository"); then
    echo "$image is already in ECR"
  else
    docker build --platform linux/amd64 --build-arg SERVICE="$service" --build-arg PORT="$port" -t "$image" . </dev/null
    docker push "$image" </dev/null
    digest=$(pushed_digest "$repository")
  fi
  printf '%s\t%s\t%s\t%s\n' "$service" "$repository" "$IMAGE_TAG" "$digest" >>"$record.partial"
done <<<"$plan"
mv "$record.partial" "$record"
echo "Digests of $IMAGE_TAG recorded in $record"
