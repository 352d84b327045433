package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The import's confirmation groups the count as the reports do: "1.500 Aufgaben aus …", not
// "1500 Aufgaben aus …".
func TestImportOfALandkreisInventoryGroupsTheCount(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Aufgabe;Aufwand;Einheit\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "Aufgabe %04d;1;Std./Monat\n", i)
	}
	src := filepath.Join(dir, "Bestand.csv")
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "Landkreis.lotse")
	r := run(t, "import", target, "--kind", "tasks", src).want(t, 0)
	contains(t, "stdout", r.out, "1.500 Aufgaben aus Bestand.csv")
}
