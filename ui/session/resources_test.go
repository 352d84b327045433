package session_test

import (
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// resourceSession is a project with two packages, opened as a session.
func resourceSession(t *testing.T) *session.Session {
	t.Helper()
	return withPackages(t, "Ressourcen", domain.Package{ID: 1, Name: "User-Management", SortOrder: 1}, domain.Package{ID: 2, Name: "Software", SortOrder: 2})
}

// sameInFile checks that model and file agree on everything of steps 5 and 6.
func sameInFile(t *testing.T, s *session.Session) {
	t.Helper()
	sameParts(t, s, func(x *domain.Project) []any {
		return []any{domain.EffectivePlan(x.Resource), x.PayGroups, x.Decisions, x.Packages}
	})
}

func TestResourcePlanEditUndoRedo(t *testing.T) {
	s := resourceSession(t)
	next := s.Project.Resource
	next.WeeklyHours, next.TravelPercent = 40, 5
	if err := s.SetResourcePlan(next); err != nil {
		t.Fatal(err)
	}
	sameInFile(t, s)
	if stored(t, s).Resource.WeeklyHours != 40 || s.UndoName() != "undo.resources.plan" {
		t.Fatalf("not stored: %+v", stored(t, s).Resource)
	}
	// A plan without working days is refused; nothing changes, no undo step.
	bad := next
	bad.SickDays = 300
	if err := s.SetResourcePlan(bad); err != domain.ErrResourceNoWorkingDays {
		t.Fatalf("got %v", err)
	}
	if s.Project.Resource.SickDays != 10 {
		t.Fatal("model changed by a refused edit")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Resource.WeeklyHours != 39 || stored(t, s).Resource.WeeklyHours != 39 {
		t.Fatal("undo did not restore 39 h")
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	sameInFile(t, s)
	if s.Project.Resource.TravelPercent != 5 {
		t.Fatal("redo lost the edit")
	}
}

func TestPayGroupsMappingAndDeleteWithReferences(t *testing.T) {
	s := resourceSession(t)
	ids, err := s.AddExamplePayGroups()
	if err != nil || len(ids) != 3 || ids[0] != 1 || ids[2] != 3 {
		t.Fatalf("examples: %v %v", ids, err)
	}
	if !s.Project.PayGroups[1].IsExample() || s.Project.PayGroups[1].HourlyRate != 68.66 {
		t.Fatalf("example group %+v", s.Project.PayGroups[1])
	}
	if err := s.MapPayGroup("Anna", 2); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDefaultPayGroup(2); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateDecision(1, "undo.sourcing.score", func(d *domain.SourcingDecision) { d.PayGroupID = &ids[1] }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdatePayGroup(2, func(g *domain.PayGroup) { g.HourlyRate, g.Source = 72.5, "Eigene Kalkulation 2026" }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdatePayGroup(2, func(g *domain.PayGroup) { g.Name = " " }); err != domain.ErrPayGroupName {
		t.Fatalf("empty name: %v", err)
	}
	sameInFile(t, s)

	// Deleting the group removes the mapping, the default and the package's pay group; undo
	// brings every reference back.
	if err := s.DeletePayGroup(2); err != nil {
		t.Fatal(err)
	}
	sameInFile(t, s)
	p := stored(t, s)
	if len(p.PayGroups) != 2 || len(p.Resource.PayGroupOf) != 0 || p.Resource.DefaultPayGroupID != 0 || p.Decisions[0].PayGroupID != nil {
		t.Fatalf("references left: %+v %+v", p.Resource, p.Decisions)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	sameInFile(t, s)
	p = stored(t, s)
	if g := p.PayGroupByID(2); g == nil || g.HourlyRate != 72.5 || p.Resource.PayGroupOf["Anna"] != 2 || p.Resource.DefaultPayGroupID != 2 || *p.Decisions[0].PayGroupID != 2 {
		t.Fatalf("undo: %+v %+v %+v", p.PayGroups, p.Resource, p.Decisions)
	}
	if err := s.MapPayGroup("Anna", 99); err == nil {
		t.Error("mapping onto a missing pay group accepted")
	}
}

func TestPackagePriceAndDecision(t *testing.T) {
	s := resourceSession(t)
	if err := s.SetPackagePrice(1, 85, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPackagePrice(2, 0, 1200); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPackagePrice(3, 1, 0); err == nil {
		t.Error("price for a missing package accepted")
	}
	sameInFile(t, s)

	day := domain.NewDate(2026, time.November, 12)
	if err := s.UpdateDecision(2, "undo.sourcing.score", func(d *domain.SourcingDecision) {
		d.RiskDataProtection = 4
		d.Notes = map[string]string{domain.GroupOutsourcingRisk: "Schülerdaten"}
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateDecision(2, "undo.sourcing.decision", func(d *domain.SourcingDecision) {
		d.Outcome, d.DecidedBy, d.DecidedOn, d.Rationale = domain.OutcomeMixed, "Steuerungsgruppe", &day, "Datenschutz bleibt im Haus"
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateDecision(2, "undo.sourcing.score", func(d *domain.SourcingDecision) { d.RiskOutage = 6 }); err != domain.ErrSourcingScore {
		t.Fatalf("score 6: %v", err)
	}
	sameInFile(t, s)
	d := stored(t, s).DecisionFor(2)
	if d == nil || d.Outcome != domain.OutcomeMixed || d.RiskDataProtection != 4 || d.Notes[domain.GroupOutsourcingRisk] != "Schülerdaten" {
		t.Fatalf("decision %+v", d)
	}
	// Two undos: the decision is gone again, as before the first edit.
	s.Undo()
	s.Undo()
	sameInFile(t, s)
	if stored(t, s).DecisionFor(2) != nil || len(s.Project.Decisions) != 0 {
		t.Fatal("undo left the decision")
	}
	s.Redo()
	if d := stored(t, s).DecisionFor(2); d == nil || d.ID != 1 || d.RiskDataProtection != 4 {
		t.Fatalf("redo %+v", d)
	}
}
