#!/usr/bin/env bash
# ensure-packages.sh PKG... — install the Debian packages that are missing.
# On systems without apt-get it prints what to install and carries on.
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "copytrail: please install the equivalents of: ${missing[*]}" >&2
  echo "  (Fyne needs a C compiler and the OpenGL/X11 development headers; see https://docs.fyne.io/started/)" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "copytrail: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
