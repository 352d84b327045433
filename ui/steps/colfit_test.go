package steps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

func TestShareWidths(t *testing.T) {
	cols := []sizedCol{{least: 60, grow: 1}, {least: 60, grow: 3}}
	// Wanted 100 and 200 fit into 400: the 100 left over go 1:3 → 125 and 275.
	if got := shareWidths(cols, []float32{100, 200}, nil, 400); got[0] != 125 || got[1] != 275 {
		t.Errorf("room to spare: %v, want [125 275]", got)
	}
	// Into 230 they do not: the narrower keeps its 100, the wider is cut to 230 − 100 = 130
	// (the cap converges from below, so 129 after rounding down is as good).
	if got := shareWidths(cols, []float32{100, 200}, nil, 230); got[0] != 100 || got[1] < 129 || got[1] > 130 {
		t.Errorf("too narrow: %v, want [100 130]", got)
	}
	// Three columns into 300: 50 stays whole, 200 and 400 are both cut to (300 − 50)/2 = 125.
	three := []sizedCol{{least: 40}, {least: 40}, {least: 40}}
	if got := shareWidths(three, []float32{50, 200, 400}, nil, 300); got[0] != 50 || got[1] < 124 || got[1] > 125 || got[2] != got[1] {
		t.Errorf("three columns: %v, want [50 125 125]", got)
	}
	// A whole column (a status word) keeps its 150 and the other takes what is left: 230−150 = 80.
	whole := []sizedCol{{least: 60, whole: true}, {least: 60, grow: 1}}
	if got := shareWidths(whole, []float32{150, 200}, nil, 230); got[0] != 150 || got[1] != 80 {
		t.Errorf("whole column: %v, want [150 80]", got)
	}
	// A dragged column keeps the user's 300 even when the table then scrolls; the other gets
	// its floor 56.
	if got := shareWidths(cols, []float32{100, 200}, map[int]float32{1: 300}, 230); got[0] != 56 || got[1] != 300 {
		t.Errorf("dragged column: %v, want [56 300]", got)
	}
	// The header's widest piece is a floor, too: 90 instead of minCol.
	head := []sizedCol{{least: 60, head: 90}, {least: 60}}
	if got := shareWidths(head, []float32{200, 200}, nil, 100); got[0] != 90 {
		t.Errorf("header floor: %v, want 90 first", got)
	}
}

// Step 4 at the width it has on a 1366 px laptop: the state words are whole, the headers break
// between words or syllables and are never cut, the selected row's cut cells are named in full
// under the table, and a column border dragged in the header keeps its width when the window
// changes size.
func TestCoverageTableFitsItsContent(t *testing.T) {
	cf := newCovFixture(t)
	cf.w.Resize(fyne.NewSize(640, 600))
	cov := cf.cov.table
	labels := labelsIn(cov.table)
	for _, l := range labels {
		if strings.HasPrefix(l, "Muss") || strings.HasPrefix(l, "Soll") {
			if strings.Contains(l, "…") {
				t.Errorf("a state is cut: %q", l)
			}
		}
	}
	for c := range cov.cols {
		for _, line := range cov.sizer.headerLines(c) {
			if strings.Contains(line, "…") || cov.sizer.textWidth(line, true) > cov.sizer.widths[c]+1 {
				t.Errorf("header %q: line %q does not fit %v", cov.sizer.cols[c].title, line, cov.sizer.widths[c])
			}
		}
	}
	cf.pickTask("Neu: Wartung der Schüler-Tablets")
	if !strings.Contains(cov.detail.Text, "Lehrkraft") && !strings.Contains(cov.detail.Text, "Neu: Wartung der Schüler-Tablets") {
		t.Errorf("the detail line %q does not name the cut cells in full", cov.detail.Text)
	}

	// Drag the border right of the task column 80 px to the right, as a user does with the mouse.
	col := 1
	var head fyne.CanvasObject
	for o, c := range cov.table.heads {
		if c == col && o.Visible() {
			head = o
		}
	}
	if head == nil {
		t.Fatal("no header cell of the task column on screen")
	}
	d := fyne.CurrentApp().Driver()
	tablePos := d.AbsolutePositionForObject(cov.table)
	border := d.AbsolutePositionForObject(head).Add(fyne.NewPos(head.Size().Width+2, 5))
	local := border.Subtract(tablePos)
	before := cov.sizer.widths[col]
	cov.table.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: local, AbsolutePosition: border}})
	cov.table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: local, AbsolutePosition: border}, Button: desktop.MouseButtonPrimary})
	to := border.AddXY(80, 0)
	cov.table.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to.Subtract(tablePos), AbsolutePosition: to}, Dragged: fyne.NewDelta(80, 0)})
	cov.table.DragEnd()
	if got := cov.sizer.widths[col]; got != before+80 {
		t.Fatalf("after dragging 80 px the task column is %v wide, was %v", got, before)
	}
	cf.w.Resize(fyne.NewSize(900, 600))
	if got := cov.sizer.widths[col]; got != before+80 {
		t.Errorf("after a wider window the dragged column is %v wide, want %v", got, before+80)
	}
}

// Tab leaves every field, also a several-line note: the keyboard never gets stuck in one.
func TestTabLeavesNotes(t *testing.T) {
	fx := newFixture(t, 1)
	note := fx.ed.form.note
	if !note.MultiLine {
		t.Fatal("the task note is a single line")
	}
	if note.AcceptsTab() {
		t.Error("the task note keeps Tab for itself; Tab must move to the next field")
	}
}
