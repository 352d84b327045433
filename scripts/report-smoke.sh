#!/usr/bin/env bash
# Smoke test of the reports: writes the sample's Gesamtbericht, Kurzfassung and monitoring
# report with the real binary, checks their properties (Author, Subject, language) and page
# counts, and renders every page to PNG, failing on a page that is blank. The Leistungsbeschreibung
# as Word document must name every package as a heading in word/document.xml and convert with
# LibreOffice (soffice --headless, a private profile) to a PDF with pages that render.
# Usage: scripts/report-smoke.sh [BINARY]   (default build/lotse; output in build/report-smoke/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bin=${1:-build/lotse}
out=build/report-smoke
fail() { echo "report-smoke: FAIL: $*" >&2; exit 1; }
note() { echo "report-smoke: $*"; }
# render PDF PREFIX: renders every page of PDF to PREFIX-N.png and fails on a blank page.
render() {
  pdftoppm -png -r 40 "$1" "$2" || fail "$1 does not render"
  for png in "$2"-*.png; do
    colours=$(convert "$png" -format %k info:)
    [ "$colours" -gt 2 ] || fail "$png is blank ($colours colours)"
  done
}

for tool in pdfinfo pdftoppm convert soffice unzip; do
  command -v "$tool" >/dev/null || fail "$tool is missing (make deps installs it)"
done
[ -x "$bin" ] || fail "$bin is not built (make build)"
rm -rf "$out"
mkdir -p "$out"
project=$out/Musterstadt.lotse
"$bin" new --sample "$project" >/dev/null || fail "lotse new --sample failed"

# name, type, further arguments (comma-separated, "-" for none), most pages
while read -r name type extra max; do
  pdf=$out/$name.pdf
  args=()
  [ "$extra" = "-" ] || IFS=, read -r -a args <<<"$extra"
  "$bin" report "$project" --type "$type" "${args[@]}" -o "$pdf" >/dev/null || fail "lotse report --type $type failed"
  info=$(pdfinfo "$pdf") || fail "$pdf: pdfinfo failed"
  grep -q '^Author: *[^ ]' <<<"$info" || fail "$pdf has no Author"
  grep -q '^Subject: *[^ ]' <<<"$info" || fail "$pdf has no Subject"
  pdfinfo -meta "$pdf" | grep -q '<dc:language>' || fail "$pdf has no language in its metadata"
  pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
  [ "$pages" -le "$max" ] || fail "$pdf has $pages pages, at most $max allowed"
  render "$pdf" "$out/$name"
  note "$name: $pages pages rendered"
done <<'LIST'
gesamtbericht full - 60
kurzfassung kurz - 12
monitoring monitoring --from=2027-06-01,--to=2027-06-30 20
jourfixe-protokoll jourfixe --date=2027-07-13 4
jourfixe-einladung einladung --date=2027-07-13 4
LIST
# The Word document: package names as Heading2 paragraphs, and LibreOffice converts it.
docx=$out/leistungsbeschreibung.docx
"$bin" export "$project" --kind leistungsbeschreibung "$docx" >/dev/null || fail "lotse export --kind leistungsbeschreibung .docx failed"
xml=$(unzip -p "$docx" word/document.xml) || fail "$docx has no word/document.xml"
for pkg in "User-Management" "Vor-Ort-Support" "Hardware-Wartung" "Störungsbeseitigung"; do
  grep -Pq "<w:pStyle w:val=\"Heading2\"(?:/>|></w:pStyle>)(?:(?!</w:p>).){0,400}<w:t[^>]*>2\\.\\d+ \\Q$pkg\\E</w:t>" <<<"$xml" ||
    fail "$docx: package \"$pkg\" is not a Heading2"
done
profile=$(mktemp -d /tmp/lotse-lo-profile.XXXXXX)
trap 'rm -rf "$profile"' EXIT
timeout 180 soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$out/docx" "$docx" \
  >"$out/soffice.log" 2>&1 || fail "soffice could not convert $docx (see $out/soffice.log)"
converted=$out/docx/leistungsbeschreibung.pdf
pages=$(pdfinfo "$converted" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 3 ] || fail "$converted has ${pages:-no} pages, at least 3 expected"
render "$converted" "$out/docx/page"
note "leistungsbeschreibung.docx: LibreOffice made $pages pages"
note "ok"
