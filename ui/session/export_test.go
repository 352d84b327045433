package session

import "schulit-lotse/persistence"

// CommitWith replaces how the session's queue commits one write, so that a test can hold the
// writer or make it fail half-way.
func CommitWith(s *Session, commit func(write func(*persistence.File) error, f *persistence.File) error) {
	s.writes.mu.Lock()
	defer s.writes.mu.Unlock()
	s.writes.commit = func(w fileWrite, f *persistence.File) error { return commit(w, f) }
}
