package domain

import (
	"sort"
	"time"
	_ "time/tzdata" // Europe/Berlin must resolve on Windows too
)

// Berlin is the time zone of every SLA: service hours are local German time.
var Berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // embedded by time/tzdata; cannot fail
	}
	return loc
}

const minutesPerDay = 24 * 60

// Errors of the service hours.
const (
	ErrWindowRange   Error = "err.sla.window_range"
	ErrWindowOverlap Error = "err.sla.window_overlap"
)

// ValidateWindows checks service windows: weekday 0–6, 0 ≤ start < end ≤ 1440, no overlaps on a day.
func ValidateWindows(ws []ServiceWindow) error {
	byDay := map[int][]ServiceWindow{}
	for _, w := range ws {
		if w.Weekday < 0 || w.Weekday > 6 || w.StartMinute < 0 || w.EndMinute > minutesPerDay || w.StartMinute >= w.EndMinute {
			return ErrWindowRange
		}
		byDay[w.Weekday] = append(byDay[w.Weekday], w)
	}
	for _, day := range byDay {
		sort.Slice(day, func(a, b int) bool { return day[a].StartMinute < day[b].StartMinute })
		for i := 1; i < len(day); i++ {
			if day[i].StartMinute < day[i-1].EndMinute {
				return ErrWindowOverlap
			}
		}
	}
	return nil
}

// SLAClock measures service time: the time inside the SLA's service windows, local Berlin time,
// without the days that stop the clock (public holidays of the Bundesland and Ferien, each when
// the SLA says so). It is safe for concurrent use once built.
type SLAClock struct {
	windows [7][]ServiceWindow // per weekday, sorted
	closed  map[Date]bool
	weekly  time.Duration // service time of an ordinary week, to skip whole weeks quickly
}

// maxClockDays bounds searches for a deadline: an SLA without any service hours has none.
const maxClockDays = 3 * 366

// NewSLAClock builds the clock of an SLA for a Bundesland and the imported Ferien. years are
// the calendar years whose public holidays matter (the clock covers them; other years count
// without holidays) — pass the span of the tickets measured.
func NewSLAClock(sla SLA, state Bundesland, ferien []SchoolHoliday, years ...int) *SLAClock {
	c := &SLAClock{closed: map[Date]bool{}}
	for _, w := range sla.Windows {
		if w.Weekday >= 0 && w.Weekday <= 6 && w.StartMinute < w.EndMinute {
			c.windows[w.Weekday] = append(c.windows[w.Weekday], w)
			c.weekly += time.Duration(w.EndMinute-w.StartMinute) * time.Minute
		}
	}
	for d := range c.windows {
		ws := c.windows[d]
		sort.Slice(ws, func(a, b int) bool { return ws[a].StartMinute < ws[b].StartMinute })
	}
	if sla.PublicHolidaysStopClock {
		for _, y := range years {
			for _, h := range PublicHolidays(state, y) {
				c.closed[h.Date] = true
			}
		}
	}
	if sla.SchoolHolidaysStopClock {
		for _, f := range ferien {
			for d := f.First.Time; !d.After(f.Last.Time); d = d.AddDate(0, 0, 1) {
				c.closed[Date{d}] = true
			}
		}
	}
	return c
}

// dayIntervals calls fn with the service intervals of the local day (in absolute time), in order.
// time.Date normalises the wall clock across the DST changes, so a window over 02:00–03:00 on the
// last Sunday of March is an hour shorter, and one in October an hour longer.
func (c *SLAClock) dayIntervals(y int, m time.Month, d int, fn func(from, to time.Time) bool) bool {
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if c.closed[Date{day}] {
		return true
	}
	for _, w := range c.windows[day.Weekday()] {
		from := time.Date(y, m, d, 0, w.StartMinute, 0, 0, Berlin)
		to := time.Date(y, m, d, 0, w.EndMinute, 0, 0, Berlin)
		if !fn(from, to) {
			return false
		}
	}
	return true
}

// Elapsed is the service time between start and end (0 when end is not after start).
func (c *SLAClock) Elapsed(start, end time.Time) time.Duration {
	if !end.After(start) {
		return 0
	}
	var sum time.Duration
	ls := start.In(Berlin)
	le := end.In(Berlin)
	for day := time.Date(ls.Year(), ls.Month(), ls.Day(), 12, 0, 0, 0, time.UTC); ; day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		if y > le.Year() || y == le.Year() && (m > le.Month() || m == le.Month() && d > le.Day()) {
			break
		}
		c.dayIntervals(y, m, d, func(from, to time.Time) bool {
			if from.Before(start) {
				from = start
			}
			if to.After(end) {
				to = end
			}
			if to.After(from) {
				sum += to.Sub(from)
			}
			return true
		})
	}
	return sum
}

// Deadline is the moment when target service time has passed after start. ok is false when the
// SLA has no service hours within maxClockDays.
func (c *SLAClock) Deadline(start time.Time, target time.Duration) (deadline time.Time, ok bool) {
	if target <= 0 {
		return start, true
	}
	remaining := target
	ls := start.In(Berlin)
	day := time.Date(ls.Year(), ls.Month(), ls.Day(), 12, 0, 0, 0, time.UTC)
	for i := 0; i < maxClockDays; i, day = i+1, day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		done := !c.dayIntervals(y, m, d, func(from, to time.Time) bool {
			if from.Before(start) {
				from = start
			}
			if !to.After(from) {
				return true
			}
			if span := to.Sub(from); span >= remaining {
				deadline = from.Add(remaining)
				return false
			} else {
				remaining -= span
			}
			return true
		})
		if done {
			return deadline, true
		}
	}
	return time.Time{}, false
}

// InService reports whether t lies inside a service window on a day the clock runs.
func (c *SLAClock) InService(t time.Time) bool {
	return c.Elapsed(t, t.Add(time.Second)) > 0
}

// TargetElapsed measures a ticket's time against a priority class: in calendar hours when the
// class says so, else in service time.
func (c *SLAClock) TargetElapsed(class PriorityClassTarget, start, end time.Time) time.Duration {
	if class.CalendarTime {
		if !end.After(start) {
			return 0
		}
		return end.Sub(start)
	}
	return c.Elapsed(start, end)
}

// TargetDeadline is the deadline for a class target given in minutes.
func (c *SLAClock) TargetDeadline(class PriorityClassTarget, start time.Time, minutes int) (time.Time, bool) {
	d := time.Duration(minutes) * time.Minute
	if class.CalendarTime {
		return start.Add(d), true
	}
	return c.Deadline(start, d)
}
