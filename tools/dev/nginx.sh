#!/usr/bin/env bash
# nginx for `make bench-edge` on a Debian or Ubuntu machine: the one place that knows how to provide
# it, as tools/dev/stores.sh is for the stores. The benchmark runs it itself, with a configuration it
# generates, on a loopback port of its own; the package's own server is not wanted.
#
#   tools/dev/nginx.sh           install it when it is missing
#   tools/dev/nginx.sh --status  say whether it is there; change nothing
#
# Idempotent: on a machine that has it this installs nothing. Debian's package starts its own
# server on :80 where it can; when this script installed the package, it stops that server again.
set -euo pipefail

readonly package=nginx
readonly evidence=/usr/sbin/nginx

mode=ensure
for argument in "$@"; do
  case "$argument" in
    --status) mode=status ;;
    -h | --help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "nginx.sh: unknown argument '$argument' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { printf 'nginx: %s\n' "$*"; }
fail() {
  printf 'nginx: %s\n' "$*" >&2
  exit 1
}

# as_root, ensure_debian_packages, stop_packaged_service
# shellcheck source=tools/dev/lib/debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

if [ "$mode" = status ]; then
  if [ -x "$evidence" ]; then
    say "installed: $("$evidence" -v 2>&1)"
    exit 0
  fi
  say "missing: nginx (Debian package $package)"
  say "provide it with: $(if [ "$(id -u)" -ne 0 ]; then printf 'sudo '; fi)$0"
  exit 1
fi

if [ -x "$evidence" ]; then
  say "already installed: $("$evidence" -v 2>&1)"
  exit 0
fi
ensure_debian_packages --elsewhere "Install nginx your way (macOS: brew install nginx) and give its path in NGINX." \
  "$package"
[ -x "$evidence" ] || fail "$package installed, yet $evidence is missing"
# The package's own server (on :80) is not what the benchmark runs.
stop_packaged_service nginx
# Without systemd the package's maintainer script may have started it by hand.
if [ -s /run/nginx.pid ]; then as_root "$evidence" -s quit >/dev/null 2>&1 || true; fi
say "ready: $("$evidence" -v 2>&1)"
