package pdfkit

import (
	"math"
	"sort"
)

// Align is a column's horizontal text alignment.
type Align string

const (
	AlignLeft   Align = "L"
	AlignCenter Align = "C"
	AlignRight  Align = "R"
)

// Column of a Table.
type Column struct {
	Title string
	// Width is the column's share of the usable page width; shares are normalised, so
	// 3/2/5 and 30/20/50 give the same table in portrait and in landscape.
	Width float64
	Align Align
}

// Table is a grid of text. Cells wrap at word boundaries (or inside a word longer than the
// column); rows break across pages with the header row repeated, and a row taller than a whole
// page is split line by line. Cell text may be user text: it is cleaned.
type Table struct {
	Columns []Column
	Rows    [][]string
	// Foot rows follow the rows in bold on a light background, e.g. totals.
	Foot [][]string
	// Zebra shades every second row.
	Zebra bool
	// RowFill, when set, colours a row's background (e.g. by status); ok=false keeps the default.
	RowFill func(row int) (c Color, ok bool)
	// Cap, when above zero, shows only the first Cap rows of a longer list (the foot still
	// sums all of them); CapNote, a translation key with {{.Count}}, then says how many are
	// left out and where the full list is.
	Cap     int
	CapNote string
}

// CellPad is the space above and below a row's text.
const CellPad = 1.2

type tableLayout struct {
	widths []float64
	aligns []string
	head   [][]string
	headH  float64
	lh     float64
}

// Table writes t at the cursor (full width of the current page) and leaves the cursor below it.
func (r *Report) Table(t Table) {
	if len(t.Columns) == 0 || r.pdf.Err() {
		return
	}
	left := 0
	if t.Cap > 0 && len(t.Rows) > t.Cap {
		left = len(t.Rows) - t.Cap
		t.Rows = t.Rows[:t.Cap]
	}
	defer func() {
		if left > 0 && t.CapNote != "" {
			r.Note(TrCount(t.CapNote, left))
		}
	}()
	lay := r.layoutTable(t)
	if lay.headH > (r.Bottom()-r.Top())/3 {
		r.pdf.SetErrorf("table header too tall (%.0f mm)", lay.headH)
		return
	}
	// Rows and foot rows wrapped first: their heights decide where the page breaks.
	r.SetFont("", TableSize)
	all := make([][][]string, 0, len(t.Rows)+len(t.Foot))
	for _, row := range t.Rows {
		all = append(all, r.cells(lay, row))
	}
	r.SetFont("B", TableSize)
	for _, row := range t.Foot {
		all = append(all, r.cells(lay, row))
	}
	heights := make([]float64, len(all))
	for i, c := range all {
		n := 1
		for _, lines := range c {
			n = max(n, len(lines))
		}
		heights[i] = float64(n)*lay.lh + 2*CellPad
	}
	fresh := r.Bottom() - r.Top()
	first := lay.headH
	for i := 0; i < min(len(heights), shortTable); i++ {
		first += heights[i]
	}
	start := first // a short table is not split: all of it on this page or the next
	if len(all) > shortTable || first > fresh {
		// The header never stands alone: it comes with the first rows (or as many as fit a page).
		start = lay.headH
		for i := 0; i < min(len(heights), minRowsAfterBreak); i++ {
			start += heights[i]
		}
		start = min(start, fresh)
	}
	r.checkStranded(start)
	r.EnsureSpace(start)
	r.tableHeader(lay)
	planFrom := 0
	breakAt := r.planTableBreak(lay, heights, planFrom)
	page := r.pdf.PageNo()
	for i, cells := range all {
		style := ""
		if i >= len(t.Rows) {
			style = "B"
		}
		r.SetFont(style, TableSize)
		if i == breakAt && breakAt > planFrom {
			// A planned break; a row that does not fit even first on the page is tableRow's.
			r.tableBreak(lay, style)
		}
		if r.pdf.PageNo() != page {
			page, planFrom = r.pdf.PageNo(), i
			breakAt = r.planTableBreak(lay, heights, planFrom)
		}
		var fill *Color
		switch {
		case i >= len(t.Rows):
			fill = &ColorFootFill
		case t.RowFill != nil:
			if c, ok := t.RowFill(i); ok {
				fill = &c
			}
		}
		if fill == nil && t.Zebra && i%2 == 1 && i < len(t.Rows) {
			fill = &ColorZebra
		}
		r.tableRow(lay, cells, fill, style)
		if r.pdf.Err() {
			return
		}
		if r.pdf.PageNo() != page {
			page, planFrom = r.pdf.PageNo(), i+1
			breakAt = r.planTableBreak(lay, heights, planFrom)
		}
	}
	r.pdf.SetXY(r.Left(), r.pdf.GetY())
	r.Gap(4)
}

const (
	// shortTable is the number of rows up to which a table is kept on one page.
	shortTable = 8
	// minRowsAfterBreak is the fewest rows a page holds of a table that continues from, or on,
	// another page.
	minRowsAfterBreak = 3
)

// planTableBreak finds where the table, continuing with row from at the cursor, must break:
// the first row that does not fit, moved up so that the next page does not hold only a
// remainder of one or two rows. It returns len(heights) when the rest fits.
func (r *Report) planTableBreak(lay tableLayout, heights []float64, from int) int {
	y := r.pdf.GetY()
	j := from
	for j < len(heights) && y+heights[j] <= r.Bottom()+1e-6 {
		y += heights[j]
		j++
	}
	if j >= len(heights) {
		return len(heights)
	}
	if rest := len(heights) - j; rest < minRowsAfterBreak && j-from > minRowsAfterBreak {
		return len(heights) - minRowsAfterBreak
	}
	return j
}

func (r *Report) layoutTable(t Table) tableLayout {
	n := len(t.Columns)
	lay := tableLayout{widths: make([]float64, n), aligns: make([]string, n), head: make([][]string, n), lh: LineHeight(TableSize)}
	var sum float64
	for _, c := range t.Columns {
		if c.Width > 0 && !math.IsInf(c.Width, 0) {
			sum += c.Width
		}
	}
	for i, c := range t.Columns {
		share := 1 / float64(n)
		if sum > 0 {
			w := c.Width
			if w <= 0 || math.IsInf(w, 0) || math.IsNaN(w) {
				w = 0
			}
			share = w / sum
		}
		lay.widths[i] = share * r.Width()
		lay.aligns[i] = string(c.Align)
		if lay.aligns[i] == "" {
			lay.aligns[i] = string(AlignLeft)
		}
	}
	r.fitColumns(t, lay.widths)
	r.SetFont("B", TableSize)
	lines := 1
	for i, c := range t.Columns {
		lay.head[i] = r.wrap(cellText(c.Title), lay.widths[i])
		lines = max(lines, len(lay.head[i]))
	}
	lay.headH = float64(lines)*lay.lh + 2*CellPad
	return lay
}

// cellText is a cell's text as the table sets it: cleaned, numbers joined to their units.
func cellText(s string) string { return glue(Clean(s, true)) }

// fitColumns adjusts the columns' shares (widths, in mm, summing to the page width) to their
// content: no column is narrower than its widest word that must stay whole (numbers, amounts,
// dates, short words; long words count up to a third of the page), a column wider than its
// longest line gives the rest away, and what is left goes to the columns that still wrap.
func (r *Report) fitColumns(t Table, widths []float64) {
	n := len(widths)
	total := r.Width()
	soft := total / 3
	need := make([]float64, n)
	hard := make([]float64, n) // the words that must stay whole alone
	natural := make([]float64, n)
	measure := func(i int, text string) {
		need[i] = max(need[i], r.minWordWidth(text, soft))
		hard[i] = max(hard[i], r.minWordWidth(text, 0))
		natural[i] = max(natural[i], r.naturalWidth(text))
	}
	measureRows := func(rows [][]string) {
		for _, row := range rows {
			for i := 0; i < n && i < len(row); i++ {
				measure(i, cellText(row[i]))
			}
		}
	}
	r.SetFont("B", TableSize)
	for i, c := range t.Columns {
		measure(i, cellText(c.Title)) // a header on one line where there is room
	}
	measureRows(t.Foot)
	r.SetFont("", TableSize)
	measureRows(t.Rows)
	var needSum, hardSum float64
	for i := range need {
		need[i] += 2*CellMargin + 0.3
		hard[i] += 2*CellMargin + 0.3
		natural[i] = max(natural[i]+2*CellMargin+0.3, need[i])
		needSum += need[i]
		hardSum += hard[i]
	}
	if needSum > total {
		// Not every long word fits whole: numbers, dates and short words get their width
		// first; the rest is shared so that the columns lacking least ("Kritisch",
		// "vorrangig") get all they need and the longest words (which divide) share what is
		// left equally.
		if hardSum > total {
			for i := range widths {
				widths[i] = hard[i] / hardSum * total
			}
			return
		}
		order := make([]int, n)
		for i := range order {
			order[i] = i
			widths[i] = hard[i]
		}
		sort.SliceStable(order, func(a, b int) bool { return need[order[a]]-hard[order[a]] < need[order[b]]-hard[order[b]] })
		rest := total - hardSum
		for k, i := range order {
			share := rest / float64(n-k)
			give := min(need[i]-hard[i], share)
			widths[i] += give
			rest -= give
		}
		return
	}
	// A column wider than its longest line keeps only that (but at least its need).
	var spare float64
	for i := range widths {
		if widths[i] > natural[i] {
			spare += widths[i] - natural[i]
			widths[i] = natural[i]
		}
	}
	// Columns below their need take it from those with room above theirs.
	var deficit, room float64
	for i := range widths {
		if widths[i] < need[i] {
			deficit += need[i] - widths[i]
		} else {
			room += widths[i] - need[i]
		}
	}
	if deficit > 0 {
		fromSpare := min(deficit, spare)
		spare -= fromSpare
		rest := deficit - fromSpare
		for i := range widths {
			if widths[i] >= need[i] && room > 0 {
				widths[i] -= rest * (widths[i] - need[i]) / room
			}
		}
		for i := range widths {
			widths[i] = max(widths[i], need[i])
		}
	}
	// What is left goes to the columns that still wrap, in proportion to what they lack.
	var lack float64
	for i := range widths {
		lack += max(natural[i]-widths[i], 0)
	}
	for i := range widths {
		switch {
		case lack > 0:
			widths[i] += spare * max(natural[i]-widths[i], 0) / lack
		default:
			widths[i] += spare / float64(n)
		}
	}
}

// cells wraps a row's text per column in the current font; missing cells are empty, extra ones dropped.
func (r *Report) cells(lay tableLayout, row []string) [][]string {
	out := make([][]string, len(lay.widths))
	for i := range out {
		text := ""
		if i < len(row) {
			text = cellText(row[i])
		}
		out[i] = r.wrap(text, lay.widths[i])
		if r.OnCell != nil {
			r.OnCell(text, out[i])
		}
	}
	return out
}

func (r *Report) tableHeader(lay tableLayout) {
	r.SetFont("B", TableSize)
	n := 0
	for _, h := range lay.head {
		n = max(n, len(h))
	}
	r.rowChunk(lay, lay.head, 0, n, &ColorHeadFill)
}

// tableBreak continues the table on a new page, header first.
func (r *Report) tableBreak(lay tableLayout, style string) {
	r.NewPage(r.orientation)
	r.tableHeader(lay)
	r.SetFont(style, TableSize)
}

// tableRow draws one row: on this page if it fits, else on the next; a row taller than a fresh
// page is split across pages. Every pass of the loop draws at least one line or, once, breaks
// the page, so it always ends.
func (r *Report) tableRow(lay tableLayout, cells [][]string, fill *Color, style string) {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	h := float64(n)*lay.lh + 2*CellPad
	fresh := r.Bottom() - r.Top() - lay.headH
	minSplit := 3 * lay.lh // do not start a split row with a sliver at the page end
	if r.pdf.GetY()+h > r.Bottom() && (h <= fresh || r.pdf.GetY()+minSplit+2*CellPad > r.Bottom()) {
		r.tableBreak(lay, style)
	}
	justBroke := false
	for start := 0; start < n; {
		avail := int(math.Floor((r.Bottom()-r.pdf.GetY()-2*CellPad)/lay.lh + 1e-9))
		if avail < 1 {
			if justBroke {
				r.pdf.SetErrorf("page too small for one table line")
				return
			}
			r.tableBreak(lay, style)
			justBroke = true
			continue
		}
		k := min(avail, n-start)
		r.rowChunk(lay, cells, start, k, fill)
		start += k
		justBroke = false
		if start < n {
			r.tableBreak(lay, style)
			justBroke = true
		}
	}
}

// rowChunk draws lines [start, start+k) of every cell as one band of the table, in the current font.
func (r *Report) rowChunk(lay tableLayout, cells [][]string, start, k int, fill *Color) {
	pdf := r.pdf
	y := pdf.GetY()
	h := float64(k)*lay.lh + 2*CellPad
	x := r.Left()
	pdf.SetDrawColor(ColorBorder.R, ColorBorder.G, ColorBorder.B)
	pdf.SetLineWidth(0.15)
	r.SetText(ColorText)
	for i, w := range lay.widths {
		style := "D"
		if fill != nil {
			pdf.SetFillColor(fill.R, fill.G, fill.B)
			style = "FD"
		}
		pdf.Rect(x, y, w, h, style)
		for j := 0; j < k && start+j < len(cells[i]); j++ {
			pdf.SetXY(x, y+CellPad+float64(j)*lay.lh)
			pdf.CellFormat(w, lay.lh, cells[i][start+j], "", 0, lay.aligns[i], false, 0, "")
		}
		x += w
	}
	pdf.SetXY(r.Left(), y+h)
}
