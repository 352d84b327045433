package steps

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}

// fixture is one user's session with a step editor on the software test driver.
type fixture struct {
	t    *testing.T
	s    *session.Session
	w    fyne.Window
	ed   *taskEditor
	errs []error
}

// testClock is a clock a test can set.
type testClock struct{ now time.Time }

func (c *testClock) Now() time.Time { return c.now }

// stepsClock is the clock of every session these tests open; pinDay sets the day a test means.
var stepsClock = &testClock{now: time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC)}

// pinDay sets the clock to noon in Berlin on d until the test ends.
func pinDay(t *testing.T, d domain.Date) {
	t.Helper()
	old := stepsClock.now
	stepsClock.now = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, domain.Berlin)
	t.Cleanup(func() { stepsClock.now = old })
}

// newProjectFile creates a project file in a temp dir holding the given tasks and opens it.
func newProjectFile(tb testing.TB, tasks ...domain.Task) *session.Session {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "Schul-IT Planung Jürgen.lotse")
	p := domain.NewProject("Testprojekt", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	for i := range tasks {
		tasks[i].SortOrder = i + 1
	}
	p.Tasks = tasks
	f, err := persistence.Create(path, p, persistence.OpenOptions{Clock: stepsClock})
	if err != nil {
		tb.Fatalf("create: %v", err)
	}
	loaded, err := f.Load()
	if err != nil {
		tb.Fatalf("load: %v", err)
	}
	s := session.New(f, loaded)
	tb.Cleanup(func() { s.Close() })
	return s
}

func newFixture(t *testing.T, step domain.StepID, tasks ...domain.Task) *fixture {
	t.Helper()
	test.NewTempApp(t)
	fx := &fixture{t: t, s: newProjectFile(t, tasks...)}
	fx.open(step)
	return fx
}

// open builds the step's editor in a new window, as the shell does.
func (fx *fixture) open(step domain.StepID) {
	fx.w = test.NewWindow(nil)
	ctx := &Context{Session: fx.s, Window: fx.w, ShowError: func(err error) { fx.errs = append(fx.errs, err) }}
	if step == 1 {
		fx.ed = newInventoryEditor(ctx)
	} else {
		fx.ed = newNeedsEditor(ctx)
	}
	fx.w.SetContent(fx.ed.view)
	fx.w.Resize(fyne.NewSize(1400, 900))
	fx.t.Cleanup(fx.w.Close)
}

// stored reads the project back from the file.
func (fx *fixture) stored() *domain.Project {
	fx.t.Helper()
	p, err := fx.s.File.Load()
	if err != nil {
		fx.t.Fatalf("load: %v", err)
	}
	return p
}

// task finds a task by name in the model.
func (fx *fixture) task(name string) *domain.Task {
	fx.t.Helper()
	for i := range fx.s.Project.Tasks {
		if fx.s.Project.Tasks[i].Name == name {
			return &fx.s.Project.Tasks[i]
		}
	}
	fx.t.Fatalf("no task %q in the model", name)
	return nil
}

func (fx *fixture) storedTask(id int64) *domain.Task {
	fx.t.Helper()
	t := fx.stored().TaskByID(id)
	if t == nil {
		fx.t.Fatalf("task %d is not in the file", id)
	}
	return t
}

// typeInto focuses an entry, replaces its text by typing and leaves it with Enter.
func (fx *fixture) typeInto(e *commitEntry, text string) {
	fx.w.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.Text != "" {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	}
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// takeErrors returns the reported errors and forgets them.
func (fx *fixture) takeErrors() []error {
	out := fx.errs
	fx.errs = nil
	return out
}

func (fx *fixture) noErrors() {
	fx.t.Helper()
	if errs := fx.takeErrors(); len(errs) > 0 {
		fx.t.Fatalf("unexpected errors: %v", errs)
	}
}

// walk visits every visible object drawn on the canvas (through the widgets' live renderers).
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			walk(child, visit)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, visit)
		}
	}
}

// labelsIn returns the texts of the visible labels under o.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(x fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tapLabel taps the canvas where a visible label (under within) shows text, as a user clicks a
// table cell or header.
func (fx *fixture) tapLabel(within fyne.CanvasObject, text string) {
	fx.t.Helper()
	var found *widget.Label
	walk(within, func(x fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok && shows(l.Text, text) && found == nil {
			found = l
		}
	})
	if found == nil {
		fx.t.Fatalf("no label %q on screen; visible: %q", text, labelsIn(within))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(found)
	test.TapCanvas(fx.w.Canvas(), pos.Add(fyne.NewPos(4, found.Size().Height/2)))
}

// shows tells whether a label shows text, possibly shortened to its column with an ellipsis.
func shows(label, text string) bool {
	if label == text {
		return true
	}
	cut := strings.TrimSuffix(label, "…")
	return cut != label && cut != "" && strings.HasPrefix(text, cut)
}

// rowNames are the task names in the table's display order.
func (fx *fixture) rowNames() []string {
	var out []string
	for r := range fx.ed.grid.rows {
		out = append(out, fx.ed.grid.taskAt(r).Name)
	}
	return out
}

// questions are the open-question texts the panel shows.
func (fx *fixture) questions() []string {
	var out []string
	for _, f := range fx.ed.questions.items {
		out = append(out, f.Code+" "+f.Subject)
	}
	return out
}

func errorTexts(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, " | ")
}

func isErr(errs []error, target error) bool {
	for _, e := range errs {
		if errors.Is(e, target) {
			return true
		}
	}
	return false
}
