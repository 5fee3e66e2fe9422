#!/usr/bin/env bash
# Builds actionlint, pinned in go.mod, with the machine's Go from the Go module proxy, checked
# against go.sum, into bin/actionlint. The link flags are those of actionlint's own release build
# (.goreleaser.yaml), so `actionlint -version` reports the pinned release.
set -euo pipefail
cd "$(dirname "$0")"
go="${GO:-go}"
if ! command -v "$go" >/dev/null; then
  echo "build.sh: Go 1.26 or newer is needed to build actionlint (set GO=/path/to/go if it is not on the PATH)" >&2
  exit 1
fi

version="$("$go" list -mod=readonly -m -f '{{.Version}}' github.com/rhysd/actionlint)"
ldflags="-w -s -X github.com/rhysd/actionlint.version=$version"
ldflags+=" -X 'github.com/rhysd/actionlint.installedFrom=built from its Go module by tools/actionlint/build.sh'"

echo "building actionlint $version into tools/actionlint/bin/actionlint" >&2
mkdir -p bin
output="$PWD/bin/actionlint"
# Built beside its final name and renamed, so a concurrent reader never runs half a binary.
CGO_ENABLED=0 "$go" build -mod=readonly -trimpath -ldflags "$ldflags" -o "$output.$$" github.com/rhysd/actionlint/cmd/actionlint
mv -f "$output.$$" "$output"
