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
// and tapping a row selects it. Long lists scroll (it is a widget.Table). The editors of steps
// 5–9 share it.
type infoTable struct {
	cols     []infoCol
	rows     [][]string
	table    *widget.Table
	selected int
	onSelect func(row int)
	widths   []float32
	content  fyne.CanvasObject
	quiet    bool
	shown    bool                            // the table shows the selection (selectRow ran since the last change)
	emphasis func(row int) widget.Importance // may be nil
	bold     func(row int) bool              // e.g. a total row; may be nil
}

func newInfoTable(cols []infoCol, minHeight float32) *infoTable {
	t := &infoTable{cols: cols, selected: -1}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(t.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		t.updateCell,
	)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(t.cols) {
			l.Alignment = t.cols[id.Col].align
			l.SetText(t.cols[id.Col].title)
		}
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.selected, t.shown = id.Row, true
		if t.onSelect != nil && !t.quiet {
			t.onSelect(id.Row)
		}
	}
	for i, c := range cols {
		t.table.SetColumnWidth(i, c.width)
	}
	space := canvas.NewRectangle(transparent)
	space.SetMinSize(fyne.NewSize(200, minHeight))
	t.content = container.New(&infoTableLayout{t: t}, space, t.table)
	return t
}

// updateCell sets every property of a recycled cell.
func (t *infoTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, align, bold := "", fyne.TextAlignLeading, false
	trunc := fyne.TextTruncateOff
	imp := widget.MediumImportance
	if id.Row >= 0 && id.Row < len(t.rows) && id.Col >= 0 && id.Col < len(t.cols) {
		if row := t.rows[id.Row]; id.Col < len(row) {
			text = oneLine(row[id.Col])
		}
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

// setRows replaces the rows and keeps the selection where it still exists.
func (t *infoTable) setRows(rows [][]string) {
	t.rows = rows
	if t.selected >= len(rows) {
		t.selected = -1
		t.table.UnselectAll()
	}
	t.table.Refresh()
}

// selectRow selects a row as if tapped, without calling onSelect.
func (t *infoTable) selectRow(row int) {
	if row < 0 || row >= len(t.rows) {
		t.selected, t.shown = -1, false
		t.table.UnselectAll()
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

// infoTableLayout shares the width left over by the columns' grow weights.
type infoTableLayout struct{ t *infoTable }

func (l *infoTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *infoTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := l.t
	var base, grow float32
	for _, c := range t.cols {
		base += c.width
		grow += c.grow
	}
	extra := size.Width - base - theme.Padding()*float32(len(t.cols)+2) - 16
	widths := make([]float32, len(t.cols))
	changed := len(t.widths) != len(widths)
	for i, c := range t.cols {
		widths[i] = c.width
		if grow > 0 && c.grow > 0 {
			widths[i] = max(c.width+extra*c.grow/grow, min(c.width, 80))
		}
		if !changed && widths[i] != t.widths[i] {
			changed = true
		}
	}
	if changed {
		t.widths = widths
		for i, w := range widths {
			t.table.SetColumnWidth(i, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
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
