#!/usr/bin/env bash
# Step 5 of make deploy-ecs: follow the blue-green deployment ECS started for one service during
# this deploy, printing its stage and the state of its rollback alarms every 30 s, until it has
# succeeded (exit 0) or was stopped or rolled back (exit 1). A deploy that did not change the
# service started no deployment, and there is nothing to watch.
# Usage: watch-blue-green.sh <region> <cluster> <service> <deploy started, epoch seconds> <alarm>...
set -euo pipefail
region="$1" cluster="$2" service="$3" since="$4"
shift 4
alarms=("$@")
limit_seconds="${WATCH_LIMIT_SECONDS:-5400}"

deployment=$(aws ecs list-service-deployments --region "$region" --cluster "$cluster" --service "$service" \
  --created-at "after=$since" --query 'serviceDeployments[0].serviceDeploymentArn' --output text)
if [ -z "$deployment" ] || [ "$deployment" = None ]; then
  echo "$service: unchanged by this deploy, no deployment to watch"
  exit 0
fi

echo "$service: watching $deployment (rollback alarms: ${alarms[*]})"
deadline=$(($(date +%s) + limit_seconds))
while :; do
  read -r status stage < <(aws ecs describe-service-deployments --region "$region" \
    --service-deployment-arns "$deployment" \
    --query 'serviceDeployments[0].[status, lifecycleStage]' --output text)
  alarm_states=$(aws cloudwatch describe-alarms --region "$region" --alarm-names "${alarms[@]}" \
    --query 'MetricAlarms[].[AlarmName, StateValue]' --output text | awk '{ printf "%s=%s ", $1, $2 }')
  echo "$(date -u +%H:%M:%S) $service: $status ${stage:-} | $alarm_states"
  case "$status" in
    SUCCESSFUL) exit 0 ;;
    STOPPED | ROLLBACK_*)
      echo "$service: the deployment ended in $status; the previous revision serves traffic" >&2
      exit 1
      ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "$service: still $status after ${limit_seconds}s; see the ECS console" >&2
    exit 1
  fi
  sleep 30
done
