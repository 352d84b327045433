package sample

import (
	_ "embed"

	"schulit-lotse/domain"
	"schulit-lotse/persistence/importers/ics"
)

// Step 7 of Musterstadt: a general SLA with P1–P4 in plain words, a higher service level for
// the package Störungsbeseitigung where the board has it, an OLA for Software (kept in the
// house), and the Ferien of Niedersachsen for the
// school year 2026/27 read from the fixture of the iCalendar reader (Beispieldaten).

// ferienICS is the sample's calendar of the Lower Saxon school holidays 2026/27 (example data).
//
//go:embed ferien-ni-2026-2027.ics
var ferienICS []byte

func sampleClasses(p1Response, p1Restore int) []domain.PriorityClassTarget {
	return []domain.PriorityClassTarget{
		{Code: "P1", Description: "Eine ganze Schule oder ein zentraler Dienst ist ausgefallen (Internet, WLAN, Schulserver, IServ): Unterricht mit IT ist nicht möglich.",
			ResponseMinutes: p1Response, RestoreMinutes: p1Restore},
		{Code: "P2", Description: "Ein Raum, ein Klassensatz oder ein Dienst für viele ist gestört (z. B. alle Tablets eines Jahrgangs, Präsentationstechnik im Fachraum).",
			ResponseMinutes: 60, RestoreMinutes: 8 * 60},
		{Code: "P3", Description: "Ein einzelnes Gerät oder Konto ist gestört, es gibt eine Ausweichmöglichkeit (z. B. ein Lehrkräfte-Laptop, ein Drucker).",
			ResponseMinutes: 4 * 60, RestoreMinutes: 3 * 8 * 60},
		{Code: "P4", Description: "Anfrage oder Änderungswunsch ohne Einfluss auf den Unterricht (z. B. neue Software, ein Konto zum Monatsbeginn).",
			ResponseMinutes: 8 * 60, RestoreMinutes: 5 * 8 * 60},
	}
}

// sampleWindows are Monday–Thursday 07:30–16:30 and Friday 07:30–14:00 (42.5 h a week).
func sampleWindows() []domain.ServiceWindow {
	return append(domain.WeekdayWindows(1, 4, 7*60+30, 16*60+30), domain.WeekdayWindows(5, 5, 7*60+30, 14*60)...)
}

func sampleStep7(p *domain.Project) {
	p.SLAs = append(p.SLAs, domain.SLA{
		ID: 700, Name: "Standard-SLA Schul-IT", Windows: sampleWindows(), PublicHolidaysStopClock: true,
		Classes: sampleClasses(30, 4*60), HotlineAnsweredPct: 90, HotlineMaxWaitSeconds: 120,
		SatisfactionTargetPct: 80, ReportingCadence: domain.CadenceMonthly,
	})
	for _, pk := range p.Packages {
		if pk.Name == "Störungsbeseitigung" {
			id := pk.ID
			// Monday–Friday 07:00–17:00.
			ws := domain.WeekdayWindows(1, 5, 7*60, 17*60)
			p.SLAs = append(p.SLAs, domain.SLA{
				ID: 701, Name: "Störungsbeseitigung – erhöhter Service", PackageID: &id, Windows: ws, PublicHolidaysStopClock: true,
				Classes: sampleClasses(15, 2*60), HotlineAnsweredPct: 95, HotlineMaxWaitSeconds: 60,
				SatisfactionTargetPct: 85, ReportingCadence: domain.CadenceMonthly,
			})
		}
	}
	// Software stays in the house (step 6): the team's OLA for it, on the SLA's clock with
	// targets the team of two can keep; its MDM tickets are measured against it.
	for _, pk := range p.Packages {
		if pk.Name == "Software" {
			id := pk.ID
			p.SLAs = append(p.SLAs, domain.SLA{
				ID: 702, Name: "OLA Software (Team Schul-IT)", PackageID: &id, Internal: true, Windows: sampleWindows(),
				PublicHolidaysStopClock: true, Classes: sampleClasses(60, 8*60), ReportingCadence: domain.CadenceQuarterly,
			})
		}
	}
	r, err := ics.Parse(ferienICS)
	if err != nil {
		panic(err)
	}
	hs := r.Holidays(r.Detected, "Ferien", "Beispieldaten (ferien-ni-2026-2027.ics, ohne Gewähr)")
	for i := range hs {
		hs[i].ID = int64(700 + i)
	}
	p.SchoolHolidays = append(p.SchoolHolidays, hs...)
}
