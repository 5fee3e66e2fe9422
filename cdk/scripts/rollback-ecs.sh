#!/usr/bin/env bash
# make rollback-ecs: the services of one environment back on the images they ran before the last
# deployment, with no other change: only the Services stack is deployed, at the previous image
# tag, so only task definitions change (the gateway goes blue-green again) and CloudFormation
# still describes what runs. The previous tag is the one the gateway ran before its last
# successful deployment, unless ROLLBACK_TO=<short sha> names one (ECR keeps the last 30).
# Inputs (make/cdk.mk): ENV; optional ROLLBACK_TO, REGION, ACCOUNT, CDK_ARGS, CDK_APPROVAL.
set -euo pipefail
: "${ENV:?ENV is required}"
cd "$(dirname "$0")/../.."
# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh

require_tools aws node
load_plan
region=$(plan_field region)
account=$(deploy_account)
cluster=$(plan_field ecs-cluster)
read -r public_service _ <<<"$(plan_field public-service)"

# The image tag of the public service's container in a task definition.
image_tag_of() {
  aws ecs describe-task-definition --region "$region" --task-definition "$1" \
    --query "taskDefinition.containerDefinitions[?name=='$public_service'].image | [0]" --output text |
    sed 's/.*://'
}

current=$(aws ecs describe-services --region "$region" --cluster "$cluster" --services "$public_service" \
  --query 'services[0].taskDefinition' --output text)
current_tag=$(image_tag_of "$current")
if [ -n "${ROLLBACK_TO:-}" ]; then
  previous_tag=$ROLLBACK_TO
else
  deployment=$(aws ecs list-service-deployments --region "$region" --cluster "$cluster" \
    --service "$public_service" --status SUCCESSFUL \
    --query 'serviceDeployments[0].serviceDeploymentArn' --output text)
  revision=$(aws ecs describe-service-deployments --region "$region" --service-deployment-arns "$deployment" \
    --query 'serviceDeployments[0].sourceServiceRevisions[0].arn' --output text)
  if [ -z "$revision" ] || [ "$revision" = None ]; then
    echo "The last deployment of $public_service has no earlier revision to go back to; name one with ROLLBACK_TO=<short sha>" >&2
    exit 1
  fi
  previous=$(aws ecs describe-service-revisions --region "$region" --service-revision-arns "$revision" \
    --query 'serviceRevisions[0].taskDefinition' --output text)
  previous_tag=$(image_tag_of "$previous")
fi
if [ "$previous_tag" = "$current_tag" ]; then
  echo "$cluster already runs $current_tag; nothing to roll back to (name another with ROLLBACK_TO=<short sha>)" >&2
  exit 1
fi

echo "Rolling $ENV back from $current_tag to $previous_tag (account $account, region $region)"
IMAGE_TAG=$previous_tag
cdk deploy --exclusively --require-approval "${CDK_APPROVAL:-broadening}" "$(plan_field services-stack)"
