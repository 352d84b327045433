package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// focusStop is one place Tab reaches: what it is and where it is drawn.
type focusStop struct {
	obj      fyne.CanvasObject
	what     string
	pos, end fyne.Position
	// The innermost scrolled area the stop lies in, and where the stop lies in full (pos and
	// end are cut to what the scrolled areas around it show).
	scroll         *container.Scroll
	rawPos, rawEnd fyne.Position
}

// tabChain is what Tab reaches in the window, from the first stop until it comes round again.
func tabChain(c fyne.Canvas) []focusStop {
	c.Unfocus()
	var chain []focusStop
	var first fyne.Focusable
	for range 200 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || f == first {
			break
		}
		if first == nil {
			first = f
		}
		o := f.(fyne.CanvasObject)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		chain = append(chain, focusStop{obj: o, what: describeStop(o), pos: pos, end: pos.Add(o.Size()), rawPos: pos, rawEnd: pos.Add(o.Size())})
	}
	// A stop inside a scrolled area is seen only through it: cut each to the areas around it.
	kittest.Walk(c.Content(), func(o fyne.CanvasObject) {
		sc, ok := o.(*container.Scroll)
		if !ok {
			return
		}
		from := fyne.CurrentApp().Driver().AbsolutePositionForObject(sc)
		to := from.Add(sc.Size())
		kittest.Walk(sc.Content, func(inner fyne.CanvasObject) {
			for i := range chain {
				if chain[i].obj == inner {
					chain[i].scroll = sc // outer areas are walked first: the last is the innermost
					chain[i].pos = fyne.NewPos(max(chain[i].pos.X, from.X), max(chain[i].pos.Y, from.Y))
					chain[i].end = fyne.NewPos(min(chain[i].end.X, to.X), min(chain[i].end.Y, to.Y))
				}
			}
		})
	})
	return chain
}

// seen is whether any of the stop shows.
func (s focusStop) seen() bool { return s.end.X > s.pos.X && s.end.Y > s.pos.Y }

func describeStop(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		return fmt.Sprintf("Schaltfläche %q", w.Text)
	case *widget.Select:
		return fmt.Sprintf("Auswahl %q", w.Selected)
	case *widget.Check:
		return fmt.Sprintf("Kästchen %q", w.Text)
	}
	return fmt.Sprintf("%T", o)
}

// readingOrderBreaks are the pairs of the chain where Tab goes back up: a later stop lies
// wholly above an earlier one in the same column (their widths overlap). Stops side by side
// (a list beside a table) may come in either order; the sidebar is left out – it is its own
// column and comes first.
func readingOrderBreaks(chain []focusStop, sidebarEnd float32) []string {
	var out []string
	for i, a := range chain {
		if a.end.X <= sidebarEnd {
			continue
		}
		for _, b := range chain[i+1:] {
			// In one scrolled area both are compared where they lie in it; else as far as they
			// show.
			x, y := a, b
			if a.scroll != nil && a.scroll == b.scroll {
				x.pos, x.end, y.pos, y.end = a.rawPos, a.rawEnd, b.rawPos, b.rawEnd
			} else if !a.seen() || !b.seen() {
				continue
			}
			// Side by side when they share less than a few pixels of width.
			sameColumn := min(x.end.X, y.end.X)-max(x.pos.X, y.pos.X) > 8
			if sameColumn && y.end.Y <= x.pos.Y {
				out = append(out, fmt.Sprintf("%s at %v is reached after %s at %v below it", b.what, y.pos, a.what, x.pos))
			}
		}
	}
	return out
}

// Tab walks every step of the sample as it is read – top to bottom, a column at a time –
// with the page as it opens, with the first row of its tables picked (the forms below them
// come alive) and, in steps 10 and 11, on every tab.
func TestTabFollowsReadingOrder(t *testing.T) {
	ts := sampleShell(t, 1366, 740)
	sidebarEnd := float32(0)
	check := func(name string) {
		t.Helper()
		chain := tabChain(ts.win.Canvas())
		if len(chain) < 4 {
			t.Errorf("%s: Tab reaches only %d places", name, len(chain))
		}
		// "Zurück" and "Weiter" close the round, below the page (whose own parts may lie
		// further down, scrolled out of view); the rule is about the page.
		nav := []fyne.CanvasObject{ts.project.back, ts.project.next}
		if ts.project.current == 12 {
			nav = nav[:1]
		}
		for i, o := range nav {
			if k := len(chain) - len(nav) + i; k < 0 || chain[k].obj != o {
				t.Errorf("%s: Tab does not end with Zurück/Weiter: %v", name, chain)
				return
			}
		}
		chain = chain[:len(chain)-len(nav)]
		for _, b := range readingOrderBreaks(chain, sidebarEnd) {
			t.Errorf("%s: %s", name, b)
		}
	}
	for n := 1; n <= 12; n++ {
		ts.project.show(n)
		if sidebarEnd == 0 {
			sb := ts.project.sidebar
			sidebarEnd = fyne.CurrentApp().Driver().AbsolutePositionForObject(sb).X + sb.Size().Width
		}
		name := fmt.Sprintf("step %d", n)
		check(name)
		var tabs []*container.AppTabs
		kittest.Walk(ts.project.pageHolder, func(o fyne.CanvasObject) {
			if at, ok := o.(*container.AppTabs); ok {
				tabs = append(tabs, at)
			}
		})
		for _, at := range tabs {
			for i, item := range at.Items {
				at.SelectIndex(i)
				check(name + ", " + item.Text)
			}
		}
		var tables []*kit.FitTable
		kittest.Walk(ts.project.pageHolder, func(o fyne.CanvasObject) {
			if ft, ok := o.(*kit.FitTable); ok && ft.Visible() {
				tables = append(tables, ft)
			}
		})
		if len(tables) > 0 {
			tables[0].Select(widget.TableCellID{Row: 0, Col: 0})
			check(name + ", first row picked")
		}
	}
}

// The rule finds a stop that Tab reaches after one below it in the same column, and lets a
// column beside it come later.
func TestReadingOrderBreaksAreFound(t *testing.T) {
	stop := func(what string, x, y, w, h float32) focusStop {
		return focusStop{what: what, pos: fyne.NewPos(x, y), end: fyne.NewPos(x+w, y+h)}
	}
	table, toolbar, side := stop("table", 400, 140, 600, 300), stop("toolbar", 400, 100, 140, 36), stop("side", 1100, 120, 200, 100)
	if got := readingOrderBreaks([]focusStop{table, toolbar}, 370); len(got) != 1 {
		t.Errorf("toolbar after the table: %v, want one break", got)
	}
	if got := readingOrderBreaks([]focusStop{toolbar, table, side}, 370); len(got) != 0 {
		t.Errorf("toolbar, table, side column: %v, want none", got)
	}
	// Two fields of one scrolled form: the second lies above the first in the form, though
	// both are scrolled out of view (cut to nothing).
	sc := container.NewVScroll(widget.NewLabel(""))
	low, high := stop("low", 400, 900, 300, 36), stop("high", 400, 800, 300, 36)
	for _, x := range []*focusStop{&low, &high} {
		x.scroll, x.rawPos, x.rawEnd = sc, x.pos, x.end
		x.end = x.pos
	}
	if got := readingOrderBreaks([]focusStop{low, high}, 370); len(got) != 1 {
		t.Errorf("fields of one scrolled form out of view: %v, want one break", got)
	}
	sidebar := stop("sidebar", 0, 0, 360, 700)
	if got := readingOrderBreaks([]focusStop{table, sidebar}, 370); len(got) != 0 {
		t.Errorf("the sidebar is its own column: %v", got)
	}
}
