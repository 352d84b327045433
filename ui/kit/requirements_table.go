package kit

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

type SheetColumn struct {
	Title string // translation key
	Width float32
	Grow  float32
	Align fyne.TextAlign
	Whole bool // never cut (status words)
}

type SheetCell struct {
	Text string
	Bold bool
	Fill color.Color // nil: transparent
	Imp  widget.Importance
}

type Sheet struct {
	Cols     []SheetColumn
	Table    *FitTable
	Sizer    *ColSizer
	rows     func() int
	cell     func(row, col int) SheetCell
	OnSelect func(row int)
	Selected int // highlighted row, -1 for none
	Detail   *widget.Label
	detailUI fyne.CanvasObject

	fitted map[FitKey]string
}

func NewSheet(cols []SheetColumn, rows func() int, cell func(row, col int) SheetCell) *Sheet {
	s := &Sheet{Cols: cols, rows: rows, cell: cell, Selected: -1}
	s.Table = NewFitTable(
		func() (int, int) { return s.rows(), len(s.Cols) },
		func() fyne.CanvasObject {
			return container.NewStack(canvas.NewRectangle(Transparent), widget.NewLabel(""))
		},
		s.update,
	)
	sized := make([]SizedCol, len(cols))
	for i, c := range cols {
		sized[i] = SizedCol{Title: lang.L(c.Title), Least: c.Width, Grow: c.Grow, whole: c.Whole}
	}
	s.Sizer = NewColSizer(s.Table, sized, 0)
	s.Sizer.ShowHeaders(nil)
	s.Table.OnSelected = func(id widget.TableCellID) {
		if s.OnSelect != nil && id.Row >= 0 && id.Row < s.rows() {
			s.OnSelect(id.Row)
		}
	}
	s.Detail = widget.NewLabel("")
	s.detailUI = DetailView(s.Detail)
	s.Sizer.Measure(0, nil)
	return s
}

func (s *Sheet) update(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	bg := box.Objects[0].(*canvas.Rectangle)
	l := box.Objects[1].(*widget.Label)
	var c SheetCell
	if id.Row >= 0 && id.Row < s.rows() && id.Col >= 0 && id.Col < len(s.Cols) {
		c = s.cell(id.Row, id.Col)
	}
	fill := c.Fill
	if id.Row == s.Selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if fill == nil {
		fill = Transparent
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	align := fyne.TextAlignLeading
	if id.Col >= 0 && id.Col < len(s.Cols) {
		align = s.Cols[id.Col].Align
	}
	text := ""
	if id.Col >= 0 && id.Col < len(s.Cols) {
		text = s.fit(c.Text, id.Col, c.Bold)
	}
	if l.Text != text || l.TextStyle.Bold != c.Bold || l.Importance != c.Imp || l.Alignment != align {
		l.Text = text
		l.TextStyle = fyne.TextStyle{Bold: c.Bold}
		l.Importance = c.Imp
		l.Alignment = align
		l.Refresh()
	}
}

// fit shortens text to its column once; the result is kept for later redraws.
func (s *Sheet) fit(text string, col int, bold bool) string {
	avail := s.Sizer.Widths[col] - 2*theme.InnerPadding()
	if text == "" || avail <= 0 {
		return text
	}
	k := FitKey{text, avail, bold}
	if v, ok := s.fitted[k]; ok {
		return v
	}
	if s.fitted == nil || len(s.fitted) > 20000 {
		s.fitted = map[FitKey]string{}
	}
	out := s.Sizer.Fitter.Shorten(OneLine(text), avail, fyne.TextStyle{Bold: bold})
	s.fitted[k] = out
	return out
}

// Refresh redraws after the data changed: the columns are measured again and the detail line
// under the table names the full text of the selected row's cut cells.
func (s *Sheet) Refresh() {
	s.Sizer.Measure(s.rows(), func(r, c int) string { return s.cell(r, c).Text })
	s.showDetail()
	s.Table.Refresh()
}

func (s *Sheet) showDetail() {
	text := ""
	if r := s.Selected; r >= 0 && r < s.rows() {
		text = s.Sizer.Details(func(c int) string { return s.cell(r, c).Text })
	}
	ShowDetail(s.Detail, s.detailUI, text)
}

// View is the table filling its space, columns fitted to the width, with the detail line
// beneath.
func (s *Sheet) View() fyne.CanvasObject {
	min := canvas.NewRectangle(Transparent)
	min.SetMinSize(fyne.NewSize(320, 150))
	return NewBorder(nil, s.detailUI, nil, nil, container.New(SizedLayout{s.Sizer, s.showDetail}, min, s.Table))
}

// ColorOf turns "#rrggbb" into a colour mixed into the theme's background by share (1 = the
// colour itself), so tinted rows stay readable in the light and the dark theme.
func ColorOf(hex string, share float64) color.Color {
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
