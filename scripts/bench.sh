#!/usr/bin/env bash
# make bench: builds the bare Fyne window (the floor of the start-up benchmark) beside the real
# binary and runs the benchmark runner, which prints one table and writes build/bench.json.
#   scripts/bench.sh [BIN] [runner flags…]     e.g. BENCHTIME=1x scripts/bench.sh build/lotse -skip-gui
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${1:-build/lotse}
[ $# -gt 0 ] && shift
[ -x "$bin" ] || { echo "bench: $bin is missing; run make build first" >&2; exit 2; }
for tool in Xvfb xdotool xwd convert; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (apt-get install xvfb xdotool x11-apps imagemagick)" >&2; exit 2; }
done
mkdir -p build
# cgo builds take turns with other builds on the machine (CGO_LOCK is set by the Makefile)
${CGO_LOCK:-} go build -tags migrated_fynedo -o build/barewindow ./bench/barewindow
exec go run ./bench/runner -bin "$bin" -bare build/barewindow -benchtime "${BENCHTIME:-1s}" "$@"
