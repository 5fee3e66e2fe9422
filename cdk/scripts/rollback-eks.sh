#!/usr/bin/env bash
# make rollback-eks: the release's previous revision back on the environment's EKS cluster, with
# no change to AWS resources or images. With Argo Rollouts, a revision whose pods still run (within
# rollouts.scaleDownDelaySeconds of its replacement) takes traffic back at once; an older one
# passes its analyses again, and the gateway is promoted when they pass.
# Inputs (make/k8s.mk): ENV; optional REGION, ACCOUNT, CDK_ARGS, HELM_TIMEOUT, ROLLOUT_TIMEOUT_SECONDS, POLL_SECONDS.
set -euo pipefail
: "${ENV:?ENV is required}"
cd "$(dirname "$0")/../.."
# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh
# shellcheck source=cdk/scripts/eks-lib.sh
. cdk/scripts/eks-lib.sh

require_tools aws helm kubectl node
load_plan
load_eks_plan
account=$(deploy_account)
echo "Rolling $ENV back on EKS cluster $cluster (account $account, region $region)"
use_cluster
helm history "$release" -n "$namespace" --max 5
# Without a revision number helm goes back to the one before the current.
helm rollback "$release" -n "$namespace" --wait --timeout "${HELM_TIMEOUT:-15m}"
if [ "$rollouts" = true ]; then
  wait_for_rollouts || { echo "The rollback did not settle; see kubectl argo rollouts get rollout <name> -n $namespace" >&2; exit 1; }
  if [ "$(rollout_phase "$public_rollout")" = Paused ]; then
    kubectl argo rollouts promote "$public_rollout" -n "$namespace"
    wait_for_rollouts || { echo "$public_rollout did not become healthy after its promotion" >&2; exit 1; }
  fi
fi
helm history "$release" -n "$namespace" --max 2
