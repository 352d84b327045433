package steps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// infoCol is a column of an infoTable.
type infoCol struct {
	title string // translated header
	width float32
	grow  float32 // share of the width left over
	align fyne.TextAlign
}

// infoTable is a read-only table with a header row; the editor sets its rows after every change
// and tapping a row selects it. Long lists scroll (it is a widget.Table). The columns fit their
// content (colSizer) and the selected row's cut cells are named in full under the table. The
// editors of steps 5–9 share it.
type infoTable struct {
	cols     []infoCol
	rows     [][]string
	table    *fitTable
	sizer    *colSizer
	selected int
	onSelect func(row int)
	content  fyne.CanvasObject
	detail   *widget.Label
	detailUI fyne.CanvasObject
	quiet    bool
	shown    bool                            // the table shows the selection (selectRow ran since the last change)
	emphasis func(row int) widget.Importance // may be nil
	bold     func(row int) bool              // e.g. a total row; may be nil
}

func newInfoTable(cols []infoCol, minHeight float32) *infoTable {
	t := &infoTable{cols: cols, selected: -1}
	t.table = newFitTable(
		func() (int, int) { return len(t.rows), len(t.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		t.updateCell,
	)
	sized := make([]sizedCol, len(cols))
	for i, c := range cols {
		sized[i] = sizedCol{title: c.title, least: c.width, grow: c.grow}
	}
	t.sizer = newColSizer(t.table, sized, 0)
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		t.table.headerShown(o, id.Col)
		if id.Col >= 0 && id.Col < len(t.cols) {
			l.Alignment = t.cols[id.Col].align
			l.SetText(t.sizer.header(id.Col))
		}
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.selected, t.shown = id.Row, true
		t.showDetail()
		if t.onSelect != nil && !t.quiet {
			t.onSelect(id.Row)
		}
	}
	t.detail = widget.NewLabel("")
	t.detailUI = detailView(t.detail)
	t.sizer.measure(0, nil)
	space := canvas.NewRectangle(transparent)
	space.SetMinSize(fyne.NewSize(200, minHeight))
	t.content = container.NewBorder(nil, t.detailUI, nil, nil, container.New(sizedLayout{t.sizer, t.showDetail}, space, t.table))
	return t
}

// updateCell sets every property of a recycled cell.
func (t *infoTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, align, bold := "", fyne.TextAlignLeading, false
	trunc := fyne.TextTruncateOff
	imp := widget.MediumImportance
	if id.Row >= 0 && id.Row < len(t.rows) && id.Col >= 0 && id.Col < len(t.cols) {
		text = oneLine(t.text(id.Row, id.Col))
		align = t.cols[id.Col].align
		bold = t.bold != nil && t.bold(id.Row)
		// Only the text columns may need shortening; measuring every number for an ellipsis
		// on each redraw would cost more than the whole calculation.
		if t.cols[id.Col].grow > 0 {
			trunc = fyne.TextTruncateEllipsis
		}
		if t.emphasis != nil {
			imp = t.emphasis(id.Row)
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
func (t *infoTable) text(row, col int) string {
	if r := t.rows[row]; col < len(r) {
		return r[col]
	}
	return ""
}

// setRows replaces the rows and keeps the selection where it still exists.
func (t *infoTable) setRows(rows [][]string) {
	t.rows = rows
	if t.selected >= len(rows) {
		t.selected = -1
		t.table.UnselectAll()
	}
	t.sizer.measure(len(rows), t.text)
	t.showDetail()
	t.table.Refresh()
}

// showDetail names the selected row's cut cells in full under the table.
func (t *infoTable) showDetail() {
	text := ""
	if r := t.selected; r >= 0 && r < len(t.rows) {
		text = t.sizer.details(func(c int) string { return t.text(r, c) })
	}
	showDetail(t.detail, t.detailUI, text)
}

// selectRow selects a row as if tapped, without calling onSelect.
func (t *infoTable) selectRow(row int) {
	if row < 0 || row >= len(t.rows) {
		t.selected, t.shown = -1, false
		t.table.UnselectAll()
		t.showDetail()
		return
	}
	if row == t.selected && t.shown {
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

// caption is a small grey explanation under a field or above a table.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// heading is a bold label for a part of an editor.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
