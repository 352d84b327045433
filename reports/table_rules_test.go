package reports

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/internal/sample"
)

// protectedToken is what a line may never break inside: amounts with their currency, numbers
// with their unit, dates and plain numbers with separators.
var protectedToken = regexp.MustCompile(`\d{1,3}(?:\.\d{3})*(?:,\d+)?[ \x{00a0}](?:€|%|h\b|VZÄ)|\d{2}\.\d{2}\.\d{4}|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+`)

// checkUnbroken asserts that every protected token of a cell stands whole on one of its lines.
func checkUnbroken(t *testing.T, where, text string, lines []string) {
	t.Helper()
	norm := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	joined := make([]string, len(lines))
	for i, l := range lines {
		joined[i] = norm(l)
	}
	for _, tok := range protectedToken.FindAllString(norm(text), -1) {
		whole := false
		for _, l := range joined {
			if strings.Contains(l, tok) {
				whole = true
				break
			}
		}
		if !whole {
			t.Errorf("%s: %q is broken across lines %q", where, tok, lines)
		}
	}
}

// longTextProject is the seed project with amounts, dates and long words in narrow columns.
func longTextProject() *domain.Project {
	p := glanceProject()
	manyTasks(p, 60)
	for i := range p.Tasks {
		p.Tasks[i].Note += " Rahmenvertrag bis 13.04.2027 über 3.421.656,80 € (Medienentwicklungsplanfortschreibung, Vorzeitraum)."
	}
	p.PackageByID(12).ExternalMonthlyFee = 285138.07 // 3.421.656,84 € a year
	return p
}

func TestNoLineBreaksInsideNumbersDatesOrAmounts(t *testing.T) {
	s, err := sample.Project()
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]func(io.Writer, *domain.Project, Options) error{
		"Gesamtbericht": WriteGesamtbericht,
		"Kurzfassung":   WriteKurzfassung,
		"Monitoring": func(w io.Writer, p *domain.Project, opt Options) error {
			return WriteMonitoring(w, p, kpi.DefaultPeriod(p, p.Meta.CreatedAt), opt)
		},
	}
	for name, p := range map[string]*domain.Project{"sample": s, "long text": longTextProject()} {
		for report, write := range writers {
			cells := 0
			opt := Options{Date: fixedDate, onCell: func(text string, lines []string) {
				cells++
				checkUnbroken(t, name+", "+report, text, lines)
			}}
			if err := write(io.Discard, p, opt); err != nil {
				t.Fatalf("%s, %s: %v", name, report, err)
			}
			if cells < 20 {
				t.Errorf("%s, %s: only %d cells seen; the hook is not called", name, report, cells)
			}
		}
	}
}

func TestWrapKeepsTokensAndSplitsLongWordsWithAHyphen(t *testing.T) {
	r := newReport("Test", fixedDate)
	r.NewPage(Portrait)
	r.setFont("", tableSize)
	// 18 mm hold about ten characters: the amount is wider but stays whole.
	lines := r.wrap(glue("Summe 3.421.656,80 € am 13.04.2027"), 18)
	checkUnbroken(t, "wrap", "Summe 3.421.656,80 € am 13.04.2027", lines)
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
	r := newReport("Test", fixedDate)
	r.NewPage(Portrait)
	// The author's shares give the amount column 2 % of 170 mm = 3,4 mm; it needs about 20.
	tbl := Table{Columns: []Column{{Title: "Text", Width: 98}, {Title: "Betrag", Width: 2, Align: AlignRight}},
		Rows: [][]string{{strings.Repeat("lang ", 40), "3.421.656,80 €"}}}
	lay := r.layoutTable(tbl)
	r.setFont("", tableSize)
	need := r.pdf.GetStringWidth("3.421.656,80\u00a0€") + 2*cellMargin
	if lay.widths[1] < need {
		t.Errorf("amount column %.1f mm, needs %.1f", lay.widths[1], need)
	}
	if sum := lay.widths[0] + lay.widths[1]; sum < r.Width()-0.01 || sum > r.Width()+0.01 {
		t.Errorf("widths sum to %.2f, the page is %.2f wide", sum, r.Width())
	}
}

func TestAmountsKeepTheirWidthBesideManyLongWords(t *testing.T) {
	r := newReport("Test", fixedDate)
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
	r.setFont("", tableSize)
	for i, tok := range []string{"3.421.656,80\u00a0€", "13.04.2027"} {
		if need := r.pdf.GetStringWidth(tok) + 2*cellMargin; lay.widths[6+i] < need {
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
	r := newReport("Test", fixedDate)
	r.NewPage(Portrait)
	fill(r)
	var buf bytes.Buffer
	if err := r.output(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return pageTexts(t, path, false)
}

func rowsTable(n int) Table {
	tbl := Table{Columns: []Column{{Title: "Zeile", Width: 1}, {Title: "Wert", Width: 1}}}
	for i := 1; i <= n; i++ {
		tbl.Rows = append(tbl.Rows, []string{fmt.Sprintf("Zeile-%02d", i), "x"})
	}
	return tbl
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
		rowH := lay.lh + 2*cellPad
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

func TestHeadingStaysWithItsTable(t *testing.T) {
	p := glanceProject()
	saved := sections
	t.Cleanup(func() { sections = saved })
	// The first table's length moves the second heading down the page; at some lengths it
	// falls at the page's foot and its table would start on the next page.
	moved := 0
	for n := 20; n <= 40; n += 2 {
		sections = []section{{Step: 1, Has: func(*domain.Project) bool { return true }, Write: func(r *Report, _ *domain.Project) {
			r.Section(1, "Probe")
			r.Subsection("Erste Tabelle")
			r.Table(rowsTable(n))
			r.Subsection("Zweite Tabelle")
			r.Paragraph("Ein Satz vor der Tabelle.")
			r.Table(rowsTable(6))
		}}}
		path, _ := writeReport(t, p)
		pages := pageTexts(t, path, false)
		// The probe's pages end where the closing chapter "Widersprüche und offene Punkte" begins.
		for i, pg := range pages {
			if strings.Contains(squash(pg), "Widersprüche und offene Punkte Das Programm") {
				pages = pages[:i]
				break
			}
		}
		// The Roter Faden follows the steps on pages of its own.
		for len(pages) > 1 && strings.Contains(strings.Join(pages[len(pages)-1:], ""), "Roter Faden") {
			pages = pages[:len(pages)-1]
		}
		for i, pg := range pages {
			if !strings.Contains(pg, "Ein Satz vor der Tabelle.") {
				continue
			}
			// The six rows repeat Zeile-01 … Zeile-06; the heading's page shows all of them.
			if !strings.Contains(pg, "Zeile-06") || strings.Count(pg, "Zeile-06") < 1 || !strings.Contains(pg, "Zweite Tabelle") {
				t.Errorf("first table of %d rows: page %d holds the heading without its table:\n%s", n, i+1, pg)
			}
			if i == len(pages)-1 && strings.Count(strings.Join(pages[:i], ""), "Zeile-") == n {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("no length put the second heading on a new page: the test proves nothing")
	}
}

func TestLongTitlesWrapInTheContents(t *testing.T) {
	saved := sections
	t.Cleanup(func() { sections = saved })
	long := "Vor-Ort-Support Region Nord – an Schultagen – Aufgabenpaket „Vor-Ort-Support Region Nord“"
	sections = []section{{Step: 1, Has: func(*domain.Project) bool { return true }, Write: func(r *Report, _ *domain.Project) {
		r.Section(1, "Probe")
		r.Subsection(long)
		r.Paragraph("Text.")
	}}}
	path, _ := writeReport(t, glanceProject())
	toc := squash(pageText(t, path, 3))
	if !strings.Contains(toc, "Inhalt") || !strings.Contains(toc, long) {
		t.Errorf("the contents do not hold the whole title:\n%s", toc)
	}
}
