package raci

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an Entry that commits when the user presses Enter or leaves it.
type commitEntry struct {
	widget.Entry
	commit func(text string)
}

func newCommitEntry(commit func(string)) *commitEntry {
	e := &commitEntry{commit: commit}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(s string) { e.commit(s) }
	return e
}

// FocusLost commits what was typed.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit(e.Text)
}

// show puts a value from the model into the entry without committing it.
func (e *commitEntry) show(s string) {
	if e.Text != s {
		e.MinSize()                                    // the key below needs the renderer
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) // drop a selection left from before
		e.SetText(s)
	}
}
