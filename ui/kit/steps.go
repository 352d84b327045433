// Package kit holds what the step editors share: the step context the shell hands them, the
// editor view, tables, entries, number fields, findings panels and formatting for the screen.
package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// Report hands an error to the shell in the user's language. Domain and persistence errors are
// translation keys; the original error stays reachable through errors.Is.
func (c *Context) Report(err error) {
	if err == nil {
		return
	}
	if key := err.Error(); IsKey(key) {
		if msg := lang.L(key); msg != key {
			err = translatedError{err: err, msg: msg}
		}
	}
	if c.ShowError != nil {
		c.ShowError(err)
		return
	}
	fyne.LogError("edit refused", err)
}

// IsKey tells a translation key ("err.effort.negative") from a sentence.
func IsKey(s string) bool {
	if !strings.Contains(s, ".") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

type translatedError struct {
	err error
	msg string
}

func (e translatedError) Error() string       { return e.msg }
func (e translatedError) UserMessage() string { return e.msg }
func (e translatedError) Unwrap() error       { return e.err }

// Background runs work on a snapshot of the project (Session.Snapshot, taken here on the UI
// goroutine) on another goroutine, then done with its error back on the UI goroutine. Step
// editors hand all slow work (PDFs, exports) to it instead of reading the live model elsewhere.
func (c *Context) Background(work func(snap *domain.Project) error, done func(err error)) {
	snap := c.Session.Snapshot()
	c.Go(func() {
		err := work(snap)
		fyne.Do(func() { done(err) })
	})
}

// async runs long work (reading a file, computing KPIs, storing an import, writing a report)
// off the UI goroutine, or as Async says; the work reports back with fyne.Do.
func (c *Context) Go(work func()) {
	if c.Async != nil {
		c.Async(work)
		return
	}
	go work()
}

// Context is what a step editor gets from the shell.
type Context struct {
	Session *session.Session
	Window  fyne.Window
	// ShowError reports an error to the user in plain words (the shell translates domain keys).
	ShowError func(err error)
	// Async runs background work; nil means a new goroutine. Tests run it in turn with their
	// own steps, because the test driver runs fyne.Do at once on the calling goroutine.
	Async func(work func())
	// OpenStep shows another step's page (a cell that names what that step holds); nil does
	// nothing.
	OpenStep func(step domain.StepID)
}

// Action is a project command a step offers in the main menu (an import, an export, a report).
type Action struct {
	Step  domain.StepID
	Label string // translation key
	Run   func(ctx *Context)
}
