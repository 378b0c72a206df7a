#!/bin/sh
# screenshots.sh runs the real copytrail binary under a virtual X display on
# the embedded demo corpus and on ../shared/seeds, and writes a PNG of each
# screen to docs/screenshots/. Needs Xvfb and ImageMagick's `import`.
set -eu
cd "$(dirname "$0")/.."
OUT=docs/screenshots
BIN=${BIN:-./copytrail}
SEEDS=${SEEDS:-../shared/seeds}
DISPLAY_NUM=${DISPLAY_NUM:-:99}
export LANG=C.UTF-8 LANGUAGE=en_US
mkdir -p "$OUT"
[ -x "$BIN" ] || go build -o "$BIN" ./cmd/copytrail

# A private HOME so the runs never touch the user's recent workspaces.
HOME=$(mktemp -d)
export HOME
# The screen is twice as wide as the window, so X's pointer, which starts
# at the screen's centre, rests just right of the window and hovers over
# nothing (a hovered graph arrow would show its preview in the shot).
Xvfb "$DISPLAY_NUM" -screen 0 2816x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$HOME"' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1

# shot NAME ARGS...: start copytrail with ARGS, wait until its first
# analysis is on screen, capture the screen, close it.
# ONLY=name limits a run to the screenshots whose name contains it.
shot() {
	name=$1
	shift
	case "$name" in *"${ONLY:-}"*) ;; *) return 0 ;; esac
	ready="$HOME/ready"
	rm -f "$ready"
	w=${W:-1400} h=${H:-900}
	COPYTRAIL_READY="$ready" "$BIN" --width "$w" --height "$h" "$@" >"$HOME/log" 2>&1 &
	pid=$!
	i=0
	while [ ! -f "$ready" ]; do
		i=$((i + 1))
		if [ $i -gt 600 ] || ! kill -0 $pid 2>/dev/null; then
			echo "screenshots: $name did not come up:" >&2
			cat "$HOME/log" >&2
			kill $pid 2>/dev/null || true
			return 1
		fi
		sleep 0.1
	done
	import -window root -crop "${w}x${h}+0+0" +repage "$OUT/$name.png"
	kill $pid
	wait $pid 2>/dev/null || true
	echo "wrote $OUT/$name.png"
}

shot demo-graph --demo --screen graph
shot demo-library --demo --screen library
shot demo-matrix --demo --screen matrix
shot demo-compare --demo --compare top --passage 1
export FYNE_THEME=light
shot demo-compare-light --demo --compare top --passage 1
unset FYNE_THEME
shot demo-families --demo --screen families
shot demo-settings --demo --screen settings
# Workshop mode on a 1280×720 projector: hidden for the guessing round, then revealed.
W=1280 H=720 shot demo-workshop --demo --workshop --hide --compare top --passage 1
W=1280 H=720 shot demo-workshop-revealed --demo --workshop --compare top --passage 1
W=1280 H=720 shot demo-workshop-graph --demo --workshop --hide --screen graph
if [ -d "$SEEDS" ]; then
	shot seeds-graph --screen graph "$SEEDS"
	shot seeds-compare --compare CIVIC,CAJ --mutation attribution-changed "$SEEDS"
	shot seeds-library --screen library "$SEEDS"
else
	echo "screenshots: $SEEDS not found, seed screenshots skipped" >&2
fi
