package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/domain/demo"
	"schulit-lotse/persistence"
)

// exportOf opens a project file read-only and returns its JSON export.
func exportOf(t *testing.T, path string) []byte {
	t.Helper()
	p, err := openProject(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := persistence.ExportJSON(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Two runs with the same seed write projects whose JSON exports are byte-identical; the export
// imports again and exports to the same bytes; another seed gives another project. (The
// Landkreis is compared the same way in the benchmark run: too slow for the unit tests.)
func TestDemoDataSmallIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "Demo ä.lotse"), filepath.Join(dir, "demo b.lotse"), filepath.Join(dir, "demo c.lotse")
	r := run(t, "demo-data", "--scale", "small", a).want(t, 0)
	contains(t, "stdout", r.out, "Beispielprojekt angelegt: "+a, "12 Schulen, 120 Aufgaben in 8 Paketen, 400 Tickets, 800 Anrufe, 150 Umfrageantworten")
	contains(t, "stderr", r.err, "Erzeuge Schulen, Aufgaben, Pakete", "Erzeuge Tickets nach der SLA-Uhr", "… 6 von 6",
		"Erzeuge Jour-fixe-Protokolle", "Schreibe die Projektdatei")
	run(t, "demo-data", b, "--scale=small").want(t, 0)
	ea, eb := exportOf(t, a), exportOf(t, b)
	if !bytes.Equal(ea, eb) {
		t.Fatalf("two exports of the same seed differ (%d vs %d bytes)", len(ea), len(eb))
	}
	// The file holds exactly what the generator made: its export equals the export of a
	// project generated here in memory (so the benchmark run can compare a Landkreis file with a
	// fresh generation the same way).
	mem, err := demo.Generate(demo.Small, demo.Options{Seed: demo.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	var em bytes.Buffer
	if err := persistence.ExportJSON(&em, mem); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ea, em.Bytes()) {
		t.Fatal("the file's export differs from the export of the generated project")
	}
	js := filepath.Join(dir, "demo.json")
	if err := os.WriteFile(js, ea, 0o644); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "wieder.lotse")
	run(t, "import", again, "--kind", "json", js).want(t, 0)
	if ec := exportOf(t, again); !bytes.Equal(ea, ec) {
		t.Fatal("export → import → export is not byte-identical")
	}
	run(t, "demo-data", "--scale", "small", "--seed", "7", c).want(t, 0)
	if bytes.Equal(ea, exportOf(t, c)) {
		t.Fatal("another seed gives the same project")
	}
	// The demonstration is a project like any other: check finds the open questions it keeps
	// on purpose (exit 1), nothing refused.
	r = run(t, "check", a).want(t, 1)
	if !strings.Contains(r.out, "RACI") && !strings.Contains(r.out, "Datenschutzbeauftragte:r") {
		t.Errorf("check does not name the RACI warning:\n%s", r.out)
	}
}

func TestDemoDataArguments(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "d.lotse")
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"demo-data", out}, 2, "Bitte mit --scale angeben"},
		{[]string{"demo-data", "--scale", "riesig", out}, 2, "Unbekannte Größe „riesig“"},
		{[]string{"demo-data", "--scale", "small", "--seed", "-3", out}, 2, "kein gültiger Startwert"},
		{[]string{"demo-data", "--scale", "small"}, 2, "Aufruf: lotse demo-data"},
		{[]string{"demo-data", "--scale", "small", filepath.Join(dir, "d.json")}, 1, "müssen auf .lotse enden"},
	}
	for _, c := range cases {
		r := run(t, c.args...)
		if r.code != c.code || !strings.Contains(r.err, c.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", c.args, r.code, r.err, c.code, c.msg)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused call left a file: %v", err)
	}
	if err := os.WriteFile(out, []byte("vorhanden"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "demo-data", "--scale", "small", out).want(t, 1)
	contains(t, "stderr", r.err, "gibt es schon")
	if b, _ := os.ReadFile(out); string(b) != "vorhanden" {
		t.Fatal("an existing file was overwritten")
	}
	english(t)
	r = run(t, "demo-data", "--scale", "huge", out).want(t, 2)
	contains(t, "stderr", r.err, "Unknown scale “huge”")
}
