package domain

import (
	"reflect"
	"testing"
)

// A clone equals the project and shares nothing that an edit of the original could change.
func TestCloneIsDeepAndEqual(t *testing.T) {
	due := NewDate(2027, 3, 1)
	pkg := int64(7)
	p := NewProject("Klon", awNow)
	p.Meta.DataAsOf = &due
	p.Tasks = []Task{{ID: 1, Name: "A", Effort: &Effort{Value: 2, Unit: HoursPerMonth}, PackageID: &pkg}}
	p.Bids = []Bid{{ID: 1, Bidder: "X", Scores: map[int64]float64{1: 5}}}
	p.SLAs = []SLA{{ID: 1, Windows: []ServiceWindow{{Weekday: 1}}, Classes: []PriorityClassTarget{{Code: "P1"}}}}
	p.Milestones = []Milestone{{ID: 1, Name: "M", Due: &due}}
	p.Config = map[string]string{"k": "v"}
	c := p.Clone()
	if !reflect.DeepEqual(p, c) {
		t.Fatalf("clone differs:\n%+v\n%+v", p, c)
	}
	// Edit every kind of shared memory in the original; the clone keeps its values.
	p.Tasks[0].Name = "B"
	p.Tasks[0].Effort.Value = 9
	*p.Tasks[0].PackageID = 8
	p.Bids[0].Scores[1] = 0
	p.SLAs[0].Windows[0].Weekday = 5
	p.SLAs[0].Classes[0].Code = "P9"
	p.Milestones[0].Due.Time = p.Milestones[0].Due.AddDate(1, 0, 0)
	p.Config["k"] = "w"
	if c.Tasks[0].Name != "A" || c.Tasks[0].Effort.Value != 2 || *c.Tasks[0].PackageID != 7 || c.Bids[0].Scores[1] != 5 ||
		c.SLAs[0].Windows[0].Weekday != 1 || c.SLAs[0].Classes[0].Code != "P1" || c.Milestones[0].Due.String() != "2027-03-01" ||
		c.Config["k"] != "v" || c.Meta.DataAsOf.String() != "2027-03-01" {
		t.Errorf("the clone shares memory with the original: %+v", c)
	}
	if (*Project)(nil).Clone() != nil {
		t.Error("nil clone")
	}
}
