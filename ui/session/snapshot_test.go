package session_test

import (
	"sync"
	"testing"

	"schulit-lotse/domain"
)

// A snapshot stays as it was while the session changes; the revision counts every change and
// a new snapshot follows it. Readers on other goroutines see no data race (go test -race).
func TestSnapshotAndRevision(t *testing.T) {
	s := newSession(t)
	rev := s.Revision()
	snap := s.Snapshot()
	if s.Snapshot() != snap {
		t.Error("an unchanged session hands out a new copy")
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			_ = len(snap.Tasks) + len(snap.Meta.Name)
			_ = domain.Summarize(snap, domain.NewDate(2027, 1, 1))
		}
	}()
	meta := s.Project.Meta
	meta.Name = "Neu"
	if err := s.SetMeta(meta); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if s.Revision() != rev+1 {
		t.Errorf("revision %d after one edit, was %d", s.Revision(), rev)
	}
	if snap.Meta.Name == "Neu" {
		t.Error("the snapshot changed with the session")
	}
	next := s.Snapshot()
	if next == snap || next.Meta.Name != "Neu" {
		t.Errorf("snapshot after the edit: %q", next.Meta.Name)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Revision() != rev+2 || s.Snapshot().Meta.Name == "Neu" {
		t.Errorf("after undo: revision %d, name %q", s.Revision(), s.Snapshot().Meta.Name)
	}
}
