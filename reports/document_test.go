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

// Every report names its author, subject and language, and carries the document control on
// its title page; the tender, which goes to bidders, does not name the committee.
func TestEveryReportCarriesDocumentControl(t *testing.T) {
	p := monitoringProject()
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	p.Config[domain.ConfigDocumentControl] = domain.ConfigJSON(domain.DocumentControl{
		Version: "2.1", Status: domain.DocumentFinal, Author: "Team Schul-IT", Committee: "Kreisausschuss"})
	for _, c := range []struct {
		name          string
		write         func(io.Writer) error
		subject       string
		withCommittee bool
	}{
		{"monitoring", func(w io.Writer) error { return WriteMonitoring(w, p, marchPeriod, Options{Date: fixedDate}) },
			"Subject:         Kennzahlen des IT-Dienstleisters gegen die Leistungsvereinbarung, Zeitraum 01.03.2027 – 31.03.2027", true},
		{"tender", func(w io.Writer) error { return WriteServiceSpec(w, p, Options{Date: fixedDate}) },
			"Subject:         Leistungsbeschreibung für die Vergabe", false},
		{"kurz", func(w io.Writer) error { return WriteKurzfassung(w, p, Options{Date: fixedDate}) },
			"Subject:         Kurzfassung der Planung", true},
	} {
		path := pdftest.WritePDF(t, c.write)
		info := run(t, "pdfinfo", path)
		for _, want := range []string{"Author:          Team Schul-IT", c.subject} {
			if !strings.Contains(info, want) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", c.name, want, info)
			}
		}
		if meta := run(t, "pdfinfo", "-meta", path); !strings.Contains(meta, "<rdf:li>de-DE</rdf:li>") {
			t.Errorf("%s: no language in the metadata", c.name)
		}
		title := pdftest.Squash(pdftest.PageText(t, path, 1))
		if !strings.Contains(title, "Version 2.1 · final") || !strings.Contains(title, "Verfasst von Team Schul-IT") {
			t.Errorf("%s: title page lacks the document control:\n%s", c.name, title)
		}
		if got := strings.Contains(title, "Kreisausschuss"); got != c.withCommittee {
			t.Errorf("%s: committee on the title page = %v, want %v", c.name, got, c.withCommittee)
		}
	}
}

func TestEmptyPeriodSaysSoOnTheTitlePage(t *testing.T) {
	p := monitoringProject()
	for _, c := range []struct {
		period kpi.Period
		empty  bool
	}{
		{marchPeriod, false}, // the project's tickets, calls and answers are all in March 2027
		{kpi.Period{From: domain.NewDate(2025, 6, 1), To: domain.NewDate(2025, 6, 30)}, true},
	} {
		path := pdftest.WritePDF(t, func(w io.Writer) error { return WriteMonitoring(w, p, c.period, Options{Date: fixedDate}) })
		title := pdftest.Squash(pdftest.PageText(t, path, 1))
		if got := strings.Contains(title, "liegen keine Tickets, Anrufe oder Umfrageantworten vor"); got != c.empty {
			t.Errorf("%v: notice of an empty period = %v, want %v", c.period, got, c.empty)
		}
	}
}

func TestOnePersonDayIsSingular(t *testing.T) {
	p := seedProject()
	p.Tasks[0].Effort = &domain.Effort{Value: 1, Unit: domain.PersonDaysPerMonth}
	p.Tasks[1].Effort = &domain.Effort{Value: 2, Unit: domain.PersonDaysPerMonth}
	path, _ := writeReport(t, p)
	text := pdftest.Squash(strings.Join(pdftest.PageTexts(t, path, false), " "))
	// pdftotext interleaves the cell's lines with the next column's, so look at the words.
	if !strings.Contains(text, "(1 Personentag ") || strings.Contains(text, "(1 Personentage") {
		t.Errorf("one person-day is not singular")
	}
	if !strings.Contains(text, "(2 Personentage") {
		t.Errorf("two person-days are not plural")
	}
}

func TestChartLabelsShowAPlaceholderForMissingGlyphs(t *testing.T) {
	p := glanceProject()
	p.PackageByID(11).Name = "User-Management 🚀"
	for _, b := range costBars(domain.CompareCosts(p)) {
		if strings.Contains(b.Label, "🚀") {
			t.Errorf("chart label %q keeps a character the font lacks", b.Label)
		}
		if strings.HasPrefix(b.Label, "User-Management") && !strings.Contains(b.Label, string(pdfkit.Placeholder)) {
			t.Errorf("chart label %q does not show the placeholder", b.Label)
		}
	}
}
