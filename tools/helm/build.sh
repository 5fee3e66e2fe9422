#!/usr/bin/env bash
# Builds a pinned Helm tool with the machine's Go, from the Go module proxy, checked against go.sum:
#   build.sh helm       the Helm CLI pinned in go.mod            -> bin/helm
#   build.sh unittest   helm-unittest pinned in unittest/go.mod  -> bin/helm-unittest
# The link flags are the ones the tools' own Makefiles set for a release: `helm version` reports
# the pinned release, and the default Kubernetes version of helm template, helm lint and
# helm-unittest is the one their client-go serves (not Helm's unlinked fallback, v1.20).
set -euo pipefail
cd "$(dirname "$0")"
go="${GO:-go}"
tool="${1:?usage: build.sh helm|unittest}"
if ! command -v "$go" >/dev/null; then
  echo "build.sh: Go 1.26 or newer is needed to build $tool (set GO=/path/to/go if it is not on the PATH)" >&2
  exit 1
fi

case "$tool" in
  helm) module_dir=. package=helm.sh/helm/v3/cmd/helm binary=helm ;;
  unittest) module_dir=unittest package=github.com/helm-unittest/helm-unittest/cmd/helm-unittest binary=helm-unittest ;;
  *) echo "build.sh: unknown tool $tool (helm or unittest)" >&2; exit 2 ;;
esac

module_version() { (cd "$module_dir" && "$go" list -mod=readonly -m -f '{{.Version}}' "$1"); }
client_go_version="$(module_version k8s.io/client-go)" # v0.37.0 serves Kubernetes 1.37
kube_minor="$(echo "$client_go_version" | cut -d. -f2)"

ldflags="-w -s"
for package_with_kube_version in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
  ldflags+=" -X $package_with_kube_version.k8sVersionMajor=1 -X $package_with_kube_version.k8sVersionMinor=$kube_minor"
done
if [ "$tool" = helm ]; then
  version="$(module_version helm.sh/helm/v3)"
  ldflags+=" -X helm.sh/helm/v3/internal/version.version=$version"
  ldflags+=" -X helm.sh/helm/v3/internal/version.metadata= -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
else
  version="$(module_version github.com/helm-unittest/helm-unittest)"
  ldflags+=" -X github.com/helm-unittest/helm-unittest/internal/build.version=${version#v}"
fi

echo "building $binary $version (Kubernetes 1.$kube_minor by default) into tools/helm/bin/$binary" >&2
mkdir -p bin
output="$PWD/bin/$binary"
# Built beside its final name and renamed, so a concurrent reader never runs half a binary.
(cd "$module_dir" && CGO_ENABLED=0 "$go" build -mod=readonly -trimpath -ldflags "$ldflags" -o "$output.$$" "$package")
mv -f "$output.$$" "$output"
