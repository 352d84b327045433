package session_test

import (
	"testing"

	"schulit-lotse/ui/session"
)

func TestSetConfigUndoRedoAndFile(t *testing.T) {
	s := newSession(t)
	if err := s.SetConfig("step12.mapping", `{"a":1}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetConfig("step12.mapping", `{"a":2}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetConfig("step12.mapping", `kein json`); err == nil {
		t.Fatal("a value that is not JSON was accepted")
	}
	if got := s.Project.Config["step12.mapping"]; got != `{"a":2}` {
		t.Fatalf("model holds %q after a refused value", got)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := loadConfig(t, s)["step12.mapping"]; got != `{"a":1}` || s.Project.Config["step12.mapping"] != got {
		t.Fatalf("after undo: file %q, model %q", got, s.Project.Config["step12.mapping"])
	}
	if err := s.SetConfig("step12.mapping", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := loadConfig(t, s)["step12.mapping"]; ok {
		t.Fatal("the entry is still in the file after removing it")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := loadConfig(t, s)["step12.mapping"]; got != `{"a":1}` {
		t.Fatalf("undo of the removal: %q", got)
	}
}

func loadConfig(t *testing.T, s *session.Session) map[string]string {
	t.Helper()
	return stored(t, s).Config
}
