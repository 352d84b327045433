package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A board too large to be read whole opens at a readable zoom on its first package; the
// view follows the window's size until the user moves it, and "Alles zeigen" still shows all.
func TestBoardOpensReadableOnTheFirstPackage(t *testing.T) {
	p := landkreis(300, 12)
	test.NewTempApp(t)
	b := NewBoard(newSession(t, p))
	w := test.NewWindow(b)
	w.SetPadded(false)
	defer w.Close()
	w.Resize(fyne.NewSize(830, 420)) // the board's share of a 1366×768 window

	if z := b.Zoom(); z < readZoom || z > 1 {
		t.Fatalf("opens at zoom %.2f, want 0.8 to 1", z)
	}
	first := b.Layout().Packages[0]
	for _, id := range b.Layout().Members[first.ID][:2] {
		if _, ok := b.CardCenter(id); !ok {
			t.Errorf("card %d of the first package %q is not in view", id, first.Name)
		}
	}
	// The first package's title bar is drawn beside the pile, not under it.
	if c := b.ScreenOf(first.X, first.Y); c.X < b.pileW() || c.Y < 0 {
		t.Errorf("first package's corner at %v, beside a pile %v wide", c, b.pileW())
	}
	// The unsorted cards stay in the pile at full size.
	if c, ok := b.CardCenter(b.Layout().Pile[0]); !ok || c.X > pileWidth {
		t.Errorf("first unsorted card at %v (%v)", c, ok)
	}

	w.Resize(fyne.NewSize(1400, 800))
	if z := b.Zoom(); z != 1 {
		t.Errorf("after growing, zoom %.2f, want 1", z)
	}

	b.FitAll()
	if z := b.Zoom(); z >= readZoom {
		t.Errorf("Alles zeigen at zoom %.2f: it should show all 12 packages, smaller", z)
	}
	w.Resize(fyne.NewSize(830, 420))
	if z := b.Zoom(); z >= readZoom {
		t.Errorf("after Alles zeigen, resizing went back to the opening view (zoom %.2f)", z)
	}
}

// A board that is readable as a whole opens showing all of it.
func TestSmallBoardOpensWhole(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoard(newSession(t, smallProject()))
	w := test.NewWindow(b)
	w.SetPadded(false)
	defer w.Close()
	w.Resize(fyne.NewSize(830, 420))
	r := b.Layout().FitBounds()
	tl, br := b.ScreenOf(r.X, r.Y), b.ScreenOf(r.X+r.W, r.Y+r.H)
	if b.Zoom() < readZoom || tl.X < b.pileW() || tl.Y < 0 || br.X > 830 || br.Y > 420 {
		t.Errorf("zoom %.2f, packages drawn from %v to %v", b.Zoom(), tl, br)
	}
}
