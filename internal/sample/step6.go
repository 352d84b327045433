package sample

import (
	"schulit-lotse/domain"
)

// Step 6 of Musterstadt: the steering group's assessment and decision for every package the
// board has. Each decision agrees with step 4: User-Management and Hardware-Wartung are
// "gemischt" (the matrix suggests otherwise: the recorded decision stands), Software stays
// "intern" because no task of it goes out.

type sampleAssessment struct {
	risk        [3]int // data protection, security, outage
	projectRisk int
	importance  [2]int // users, Schulträger
	budget      [2]int // internal, external
	notes       map[string]string
	criteria    map[string]float64
	outcome     domain.SourcingOutcome
	rationale   string
}

var sampleAssessments = map[string]sampleAssessment{
	"User-Management": {risk: [3]int{4, 4, 2}, projectRisk: 2, importance: [2]int{4, 4}, budget: [2]int{4, 3},
		notes:     map[string]string{domain.GroupOutsourcingRisk: "Konten und Passwörter aller Lernenden und Lehrkräfte"},
		criteria:  map[string]float64{"competence": 5, "control": 5},
		outcome:   domain.OutcomeMixed,
		rationale: "Die Identitäten der Schulen bleiben in eigener Hand: Passwörter setzt das Team Schul-IT zurück; das Anlegen der IServ-Konten nach den Listen der Schulen übernimmt der Dienstleister."},
	"Vor-Ort-Support": {risk: [3]int{2, 2, 3}, projectRisk: 4, importance: [2]int{5, 4}, budget: [2]int{1, 4},
		notes:     map[string]string{domain.GroupBudget: "Keine neuen Stellen im Haushalt 2027; Mittel aus dem DigitalPakt für Dienstleistungen"},
		outcome:   domain.OutcomeExternal,
		rationale: "Für zwölf Schulen fehlen eigene Technikerinnen und Techniker; ein Dienstleister mit festen Zeiten je Schule ist planbarer."},
	"Hardware-Wartung": {risk: [3]int{1, 2, 3}, projectRisk: 3, importance: [2]int{4, 3}, budget: [2]int{3, 4},
		outcome:   domain.OutcomeMixed,
		rationale: "Wartung der Tablets ab dem Schuljahr 2027/28 beim Dienstleister; Drucker und Beschaffung bleiben bei den Sekretariaten und dem Fachbereich."},
	"Software": {risk: [3]int{3, 3, 4}, projectRisk: 3, importance: [2]int{4, 3}, budget: [2]int{3, 3},
		notes:     map[string]string{domain.GroupOutsourcingRisk: "Fehlerhafte Updates legen ganze Klassensätze lahm"},
		outcome:   domain.OutcomeInternal,
		rationale: "Freigabe und Zuweisung im MDM bleiben beim Team Schul-IT; ob der Dienstleister später Pakete baut und testet, prüft die Steuerungsgruppe nach dem ersten Jahr."},
	"Störungsbeseitigung": {risk: [3]int{2, 3, 4}, projectRisk: 4, importance: [2]int{5, 5}, budget: [2]int{3, 4},
		outcome:   domain.OutcomeMixed,
		rationale: "Erstlöseversuch weiter an der Schule, alles Weitere beim Dienstleister mit erhöhtem Service."},
	"Wissensmanagement": {risk: [3]int{2, 1, 1}, projectRisk: 2, importance: [2]int{3, 4}, budget: [2]int{3, 2},
		outcome:   domain.OutcomeInternal,
		rationale: "Die Wissensdatenbank pflegt das Team Schul-IT; der Dienstleister liefert seine Lösungen zu."},
}

func sampleStep6(p *domain.Project) {
	day := domain.NewDate(2026, 11, 12)
	next := int64(600)
	for _, pk := range p.Packages {
		a, ok := sampleAssessments[pk.Name]
		if !ok {
			continue
		}
		d := domain.SourcingDecision{ID: next, PackageID: pk.ID,
			RiskDataProtection: a.risk[0], RiskSecurity: a.risk[1], RiskOutage: a.risk[2], ProjectRisk: a.projectRisk,
			ImportanceUsers: a.importance[0], ImportanceCarrier: a.importance[1], BudgetInternal: a.budget[0], BudgetExternal: a.budget[1],
			Notes: a.notes, CriteriaScores: a.criteria, Outcome: a.outcome, Rationale: a.rationale}
		if a.outcome != domain.OutcomeOpen {
			d.DecidedBy = "Steuerungsgruppe Schul-IT"
			d.DecidedOn = &day
		}
		p.Decisions = append(p.Decisions, d)
		next++
	}
}
