package domain

import (
	"sort"
	"time"
)

// The Mengengerüst of the Leistungsbeschreibung from the monitoring data: how many tickets by
// priority and how many hotline calls came in each month of the last twelve, and how many
// schools the tickets name. The store counts them in SQL (grouped counts, no rows loaded);
// CountServiceVolume counts a project's tickets and calls in memory the same way.

// volumeMonths is how many calendar months the Mengengerüst looks back.
const volumeMonths = 12

// ServiceVolume is the counted volume over a window of calendar months.
type ServiceVolume struct {
	Months []VolumeMonth
	// Schools is how many different schools the window's tickets name (0: none recorded).
	Schools int
}

// VolumeMonth is one calendar month: tickets by priority ("" = none given) and calls.
type VolumeMonth struct {
	Month   Date // the first day of the month
	Tickets map[string]int
	Calls   int
}

// VolumeWindow is the twelve calendar months before the month of asOf (that month is not yet
// complete), as thirteen boundaries: midnight in Berlin on the first of each month. For
// 14.07.2027: 01.07.2026, 01.08.2026, …, 01.07.2027.
func VolumeWindow(asOf Date) []time.Time {
	out := make([]time.Time, 0, volumeMonths+1)
	for i := volumeMonths; i >= 0; i-- {
		out = append(out, time.Date(asOf.Year(), asOf.Month()-time.Month(i), 1, 0, 0, 0, 0, Berlin))
	}
	return out
}

// NewServiceVolume is an empty volume with one month per pair of window boundaries.
func NewServiceVolume(window []time.Time) ServiceVolume {
	v := ServiceVolume{}
	for i := 0; i+1 < len(window); i++ {
		b := window[i]
		v.Months = append(v.Months, VolumeMonth{Month: NewDate(b.Year(), b.Month(), 1), Tickets: map[string]int{}})
	}
	return v
}

// monthOf is the index of the window month that holds t, or -1.
func monthOf(window []time.Time, t time.Time) int {
	if len(window) < 2 || t.Before(window[0]) || !t.Before(window[len(window)-1]) {
		return -1
	}
	// the first boundary after t, minus one
	return sort.Search(len(window), func(i int) bool { return window[i].After(t) }) - 1
}

// CountServiceVolume counts tickets (by creation) and calls into the window.
func CountServiceVolume(tickets []Ticket, calls []Call, window []time.Time) ServiceVolume {
	v := NewServiceVolume(window)
	schools := map[string]bool{}
	for _, t := range tickets {
		if i := monthOf(window, t.Created); i >= 0 {
			v.Months[i].Tickets[t.Priority]++
			if t.School != "" {
				schools[t.School] = true
			}
		}
	}
	for _, c := range calls {
		if i := monthOf(window, c.At); i >= 0 {
			v.Months[i].Calls++
		}
	}
	v.Schools = len(schools)
	return v
}

// TicketCount is the month's tickets over all priorities.
func (m VolumeMonth) TicketCount() int {
	n := 0
	for _, c := range m.Tickets {
		n += c
	}
	return n
}

// Recorded drops the months before the first one with tickets or calls: a provider's data
// that start in January show January onwards, not half a year of zeros before it.
func (v ServiceVolume) Recorded() ServiceVolume {
	for i, m := range v.Months {
		if m.Calls > 0 || m.TicketCount() > 0 {
			return ServiceVolume{Months: v.Months[i:], Schools: v.Schools}
		}
	}
	return ServiceVolume{Schools: v.Schools}
}

// Priorities are the priorities that occur, sorted ("" = none given, last).
func (v ServiceVolume) Priorities() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range v.Months {
		for p, n := range m.Tickets {
			if n > 0 && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == "") != (out[j] == "") {
			return out[j] == ""
		}
		return out[i] < out[j]
	})
	return out
}

// TransitionMilestones are the milestones of the handover into the contract: dated ones due up
// to three months after the contract starts, by date. Without a contract start there is no
// handover schedule yet.
func TransitionMilestones(p *Project, t SpecTerm) []Milestone {
	if !t.Contract {
		return nil
	}
	until := Date{t.Start.AddDate(0, 3, 0)}
	var out []Milestone
	for _, m := range p.Milestones {
		if m.Due != nil && !m.Due.After(until.Time) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due.Time) })
	return out
}

// meetingHorizonDays is how far ahead a Jour-fixe invitation looks for milestones: six weeks,
// about the time to the next meeting.
const meetingHorizonDays = 42

// MeetingHorizon is the last day a Jour fixe on day looks ahead to: six weeks later.
func MeetingHorizon(day Date) Date { return Date{day.AddDate(0, 0, meetingHorizonDays)} }

// MilestonesDue are the milestones a Jour fixe on day talks about: not reached and due up to six
// weeks after it (overdue ones included), by date; when none is, the next one not reached.
func MilestonesDue(p *Project, day Date) []Milestone {
	until := MeetingHorizon(day).Time
	var due []Milestone
	var next *Milestone
	for _, m := range SortedMilestones(ResolvedMilestones(p, day)) {
		if m.Due == nil || m.Done() {
			continue
		}
		if !m.Due.After(until) {
			due = append(due, m)
		} else if next == nil {
			m := m
			next = &m
		}
	}
	if len(due) == 0 && next != nil {
		return []Milestone{*next}
	}
	return due
}
