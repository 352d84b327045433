package cli

import (
	"os"
	"path/filepath"
	"testing"

	"schulit-lotse/persistence"
)

func TestTakeOverLockFromTheCommandLine(t *testing.T) {
	dir, path := sample(t)
	// Another editor on another machine holds the project.
	lock := "Jürgen Weiß,schulamt-pc7,4242,2026-11-02T08:00:00Z\n"
	if err := os.WriteFile(persistence.LockPath(path), []byte(lock), 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "Mehr.csv")
	os.WriteFile(src, []byte("Aufgabe;Aufwand\nWLAN prüfen;2\n"), 0o644)
	r := run(t, "import", path, "--kind", "tasks", src).want(t, 1)
	contains(t, "stderr", r.err, "Jürgen Weiß", "schulamt-pc7", "--take-over-lock")
	if b, _ := os.ReadFile(persistence.LockPath(path)); string(b) != lock {
		t.Fatal("a refused import changed the lock")
	}
	before := len(loadProject(t, path).Tasks)
	r = run(t, "import", path, "--kind", "tasks", src, "--take-over-lock").want(t, 0)
	contains(t, "stderr", r.err, "Sperre von Jürgen Weiß (schulamt-pc7) wurde übernommen")
	if got := len(loadProject(t, path).Tasks); got != before+1 {
		t.Fatalf("%d tasks after the import, want %d", got, before+1)
	}
	if _, err := os.Lstat(persistence.LockPath(path)); err == nil {
		t.Fatal("the lock stays after the command")
	}
	// The option is checked like the GUI checks: a refused file stays refused.
	bad := filepath.Join(dir, "kaputt.lotse")
	os.WriteFile(bad, []byte("keine Projektdatei"), 0o644)
	run(t, "import", bad, "--kind", "tasks", src, "--take-over-lock").want(t, 2)
}

func TestHardLinkedProjectIsNotChangedByTheCommandLine(t *testing.T) {
	dir, path := sample(t)
	second := filepath.Join(dir, "Zweitname.lotse")
	if err := os.Link(path, second); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	src := filepath.Join(dir, "Mehr.csv")
	os.WriteFile(src, []byte("Aufgabe;Aufwand\nWLAN prüfen;2\n"), 0o644)
	before, _ := os.ReadFile(path)
	r := run(t, "import", second, "--kind", "tasks", src).want(t, 1)
	contains(t, "stderr", r.err, "mehrere Namen")
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("the project changed")
	}
	run(t, "summary", second).want(t, 0) // reading stays possible
}
