// Package kittest holds the test helpers of the step editors: a pinned clock, a project file
// on disk, a fixture that opens an editor in a test window, and finders in the widget tree.
package kittest

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"schulit-lotse/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// The editors' tests read German texts, as the app shows them by default: importing kittest
// sets them up.
func init() { assets.SetupLanguage(assets.German) }

// testClock is a clock a test can set.
type testClock struct{ Time time.Time }

func (c *testClock) Now() time.Time { return c.Time }

// StepsClock is the clock of every session these tests open; pinDay sets the day a test means.
var StepsClock = &testClock{Time: time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC)}

// PinDay sets the clock to noon in Berlin on d until the test ends.
func PinDay(t *testing.T, d domain.Date) {
	t.Helper()
	old := StepsClock.Time
	StepsClock.Time = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, domain.Berlin)
	t.Cleanup(func() { StepsClock.Time = old })
}

// NewProjectFile creates a project file in a temp dir holding the given tasks and opens it.
func NewProjectFile(tb testing.TB, tasks ...domain.Task) *session.Session {
	tb.Helper()
	p := domain.NewProject("Testprojekt", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	for i := range tasks {
		tasks[i].SortOrder = i + 1
	}
	p.Tasks = tasks
	return OpenProject(tb, p)
}

// OpenProject writes p to a project file in a temp dir (stamped by StepsClock) and opens it in
// a session as the app does (the monitoring rows stay in the file); the session closes when the
// test ends.
func OpenProject(tb testing.TB, p *domain.Project) *session.Session {
	tb.Helper()
	s, err := session.Create(filepath.Join(tb.TempDir(), "Schul-IT Planung Jürgen.lotse"), p, persistence.OpenOptions{Clock: StepsClock})
	if err != nil {
		tb.Fatalf("create: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Walk visits every visible object drawn on the canvas (through the widgets' live renderers).
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			Walk(child, visit)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			Walk(child, visit)
		}
	}
}

// LabelsIn returns the texts of the visible labels under o.
func LabelsIn(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(x fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// Contains reports whether list holds the text s.
func Contains(list []string, s string) bool { return slices.Contains(list, s) }

func ErrorTexts(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, " | ")
}

func IsErr(errs []error, target error) bool {
	for _, e := range errs {
		if errors.Is(e, target) {
			return true
		}
	}
	return false
}

// Fixture is one user's session with a step editor in a window of the software test driver.
type Fixture struct {
	T *testing.T
	S *session.Session
	W fyne.Window
	// Ctx is what an editor gets from the shell; errors it reports are collected in Errs.
	Ctx  *kit.Context
	Errs []error
}

// NewFixture opens p from a project file and a test window for an editor.
func NewFixture(t *testing.T, p *domain.Project) *Fixture {
	t.Helper()
	test.NewTempApp(t)
	fx := &Fixture{T: t, S: OpenProject(t, p)}
	fx.start()
	return fx
}

func (fx *Fixture) start() {
	fx.W = test.NewWindow(nil)
	fx.Ctx = &kit.Context{Session: fx.S, Window: fx.W, ShowError: func(err error) { fx.Errs = append(fx.Errs, err) }}
	fx.W.Resize(fyne.NewSize(1400, 900))
	fx.T.Cleanup(fx.W.Close)
}

// Show puts o into the window at the size of a laptop screen.
func (fx *Fixture) Show(o fyne.CanvasObject) {
	fx.W.SetContent(o)
	fx.W.Resize(fyne.NewSize(1400, 900))
}

// Open shows the editor that build makes in a new window, as the shell does.
func (fx *Fixture) Open(build func(ctx *kit.Context) fyne.CanvasObject) {
	fx.start()
	fx.Show(build(fx.Ctx))
}

// Stored reads the project back from the file.
func (fx *Fixture) Stored() *domain.Project {
	fx.T.Helper()
	p, err := fx.S.File.Load()
	if err != nil {
		fx.T.Fatalf("load: %v", err)
	}
	return p
}

// Task finds a task by name in the model.
func (fx *Fixture) Task(name string) *domain.Task {
	fx.T.Helper()
	return Named(fx.T, "task", fx.S.Project.Tasks, func(t *domain.Task) string { return t.Name }, name)
}

// Named finds the element of list called name (nameOf tells an element's name), or ends the test
// saying that the model holds no such kind of thing of that name.
func Named[T any](tb testing.TB, kind string, list []T, nameOf func(*T) string, name string) *T {
	tb.Helper()
	for i := range list {
		if nameOf(&list[i]) == name {
			return &list[i]
		}
	}
	tb.Fatalf("no %s %q in the model", kind, name)
	return nil
}

func (fx *Fixture) StoredTask(id int64) *domain.Task {
	fx.T.Helper()
	t := fx.Stored().TaskByID(id)
	if t == nil {
		fx.T.Fatalf("task %d is not in the file", id)
	}
	return t
}

// TypeInto focuses an entry, replaces its text by typing and leaves it with Enter (a note by
// moving the focus away).
func (fx *Fixture) TypeInto(e *kit.CommitEntry, text string) {
	fx.W.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.Text != "" {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	}
	test.Type(e, text)
	if e.MultiLine {
		fx.W.Canvas().Focus(nil) // leaving the field commits it
	} else {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
}

// TakeErrors returns the reported errors and forgets them.
func (fx *Fixture) TakeErrors() []error {
	out := fx.Errs
	fx.Errs = nil
	return out
}

func (fx *Fixture) NoErrors() {
	fx.T.Helper()
	if errs := fx.TakeErrors(); len(errs) > 0 {
		fx.T.Fatalf("unexpected errors: %v", errs)
	}
}

// TapLabel taps the canvas where a visible label (under within) shows text, as a user clicks a
// table cell or header.
func (fx *Fixture) TapLabel(within fyne.CanvasObject, text string) {
	fx.T.Helper()
	var found *widget.Label
	Walk(within, func(x fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok && Shows(l.Text, text) && found == nil {
			found = l
		}
	})
	if found == nil {
		fx.T.Fatalf("no label %q on screen; visible: %q", text, LabelsIn(within))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(found)
	test.TapCanvas(fx.W.Canvas(), pos.Add(fyne.NewPos(4, found.Size().Height/2)))
}

// Shows tells whether a label shows text, possibly shortened to its column with an ellipsis.
func Shows(label, text string) bool {
	if label == text {
		return true
	}
	cut := strings.TrimSuffix(label, "…")
	return cut != label && cut != "" && strings.HasPrefix(text, cut)
}
