package session_test

import (
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/session/sessiontest"
)

// testClock is the clock of every session in these tests: 10 May 2027, noon in Berlin.
var testClock = clock.Fixed(time.Date(2027, 5, 10, 12, 0, 0, 0, domain.Berlin))

// openProject creates a project file named file in a temp dir and opens it as a session,
// closed when the test ends. It writes as the GUI does: in the background, in order.
func openProject(t *testing.T, file string, p *domain.Project) *session.Session {
	t.Helper()
	s := sessiontest.Open(t, file, p, persistence.OpenOptions{Clock: testClock})
	s.WriteIn(session.WriteBackground, nil)
	return s
}

// newSession is an empty project opened as a session.
func newSession(t *testing.T) *session.Session {
	t.Helper()
	return openProject(t, "Schul-IT Planung Jürgen.lotse", domain.NewProject("Testprojekt", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)))
}

// withPackages is a project with the given packages, opened as a session.
func withPackages(t *testing.T, name string, packages ...domain.Package) *session.Session {
	t.Helper()
	p := domain.NewProject(name, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	p.Packages = packages
	return openProject(t, name+" Jürgen.lotse", p)
}

// stored reads the project back from the file, not from the session's model, as the session
// opens it: without the monitoring rows, which it counts.
func stored(t *testing.T, s *session.Session) *domain.Project {
	t.Helper()
	flush(t, s)
	p, _, err := s.File.LoadWithoutRows()
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

// sameParts checks that model and file agree on the parts of a project part picks.
func sameParts(t *testing.T, s *session.Session, part func(*domain.Project) []any) {
	t.Helper()
	if got, want := part(s.Project), part(stored(t, s)); !reflect.DeepEqual(got, want) {
		t.Fatalf("model and file differ:\nmodel %+v\nfile  %+v", got, want)
	}
}

// fullyStored reads the project back from the file with every monitoring row.
func fullyStored(t *testing.T, s *session.Session) *domain.Project {
	t.Helper()
	flush(t, s)
	p, err := s.File.Load()
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

// flush waits until the session's queued writes are in the file (the tests write in the
// background, as the GUI does).
func flush(t *testing.T, s *session.Session) {
	t.Helper()
	if err := s.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
}
