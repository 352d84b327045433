package session_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

// sameTasksAndConfig checks that the file holds exactly the model's tasks, settings and config.
func sameTasksAndConfig(t *testing.T, s *session.Session) {
	t.Helper()
	file := stored(t, s)
	if !reflect.DeepEqual(file.Tasks, s.Project.Tasks) {
		t.Fatalf("file and model tasks differ:\nfile  %q\nmodel %q", names(file.Tasks), names(s.Project.Tasks))
	}
	if file.Settings != s.Project.Settings || file.Meta != s.Project.Meta {
		t.Fatalf("project row: file %+v %+v, model %+v %+v", file.Settings, file.Meta, s.Project.Settings, s.Project.Meta)
	}
	if !reflect.DeepEqual(file.Config, s.Project.Config) && len(file.Config)+len(s.Project.Config) > 0 {
		t.Fatalf("config: file %v, model %v", file.Config, s.Project.Config)
	}
}

// TestBackgroundWritesKeepTheirOrder makes many edits of several kinds, with undo and redo in
// between, faster than the writer commits them; once the queue is drained the file holds
// exactly what the model holds. Edits that touch the same rows in turn (a task added, renamed,
// deleted, brought back) only end right when the writes kept their order.
func TestBackgroundWritesKeepTheirOrder(t *testing.T) {
	s := newSession(t)
	var ids []int64
	for i := range 120 {
		switch i % 6 {
		case 0, 1:
			ids = append(ids, mustAdd(t, s, fmt.Sprintf("Aufgabe %d", i)))
		case 2:
			id := ids[len(ids)-1]
			if err := s.UpdateTask(id, "undo.edit_task", func(x *domain.Task) { x.Name = fmt.Sprintf("Aufgabe %d geändert", i) }); err != nil {
				t.Fatal(err)
			}
		case 3:
			if err := s.DeleteTask(ids[0]); err != nil {
				t.Fatal(err)
			}
			ids = ids[1:]
			if err := s.Undo(); err != nil { // the task comes back, with its id
				t.Fatal(err)
			}
			if err := s.Redo(); err != nil {
				t.Fatal(err)
			}
		case 4:
			st := s.Project.Settings
			st.HoursPerPersonDay = float64(4 + i%5)
			if err := s.SetSettings(st); err != nil {
				t.Fatal(err)
			}
		case 5:
			if err := s.SetConfig("step12.mapping", fmt.Sprintf(`{"n":%d}`, i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for range 10 {
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	sameTasksAndConfig(t, s)
	st := s.SaveState()
	if st.Pending != 0 || st.Err != nil || !st.Saved.Equal(testClock.Now()) {
		t.Fatalf("after the drain: %+v, want nothing pending, saved at %v", st, testClock.Now())
	}
}

// holdWriter lets the writer commit the first n writes and holds it at the next one until
// release is closed; that write then fails as if the disk had gone.
type holdWriter struct {
	n, done int
	held    chan struct{} // closed when the writer stands at the held write
	release chan struct{}
}

var errDiskGone = errors.New("disk I/O error")

func holdAfter(s *session.Session, n int) *holdWriter {
	h := &holdWriter{n: n, held: make(chan struct{}), release: make(chan struct{})}
	session.CommitWith(s, func(w func(*persistence.File) error, f *persistence.File) error {
		if h.done == h.n {
			close(h.held)
			<-h.release
			return errDiskGone
		}
		h.done++
		return w(f)
	})
	return h
}

// TestFailedWriteStopsTheQueueAndNothingConfirmedIsLost stops the writer half-way: the edits
// the queue confirmed ("gespeichert") are in the file, the ones after the failure are refused
// or dropped, and Recover brings the model back to the file.
func TestFailedWriteStopsTheQueueAndNothingConfirmedIsLost(t *testing.T) {
	s := newSession(t)
	h := holdAfter(s, 5)
	for i := range 5 {
		mustAdd(t, s, fmt.Sprintf("bestätigt %d", i))
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	confirmed := s.SaveState()
	if confirmed.Pending != 0 || confirmed.Saved.IsZero() {
		t.Fatalf("after five edits: %+v", confirmed)
	}
	for i := range 4 {
		mustAdd(t, s, fmt.Sprintf("offen %d", i))
	}
	<-h.held
	if st := s.SaveState(); st.Pending != 4 || st.Err != nil {
		t.Fatalf("while the writer is held: %+v, want 4 pending", st)
	}
	close(h.release)
	err := s.Flush()
	if !errors.Is(err, errDiskGone) {
		t.Fatalf("flush after the failure: %v", err)
	}
	if st := s.SaveState(); st.Pending != 0 || !errors.Is(st.Err, errDiskGone) {
		t.Fatalf("after the failure: %+v", st)
	}
	if _, err := s.AddTask(domain.Task{Name: "danach"}); !errors.Is(err, errDiskGone) {
		t.Fatalf("an edit after the failure: %v, want it refused", err)
	}
	if err := s.Undo(); !errors.Is(err, errDiskGone) {
		t.Fatalf("undo after the failure: %v, want it refused", err)
	}
	if err := s.Recover(); err != nil {
		t.Fatal(err)
	}
	want := []string{"bestätigt 0", "bestätigt 1", "bestätigt 2", "bestätigt 3", "bestätigt 4"}
	if got := names(s.Project.Tasks); !slices.Equal(got, want) {
		t.Fatalf("model after recover: %q, want %q", got, want)
	}
	if s.CanUndo() || s.CanRedo() {
		t.Fatal("the history of edits the file does not have survived recover")
	}
	session.CommitWith(s, func(w func(*persistence.File) error, f *persistence.File) error { return w(f) })
	mustAdd(t, s, "nach der Wiederherstellung")
	assertTasks(t, s, append(want, "nach der Wiederherstellung")...)
}

// TestCloseDrainsTheQueueBeforeTheLockGoes closes the session while 30 writes wait: Close
// commits them all, then releases the lock, so the file opens again for editing with every edit.
func TestCloseDrainsTheQueueBeforeTheLockGoes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Schließen.lotse")
	s, err := session.Create(path, domain.NewProject("Schließen", testClock.Now()), persistence.OpenOptions{Clock: testClock})
	if err != nil {
		t.Fatal(err)
	}
	s.WriteIn(session.WriteBackground, nil)
	gate := make(chan struct{})
	session.CommitWith(s, func(w func(*persistence.File) error, f *persistence.File) error {
		<-gate
		return w(f)
	})
	for i := range 30 {
		mustAdd(t, s, fmt.Sprintf("Aufgabe %d", i))
	}
	if st := s.SaveState(); st.Pending != 30 {
		t.Fatalf("before close: %d pending, want 30", st.Pending)
	}
	close(gate)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	re, err := session.Open(path, persistence.OpenOptions{Clock: testClock})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	defer re.Close()
	if len(re.Project.Tasks) != 30 || re.Project.Tasks[29].Name != "Aufgabe 29" {
		t.Fatalf("after close the file has %q", names(re.Project.Tasks))
	}
}

// TestInlineWritesLeaveTheModelAloneOnAnError: the command line's mode writes first, so a
// failed write changes nothing and the queue goes on.
func TestInlineWritesLeaveTheModelAloneOnAnError(t *testing.T) {
	s := newSession(t)
	s.WriteIn(session.WriteInline, nil)
	session.CommitWith(s, func(func(*persistence.File) error, *persistence.File) error { return errDiskGone })
	if _, err := s.AddTask(domain.Task{Name: "x"}); !errors.Is(err, errDiskGone) {
		t.Fatalf("add: %v", err)
	}
	if len(s.Project.Tasks) != 0 || s.CanUndo() || s.SaveState().Err != nil {
		t.Fatalf("model %q, undo %v, state %+v after a failed inline write", names(s.Project.Tasks), s.CanUndo(), s.SaveState())
	}
}
