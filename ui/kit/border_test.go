package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tab goes through the parts of a border as they are read: top, left, middle, right, bottom.
func TestBorderTabsInReadingOrder(t *testing.T) {
	names := []string{"oben", "links", "mitte", "rechts", "unten"}
	e := map[string]*widget.Entry{}
	for _, n := range names {
		e[n] = widget.NewEntry()
		e[n].SetPlaceHolder(n)
	}
	w := test.NewTempWindow(t, NewBorder(e["oben"], e["unten"], e["links"], e["rechts"], e["mitte"]))
	w.Resize(fyne.NewSize(600, 400))
	c := w.Canvas()
	var got []string
	for range names {
		c.FocusNext()
		got = append(got, c.Focused().(*widget.Entry).PlaceHolder)
	}
	for i, n := range names {
		if got[i] != n {
			t.Fatalf("Tab order %v, want %v", got, names)
		}
	}
	// The layout is the border's: the middle fills what the four sides leave.
	mid, top, left := e["mitte"], e["oben"], e["links"]
	if mid.Position().Y < top.Position().Y+top.Size().Height || mid.Position().X < left.Position().X+left.Size().Width {
		t.Errorf("middle at %v lies over the top or left part", mid.Position())
	}
}

func TestBorderWithoutSidesOrMiddle(t *testing.T) {
	only := widget.NewLabel("x")
	if c := NewBorder(nil, nil, nil, nil, only); len(c.Objects) != 1 || c.Objects[0] != only {
		t.Fatalf("objects %v, want just the middle", c.Objects)
	}
	if c := NewBorder(only, nil, nil, nil); len(c.Objects) != 1 {
		t.Fatalf("objects %v, want just the top", c.Objects)
	}
}
