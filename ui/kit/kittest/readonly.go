package kittest

import (
	"testing"

	"schulit-lotse/ui/session"
	"schulit-lotse/ui/session/sessiontest"
)

// ReopenReadOnly closes s and opens its project file again read-only, as the app does when the
// user asks for it; that session closes when the test ends (sessiontest's, which the session's
// own tests use without Fyne).
func ReopenReadOnly(tb testing.TB, s *session.Session) *session.Session {
	tb.Helper()
	return sessiontest.ReopenReadOnly(tb, s)
}
