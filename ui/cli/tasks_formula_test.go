package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"schulit-lotse/persistence"
)

// Task texts that look like formulas leave the export neutralised and come back unchanged.
func TestTasksExportNeutralisesFormulasAndImportRestoresThem(t *testing.T) {
	texts := []string{"=HYPERLINK(\"http://x\";\"Klick\")", "+49 30 1234", "-Server neu starten", "@SUMME(A1)",
		"'=schon zitiert", "'zitiert"}
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			dir, path := richSample(t)
			f, err := persistence.Open(path, persistence.OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			p, _ := f.Load()
			for i, s := range texts {
				p.Tasks[i].Name, p.Tasks[i].Note = s, s
			}
			p.Tasks[0].Responsible = "=Hausmeister"
			if err := f.SaveTasks(p.Tasks); err != nil {
				t.Fatal(err)
			}
			f.Close()
			want := inventoryOf(loadProject(t, path))
			out := filepath.Join(dir, "Aufgaben"+ext)
			run(t, "export", path, "--kind", "tasks", out).want(t, 0)
			if ext == ".csv" {
				b, _ := os.ReadFile(out)
				for _, line := range strings.Split(string(b), "\r\n") {
					for _, cell := range strings.Split(line, ";") {
						if c := strings.TrimPrefix(cell, "\""); c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
							t.Errorf("cell %q would run as a formula", cell)
						}
					}
				}
			}
			back := filepath.Join(dir, "Zurück.lotse")
			run(t, "import", back, "--kind", "tasks", out).want(t, 0)
			if got := inventoryOf(loadProject(t, back)); !reflect.DeepEqual(got, want) {
				t.Fatalf("export → import changed the tasks:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}
