package steps

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Widgets shared by the editors of steps 5 and 6.

// resCol is a column of a resTable.
type resCol struct {
	title string // translated header
	width float32
	grow  float32 // share of the width left over
	align fyne.TextAlign
}

// resTable is a read-only table with a header row whose texts the editor computes after
// every change; tapping a row selects it. Long lists scroll (it is a widget.Table).
type resTable struct {
	cols     []resCol
	rows     [][]string
	bold     func(row int) bool // e.g. a total row; may be nil
	table    *widget.Table
	selected int
	onSelect func(row int)
	widths   []float32
	content  fyne.CanvasObject
	quiet    bool // a selection made by the program, not the user
}

func newResTable(cols []resCol, minHeight float32) *resTable {
	vt := &resTable{cols: cols, selected: -1}
	vt.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(vt.rows), len(vt.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		vt.updateCell,
	)
	vt.table.ShowHeaderColumn = false
	vt.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	vt.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(vt.cols) {
			l.Alignment = vt.cols[id.Col].align
			l.SetText(vt.cols[id.Col].title)
		}
	}
	vt.table.OnSelected = func(id widget.TableCellID) {
		vt.selected = id.Row
		if vt.onSelect != nil && !vt.quiet {
			vt.onSelect(id.Row)
		}
	}
	for i, c := range cols {
		vt.table.SetColumnWidth(i, c.width)
	}
	space := canvas.NewRectangle(transparent)
	space.SetMinSize(fyne.NewSize(200, minHeight))
	vt.content = container.New(&resTableLayout{vt: vt}, space, vt.table)
	return vt
}

func (vt *resTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, align, bold := "", fyne.TextAlignLeading, false
	trunc := fyne.TextTruncateOff
	if id.Row >= 0 && id.Row < len(vt.rows) && id.Col >= 0 && id.Col < len(vt.cols) {
		if row := vt.rows[id.Row]; id.Col < len(row) {
			text = oneLine(row[id.Col])
		}
		align = vt.cols[id.Col].align
		bold = vt.bold != nil && vt.bold(id.Row)
		// Only the text columns may need shortening; measuring every number for an ellipsis
		// on each redraw would cost more than the whole calculation.
		if vt.cols[id.Col].grow > 0 {
			trunc = fyne.TextTruncateEllipsis
		}
	}
	if l.Text == text && l.Alignment == align && l.Truncation == trunc && l.TextStyle.Bold == bold {
		return // unchanged: no new text shaping, which is what a redraw costs
	}
	l.Alignment, l.Truncation, l.TextStyle.Bold = align, trunc, bold
	l.Text = text
	l.Refresh()
}

// setRows replaces the rows and keeps the selection where it still exists.
func (vt *resTable) setRows(rows [][]string) {
	vt.rows = rows
	if vt.selected >= len(rows) {
		vt.selected = -1
		vt.table.UnselectAll()
	}
	vt.table.Refresh()
}

// selectRow selects a row as if tapped, without calling onSelect.
func (vt *resTable) selectRow(row int) {
	if row < 0 || row >= len(vt.rows) {
		vt.selected = -1
		vt.table.UnselectAll()
		return
	}
	vt.quiet = true
	vt.table.Select(widget.TableCellID{Row: row, Col: 0})
	vt.quiet = false
	vt.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
}

// resTableLayout gives the table its space and shares the width left over by the columns'
// grow weights.
type resTableLayout struct{ vt *resTable }

func (l *resTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *resTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	vt := l.vt
	var base, grow float32
	for _, c := range vt.cols {
		base += c.width
		grow += c.grow
	}
	// Each column is followed by a divider and the table keeps room for its scroll bar.
	extra := size.Width - base - theme.Padding()*float32(len(vt.cols)+2) - 16
	widths := make([]float32, len(vt.cols))
	for i, c := range vt.cols {
		widths[i] = c.width
		if grow > 0 && c.grow > 0 {
			// Extra room goes to the growing columns; a shortfall is taken from them too, down
			// to a width that still shows a few characters.
			widths[i] = max(c.width+extra*c.grow/grow, min(c.width, 80))
		}
	}
	changed := len(widths) != len(vt.widths)
	for i := range widths {
		if !changed && widths[i] != vt.widths[i] {
			changed = true
		}
	}
	if changed {
		vt.widths = widths
		for i, w := range widths {
			vt.table.SetColumnWidth(i, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// resNumberField is an entry for one number of a settings form: it commits on Enter and when the
// user leaves it, refuses what is not a number with a German message, and shows the stored
// value again when the edit was refused.
type resNumberField struct {
	entry   *commitEntry
	get     func() float64
	set     func(v float64) error
	integer bool
	report  func(error)
	loading bool
}

func newResNumberField(get func() float64, set func(v float64) error, integer bool, report func(error)) *resNumberField {
	f := &resNumberField{entry: newCommitEntry(), get: get, set: set, integer: integer, report: report}
	f.entry.OnSubmitted = func(string) { f.commit() }
	f.entry.onLeave = f.commit
	return f
}

// load shows the stored value.
func (f *resNumberField) load() {
	f.loading = true
	defer func() { f.loading = false }()
	resShowText(f.entry, f.text(f.get()))
}

// resShowText puts a value from the model into an entry. Only a focused entry can hold a selection
// that would swallow the next key (see commitEntry.setValue); one never shown yet has no renderer to ask.
func resShowText(e *commitEntry, s string) {
	if e.Text == s {
		return
	}
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(e); c != nil && c.Focused() == e {
			e.setValue(s)
			return
		}
	}
	e.SetText(s)
}

func (f *resNumberField) text(v float64) string {
	if f.integer {
		return strconv.Itoa(int(v))
	}
	return formatValue(v)
}

func (f *resNumberField) commit() {
	if f.loading {
		return
	}
	in := strings.TrimSpace(f.entry.Text)
	if in == "" {
		in = "0"
	}
	v, err := parseNumber(in)
	if err == nil && f.integer && v != float64(int(v)) {
		err = inputError(lang.L("err.number", map[string]any{"Value": in}))
	}
	if err == nil && v == f.get() {
		return
	}
	if err == nil {
		err = f.set(v)
	}
	if err != nil {
		f.load()
		f.report(err)
	}
}

// srcScoreOptions are the choices of a 1–5 score: "–" for not scored, then 1 to 5.
func srcScoreOptions() []string {
	out := []string{lang.L("res.score.none")}
	for i := 1; i <= 5; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

// resCaption is a small grey explanation under a field or above a table.
func resCaption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// resHeading is a bold label for a part of an editor.
func resHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// resFindingsList shows open questions of a step; tapping one calls jump.
type resFindingsList struct {
	items   []string
	title   *widget.Label
	empty   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
	onTap   func(i int)
}

func newResFindingsList(onTap func(i int)) *resFindingsList {
	fl := &resFindingsList{onTap: onTap}
	fl.title = resHeading("")
	fl.empty = widget.NewLabel(lang.L("steps.questions.none"))
	fl.empty.Wrapping = fyne.TextWrapWord
	fl.list = widget.NewList(
		func() int { return len(fl.items) },
		func() fyne.CanvasObject {
			// Two lines each: long package names wrap instead of hiding the question.
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			l.Truncation = fyne.TextTruncateEllipsis
			line := fyne.MeasureText("Äg", theme.TextSize(), fyne.TextStyle{}).Height
			space := canvas.NewRectangle(transparent)
			space.SetMinSize(fyne.NewSize(0, 2*line+2*theme.InnerPadding()))
			return container.NewStack(space, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*fyne.Container).Objects[1].(*widget.Label)
			if id >= 0 && id < len(fl.items) {
				l.SetText(fl.items[id])
			} else {
				l.SetText("")
			}
		},
	)
	fl.list.OnSelected = func(id widget.ListItemID) {
		fl.list.Unselect(id)
		if fl.onTap != nil && id >= 0 && id < len(fl.items) {
			fl.onTap(id)
		}
	}
	fl.content = container.NewBorder(container.NewVBox(fl.title, fl.empty), nil, nil, nil, fl.list)
	return fl
}

func (fl *resFindingsList) set(items []string) {
	fl.items = items
	fl.title.SetText(lang.L("steps.questions", map[string]any{"Count": len(items)}))
	if len(items) == 0 {
		fl.empty.Show()
	} else {
		fl.empty.Hide()
	}
	fl.list.Refresh()
}
