package domain

import (
	"slices"
	"testing"
)

func TestMilestoneOverdue(t *testing.T) {
	today := stDay("2027-05-10")
	cases := []struct {
		m    Milestone
		want bool
	}{
		{Milestone{Name: "gestern fällig", Due: stDayPtr("2027-05-09"), Status: MilestonePlanned}, true},
		{Milestone{Name: "gestern, in Arbeit", Due: stDayPtr("2027-05-09"), Status: MilestoneInProgress}, true},
		{Milestone{Name: "heute fällig", Due: stDayPtr("2027-05-10")}, false},
		{Milestone{Name: "erledigt", Due: stDayPtr("2027-01-01"), Status: MilestoneDone}, false},
		{Milestone{Name: "ohne Datum"}, false},
	}
	for _, c := range cases {
		if got := c.m.Overdue(today); got != c.want {
			t.Errorf("%s: overdue = %v", c.m.Name, got)
		}
	}
}

func TestShiftMonths(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2027-01-31", 1, "2027-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2027-04-13", -1, "2027-03-13"},
		{"2027-01-15", -1, "2026-12-15"},
		{"2027-11-30", 3, "2028-02-29"},
		{"2027-04-13", 12, "2028-04-13"},
		{"2027-04-13", -13, "2026-03-13"},
	} {
		if got := shiftMonths(stDay(c.from), c.n).String(); got != c.want {
			t.Errorf("%s %+d months = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestMilestoneOrderAndNext(t *testing.T) {
	ms := []Milestone{
		{ID: 4, Name: "ohne Datum"},
		{ID: 3, Name: "Regelbetrieb", Due: stDayPtr("2027-08-01")},
		{ID: 2, Name: "Pilot", Due: stDayPtr("2027-06-01")},
		{ID: 1, Name: "Übergabe", Due: stDayPtr("2027-05-03"), Status: MilestoneInProgress},
		{ID: 5, Name: "Auftakt", Due: stDayPtr("2027-04-13"), Status: MilestoneDone},
		{ID: 6, Name: "auch Pilot", Due: stDayPtr("2027-06-01")},
	}
	var got []string
	for _, m := range SortedMilestones(ms) {
		got = append(got, m.Name)
	}
	want := []string{"Auftakt", "Übergabe", "Pilot", "auch Pilot", "Regelbetrieb", "ohne Datum"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	// On 10 May the handover is overdue, so the next one ahead is the pilot.
	if n := NextMilestone(ms, stDay("2027-05-10")); n == nil || n.Name != "Pilot" {
		t.Errorf("next = %+v", n)
	}
	if n := NextMilestone(ms, stDay("2027-09-01")); n != nil {
		t.Errorf("nothing is ahead after August, got %+v", n)
	}
}

func TestEvaluateKickoff(t *testing.T) {
	p := &Project{}
	if st, _, fs := EvaluateKickoff(p, stDay("2027-05-10")); st != StateOpen || len(fs) != 0 {
		t.Fatalf("empty: %s %v", st, stCodes(fs))
	}
	p.Kickoff.Place = "Rathaus"
	st, _, fs := EvaluateKickoff(p, stDay("2027-05-10"))
	want := []string{"kickoff.no_date ", "kickoff.no_participants ", "kickoff.no_milestones "}
	if st != StateInProgress || !slices.Equal(stCodes(fs), want) {
		t.Errorf("place only: %s %q", st, stCodes(fs))
	}

	p.Kickoff.Date = stDayPtr("2027-04-13")
	p.Kickoff.Participants = []Participant{{Name: "Frau A"}}
	p.Milestones = MilestonePlanFrom(stDay("2027-04-13"), func(k string) string { return k })
	for i := range p.Milestones {
		p.Milestones[i].ID = int64(i + 1)
		p.Milestones[i].Owner = "Herr B"
	}
	if len(p.Milestones) != len(MilestoneTemplates) || p.Milestones[0].Due.String() != "2027-03-13" ||
		p.Milestones[6].Due.String() != "2027-08-13" {
		t.Fatalf("plan %+v", p.Milestones)
	}
	// On 1 April only the contract (13 March) lies behind, and it is not done: a warning.
	st, figs, fs := EvaluateKickoff(p, stDay("2027-04-01"))
	if st != StateDone || !slices.Equal(stCodes(fs), []string{"kickoff.milestone_overdue tpl.milestone.contract"}) {
		t.Errorf("1 April: %s %q", st, stCodes(fs))
	}
	fig := map[string]Figure{}
	for _, f := range figs {
		fig[f.Key] = f
	}
	if fig["fig.kickoff.date"].Text != "2027-04-13" || fig["fig.kickoff.milestones"].Value != 9 ||
		fig["fig.kickoff.milestones_overdue"].Value != 1 || fig["fig.kickoff.milestones_done"].Value != 0 {
		t.Errorf("figures %+v", figs)
	}
	if n := fig["fig.kickoff.next_milestone"]; n.Label != "tpl.milestone.kickoff" || n.Text != "2027-04-13" {
		t.Errorf("next milestone %+v", n)
	}

	// The contract milestone mirrors step 9: signing the contract reaches it.
	p.Contract.SignedOn = stDayPtr("2027-03-10")
	p.Milestones[1].Owner = ""
	p.Milestones[2].Due = nil
	st, _, fs = EvaluateKickoff(p, stDay("2027-04-01"))
	want = []string{"kickoff.milestone_no_owner tpl.milestone.kickoff", "kickoff.milestone_no_due tpl.milestone.handover"}
	if st != StateInProgress || !slices.Equal(stCodes(fs), want) {
		t.Errorf("after edits: %s %q", st, stCodes(fs))
	}
	if err := (Kickoff{Participants: []Participant{{Name: " "}}}).Validate(); err != ErrParticipantNameEmpty {
		t.Errorf("participant without name: %v", err)
	}
	if err := (Milestone{Name: "M", Status: "fertig"}).Validate(); err != ErrMilestoneStatus {
		t.Errorf("unknown status: %v", err)
	}
}
