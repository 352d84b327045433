package sample

import (
	"testing"

	"schulit-lotse/domain"
)

// TestSampleStep10 checks the kickoff and the plan by hand, on two days: before the contract's
// date nothing is late; the day after it the contract milestone is reached, because it mirrors
// the signature recorded in step 9 (1 December 2026).
func TestSampleStep10(t *testing.T) {
	p := committedSample(t)
	k := p.Kickoff
	if k.Date == nil || k.Date.String() != "2026-12-08" || len(k.Participants) != 6 || k.Participants[4].Name != "Maren Ohlsen" ||
		k.Participants[4].Organisation != "Nordlicht IT-Service GmbH" || k.Participants[4].Role != "Serviceverantwortliche:r" {
		t.Errorf("kickoff %+v", k)
	}
	if len(p.Milestones) != 9 || p.Milestones[0].Name != "Vertrag unterzeichnet" || p.Milestones[6].Name != "Regelbetrieb" ||
		p.Milestones[6].Due.String() != "2027-03-01" {
		t.Fatalf("milestones %+v", p.Milestones)
	}
	st, figs, fs := domain.EvaluateKickoff(p, domain.NewDate(2026, 11, 27))
	if st != domain.StateDone || len(fs) != 0 {
		t.Errorf("27 Nov 2026: %s %+v", st, fs)
	}
	next := figs[len(figs)-1]
	if next.Key != "fig.kickoff.next_milestone" || next.Label != "Vertrag unterzeichnet" || next.Text != "2026-12-01" {
		t.Errorf("next milestone %+v", next)
	}
	if p.Milestones[0].Fact != domain.FactContractSigned || p.Milestones[1].Fact != domain.FactKickoffHeld {
		t.Errorf("mirrored milestones %+v", p.Milestones[:2])
	}
	_, figs, fs = domain.EvaluateKickoff(p, domain.NewDate(2026, 12, 2))
	if len(fs) != 0 {
		t.Errorf("2 Dec 2026: %+v", fs)
	}
	// Reached by 2 Dec: the signed contract and the six steps the sample marks done.
	for _, f := range figs {
		if f.Key == "fig.kickoff.milestones_done" && f.Value != 7 {
			t.Errorf("done on 2 Dec 2026: %v", f.Value)
		}
	}
}
