package reports

import (
	"strings"
	"testing"

	"schulit-lotse/reports/internal/pdftest"
	"schulit-lotse/reports/pdfkit"
)

// The Gesamtbericht's "Roter Faden" of the sample: a row per package with the winning bid, the
// OLA of Software (kept in the house, its MDM tickets measured against it), the quarter's KPIs
// with their lights as words, and no contradiction.
func TestThreadSectionOfTheSample(t *testing.T) {
	p := pdftest.Sample(t)
	r := pdfkit.NewReport(p.Meta.Name, fixedDate)
	r.JudgeOn(p)
	writeThreadSection(r, p, newMonitoring(p, Options{}, nil))
	r.WriteAppendix() // the table of ten columns goes to Anhang B
	path := pdftest.WritePDF(t, r.Output)
	text := pdftest.AllText(t, path)
	pdftest.HasAll(t, "the section", text, []string{"Roter Faden", "B.1 Roter Faden", "Kennzahlen: 01.04.2027 – 30.06.2027", "Software", "OLA Software (Team Schul-IT) (OLA)",
		"Nordlicht IT", "Reaktion 91,4 % grün · Lösung 94,1 % grün", "keine Tickets"})
	if strings.Contains(text, "% rot") {
		t.Errorf("the sample has a red figure:\n%s", text)
	}
	if t.Failed() {
		t.Log(text)
	}
}
