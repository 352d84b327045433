package domain

import (
	"reflect"
	"testing"
	"time"
)

func berlin(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, Berlin)
}

func TestVolumeWindowIsTheTwelveMonthsBeforeTheMonthOfAsOf(t *testing.T) {
	w := VolumeWindow(NewDate(2027, time.July, 14))
	// 13 boundaries: 01.07.2026 … 01.07.2027, each midnight in Berlin (CEST: 22:00 UTC the day before).
	if len(w) != 13 || !w[0].Equal(berlin(2026, time.July, 1, 0, 0)) || !w[12].Equal(berlin(2027, time.July, 1, 0, 0)) {
		t.Fatalf("window %v", w)
	}
	if !w[6].Equal(berlin(2027, time.January, 1, 0, 0)) || w[6].UTC().Hour() != 23 { // CET: 23:00 UTC
		t.Errorf("January boundary %v", w[6])
	}
	// Across a year boundary in January: Jan 2026 … Dec 2026.
	w = VolumeWindow(NewDate(2027, time.January, 3))
	if !w[0].Equal(berlin(2026, time.January, 1, 0, 0)) || !w[12].Equal(berlin(2027, time.January, 1, 0, 0)) {
		t.Errorf("window %v … %v", w[0], w[12])
	}
}

func TestCountServiceVolume(t *testing.T) {
	w := VolumeWindow(NewDate(2027, time.July, 14)) // Jul 2026 … Jun 2027
	tickets := []Ticket{
		{Created: berlin(2026, time.June, 30, 23, 59), Priority: "P1", School: "A"},  // before the window
		{Created: berlin(2026, time.July, 1, 0, 0), Priority: "P2", School: "A"},     // month 0
		{Created: berlin(2027, time.January, 5, 10, 0), Priority: "P2", School: "B"}, // month 6
		{Created: berlin(2027, time.January, 6, 10, 0), Priority: "P1"},              // month 6, no school
		{Created: berlin(2027, time.January, 7, 10, 0), Priority: ""},                // month 6, no priority
		{Created: berlin(2027, time.June, 30, 23, 59), Priority: "P2", School: "A"},  // month 11
		{Created: berlin(2027, time.July, 1, 0, 0), Priority: "P1", School: "C"},     // after the window
	}
	calls := []Call{{At: berlin(2027, time.January, 31, 23, 0)}, {At: berlin(2027, time.February, 1, 0, 0)}, {At: berlin(2027, time.February, 2, 8, 0)}}
	v := CountServiceVolume(tickets, calls, w)
	if len(v.Months) != 12 || v.Months[0].Month != NewDate(2026, time.July, 1) || v.Months[11].Month != NewDate(2027, time.June, 1) {
		t.Fatalf("months %+v", v.Months)
	}
	if !reflect.DeepEqual(v.Months[0].Tickets, map[string]int{"P2": 1}) {
		t.Errorf("July 2026: %v", v.Months[0].Tickets)
	}
	// January 2027: P2, P1 and one without priority = 3 tickets; one call on the 31st.
	if !reflect.DeepEqual(v.Months[6].Tickets, map[string]int{"P1": 1, "P2": 1, "": 1}) || v.Months[6].TicketCount() != 3 || v.Months[6].Calls != 1 {
		t.Errorf("January 2027: %+v", v.Months[6])
	}
	if v.Months[7].Calls != 2 || v.Months[11].Tickets["P2"] != 1 {
		t.Errorf("February/June 2027: %+v %+v", v.Months[7], v.Months[11])
	}
	// Schools named inside the window: A and B (C is after it).
	if v.Schools != 2 {
		t.Errorf("schools %d, want 2", v.Schools)
	}
	if got := v.Priorities(); !reflect.DeepEqual(got, []string{"P1", "P2", ""}) {
		t.Errorf("priorities %q", got)
	}
	// Recorded starts at the first month with data: here July 2026 already.
	if r := v.Recorded(); len(r.Months) != 12 {
		t.Errorf("recorded %d months", len(r.Months))
	}
	// Without the July ticket the data start in January 2027: 6 months January … June.
	r := CountServiceVolume(tickets[2:], calls, w).Recorded()
	if len(r.Months) != 6 || r.Months[0].Month != NewDate(2027, time.January, 1) || r.Schools != 2 {
		t.Errorf("recorded %+v", r)
	}
	if e := CountServiceVolume(nil, nil, w).Recorded(); len(e.Months) != 0 || e.Schools != 0 {
		t.Errorf("empty: %+v", e)
	}
}

func TestTransitionMilestonesAreThoseUpToThreeMonthsAfterTheStart(t *testing.T) {
	d := func(y int, m time.Month, day int) *Date { x := NewDate(y, m, day); return &x }
	p := &Project{Milestones: []Milestone{
		{Name: "Regelbetrieb", Due: d(2027, time.March, 1)},
		{Name: "Vertrag", Due: d(2026, time.December, 1)},
		{Name: "ohne Datum"},
		{Name: "Stichtag", Due: d(2027, time.April, 1)}, // start + 3 months: still in
		{Name: "Bilanz", Due: d(2027, time.April, 2)},   // one day later: out
	}}
	got := TransitionMilestones(p, SpecTerm{Start: NewDate(2027, time.January, 1), Contract: true})
	var names []string
	for _, m := range got {
		names = append(names, m.Name)
	}
	if !reflect.DeepEqual(names, []string{"Vertrag", "Regelbetrieb", "Stichtag"}) {
		t.Errorf("milestones %q", names)
	}
	if TransitionMilestones(p, SpecTerm{Start: NewDate(2027, time.January, 1)}) != nil {
		t.Error("milestones without a contract start")
	}
}

func TestMilestonesDueForAMeeting(t *testing.T) {
	d := func(y int, m time.Month, day int) *Date { x := NewDate(y, m, day); return &x }
	p := &Project{Milestones: []Milestone{
		{ID: 1, Name: "überfällig", Due: d(2027, time.June, 1), Status: MilestonePlanned},
		{ID: 2, Name: "erledigt", Due: d(2027, time.July, 20), Status: MilestoneDone},
		{ID: 3, Name: "in sechs Wochen", Due: d(2027, time.August, 24), Status: MilestonePlanned}, // 13.07. + 42 days
		{ID: 4, Name: "später", Due: d(2027, time.August, 25), Status: MilestonePlanned},
		{ID: 5, Name: "ohne Datum", Status: MilestonePlanned},
	}}
	names := func(ms []Milestone) (out []string) {
		for _, m := range ms {
			out = append(out, m.Name)
		}
		return out
	}
	if got := names(MilestonesDue(p, NewDate(2027, time.July, 13))); !reflect.DeepEqual(got, []string{"überfällig", "in sechs Wochen"}) {
		t.Errorf("due %q", got)
	}
	// Nothing due in the six weeks: the next one is named.
	p.Milestones = p.Milestones[1:]
	if got := names(MilestonesDue(p, NewDate(2027, time.May, 1))); !reflect.DeepEqual(got, []string{"in sechs Wochen"}) {
		t.Errorf("next %q", got)
	}
}
