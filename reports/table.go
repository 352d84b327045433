package reports

import "math"

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
}

// cellPad is the space above and below a row's text.
const cellPad = 1.2

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
	lay := r.layoutTable(t)
	if lay.headH > (r.Bottom()-r.Top())/3 {
		r.pdf.SetErrorf("table header too tall (%.0f mm)", lay.headH)
		return
	}
	// The header never stands alone at the bottom of a page.
	r.EnsureSpace(lay.headH + lay.lh + 2*cellPad)
	r.tableHeader(lay)
	r.setFont("", tableSize)
	for i, row := range t.Rows {
		var fill *Color
		if t.RowFill != nil {
			if c, ok := t.RowFill(i); ok {
				fill = &c
			}
		}
		if fill == nil && t.Zebra && i%2 == 1 {
			fill = &colorZebra
		}
		r.tableRow(lay, r.cells(lay, row), fill, "")
		if r.pdf.Err() {
			return
		}
	}
	if len(t.Foot) > 0 {
		r.setFont("B", tableSize)
		for _, row := range t.Foot {
			r.tableRow(lay, r.cells(lay, row), &colorFootFill, "B")
		}
	}
	r.pdf.SetXY(r.Left(), r.pdf.GetY())
	r.Gap(4)
}

func (r *Report) layoutTable(t Table) tableLayout {
	n := len(t.Columns)
	lay := tableLayout{widths: make([]float64, n), aligns: make([]string, n), head: make([][]string, n), lh: lineHeight(tableSize)}
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
	r.setFont("B", tableSize)
	lines := 1
	for i, c := range t.Columns {
		lay.head[i] = r.split(clean(c.Title, true), lay.widths[i])
		lines = max(lines, len(lay.head[i]))
	}
	lay.headH = float64(lines)*lay.lh + 2*cellPad
	return lay
}

// cells wraps a row's text per column in the current font; missing cells are empty, extra ones dropped.
func (r *Report) cells(lay tableLayout, row []string) [][]string {
	out := make([][]string, len(lay.widths))
	for i := range out {
		text := ""
		if i < len(row) {
			text = clean(row[i], true)
		}
		out[i] = r.split(text, lay.widths[i])
	}
	return out
}

func (r *Report) tableHeader(lay tableLayout) {
	r.setFont("B", tableSize)
	n := 0
	for _, h := range lay.head {
		n = max(n, len(h))
	}
	r.rowChunk(lay, lay.head, 0, n, &colorHeadFill)
}

// tableBreak continues the table on a new page, header first.
func (r *Report) tableBreak(lay tableLayout, style string) {
	r.NewPage(r.orientation)
	r.tableHeader(lay)
	r.setFont(style, tableSize)
}

// tableRow draws one row: on this page if it fits, else on the next; a row taller than a fresh
// page is split across pages. Every pass of the loop draws at least one line or, once, breaks
// the page, so it always ends.
func (r *Report) tableRow(lay tableLayout, cells [][]string, fill *Color, style string) {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	h := float64(n)*lay.lh + 2*cellPad
	fresh := r.Bottom() - r.Top() - lay.headH
	minSplit := 3 * lay.lh // do not start a split row with a sliver at the page end
	if r.pdf.GetY()+h > r.Bottom() && (h <= fresh || r.pdf.GetY()+minSplit+2*cellPad > r.Bottom()) {
		r.tableBreak(lay, style)
	}
	justBroke := false
	for start := 0; start < n; {
		avail := int(math.Floor((r.Bottom()-r.pdf.GetY()-2*cellPad)/lay.lh + 1e-9))
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
	h := float64(k)*lay.lh + 2*cellPad
	x := r.Left()
	pdf.SetDrawColor(colorBorder.R, colorBorder.G, colorBorder.B)
	pdf.SetLineWidth(0.15)
	r.setText(colorText)
	for i, w := range lay.widths {
		style := "D"
		if fill != nil {
			pdf.SetFillColor(fill.R, fill.G, fill.B)
			style = "FD"
		}
		pdf.Rect(x, y, w, h, style)
		for j := 0; j < k && start+j < len(cells[i]); j++ {
			pdf.SetXY(x, y+cellPad+float64(j)*lay.lh)
			pdf.CellFormat(w, lay.lh, cells[i][start+j], "", 0, lay.aligns[i], false, 0, "")
		}
		x += w
	}
	pdf.SetXY(r.Left(), y+h)
}
