#!/usr/bin/env bash
# Debian's Chromium for the web app's end-to-end tests and Lighthouse: the one place that knows
# how to provide the browser. `.ci/run` runs it; the e2e run names it when the browser is missing.
# No browser is ever downloaded by npm (playwright-core drives this one through executablePath).
#
#   tools/dev/browser.sh           install Chromium from the distribution's packages when missing
#   tools/dev/browser.sh --status  say whether it is there and which version; change nothing
#
# Idempotent: where /usr/bin/chromium (or CHROMIUM_PATH) already runs, it installs nothing.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
mode=ensure
for argument in "$@"; do
  case "$argument" in
    --status) mode=status ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "browser.sh: unknown argument '$argument' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { printf 'browser: %s\n' "$*"; }
fail() {
  printf 'browser: %s\n' "$*" >&2
  exit 1
}

# as_root, ensure_debian_packages, stop_packaged_service
# shellcheck source=tools/dev/lib/debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

runs() { [ -x "$browser" ] && "$browser" --headless --no-sandbox --version >/dev/null 2>&1; }

if runs; then
  say "$("$browser" --no-sandbox --version 2>/dev/null | head -n 1) at $browser"
  exit 0
fi
if [ "$mode" = status ]; then
  say "missing: no runnable Chromium at $browser (tools/dev/browser.sh installs Debian's)"
  exit 1
fi

# Fonts with Vietnamese diacritics, so screenshots and Lighthouse see text as people do.
ensure_debian_packages --elsewhere "No Chromium at $browser: install Chromium with your package manager and set CHROMIUM_PATH to it." \
  chromium fonts-dejavu-core fonts-noto-core
runs || fail "chromium was installed but $browser does not run"
say "$("$browser" --no-sandbox --version 2>/dev/null | head -n 1) at $browser"
