#!/usr/bin/env bash
# The README's screenshots: the sample opened from a neutral path (/home/anna/Dokumente) in a
# 1366x768 Xvfb, the overview and the steps 3 (the board), 6, 11 and 12 chosen in the sidebar, and
# step 12's breaches.
# Usage: scripts/screenshots.sh [BINARY]   (default build/lotse; writes docs/screenshot*.png)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=$(realpath "${1:-build/lotse}")
home=/home/anna
doc=$home/Dokumente/Musterstadt.lotse
mkdir -p "$home/Dokumente"
rm -f "$doc" "$home/Dokumente/.~lock.Musterstadt.lotse#"
HOME=$home "$bin" new --sample "$doc" >/dev/null
display=""
for n in $(seq 120 199); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
(cd "$home" && HOME=$home DISPLAY=$display exec "$bin" "$doc") >/dev/null 2>&1 &
app=$!
win=""
for _ in $(seq 1 30); do
  win=$(DISPLAY=$display xdotool search --name "Schul-IT Lotse" 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 1
done
[ -n "$win" ] || { echo "screenshots: no window" >&2; exit 1; }
DISPLAY=$display xdotool windowsize "$win" 1366 740
sleep 2
shot() { DISPLAY=$display xwd -root | convert xwd:- -crop 1366x740+0+0 +repage "png:$1"; }
shot docs/screenshot.png
# The overview's second tab, the Roter Faden.
DISPLAY=$display xdotool mousemove 502 228 click 1
sleep 2
shot docs/screenshot-thread.png
DISPLAY=$display xdotool mousemove 412 228 click 1
# Sidebar rows (y) of the steps at this size.
for s in "204 board" "361 step6" "634 step11" "673 step12"; do
  set -- $s
  DISPLAY=$display xdotool mousemove 80 "$1" click 1
  sleep 3
  shot "docs/screenshot-$2.png"
done
# Step 12's breaches, a page of them (the fourth view under "Kennzahlen").
DISPLAY=$display xdotool mousemove 723 273 click 1
sleep 2
shot docs/screenshot-step12-breaches.png
DISPLAY=$display xdotool key ctrl+q
sleep 1
echo "screenshots: docs/screenshot.png docs/screenshot-{thread,board,step6,step11,step12,step12-breaches}.png"
