# Sourced by the release scripts (make images, deploy-ecs, deploy-eks-prereqs, deploy-eks,
# rollback-eks, rollback-ecs) from the repository root. Needs ENV; reads REGION, ACCOUNT,
# CDK_ARGS, ALLOW_DIRTY and RELEASE_DIR (where a release's files go: .release/<env>).
# shellcheck shell=bash

release_dir=${RELEASE_DIR:-.release/$ENV}
script_name=$(basename "$0" .sh)

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$script_name needs $tool on the PATH" >&2; exit 1; }
  done
}

# The tag names a commit; an image built from uncommitted files would be mislabelled.
require_clean() {
  if [ -z "${ALLOW_DIRTY:-}" ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "Uncommitted changes: image tag $IMAGE_TAG would not describe what runs. Commit first (or ALLOW_DIRTY=1)." >&2
    exit 1
  fi
}

# The -c pairs every helper and cdk call gets, so they all see the same environment.
context_args() {
  local args=()
  if [ -n "${REGION:-}" ]; then args+=(-c "region=$REGION"); fi
  # shellcheck disable=SC2206 # CDK_ARGS is a list of -c key=value words
  if [ -n "${CDK_ARGS:-}" ]; then args+=($CDK_ARGS); fi
  if [ ${#args[@]} -gt 0 ]; then printf '%s\n' "${args[@]}"; fi
}

# The environment's release plan (cdk/src/bin/release-plan.ts), in $plan.
load_plan() {
  local args
  mapfile -t args < <(context_args)
  plan=$(node cdk/dist/bin/release-plan.js "$ENV" "${args[@]}")
}

# The value(s) after one kind of line of the plan.
plan_field() { awk -F'\t' -v kind="$1" '$1 == kind { $1 = ""; sub(/^ /, ""); print }' <<<"$plan"; }

# The images make images pushed and recorded for IMAGE_TAG (.release/<env>/images.tsv: service,
# repository, tag, digest), in $images: every deployment path reads this one file. Refused when it
# is missing, of another tag, or lacks an image of the plan.
require_recorded_images() {
  local kind service repository
  images="$release_dir/images.tsv"
  if [ ! -s "$images" ] || awk -F'\t' -v tag="$IMAGE_TAG" '$3 != tag { stale = 1 } END { exit !stale }' "$images"; then
    echo "No images of $IMAGE_TAG are recorded in $images: run make images ENV=$ENV first" >&2
    exit 1
  fi
  while IFS=$'\t' read -r kind service _ repository; do
    [ "$kind" = image ] || continue
    if ! awk -F'\t' -v service="$service" -v repository="$repository" \
      '$1 == service && $2 == repository && $4 ~ /^sha256:[0-9a-f]+$/ && length($4) == 71 { found = 1 } END { exit !found }' "$images"; then
      echo "$images records no digest of $repository: run make images ENV=$ENV again" >&2
      exit 1
    fi
  done <<<"$plan"
}

# The account of the credentials, refused when ACCOUNT names another.
deploy_account() {
  local account
  account=$(aws sts get-caller-identity --query Account --output text)
  if [ -n "${ACCOUNT:-}" ] && [ "$account" != "$ACCOUNT" ]; then
    echo "These credentials are for account $account, not ACCOUNT=$ACCOUNT; refusing to touch $ENV." >&2
    exit 1
  fi
  echo "$account"
}

cdk() {
  local args
  mapfile -t args < <(context_args)
  (cd cdk && CDK_DISABLE_CLI_TELEMETRY=true npx --no-install cdk --no-notices --output "cdk.out/$ENV" "$@" \
    -c env="$ENV" -c imageTag="$IMAGE_TAG" -c strict=true "${args[@]}")
}

# Keys a service cannot start without, generated once into their secrets (the same for ECS and EKS).
make_first_run_keys() {
  local region=$1 kind provisioning secret current
  while IFS=$'\t' read -r kind provisioning secret _; do
    [ "$kind" = secret ] && [ "$provisioning" = ec-p256-private-key ] || continue
    current=$(aws secretsmanager get-secret-value --region "$region" --secret-id "$secret" \
      --query SecretString --output text)
    if node -e 'process.exit(JSON.parse(process.argv[1]).value ? 0 : 1)' "$current"; then
      echo "$secret is set"
      continue
    fi
    echo "Generating $secret (EC P-256, PKCS#8 PEM)"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 |
      node -e 'let pem = ""; process.stdin.on("data", (chunk) => (pem += chunk)).on("end", () => process.stdout.write(JSON.stringify({ value: pem })));' |
      aws secretsmanager put-secret-value --region "$region" --secret-id "$secret" --secret-string file:///dev/stdin >/dev/null
  done <<<"$plan"
  derive_service_public_keys "$region"
}

# Each service trusts exactly its catalog callers' public keys, derived from their signing keys on
# every deploy, so a new caller or a new key reaches its callees. A caller whose key is being
# rotated (make rotate-service-key) has a second, AWSPENDING version: its callees trust both.
derive_service_public_keys() {
  local region=$1 kind provisioning secret callers keys pair signing pending current
  while IFS=$'\t' read -r kind provisioning secret callers; do
    [ "$kind" = secret ] && [ "$provisioning" = service-public-keys ] || continue
    keys='{}'
    for pair in ${callers//,/ }; do
      signing=$(aws secretsmanager get-secret-value --region "$region" --secret-id "${pair#*=}" \
        --query SecretString --output text)
      pending=$(pending_secret_value "$region" "${pair#*=}")
      # The private keys go through the environment, never the command line another user could list.
      keys=$(SIGNING_SECRET="$signing" PENDING_SECRET="$pending" node -e 'const [keys, caller] = process.argv.slice(1); const all = JSON.parse(keys);
        const publicKey = (secret) => require("node:crypto").createPublicKey(JSON.parse(secret).value).export({ type: "spki", format: "pem" });
        const current = publicKey(process.env.SIGNING_SECRET);
        const next = process.env.PENDING_SECRET ? publicKey(process.env.PENDING_SECRET) : undefined;
        all[caller] = next && next !== current ? [current, next] : current;
        process.stdout.write(JSON.stringify(all));' "$keys" "${pair%%=*}")
    done
    current=$(aws secretsmanager get-secret-value --region "$region" --secret-id "$secret" \
      --query SecretString --output text)
    if node -e 'process.exit(JSON.parse(process.argv[1]).value === process.argv[2] ? 0 : 1)' "$current" "$keys"; then
      echo "$secret is current"
      continue
    fi
    echo "Writing $secret (its callers' public keys)"
    node -e 'process.stdout.write(JSON.stringify({ value: process.argv[1] }))' "$keys" |
      aws secretsmanager put-secret-value --region "$region" --secret-id "$secret" --secret-string file:///dev/stdin >/dev/null
  done <<<"$plan"
}

# The value of a secret's AWSPENDING version (a signing key being rotated in), or nothing.
pending_secret_value() {
  local region=$1 secret=$2 stages version
  stages=$(aws secretsmanager describe-secret --region "$region" --secret-id "$secret" \
    --query VersionIdsToStages --output json)
  version=$(node -e 'const stages = JSON.parse(process.argv[1] || "{}") ?? {};
    const pending = Object.entries(stages).find(([, labels]) => labels.includes("AWSPENDING"));
    if (pending) process.stdout.write(pending[0]);' "$stages")
  [ -n "$version" ] || return 0
  aws secretsmanager get-secret-value --region "$region" --secret-id "$secret" --version-id "$version" \
    --query SecretString --output text
}

