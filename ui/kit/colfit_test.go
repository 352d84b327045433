package kit

import (
	"testing"
)

func TestShareWidths(t *testing.T) {
	cols := []SizedCol{{Least: 60, Grow: 1}, {Least: 60, Grow: 3}}
	// Wanted 100 and 200 fit into 400: the 100 left over go 1:3 → 125 and 275.
	if got := shareWidths(cols, []float32{100, 200}, nil, 400); got[0] != 125 || got[1] != 275 {
		t.Errorf("room to spare: %v, want [125 275]", got)
	}
	// Into 230 they do not: the narrower keeps its 100, the wider is cut to 230 − 100 = 130
	// (the cap converges from below, so 129 after rounding down is as good).
	if got := shareWidths(cols, []float32{100, 200}, nil, 230); got[0] != 100 || got[1] < 129 || got[1] > 130 {
		t.Errorf("too narrow: %v, want [100 130]", got)
	}
	// three columns into 300: 50 stays whole, 200 and 400 are both cut to (300 − 50)/2 = 125.
	three := []SizedCol{{Least: 40}, {Least: 40}, {Least: 40}}
	if got := shareWidths(three, []float32{50, 200, 400}, nil, 300); got[0] != 50 || got[1] < 124 || got[1] > 125 || got[2] != got[1] {
		t.Errorf("three columns: %v, want [50 125 125]", got)
	}
	// A whole column (a status word) keeps its 150 and the other takes what is left: 230−150 = 80.
	whole := []SizedCol{{Least: 60, whole: true}, {Least: 60, Grow: 1}}
	if got := shareWidths(whole, []float32{150, 200}, nil, 230); got[0] != 150 || got[1] != 80 {
		t.Errorf("whole column: %v, want [150 80]", got)
	}
	// A dragged column keeps the user's 300 even when the table then scrolls; the other gets
	// its floor 56.
	if got := shareWidths(cols, []float32{100, 200}, map[int]float32{1: 300}, 230); got[0] != 56 || got[1] != 300 {
		t.Errorf("dragged column: %v, want [56 300]", got)
	}
	// The header's widest piece is a floor, too: 90 instead of minCol.
	head := []SizedCol{{Least: 60, head: 90}, {Least: 60}}
	if got := shareWidths(head, []float32{200, 200}, nil, 100); got[0] != 90 {
		t.Errorf("header floor: %v, want 90 first", got)
	}
}
