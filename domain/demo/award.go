package demo

import (
	"time"

	"schulit-lotse/domain"
)

// Steps 7–9: the SLAs (a standard one and higher or school-day-only service for some
// packages), the Ferien of the school years the operation covers, the tender with six bids and
// the contract with the winner, which freezes the SLAs in force.

// ferien are the Ferien of Niedersachsen by school year (examples after the published dates,
// without guarantee): name, first and last day.
var ferien = []struct {
	schoolYear int // the year the school year starts in
	name       string
	first      [3]int
	last       [3]int
}{
	{2022, "Herbstferien 2022", [3]int{2022, 10, 17}, [3]int{2022, 10, 28}},
	{2022, "Weihnachtsferien 2022/23", [3]int{2022, 12, 23}, [3]int{2023, 1, 6}},
	{2022, "Winterferien 2023", [3]int{2023, 1, 30}, [3]int{2023, 1, 31}},
	{2022, "Osterferien 2023", [3]int{2023, 3, 27}, [3]int{2023, 4, 11}},
	{2022, "Pfingstferien 2023", [3]int{2023, 5, 30}, [3]int{2023, 5, 30}},
	{2022, "Sommerferien 2023", [3]int{2023, 7, 6}, [3]int{2023, 8, 16}},
	{2023, "Herbstferien 2023", [3]int{2023, 10, 16}, [3]int{2023, 10, 30}},
	{2023, "Weihnachtsferien 2023/24", [3]int{2023, 12, 27}, [3]int{2024, 1, 5}},
	{2023, "Winterferien 2024", [3]int{2024, 2, 1}, [3]int{2024, 2, 2}},
	{2023, "Osterferien 2024", [3]int{2024, 3, 18}, [3]int{2024, 3, 28}},
	{2023, "Pfingstferien 2024", [3]int{2024, 5, 21}, [3]int{2024, 5, 21}},
	{2023, "Sommerferien 2024", [3]int{2024, 6, 24}, [3]int{2024, 8, 2}},
	{2024, "Herbstferien 2024", [3]int{2024, 10, 4}, [3]int{2024, 10, 18}},
	{2024, "Weihnachtsferien 2024/25", [3]int{2024, 12, 23}, [3]int{2025, 1, 4}},
	{2024, "Winterferien 2025", [3]int{2025, 2, 3}, [3]int{2025, 2, 4}},
	{2024, "Osterferien 2025", [3]int{2025, 4, 7}, [3]int{2025, 4, 19}},
	{2024, "Pfingstferien 2025", [3]int{2025, 6, 10}, [3]int{2025, 6, 10}},
	{2024, "Sommerferien 2025", [3]int{2025, 7, 3}, [3]int{2025, 8, 13}},
	{2025, "Herbstferien 2025", [3]int{2025, 10, 13}, [3]int{2025, 10, 25}},
	{2025, "Weihnachtsferien 2025/26", [3]int{2025, 12, 22}, [3]int{2026, 1, 5}},
	{2025, "Winterferien 2026", [3]int{2026, 2, 2}, [3]int{2026, 2, 3}},
	{2025, "Osterferien 2026", [3]int{2026, 3, 23}, [3]int{2026, 4, 7}},
	{2025, "Pfingstferien 2026", [3]int{2026, 5, 26}, [3]int{2026, 5, 26}},
	{2025, "Sommerferien 2026", [3]int{2026, 7, 2}, [3]int{2026, 8, 12}},
}

const ferienSource = "Beispieldaten nach den Ferienterminen Niedersachsens, ohne Gewähr"

// operationEnd is the first day after the operation the project covers.
func (g *gen) operationEnd() domain.Date {
	return domain.Date{Time: operationStart.AddDate(0, g.sizes.Months, 0)}
}

func ymd(x [3]int) domain.Date { return domain.NewDate(x[0], time.Month(x[1]), x[2]) }

func classes(p1Response, p1Restore int) []domain.PriorityClassTarget {
	return []domain.PriorityClassTarget{
		{Code: "P1", Description: "Eine ganze Schule oder ein zentraler Dienst ist ausgefallen (Internet, WLAN, Anmeldung): Unterricht mit IT ist nicht möglich.",
			ResponseMinutes: p1Response, RestoreMinutes: p1Restore},
		{Code: "P2", Description: "Ein Raum, ein Klassensatz oder ein Dienst für viele ist gestört.",
			ResponseMinutes: 60, RestoreMinutes: 8 * 60},
		{Code: "P3", Description: "Ein einzelnes Gerät oder Konto ist gestört; es gibt eine Ausweichmöglichkeit.",
			ResponseMinutes: 4 * 60, RestoreMinutes: 3 * 8 * 60},
		{Code: "P4", Description: "Anfrage oder Änderungswunsch ohne Einfluss auf den Unterricht.",
			ResponseMinutes: 8 * 60, RestoreMinutes: 5 * 8 * 60},
	}
}

// officeHours are Monday–Thursday 07:30–16:30 and Friday 07:30–14:00.
func officeHours() []domain.ServiceWindow {
	return append(domain.WeekdayWindows(1, 4, 7*60+30, 16*60+30), domain.WeekdayWindows(5, 5, 7*60+30, 14*60)...)
}

// longHours are Monday–Friday 07:00–17:00.
func longHours() []domain.ServiceWindow { return domain.WeekdayWindows(1, 5, 7*60, 17*60) }

func (g *gen) award() {
	p := g.p
	// Ferien of every school year the operation touches.
	end := g.operationEnd()
	for _, f := range ferien {
		syStart := domain.NewDate(f.schoolYear, 8, 1)
		syEnd := domain.NewDate(f.schoolYear+1, 7, 31)
		if syEnd.Before(operationStart.Time) || !syStart.Before(end.Time) {
			continue
		}
		p.SchoolHolidays = append(p.SchoolHolidays, domain.SchoolHoliday{ID: int64(idHolidays + 1 + len(p.SchoolHolidays)),
			Name: f.name, First: ymd(f.first), Last: ymd(f.last), Source: ferienSource})
	}

	next := int64(idSLAs + 1)
	add := func(s domain.SLA) {
		s.ID = next
		next++
		p.SLAs = append(p.SLAs, s)
	}
	add(domain.SLA{Name: "Standard-SLA Schul-IT", Windows: officeHours(), PublicHolidaysStopClock: true,
		Classes: classes(30, 4*60), HotlineAnsweredPct: 90, HotlineMaxWaitSeconds: 120, SatisfactionTargetPct: 80,
		ReportingCadence: domain.CadenceMonthly})
	for _, key := range []string{"netfault", "wlan"} {
		if id, ok := g.pkgByArea[key]; ok {
			add(domain.SLA{Name: g.areaName(key) + " – erhöhter Service", PackageID: int64Ptr(id), Windows: longHours(),
				PublicHolidaysStopClock: true, Classes: classes(15, 2*60), HotlineAnsweredPct: 95, HotlineMaxWaitSeconds: 60,
				SatisfactionTargetPct: 85, ReportingCadence: domain.CadenceMonthly})
		}
	}
	for _, key := range []string{"onsite_n", "onsite_s", "onsite_o", "onsite_w"} {
		if id, ok := g.pkgByArea[key]; ok {
			add(domain.SLA{Name: g.areaName(key) + " – an Schultagen", PackageID: int64Ptr(id), Windows: officeHours(),
				PublicHolidaysStopClock: true, SchoolHolidaysStopClock: true, Classes: classes(60, 6*60),
				HotlineAnsweredPct: 90, HotlineMaxWaitSeconds: 120, SatisfactionTargetPct: 80, ReportingCadence: domain.CadenceQuarterly})
		}
	}

	g.tender()
	g.contract()
}

func (g *gen) areaName(key string) string {
	for _, a := range g.areas {
		if a.key == key {
			return a.name
		}
	}
	return key
}

// bidders of the tender: name, price factor, A-criteria met, B-scores.
var bidders = []struct {
	name   string
	price  float64
	a      [3]float64
	scores [8]float64
	note   string
}{
	{"Nordlicht IT-Service GmbH", 1.08, [3]float64{1, 1, 1}, [8]float64{8, 8, 7, 8, 7, 7, 6, 8}, "Service Desk in Oldenburg, vier Regionalteams"},
	{"Schulnetz Weser-Ems GmbH", 0.96, [3]float64{1, 1, 1}, [8]float64{7, 6, 7, 6, 6, 7, 7, 6}, "Vor-Ort-Teams mit je drei Personen"},
	{"Kommunal-IT Heide AöR", 1.00, [3]float64{1, 1, 1}, [8]float64{6, 7, 6, 6, 7, 5, 6, 7}, "Anstalt öffentlichen Rechts, Inhouse-Vergabe geprüft und verworfen"},
	{"Bildungstechnik Hansa GmbH", 0.88, [3]float64{1, 1, 1}, [8]float64{5, 4, 2, 5, 4, 5, 4, 5}, "Personal überwiegend in Einarbeitung"},
	{"DigitalWerk Kommunal AG", 0.91, [3]float64{1, 0, 1}, [8]float64{6, 6, 6, 7, 6, 6, 5, 6}, "Keine Datenverarbeitung ausschließlich in der EU zugesichert"},
	{"ITeach Services GmbH & Co. KG", 1.15, [3]float64{1, 1, 1}, [8]float64{7, 7, 8, 7, 8, 6, 7, 7}, "Höchster Preis, sehr gutes Übergabekonzept"},
}

func (g *gen) tender() {
	p := g.p
	p.Tender = domain.Tender{
		Procedure: "Offenes Verfahren (EU-weit, VgV)", Publication: "TED und Vergabeplattform Niedersachsen, Az. 40-2022-0815",
		PublishedOn: datePtr(2022, 8, 15), OfferDeadline: datePtr(2022, 9, 30), AwardDate: datePtr(2022, 11, 10),
		Method: domain.MethodExtended, FluctuationPct: 5, TieBreaker: domain.TieBreakPerformance,
	}
	type crit struct {
		kind, group, name string
		weight, min       float64
	}
	cs := []crit{
		{domain.CriterionA, "Eignung", "Referenzen: mindestens drei Schulträger mit je 20 Schulen in den letzten drei Jahren", 0, 0},
		{domain.CriterionA, "Eignung", "Auftragsverarbeitung nach DSGVO, Datenverarbeitung nur in der EU", 0, 0},
		{domain.CriterionA, "Eignung", "Informationssicherheit nach ISO 27001 oder BSI-Grundschutz nachgewiesen", 0, 0},
		{domain.CriterionB, "Leistung", "Konzept für Störungsbearbeitung und Eskalation", 20, 4},
		{domain.CriterionB, "Leistung", "Vor-Ort-Präsenz und Wege zu den Schulen", 15, 0},
		{domain.CriterionB, "Leistung", "Service Desk: Erreichbarkeit und Sprachen", 10, 3},
		{domain.CriterionB, "Qualität", "Qualifikation des eingesetzten Personals", 15, 3},
		{domain.CriterionB, "Qualität", "Berichtswesen: Kennzahlen und Monatsbericht", 10, 0},
		{domain.CriterionB, "Qualität", "Wissensmanagement und Dokumentation", 10, 0},
		{domain.CriterionB, "Übergang", "Einarbeitung und Übernahme der Schulen", 10, 0},
		{domain.CriterionB, "Übergang", "Übergabe am Vertragsende", 10, 0},
	}
	for i, c := range cs {
		p.Criteria = append(p.Criteria, domain.TenderCriterion{ID: int64(idCriteria + 1 + i), Kind: c.kind, Group: c.group,
			Name: c.name, Weight: c.weight, MinScore: c.min, SortOrder: i + 1})
	}
	// A price for 36 months, about what the external share of the inventory costs.
	base := 2_150_000.0
	if g.sizes.Schools < 120 {
		base = 240_000
	}
	for i, b := range bidders {
		scores := map[int64]float64{}
		for k := 0; k < 3; k++ {
			scores[int64(idCriteria+1+k)] = b.a[k]
		}
		for k := 0; k < 8; k++ {
			scores[int64(idCriteria+4+k)] = b.scores[k]
		}
		p.Bids = append(p.Bids, domain.Bid{ID: int64(idBids + 1 + i), Bidder: b.name, Price: float64(int(base*b.price/100)) * 100,
			Scores: scores, Note: b.note + "; Preis für 36 Monate"})
	}
}

func (g *gen) contract() {
	p := g.p
	ev := domain.Evaluate(p.Tender, p.Criteria, p.Bids)
	winner := p.BidByID(ev.Winner)
	if winner == nil {
		panic("demo: the tender has no winner") // a bug of this file: the scores are fixed
	}
	signed, start := domain.NewDate(2022, 11, 25), operationStart
	c := domain.Contract{
		Provider: winner.Bidder, ProviderContact: "servicedesk@nordlicht-it.example, 0441 555-100",
		Type: domain.ContractEVBService, SignedOn: &signed, Start: &start, TermMonths: 36, NoticeMonths: 6,
		NoticeToMonthEnd: true, AfterTerm: domain.AfterTermRenew, RenewalMonths: 12, Value: winner.Price,
		Contacts: []domain.ContractContact{
			{Name: g.people[20].String(), Role: "Kundenbetreuung", Phone: "0441 555-120", Email: "kundenbetreuung@nordlicht-it.example"},
			{Name: "Service Desk", Role: "Störungsannahme (1st Level)", Phone: "0441 555-100", Email: "servicedesk@nordlicht-it.example"},
			{Name: g.people[21].String(), Role: "Eskalation (Geschäftsführung)", Phone: "0441 555-0", Email: "gf@nordlicht-it.example"},
		},
		Documents: []string{"Vertrag/EVB-IT-Service-Vertrag 2022-11-25.pdf", "Vertrag/Leistungsbeschreibung Schul-IT Landkreis 2022.pdf",
			"Vertrag/Auftragsverarbeitungsvertrag 2022-11-25.pdf"},
	}
	copies := domain.FrozenCopies(p)
	for i := range copies {
		copies[i].ID = int64(idSLAs + 50 + i)
		if copies[i].PackageID == nil && c.SLAID == nil {
			c.SLAID = int64Ptr(copies[i].ID)
		}
	}
	p.SLAs = append(p.SLAs, copies...)
	c.FrozenOn = &signed
	p.Contract = c
}
