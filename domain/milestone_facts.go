package domain

import "slices"

// Facts a milestone can mirror. Such a milestone is reached when the fact is recorded in its
// step with a day that is not after the day of judgement; its typed status is ignored, so the
// plan can never contradict the record (a signed contract with an overdue "contract signed").
const (
	FactTenderPublished = "tender.published"
	FactContractSigned  = "contract.signed"
	FactKickoffHeld     = "kickoff.held"
)

// MilestoneFacts lists the facts in the order a select offers them.
var MilestoneFacts = []string{FactTenderPublished, FactContractSigned, FactKickoffHeld}

// ErrMilestoneFact: a milestone names a fact this version does not know.
const ErrMilestoneFact Error = "err.kickoff.milestone_fact"

// ValidMilestoneFact reports whether f is empty or one of MilestoneFacts.
func ValidMilestoneFact(f string) bool {
	return f == "" || slices.Contains(MilestoneFacts, f)
}

// FactDate is the day the project records for a fact, or nil when it is not recorded.
func FactDate(p *Project, fact string) *Date {
	switch fact {
	case FactTenderPublished:
		return p.Tender.PublishedOn
	case FactContractSigned:
		return p.Contract.SignedOn
	case FactKickoffHeld:
		return p.Kickoff.Date
	}
	return nil
}

// FactStep is the step in which a fact is recorded (0 for an unknown fact).
func FactStep(fact string) int {
	switch fact {
	case FactTenderPublished:
		return 8
	case FactContractSigned:
		return 9
	case FactKickoffHeld:
		return 10
	}
	return 0
}

// Mirrors reports whether the milestone's state follows a recorded fact.
func (m Milestone) Mirrors() bool { return m.Fact != "" }

// Resolved returns the milestone with the state its fact gives on the day: done when the fact
// is recorded on or before today, planned otherwise. A milestone without a fact is unchanged.
func (m Milestone) Resolved(p *Project, today Date) Milestone {
	if !m.Mirrors() {
		return m
	}
	if d := FactDate(p, m.Fact); d != nil && !d.After(today.Time) {
		m.Status = MilestoneDone
	} else {
		m.Status = MilestonePlanned
	}
	return m
}

// ResolvedMilestones is the plan as of today: every mirrored milestone with its fact's state.
func ResolvedMilestones(p *Project, today Date) []Milestone {
	out := make([]Milestone, len(p.Milestones))
	for i, m := range p.Milestones {
		out[i] = m.Resolved(p, today)
	}
	return out
}
