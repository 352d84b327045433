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

// Widgets of the editors of steps 7–9.

// awCol is a column of an awTable.
type awCol struct {
	title string // translated header
	width float32
	grow  float32 // share of the width left over
	align fyne.TextAlign
}

// awTable is a read-only table with a header row; the editor sets its rows after every change
// and tapping a row selects it. Long lists scroll (it is a widget.Table).
type awTable struct {
	cols     []awCol
	rows     [][]string
	table    *widget.Table
	selected int
	onSelect func(row int)
	widths   []float32
	content  fyne.CanvasObject
	quiet    bool
	shown    bool                            // the table shows the selection (selectRow ran since the last change)
	emphasis func(row int) widget.Importance // may be nil
}

func newAwTable(cols []awCol, minHeight float32) *awTable {
	t := &awTable{cols: cols, selected: -1}
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
	t.content = container.New(&awTableLayout{t: t}, space, t.table)
	return t
}

// updateCell sets every property of a recycled cell.
func (t *awTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, align := "", fyne.TextAlignLeading
	trunc := fyne.TextTruncateOff
	imp := widget.MediumImportance
	if id.Row >= 0 && id.Row < len(t.rows) && id.Col >= 0 && id.Col < len(t.cols) {
		if row := t.rows[id.Row]; id.Col < len(row) {
			text = oneLine(row[id.Col])
		}
		align = t.cols[id.Col].align
		if t.cols[id.Col].grow > 0 {
			trunc = fyne.TextTruncateEllipsis
		}
		if t.emphasis != nil {
			imp = t.emphasis(id.Row)
		}
	}
	if l.Text == text && l.Alignment == align && l.Truncation == trunc && l.Importance == imp {
		return
	}
	l.Alignment, l.Truncation, l.Importance = align, trunc, imp
	l.Text = text
	l.Refresh()
}

// setRows replaces the rows and keeps the selection where it still exists.
func (t *awTable) setRows(rows [][]string) {
	t.rows = rows
	if t.selected >= len(rows) {
		t.selected = -1
		t.table.UnselectAll()
	}
	t.table.Refresh()
}

// selectRow selects a row as if tapped, without calling onSelect.
func (t *awTable) selectRow(row int) {
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

// awTableLayout shares the width left over by the columns' grow weights.
type awTableLayout struct{ t *awTable }

func (l *awTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *awTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
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

// awNumber is an entry for one number: it commits on Enter and when the user leaves it, refuses
// what is not a number with a German message, and shows the stored value again when the edit was
// refused.
type awNumber struct {
	entry   *commitEntry
	get     func() float64
	set     func(v float64) error
	integer bool
	money   bool // reads "150.000" as a grouped amount
	report  func(error)
	loading bool
}

func newAwNumber(get func() float64, set func(v float64) error, integer bool, report func(error)) *awNumber {
	f := &awNumber{entry: newCommitEntry(), get: get, set: set, integer: integer, report: report}
	f.entry.OnSubmitted = func(string) { f.commit() }
	f.entry.onLeave = f.commit
	return f
}

func (f *awNumber) text(v float64) string {
	if f.integer {
		return strconv.Itoa(int(v))
	}
	if f.money {
		return awGrouped(v)
	}
	return formatValue(v)
}

// load shows the stored value.
func (f *awNumber) load() {
	f.loading = true
	defer func() { f.loading = false }()
	awShow(f.entry, f.text(f.get()))
}

func (f *awNumber) commit() {
	if f.loading {
		return
	}
	in := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.entry.Text), "€"))
	in = strings.TrimSpace(strings.TrimSuffix(in, "%"))
	if in == "" {
		in = "0"
	}
	var v float64
	var err error
	if f.money {
		v, err = awParseAmount(in)
	} else {
		v, err = parseNumber(in)
	}
	if err == nil && f.integer && v != float64(int(v)) {
		err = inputError(lang.L("err.number", map[string]any{"Value": in}))
	}
	if err == nil && v == f.get() {
		f.load()
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

// awShow puts a value from the model into an entry. Only a focused entry can hold a selection
// that would swallow the next key (see setValue).
func awShow(e *commitEntry, s string) {
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

// awCaption is a small grey explanation.
func awCaption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// awHeading is a bold label for a part of an editor.
func awHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// awFindings lists the open questions of a step; tapping one calls onTap.
type awFindings struct {
	items   []string
	warn    []bool
	title   *widget.Label
	empty   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
	onTap   func(i int)
}

func newAwFindings(onTap func(i int)) *awFindings {
	fl := &awFindings{onTap: onTap}
	fl.title = awHeading("")
	fl.empty = widget.NewLabel(lang.L("steps.questions.none"))
	fl.empty.Wrapping = fyne.TextWrapWord
	fl.list = widget.NewList(
		func() int { return len(fl.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			l.Truncation = fyne.TextTruncateEllipsis
			line := fyne.MeasureText("Äg", theme.TextSize(), fyne.TextStyle{}).Height
			space := canvas.NewRectangle(transparent)
			space.SetMinSize(fyne.NewSize(0, 3*line+2*theme.InnerPadding()))
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewStack(space, l))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			var l *widget.Label
			var ic *widget.Icon
			for _, c := range box.Objects {
				switch c := c.(type) {
				case *widget.Icon:
					ic = c
				case *fyne.Container:
					l = c.Objects[1].(*widget.Label)
				}
			}
			if id < 0 || id >= len(fl.items) {
				l.SetText("")
				ic.SetResource(nil)
				return
			}
			if fl.warn[id] {
				ic.SetResource(theme.WarningIcon())
			} else {
				ic.SetResource(theme.QuestionIcon())
			}
			l.SetText(fl.items[id])
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

func (fl *awFindings) set(items []string, warn []bool) {
	fl.items, fl.warn = items, warn
	fl.title.SetText(lang.L("steps.questions", map[string]any{"Count": len(items)}))
	if len(items) == 0 {
		fl.empty.Show()
	} else {
		fl.empty.Hide()
	}
	fl.list.Refresh()
}
