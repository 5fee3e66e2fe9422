#!/usr/bin/env bash
# Prometheus and promtool for `make test` and `make observe` on a Debian or Ubuntu machine: the
# one place that knows how to provide them, as tools/dev/stores.sh is for the stores. `.ci/run`
# runs it; the alert-rule tests and `make observe` name it when promtool or prometheus is missing.
#
#   tools/dev/prometheus.sh           install what is missing
#   tools/dev/prometheus.sh --status  say what is there and what is missing; change nothing
#
# Idempotent: on a machine that has both it installs nothing. Debian's package may start its own
# Prometheus service on :9090 where an init system runs; `make observe` needs that port, so this
# script stops it again when it was the one that installed the package.
set -euo pipefail

readonly package=prometheus
readonly evidence=(/usr/bin/prometheus /usr/bin/promtool)

mode=ensure
for argument in "$@"; do
  case "$argument" in
    --status) mode=status ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "prometheus.sh: unknown argument '$argument' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { printf 'prometheus: %s\n' "$*"; }
fail() {
  printf 'prometheus: %s\n' "$*" >&2
  exit 1
}

# as_root, ensure_debian_packages, stop_packaged_service
# shellcheck source=tools/dev/lib/debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

missing=false
for file in "${evidence[@]}"; do
  if [ ! -x "$file" ]; then missing=true; fi
done

if [ "$mode" = status ]; then
  if [ "$missing" = false ]; then
    say "installed: $(promtool --version 2>&1 | head -n 1)"
    exit 0
  fi
  say "missing: prometheus and promtool (Debian package $package)"
  say "provide them with: $(if [ "$(id -u)" -ne 0 ]; then printf 'sudo '; fi)$0"
  exit 1
fi

if [ "$missing" = false ]; then
  say "already installed: $(promtool --version 2>&1 | head -n 1)"
  exit 0
fi
ensure_debian_packages --elsewhere "Install Prometheus 2.x your way (macOS: brew install prometheus), with promtool on PATH." \
  "$package"
for file in "${evidence[@]}"; do
  [ -x "$file" ] || fail "$package installed, yet $file is missing"
done
# The package's own service would hold :9090, which make observe serves on.
stop_packaged_service prometheus
say "ready: $(promtool --version 2>&1 | head -n 1)"
