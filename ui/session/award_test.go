package session_test

import (
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

func awardSession(t *testing.T) *session.Session {
	t.Helper()
	return withPackages(t, "Vergabe", domain.Package{ID: 1, Name: "Störungsbeseitigung", SortOrder: 1}, domain.Package{ID: 2, Name: "Vor-Ort-Support", SortOrder: 2})
}

// sameAward checks that model and file agree on everything of steps 7–9.
func sameAward(t *testing.T, s *session.Session) {
	t.Helper()
	sameParts(t, s, func(x *domain.Project) []any {
		return []any{x.SLAs, x.SchoolHolidays, x.Tender, x.Criteria, x.Bids, x.TenderLog, x.Contract}
	})
}

func describe(c string) string { return "Klasse " + c }

func TestSLAEditUndoRedo(t *testing.T) {
	s := awardSession(t)
	id, err := s.AddSLA(domain.NewDefaultSLA("Standard", describe))
	if err != nil {
		t.Fatal(err)
	}
	sameAward(t, s)
	if err := s.UpdateSLA(id, func(x *domain.SLA) { x.Classes[0].RestoreMinutes = 120 }); err != nil {
		t.Fatal(err)
	}
	sameAward(t, s)
	// Bad input: target 0, overlapping windows. Nothing changes, no undo step.
	if err := s.UpdateSLA(id, func(x *domain.SLA) { x.Classes[2].ResponseMinutes = 0 }); err != domain.ErrClassTargetZero {
		t.Fatalf("target 0: %v", err)
	}
	if err := s.UpdateSLA(id, func(x *domain.SLA) {
		x.Windows = append(x.Windows, domain.ServiceWindow{Weekday: 2, StartMinute: 8 * 60, EndMinute: 9 * 60})
	}); err != domain.ErrWindowOverlap {
		t.Fatalf("overlap: %v", err)
	}
	if s.UndoName() != "undo.sla_edit" || stored(t, s).SLAs[0].Classes[2].ResponseMinutes == 0 {
		t.Fatal("refused edits left a trace")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if stored(t, s).SLAs[0].Classes[0].RestoreMinutes != 240 {
		t.Fatal("undo not stored")
	}
	sameAward(t, s)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.SLAs[0].Classes[0].RestoreMinutes != 120 {
		t.Fatal("redo")
	}
	// A package SLA beside the general one; a second general one is refused.
	pkg := int64(2)
	ps := domain.NewDefaultSLA("Vor Ort", describe)
	ps.PackageID = &pkg
	pid, err := s.AddSLA(ps)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSLA(domain.NewDefaultSLA("Noch eins", describe)); err != domain.ErrSLAPackageTaken {
		t.Fatalf("second general SLA: %v", err)
	}
	if err := s.DeleteSLA(pid); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil || s.Project.SLAByID(pid) == nil {
		t.Fatalf("undo delete: %v", err)
	}
	sameAward(t, s)
}

func TestFreezeKeepsTheAgreedVersion(t *testing.T) {
	s := awardSession(t)
	id, _ := s.AddSLA(domain.NewDefaultSLA("Standard", describe))
	start := domain.NewDate(2027, 1, 1)
	if err := s.SetContract(domain.Contract{Provider: "Nordlicht IT", Type: domain.ContractEVBService, Start: &start, TermMonths: 24, NoticeMonths: 3}); err != nil {
		t.Fatal(err)
	}
	if err := s.FreezeSLAs(domain.NewDate(2026, 11, 20)); err != nil {
		t.Fatal(err)
	}
	sameAward(t, s)
	c := s.Project.Contract
	frozen := s.Project.SLAByID(*c.SLAID)
	if frozen == nil || !frozen.FrozenForContract || frozen.ID == id || c.FrozenOn == nil || c.FrozenOn.String() != "2026-11-20" {
		t.Fatalf("contract %+v frozen %+v", c, frozen)
	}
	// Editing the working SLA leaves the frozen copy as it was.
	if err := s.UpdateSLA(id, func(x *domain.SLA) { x.Classes[0].RestoreMinutes = 60 }); err != nil {
		t.Fatal(err)
	}
	p := stored(t, s)
	if got := p.SLAByID(*c.SLAID).Classes[0].RestoreMinutes; got != 240 {
		t.Fatalf("frozen copy changed to %d", got)
	}
	if err := s.UpdateSLA(*c.SLAID, func(x *domain.SLA) { x.Name = "x" }); err != domain.ErrSLAFrozen {
		t.Fatalf("editing the frozen copy: %v", err)
	}
	if err := s.DeleteSLA(*c.SLAID); err != domain.ErrSLAFrozen {
		t.Fatalf("deleting the frozen copy: %v", err)
	}
	// SetContract cannot repoint the frozen SLA.
	other := s.Project.Contract
	other.SLAID = &id
	other.Value = 1000
	if err := s.SetContract(other); err != nil {
		t.Fatal(err)
	}
	if *s.Project.Contract.SLAID != *c.SLAID {
		t.Fatal("SetContract repointed the SLA")
	}
	// Freezing again replaces the old copy; undo brings it back.
	oldID := *c.SLAID
	if err := s.FreezeSLAs(domain.NewDate(2027, 2, 1)); err != nil {
		t.Fatal(err)
	}
	if len(domain.FrozenSLAs(s.Project)) != 1 || s.Project.SLAByID(oldID) != nil {
		t.Fatalf("refreeze: %+v", s.Project.SLAs)
	}
	if got := domain.SLAInForce(s.Project, nil).Classes[0].RestoreMinutes; got != 60 {
		t.Fatalf("in force after refreeze: %d", got)
	}
	sameAward(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if *s.Project.Contract.SLAID != oldID || s.Project.SLAByID(oldID) == nil || domain.SLAInForce(s.Project, nil).Classes[0].RestoreMinutes != 240 {
		t.Fatalf("undo refreeze: %+v", s.Project.Contract)
	}
	sameAward(t, s)
}

func TestImportHolidaysAllOrNothing(t *testing.T) {
	s := awardSession(t)
	d := domain.NewDate
	herbst := domain.SchoolHoliday{Name: "Herbstferien", First: d(2026, 10, 12), Last: d(2026, 10, 24), Source: "ni.ics"}
	weih := domain.SchoolHoliday{Name: "Weihnachtsferien", First: d(2026, 12, 23), Last: d(2027, 1, 9), Source: "ni.ics"}
	if n, err := s.ImportHolidays([]domain.SchoolHoliday{weih, herbst}, false); err != nil || n != 2 {
		t.Fatalf("import: %d %v", n, err)
	}
	sameAward(t, s)
	if s.Project.SchoolHolidays[0].Name != "Herbstferien" {
		t.Fatal("not sorted by date")
	}
	// Again: duplicates are skipped.
	if n, err := s.ImportHolidays([]domain.SchoolHoliday{herbst}, false); err != nil || n != 0 {
		t.Fatalf("duplicate: %d %v", n, err)
	}
	// One broken period: nothing is stored.
	broken := domain.SchoolHoliday{Name: "Kaputt", First: d(2027, 3, 1), Last: d(2027, 2, 1)}
	ostern := domain.SchoolHoliday{Name: "Osterferien", First: d(2027, 3, 22), Last: d(2027, 4, 3)}
	if _, err := s.ImportHolidays([]domain.SchoolHoliday{ostern, broken}, false); err != domain.ErrHolidayRange {
		t.Fatalf("broken: %v", err)
	}
	if len(stored(t, s).SchoolHolidays) != 2 {
		t.Fatal("half-saved")
	}
	// Replace: the old ones go, in the same step.
	if n, err := s.ImportHolidays([]domain.SchoolHoliday{ostern}, true); err != nil || n != 1 || len(s.Project.SchoolHolidays) != 1 {
		t.Fatalf("replace: %d %v %+v", n, err, s.Project.SchoolHolidays)
	}
	sameAward(t, s)
	if err := s.Undo(); err != nil || len(s.Project.SchoolHolidays) != 2 {
		t.Fatalf("undo replace: %v", err)
	}
	sameAward(t, s)
}

func TestTenderEditsAndScoredCriteriaAreFixed(t *testing.T) {
	s := awardSession(t)
	if err := s.SetTender(domain.Tender{Procedure: "Offenes Verfahren", Method: domain.MethodExtended}); err != domain.ErrTenderTieBreaker {
		t.Fatalf("extended without rule: %v", err)
	}
	if err := s.SetTender(domain.Tender{Procedure: "Offenes Verfahren", Method: domain.MethodSimple}); err != nil {
		t.Fatal(err)
	}
	a, _ := s.AddCriterion(domain.TenderCriterion{Kind: domain.CriterionA, Name: "Referenzen"})
	b, err := s.AddCriterion(domain.TenderCriterion{Kind: domain.CriterionB, Group: "Leistung", Name: "Konzept", Weight: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddBid(domain.Bid{Bidder: "Ohne Preis"}); err != domain.ErrBidPrice {
		t.Fatalf("bid without price: %v", err)
	}
	bid, err := s.AddBid(domain.Bid{Bidder: "Nordlicht IT", Price: 1000, Scores: map[int64]float64{a: 1, b: 7}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateBid(bid, func(x *domain.Bid) { x.Scores[b] = 12 }); err != domain.ErrBidScoreRange {
		t.Fatalf("score 12: %v", err)
	}
	if s.Project.BidByID(bid).Scores[b] != 7 {
		t.Fatal("refused edit changed the model")
	}
	// Scored bids fix the criteria: delete and kind change are refused and change nothing.
	if err := s.DeleteCriterion(b); err != domain.ErrCriteriaLocked {
		t.Fatalf("delete a scored criterion: %v", err)
	}
	if err := s.UpdateCriterion(b, func(k *domain.TenderCriterion) { k.Kind = domain.CriterionA }); err != domain.ErrCriteriaLocked {
		t.Fatalf("kind change of a scored criterion: %v", err)
	}
	if s.Project.BidByID(bid).Scores[b] != 7 || s.Project.CriterionByID(b) == nil {
		t.Fatal("a refused change touched the model")
	}
	sameAward(t, s)
	// Without scores the criterion can go; the exported document still imports.
	if err := s.UpdateBid(bid, func(x *domain.Bid) { x.Scores = nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCriterion(b); err != nil {
		t.Fatal(err)
	}
	sameAward(t, s)
	var buf bytesBuffer
	if err := persistence.ExportJSON(&buf, stored(t, s)); err != nil {
		t.Fatal(err)
	}
	if _, err := persistence.ParseJSON(buf.b); err != nil {
		t.Fatalf("re-import: %v", err)
	}
	if err := s.Undo(); err != nil || s.Project.CriterionByID(b) == nil {
		t.Fatalf("undo did not restore the criterion: %v", err)
	}
	sameAward(t, s)
}

type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }
