package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// roleHeader is a column header of the RACI grid as drawn: its lines (a role header knows
// them; the test reads nothing else from the editor).
type roleHeader interface {
	fyne.CanvasObject
	HeaderLines() []string
}

// At 1366×768 the sample's RACI matrix shows at least eight role columns whose headers are
// whole: inside the grid, beside the frozen activity column, every line within its column,
// broken only between words, after "-" or "/" or at a syllable (shown with "-"), never cut
// with "…". The legend and the hint are on screen in full.
func TestRaciShowsEightRolesAt1366(t *testing.T) {
	ts := sampleShell(t, 1366, 768)
	ts.tapNext(11)
	tapText(t, ts, "RACI-Matrix")

	d := fyne.CurrentApp().Driver()
	var heads []roleHeader
	var activity fyne.CanvasObject
	walk(ts.content(), func(o fyne.CanvasObject) bool {
		if h, ok := o.(roleHeader); ok {
			if lines := h.HeaderLines(); len(lines) == 1 && lines[0] == "Prozess / Tätigkeit" {
				activity = h
			} else if len(lines) > 0 {
				heads = append(heads, h)
			}
			return false
		}
		return true
	})
	if activity == nil {
		t.Fatal("no RACI grid on screen")
	}
	gridLeft := d.AbsolutePositionForObject(activity).X
	frozen := gridLeft + activity.Size().Width
	panel := label(t, ts.content(), "Prüfung")
	right := d.AbsolutePositionForObject(panel).X
	roles := map[string]bool{}
	for _, r := range ts.sess.Project.Roles {
		roles[squeeze(r.Name)] = true
	}
	whole := 0
	for _, h := range heads {
		x := d.AbsolutePositionForObject(h).X
		lines := h.HeaderLines()
		name := strings.Join(lines, "")
		if x < frozen || x+h.Size().Width > right {
			continue // scrolled under the activity column or beyond the grid's edge
		}
		if !roles[squeeze(name)] {
			t.Errorf("header %q is no role's name", lines)
			continue
		}
		ok := true
		for i, l := range lines {
			if strings.Contains(l, "…") {
				t.Errorf("header %q is cut", lines)
				ok = false
			}
			if i < len(lines)-1 && strings.HasSuffix(l, "-") && len([]rune(strings.TrimSuffix(l, "-"))) < 2 {
				t.Errorf("header %q breaks after a single letter", lines)
				ok = false
			}
		}
		for _, c := range all[*canvas.Text](h) {
			if c.Text != "" && (c.Position().X < 0 || c.Position().X+c.MinSize().Width > h.Size().Width+0.5 ||
				c.Position().Y+c.MinSize().Height > h.Size().Height+0.5) {
				t.Errorf("header %q: line %q at %v (%v) outside its cell %v", lines, c.Text, c.Position(), c.MinSize(), h.Size())
				ok = false
			}
		}
		if ok {
			whole++
		}
	}
	t.Logf("%d role columns shown whole between %v and %v", whole, frozen, right)
	if whole < 8 {
		t.Errorf("%d role columns shown whole, want at least 8", whole)
	}
	// Scrolled sideways, the activity column stays where it is.
	firstRole := d.AbsolutePositionForObject(heads[0]).X
	test.Scroll(ts.win.Canvas(), fyne.NewPos(frozen+100, d.AbsolutePositionForObject(activity).Y+100), -400, 0)
	if x := d.AbsolutePositionForObject(activity).X; x != gridLeft {
		t.Errorf("after scrolling, the activity column moved from %v to %v", gridLeft, x)
	}
	if x := d.AbsolutePositionForObject(heads[0]).X; x == firstRole {
		t.Errorf("scrolling sideways did not move the role columns")
	}
	for _, want := range []string{"R – führt durch", "A – verantwortet", "C – wird gefragt", "I – wird informiert", "Klick, Leertaste oder Enter: R → A → C → I"} {
		l := labelWith(t, ts.content(), want)
		p := d.AbsolutePositionForObject(l)
		if p.X < gridLeft || p.X+l.MinSize().Width > right+1 || l.Size().Width < l.MinSize().Width {
			t.Errorf("%q drawn at %v, %v wide (needs %v), not whole between %v and %v", want, p.X, l.Size().Width, l.MinSize().Width, gridLeft, right)
		}
	}
}

func squeeze(s string) string { return strings.NewReplacer(" ", "", "-", "").Replace(s) }

// tapText taps the middle of a text shown on screen (a tab, a link).
func tapText(t *testing.T, ts *testShell, text string) {
	t.Helper()
	var found fyne.CanvasObject
	walk(ts.content(), func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text == text && found == nil {
				found = x
			}
		case *widget.Label:
			if x.Text == text && found == nil {
				found = x
			}
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("%q not on screen", text)
	}
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(found)
	test.TapCanvas(ts.win.Canvas(), p.Add(fyne.NewPos(found.Size().Width/2, found.Size().Height/2)))
}

// label finds the visible label whose text starts with prefix.
func label(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Label {
	t.Helper()
	return findLabel(t, o, prefix, strings.HasPrefix)
}

// labelWith finds the visible label containing text.
func labelWith(t *testing.T, o fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	return findLabel(t, o, text, strings.Contains)
}

func findLabel(t *testing.T, o fyne.CanvasObject, s string, match func(text, s string) bool) *widget.Label {
	t.Helper()
	for _, l := range all[*widget.Label](o) {
		if match(l.Text, s) {
			return l
		}
	}
	t.Fatalf("no label with %q; shown: %q", s, texts(o))
	return nil
}
