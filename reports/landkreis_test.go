package reports

import (
	"io"
	"testing"

	"schulit-lotse/domain/demo"
	"schulit-lotse/reports/internal/pdftest"
)

// A Landkreis (120 schools, 1,500 tasks, 40 packages, 25 roles × 80 activities) gets a
// Gesamtbericht of at most 120 pages and a Kurzfassung of at most 40. The monitoring data are
// thinned: the step-12 section summarises them and does not list them.
func TestLandkreisReportsStayShort(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a Landkreis")
	}
	sizes, _ := demo.SizesOf(demo.Landkreis)
	sizes.Tickets, sizes.Calls, sizes.Answers = 3000, 3000, 500
	p := demo.GenerateSizes(sizes, demo.Options{Seed: demo.DefaultSeed})
	for _, c := range []struct {
		name  string
		write func(io.Writer) error
		max   int
	}{
		{"gesamt", func(w io.Writer) error { return WriteGesamtbericht(w, p, Options{Date: fixedDate}) }, 120},
		{"kurz", func(w io.Writer) error { return WriteKurzfassung(w, p, Options{Date: fixedDate}) }, 40},
	} {
		path := pdftest.WritePDF(t, c.write)
		if n := pdftest.PageCount(t, path); n > c.max {
			t.Errorf("%s: %d pages, at most %d", c.name, n, c.max)
		} else {
			t.Logf("%s: %d pages", c.name, n)
		}
	}
}
