package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// TestSampleAwardByHand checks the worked example of steps 7–9 in the committed sample.
func TestSampleAwardByHand(t *testing.T) {
	p, err := persistence.ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	// Step 7: the general SLA, Mon–Thu 07:30–16:30 (4 × 9 h) and Fri 07:30–14:00 (6,5 h) = 42,5 h.
	g := domain.SLAFor(p, nil)
	if g == nil || g.Name != "Standard-SLA Schul-IT" || domain.ServiceMinutesPerWeek(*g) != 42*60+30 || len(g.Classes) != 4 {
		t.Fatalf("general SLA %+v", g)
	}
	for _, c := range g.Classes {
		if c.Description == "" || c.Validate() != nil {
			t.Errorf("class %+v", c)
		}
	}
	if len(p.SchoolHolidays) != 7 || p.SchoolHolidays[0].First.String() != "2026-10-12" || p.SchoolHolidays[0].Last.String() != "2026-10-24" ||
		!strings.HasPrefix(p.SchoolHolidays[0].Source, "Beispieldaten") {
		t.Errorf("Ferien %+v", p.SchoolHolidays)
	}
	// Step 8 by hand (weights 25/20/15/10/10):
	//   Nordlicht   L = 25·8 + 20·7 + 15·8 + 10·7 + 10·6 = 590, P = 238 000 → Z·1000 = 2,4790
	//   Schulnetz   L = 25·6 + 20·7 + 15·6 + 10·6 + 10·7 = 510, P = 200 000 → Z·1000 = 2,55
	//   Digitalwerk Qualifikation 2 < Minimum 3 → excluded.
	// Best Z 2,55, range 5 % → floor 2,4225; Nordlicht lies inside and has more L: it wins.
	ev := domain.Evaluate(p.Tender, p.Criteria, p.Bids)
	n, s, d := ev.Result(851), ev.Result(852), ev.Result(853)
	if n.Points != 590 || s.Points != 510 || math.Abs(n.Ratio*1000-590.0/238) > 1e-9 || math.Abs(s.Ratio*1000-2.55) > 1e-9 {
		t.Errorf("L/Z: %+v %+v", n, s)
	}
	if math.Abs(ev.Floor*1000-2.4225) > 1e-9 || !n.InRange || ev.Winner != 851 || n.Rank != 1 || s.Rank != 2 {
		t.Errorf("extended method: floor %v winner %d ranks %d %d", ev.Floor*1000, ev.Winner, n.Rank, s.Rank)
	}
	if !d.Excluded || d.Exclusions[0].Reason != domain.ExcludedMinScore || d.Exclusions[0].Score != 2 || d.Exclusions[0].Min != 3 {
		t.Errorf("Digitalwerk %+v", d)
	}
	// Step 9: 24 months from 2027-01-01 end 2028-12-31; 3 months to a month's end → 2028-09-30.
	notice := domain.NextNotice(p.Contract, domain.NewDate(2026, 12, 1))
	if notice.Kind != domain.NoticeDeadline || notice.Latest.String() != "2028-09-30" || notice.End.String() != "2028-12-31" {
		t.Errorf("notice %+v", notice)
	}
	// The SLAs in force are frozen copies; the contract names the general one.
	in := domain.SLAInForce(p, nil)
	if !in.FrozenForContract || in.ID != *p.Contract.SLAID || !domain.SameTerms(*in, *g) || domain.SLAsChangedSinceContract(p) {
		t.Errorf("frozen %+v", in)
	}
}

func TestSummaryPrintsRankingWinnerAndNotice(t *testing.T) {
	_, path := sample(t)
	r := run(t, "summary", path).want(t, 0)
	contains(t, "summary", r.out,
		"Zuschlag an", "Nordlicht IT-Service GmbH",
		"1. Nordlicht IT-Service GmbH (Z je 1.000 €)", "2,48",
		"2. Schulnetz Weser-Ems GmbH (Z je 1.000 €)", "2,55",
		"Digitalwerk Kommunal AG: Qualifikation des eingesetzten Personals: unter der Mindestpunktzahl",
		"Kündigung bis", "2028-09-30")
	for _, key := range []string{"fig.sla", "fig.tender", "fig.contract", "find.sla", "find.tender", "find.contract"} {
		if strings.Contains(r.out, key) {
			t.Errorf("untranslated key %s… in the summary:\n%s", key, r.out)
		}
	}
}

func TestImportHolidaysShowsTheReadingAndStores(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Ferien Jürgen.lotse")
	run(t, "new", path).want(t, 0)
	fixture := filepath.Join("..", "..", "persistence", "importers", "ics", "testdata")
	r := run(t, "import", path, "--kind", "holidays", filepath.Join(fixture, "ferien-ni-2026-2027-letzter-tag.ics")).want(t, 0)
	contains(t, "import", r.out, "7 Termine", "DTEND ist der letzte Ferientag (aus der Datei erkannt)",
		"2 Termin(e) enden am selben Tag", "--format ics-exclusive",
		"Herbstferien Niedersachsen 2026", "2026-10-12 (Mo) – 2026-10-24 (Sa)", "13 Tage", "7 Ferienzeiträume übernommen, 0 waren schon")
	// Two one-day periods (DTEND = DTSTART): "1 Tag", not "1 Tage".
	if strings.Contains(r.out, " 1 Tage") || !strings.Contains(r.out, " 1 Tag\n") {
		t.Errorf("one-day periods:\n%s", r.out)
	}
	// The RFC file holds the same periods: nothing new.
	r = run(t, "import", path, "--kind", "holidays", filepath.Join(fixture, "ferien-ni-2026-2027.ics")).want(t, 0)
	contains(t, "second import", r.out, "RFC 5545", "3 Zeitraum/Zeiträume enden (DTEND) an einem Sonntag", "0 Ferienzeiträume übernommen, 7 waren schon")
	// Forcing the other reading gives other periods (one day longer), shown as such.
	r = run(t, "import", path, "--kind", "holidays", "--format", "ics-inclusive", filepath.Join(fixture, "ferien-ni-2026-2027.ics")).want(t, 0)
	contains(t, "forced", r.out, "mit --format festgelegt", "2026-10-12 (Mo) – 2026-10-25 (So)",
		"erkannt hätte das Programm die andere Lesart:")
	p, err := openProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.SchoolHolidays) != 14 {
		t.Errorf("%d periods stored", len(p.SchoolHolidays))
	}
}

// Section 2: a public-holiday feed with a yearly rule is expanded over the project's years
// (up to the end of the year five years after today) instead of being refused.
func TestImportRecurringHolidayFeed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Feiertage.lotse")
	run(t, "new", path).want(t, 0)
	fixture := filepath.Join("..", "..", "persistence", "importers", "ics", "testdata", "feiertage-wiederkehrend.ics")
	r := run(t, "import", path, "--kind", "holidays", fixture).want(t, 0)
	contains(t, "recurring", r.out, "weitere Termine aus Wiederholungsregeln", "Tag der Deutschen Einheit", "2026-10-03 (Sa)")
	p, err := openProject(path)
	if err != nil {
		t.Fatal(err)
	}
	// Today is 2 November 2026 (cliNow), no contract: the planning end is 31 December
	// 2026 + 5 = 2031; one 3 October a year 2026 … 2031 = 6 periods, 5 of them from the rule.
	if len(p.SchoolHolidays) != 6 || !strings.Contains(r.out, "5 weitere Termine") {
		t.Errorf("%d periods:\n%s", len(p.SchoolHolidays), r.out)
	}
}

func TestImportBrokenICSStoresNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.lotse")
	run(t, "new", path).want(t, 0)
	before, _ := os.ReadFile(path)
	bad := filepath.Join(dir, "kaputt.ics")
	os.WriteFile(bad, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261012\r\nDTEND;VALUE=DATE:2026-10-24\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o644)
	r := run(t, "import", path, "--kind", "holidays", bad).want(t, 1)
	contains(t, "error", r.err, "Zeile 4: Das Datum ist ungültig", "Es wurde nichts übernommen")
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the project changed")
	}
	run(t, "import", path, "--kind", "holidays", "--format", "csv", bad).want(t, 2)
}

func TestTenderReportAndTextExport(t *testing.T) {
	dir, path := sample(t)
	pdf := filepath.Join(dir, "Leistungsbeschreibung.pdf")
	run(t, "report", path, "--type", "tender", "-o", pdf).want(t, 0)
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
	md := filepath.Join(dir, "Leistungsbeschreibung.md")
	run(t, "export", path, "--kind", "leistungsbeschreibung", md).want(t, 0)
	text, _ := os.ReadFile(md)
	contains(t, "text export", string(text), "# Leistungsbeschreibung (Entwurf)", "## 2 Leistungen je Aufgabenpaket",
		"Vor-Ort-Support", "Erstlöseversuche bei Störungen in Schule", "## 3 Servicelevel", "Standard-SLA Schul-IT",
		"Gewertet wird nach der erweiterten Richtwertmethode",
		// The Mengengerüst counted in the store (the project is read without tickets and calls):
		// 597 tickets and 882 calls January – June 2027, 6 schools.
		"| Summe | 27 | 129 | 309 | 132 | 597 | 882 |", "| Jun 2027 | 10 | 23 | 55 | 32 | 120 | 195 |",
		"- **Schulen mit Störungsmeldungen:** 6")
	// The in-house package stays out; of the mixed ones only the tasks handed out are in.
	if strings.Contains(string(text), "Passwörter von Lehrkräften") || strings.Contains(string(text), "Zuweisen von Updates im MDM") {
		t.Error("in-house tasks in the Leistungsbeschreibung")
	}
	docx := filepath.Join(dir, "Leistungsbeschreibung.docx")
	run(t, "export", path, "--kind", "leistungsbeschreibung", docx).want(t, 0)
	if b, err := os.ReadFile(docx); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("no Word document: %v", err)
	}
	r := run(t, "export", path, "--kind", "leistungsbeschreibung", filepath.Join(dir, "x.odt")).want(t, 1)
	contains(t, "stderr", r.err, ".docx, .md oder .txt")
	r = run(t, "export", path, "--kind", "leistungsbeschreibung", "-").want(t, 0)
	contains(t, "stdout", r.out, "## 1 Gegenstand und Ausgangslage")
}

func TestAwardRecordReport(t *testing.T) {
	dir, path := sample(t)
	pdf := filepath.Join(dir, "Vergabevermerk.pdf")
	r := run(t, "report", path, "--type", "vergabevermerk", "-o", pdf).want(t, 0)
	contains(t, "output", r.out, pdf)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
}
