package session_test

import (
	"errors"
	"reflect"
	"testing"

	"schulit-lotse/domain"
)

// Once a bid is scored, the criteria and their weights are fixed: adding, deleting and
// reweighting are refused and change nothing; a name can still be corrected. Without scores
// everything is open again.
func TestCriteriaLockedOnceBidsAreScored(t *testing.T) {
	s := awardSession(t)
	id, err := s.AddCriterion(domain.TenderCriterion{Kind: domain.CriterionB, Name: "Konzept", Weight: 60})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCriterion(domain.TenderCriterion{Kind: domain.CriterionB, Name: "Preis", Weight: 40}); err != nil {
		t.Fatal(err)
	}
	bid, err := s.AddBid(domain.Bid{Bidder: "Nordlicht", Price: 100})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateBid(bid, func(b *domain.Bid) { b.Scores = map[int64]float64{id: 8} }); err != nil {
		t.Fatal(err)
	}
	before := append([]domain.TenderCriterion(nil), s.Project.Criteria...)
	if _, err := s.AddCriterion(domain.TenderCriterion{Kind: domain.CriterionB, Name: "Nachgereicht", Weight: 10}); !errors.Is(err, domain.ErrCriteriaLocked) {
		t.Errorf("add after scoring: %v", err)
	}
	if err := s.UpdateCriterion(id, func(k *domain.TenderCriterion) { k.Weight = 70 }); !errors.Is(err, domain.ErrCriteriaLocked) {
		t.Errorf("reweight after scoring: %v", err)
	}
	if err := s.DeleteCriterion(id); !errors.Is(err, domain.ErrCriteriaLocked) {
		t.Errorf("delete after scoring: %v", err)
	}
	if len(s.Project.Criteria) != len(before) || s.Project.Criteria[0].Weight != 60 {
		t.Fatalf("criteria changed: %+v", s.Project.Criteria)
	}
	sameAward(t, s)
	if err := s.UpdateCriterion(id, func(k *domain.TenderCriterion) { k.Name = "Konzept Störungsbearbeitung" }); err != nil {
		t.Errorf("renaming is a correction: %v", err)
	}
	// Without scores the criteria are open again.
	if err := s.UpdateBid(bid, func(b *domain.Bid) { b.Scores = nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateCriterion(id, func(k *domain.TenderCriterion) { k.Weight = 70 }); err != nil {
		t.Errorf("reweight without scores: %v", err)
	}
}

// A published tender freezes the criteria before any bid is scored. Reopening needs a reason;
// every change made while open is logged with the clock's day (2027-05-10) and that reason;
// undo takes back the change with its log line, and then the reopening; fixing it again closes.
func TestTenderFrozenOnPublicationReopenedWithReason(t *testing.T) {
	s := awardSession(t)
	id, err := s.AddCriterion(domain.TenderCriterion{Kind: domain.CriterionB, Name: "Konzept", Weight: 60})
	if err != nil {
		t.Fatal(err)
	}
	published := domain.NewDate(2027, 4, 1)
	if err := s.SetTender(domain.Tender{PublishedOn: &published}); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.TenderLog) != 0 {
		t.Fatalf("changes before the freeze are a draft, not logged: %+v", s.Project.TenderLog)
	}
	if err := s.UpdateCriterion(id, func(k *domain.TenderCriterion) { k.Weight = 70 }); !errors.Is(err, domain.ErrCriteriaLocked) {
		t.Fatalf("reweight after publication: %v", err)
	}
	if err := s.ReopenTender("  "); !errors.Is(err, domain.ErrReopenReason) {
		t.Fatalf("reopen without reason: %v", err)
	}
	if err := s.ReopenTender("Rüge eines Bieters: Gewichtung unklar"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReopenTender("noch einmal"); !errors.Is(err, domain.ErrTenderIsOpen) {
		t.Fatalf("second reopen: %v", err)
	}
	if err := s.UpdateCriterion(id, func(k *domain.TenderCriterion) { k.Weight = 70 }); err != nil {
		t.Fatalf("reweight while reopened: %v", err)
	}
	sameAward(t, s)
	want := []domain.TenderLogEntry{
		{ID: 1, On: domain.NewDate(2027, 5, 10), Kind: domain.LogReopen, Reason: "Rüge eines Bieters: Gewichtung unklar"},
		{ID: 2, On: domain.NewDate(2027, 5, 10), Kind: domain.LogChange, Reason: "Rüge eines Bieters: Gewichtung unklar",
			Criterion: "Konzept", Field: domain.ChangeWeight, Before: "60", After: "70"},
	}
	if !reflect.DeepEqual(s.Project.TenderLog, want) {
		t.Fatalf("log\n got %+v\nwant %+v", s.Project.TenderLog, want)
	}
	// Undo the change: weight and log line go back together.
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Criteria[0].Weight != 60 || len(s.Project.TenderLog) != 1 {
		t.Fatalf("after undo of the change: %+v %+v", s.Project.Criteria, s.Project.TenderLog)
	}
	// Undo the reopening: frozen again.
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	sameAward(t, s)
	if len(s.Project.TenderLog) != 0 || !domain.CriteriaLocked(s.Project, s.Today()) {
		t.Fatalf("after undo of the reopening: %+v", s.Project.TenderLog)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseTender(); err != nil {
		t.Fatal(err)
	}
	if !domain.CriteriaLocked(s.Project, s.Today()) || s.Project.TenderLog[1].Kind != domain.LogClose {
		t.Fatalf("after closing: %+v", s.Project.TenderLog)
	}
	if err := s.CloseTender(); !errors.Is(err, domain.ErrTenderNotOpen) {
		t.Fatalf("second close: %v", err)
	}
	sameAward(t, s)
}
