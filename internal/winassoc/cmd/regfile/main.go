// Command regfile writes the per-user .reg files of the Windows package:
//
//	go run ./internal/winassoc/cmd/regfile OUTDIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"schulit-lotse/internal/winassoc"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: regfile OUTDIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	files := map[string][]byte{
		"lotse-dateien-zuordnen.reg":         winassoc.RegFile(winassoc.DefaultExe, "Schul-IT Lotse Projekt"),
		"lotse-dateizuordnung-entfernen.reg": winassoc.UnregFile(),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "regfile:", err)
			os.Exit(1)
		}
	}
}
