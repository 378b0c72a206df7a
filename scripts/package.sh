#!/usr/bin/env bash
# package.sh linux|windows|darwin — build the desktop package with Fyne's
# own packager (fyne.io/tools, `fyne package`) into dist/:
#   linux    dist/copytrail-VERSION-linux-ARCH.tar.xz: the binary, the icon and
#            the .desktop entry under usr/local/, with a Makefile whose
#            `make user-install` puts them in ~/.local (see `make install`)
#   windows  dist/copytrail.exe (amd64) with its icon and version resource,
#            cross-compiled with Debian's mingw-w64
#   darwin   dist/Copytrail.app, on a Mac with the Xcode command-line tools
#            (Apple's SDK is not available on Linux; untested so far)
# The version, app ID, icon and desktop-entry fields come from FyneApp.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: package.sh linux|windows|darwin}
root=$PWD
dist=$root/dist
FYNE_TOOLS_VERSION=v1.7.4

# The packager, installed into ./bin (never into go.mod: fyne.io/tools wants
# a newer Fyne than the app builds with).
fyne=$root/bin/fyne
have=$("$fyne" version 2>/dev/null || true)
if [[ "$have" != *"cli version: $FYNE_TOOLS_VERSION"* ]]; then
  echo "package: installing fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION into bin/" >&2
  GOBIN=$root/bin go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
fi

# One packager at a time in this tree: they share the files beside main.go.
mkdir -p dist
if command -v flock >/dev/null; then
  exec 9>dist/.lock
  flock 9
fi

version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml | head -1)
[ -n "$version" ] || { echo "package: no Version in FyneApp.toml" >&2; exit 1; }

# fyne package reads FyneApp.toml from the folder of the main package and
# then raises its Build number in place. It gets a copy there (the icon path
# made absolute) that is removed afterwards, so the committed file never
# changes; so are the files fyne leaves beside main.go.
src=$root/cmd/copytrail
cleanup() {
  rm -f "$src/FyneApp.toml" "$src/fyne.syso" "$src/fyne_metadata_init.go" \
    "$src/copytrail" "$src/copytrail.exe" "$src/Copytrail.exe"
}
trap cleanup EXIT
cleanup
sed "s#^Icon *= *\"\(.*\)\"#Icon = \"$root/\1\"#" FyneApp.toml >"$src/FyneApp.toml"

# Record the commit in the binary's build info (copytrail --version) even
# where the Go environment turns VCS stamping off.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=auto"
mkdir -p "$dist"

case "$target" in
linux)
  arch=$(go env GOARCH)
  out=$dist/copytrail-$version-linux-$arch.tar.xz
  stage=$(mktemp -d)
  trap 'cleanup; rm -rf "$stage"' EXIT
  (cd "$stage" && "$fyne" package --target linux --src "$src" --release)
  mv "$stage/Copytrail.tar.xz" "$out"
  echo "$out"
  ;;
windows)
  cc=x86_64-w64-mingw32-gcc
  command -v "$cc" >/dev/null || { echo "package: $cc missing (Debian: gcc-mingw-w64-x86-64)" >&2; exit 1; }
  (cd "$src" && GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=$cc \
    "$fyne" package --target windows --src "$src" --release)
  mv "$src/Copytrail.exe" "$dist/copytrail.exe"
  echo "$dist/copytrail.exe"
  ;;
darwin)
  stage=$(mktemp -d)
  trap 'cleanup; rm -rf "$stage"' EXIT
  (cd "$stage" && "$fyne" package --target darwin --src "$src" --release)
  rm -rf "$dist/Copytrail.app"
  mv "$stage/Copytrail.app" "$dist/Copytrail.app"
  echo "$dist/Copytrail.app"
  ;;
*)
  echo "package: unknown target $target (linux, windows or darwin)" >&2
  exit 2
  ;;
esac
