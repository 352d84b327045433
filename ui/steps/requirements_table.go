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
	whole bool // never cut (status words)
}

type sheetCell struct {
	text string
	bold bool
	fill color.Color // nil: transparent
	imp  widget.Importance
}

type sheet struct {
	cols     []sheetColumn
	table    *fitTable
	sizer    *colSizer
	rows     func() int
	cell     func(row, col int) sheetCell
	onSelect func(row int)
	selected int // highlighted row, -1 for none
	detail   *widget.Label
	detailUI fyne.CanvasObject

	fitted map[fitKey]string
}

func newSheet(cols []sheetColumn, rows func() int, cell func(row, col int) sheetCell) *sheet {
	s := &sheet{cols: cols, rows: rows, cell: cell, selected: -1}
	s.table = newFitTable(
		func() (int, int) { return s.rows(), len(s.cols) },
		func() fyne.CanvasObject {
			return container.NewStack(canvas.NewRectangle(transparent), widget.NewLabel(""))
		},
		s.update,
	)
	sized := make([]sizedCol, len(cols))
	for i, c := range cols {
		sized[i] = sizedCol{title: lang.L(c.title), least: c.width, grow: c.grow, whole: c.whole}
	}
	s.sizer = newColSizer(s.table, sized, 0)
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		s.table.headerShown(o, id.Col)
		text := ""
		if id.Col >= 0 && id.Col < len(s.cols) {
			text = s.sizer.header(id.Col)
		}
		if l.Text != text {
			l.SetText(text)
		}
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if s.onSelect != nil && id.Row >= 0 && id.Row < s.rows() {
			s.onSelect(id.Row)
		}
	}
	s.detail = widget.NewLabel("")
	s.detailUI = detailView(s.detail)
	s.sizer.measure(0, nil)
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
	avail := s.sizer.widths[col] - 2*theme.InnerPadding()
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
	out := s.sizer.fitter.shorten(oneLine(text), avail, fyne.TextStyle{Bold: bold})
	s.fitted[k] = out
	return out
}

// refresh redraws after the data changed: the columns are measured again and the detail line
// under the table names the full text of the selected row's cut cells.
func (s *sheet) refresh() {
	s.sizer.measure(s.rows(), func(r, c int) string { return s.cell(r, c).text })
	s.showDetail()
	s.table.Refresh()
}

func (s *sheet) showDetail() {
	text := ""
	if r := s.selected; r >= 0 && r < s.rows() {
		text = s.sizer.details(func(c int) string { return s.cell(r, c).text })
	}
	showDetail(s.detail, s.detailUI, text)
}

// view is the table filling its space, columns fitted to the width, with the detail line
// beneath.
func (s *sheet) view() fyne.CanvasObject {
	min := canvas.NewRectangle(transparent)
	min.SetMinSize(fyne.NewSize(320, 150))
	return container.NewBorder(nil, s.detailUI, nil, nil, container.New(sizedLayout{s.sizer, s.showDetail}, min, s.table))
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
