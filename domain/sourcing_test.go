package domain

import (
	"slices"
	"testing"
	"time"
)

func TestSuggestQuadrants(t *testing.T) {
	cases := []struct {
		risk, strength float64
		want           SourcingOutcome
	}{
		{4, 4, OutcomeInternal}, // risky to hand out, the house can do it
		{1, 3, OutcomeInternal}, // the middle counts as high
		{2.9, 2.9, OutcomeExternal},
		{3, 2, OutcomeMixed}, // risky to hand out, but the house cannot carry it alone
	}
	for _, c := range cases {
		if got := Suggest(c.risk, c.strength); got != c.want {
			t.Errorf("Suggest(%v, %v) = %q, want %q", c.risk, c.strength, got, c.want)
		}
	}
}

func TestCostScoreSteps(t *testing.T) {
	cases := []struct {
		internal, external, want float64
	}{
		{100, 150, 5},     // 1,5
		{100, 120, 4},     // 1,2
		{100, 100, 3},     // even
		{100, 80, 2},      // 0,8 (> 1/1,5 = 0,667)
		{100, 60, 1},      // 0,6
		{100, 115, 4},     // exactly 1,15
		{14880, 20160, 4}, // the User-Management case: 1,3548
	}
	for _, c := range cases {
		got, ok := CostScore(PackageCost{Internal: c.internal, External: c.external})
		if !ok || got != c.want {
			t.Errorf("cost score %v/%v = %v (%v), want %v", c.external, c.internal, got, ok, c.want)
		}
	}
	if _, ok := CostScore(PackageCost{Internal: 100, ExternalMissing: 1}); ok {
		t.Error("a missing external price must leave the cost score unknown")
	}
}

// sourcingProject is costProject with an assessment of User-Management:
//
//	outsourcing risk: data protection 4, security 3, outage 2 → (4 + 3 + 2) / 3 = 3,0 (high)
//	in-house strength: budget internal 2, project risk 4 → inverted 6 − 4 = 2, cost score 4
//	  (external 20.160 € ÷ internal 14.880 € = 1,35) → (2 + 2 + 4) / 3 = 2,667 (weak)
//	importance: users 5, Schulträger 4 → 4,5
//
// → the lower right quadrant: gemischt.
func sourcingProject() *Project {
	p := costProject()
	p.Decisions = []SourcingDecision{{ID: 1, PackageID: 1, RiskDataProtection: 4, RiskSecurity: 3, RiskOutage: 2,
		ProjectRisk: 4, BudgetInternal: 2, BudgetExternal: 4, ImportanceUsers: 5, ImportanceCarrier: 4}}
	return p
}

func TestAssessmentByHand(t *testing.T) {
	p := sourcingProject()
	as := AssessSourcing(p)
	if len(as) != 2 {
		t.Fatalf("assessments %+v", as)
	}
	um := as[0]
	if !near(um.Risk, 3) || !near(um.Strength, 8.0/3) || !near(um.Importance, 4.5) || um.CostScore != 4 || um.Suggestion != OutcomeMixed || um.Recorded != OutcomeOpen {
		t.Errorf("User-Management %+v", um)
	}
	// Hardware-Wartung has no assessment: no position, no suggestion, but a cost score of 5
	// (12.000 € ÷ 6.912 € = 1,74) that does not make a position on its own.
	if hw := as[1]; hw.RiskKnown || hw.Suggestion != OutcomeOpen || hw.Decision != nil {
		t.Errorf("Hardware-Wartung %+v", hw)
	}

	// Make-or-buy criteria: Kompetenz 5 (weight 2), Effizienz 4 (weight 1 by default), Kontrolle
	// weighed 3 but not scored → (5 × 2 + 4 × 1) / 3 = 4,667. Strength (2 + 2 + 4 + 4,667) / 4 =
	// 3,1667 → intern.
	d := &p.Decisions[0]
	d.CriteriaScores = map[string]float64{"competence": 5, "efficiency": 4}
	d.CriteriaWeights = map[string]float64{"competence": 2, "control": 3}
	um = AssessSourcing(p)[0]
	if !near(um.MakeOrBuy, 14.0/3) || !near(um.Strength, (8+14.0/3)/4) || um.Suggestion != OutcomeInternal {
		t.Errorf("with criteria %+v", um)
	}

	// The recorded decision stands, whatever the matrix suggests.
	d.Outcome = OutcomeExternal
	um = AssessSourcing(p)[0]
	if um.Recorded != OutcomeExternal || um.Suggestion != OutcomeInternal {
		t.Errorf("recorded %q suggestion %q", um.Recorded, um.Suggestion)
	}
}

func TestSourcingQuestionsAndState(t *testing.T) {
	p := sourcingProject()
	st, figs, f := evaluateSourcing(p, testDay)
	if st != StateInProgress {
		t.Errorf("state %s", st)
	}
	if got := findingCodes(f); !slices.Equal(got, []string{FindSrcOpen + " User-Management", FindSrcOpen + " Hardware-Wartung"}) {
		t.Errorf("findings %q", got)
	}
	if figs[3].Key != "fig.src.count.open" || figs[3].Value != 2 || figs[4].Key != "fig.src.decision.open" || figs[4].Label != "User-Management" {
		t.Errorf("figures %+v", figs)
	}

	// Record User-Management as extern without reasons; Hardware-Wartung completely.
	day := NewDate(2026, time.November, 12)
	p.Decisions[0].Outcome = OutcomeExternal
	p.Decisions = append(p.Decisions, SourcingDecision{ID: 2, PackageID: 2, Outcome: OutcomeInternal, DecidedBy: "Steuerungsgruppe",
		DecidedOn: &day, Rationale: "Eigenes Team kennt die Geräte", BudgetInternal: 2})
	st, figs, f = evaluateSourcing(p, testDay)
	want := []string{FindSrcNoRationale + " User-Management", FindSrcNoDecider + " User-Management", FindSrcNoDate + " User-Management",
		FindSrcNoInternalMoney + " Hardware-Wartung"}
	if got := findingCodes(f); !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if st != StateInProgress {
		t.Errorf("state %s", st)
	}
	if figs[0].Value != 1 || figs[1].Value != 1 || figs[3].Value != 0 || figs[5].Key != "fig.src.decision.intern" || figs[5].Text != "2026-11-12" {
		t.Errorf("figures %+v", figs)
	}

	p.Decisions[0].Rationale, p.Decisions[0].DecidedBy, p.Decisions[0].DecidedOn = "Keine Kapazität", "Ausschuss", &day
	if st, _, f = evaluateSourcing(p, testDay); st != StateDone {
		t.Errorf("every package decided: state %s, %+v", st, f)
	}
}

func TestSourcingWithoutPackages(t *testing.T) {
	p := demandProject()
	p.Packages = nil
	st, figs, f := evaluateSourcing(p, testDay)
	if st != StateOpen || len(f) != 0 || len(figs) != 4 {
		t.Errorf("state %s findings %+v figures %+v", st, f, figs)
	}
}

func TestDecisionValidation(t *testing.T) {
	ok := SourcingDecision{PackageID: 1, RiskOutage: 5, Outcome: OutcomeMixed}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		d    SourcingDecision
		want error
	}{
		{SourcingDecision{}, ErrSourcingPackage},
		{SourcingDecision{PackageID: 1, RiskOutage: 6}, ErrSourcingScore},
		{SourcingDecision{PackageID: 1, BudgetExternal: -1}, ErrSourcingScore},
		{SourcingDecision{PackageID: 1, CriteriaScores: map[string]float64{"quality": 7}}, ErrSourcingScore},
		{SourcingDecision{PackageID: 1, CriteriaWeights: map[string]float64{"quality": -1}}, ErrSourcingWeight},
		{SourcingDecision{PackageID: 1, Outcome: "outsourced"}, ErrSourcingOutcome},
	}
	for i, b := range bad {
		if err := b.d.Validate(); err != b.want {
			t.Errorf("case %d: %v, want %v", i, err, b.want)
		}
	}
}
