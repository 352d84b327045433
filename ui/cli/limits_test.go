package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file written before the text limits – a 5 MB task name and a meeting agenda of 35,000
// characters – is not refused: every command reads it, check names both objects in a
// translated sentence, the report prints them cut, and it stays editable (a task import).
func TestOverLongTextsOpenWithAFinding(t *testing.T) {
	dir := t.TempDir()
	path := craft(t, dir, "lang.lotse", []string{
		"UPDATE tasks SET name = replace(hex(zeroblob(2621440)), '00', 'AA') WHERE id = (SELECT min(id) FROM tasks)",
		"UPDATE meetings SET agenda = replace(hex(zeroblob(5000)), '00', 'Agenda ') WHERE id = (SELECT min(id) FROM meetings)",
	})
	r := run(t, "check", path)
	if r.code != 1 || strings.Count(r.out, "ein Text ist länger als erlaubt") != 2 {
		t.Fatalf("check: exit %d, want 1 with two findings\n%s%s", r.code, r.out, r.err)
	}
	if m := leakedKey(r.out + r.err); m != "" {
		t.Errorf("check: the translation key %q in %s", m, r.out)
	}
	pdf := filepath.Join(dir, "Bericht.pdf")
	for _, args := range [][]string{
		{"summary", path},
		{"report", path, "-o", pdf},
		{"share", path, filepath.Join(dir, "Kopie.lotse"), "--anonymize"},
		{"export", path, "--kind", "json", filepath.Join(dir, "lang.json")},
	} {
		if r := run(t, args...); r.code != 0 {
			t.Errorf("%s: exit %d\n%s%s", args[0], r.code, r.out, r.err)
		}
	}
	if fi, err := os.Stat(pdf); err != nil {
		t.Errorf("report: %v", err)
	} else if fi.Size() > 5<<20 {
		t.Errorf("report of %d bytes; the name is printed cut", fi.Size())
	}
	csv := filepath.Join(dir, "neu.csv")
	if err := os.WriteFile(csv, []byte("Aufgabe;Verantwortlich\nDrucker warten;Hausmeister\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "import", path, "--kind", "tasks", csv); r.code != 0 {
		t.Errorf("import into the file: exit %d\n%s%s", r.code, r.out, r.err)
	}
}
