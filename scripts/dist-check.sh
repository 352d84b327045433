#!/usr/bin/env bash
# Checks the Linux package as a user would use it: unpack, run install.sh into a fresh HOME
# (no root, nothing outside it), then ask the desktop what opens *.lotse.
#   scripts/dist-check.sh build/dist/schulit-lotse-V-linux-amd64.tar.xz
set -euo pipefail
archive=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "dist-check: $*" >&2; exit 1; }

tar -C "$t" -xJf "$archive"
pkg=$(find "$t" -mindepth 1 -maxdepth 1 -type d | head -n1)
for f in lotse install.sh schulit-lotse.desktop schulit-lotse-mime.xml schulit-lotse.png LIESMICH.txt; do
  [ -e "$pkg/$f" ] || fail "$f missing in $archive"
done
[ -x "$pkg/lotse" ] || fail "lotse is not executable"
grep -qx 'MimeType=application/x-lotse;' "$pkg/schulit-lotse.desktop" || fail "desktop file lacks MimeType"
grep -qx 'Exec=lotse %F' "$pkg/schulit-lotse.desktop" || fail "desktop file lacks Exec=lotse %F"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$pkg/schulit-lotse.desktop"; fi
"$pkg/lotse" --version | grep -q "Schul-IT Lotse" || fail "the packed program does not run"

export HOME=$t/home XDG_DATA_HOME=$t/home/.local/share XDG_CONFIG_HOME=$t/home/.config
export XDG_DATA_DIRS=$XDG_DATA_HOME:/usr/share XDG_CURRENT_DESKTOP= DE= BIN_DIR=
mkdir -p "$HOME"
"$pkg/install.sh" >/dev/null
[ -x "$HOME/.local/bin/lotse" ] || fail "install.sh did not install the program"
desk=$XDG_DATA_HOME/applications/schulit-lotse.desktop
grep -q "^Exec=\"$HOME/.local/bin/lotse\" %F$" "$desk" || fail "installed desktop file: $(grep ^Exec "$desk")"
grep -q '^\*\.lotse$\|:\*\.lotse$' "$XDG_DATA_HOME/mime/globs2" 2>/dev/null || grep -q 'lotse' "$XDG_DATA_HOME/mime/globs" \
  || fail "the MIME database does not know *.lotse"
got=$(xdg-mime query default application/x-lotse)
[ "$got" = schulit-lotse.desktop ] || fail "xdg-mime query default application/x-lotse = '$got', want schulit-lotse.desktop"

# A project file is recognised by its name and, renamed, by its content.
"$HOME/.local/bin/lotse" new "$t/Probe.lotse" >/dev/null
if command -v gio >/dev/null; then
  gio info -a standard::content-type "$t/Probe.lotse" | grep -q application/x-lotse || fail "gio does not see application/x-lotse"
fi

"$pkg/install.sh" --uninstall >/dev/null
[ ! -e "$HOME/.local/bin/lotse" ] && [ ! -e "$desk" ] || fail "--uninstall left files behind"
echo "dist-check: $archive installs into a user's home; xdg-mime names $got for application/x-lotse"
