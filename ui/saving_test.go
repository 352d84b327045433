package ui

import (
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// noteInFile is the stored note of the sample's task "IServ-Nutzer anlegen".
func noteInFile(t *testing.T, path string) string {
	t.Helper()
	for _, task := range readProject(t, path).Tasks {
		if task.Name == "IServ-Nutzer anlegen" {
			return task.Note
		}
	}
	t.Fatal("the task is gone")
	return ""
}

// typeAtEnd types text at the end of the focused note and leaves the field, which commits it.
func typeAtEnd(ts *testShell, note fyne.Focusable, text string) {
	for range 5 {
		note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	for _, r := range text {
		note.TypedRune(r)
	}
	ts.win.Canvas().Unfocus()
}

// The status bar says "speichert…" while an edit waits for the disk and "gespeichert" with the
// time of the commit (the shell's pinned clock) once it is there; closing the project commits
// what still waits before the lock goes.
func TestStatusBarSaysSavingUntilTheEditIsOnDisk(t *testing.T) {
	ts := sampleShell(t, 1366, 740)
	path := ts.sess.File.Path()
	// The writes wait until the test lets them through, as a slow disk would hold them.
	s := ts.sess
	s.WriteIn(session.WriteOnFlush, func() { ts.writesChanged(s) })
	v := ts.project
	if v.saved.Text != "Jede Änderung wird sofort gespeichert." {
		t.Fatalf("status before an edit: %q", v.saved.Text)
	}

	typeAtEnd(ts, focusNote(t, ts), " – geprüft")
	if !strings.HasSuffix(ts.sess.Project.Tasks[0].Note, " – geprüft") {
		t.Fatalf("the model does not have the edit at once: %q", ts.sess.Project.Tasks[0].Note)
	}
	if v.saved.Text != "speichert…" {
		t.Fatalf("status while the edit waits for the disk: %q", v.saved.Text)
	}
	if !strings.HasSuffix(ts.win.Title(), "– speichert…") {
		t.Fatalf("title %q while the edit waits, want it to say speichert…", ts.win.Title())
	}
	if strings.Contains(noteInFile(t, path), "geprüft") {
		t.Fatal("the file has the edit before it was written")
	}

	if err := ts.sess.Flush(); err != nil {
		t.Fatal(err)
	}
	// 10:30 UTC on 2 November 2026 is 11:30 in Berlin.
	want := "gespeichert " + shellNow.In(domain.Berlin).Format("15:04")
	if want != "gespeichert 11:30" {
		t.Fatalf("the pinned clock says %q", want)
	}
	if got := "gespeichert " + formatClock(shellNow); v.saved.Text != got {
		t.Fatalf("status after the commit: %q, want %q", v.saved.Text, got)
	}
	if !strings.HasSuffix(ts.win.Title(), "– "+v.saved.Text) {
		t.Fatalf("title %q does not say when it was saved", ts.win.Title())
	}
	if !strings.HasSuffix(noteInFile(t, path), " – geprüft") {
		t.Fatalf("the file does not have the flushed edit: %q", noteInFile(t, path))
	}

	typeAtEnd(ts, focusNote(t, ts), " und abgenommen")
	if v.saved.Text != "speichert…" {
		t.Fatalf("status while the second edit waits: %q", v.saved.Text)
	}
	ts.closeSession()
	if got := noteInFile(t, path); !strings.HasSuffix(got, " – geprüft und abgenommen") {
		t.Fatalf("closing lost the waiting edit: %q", got)
	}
}

// A write that fails after the window already shows the edit is reported in the error dialog as
// every error is, and the window goes back to what the file holds: the failed edit is gone from
// the model, the edit confirmed before it stays.
func TestFailedWriteShowsTheErrorAndTheFileAgain(t *testing.T) {
	ts := sampleShell(t, 1366, 740)
	path := ts.sess.File.Path()
	s := ts.sess
	notified := false
	s.WriteIn(session.WriteOnFlush, func() { notified = true })

	typeAtEnd(ts, focusNote(t, ts), " – geprüft")
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	allow := refuseTaskChanges(t, path)
	typeAtEnd(ts, focusNote(t, ts), " und abgenommen")
	if !strings.HasSuffix(s.Project.Tasks[0].Note, "und abgenommen") || ts.project.saved.Text != "speichert…" {
		t.Fatalf("before the write: note %q, status %q", s.Project.Tasks[0].Note, ts.project.saved.Text)
	}
	if err := s.Flush(); err == nil || !notified {
		t.Fatalf("the refused write: flush %v, notified %v", err, notified)
	}
	allow()
	ts.writesChanged(s) // what the writer's notice does on the UI goroutine

	dlg := ts.overlay()
	assertText(t, dlg, "Das hat nicht geklappt")
	if !hasText(dlg, "disk full") || !hasText(dlg, "Diese Änderung und alle danach sind nicht gespeichert.") {
		t.Fatalf("the dialog says %q", texts(dlg))
	}
	if got := s.Project.Tasks[0].Note; !strings.HasSuffix(got, " – geprüft") {
		t.Fatalf("after the failure the window shows %q, the file holds %q", got, noteInFile(t, path))
	}
	if got := noteInFile(t, path); !strings.HasSuffix(got, " – geprüft") {
		t.Fatalf("the confirmed edit is not in the file: %q", got)
	}
	if ts.project.saved.Text == "speichert…" || ts.project.saved.Text == "nicht gespeichert" {
		t.Fatalf("status after reloading: %q", ts.project.saved.Text)
	}
}

// refuseTaskChanges makes the disk refuse every change of a task until allow is called: another
// connection adds a trigger to the file at path, and allow drops it.
func refuseTaskChanges(t *testing.T, path string) (allow func()) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TRIGGER refuse BEFORE UPDATE ON tasks BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	return func() {
		if _, err := db.Exec(`DROP TRIGGER refuse`); err != nil {
			t.Fatal(err)
		}
	}
}

// Closing the project writes the edits still queued first; when the disk refuses one, the
// project stays open and the failure is shown with the window back at what the file holds –
// the edit is not lost behind a closed window.
func TestClosingWithAWriteTheDiskRefusesKeepsTheProjectOpen(t *testing.T) {
	ts := sampleShell(t, 1366, 740)
	path := ts.sess.File.Path()
	s := ts.sess
	notified := false // the writer's notice reaches the UI goroutine after the failed flush
	s.WriteIn(session.WriteOnFlush, func() { notified = true })
	allow := refuseTaskChanges(t, path)
	typeAtEnd(ts, focusNote(t, ts), " – geprüft")
	if ts.closeSession() {
		t.Fatal("the project closed although its last edit was refused")
	}
	if ts.sess != s || ts.project == nil || !notified {
		t.Fatalf("the project is no longer shown, or the failure was not noticed (%v)", notified)
	}
	ts.writesChanged(s) // what the writer's notice does on the UI goroutine
	dlg := ts.overlay()
	if !hasText(dlg, "disk full") || !hasText(dlg, "Diese Änderung und alle danach sind nicht gespeichert.") {
		t.Fatalf("the dialog says %q", texts(dlg))
	}
	if got := s.Project.Tasks[0].Note; strings.HasSuffix(got, " – geprüft") {
		t.Fatalf("the window still shows the refused edit: %q", got)
	}
	allow()
	if !ts.closeSession() || ts.sess != nil {
		t.Fatal("with the disk back the project does not close")
	}
}
