package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ChoiceEntry is a text field with suggestions: picking one commits at once, typed text
// commits on Enter or when leaving the field.
type ChoiceEntry struct {
	widget.SelectEntry
	commit  func(text string)
	choices []string
	loading bool
}

// NewChoiceEntry makes a field that hands its text to commit.
func NewChoiceEntry(commit func(string)) *ChoiceEntry {
	e := &ChoiceEntry{commit: commit}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.OnSubmitted = func(s string) { e.commit(s) }
	prev := ""
	e.OnChanged = func(s string) {
		// A pick replaces the whole text at once; typing changes one character at a time.
		picked := !e.loading && len([]rune(s)) > len([]rune(prev))+1 && e.isChoice(s)
		prev = s
		if picked {
			e.commit(s)
		}
	}
	return e
}

func (e *ChoiceEntry) isChoice(s string) bool {
	for _, c := range e.choices {
		if c == s {
			return true
		}
	}
	return false
}

// SetChoices sets the suggestions.
func (e *ChoiceEntry) SetChoices(cs []string) {
	if slices.Equal(e.choices, cs) {
		return
	}
	e.choices = append([]string(nil), cs...)
	e.SetOptions(cs)
}

// FocusLost commits what was typed.
func (e *ChoiceEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	e.commit(e.Text)
}

// Load puts a value from the model into the field without committing it.
func (e *ChoiceEntry) Load(s string) {
	if e.Text != s {
		e.loading = true
		e.MinSize() // the key below needs the renderer
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
		e.SetText(s)
		e.loading = false
	}
}
