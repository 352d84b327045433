package steps

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/ui/raci"
)

// Column sizing shared by the tables of the steps: widths from the content and the width
// available, widths the user dragged at the header's column borders kept, header titles wrapped
// at word boundaries, and the full text of the cells that had to be cut named for the selected
// row.

// maxNatural caps the width a column asks for, so one long note does not push the other
// columns out of view.
const maxNatural = 360

// sizedCol describes a column for the sizer.
type sizedCol struct {
	title string  // translated header
	least float32 // the width the column definition asks for at least
	grow  float32 // share of the width left over
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
func shareWidths(cols []sizedCol, natural []float32, user map[int]float32, avail float32) []float32 {
	n := len(cols)
	want := make([]float32, n)
	floor := make([]float32, n)
	var sumWant, sumFloor, grow float32
	free := 0
	for i, c := range cols {
		w := max(natural[i], c.head, min(c.full, maxHeadLine))
		if natural[i] == 0 {
			w = max(w, c.least) // nothing measured (yet): the definition's width
		}
		f := max(c.head, min(minCol, w))
		if c.whole {
			f = w
		}
		if u, ok := user[i]; ok {
			w, f = u, u
		} else {
			grow += c.grow
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
				out[i] += float32(int(extra * c.grow / grow))
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

// colSizer sizes the columns of one table.
type colSizer struct {
	table   *fitTable
	cols    []sizedCol
	natural []float32
	user    map[int]float32
	widths  []float32
	avail   float32
	// headExtra is room a header needs beside its text (a sort arrow).
	headExtra float32
	lines     int // lines of the tallest header
	fitter    textFitter
}

// newColSizer sizes the columns of t; headExtra is room each header needs beside its text.
func newColSizer(t *fitTable, cols []sizedCol, headExtra float32) *colSizer {
	s := &colSizer{table: t, cols: cols, natural: make([]float32, len(cols)), user: map[int]float32{},
		widths: make([]float32, len(cols)), lines: 1, headExtra: headExtra}
	t.sizer = s
	for i, c := range cols {
		s.cols[i].head = ceil(s.headerPiece(c.title))
		s.cols[i].full = ceil(s.textWidth(c.title, true) + headExtra)
	}
	return s
}

// textWidth is the width a cell needs for text in the regular or bold style, padding included.
func (s *colSizer) textWidth(text string, bold bool) float32 {
	var w float32
	st := fyne.TextStyle{Bold: bold}
	for _, r := range text {
		w += s.fitter.advance(r, st)
	}
	return w + 2*theme.InnerPadding()
}

// headerPiece is the least width of a header: its longest word, or for a word wider than
// maxHeadWord the widest line of the word broken at its syllables.
func (s *colSizer) headerPiece(title string) float32 {
	var w float32
	for _, line := range raci.WrapHeader(title, maxHeadWord, s.measureBold) {
		w = max(w, s.measureBold(line))
	}
	return w + 2*theme.InnerPadding() + s.headExtra
}

// maxHeadWord is the widest header word kept whole; longer compounds break at their syllables.
const maxHeadWord = 110

func (s *colSizer) measureBold(t string) float32 {
	return s.textWidth(t, true) - 2*theme.InnerPadding()
}

// measure sets each column's natural width from the texts of up to 400 rows (text(row, col);
// "" for a column without text) and lays the columns out again.
func (s *colSizer) measure(rows int, text func(row, col int) string) {
	for c := range s.cols {
		s.natural[c] = 0
	}
	for r := 0; r < min(rows, 400); r++ {
		for c := range s.cols {
			if t := text(r, c); t != "" {
				s.natural[c] = max(s.natural[c], min(ceil(s.textWidth(oneLine(t), false)), maxNatural))
			}
		}
	}
	s.apply(s.avail, true)
}

// apply shares width among the columns and sets the widths and the header's height; true when
// something changed.
func (s *colSizer) apply(width float32, force bool) bool {
	if width == s.avail && !force {
		return false
	}
	s.avail = width
	gaps := theme.Padding()*float32(len(s.cols)) + theme.ScrollBarSize()
	widths := shareWidths(s.cols, s.natural, s.user, width-gaps)
	changed := false
	lines := 1
	for i, w := range widths {
		if w != s.widths[i] {
			s.widths[i] = w
			s.table.SetColumnWidth(i, w)
			changed = true
		}
		lines = max(lines, len(s.headerLines(i)))
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

// headerLines is the title of column col broken at word boundaries to the column's width.
func (s *colSizer) headerLines(col int) []string {
	avail := s.widths[col] - 2*theme.InnerPadding() - s.headExtra
	return raci.WrapHeader(s.cols[col].title, avail, s.measureBold)
}

// header is the title of column col as the header shows it.
func (s *colSizer) header(col int) string { return strings.Join(s.headerLines(col), "\n") }

// cut is true when text does not fit column col.
func (s *colSizer) cut(text string, col int) bool {
	return text != "" && s.textWidth(oneLine(text), false) > s.widths[col]
}

// detailView is the detail line under a table: at most two lines high (more scrolls), hidden
// while nothing is cut.
func detailView(l *widget.Label) fyne.CanvasObject {
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	sc := container.NewVScroll(l)
	lh := fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height
	sc.SetMinSize(fyne.NewSize(100, 2*lh+2*theme.InnerPadding()))
	sc.Hide()
	return sc
}

// showDetail puts text into the detail line and shows it only when there is text.
func showDetail(l *widget.Label, box fyne.CanvasObject, text string) {
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

// details names the full text of every cut cell of a row: "Title: text · Title: text".
func (s *colSizer) details(text func(col int) string) string {
	var parts []string
	for c, col := range s.cols {
		if t := text(c); s.cut(t, c) {
			parts = append(parts, col.title+": "+strings.TrimSpace(t))
		}
	}
	return strings.Join(parts, " · ")
}

// resize keeps a width the user dragged (never below the header's longest word).
func (s *colSizer) resize(col int, width float32) {
	s.user[col] = max(width, s.cols[col].head)
	s.apply(s.avail, true)
	s.table.Refresh()
}

// fitTable is a widget.Table whose column borders in the header row can be dragged: Fyne 2.7
// resizes a column from there; the sizer keeps the width, also when the window changes size.
type fitTable struct {
	widget.Table
	sizer  *colSizer
	heads  map[fyne.CanvasObject]int // header cells as drawn → their column
	drag   int
	startX float32
	startW float32
}

func newFitTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *fitTable {
	t := &fitTable{drag: -1, heads: map[fyne.CanvasObject]int{}}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// headerShown records which column a recycled header cell shows now.
func (t *fitTable) headerShown(o fyne.CanvasObject, col int) { t.heads[o] = col }

// MouseDown starts a column resize when the pointer is on a column border in the header.
func (t *fitTable) MouseDown(e *desktop.MouseEvent) {
	t.Table.MouseDown(e)
	t.drag = -1
	if t.sizer == nil || t.Cursor() != desktop.HResizeCursor {
		return
	}
	d := fyne.CurrentApp().Driver()
	best := theme.Padding() * 2
	for o, col := range t.heads {
		if !o.Visible() || col < 0 || col >= len(t.sizer.widths) {
			continue
		}
		right := d.AbsolutePositionForObject(o).X + o.Size().Width
		if dist := max(right-e.AbsolutePosition.X, e.AbsolutePosition.X-right); dist <= best {
			best, t.drag = dist, col
		}
	}
	if t.drag >= 0 {
		t.startX, t.startW = e.AbsolutePosition.X, t.sizer.widths[t.drag]
	}
}

// Dragged widens or narrows the column being resized.
func (t *fitTable) Dragged(e *fyne.DragEvent) {
	if t.drag < 0 {
		t.Table.Dragged(e)
		return
	}
	t.sizer.resize(t.drag, t.startW+e.AbsolutePosition.X-t.startX)
}

// DragEnd ends a resize.
func (t *fitTable) DragEnd() {
	t.drag = -1
	t.Table.DragEnd()
}

// sizedLayout gives a table (and a least-size rectangle under it) all of its space and fits
// the columns to the width; after (may be nil) runs when the widths changed.
type sizedLayout struct {
	s     *colSizer
	after func()
}

func (l sizedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var sz fyne.Size
	for _, o := range objs {
		sz = sz.Max(o.MinSize())
	}
	return sz
}

func (l sizedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	changed := l.s.apply(size.Width, false)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if changed {
		if l.after != nil {
			l.after()
		}
		l.s.table.Refresh() // cells that stayed visible shorten their texts to the new widths
	}
}
