package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A task note is several lines; what is typed into it and not yet left reaches the file when
// the project is closed (as on quitting).
func TestTypedNoteSurvivesClosing(t *testing.T) {
	ts := sampleShell(t, 1366, 740)
	note := focusNote(t, ts)
	for range 5 { // to the last row, then its end
		note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // a new line, not the end of the input
	for _, r := range "Zweite Zeile" {
		note.TypedRune(r)
	}
	path := ts.sess.File.Path()
	ts.closeSession()

	stored := readProject(t, path)
	for _, task := range stored.Tasks {
		if task.Name == "IServ-Nutzer anlegen" {
			if !strings.HasPrefix(task.Note, noteBefore) || !strings.HasSuffix(task.Note, "\nZweite Zeile") {
				t.Errorf("stored note %q", task.Note)
			}
			return
		}
	}
	t.Fatal("the task is gone")
}

// noteBefore is how the sample's note of "IServ-Nutzer anlegen" begins.
const noteBefore = "Oft Rücksprache mit Schule notwendig"

// focusNote opens step 1, taps the task "IServ-Nutzer anlegen" and puts the focus into the field
// that shows its note, as a user clicks into it.
func focusNote(t *testing.T, ts *testShell) fyne.Focusable {
	t.Helper()
	ts.project.show(1)
	cell := label(t, ts.content(), "IServ-Nutzer")
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(cell)
	test.TapCanvas(ts.win.Canvas(), p.Add(fyne.NewPos(cell.Size().Width/2, cell.Size().Height/2)))
	var note fyne.Focusable
	walk(ts.content(), func(o fyne.CanvasObject) bool {
		f, ok := o.(fyne.Focusable)
		if !ok || note != nil {
			return note == nil
		}
		walk(o, func(x fyne.CanvasObject) bool {
			if r, ok := x.(*widget.RichText); ok && strings.HasPrefix(r.String(), noteBefore) {
				note = f
			}
			return note == nil
		})
		return note == nil
	})
	if note == nil {
		t.Fatal("no field shows the task's note")
	}
	ts.win.Canvas().Focus(note)
	return note
}
