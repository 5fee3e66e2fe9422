#!/usr/bin/env bash
# make deploy-eks-prereqs: what an existing EKS cluster needs from AWS to run the release
# (cdk/src/eks/eks-prerequisites-stack.ts), with the network and data stacks it shares with
# ECS deployed first if they are not there yet.
# Inputs (make/k8s.mk): ENV; optional REGION, ACCOUNT, CDK_ARGS, CDK_APPROVAL.
set -euo pipefail
: "${ENV:?ENV is required}"
# The prerequisites run no image; the tag only satisfies the app's context.
IMAGE_TAG=${IMAGE_TAG:-prerequisites}
cd "$(dirname "$0")/../.."
# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh

require_tools aws node
load_plan
account=$(deploy_account)
echo "EKS prerequisites of $ENV for cluster $(plan_field eks-cluster), account $account, region $(plan_field region)"
# cdk deploys the stacks it depends on (network, data) first.
cdk deploy --require-approval "${CDK_APPROVAL:-broadening}" -c eks=true "$(plan_field eks-stack)"
