package kit

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column sizing shared by the tables of the steps: widths from the content and the width
// available, widths the user dragged at the header's column borders kept, header titles wrapped
// at word boundaries, and the full text of the cells that had to be cut named for the selected
// row.

// maxNatural caps the width a column asks for, so one long note does not push the other
// columns out of view.
const maxNatural = 360

// SizedCol describes a column for the sizer.
type SizedCol struct {
	Title string  // translated header
	Least float32 // the width the column definition asks for at least
	Grow  float32 // share of the width left over
	whole bool    // never cut (status words): its content's width is also its least width
	head  float32 // the header's widest piece: no column gets narrower
	full  float32 // the header on one line (wanted up to maxHeadLine)
}

// maxHeadLine is the widest a column asks to be for its header alone.
const maxHeadLine = 150

// minCol is the width below which a text column is not narrowed to fit (its cut text would say
// nothing; the table scrolls sideways instead).
const minCol = 56

// shareWidths gives each column its wanted width (the user's if dragged, else the content's;
// the definition's least width while there is no content). When the wanted widths fit, the rest of avail goes to the columns
// by grow weight (evenly when none grows; dragged columns keep their width); when they do not,
// the widest columns are cut to a common width, none below its floor (whole columns: what they
// want), and the table scrolls if even the floors do not fit.
//
// A column wants room for its header on one line, up to maxHeadLine. The floor of a column is
// its header's widest piece, and minCol unless it wants less.
//
// Example: wanted 100 and 200 in 230: the first keeps its 100, the second is cut to 130.
func shareWidths(cols []SizedCol, natural []float32, user map[int]float32, avail float32) []float32 {
	n := len(cols)
	want := make([]float32, n)
	floor := make([]float32, n)
	var sumWant, sumFloor, grow float32
	free := 0
	for i, c := range cols {
		w := max(natural[i], c.head, min(c.full, maxHeadLine))
		if natural[i] == 0 {
			w = max(w, c.Least) // nothing measured (yet): the definition's width
		}
		f := max(c.head, min(minCol, w))
		if c.whole {
			f = w
		}
		if u, ok := user[i]; ok {
			w, f = u, u
		} else {
			grow += c.Grow
			free++
		}
		want[i], floor[i] = w, f
		sumWant += w
		sumFloor += f
	}
	out := make([]float32, n)
	if sumWant <= avail {
		extra := avail - sumWant
		for i, c := range cols {
			out[i] = want[i]
			if _, ok := user[i]; ok || extra <= 0 {
				continue
			}
			switch {
			case grow > 0:
				out[i] += float32(int(extra * c.Grow / grow))
			case free > 0:
				out[i] += float32(int(extra / float32(free)))
			}
		}
		return out
	}
	// Too narrow: find the cap c at which min(want, max(floor, c)) adds up to avail, so the
	// narrow columns (numbers, short words) stay whole and the long texts are cut alike.
	width := func(i int, c float32) float32 {
		if _, ok := user[i]; ok {
			return want[i]
		}
		return min(want[i], max(floor[i], c))
	}
	lo, hi := float32(0), float32(0)
	for _, w := range want {
		hi = max(hi, w)
	}
	for range 30 {
		mid := (lo + hi) / 2
		var sum float32
		for i := range cols {
			sum += width(i, mid)
		}
		if sum > avail {
			hi = mid
		} else {
			lo = mid
		}
	}
	for i := range cols {
		out[i] = float32(int(width(i, lo)))
	}
	return out
}

// ColSizer sizes the columns of one table.
type ColSizer struct {
	table   *FitTable
	Cols    []SizedCol
	natural []float32
	user    map[int]float32
	Widths  []float32
	avail   float32
	// headExtra is room a header needs beside its text (a sort arrow).
	headExtra float32
	lines     int // lines of the tallest header
	Fitter    textFitter
}

// NewColSizer sizes the columns of t; headExtra is room each header needs beside its text.
func NewColSizer(t *FitTable, cols []SizedCol, headExtra float32) *ColSizer {
	s := &ColSizer{table: t, Cols: cols, natural: make([]float32, len(cols)), user: map[int]float32{},
		Widths: make([]float32, len(cols)), lines: 1, headExtra: headExtra}
	t.sizer = s
	for i, c := range cols {
		s.Cols[i].head = ceil(s.headerPiece(c.Title))
		s.Cols[i].full = ceil(s.TextWidth(c.Title, true) + headExtra)
	}
	return s
}

// TextWidth is the width a cell needs for text in the regular or bold style, padding included.
func (s *ColSizer) TextWidth(text string, bold bool) float32 {
	var w float32
	st := fyne.TextStyle{Bold: bold}
	for _, r := range text {
		w += s.Fitter.advance(r, st)
	}
	return w + 2*theme.InnerPadding()
}

// headerPiece is the least width of a header: its longest word, or for a word wider than
// maxHeadWord the widest line of the word broken at its syllables.
func (s *ColSizer) headerPiece(title string) float32 {
	var w float32
	for _, line := range WrapHeader(title, maxHeadWord, s.measureBold) {
		w = max(w, s.measureBold(line))
	}
	return w + 2*theme.InnerPadding() + s.headExtra
}

// maxHeadWord is the widest header word kept whole; longer compounds break at their syllables.
const maxHeadWord = 110

func (s *ColSizer) measureBold(t string) float32 {
	return s.TextWidth(t, true) - 2*theme.InnerPadding()
}

// Measure sets each column's natural width from the texts of up to 400 rows (text(row, col);
// "" for a column without text) and lays the columns out again.
func (s *ColSizer) Measure(rows int, text func(row, col int) string) {
	for c := range s.Cols {
		s.natural[c] = 0
	}
	for r := 0; r < min(rows, 400); r++ {
		for c := range s.Cols {
			if t := text(r, c); t != "" {
				s.natural[c] = max(s.natural[c], min(ceil(s.TextWidth(OneLine(t), false)), maxNatural))
			}
		}
	}
	s.apply(s.avail, true)
}

// apply shares width among the columns and sets the widths and the header's height; true when
// something changed.
func (s *ColSizer) apply(width float32, force bool) bool {
	if width == s.avail && !force {
		return false
	}
	s.avail = width
	gaps := theme.Padding()*float32(len(s.Cols)) + theme.ScrollBarSize()
	widths := shareWidths(s.Cols, s.natural, s.user, width-gaps)
	changed := false
	lines := 1
	for i, w := range widths {
		if w != s.Widths[i] {
			s.Widths[i] = w
			s.table.SetColumnWidth(i, w)
			changed = true
		}
		lines = max(lines, len(s.HeaderLines(i)))
	}
	if lines != s.lines || force {
		s.lines = lines
		lh := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
		s.table.SetRowHeight(-1, float32(lines)*lh+2*theme.InnerPadding())
		changed = true
	}
	return changed
}

// ceil rounds a width up to whole pixels: the columns get whole widths.
func ceil(w float32) float32 { return float32(math.Ceil(float64(w))) }

// HeaderLines is the title of column col broken at word boundaries to the column's width.
func (s *ColSizer) HeaderLines(col int) []string {
	avail := s.Widths[col] - 2*theme.InnerPadding() - s.headExtra
	return WrapHeader(s.Cols[col].Title, avail, s.measureBold)
}

// ShowHeaders makes the table's header row show the column titles in bold, wrapped to the
// columns' widths; align (nil: leading) aligns a column's title.
func (s *ColSizer) ShowHeaders(align func(col int) fyne.TextAlign) {
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		s.table.HeaderShown(o, id.Col)
		text, a := "", fyne.TextAlignLeading
		if id.Col >= 0 && id.Col < len(s.Cols) {
			text = s.Header(id.Col)
			if align != nil {
				a = align(id.Col)
			}
		}
		if l.Text != text || l.Alignment != a {
			l.Alignment = a
			l.SetText(text)
		}
	}
}

// Header is the title of column col as the header shows it.
func (s *ColSizer) Header(col int) string { return strings.Join(s.HeaderLines(col), "\n") }

// cut is true when text does not fit column col.
func (s *ColSizer) cut(text string, col int) bool {
	return text != "" && s.TextWidth(OneLine(text), false) > s.Widths[col]
}

// DetailView is the detail line under a table: at most two lines high (more scrolls), hidden
// while nothing is cut.
func DetailView(l *widget.Label) fyne.CanvasObject {
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	sc := container.NewVScroll(l)
	lh := fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height
	sc.SetMinSize(fyne.NewSize(100, 2*lh+2*theme.InnerPadding()))
	sc.Hide()
	return sc
}

// ShowDetail puts text into the detail line and shows it only when there is text.
func ShowDetail(l *widget.Label, box fyne.CanvasObject, text string) {
	if text == l.Text && box.Visible() == (text != "") {
		return
	}
	l.SetText(text)
	if text == "" {
		box.Hide()
	} else {
		box.Show()
	}
}

// Details names the full text of every cut cell of a row: "Title: text · Title: text".
func (s *ColSizer) Details(text func(col int) string) string {
	var parts []string
	for c, col := range s.Cols {
		if t := text(c); s.cut(t, c) {
			parts = append(parts, col.Title+": "+strings.TrimSpace(t))
		}
	}
	return strings.Join(parts, " · ")
}

// resize keeps a width the user dragged (never below the header's longest word).
func (s *ColSizer) resize(col int, width float32) {
	s.user[col] = max(width, s.Cols[col].head)
	s.apply(s.avail, true)
	s.table.Refresh()
}

// FitTable is a widget.Table whose column borders in the header row can be dragged: Fyne 2.7
// resizes a column from there; the sizer keeps the width, also when the window changes size.
type FitTable struct {
	widget.Table
	sizer  *ColSizer
	Heads  map[fyne.CanvasObject]int // header cells as drawn → their column
	drag   int
	startX float32
	startW float32
}

func NewFitTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *FitTable {
	t := &FitTable{drag: -1, Heads: map[fyne.CanvasObject]int{}}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// HeaderShown records which column a recycled header cell shows now.
func (t *FitTable) HeaderShown(o fyne.CanvasObject, col int) { t.Heads[o] = col }

// MouseDown starts a column resize when the pointer is on a column border in the header.
func (t *FitTable) MouseDown(e *desktop.MouseEvent) {
	t.Table.MouseDown(e)
	t.drag = -1
	if t.sizer == nil || t.Cursor() != desktop.HResizeCursor {
		return
	}
	d := fyne.CurrentApp().Driver()
	best := theme.Padding() * 2
	for o, col := range t.Heads {
		if !o.Visible() || col < 0 || col >= len(t.sizer.Widths) {
			continue
		}
		right := d.AbsolutePositionForObject(o).X + o.Size().Width
		if dist := max(right-e.AbsolutePosition.X, e.AbsolutePosition.X-right); dist <= best {
			best, t.drag = dist, col
		}
	}
	if t.drag >= 0 {
		t.startX, t.startW = e.AbsolutePosition.X, t.sizer.Widths[t.drag]
	}
}

// Dragged widens or narrows the column being resized.
func (t *FitTable) Dragged(e *fyne.DragEvent) {
	if t.drag < 0 {
		t.Table.Dragged(e)
		return
	}
	t.sizer.resize(t.drag, t.startW+e.AbsolutePosition.X-t.startX)
}

// DragEnd ends a resize.
func (t *FitTable) DragEnd() {
	t.drag = -1
	t.Table.DragEnd()
}

// SizedLayout gives a table (and a least-size rectangle under it) all of its space and fits
// the columns to the width; after (may be nil) runs when the widths changed.
type SizedLayout struct {
	S     *ColSizer
	After func()
}

func (l SizedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return StackMinSize(objs) }

func (l SizedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	changed := l.S.apply(size.Width, false)
	Stack(objs, size)
	if changed {
		if l.After != nil {
			l.After()
		}
		l.S.table.Refresh() // cells that stayed visible shorten their texts to the new widths
	}
}
