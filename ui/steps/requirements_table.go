package steps

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// sheet is a read-mostly table of the requirement and coverage views: a header row, cells that
// shorten their text to the column once, and per-cell backgrounds (package and state colours).

type sheetColumn struct {
	title string // translation key
	width float32
	grow  float32
	align fyne.TextAlign
}

type sheetCell struct {
	text string
	bold bool
	fill color.Color // nil: transparent
	imp  widget.Importance
}

type sheet struct {
	cols     []sheetColumn
	table    *widget.Table
	rows     func() int
	cell     func(row, col int) sheetCell
	onSelect func(row int)
	selected int // highlighted row, -1 for none

	widths   []float32
	fitWidth float32
	fitter   textFitter
	fitted   map[fitKey]string
}

func newSheet(cols []sheetColumn, rows func() int, cell func(row, col int) sheetCell) *sheet {
	s := &sheet{cols: cols, rows: rows, cell: cell, selected: -1, widths: make([]float32, len(cols))}
	s.table = widget.NewTable(
		func() (int, int) { return s.rows(), len(s.cols) },
		func() fyne.CanvasObject {
			return container.NewStack(canvas.NewRectangle(transparent), widget.NewLabel(""))
		},
		s.update,
	)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return l
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col < 0 || id.Col >= len(s.cols) {
			l.SetText("")
			return
		}
		l.SetText(s.fit(lang.L(s.cols[id.Col].title), id.Col, true))
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if s.onSelect != nil && id.Row >= 0 && id.Row < s.rows() {
			s.onSelect(id.Row)
		}
	}
	s.fitColumns(0)
	return s
}

func (s *sheet) update(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg := box.Objects[0].(*canvas.Rectangle)
	l := box.Objects[1].(*widget.Label)
	var c sheetCell
	if id.Row >= 0 && id.Row < s.rows() && id.Col >= 0 && id.Col < len(s.cols) {
		c = s.cell(id.Row, id.Col)
	}
	fill := c.fill
	if id.Row == s.selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if fill == nil {
		fill = transparent
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	align := fyne.TextAlignLeading
	if id.Col >= 0 && id.Col < len(s.cols) {
		align = s.cols[id.Col].align
	}
	text := ""
	if id.Col >= 0 && id.Col < len(s.cols) {
		text = s.fit(c.text, id.Col, c.bold)
	}
	if l.Text != text || l.TextStyle.Bold != c.bold || l.Importance != c.imp || l.Alignment != align {
		l.Text = text
		l.TextStyle = fyne.TextStyle{Bold: c.bold}
		l.Importance = c.imp
		l.Alignment = align
		l.Refresh()
	}
}

// fit shortens text to its column once; the result is kept for later redraws.
func (s *sheet) fit(text string, col int, bold bool) string {
	avail := s.widths[col] - 2*theme.InnerPadding()
	if text == "" || avail <= 0 {
		return text
	}
	k := fitKey{text, avail, bold}
	if v, ok := s.fitted[k]; ok {
		return v
	}
	if s.fitted == nil || len(s.fitted) > 20000 {
		s.fitted = map[fitKey]string{}
	}
	out := s.fitter.shorten(oneLine(text), avail, fyne.TextStyle{Bold: bold})
	s.fitted[k] = out
	return out
}

// fitColumns shares the width: each column its least width, the rest by grow weight.
func (s *sheet) fitColumns(width float32) bool {
	if width == s.fitWidth && s.fitWidth != 0 {
		return false
	}
	s.fitWidth = width
	var sum, grow float32
	for _, c := range s.cols {
		sum += c.width + theme.Padding()
		grow += c.grow
	}
	left := width - sum - theme.ScrollBarSize()
	changed := false
	for i, c := range s.cols {
		w := c.width
		if left > 0 && grow > 0 {
			w += float32(int(left * c.grow / grow))
		}
		if w != s.widths[i] {
			s.widths[i] = w
			s.table.SetColumnWidth(i, w)
			changed = true
		}
	}
	return changed
}

// refresh redraws after the data changed.
func (s *sheet) refresh() { s.table.Refresh() }

// view is the table filling its space, columns fitted to the width.
func (s *sheet) view() fyne.CanvasObject {
	min := canvas.NewRectangle(transparent)
	min.SetMinSize(fyne.NewSize(320, 150))
	return container.New(sheetLayout{s}, min, s.table)
}

type sheetLayout struct{ s *sheet }

func (l sheetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var sz fyne.Size
	for _, o := range objs {
		sz = sz.Max(o.MinSize())
	}
	return sz
}

func (l sheetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	changed := l.s.fitColumns(size.Width)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if changed {
		l.s.table.Refresh()
	}
}

// colorOf turns "#rrggbb" into a colour mixed into the theme's background by share (1 = the
// colour itself), so tinted rows stay readable in the light and the dark theme.
func colorOf(hex string, share float64) color.Color {
	r, g, b, ok := domain.ParseColor(hex)
	if !ok {
		return nil
	}
	br, bg, bb, _ := theme.Color(theme.ColorNameBackground).RGBA()
	mix := func(v uint8, base uint32) uint8 {
		bv := float64(base >> 8)
		return uint8(bv + (float64(v)-bv)*share + 0.5)
	}
	return color.NRGBA{mix(r, br), mix(g, bg), mix(b, bb), 0xff}
}
