package kittest

import (
	"testing"

	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

// ReopenReadOnly closes s and opens its project file again read-only, as the app does when the
// user asks for it; that session closes when the test ends.
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
