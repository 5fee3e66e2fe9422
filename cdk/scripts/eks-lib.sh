# Sourced by deploy-eks.sh and rollback-eks.sh after release-lib.sh and load_plan: the cluster,
# the release and its Argo Rollouts.
# shellcheck shell=bash

# The release name the chart's object names assume (what-if-<service>).
release=what-if

load_eks_plan() {
  region=$(plan_field region)
  cluster=$(plan_field eks-cluster)
  namespace=$(plan_field eks-namespace)
  rollouts=$(plan_field eks-rollouts)
  api_domain=$(plan_field eks-api-domain)
  read -r public_service public_port <<<"$(plan_field public-service)"
  public_rollout="$release-$public_service"
  mapfile -t rollout_names < <(awk -F'\t' -v release="$release" '$1 == "image" { print release "-" $2 }' <<<"$plan")
}

# kubectl and helm talk to the environment's cluster through a kubeconfig of the release's own.
use_cluster() {
  mkdir -p "$release_dir"
  export KUBECONFIG="$release_dir/kubeconfig"
  aws eks update-kubeconfig --region "$region" --name "$cluster" --kubeconfig "$KUBECONFIG" >/dev/null
}

rollout_phase() {
  kubectl get rollout "$1" -n "$namespace" -o jsonpath='{.status.phase}'
}

# Until every Rollout is Healthy, the public one possibly Paused before its promotion. Fails
# when one is Degraded (an analysis failed, the rollout was aborted) or on the timeout.
wait_for_rollouts() {
  local deadline=$((SECONDS + ${ROLLOUT_TIMEOUT_SECONDS:-900})) name phase settled
  while :; do
    settled=true
    for name in "${rollout_names[@]}"; do
      phase=$(rollout_phase "$name")
      case "$phase" in
        Healthy) ;;
        Paused) [ "$name" = "$public_rollout" ] || settled=false ;;
        Degraded)
          echo "$name is Degraded: $(kubectl get rollout "$name" -n "$namespace" -o jsonpath='{.status.message}')" >&2
          return 1
          ;;
        *) settled=false ;;
      esac
    done
    [ "$settled" = true ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "The Rollouts did not settle within ${ROLLOUT_TIMEOUT_SECONDS:-900} s" >&2
      return 1
    fi
    sleep "${POLL_SECONDS:-5}"
  done
}

# The public service's new revision, seen through its preview Service from this machine
# (kubectl port-forward, which NetworkPolicies do not govern): its readiness, the unified
# health of every service behind it, and its contract.
smoke_check_preview() {
  local port=${SMOKE_PORT:-18080} forward status=0 attempt path
  kubectl port-forward -n "$namespace" "service/$public_rollout-preview" "$port:$public_port" \
    >"$release_dir/port-forward.log" 2>&1 &
  forward=$!
  for attempt in $(seq 1 30); do
    curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break
    [ "$attempt" = 30 ] && status=1
    sleep 1
  done
  for path in /health /openapi.json; do
    [ "$status" = 0 ] || break
    curl -fsS --max-time 10 -o /dev/null "http://127.0.0.1:$port$path" || status=1
  done
  kill "$forward" 2>/dev/null || true
  wait "$forward" 2>/dev/null || true
  return "$status"
}

# Puts the previous revision of the release back and stops with why.
give_up_release() {
  echo "Giving up on this release: $1. The previous revision keeps serving; rolling the release back." >&2
  helm rollback "$release" -n "$namespace" --wait --timeout "${HELM_TIMEOUT:-15m}" >&2
  exit 1
}

# The API's name in the hosted zone, at the ALB the AWS Load Balancer Controller made for the Ingress.
point_api_domain_at_ingress() {
  local host="" attempt
  for attempt in $(seq 1 60); do
    host=$(kubectl get ingress "$public_rollout" -n "$namespace" -o jsonpath='{.status.loadBalancer.ingress[0].hostname}')
    [ -n "$host" ] && break
    sleep "${POLL_SECONDS:-5}"
  done
  if [ -z "$host" ]; then
    echo "The Ingress $public_rollout has no load balancer yet: is the AWS Load Balancer Controller running?" >&2
    exit 1
  fi
  aws route53 change-resource-record-sets --hosted-zone-id "$(plan_field hosted-zone)" --change-batch \
    "{\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":{\"Name\":\"$api_domain\",\"Type\":\"CNAME\",\"TTL\":60,\"ResourceRecords\":[{\"Value\":\"$host\"}]}}]}" \
    >/dev/null
  echo "$api_domain -> $host"
}
