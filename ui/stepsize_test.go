package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// On the sample every step page fits a 1024×768 screen: its minimum size is at most 1000×600,
// so the window never grows by itself and "Weiter" stays inside it.
func TestEveryStepFitsTheLaptop(t *testing.T) {
	ts := sampleShell(t, 1024, 700)
	for n := 1; n <= 12; n++ {
		ts.project.show(n)
		page := ts.project.pageHolder
		if m := page.MinSize(); m.Width > 1000 || m.Height > 600 {
			t.Errorf("step %d needs %v", n, m)
		}
		if m := ts.win.Content().MinSize(); m.Width > 1024 || m.Height > 700 {
			t.Errorf("step %d: the window needs %v", n, m)
		}
		next := ts.project.next
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(next)
		if pos.X+next.Size().Width > 1024 || pos.Y+next.Size().Height > 700 {
			t.Errorf("step %d: Weiter at %v %v lies outside the window", n, pos, next.Size())
		}
	}
}
