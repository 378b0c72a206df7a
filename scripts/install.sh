#!/usr/bin/env bash
# install.sh PACKAGE.tar.xz — install the Linux package for this user, into
#   ~/.local/bin/copytrail
#   ~/.local/share/applications/APP_ID.desktop   (the menu entry)
#   ~/.local/share/icons/APP_ID.png
# with the package's own Makefile (`make user-install`); no root needed.
# install.sh --uninstall — remove those three files again.
set -euo pipefail
cd "$(dirname "$0")/.."
app_id=$(sed -n 's/^ID *= *"\(.*\)"/\1/p' FyneApp.toml | head -1)

refresh_menu() {
  # Desktops notice new entries by themselves; these refresh their caches
  # where the tools are installed.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$HOME/.local/share/applications" 2>/dev/null || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$HOME/.local/bin/copytrail" "$HOME/.local/share/applications/$app_id.desktop" \
    "$HOME/.local/share/icons/$app_id.png"
  refresh_menu
  echo "copytrail: uninstalled from $HOME/.local"
  exit 0
fi

pkg=${1:?usage: install.sh PACKAGE.tar.xz | --uninstall}
[ -f "$pkg" ] || { echo "install: $pkg: no such package (make package builds it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xJf "$pkg" -C "$tmp"
make -s -C "$tmp/copytrail" user-install >/dev/null
refresh_menu
echo "copytrail: installed $HOME/.local/bin/copytrail and the menu entry $app_id"
case ":$PATH:" in
*":$HOME/.local/bin:"*) ;;
*) echo "copytrail: add ~/.local/bin to your PATH to run copytrail from a terminal" ;;
esac
