#!/usr/bin/env bash
# The web app's static export (frontend/out, built by make web-build) to the frontend stack's
# bucket, then a CloudFront invalidation. Called by deploy-ecs.sh once every stack is deployed.
#   cdk/scripts/upload-site.sh <frontend stack name> <its region>
# SITE_DIR names another export folder (tests do).
# Content-hashed assets go first, cached for a year; then pages and everything else, revalidated
# on every request (no-cache), so a page never names an asset that is not there yet. Assets of
# earlier releases stay: a browser holding an older page can still load what it names.
set -euo pipefail
stack="${1:?usage: upload-site.sh <frontend stack> <region>}"
region="${2:?usage: upload-site.sh <frontend stack> <region>}"
cd "$(dirname "$0")/../.."
site="${SITE_DIR:-frontend/out}"
[ -f "$site/index.html" ] || { echo "upload-site: $site is not built (make web-build)" >&2; exit 1; }

output() {
  aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket=$(output SiteBucketName)
distribution=$(output DistributionId)
if [ -z "$bucket" ] || [ -z "$distribution" ]; then
  echo "upload-site: $stack has no SiteBucketName and DistributionId outputs" >&2
  exit 1
fi

echo "Uploading the web app to s3://$bucket"
aws s3 sync "$site/_next/static" "s3://$bucket/_next/static" --region "$region" \
  --cache-control 'public, max-age=31536000, immutable' --only-show-errors
aws s3 sync "$site" "s3://$bucket" --region "$region" --exclude '_next/static/*' --delete \
  --cache-control 'no-cache' --only-show-errors
echo "Invalidating CloudFront distribution $distribution"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' \
  --query 'Invalidation.Id' --output text
