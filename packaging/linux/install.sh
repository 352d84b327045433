#!/bin/sh
# Installs Schul-IT Lotse for the current user, without root: the program into ~/.local/bin,
# the menu entry, the icon and the file type *.lotse into ~/.local/share. Afterwards a
# double-click on a .lotse file opens it with Schul-IT Lotse.
#   ./install.sh              install (again: updates)
#   ./install.sh --uninstall  remove everything this script installed
# BIN_DIR and XDG_DATA_HOME choose other folders.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${BIN_DIR:-$HOME/.local/bin}
desktop=schulit-lotse.desktop
mime=application/x-lotse

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/lotse" "$data/applications/$desktop" "$data/mime/packages/schulit-lotse.xml" \
    "$data/icons/hicolor/256x256/apps/schulit-lotse.png" \
    "$data/icons/hicolor/256x256/mimetypes/application-x-lotse.png"
  refresh
  echo "Schul-IT Lotse wurde entfernt. Ihre Projektdateien bleiben, wo sie sind."
  exit 0
fi

mkdir -p "$bin" "$data/applications" "$data/mime/packages" \
  "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/256x256/mimetypes"
install -m 755 "$here/lotse" "$bin/lotse"
install -m 644 "$here/schulit-lotse.png" "$data/icons/hicolor/256x256/apps/schulit-lotse.png"
install -m 644 "$here/schulit-lotse.png" "$data/icons/hicolor/256x256/mimetypes/application-x-lotse.png"
install -m 644 "$here/schulit-lotse-mime.xml" "$data/mime/packages/schulit-lotse.xml"
# The menu entry starts the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed "s|^Exec=lotse |Exec=\"$bin/lotse\" |" "$here/$desktop" > "$data/applications/$desktop"
chmod 644 "$data/applications/$desktop"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default "$desktop" "$mime" || true
fi
echo "Schul-IT Lotse ist installiert: $bin/lotse"
echo "Projektdateien (*.lotse) öffnen sich jetzt per Doppelklick; das Programm steht im Menü unter Büro."
