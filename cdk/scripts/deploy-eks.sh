#!/usr/bin/env bash
# make deploy-eks: install or upgrade the release on the environment's EKS cluster, running the
# images make images pushed (pinned by digest) with the AWS resources make deploy-eks-prereqs
# made; values come from the stacks' outputs, never from hand-edited ids. With Argo Rollouts the
# new revisions wait behind their preview Services until their analyses pass; the gateway's is
# then smoke-checked through its preview and promoted. A failed step leaves the previous
# release serving: helm --atomic undoes a failed upgrade, a failed analysis or smoke check
# aborts the rollout and rolls the release back.
# Inputs (make/k8s.mk): ENV, IMAGE_TAG; optional REGION, ACCOUNT, CDK_ARGS, HELM_TIMEOUT,
# ROLLOUT_TIMEOUT_SECONDS, POLL_SECONDS, SMOKE_PORT.
set -euo pipefail
: "${ENV:?ENV is required}" "${IMAGE_TAG:?IMAGE_TAG is required}"
cd "$(dirname "$0")/../.."
# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh
# shellcheck source=cdk/scripts/eks-lib.sh
. cdk/scripts/eks-lib.sh

require_tools aws helm kubectl curl openssl node
load_plan
load_eks_plan
account=$(deploy_account)
require_recorded_images
echo "Deploying $ENV at $IMAGE_TAG to EKS cluster $cluster (account $account, region $region)"

echo "== 1/5 Values from the stacks' outputs"
aws cloudformation describe-stacks --region "$region" --stack-name "$(plan_field eks-stack)" \
  --query 'Stacks[0].Outputs' --output json >"$release_dir/eks-outputs.json"
mapfile -t context < <(context_args)
node cdk/dist/bin/eks-values.js "$ENV" "$account" "$release_dir/eks-outputs.json" "$images" "${context[@]}" \
  >"$release_dir/eks-values.yaml"

echo "== 2/5 Keys a service cannot start without"
make_first_run_keys "$region"

echo "== 3/5 helm upgrade --install $release"
use_cluster
first_install=()
if ! helm status "$release" -n "$namespace" >/dev/null 2>&1; then
  # Helm keeps the release in the namespace, so it makes the bare namespace; the chart then
  # adopts it with its Pod Security and readiness-gate labels.
  first_install=(--create-namespace --take-ownership)
fi
helm upgrade --install "$release" charts/what-if -n "$namespace" --atomic --wait \
  --timeout "${HELM_TIMEOUT:-15m}" -f charts/what-if/values-eks-prod.yaml \
  -f "$release_dir/eks-values.yaml" "${first_install[@]}"

if [ "$rollouts" = true ]; then
  echo "== 4/5 Blue-green: analyses, then the $public_service's preview, then promotion"
  if ! wait_for_rollouts; then
    give_up_release "a pre-promotion analysis failed"
  fi
  if [ "$(rollout_phase "$public_rollout")" = Paused ]; then
    if ! smoke_check_preview; then
      kubectl argo rollouts abort "$public_rollout" -n "$namespace"
      give_up_release "the smoke check through $public_rollout-preview failed"
    fi
    kubectl argo rollouts promote "$public_rollout" -n "$namespace"
    wait_for_rollouts || give_up_release "$public_rollout did not become healthy after its promotion"
  fi
else
  echo "== 4/5 Rolling updates finished (helm --wait)"
fi

echo "== 5/5 DNS and helm test"
point_api_domain_at_ingress
helm test "$release" -n "$namespace" --timeout 5m
echo "Released $IMAGE_TAG on $cluster: https://$api_domain"
