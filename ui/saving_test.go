package ui

import (
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
