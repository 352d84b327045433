#!/usr/bin/env bash
# Collects the licence texts of every module linked into the program (and of Go itself) from the
# module cache into assets/licenses/, where "Hilfe > Über" shows them. Run it after adding or
# updating a dependency; assets/licenses_test.go fails while one is missing.
#   scripts/licenses.sh
set -euo pipefail
out=assets/licenses
rm -rf "$out"
mkdir -p "$out"
{
  echo "golang.org/go $(go env GOVERSION) $(go env GOROOT)"
  go list -deps -tags migrated_fynedo -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' . | sort -u
} | while read -r path version dir; do
  files=$(cd "$dir" && ls -1 | grep -iE '^(licen[cs]e|copying|notice)' || true)
  if [ -z "$files" ]; then
    echo "licenses: no licence file in $path $version" >&2
    exit 1
  fi
  name=$(echo "$path" | tr '/~' '__')
  {
    echo "$path $version"
    echo
    for f in $files; do
      if [ -d "$dir/$f" ]; then # e.g. freetype: LICENSE points to licenses/ with both texts
        for g in "$dir/$f"/*; do cat "$g"; echo; done
      else
        cat "$dir/$f"
        echo
      fi
    done
  } > "$out/$name.txt"
done
echo "licenses: $(ls "$out" | wc -l) modules in $out"
