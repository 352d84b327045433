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

// processEntry is the process field: type a new process or pick one of the existing ones.
// Picking from the list commits at once; typed text commits on Enter or when leaving.
type processEntry struct {
	widget.SelectEntry
	commit  func(text string)
	options []string
	loading bool
}

func newProcessEntry(commit func(string)) *processEntry {
	e := &processEntry{commit: commit}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.OnSubmitted = func(s string) { e.commit(s) }
	prev := ""
	e.OnChanged = func(s string) {
		// A pick from the list replaces the whole text at once; typing changes one character.
		picked := !e.loading && len([]rune(s)) > len([]rune(prev))+1 && e.isOption(s)
		prev = s
		if picked {
			e.commit(s)
		}
	}
	return e
}

func (e *processEntry) isOption(s string) bool {
	for _, o := range e.options {
		if o == s {
			return true
		}
	}
	return false
}

// options mirrors what SetOptions was given (SelectEntry keeps its own copy private).
func (e *processEntry) setOptions(opts []string) {
	e.options = opts
	e.SetOptions(opts)
}

// FocusLost commits what was typed.
func (e *processEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	e.commit(e.Text)
}

func (e *processEntry) show(s string) {
	if e.Text != s {
		e.loading = true
		e.MinSize() // the key below needs the renderer
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
		e.SetText(s)
		e.loading = false
	}
}
