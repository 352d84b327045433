#!/usr/bin/env bash
# Checks what building and testing Schul-IT Lotse needs: Go >= 1.26, a C compiler for cgo, the
# headers of the OpenGL/X11 build, the smoke test's tools (Xvfb, xdotool, xwd, ImageMagick),
# pdftotext for the PDF checks, LibreOffice Writer without GUI, the Liberation fonts (metric-
# compatible with Arial) and unzip for the Word document check (soffice --headless
# --convert-to pdf), and for `make dist` the MinGW cross compiler (Windows), zip, xz and the
# freedesktop tools the package check uses (xdg-mime, update-mime-database). Missing packages
# are installed with apt when run as root; otherwise the exact command is printed and the
# script fails.
set -euo pipefail

packages=(gcc libgl1-mesa-dev xorg-dev xvfb poppler-utils imagemagick x11-apps xdotool
  libreoffice-writer-nogui fonts-liberation2 unzip gcc-mingw-w64-x86-64 zip xz-utils xdg-utils shared-mime-info desktop-file-utils)
need_go_minor=26

go_bin=${GO:-go}
if ! command -v "$go_bin" >/dev/null 2>&1; then
  echo "deps: Go is not installed. Go 1.${need_go_minor} or newer is needed: https://go.dev/dl/" >&2
  exit 1
fi
gover=$("$go_bin" env GOVERSION)          # e.g. go1.26.8
minor=$(sed -n 's/^go1\.\([0-9]*\).*/\1/p' <<<"$gover")
if [ -z "$minor" ] || [ "$minor" -lt "$need_go_minor" ]; then
  echo "deps: $gover is too old; Go 1.${need_go_minor} or newer is needed: https://go.dev/dl/" >&2
  exit 1
fi

if ! command -v dpkg >/dev/null 2>&1; then
  echo "deps: no dpkg here (not Debian/Ubuntu); please make sure these are installed: ${packages[*]}" >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "deps: missing packages: ${missing[*]}" >&2
  echo "deps: please install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
