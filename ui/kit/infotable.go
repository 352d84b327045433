package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// InfoCol is a column of an infoTable.
type InfoCol struct {
	Title string // translated header
	Width float32
	Grow  float32 // share of the width left over
	Align fyne.TextAlign
}

// InfoTable is a read-only table with a header row; the editor sets its rows after every change
// and tapping a row selects it. Long lists scroll (it is a widget.Table). The columns fit their
// content (colSizer) and the selected row's cut cells are named in full under the table. The
// editors of steps 5–9 share it.
type InfoTable struct {
	cols     []InfoCol
	Rows     [][]string
	table    *FitTable
	sizer    *ColSizer
	Selected int
	OnSelect func(row int)
	Content  fyne.CanvasObject
	detail   *widget.Label
	detailUI fyne.CanvasObject
	quiet    bool
	shown    bool                            // the table shows the selection (selectRow ran since the last change)
	Emphasis func(row int) widget.Importance // may be nil
	Bold     func(row int) bool              // e.g. a total row; may be nil
}

func NewInfoTable(cols []InfoCol, minHeight float32) *InfoTable {
	t := &InfoTable{cols: cols, Selected: -1}
	t.table = NewFitTable(
		func() (int, int) { return len(t.Rows), len(t.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		t.updateCell,
	)
	sized := make([]SizedCol, len(cols))
	for i, c := range cols {
		sized[i] = SizedCol{Title: c.Title, Least: c.Width, Grow: c.Grow}
	}
	t.sizer = NewColSizer(t.table, sized, 0)
	t.sizer.ShowHeaders(func(col int) fyne.TextAlign { return t.cols[col].Align })
	t.table.OnSelected = func(id widget.TableCellID) {
		t.Selected, t.shown = id.Row, true
		t.showDetail()
		if t.OnSelect != nil && !t.quiet {
			t.OnSelect(id.Row)
		}
	}
	t.detail = widget.NewLabel("")
	t.detailUI = DetailView(t.detail)
	t.sizer.Measure(0, nil)
	space := canvas.NewRectangle(Transparent)
	space.SetMinSize(fyne.NewSize(200, minHeight))
	t.Content = NewBorder(nil, t.detailUI, nil, nil, container.New(SizedLayout{t.sizer, t.showDetail}, space, t.table))
	return t
}

// updateCell sets every property of a recycled cell.
func (t *InfoTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, align, bold := "", fyne.TextAlignLeading, false
	trunc := fyne.TextTruncateOff
	imp := widget.MediumImportance
	if id.Row >= 0 && id.Row < len(t.Rows) && id.Col >= 0 && id.Col < len(t.cols) {
		text = OneLine(t.text(id.Row, id.Col))
		align = t.cols[id.Col].Align
		bold = t.Bold != nil && t.Bold(id.Row)
		// Only the text columns may need shortening; measuring every number for an ellipsis
		// on each redraw would cost more than the whole calculation.
		if t.cols[id.Col].Grow > 0 {
			trunc = fyne.TextTruncateEllipsis
		}
		if t.Emphasis != nil {
			imp = t.Emphasis(id.Row)
		}
	}
	if l.Text == text && l.Alignment == align && l.Truncation == trunc && l.Importance == imp && l.TextStyle.Bold == bold {
		return // unchanged: no new text shaping, which is what a redraw costs
	}
	l.Alignment, l.Truncation, l.Importance, l.TextStyle.Bold = align, trunc, imp, bold
	l.Text = text
	l.Refresh()
}

// text is the cell's text ("" past the end of a short row).
func (t *InfoTable) text(row, col int) string {
	if r := t.Rows[row]; col < len(r) {
		return r[col]
	}
	return ""
}

// SetRows replaces the rows and keeps the selection where it still exists.
func (t *InfoTable) SetRows(rows [][]string) {
	t.Rows = rows
	if t.Selected >= len(rows) {
		t.Selected = -1
		t.table.UnselectAll()
	}
	t.sizer.Measure(len(rows), t.text)
	t.showDetail()
	t.table.Refresh()
}

// showDetail names the selected row's cut cells in full under the table.
func (t *InfoTable) showDetail() {
	text := ""
	if r := t.Selected; r >= 0 && r < len(t.Rows) {
		text = t.sizer.Details(func(c int) string { return t.text(r, c) })
	}
	ShowDetail(t.detail, t.detailUI, text)
}

// SelectRow selects a row as if tapped, without calling onSelect.
func (t *InfoTable) SelectRow(row int) {
	if row < 0 || row >= len(t.Rows) {
		t.Selected, t.shown = -1, false
		t.table.UnselectAll()
		t.showDetail()
		return
	}
	if row == t.Selected && t.shown {
		return // already selected: selecting again would scroll the table to it
	}
	t.quiet = true
	t.table.Select(widget.TableCellID{Row: row, Col: 0})
	t.quiet = false
	t.shown = true
	if t.table.Size().Height <= 0 {
		// Not laid out yet: Select scrolled against a zero viewport; start at the top instead.
		t.table.ScrollToTop()
	}
}

// Caption is a small grey explanation under a field or above a table.
func Caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// Heading is a bold label for a part of an editor.
func Heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
