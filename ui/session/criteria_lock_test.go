package session_test

import (
	"errors"
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
