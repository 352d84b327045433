package domain

import (
	"testing"
	"time"
)

func TestMirroredMilestoneFollowsItsFact(t *testing.T) {
	due := NewDate(2026, 12, 1)
	signed := NewDate(2026, 11, 30)
	p := NewProject("M", awNow)
	p.Milestones = []Milestone{
		{ID: 1, Name: "Vertrag unterzeichnet", Due: &due, Owner: "A", Status: MilestonePlanned, Fact: FactContractSigned},
		{ID: 2, Name: "Pilot", Due: &due, Owner: "A", Status: MilestonePlanned},
	}
	// Nothing recorded: on 2 Dec both are one day late.
	if _, _, f := EvaluateKickoff(p, NewDate(2026, 12, 2)); len(f) != 2 || f[0].Code != FindMilestoneOverdue || f[1].Code != FindMilestoneOverdue {
		t.Fatalf("unrecorded: %+v", f)
	}
	// Signed on 30 Nov: the mirrored milestone is done from that day on, whatever its typed status.
	p.Contract.SignedOn = &signed
	_, figs, f := EvaluateKickoff(p, NewDate(2026, 12, 2))
	if len(f) != 1 || f[0].EntityID != 2 {
		t.Errorf("signed: %+v", f)
	}
	if figureValue(figs, "fig.kickoff.milestones_done") != 1 {
		t.Errorf("done figure %+v", figs)
	}
	// Judged on 29 Nov the signature lies ahead: planned, not yet due, so no finding at all.
	if r := p.Milestones[0].Resolved(p, NewDate(2026, 11, 29)); r.Status != MilestonePlanned {
		t.Errorf("before the signature: %s", r.Status)
	}
	// A typed "done" does not help a mirrored milestone whose fact is missing.
	p.Contract.SignedOn = nil
	p.Milestones[0].Status = MilestoneDone
	if r := p.Milestones[0].Resolved(p, NewDate(2026, 12, 2)); r.Status != MilestonePlanned || !r.Overdue(NewDate(2026, 12, 2)) {
		t.Errorf("typed done without the fact: %+v", r)
	}
	if p.Milestones[0].Status != MilestoneDone {
		t.Error("Resolved must not change the project")
	}
}

func TestMilestoneFactValidationAndPlan(t *testing.T) {
	if err := (Milestone{Name: "x", Fact: "contract.lost"}).Validate(); err != ErrMilestoneFact {
		t.Errorf("unknown fact: %v", err)
	}
	plan := MilestonePlanFrom(NewDate(2027, 1, 31), func(k string) string { return k })
	if plan[0].Fact != FactContractSigned || plan[1].Fact != FactKickoffHeld || plan[2].Fact != "" {
		t.Errorf("template facts %+v", plan[:3])
	}
	for _, f := range MilestoneFacts {
		if FactStep(f) == 0 {
			t.Errorf("fact %s has no step", f)
		}
	}
}

func TestProjectAsOf(t *testing.T) {
	p := NewProject("M", awNow)
	// 23:30 UTC on 31 Dec is already 1 Jan in Berlin (UTC+1).
	if d := p.AsOf(time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)); d.String() != "2027-01-01" {
		t.Errorf("today in Berlin: %s", d)
	}
	stand := NewDate(2027, 7, 14)
	p.Meta.DataAsOf = &stand
	if d := p.AsOf(awNow); d.String() != "2027-07-14" {
		t.Errorf("Stand der Daten: %s", d)
	}
}

func figureValue(figs []Figure, key string) float64 {
	for _, f := range figs {
		if f.Key == key {
			return f.Value
		}
	}
	return -1
}
