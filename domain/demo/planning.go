package demo

import (
	"math/rand/v2"

	"schulit-lotse/domain"
)

// Steps 5–6: the resource plan with pay groups for everyone in the inventory, and the
// steering group's assessment and decision for each package (a few still open).

func (g *gen) planning() {
	r := g.rng(partPlanning)
	p := g.p
	p.Resource = domain.ResourcePlan{PlanningYear: 2023, WeeklyHours: 39, LeaveDays: 30, SickDays: 12, OtherAbsenceDays: 2,
		VerteilzeitPercent: 10, TravelPercent: 8, DocumentationPct: 5}
	groups := []domain.PayGroup{
		{Name: "EG 6 TVöD (Verwaltung)", HourlyRate: 52.40, YearlyCost: 81744, Source: "KGSt-Bericht Kosten eines Arbeitsplatzes 2022/2023, Tabellenwert mit Gemeinkosten", SourceYear: 2022},
		{Name: "EG 9a TVöD (Sachbearbeitung)", HourlyRate: 61.10, YearlyCost: 95316, Source: "KGSt-Bericht Kosten eines Arbeitsplatzes 2022/2023, Tabellenwert mit Gemeinkosten", SourceYear: 2022},
		{Name: "EG 10 TVöD (Systembetreuung)", HourlyRate: 67.80, YearlyCost: 105768, Source: "KGSt-Bericht Kosten eines Arbeitsplatzes 2022/2023, Tabellenwert mit Gemeinkosten", SourceYear: 2022},
		{Name: "EG 12 TVöD (Leitung Schul-IT)", HourlyRate: 78.20, YearlyCost: 121992, Source: "KGSt-Bericht Kosten eines Arbeitsplatzes 2022/2023, Tabellenwert mit Gemeinkosten", SourceYear: 2022},
		{Name: "A 13 (Lehrkraft, Entlastungsstunde)", HourlyRate: 71.50, YearlyCost: 0, Source: "Eigene Schätzung Fachdienst Schulen nach Besoldungstabelle Niedersachsen 2022", SourceYear: 2022},
	}
	for i := range groups {
		groups[i].ID = int64(idPayGroups + 1 + i)
	}
	p.PayGroups = groups
	of := map[string]int64{
		respMedia: groups[4].ID, respTeacher: groups[4].ID, respLead: groups[4].ID,
		respOffice: groups[0].ID, respCaretaker: groups[0].ID, respPurchase: groups[1].ID,
		respDept: groups[1].ID, respDataCentre: groups[2].ID, respMediaCtr: groups[1].ID, respPrivacy: groups[3].ID,
	}
	for i := 0; i < teamSize; i++ {
		id := groups[2].ID
		if i == 0 {
			id = groups[3].ID // the team's lead
		}
		of[g.teamMember(i)] = id
	}
	p.Resource.PayGroupOf = of
	p.Resource.DefaultPayGroupID = groups[2].ID

	day := domain.NewDate(2022, 6, 21)
	for i, a := range g.areas {
		d := domain.SourcingDecision{ID: int64(idDecisions + 1 + i), PackageID: g.pkgByArea[a.key]}
		d.RiskDataProtection, d.RiskSecurity, d.RiskOutage = score(r, 3), score(r, 3), score(r, 3)
		d.ProjectRisk = score(r, 3)
		d.ImportanceUsers, d.ImportanceCarrier = score(r, 4), score(r, 3)
		switch a.outcome {
		case domain.OutcomeExternal:
			d.BudgetInternal, d.BudgetExternal = score(r, 2), score(r, 4)
			d.Rationale = "Für " + a.name + " fehlen eigene Stellen; ein Dienstleister mit festen Zusagen je Schule ist planbarer."
		case domain.OutcomeInternal:
			d.BudgetInternal, d.BudgetExternal = score(r, 4), score(r, 2)
			d.Rationale = a.name + " bleibt beim Landkreis: das Team kennt die Schulen, und die Daten bleiben in eigener Hand."
		case domain.OutcomeMixed:
			d.BudgetInternal, d.BudgetExternal = score(r, 3), score(r, 3)
			d.Rationale = "Grundleistung und Steuerung beim Landkreis, Spitzen und Vor-Ort-Arbeit beim Dienstleister."
		}
		d.CriteriaScores = map[string]float64{}
		for _, c := range domain.MakeOrBuyCriteria[:3+r.IntN(4)] {
			d.CriteriaScores[c] = float64(score(r, 3))
		}
		if r.IntN(3) == 0 {
			d.Notes = map[string]string{domain.GroupOutsourcingRisk: "Personenbezogene Daten von Lernenden betroffen; Auftragsverarbeitung nötig."}
		}
		d.Outcome = a.outcome
		if a.outcome != domain.OutcomeOpen {
			d.DecidedBy = "Steuerungsgruppe Schul-IT des Landkreises"
			dd := day
			d.DecidedOn = &dd
		}
		p.Decisions = append(p.Decisions, d)
	}
}

// score draws a 1–5 score around mid.
func score(r *rand.Rand, mid int) int {
	return min(5, max(1, mid+r.IntN(3)-1))
}
