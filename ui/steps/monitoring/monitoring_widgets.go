package monitoring

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// Widgets of step 12: a plain table over rows the caller counts, the KPI tiles with their
// traffic lights, and sizes that keep charts and tables usable inside a scrolling page.

// col is a column of a table: a translated title, a least width and a share of the rest.
type col struct {
	title string
	width float32
	grow  float32
	right bool
}

// table shows rows from cell(row, col); tapping a row calls onPick. Cells are recycled, so
// every property is set on each update.
type table struct {
	widget.BaseWidget
	cols   []col
	rows   func() int
	cell   func(row, col int) string
	tint   func(row int) color.Color // may be nil
	onPick func(row int)
	// pickCell, when set, gets the column as well (a column that opens another step).
	pickCell func(row, col int)
	table    *widget.Table
	minH     float32
	lastW    float32
}

func newTable(cols []col, minHeight float32, rows func() int, cell func(row, col int) string, onPick func(row int)) *table {
	t := &table{cols: cols, rows: rows, cell: cell, onPick: onPick, minH: minHeight}
	t.table = widget.NewTable(
		func() (int, int) { return t.rows(), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(kit.Transparent), l)
		},
		t.update,
	)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(t.cols) {
			l.SetText(t.cols[id.Col].title)
			if t.cols[id.Col].right {
				l.Alignment = fyne.TextAlignTrailing
			} else {
				l.Alignment = fyne.TextAlignLeading
			}
		}
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row < 0 || id.Row >= t.rows() {
			return
		}
		switch {
		case t.pickCell != nil:
			t.pickCell(id.Row, id.Col)
		case t.onPick != nil:
			t.onPick(id.Row)
		}
	}
	t.ExtendBaseWidget(t)
	t.fit(0)
	return t
}

func (t *table) update(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg := box.Objects[0].(*canvas.Rectangle)
	l := box.Objects[1].(*widget.Label)
	text := ""
	if id.Row < t.rows() && id.Col < len(t.cols) {
		text = t.cell(id.Row, id.Col)
	}
	var fill color.Color = kit.Transparent
	if t.tint != nil && id.Row < t.rows() {
		if c := t.tint(id.Row); c != nil {
			fill = c
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	align := fyne.TextAlignLeading
	if t.cols[id.Col].right {
		align = fyne.TextAlignTrailing
	}
	if l.Text != text || l.Alignment != align {
		l.Alignment = align
		l.SetText(text)
	}
}

// fit gives each column its least width and shares what is left by grow.
func (t *table) fit(width float32) {
	var least, grow float32
	for _, c := range t.cols {
		least += c.width
		grow += c.grow
	}
	extra := width - least - 4
	for i, c := range t.cols {
		w := c.width
		if extra > 0 && grow > 0 {
			w += extra * c.grow / grow
		}
		t.table.SetColumnWidth(i, w)
	}
}

func (t *table) Resize(s fyne.Size) {
	t.BaseWidget.Resize(s)
	if s.Width != t.lastW {
		t.lastW = s.Width
		t.fit(s.Width)
	}
}

func (t *table) MinSize() fyne.Size {
	var w float32
	for _, c := range t.cols {
		w += c.width
	}
	return fyne.NewSize(min(w, 260), t.minH)
}

func (t *table) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.table) }

// refresh redraws the rows.
func (t *table) refresh() { t.table.Refresh() }

// Colours of the traffic lights on screen (the reports' palette).
var (
	green = color.NRGBA{0x2e, 0x7d, 0x32, 0xff}
	amber = color.NRGBA{0xf9, 0xa8, 0x25, 0xff}
	red   = color.NRGBA{0xc6, 0x28, 0x28, 0xff}
	grey  = color.NRGBA{0x9e, 0x9e, 0x9e, 0xff}
	// selected marks the row whose record the form below shows.
	selected = color.NRGBA{0x1f, 0x5f, 0x8b, 0x30}
)

func lightColor(l kpi.Light) color.Color {
	switch l {
	case kpi.LightGreen:
		return green
	case kpi.LightAmber:
		return amber
	case kpi.LightRed:
		return red
	}
	return grey
}

// lightTint is a light background for a table row of the given light.
func lightTint(l kpi.Light) color.Color {
	switch l {
	case kpi.LightGreen:
		return color.NRGBA{0x2e, 0x7d, 0x32, 0x22}
	case kpi.LightAmber:
		return color.NRGBA{0xf9, 0xa8, 0x25, 0x33}
	case kpi.LightRed:
		return color.NRGBA{0xc6, 0x28, 0x28, 0x26}
	}
	return nil
}

// tileSize is the size of a KPI tile in the grid: three side by side fill the dashboard at
// 1366 px next to the open questions, wide enough for the longest names and comparisons.
var tileSize = fyne.NewSize(256, 148)

// kpiTile is one KPI: the light as a coloured bar and dot, the name, the value large, the
// target and the previous period with the change.
func kpiTile(in kpi.Indicator) fyne.CanvasObject {
	lc := lightColor(in.Light)
	frame := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	frame.StrokeColor = lc
	frame.StrokeWidth = 2
	frame.CornerRadius = 6
	bar := canvas.NewRectangle(lc)
	bar.SetMinSize(fyne.NewSize(8, 0))
	bar.CornerRadius = 3
	name := widget.NewLabelWithStyle(reports.KPILabel(in), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	value := canvas.NewText(reports.IndicatorValue(in), theme.Color(theme.ColorNameForeground))
	value.TextSize = theme.TextSize() * 1.9
	value.TextStyle = fyne.TextStyle{Bold: true}
	light := widget.NewLabel(reports.KPILight(in.Light))
	if in.Light == kpi.LightNone {
		light.SetText("")
	}
	light.Importance = lightImportance(in.Light)
	target := widget.NewLabel(lang.L("mon.tile.target", map[string]any{"Target": reports.KPITarget(in)}))
	target.SizeName = theme.SizeNameCaptionText
	prev := widget.NewLabel(lang.L("mon.tile.previous", map[string]any{"Value": reports.KPIPrevious(in), "Change": reports.KPIChange(in)}))
	prev.SizeName = theme.SizeNameCaptionText
	switch reports.KPIChangeImportance(in) { // the words say it too, for print and colour blindness
	case 1:
		prev.Importance = widget.SuccessImportance
	case -1:
		prev.Importance = widget.DangerImportance
	}
	prev.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(name, container.NewHBox(value, layoutSpacer(), light), container.NewVBox(target, prev))
	content := kit.NewBorder(nil, nil, container.NewPadded(bar), nil, body)
	return container.NewStack(frame, container.NewPadded(content))
}

func lightImportance(l kpi.Light) widget.Importance {
	switch l {
	case kpi.LightGreen:
		return widget.SuccessImportance
	case kpi.LightAmber:
		return widget.WarningImportance
	case kpi.LightRed:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

func layoutSpacer() fyne.CanvasObject {
	s := canvas.NewRectangle(kit.Transparent)
	s.SetMinSize(fyne.NewSize(8, 0))
	return s
}

// sized gives an object a least size (charts and tables inside a scrolling page).
func sized(o fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(kit.Transparent)
	r.SetMinSize(fyne.NewSize(w, h))
	return container.NewStack(r, o)
}

// chartImage shows a chart PNG, scaled to fit, at least w × h.
func chartImage(png []byte, name string, w, h float32) *canvas.Image {
	img := canvas.NewImageFromResource(fyne.NewStaticResource(name, png))
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	img.SetMinSize(fyne.NewSize(w, h))
	return img
}

// pctOrDash writes a share of a group, "–" when nothing was measured.
func pctOrDash(v float64, basis int) string { return reports.FormatPct(v, basis) }

// set shows a value from the model in an entry. Unlike setValue it does not touch the
// cursor, so it also works before the entry has been drawn; an entry the user is typing in
// keeps its text (it commits when left).
func set(e *kit.CommitEntry, s string) {
	if e.Text == s {
		return
	}
	if app := fyne.CurrentApp(); app != nil && !reverting {
		if c := app.Driver().CanvasForObject(e); c != nil && c.Focused() == e {
			return
		}
	}
	e.SetText(s)
}

// reverting is set while a refused input is replaced by the model's value again.
var reverting bool

// revert runs load with entries taking the model's values even where the user is typing:
// after a refused input the entry shows what is stored.
func revert(load func()) {
	reverting = true
	defer func() { reverting = false }()
	load()
}
