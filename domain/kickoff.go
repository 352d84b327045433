package domain

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Step 10 (Auftakt): the kickoff meeting with the provider and the milestone plan from the
// start of the project to regular operation.

// Milestone states, as stored in Milestone.Status.
const (
	MilestonePlanned    = "planned"
	MilestoneInProgress = "in-progress"
	MilestoneDone       = "done"
)

// MilestoneStatuses lists the states in the order a select offers them.
var MilestoneStatuses = []string{MilestonePlanned, MilestoneInProgress, MilestoneDone}

// Rule violations of step 10.
const (
	ErrMilestoneNameEmpty   Error = "err.kickoff.milestone_name_empty"
	ErrMilestoneStatus      Error = "err.kickoff.milestone_status"
	ErrParticipantNameEmpty Error = "err.kickoff.participant_name_empty"
)

// Finding codes of step 10.
const (
	FindKickoffNoDate    = "find.kickoff.no_date"
	FindKickoffNoPeople  = "find.kickoff.no_participants"
	FindMilestoneNoDue   = "find.kickoff.milestone_no_due"
	FindMilestoneNoOwner = "find.kickoff.milestone_no_owner"
	FindMilestoneOverdue = "find.kickoff.milestone_overdue"
	FindNoMilestones     = "find.kickoff.no_milestones"
)

// TodayOf is the calendar day of t in its own zone.
func TodayOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// ValidMilestoneStatus reports whether s is one of the milestone states ("" counts as planned).
func ValidMilestoneStatus(s string) bool {
	return s == "" || slices.Contains(MilestoneStatuses, s)
}

// Validate checks a milestone before it is stored.
func (m Milestone) Validate() error {
	return cmp.Or(
		m.texts().check(),
		rule(strings.TrimSpace(m.Name) != "", ErrMilestoneNameEmpty),
		rule(ValidMilestoneStatus(m.Status), ErrMilestoneStatus),
		rule(ValidMilestoneFact(m.Fact), ErrMilestoneFact),
	)
}

// Validate checks the kickoff record: every participant needs a name.
func (k Kickoff) Validate() error {
	if err := k.texts().check(); err != nil {
		return err
	}
	for _, p := range k.Participants {
		if strings.TrimSpace(p.Name) == "" {
			return ErrParticipantNameEmpty
		}
	}
	return nil
}

// IsEmpty reports whether nothing about the kickoff has been entered.
func (k Kickoff) IsEmpty() bool {
	return k.Date == nil && strings.TrimSpace(k.Place) == "" && len(k.Participants) == 0 &&
		strings.TrimSpace(k.Agenda) == "" && strings.TrimSpace(k.Notes) == "" && strings.TrimSpace(k.NextSteps) == ""
}

// Done reports whether the milestone is reached.
func (m Milestone) Done() bool { return m.Status == MilestoneDone }

// Overdue reports whether the milestone is not reached and its due day lies before today.
func (m Milestone) Overdue(today Date) bool {
	return !m.Done() && m.Due != nil && m.Due.Before(today.Time)
}

// SortedMilestones returns the milestones by due date (undated last), then by id.
func SortedMilestones(ms []Milestone) []Milestone {
	out := append([]Milestone(nil), ms...)
	SortByDue(out, func(m Milestone) (*Date, int64) { return m.Due, m.ID })
	return out
}

// NextMilestone is the earliest dated milestone that is not done and not overdue, or nil.
func NextMilestone(ms []Milestone, today Date) *Milestone {
	for _, m := range SortedMilestones(ms) {
		if m.Due != nil && !m.Done() && !m.Overdue(today) {
			return &m
		}
	}
	return nil
}

// KickoffFindings derives the open questions and warnings of step 10 on the given day.
func KickoffFindings(p *Project, today Date) []Finding {
	ms := ResolvedMilestones(p, today)
	var out []Finding
	k := p.Kickoff
	started := !k.IsEmpty()
	if started && k.Date == nil {
		out = append(out, Finding{Step: StepKickoff, Severity: SeverityQuestion, Code: FindKickoffNoDate})
	}
	if started && len(k.Participants) == 0 {
		out = append(out, Finding{Step: StepKickoff, Severity: SeverityQuestion, Code: FindKickoffNoPeople})
	}
	if started && len(p.Milestones) == 0 {
		out = append(out, Finding{Step: StepKickoff, Severity: SeverityQuestion, Code: FindNoMilestones})
	}
	for _, m := range SortedMilestones(ms) {
		if m.Due == nil {
			out = append(out, Finding{Step: StepKickoff, Severity: SeverityQuestion, Code: FindMilestoneNoDue, Subject: m.Name, EntityID: m.ID})
		}
		if strings.TrimSpace(m.Owner) == "" && !m.Done() {
			out = append(out, Finding{Step: StepKickoff, Severity: SeverityQuestion, Code: FindMilestoneNoOwner, Subject: m.Name, EntityID: m.ID})
		}
		if m.Overdue(today) {
			out = append(out, Finding{Step: StepKickoff, Severity: SeverityWarning, Code: FindMilestoneOverdue, Subject: m.Name, EntityID: m.ID})
		}
	}
	return out
}

// EvaluateKickoff is step 10's state, key figures and findings on the given day. The step is
// done when the kickoff has a date and participants, a milestone plan exists and no question
// is open; an overdue milestone is a warning and does not reopen it.
func EvaluateKickoff(p *Project, today Date) (StepState, []Figure, []Finding) {
	f := KickoffFindings(p, today)
	ms := ResolvedMilestones(p, today)
	k := p.Kickoff
	var done, overdue int
	for _, m := range ms {
		if m.Done() {
			done++
		}
		if m.Overdue(today) {
			overdue++
		}
	}
	var figs []Figure
	if k.Date != nil {
		figs = append(figs, Figure{Key: "fig.kickoff.date", Text: k.Date.String()})
	}
	figs = append(figs,
		Figure{Key: "fig.kickoff.participants", Value: float64(len(k.Participants))},
		Figure{Key: "fig.kickoff.milestones", Value: float64(len(p.Milestones))},
		Figure{Key: "fig.kickoff.milestones_done", Value: float64(done)},
		Figure{Key: "fig.kickoff.milestones_overdue", Value: float64(overdue)},
	)
	if m := NextMilestone(ms, today); m != nil {
		figs = append(figs, Figure{Key: "fig.kickoff.next_milestone", Label: m.Name, Text: m.Due.String()})
	}
	started := !k.IsEmpty() || len(p.Milestones) > 0
	complete := k.Date != nil && len(k.Participants) > 0 && len(p.Milestones) > 0 && onlyWarnings(f)
	return stateOf(started, complete), figs, f
}

// MilestoneTemplate is a milestone of the plan a new project is offered: NameKey is the
// translation key of its name, Months its distance from the kickoff (negative: before it).
type MilestoneTemplate struct {
	NameKey string
	Months  int
	Fact    string
}

// MilestoneTemplates lead from the signed contract to regular operation and its first review.
var MilestoneTemplates = []MilestoneTemplate{
	{"tpl.milestone.contract", -1, FactContractSigned},
	{"tpl.milestone.kickoff", 0, FactKickoffHeld},
	{"tpl.milestone.handover", 1, ""},
	{"tpl.milestone.pilot", 2, ""},
	{"tpl.milestone.training", 2, ""},
	{"tpl.milestone.rollout", 3, ""},
	{"tpl.milestone.regular", 4, ""},
	{"tpl.milestone.first_report", 6, ""},
	{"tpl.milestone.review", 12, ""},
}

// MilestonePlanFrom fills the template in with due dates counted from the kickoff day (months
// added to the day, so 31 January plus one month gives the last day of February).
func MilestonePlanFrom(kickoff Date, tr func(key string) string) []Milestone {
	out := make([]Milestone, 0, len(MilestoneTemplates))
	for _, t := range MilestoneTemplates {
		d := shiftMonths(kickoff, t.Months)
		out = append(out, Milestone{Name: tr(t.NameKey), Due: &d, Status: MilestonePlanned, Fact: t.Fact})
	}
	return out
}

// shiftMonths adds n months to d; a day that the target month lacks becomes its last day.
func shiftMonths(d Date, n int) Date {
	y, m := d.Year(), int(d.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day()
	return NewDate(y, time.Month(m+1), min(d.Day(), last))
}
