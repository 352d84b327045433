package kpi

import (
	"sort"
	"time"

	"schulit-lotse/domain"
)

// serviceIndex answers "how much service time lies between a and b" for many tickets at once.
// It keeps the SLA clock's service time of every day in a range as a running sum, so a ticket
// open for weeks costs two look-ups instead of a walk over every day. Service time is additive
// (the time in [a,c) is the time in [a,b) plus [b,c)), which makes elapsed(a, b) = at(b) − at(a)
// exact.
//
// Within a day the index uses the SLA's windows of that weekday as absolute spans, but only
// where they add up to what the clock says for the day (a day the clock closes — a holiday —
// has none); any other day is measured by the clock itself.
type serviceIndex struct {
	clock  *domain.SLAClock
	starts []int64         // UnixNano of each local midnight; one more than days
	cum    []time.Duration // service time from the first midnight up to starts[i]
	spans  [][]span        // per day: the service spans; nil = ask the clock
}

type span struct{ from, to int64 } // UnixNano

func newServiceIndex(clock *domain.SLAClock, sla domain.SLA, first, last domain.Date) *serviceIndex {
	n := daysBetween(first, last) + 1
	x := &serviceIndex{clock: clock, starts: make([]int64, n+1), cum: make([]time.Duration, n+1), spans: make([][]span, n)}
	var byDay [7][]domain.ServiceWindow
	for _, w := range sla.Windows {
		if w.Weekday >= 0 && w.Weekday <= 6 && w.StartMinute < w.EndMinute {
			byDay[w.Weekday] = append(byDay[w.Weekday], w)
		}
	}
	prev := midnight(first)
	x.starts[0] = prev.UnixNano()
	for i := 1; i <= n; i++ {
		day := addDays(first, i-1)
		m := midnight(addDays(first, i))
		total := clock.Elapsed(prev, m)
		x.starts[i] = m.UnixNano()
		x.cum[i] = x.cum[i-1] + total
		var spans []span
		var sum time.Duration
		for _, w := range byDay[day.Weekday()] {
			from := time.Date(day.Year(), day.Month(), day.Day(), 0, w.StartMinute, 0, 0, domain.Berlin)
			to := time.Date(day.Year(), day.Month(), day.Day(), 0, w.EndMinute, 0, 0, domain.Berlin)
			spans = append(spans, span{from.UnixNano(), to.UnixNano()})
			sum += to.Sub(from)
		}
		sort.Slice(spans, func(a, b int) bool { return spans[a].from < spans[b].from })
		switch {
		case total == 0:
			x.spans[i-1] = []span{} // closed or without windows: nothing to add
		case sum == total:
			x.spans[i-1] = spans
		}
		prev = m
	}
	return x
}

// covers reports whether t lies inside the indexed range.
func (x *serviceIndex) covers(t time.Time) bool {
	u := t.UnixNano()
	return u >= x.starts[0] && u <= x.starts[len(x.starts)-1]
}

// at is the service time from the start of the range up to t (t must be covered).
func (x *serviceIndex) at(t time.Time) time.Duration {
	u := t.UnixNano()
	last := len(x.starts) - 1
	if u >= x.starts[last] {
		return x.cum[last]
	}
	i := sort.Search(last, func(i int) bool { return x.starts[i+1] > u })
	if u == x.starts[i] {
		return x.cum[i]
	}
	spans := x.spans[i]
	if spans == nil {
		return x.cum[i] + x.clock.Elapsed(time.Unix(0, x.starts[i]), t)
	}
	sum := x.cum[i]
	for _, s := range spans {
		if u <= s.from {
			break
		}
		sum += time.Duration(min(u, s.to) - s.from)
	}
	return sum
}

// elapsed is the service time between a and b (0 when b is not after a).
func (x *serviceIndex) elapsed(a, b time.Time) time.Duration {
	if !b.After(a) {
		return 0
	}
	if !x.covers(a) || !x.covers(b) {
		return x.clock.Elapsed(a, b)
	}
	return x.at(b) - x.at(a)
}

// deadline is the moment target service time has passed after start; ok is false when the
// SLA has no service hours to reach it.
func (x *serviceIndex) deadline(start time.Time, target time.Duration) (time.Time, bool) {
	last := len(x.starts) - 1
	if !x.covers(start) || target <= 0 {
		return x.clock.Deadline(start, target)
	}
	goal := x.at(start) + target
	if goal > x.cum[last] {
		return x.clock.Deadline(start, target)
	}
	// The first day by whose end the goal is reached.
	i := sort.Search(last, func(i int) bool { return x.cum[i+1] >= goal })
	spans := x.spans[i]
	if spans == nil {
		dayStart := time.Unix(0, x.starts[i])
		if s := time.Unix(0, x.starts[i]); start.After(s) {
			dayStart = start
		}
		return x.clock.Deadline(dayStart, goal-x.at(dayStart))
	}
	rest := goal - x.cum[i]
	for _, s := range spans {
		if d := time.Duration(s.to - s.from); d >= rest {
			return time.Unix(0, s.from+int64(rest)).UTC(), true
		} else {
			rest -= d
		}
	}
	return x.clock.Deadline(start, target)
}
