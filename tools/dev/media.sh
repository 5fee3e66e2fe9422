#!/usr/bin/env bash
# The programs the video service renders with, for `make dev` and `make test` on a Debian or
# Ubuntu machine: ffmpeg (and ffprobe), espeak-ng and a font with Vietnamese coverage. The one
# place that knows how to provide them here, as tools/dev/stores.sh is for the stores: `.ci/run`
# runs it; the preflight of `make dev` and the video tests name it when something is missing.
# The video image installs the same packages (the catalog's `systemPackages`, which a test
# keeps equal to the list below and to the Dockerfile).
#
#   tools/dev/media.sh           install what is missing
#   tools/dev/media.sh --status  say what is there and what is missing; change nothing
#
# Idempotent: on a machine that has them all it installs nothing.
set -euo pipefail

# Debian package, and the file that shows it is installed.
readonly packages=(ffmpeg espeak-ng fonts-dejavu-core)
readonly evidence=(/usr/bin/ffmpeg /usr/bin/espeak-ng /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)

mode=ensure
for argument in "$@"; do
  case "$argument" in
    --status) mode=status ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "media.sh: unknown argument '$argument' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { printf 'media: %s\n' "$*"; }
fail() {
  printf 'media: %s\n' "$*" >&2
  exit 1
}

# as_root, ensure_debian_packages, stop_packaged_service
# shellcheck source=tools/dev/lib/debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

missing=()
for index in "${!packages[@]}"; do
  if [ ! -e "${evidence[$index]}" ]; then missing+=("${packages[$index]}"); fi
done

if [ "$mode" = status ]; then
  if [ "${#missing[@]}" -eq 0 ]; then
    say "ffmpeg, espeak-ng and the DejaVu fonts are installed"
    exit 0
  fi
  say "missing: ${missing[*]}"
  say "provide them with: $(if [ "$(id -u)" -ne 0 ]; then printf 'sudo '; fi)$0"
  exit 1
fi

if [ "${#missing[@]}" -eq 0 ]; then
  say "ffmpeg, espeak-ng and the DejaVu fonts are already installed"
  exit 0
fi
ensure_debian_packages --elsewhere "Install ffmpeg, espeak-ng and the DejaVu fonts your way (macOS: brew install ffmpeg espeak-ng && brew install --cask font-dejavu)." \
  "${missing[@]}"
for index in "${!packages[@]}"; do
  [ -e "${evidence[$index]}" ] || fail "${packages[$index]} installed, yet ${evidence[$index]} is missing"
done
say "ready: $(ffmpeg -hide_banner -version | head -n 1), $(espeak-ng --version | head -n 1)"
