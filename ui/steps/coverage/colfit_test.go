package coverage

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"schulit-lotse/ui/kit/kittest"
)

// Step 4 at the width it has on a 1366 px laptop: the state words are whole, the headers break
// between words or syllables and are never cut, the selected row's cut cells are named in full
// under the table, and a column border dragged in the header keeps its width when the window
// changes size.
func TestCoverageTableFitsItsContent(t *testing.T) {
	cf := newCovFixture(t)
	cf.W.Resize(fyne.NewSize(640, 600))
	cov := cf.cov.table
	labels := kittest.LabelsIn(cov.Table)
	for _, l := range labels {
		if strings.HasPrefix(l, "Muss") || strings.HasPrefix(l, "Soll") {
			if strings.Contains(l, "…") {
				t.Errorf("a state is cut: %q", l)
			}
		}
	}
	for c := range cov.Cols {
		for _, line := range cov.Sizer.HeaderLines(c) {
			if strings.Contains(line, "…") || cov.Sizer.TextWidth(line, true) > cov.Sizer.Widths[c]+1 {
				t.Errorf("header %q: line %q does not fit %v", cov.Sizer.Cols[c].Title, line, cov.Sizer.Widths[c])
			}
		}
	}
	cf.pickTask("Neu: Wartung der Schüler-Tablets")
	if !strings.Contains(cov.Detail.Text, "Lehrkraft") && !strings.Contains(cov.Detail.Text, "Neu: Wartung der Schüler-Tablets") {
		t.Errorf("the detail line %q does not name the cut cells in full", cov.Detail.Text)
	}

	// Drag the border right of the task column 80 px to the right, as a user does with the mouse.
	col := 1
	var head fyne.CanvasObject
	for o, c := range cov.Table.Heads {
		if c == col && o.Visible() {
			head = o
		}
	}
	if head == nil {
		t.Fatal("no header cell of the task column on screen")
	}
	d := fyne.CurrentApp().Driver()
	tablePos := d.AbsolutePositionForObject(cov.Table)
	border := d.AbsolutePositionForObject(head).Add(fyne.NewPos(head.Size().Width+2, 5))
	local := border.Subtract(tablePos)
	before := cov.Sizer.Widths[col]
	cov.Table.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: local, AbsolutePosition: border}})
	cov.Table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: local, AbsolutePosition: border}, Button: desktop.MouseButtonPrimary})
	to := border.AddXY(80, 0)
	cov.Table.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to.Subtract(tablePos), AbsolutePosition: to}, Dragged: fyne.NewDelta(80, 0)})
	cov.Table.DragEnd()
	if got := cov.Sizer.Widths[col]; got != before+80 {
		t.Fatalf("after dragging 80 px the task column is %v wide, was %v", got, before)
	}
	cf.W.Resize(fyne.NewSize(900, 600))
	if got := cov.Sizer.Widths[col]; got != before+80 {
		t.Errorf("after a wider window the dragged column is %v wide, want %v", got, before+80)
	}
}
