package domain

import (
	"reflect"
	"testing"
)

// The tender freezes on the day it is published (not before) or once a bid is scored; a
// reopening without a closing after it opens it again.
func TestTenderFreezeAndReopening(t *testing.T) {
	pub := NewDate(2027, 4, 1)
	p := &Project{Tender: Tender{PublishedOn: &pub}}
	if got := TenderFreeze(p, NewDate(2027, 3, 31)); got != "" {
		t.Errorf("the day before publication: %q", got)
	}
	if got := TenderFreeze(p, pub); got != FreezePublished {
		t.Errorf("on publication: %q", got)
	}
	p.Tender.PublishedOn = nil
	p.Bids = []Bid{{ID: 1, Scores: map[int64]float64{1: 7}}}
	if got := TenderFreeze(p, pub); got != FreezeScored {
		t.Errorf("scored: %q", got)
	}
	if !CriteriaLocked(p, pub) {
		t.Error("scored and not reopened must be locked")
	}
	p.TenderLog = []TenderLogEntry{{ID: 1, Kind: LogReopen, Reason: "Rüge"}}
	if CriteriaLocked(p, pub) || OpenReopening(p).Reason != "Rüge" {
		t.Error("reopened must be open")
	}
	p.TenderLog = append(p.TenderLog, TenderLogEntry{ID: 2, Kind: LogClose})
	if !CriteriaLocked(p, pub) || OpenReopening(p) != nil {
		t.Error("closed again must be locked")
	}
}

func TestCriterionChangesListEachProperty(t *testing.T) {
	old := TenderCriterion{Name: "Konzept", Kind: CriterionB, Weight: 60, MinScore: 0}
	next := old
	next.Name, next.Weight, next.MinScore = "Konzept neu", 62.5, 4
	got := CriterionChanges(&old, &next)
	want := []TenderLogEntry{
		{Kind: LogChange, Criterion: "Konzept neu", Field: ChangeWeight, Before: "60", After: "62.5"},
		{Kind: LogChange, Criterion: "Konzept neu", Field: ChangeMinScore, Before: "0", After: "4"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
	if got := CriterionChanges(nil, &old); len(got) != 1 || got[0].Field != ChangeAdded || got[0].After != "B 60" {
		t.Errorf("added: %+v", got)
	}
	a := TenderCriterion{Name: "Referenzen", Kind: CriterionA}
	if got := CriterionChanges(&a, nil); len(got) != 1 || got[0].Field != ChangeDeleted || got[0].Before != "A" {
		t.Errorf("deleted: %+v", got)
	}
	if err := (TenderLogEntry{Kind: LogReopen, On: NewDate(2027, 1, 1)}).Validate(); err != ErrReopenReason {
		t.Errorf("reopen without reason: %v", err)
	}
}
