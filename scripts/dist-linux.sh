#!/usr/bin/env bash
# Packs the Linux release: build/dist/schulit-lotse-VERSION-linux-amd64.tar.xz with the program,
# the icon, the menu entry (MimeType + %F), the file type for *.lotse and an install script for
# the user's home (no root).
#   scripts/dist-linux.sh VERSION BINARY
set -euo pipefail
version=$1 binary=$2
name=schulit-lotse-$version-linux-amd64
out=build/dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/$name" "$out"
install -m 755 "$binary" "$stage/$name/lotse"
install -m 644 assets/icon/icon.png "$stage/$name/schulit-lotse.png"
install -m 644 packaging/linux/schulit-lotse.desktop packaging/linux/schulit-lotse-mime.xml "$stage/$name/"
install -m 755 packaging/linux/install.sh "$stage/$name/install.sh"
install -m 644 packaging/LIESMICH.txt "$stage/$name/LIESMICH.txt"
sed -i "s/@VERSION@/$version/g" "$stage/$name/LIESMICH.txt"
tar -C "$stage" --owner=0 --group=0 --sort=name -cJf "$out/$name.tar.xz" "$name"
echo "dist: $out/$name.tar.xz ($(du -h "$out/$name.tar.xz" | cut -f1))"
