package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/ui/canvas"
)

// On a 1366×768 laptop the sample's board opens readable (zoom ≥ 0.8) with its first package
// in view; "Alles zeigen" still shows every package.
func TestSampleBoardOpensReadableAt1366(t *testing.T) {
	ts := sampleShell(t, 1366, 768)
	ts.tapNext(3) // overview → step 3, as a user clicks "Weiter"
	boards := all[*canvas.Board](ts.content())
	if len(boards) != 1 {
		t.Fatalf("step 3 shows %d boards", len(boards))
	}
	b := boards[0]
	t.Logf("board %v, zoom %.2f", b.Size(), b.Zoom())
	if b.Size().Width < 500 {
		t.Fatalf("the board is only %v", b.Size())
	}
	if z := b.Zoom(); z < 0.8 {
		t.Errorf("the board opens at zoom %.2f, want at least 0.8", z)
	}
	first := b.Layout().Packages[0]
	if id := b.Layout().Members[first.ID][0]; !visible(b, id) {
		t.Errorf("the first card of the first package %q is not in view", first.Name)
	}
	test.Tap(button(t, ts.content(), "Alles zeigen"))
	for _, id := range b.Layout().CardOrder {
		if !visible(b, id) {
			t.Errorf("Alles zeigen: card %d not in view (zoom %.2f)", id, b.Zoom())
		}
	}
	// The package list beside the zoom brings the last package into view, readable again.
	var jump *widget.Select
	for _, s := range all[*widget.Select](ts.content()) {
		if s.PlaceHolder == "Paket zeigen …" {
			jump = s
		}
	}
	if jump == nil {
		t.Fatal("no package list beside the board")
	}
	pkgs := b.Layout().Packages
	last := pkgs[len(pkgs)-1]
	if len(jump.Options) != len(pkgs) || jump.Options[len(pkgs)-1] != last.Name {
		t.Fatalf("the package list offers %q", jump.Options)
	}
	b.ZoomBy(3) // close up on the middle: the last package is out of view
	if visible(b, b.Layout().Members[last.ID][0]) {
		t.Fatalf("zoomed in to %.2f, %q is still in view", b.Zoom(), last.Name)
	}
	jump.SetSelectedIndex(len(pkgs) - 1)
	if z := b.Zoom(); z < 0.8 {
		t.Errorf("after choosing %q the zoom is %.2f", last.Name, z)
	}
	for _, id := range b.Layout().Members[last.ID] {
		if !visible(b, id) {
			t.Errorf("after choosing %q its card %d is not in view", last.Name, id)
		}
	}
	if b.SelectedPackage() != last.ID {
		t.Errorf("the chosen package is not selected")
	}
}

func visible(b *canvas.Board, id int64) bool {
	_, ok := b.CardCenter(id)
	return ok
}
