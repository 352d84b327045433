package reports

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

// awardProject is the seed project with two packages (one decided extern), an SLA per scope,
// two Ferien periods, the sample's tender with three bids and the contract of steps 7–9.
func awardProject() *domain.Project {
	p := seedProject()
	um, st := int64(1), int64(2)
	p.Packages = []domain.Package{
		{ID: 1, Name: "User-Management", SortOrder: 1, ExternalHourlyRate: 85},
		{ID: 2, Name: "Störungsbeseitigung", SortOrder: 2, ExternalMonthlyFee: 900,
			TargetState: "Jede Störung wird erfasst und nach ihrer Klasse fristgerecht behoben.", Criteria: "Quote innerhalb der Wiederherstellungszeit ≥ 95 %"},
	}
	p.Tasks[0].PackageID, p.Tasks[2].PackageID = &um, &um
	p.Tasks[1].PackageID, p.Tasks[3].PackageID = &st, &st
	p.Decisions = []domain.SourcingDecision{{ID: 1, PackageID: 2, Outcome: domain.OutcomeExternal}, {ID: 2, PackageID: 1, Outcome: domain.OutcomeInternal}}

	general := domain.NewDefaultSLA("Standard-SLA", func(c string) string { return "Beschreibung " + c })
	general.ID = 1
	own := domain.NewDefaultSLA("Störungen schnell", func(c string) string { return "Beschreibung " + c })
	own.ID, own.PackageID = 2, &st
	own.Classes[0].ResponseMinutes, own.Classes[0].RestoreMinutes, own.Classes[0].CalendarTime = 15, 120, true
	p.SLAs = []domain.SLA{general, own}
	p.SchoolHolidays = []domain.SchoolHoliday{
		{ID: 1, Name: "Herbstferien", First: domain.NewDate(2026, 10, 12), Last: domain.NewDate(2026, 10, 24), Source: "ni.ics"},
		{ID: 2, Name: "Weihnachtsferien", First: domain.NewDate(2026, 12, 23), Last: domain.NewDate(2027, 1, 9), Source: "ni.ics"},
	}
	d := func(y, m, dd int) *domain.Date { x := domain.NewDate(y, time.Month(m), dd); return &x }
	p.Tender = domain.Tender{Procedure: "Offenes Verfahren (UVgO)", Publication: "Vergabeplattform", PublishedOn: d(2026, 9, 15),
		OfferDeadline: d(2026, 10, 20), AwardDate: d(2026, 11, 20), Method: domain.MethodExtended, FluctuationPct: 5, TieBreaker: domain.TieBreakPerformance}
	p.Criteria = []domain.TenderCriterion{
		{ID: 1, Kind: "A", Group: "Eignung", Name: "Referenzen", SortOrder: 1},
		{ID: 11, Kind: "B", Group: "Leistung", Name: "Konzept Störungsbearbeitung", Weight: 25, MinScore: 4, SortOrder: 2},
		{ID: 12, Kind: "B", Group: "Leistung", Name: "Vor-Ort-Präsenz", Weight: 20, SortOrder: 3},
		{ID: 13, Kind: "B", Group: "Qualität", Name: "Qualifikation des Personals", Weight: 15, MinScore: 3, SortOrder: 4},
		{ID: 14, Kind: "B", Group: "Qualität", Name: "Berichtswesen", Weight: 10, SortOrder: 5},
		{ID: 15, Kind: "B", Group: "Übergang", Name: "Übergabe", Weight: 10, SortOrder: 6},
	}
	sc := func(a, b1, b2, b3, b4, b5 float64) map[int64]float64 {
		return map[int64]float64{1: a, 11: b1, 12: b2, 13: b3, 14: b4, 15: b5}
	}
	p.Bids = []domain.Bid{
		{ID: 1, Bidder: "Nordlicht IT-Service GmbH", Price: 238000, Scores: sc(1, 8, 7, 8, 7, 6)},
		{ID: 2, Bidder: "Schulnetz Weser-Ems GmbH", Price: 200000, Scores: sc(1, 6, 7, 6, 6, 7)},
		{ID: 3, Bidder: "Digitalwerk Kommunal AG", Price: 189000, Scores: sc(1, 5, 4, 2, 5, 4)},
	}
	frozen := domain.CloneSLA(general)
	frozen.ID, frozen.FrozenForContract = 3, true
	p.SLAs = append(p.SLAs, frozen)
	sid := int64(3)
	p.Contract = domain.Contract{Provider: "Nordlicht IT-Service GmbH", Type: domain.ContractEVBService, SignedOn: d(2026, 12, 1),
		Start: d(2027, 1, 1), TermMonths: 24, NoticeMonths: 3, NoticeToMonthEnd: true, AfterTerm: domain.AfterTermRenew,
		RenewalMonths: 12, Value: 238000, SLAID: &sid, FrozenOn: d(2026, 12, 1),
		Contacts:  []domain.ContractContact{{Name: "Maren Ohlsen", Role: "Kundenbetreuung", Phone: "0441 555-120"}},
		Documents: []string{"Vertrag/EVB-IT-Service.pdf"}}
	return p
}

func TestAwardSectionsByHand(t *testing.T) {
	path, _ := writeReport(t, awardProject())
	text := pdftest.AllText(t, path)
	want := []string{
		// Step 7: the SLA, its hours, a class and the Ferien and holidays.
		"7 Leistungsvereinbarung vorbereiten", "Standard-SLA – allgemein", "Mo–Fr: 07:30–16:30", "45 h",
		"Störungen schnell – Aufgabenpaket „Störungsbeseitigung“", "15 min", "Kalenderzeit",
		"Herbstferien", "Mo 12.10.2026", "Sa 24.10.2026", "13", "Reformationstag", "Servicelevel je Aufgabenpaket und Kosten",
		// 900 €/month × 12 = 10.800 € per year for Störungsbeseitigung.
		"10.800 €",
		// Step 8: L = 25·8+20·7+15·8+10·7+10·6 = 590, Z = 590/238 = 2,48 per 1.000 €;
		// Schulnetz L = 510, Z = 2,55; floor 2,55 × 0,95 = 2,42.
		"8 Ausschreibung und Auswahl", "erweiterte Richtwertmethode", "590", "2,48", "510", "2,55", "(Grenze 2,42)",
		"Zuschlag: Nordlicht IT-Service GmbH mit L = 590", "im Schwankungsbereich",
		"ausgeschlossen: „Qualifikation des Personals“: 2 Punkte, Minimum 3",
		// Step 9: 24 months from 2027-01-01, 3 months to the month's end → 30.09.2028.
		"9 Vertragsunterzeichnung", "24 Monate, bis 31.12.2028", "3 Monate zum Monatsende",
		"spätestens am 30.09.2028", "Vereinbartes SLA „Standard-SLA“ (eingefroren am 01.12.2026)",
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	if strings.Contains(text, "Achtung: Der letzte Kündigungstermin") {
		t.Error("warning far from the deadline")
	}
}

func TestContractSectionWarnsNearTheDeadline(t *testing.T) {
	var buf bytes.Buffer
	// 15 July 2028 is 77 days before 30 September 2028.
	if err := WriteGesamtbericht(&buf, awardProject(), Options{Date: time.Date(2028, 7, 15, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	text := pdftest.AllText(t, path)
	if !strings.Contains(text, "Achtung: Der letzte Kündigungstermin 30.09.2028 ist in 77 Tagen") {
		t.Error("no warning 77 days before the deadline")
	}
}

func TestServiceSpecPDFAndText(t *testing.T) {
	p := awardProject()
	// Step 4 hands the tasks of Störungsbeseitigung (decided extern) to the provider; the
	// Leistungsbeschreibung tenders exactly those.
	for _, i := range []int{1, 3} {
		p.Tasks[i].Coverage, p.Tasks[i].NewResponsible = domain.CoverageChange, domain.ExternalProvider
	}
	path := pdftest.WritePDF(t, func(w io.Writer) error { return WriteServiceSpec(w, p, Options{Date: fixedDate}) })
	if n := pdftest.PageCount(t, path); n < 3 {
		t.Errorf("%d pages", n)
	}
	text := pdftest.AllText(t, path)
	pdftest.HasAll(t, "Leistungsbeschreibung", text, []string{"Leistungsbeschreibung (Entwurf)", "1 Gegenstand und Ausgangslage", "2 Leistungen je Aufgabenpaket",
		"2.1 Störungsbeseitigung", "Erstlöseversuche bei Störungen in Schule", "Jede Störung wird erfasst",
		"3 Servicelevel", "Störungen schnell", "Eignung und Zuschlag", "Referenzen", "Seite 2 von"})
	// Only the package decided extern: the in-house User-Management stays out.
	if strings.Contains(text, "IServ-Nutzer anlegen") {
		t.Error("an in-house task is in the Leistungsbeschreibung")
	}
	// Same content as text.
	var md bytes.Buffer
	if err := WriteServiceSpecText(&md, p, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	s := md.String()
	pdftest.HasAll(t, "text export", s, []string{"# Leistungsbeschreibung (Entwurf)", "## 2 Leistungen je Aufgabenpaket", "### 2.1 Störungsbeseitigung",
		"| Nr. | Aufgabe/Tätigkeit | Std./Monat heute | Hinweis |", "| ---: | --- | ---: | --- |",
		"| 1 | Erstlöseversuche bei Störungen in Schule | 4 | Kritischer Service. |", "- **Zielzustand:** Jede Störung"})
	// Deterministic for the same date.
	var again bytes.Buffer
	WriteServiceSpec(&again, p, Options{Date: fixedDate})
	if first, err := os.ReadFile(path); err != nil || !bytes.Equal(first, again.Bytes()) {
		t.Error("PDF differs between two runs")
	}
}

func TestAwardSectionsSpeakEitherLanguage(t *testing.T) {
	want := map[string][]string{"en": {"Award: Nordlicht"}, "de": {"Zuschlag: Nordlicht"}}
	inBothLanguages(t, "award|reports|find|fig|ics|err", want, func() string {
		path, _ := writeReport(t, awardProject())
		var spec bytes.Buffer
		if err := WriteServiceSpecText(&spec, awardProject(), Options{Date: fixedDate}); err != nil {
			t.Fatal(err)
		}
		return pdftest.AllText(t, path) + spec.String()
	})
}

func BenchmarkServiceSpecPDF(b *testing.B) {
	p := awardProject()
	manyTasks(p, 300)
	two := int64(2)
	for i := range p.Tasks {
		p.Tasks[i].PackageID = &two
	}
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := WriteServiceSpec(&buf, p, Options{Date: fixedDate}); err != nil {
			b.Fatal(err)
		}
	}
}
