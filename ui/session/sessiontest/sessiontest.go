// Package sessiontest opens projects as sessions for the tests of the packages that edit
// through a session (the session itself, the board, the RACI editor).
package sessiontest

import (
	"path/filepath"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

// Open writes p as a project file named file into a temp dir of tb and opens it as a session,
// which is closed when the test ends.
func Open(tb testing.TB, file string, p *domain.Project, opt persistence.OpenOptions) *session.Session {
	tb.Helper()
	s, err := session.Create(filepath.Join(tb.TempDir(), file), p, opt)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// ReopenReadOnly closes s and opens its file again read-only, as a second user would; the new
// session is closed when the test ends.
func ReopenReadOnly(tb testing.TB, s *session.Session) *session.Session {
	tb.Helper()
	path := s.File.Path()
	s.Close()
	ro, err := session.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ro.Close() })
	return ro
}
