package pdfkit

import (
	"io"
	"strings"
	"testing"

	"schulit-lotse/reports/internal/pdftest"
)

func TestWrapKeepsTokensAndSplitsLongWordsWithAHyphen(t *testing.T) {
	r := NewReport("Test", fixedDate)
	r.NewPage(Portrait)
	r.SetFont("", TableSize)
	// 18 mm hold about ten characters: the amount is wider but stays whole.
	lines := r.wrap(glue("Summe 3.421.656,80 € am 13.04.2027"), 18)
	pdftest.CheckUnbroken(t, "wrap", "Summe 3.421.656,80 € am 13.04.2027", lines)
	for _, l := range lines {
		if strings.HasSuffix(l, "-") {
			t.Errorf("a number or date was hyphenated: %q", lines)
		}
	}
	long := r.wrap("Medienentwicklungsplanfortschreibung", 18)
	if len(long) < 2 || !strings.HasSuffix(long[0], "-") || strings.Join(long, "") == "Medienentwicklungsplanfortschreibung" {
		t.Errorf("a long word should be split with a hyphen: %q", long)
	}
	if got := strings.ReplaceAll(strings.Join(long, ""), "-", ""); got != "Medienentwicklungsplanfortschreibung" {
		t.Errorf("split word loses letters: %q", long)
	}
	// Long words divide between syllables (German hyphenation), not wherever the line ends:
	// "Vorzeitrau-m" and "Medienentwicklungspla-n" were cuts of the old wrap.
	for _, w := range []struct {
		word  string
		width float64
		heads []string // allowed first lines
	}{
		{"Vorzeitraum", 16, []string{"Vor-", "Vorzeit-"}},
		{"Medienentwicklungsplan", 30, []string{"Medien-", "Medienent-", "Medienentwick-", "Medienentwicklungs-"}},
		{"Rahmenvertragsverlängerung", 28, []string{"Rahmen-", "Rahmenver-", "Rahmenvertrags-"}},
	} {
		got := r.wrap(w.word, w.width)
		ok := false
		for _, h := range w.heads {
			ok = ok || got[0] == h
		}
		if !ok || len(got) < 2 {
			t.Errorf("%s in %.0f mm: %q, want a first line of %q", w.word, w.width, got, w.heads)
		}
	}
	// A word of six letters or fewer is never split, however narrow the line.
	if short := r.wrap("Drucker Toner", 6); len(short) != 2 || short[1] != "Toner" {
		t.Errorf("short words split: %q", short)
	}
	// A hyphenated compound breaks at its own hyphen.
	if hy := r.wrap("Hardware-Wartungsvertrag", 38); len(hy) != 2 || hy[0] != "Hardware-" {
		t.Errorf("compound not broken at its hyphen: %q", hy)
	}
}

func TestColumnsWidenForTheirNumbers(t *testing.T) {
	r := NewReport("Test", fixedDate)
	r.NewPage(Portrait)
	// The author's shares give the amount column 2 % of 170 mm = 3,4 mm; it needs about 20.
	tbl := Table{Columns: []Column{{Title: "Text", Width: 98}, {Title: "Betrag", Width: 2, Align: AlignRight}},
		Rows: [][]string{{strings.Repeat("lang ", 40), "3.421.656,80 €"}}}
	lay := r.layoutTable(tbl)
	r.SetFont("", TableSize)
	need := r.pdf.GetStringWidth("3.421.656,80\u00a0€") + 2*CellMargin
	if lay.widths[1] < need {
		t.Errorf("amount column %.1f mm, needs %.1f", lay.widths[1], need)
	}
	if sum := lay.widths[0] + lay.widths[1]; sum < r.Width()-0.01 || sum > r.Width()+0.01 {
		t.Errorf("widths sum to %.2f, the page is %.2f wide", sum, r.Width())
	}
}

func TestAmountsKeepTheirWidthBesideManyLongWords(t *testing.T) {
	r := NewReport("Test", fixedDate)
	r.NewPage(Portrait)
	// Six columns of long words need more than the page even at a third of it each; the
	// amount and the date still get their full width, the long words divide.
	tbl := Table{}
	row := []string{}
	for i := 0; i < 6; i++ {
		tbl.Columns = append(tbl.Columns, Column{Title: "Text", Width: 1})
		row = append(row, "Medienentwicklungsplanfortschreibungsvorlage")
	}
	tbl.Columns = append(tbl.Columns, Column{Title: "Betrag", Width: 1}, Column{Title: "Datum", Width: 1})
	tbl.Rows = [][]string{append(row, "3.421.656,80 €", "13.04.2027")}
	lay := r.layoutTable(tbl)
	r.SetFont("", TableSize)
	for i, tok := range []string{"3.421.656,80\u00a0€", "13.04.2027"} {
		if need := r.pdf.GetStringWidth(tok) + 2*CellMargin; lay.widths[6+i] < need {
			t.Errorf("%s: column %.1f mm, needs %.1f", tok, lay.widths[6+i], need)
		}
	}
	var sum float64
	for _, w := range lay.widths {
		sum += w
	}
	if sum < r.Width()-0.01 || sum > r.Width()+0.01 {
		t.Errorf("widths sum to %.2f, the page is %.2f wide", sum, r.Width())
	}
}

// pagesOf writes a report built by fill and returns its pages' text.
func pagesOf(t *testing.T, fill func(r *Report)) []string {
	t.Helper()
	return pdftest.PDFPages(t, func(w io.Writer) error {
		r := NewReport("Test", fixedDate)
		r.NewPage(Portrait)
		fill(r)
		return r.Output(w)
	})
}

// filler moves the cursor down to leave left millimetres above the page's bottom.
func filler(r *Report, left float64) { r.pdf.SetY(r.Bottom() - left) }

func TestShortTableIsNotSplit(t *testing.T) {
	pages := pagesOf(t, func(r *Report) {
		filler(r, 30) // room for the header and about three rows of 8
		r.Table(rowsTable(8))
	})
	if strings.Contains(pages[0], "Zeile-01") || !strings.Contains(pages[1], "Zeile-01") || !strings.Contains(pages[1], "Zeile-08") {
		t.Errorf("a table of 8 rows was split:\n%q", pages)
	}
}

func TestNoPageHoldsOnlyOneOrTwoRows(t *testing.T) {
	tbl := rowsTable(40)
	pages := pagesOf(t, func(r *Report) {
		// Find the start at which the table's natural break would leave one row for the next
		// page: the rows are all equally tall, so 39 rows under the header must fit exactly.
		lay := r.layoutTable(tbl)
		rowH := lay.lh + 2*CellPad
		filler(r, lay.headH+39*rowH+0.5)
		r.Table(tbl)
	})
	if len(pages) != 2 {
		t.Fatalf("%d pages", len(pages))
	}
	n := strings.Count(pages[1], "Zeile-")
	if n < minRowsAfterBreak {
		t.Errorf("the last page holds %d rows; at least %d must go together", n, minRowsAfterBreak)
	}
	if n+strings.Count(pages[0], "Zeile-") != 40 {
		t.Errorf("rows lost or doubled")
	}
}

func rowsTable(n int) Table {
	return Table{Columns: []Column{{Title: "Zeile", Width: 1}, {Title: "Wert", Width: 1}}, Rows: pdftest.Rows(n)}
}
