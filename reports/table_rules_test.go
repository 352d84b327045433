package reports

import (
	"io"
	"strings"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/internal/pdftest"
	"schulit-lotse/reports/pdfkit"
)

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
	s := pdftest.Sample(t)
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
			opt := Options{Date: fixedDate, OnCell: func(text string, lines []string) {
				cells++
				pdftest.CheckUnbroken(t, name+", "+report, text, lines)
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

// pagesOf writes a report built by fill and returns its pages' text.

func rowsTableTmp(n int) pdfkit.Table {
	return pdfkit.Table{Columns: []pdfkit.Column{{Title: "Zeile", Width: 1}, {Title: "Wert", Width: 1}}, Rows: pdftest.Rows(n)}
}

// filler moves the cursor down to leave left millimetres above the page's bottom.

func TestHeadingStaysWithItsTable(t *testing.T) {
	p := glanceProject()
	saved := sections
	t.Cleanup(func() { sections = saved })
	// The first table's length moves the second heading down the page; at some lengths it
	// falls at the page's foot and its table would start on the next page.
	moved := 0
	for n := 20; n <= 40; n += 2 {
		sections = []section{{Step: 1, Has: func(*domain.Project) bool { return true }, Write: func(r *pdfkit.Report, _ *domain.Project) {
			r.Section(1, "Probe")
			r.Subsection("Erste Tabelle")
			r.Table(rowsTableTmp(n))
			r.Subsection("Zweite Tabelle")
			r.Paragraph("Ein Satz vor der Tabelle.")
			r.Table(rowsTableTmp(6))
		}}}
		path, _ := writeReport(t, p)
		pages := pdftest.PageTexts(t, path, false)
		// The probe's pages end where the closing chapter "Widersprüche und offene Punkte" begins.
		for i, pg := range pages {
			if strings.Contains(pdftest.Squash(pg), "Widersprüche und offene Punkte Das Programm") {
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
	sections = []section{{Step: 1, Has: func(*domain.Project) bool { return true }, Write: func(r *pdfkit.Report, _ *domain.Project) {
		r.Section(1, "Probe")
		r.Subsection(long)
		r.Paragraph("Text.")
	}}}
	path, _ := writeReport(t, glanceProject())
	toc := pdftest.Squash(pdftest.PageText(t, path, 3))
	if !strings.Contains(toc, "Inhalt") || !strings.Contains(toc, long) {
		t.Errorf("the contents do not hold the whole title:\n%s", toc)
	}
}
