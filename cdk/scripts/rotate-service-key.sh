#!/usr/bin/env bash
# make rotate-service-key: replace one service's SERVICE_SIGNING_KEY on ECS with no refused call.
# A callee checks a caller's token against the public keys it read when its task started, so the
# new key is trusted everywhere before the caller signs with it, and the old one is dropped only
# after no running task can still sign with it:
#   1. a new key goes into the signing secret as its AWSPENDING version (nothing signs with it yet);
#      every callee's SERVICE_PUBLIC_KEYS lists the old and the new public key; callees restart;
#   2. the new version becomes AWSCURRENT (the old one AWSPREVIOUS); the service and its workers
#      restart and sign with it;
#   3. after the longest a token minted by an old task stays valid, the callees trust only the new
#      key and restart again.
# Run again after a failure: a pending key left by an earlier run is used, not replaced.
# Inputs (set by make/cdk.mk): ENV, SERVICE; optional REGION, ACCOUNT, CDK_ARGS,
# TOKEN_LIFETIME_SECONDS (how long to wait in step 3; 90: tokens live 60 s, plus clock leeway).
set -euo pipefail
: "${ENV:?ENV is required}" "${SERVICE:?SERVICE is required (the service whose signing key to replace)}"
cd "$(dirname "$0")/../.."

# shellcheck source=cdk/scripts/release-lib.sh
. cdk/scripts/release-lib.sh
require_tools aws openssl node
load_plan
region=$(plan_field region)
cluster=$(plan_field ecs-cluster)
read -r _ signing_secret deployables < <(awk -F'\t' -v service="$SERVICE" \
  '$1 == "signing-key" && $2 == service { $1 = ""; print }' OFS=' ' <<<"$plan") || true
if [ -z "${signing_secret:-}" ]; then
  echo "$SERVICE has no SERVICE_SIGNING_KEY in $ENV (not a catalog service?)" >&2
  exit 1
fi
# The services that call none other have no callees; their key is still replaced.
callees=$(awk -F'\t' -v key="$SERVICE=$signing_secret" '$1 == "secret" && $2 == "service-public-keys" {
    n = split($4, pairs, ","); for (i = 1; i <= n; i++) if (pairs[i] == key) { m = split($3, parts, "/"); print parts[m - 1] }
  }' <<<"$plan" | tr '\n' ' ')
account=$(deploy_account)
echo "Rotating $SERVICE's service signing key in $ENV (account $account, region $region)"
echo "Its callees: ${callees:-none}; restarted with it: $deployables"

# ECS reads secrets when a task starts: a forced deployment, then waiting until it has settled.
restart() {
  local name
  for name in "$@"; do
    aws ecs update-service --region "$region" --cluster "$cluster" --service "$name" \
      --force-new-deployment --query service.serviceName --output text >/dev/null
  done
  # shellcheck disable=SC2068 # one word per service
  aws ecs wait services-stable --region "$region" --cluster "$cluster" --services $@
}

version_with() {
  local stage=$1
  aws secretsmanager describe-secret --region "$region" --secret-id "$signing_secret" \
    --query VersionIdsToStages --output json |
    node -e 'let text = ""; process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      const found = Object.entries(JSON.parse(text || "{}") ?? {}).find(([, labels]) => labels.includes(process.argv[1]));
      if (found) process.stdout.write(found[0]); });' "$stage"
}

echo "== 1/3 The new key, trusted by every callee before anything signs with it"
if [ -n "$(version_with AWSPENDING)" ]; then
  echo "$signing_secret has a pending key from an earlier run: using it"
else
  echo "Generating the new key (EC P-256, PKCS#8 PEM) as $signing_secret's AWSPENDING version"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 |
    node -e 'let pem = ""; process.stdin.on("data", (chunk) => (pem += chunk)).on("end", () => process.stdout.write(JSON.stringify({ value: pem })));' |
    aws secretsmanager put-secret-value --region "$region" --secret-id "$signing_secret" \
      --secret-string file:///dev/stdin --version-stages AWSPENDING >/dev/null
fi
derive_service_public_keys "$region"
# shellcheck disable=SC2086 # one word per service
if [ -n "$callees" ]; then restart $callees; fi

echo "== 2/3 $SERVICE signs with the new key"
pending=$(version_with AWSPENDING)
current=$(version_with AWSCURRENT)
aws secretsmanager update-secret-version-stage --region "$region" --secret-id "$signing_secret" \
  --version-stage AWSCURRENT --move-to-version-id "$pending" --remove-from-version-id "$current" >/dev/null
aws secretsmanager update-secret-version-stage --region "$region" --secret-id "$signing_secret" \
  --version-stage AWSPENDING --remove-from-version-id "$pending" >/dev/null
# shellcheck disable=SC2086 # one word per service
restart $deployables

echo "== 3/3 The old key no longer trusted"
wait_seconds=${TOKEN_LIFETIME_SECONDS:-90}
echo "Waiting ${wait_seconds}s for tokens signed with the old key to expire"
sleep "$wait_seconds"
derive_service_public_keys "$region"
# shellcheck disable=SC2086 # one word per service
if [ -n "$callees" ]; then restart $callees; fi
echo "$SERVICE's signing key is replaced; the old one stays in $signing_secret as AWSPREVIOUS"
