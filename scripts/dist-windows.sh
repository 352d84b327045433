#!/usr/bin/env bash
# Cross-builds the Windows x64 GUI program and packs it with the per-user file association:
# build/dist/schulit-lotse-VERSION-windows-amd64.zip.
#   scripts/dist-windows.sh VERSION FYNE
# `fyne package -os windows` (fyne.io/tools) builds with -H=windowsgui (no console window) and
# embeds the icon and the version information for the file properties. It writes its resource
# and metadata files into the source folder while it builds, so it works on a copy of the tree
# (other builds in this checkout never see them), with the version stamped into ui/version.go.
set -euo pipefail
version=$1 fyne=$2
name=schulit-lotse-$version-windows-amd64
out=$PWD/build/dist
lock=${CGO_LOCK:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$out" "$work/src" "$work/$name"
tar --exclude=./build --exclude=./.git --exclude=./.ci -cf - . | tar -xf - -C "$work/src"
sed -i "s/^var Version = .*/var Version = \"$version\"/" "$work/src/ui/version.go"
start=$(date +%s)
(cd "$work/src" && $lock env CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  "$fyne" package -os windows --release --tags migrated_fynedo --app-version "$version" --name "Schul-IT Lotse")
echo "dist: Windows build took $(( $(date +%s) - start )) s"
exe="$work/src/Schul-IT Lotse.exe"
go run ./internal/pecheck/cmd/pecheck -version "$version" "$exe"

cp "$exe" "$work/$name/"
go run ./internal/winassoc/cmd/regfile "$work/$name"
install -m 644 packaging/windows/LIESMICH.txt "$work/$name/LIESMICH.txt"
sed -i "s/@VERSION@/$version/g; s/\$/\r/" "$work/$name/LIESMICH.txt"
cp "$exe" "$out/Schul-IT Lotse.exe"
rm -f "$out/$name.zip"
(cd "$work" && zip -qr "$out/$name.zip" "$name")
echo "dist: $out/$name.zip ($(du -h "$out/$name.zip" | cut -f1))"
