# shellcheck shell=bash
# Sourced, never run: how the tools/dev scripts provide what they need from Debian's (or Ubuntu's)
# packages, written once. The script that sources it defines say and fail first (they name it).
#
#   as_root COMMAND...                 run a command as root: directly when root, else with sudo
#   ensure_debian_packages --elsewhere HINT PACKAGE...
#                                      apt-get install the packages (one apt-get update per run
#                                      first); where there is no apt-get, fail with HINT, which says
#                                      how to provide them on another system
#   stop_packaged_service UNIT         stop and disable a service the package started under systemd
#                                      (what the script provides is run by the tools, not as a service)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "needs root for: $* (run this script as root, or install sudo)"
  fi
}

debian_packages_updated=false
ensure_debian_packages() {
  local elsewhere=''
  if [ "${1:-}" = --elsewhere ]; then
    elsewhere=$2
    shift 2
  fi
  [ "$#" -gt 0 ] || fail 'ensure_debian_packages: no package named'
  command -v apt-get >/dev/null 2>&1 ||
    fail "cannot install $* here: this script knows Debian's packages only.${elsewhere:+ $elsewhere}"
  if [ "$debian_packages_updated" = false ]; then
    say "apt-get update"
    as_root apt-get update -qq
    debian_packages_updated=true
  fi
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

stop_packaged_service() {
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$1" 2>/dev/null; then
    as_root systemctl disable --now "$1" >/dev/null 2>&1 || true
  fi
}
