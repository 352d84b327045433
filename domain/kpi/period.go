// Package kpi is the KPI engine of step 12: for a period it measures the imported tickets,
// calls and survey answers against the SLA — response and restoration times in service time,
// shares within target, breaches, volumes and backlog, hotline reachability, satisfaction — and
// rates each figure against its target (green, amber, red) and against the previous period.
// It is pure: no clock, no files; the caller passes the project and the period.
package kpi

import (
	"fmt"
	"time"

	"schulit-lotse/domain"
)

// Period is a span of calendar days in Berlin, both ends inclusive.
type Period struct {
	From domain.Date `json:"from"`
	To   domain.Date `json:"to"`
}

// ErrPeriod is returned for a period whose end lies before its start.
const ErrPeriod domain.Error = "err.kpi.period"

// ErrScope: a scope other than provider or ola.
const ErrScope domain.Error = "err.kpi.scope"

// Valid reports whether the period has at least one day.
func (p Period) Valid() bool { return !p.From.IsZero() && !p.To.Before(p.From.Time) }

// Start is the first moment of the period (midnight in Berlin).
func (p Period) Start() time.Time { return midnight(p.From) }

// End is the first moment after the period.
func (p Period) End() time.Time { return midnight(addDays(p.To, 1)) }

// Days is the number of days of the period.
func (p Period) Days() int { return daysBetween(p.From, p.To) + 1 }

// Contains reports whether t lies in the period.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.Start()) && t.Before(p.End()) }

func (p Period) String() string { return p.From.String() + " – " + p.To.String() }

// Previous is the period of the same length just before: whole calendar months give the same
// number of months before (Q2 → Q1, May → April), any other span the same number of days.
func (p Period) Previous() Period {
	if months, ok := p.wholeMonths(); ok {
		from := domain.NewDate(p.From.Year(), p.From.Month()-time.Month(months), 1)
		return Period{From: from, To: addDays(p.From, -1)}
	}
	n := p.Days()
	return Period{From: addDays(p.From, -n), To: addDays(p.From, -1)}
}

// wholeMonths reports whether the period runs from a first to a last day of a month, and over
// how many months.
func (p Period) wholeMonths() (int, bool) {
	if p.From.Day() != 1 || addDays(p.To, 1).Day() != 1 {
		return 0, false
	}
	return (p.To.Year()-p.From.Year())*12 + int(p.To.Month()-p.From.Month()) + 1, true
}

// Months lists the calendar months the period touches, as "YYYY-MM".
func (p Period) Months() []string {
	var out []string
	for y, m := p.From.Year(), p.From.Month(); y < p.To.Year() || y == p.To.Year() && m <= p.To.Month(); {
		out = append(out, fmt.Sprintf("%04d-%02d", y, int(m)))
		m++
		if m > 12 {
			m, y = 1, y+1
		}
	}
	return out
}

// MonthPeriod is the calendar month of d.
func MonthPeriod(d domain.Date) Period {
	from := domain.NewDate(d.Year(), d.Month(), 1)
	return Period{From: from, To: addDays(domain.NewDate(d.Year(), d.Month()+1, 1), -1)}
}

// QuarterPeriod is the calendar quarter of d.
func QuarterPeriod(d domain.Date) Period {
	first := time.Month((int(d.Month())-1)/3*3 + 1)
	from := domain.NewDate(d.Year(), first, 1)
	return Period{From: from, To: addDays(domain.NewDate(d.Year(), first+3, 1), -1)}
}

// MeetingPeriod is the period a Jour fixe on d reviews by default: the quarter of the month
// before (13.07.2027 → April – June 2027).
func MeetingPeriod(d domain.Date) Period {
	return QuarterPeriod(domain.Date{Time: d.AddDate(0, -1, 0)})
}

// MeetingAsOf is the moment a Jour fixe on d measures to: the end of the meeting day, or the
// newest ticket data when they end earlier.
func MeetingAsOf(p *domain.Project, d domain.Date) time.Time {
	return MeetingAsOfAt(TicketHorizon(p), d)
}

// MeetingAsOfAt is MeetingAsOf for a known ticket horizon (TicketHorizon; zero: no tickets).
func MeetingAsOfAt(ticketHorizon time.Time, d domain.Date) time.Time {
	asOf := time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, domain.Berlin)
	if ticketHorizon.Before(asOf) {
		asOf = ticketHorizon
	}
	return asOf
}

// YearPeriod is the calendar year of d.
func YearPeriod(d domain.Date) Period {
	return Period{From: domain.NewDate(d.Year(), 1, 1), To: domain.NewDate(d.Year(), 12, 31)}
}

// DayOf is the calendar day of t in Berlin.
func DayOf(t time.Time) domain.Date {
	l := t.In(domain.Berlin)
	return domain.NewDate(l.Year(), l.Month(), l.Day())
}

func midnight(d domain.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, domain.Berlin)
}

func addDays(d domain.Date, n int) domain.Date { return domain.Date{Time: d.AddDate(0, 0, n)} }

func daysBetween(a, b domain.Date) int { return int(b.Sub(a.Time).Hours() / 24) }

// DefaultPeriod is the calendar quarter of the latest data point (ticket, call or answer), or
// the quarter of fallback when there is no data.
func DefaultPeriod(p *domain.Project, fallback time.Time) Period {
	return DefaultPeriodAt(Horizon(p), fallback)
}

// DefaultPeriodAt is DefaultPeriod for a known horizon (zero: no data).
func DefaultPeriodAt(latest, fallback time.Time) Period {
	if latest.IsZero() {
		latest = fallback
	}
	return QuarterPeriod(DayOf(latest))
}

// Horizon is the latest moment the imported data knows of: the newest creation, response,
// resolution, call or answer. It chooses the default period; open tickets are measured to
// TicketHorizon instead.
func Horizon(p *domain.Project) time.Time {
	h := TicketHorizon(p)
	later := func(t time.Time) {
		if t.After(h) {
			h = t
		}
	}
	for i := range p.Calls {
		later(p.Calls[i].At)
	}
	for i := range p.SurveyAnswers {
		later(p.SurveyAnswers[i].At)
	}
	return h
}

// TicketHorizon is the newest creation, response or resolution of the tickets: it stands for
// the moment of the ticket export, the "as of" that open tickets are measured to. Calls and
// survey answers come from other exports of other days and never move it.
func TicketHorizon(p *domain.Project) time.Time {
	var h time.Time
	later := func(t time.Time) {
		if t.After(h) {
			h = t
		}
	}
	for i := range p.Tickets {
		t := &p.Tickets[i]
		later(t.Created)
		if t.FirstResponse != nil {
			later(*t.FirstResponse)
		}
		if t.Resolved != nil {
			later(*t.Resolved)
		}
	}
	return h
}
