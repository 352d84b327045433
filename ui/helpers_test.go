package ui

import (
	"time"

	"schulit-lotse/internal/clock"

	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}

// testShell is the main window on Fyne's test driver, with its folders in a temp dir and
// opened URLs recorded instead of handed to the system.
type testShell struct {
	*shell
	t      *testing.T
	opened []*url.URL
	later  []func() // what the shell would run once its time has passed; see elapse
}

// shellNow is the time of the clock the shell runs with in these tests.
var shellNow = time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC)

func newTestShell(t *testing.T) *testShell {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	sh := newShell(a, w, "de", clock.Fixed(shellNow))
	sh.synchronous = true
	sh.docsDir = t.TempDir()
	ts := &testShell{shell: sh, t: t}
	sh.openURL = func(u *url.URL) error { ts.opened = append(ts.opened, u); return nil }
	sh.later = func(_ time.Duration, fn func()) { ts.later = append(ts.later, fn) }
	w.SetContent(sh.root)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() { sh.closeSession() })
	return ts
}

// sampleShell is the shell with the sample project open in a window of width × height.
func sampleShell(t *testing.T, width, height float32) *testShell {
	t.Helper()
	ts := newTestShell(t)
	ts.openSample()
	ts.win.Resize(fyne.NewSize(width, height))
	return ts
}

// tapNext goes n steps on, as a user taps "Weiter" n times.
func (ts *testShell) tapNext(n int) {
	for range n {
		test.Tap(ts.project.next)
	}
}

// elapse runs, on the test's goroutine, what the shell asked to run later (as if its time
// had passed).
func (ts *testShell) elapse() {
	for len(ts.later) > 0 {
		fn := ts.later[0]
		ts.later = ts.later[1:]
		fn()
	}
}

// overlay is the topmost dialog, failing the test when none is shown.
func (ts *testShell) overlay() fyne.CanvasObject {
	ts.t.Helper()
	top := ts.win.Canvas().Overlays().Top()
	if top == nil {
		ts.t.Fatal("no dialog is shown")
	}
	return top
}

func (ts *testShell) noOverlay() {
	ts.t.Helper()
	if top := ts.win.Canvas().Overlays().Top(); top != nil {
		ts.t.Fatalf("unexpected dialog: %q", texts(top))
	}
}

// content is what the window shows below its dialogs.
func (ts *testShell) content() fyne.CanvasObject { return ts.win.Content() }

// walk visits every visible object below o, through containers and widget renderers. It
// does not lay anything out again.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() {
		return
	}
	if !visit(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// texts lists what a user reads below o: label, button and rich text contents (a label counts
// once, however it wraps).
func texts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(c fyne.CanvasObject) bool {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
			return false
		case *widget.Button:
			out = append(out, x.Text)
			return false
		case *widget.Entry:
			out = append(out, x.Text)
			return false
		case *widget.RichText:
			out = append(out, x.String())
			return false
		case *canvas.Text:
			out = append(out, x.Text)
		}
		return true
	})
	return out
}

func hasText(o fyne.CanvasObject, want string) bool {
	for _, s := range texts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

func assertText(t *testing.T, o fyne.CanvasObject, want string) {
	t.Helper()
	if !hasText(o, want) {
		t.Fatalf("%q not shown; shown: %q", want, texts(o))
	}
}

func assertNoText(t *testing.T, o fyne.CanvasObject, unwanted string) {
	t.Helper()
	if hasText(o, unwanted) {
		t.Fatalf("%q shown but should not be", unwanted)
	}
}

// button finds the visible button with exactly this text.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) bool {
		if b, ok := c.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no button %q; shown: %q", text, texts(o))
	}
	return found
}

// all collects the visible widgets of type T below o, in layout order.
func all[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	walk(o, func(c fyne.CanvasObject) bool {
		if x, ok := c.(T); ok {
			out = append(out, x)
		}
		return true
	})
	return out
}

// menuItem finds an item of the main menu by its label's start.
func (ts *testShell) menuItem(menu, label string) *fyne.MenuItem {
	ts.t.Helper()
	mm := ts.win.MainMenu()
	if mm == nil {
		ts.t.Fatal("no main menu")
	}
	for _, m := range mm.Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, label) {
				return it
			}
		}
	}
	ts.t.Fatalf("no menu item %s → %s", menu, label)
	return nil
}

// choose picks an item of the main menu as a user does; it must be enabled.
func (ts *testShell) choose(menu, label string) {
	ts.t.Helper()
	it := ts.menuItem(menu, label)
	if it.Disabled {
		ts.t.Fatalf("%s → %s is disabled", menu, label)
	}
	it.Action()
}

// openNew writes a project file named file into the documents folder and opens it as a user
// does; it returns the file's path.
func (ts *testShell) openNew(file, name string, tasks ...domain.Task) string {
	ts.t.Helper()
	path := filepath.Join(ts.docsDir, file)
	writeProject(ts.t, path, name, tasks...)
	ts.openPath(path, persistence.OpenOptions{})
	return path
}

// reportFromMenu chooses a PDF report in the Datei menu, checks the file name the dialog
// proposes and taps "Erstellen und öffnen": the PDF must be written and handed to the viewer.
// It returns the PDF's path.
func (ts *testShell) reportFromMenu(item, wantName string) string {
	t := ts.t
	t.Helper()
	ts.menuItem("Datei", item).Action()
	dlg := ts.overlay()
	if name := all[*widget.Entry](dlg)[0]; name.Text != wantName {
		t.Fatalf("proposed name %q, want %q", name.Text, wantName)
	}
	test.Tap(button(t, dlg, "Erstellen und öffnen"))
	ts.noOverlay()
	pdf := filepath.Join(ts.docsDir, wantName)
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("%s is no PDF: %v", pdf, err)
	}
	if len(ts.opened) != 1 || ts.opened[0].Scheme != "file" || ts.opened[0].Path != pdf {
		t.Fatalf("opened %v, want file://%s", ts.opened, pdf)
	}
	return pdf
}

// readProject reads a project file as it is on disk (read-only, no lock).
func readProject(t *testing.T, path string) *domain.Project {
	t.Helper()
	f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writeProject creates a project file with the given tasks and closes it again.
func writeProject(t *testing.T, path, name string, tasks ...domain.Task) {
	t.Helper()
	p := domain.NewProject(name, shellNow)
	p.Meta.Schultraeger = "Stadt Musterstadt"
	p.Tasks = tasks
	f, err := persistence.Create(path, p, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
