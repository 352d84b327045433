package ics

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// Recurring events: public-holiday feeds repeat a day every year with an RRULE, some name a
// weekday in a month ("last Monday in May": FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO) or list extra
// days with RDATE. DAILY, WEEKLY, MONTHLY and YEARLY rules with INTERVAL, COUNT, UNTIL,
// BYMONTH, BYMONTHDAY, BYDAY (with an ordinal in MONTHLY and YEARLY-with-BYMONTH rules) and
// WKST are expanded, plus RDATE days and minus EXDATE days; a rule without COUNT or UNTIL runs
// up to Options.Until. Any other form (BYSETPOS, BYWEEKNO, BYYEARDAY, periods in RDATE, two
// RRULEs …) keeps the first occurrence only and is named in Result.Unsupported.

// Options of a parse.
type Options struct {
	// Until is the last day an endless rule is expanded to: the years the project covers.
	// Zero means ten years after the rule's first day.
	Until domain.Date
}

// Unsupported is a recurrence the reader does not expand: its line and its text.
type Unsupported struct {
	Line int    `json:"line"`
	Rule string `json:"rule"`
}

// rule is an RRULE the reader expands.
type rule struct {
	freq       string // DAILY, WEEKLY, MONTHLY, YEARLY
	interval   int
	count      int // 0 = none
	until      *domain.Date
	byMonth    []int     // 1 … 12
	byMonthDay []int     // 1 … 31, or −1 … −31 from the month's end
	byDay      []weekday // weekdays, with an ordinal in the month (0 = every)
	wkst       time.Weekday
}

// weekday is a BYDAY entry: "MO", "2TU", "-1MO".
type weekday struct {
	n   int
	day time.Weekday
}

var dayCodes = map[string]time.Weekday{"MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday, "TH": time.Thursday,
	"FR": time.Friday, "SA": time.Saturday, "SU": time.Sunday}

// parseRule reads an RRULE; ok is false for a form the reader does not expand.
func parseRule(v string, start domain.Date) (rule, bool) {
	r := rule{interval: 1, wkst: time.Monday}
	ints := func(val string, lo, hi int, neg bool) ([]int, bool) {
		var out []int
		for _, x := range strings.Split(val, ",") {
			n, err := strconv.Atoi(x)
			if err != nil || (n < lo || n > hi) && !(neg && n <= -lo && n >= -hi) {
				return nil, false
			}
			out = append(out, n)
		}
		return out, true
	}
	for _, part := range strings.Split(strings.ToUpper(strings.TrimSpace(v)), ";") {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			return r, false
		}
		switch k {
		case "FREQ":
			if val != "DAILY" && val != "WEEKLY" && val != "MONTHLY" && val != "YEARLY" {
				return r, false
			}
			r.freq = val
		case "INTERVAL":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > 1000 {
				return r, false
			}
			r.interval = n
		case "COUNT":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return r, false
			}
			r.count = n
		case "UNTIL":
			d, ok := ruleDay(val)
			if !ok {
				return r, false
			}
			r.until = &d
		case "BYMONTH":
			if r.byMonth, ok = ints(val, 1, 12, false); !ok {
				return r, false
			}
		case "BYMONTHDAY":
			if r.byMonthDay, ok = ints(val, 1, 31, true); !ok {
				return r, false
			}
		case "BYDAY":
			for _, x := range strings.Split(val, ",") {
				day, found := dayCodes[x[max(len(x)-2, 0):]]
				if !found {
					return r, false
				}
				w := weekday{day: day}
				if num := x[:len(x)-2]; num != "" {
					n, err := strconv.Atoi(strings.TrimPrefix(num, "+"))
					if err != nil || n == 0 || n < -5 || n > 5 {
						return r, false
					}
					w.n = n
				}
				r.byDay = append(r.byDay, w)
			}
		case "WKST":
			day, found := dayCodes[val]
			if !found {
				return r, false
			}
			r.wkst = day
		default:
			return r, false
		}
	}
	for _, w := range r.byDay {
		// An ordinal counts within a month: MONTHLY, or YEARLY with BYMONTH (a weekday's
		// number within the whole year is left out).
		if w.n != 0 && r.freq != "MONTHLY" && (r.freq != "YEARLY" || len(r.byMonth) == 0) {
			return r, false
		}
	}
	if r.freq == "YEARLY" && len(r.byDay) > 0 && len(r.byMonth) == 0 {
		return r, false
	}
	return r, r.freq != ""
}

// ruleDay reads an UNTIL or EXDATE value as a day ("20301231", "20301231T235959Z").
func ruleDay(v string) (domain.Date, bool) {
	v = strings.TrimSpace(v)
	if len(v) < 8 {
		return domain.Date{}, false
	}
	t, err := time.Parse("20060102", v[:8])
	if err != nil || t.Year() < minYear || t.Year() > maxYear {
		return domain.Date{}, false
	}
	return domain.NewDate(t.Year(), t.Month(), t.Day()), true
}

// occurrences are the first days of a rule's events from start on (start is always the first,
// RFC 5545), without the excluded days; excluded days still count towards COUNT.
func (r rule) occurrences(start domain.Date, limit domain.Date, exclude map[string]bool, max int) []domain.Date {
	var out []domain.Date
	end := limit
	if r.until != nil && r.until.Before(end.Time) {
		end = *r.until
	}
	counted := 0
	emit := func(d domain.Date) bool {
		if r.count > 0 && counted >= r.count || r.until != nil && d.After(r.until.Time) || r.count == 0 && d.After(end.Time) {
			return false
		}
		counted++
		if !exclude[d.String()] {
			out = append(out, d)
		}
		return len(out) < max
	}
	if !emit(start) {
		return out
	}
	for k := 0; ; k++ {
		days, first := r.period(start, k)
		if first.Year() > maxYear || r.count == 0 && first.After(end.Time) {
			return out
		}
		for _, d := range days {
			if d.After(start.Time) && !emit(d) {
				return out
			}
		}
	}
}

// period is the k-th period of the rule (a day, week, month or year, INTERVAL apart) with the
// days in it the rule names, in order, and the period's first day.
func (r rule) period(start domain.Date, k int) (days []domain.Date, first domain.Date) {
	switch r.freq {
	case "DAILY":
		d := domain.AddDays(start, k*r.interval)
		if r.matches(d) {
			days = []domain.Date{d}
		}
		return days, d
	case "WEEKLY":
		back := (int(start.Weekday()) - int(r.wkst) + 7) % 7
		first = domain.AddDays(start, 7*k*r.interval-back)
		for i := 0; i < 7; i++ {
			d := domain.AddDays(first, i)
			if len(r.byDay) == 0 && d.Weekday() == start.Weekday() || len(r.byDay) > 0 && r.matches(d) {
				days = append(days, d)
			}
		}
		return days, first
	case "MONTHLY":
		first = monthStart(start.Year(), int(start.Month())+k*r.interval)
		return r.inMonth(start, first), first
	}
	first = domain.NewDate(start.Year()+k*r.interval, time.January, 1)
	months := r.byMonth
	if len(months) == 0 {
		months = []int{int(start.Month())}
	}
	for m := 1; m <= 12; m++ {
		if slices.Contains(months, m) {
			days = append(days, r.inMonth(start, monthStart(first.Year(), m))...)
		}
	}
	return days, first
}

// inMonth are the days of the month beginning on first that the rule names: its BYDAY and
// BYMONTHDAY days (both: the days in both), else the start's day of the month.
func (r rule) inMonth(start, first domain.Date) []domain.Date {
	if len(r.byMonth) > 0 && !slices.Contains(r.byMonth, int(first.Month())) {
		return nil
	}
	length := domain.DaysBetween(first, domain.AddDays(monthStart(first.Year(), int(first.Month())+1), -1)) + 1
	var out []domain.Date
	for i := 0; i < length; i++ {
		d := domain.AddDays(first, i)
		day := i + 1
		dayOK := len(r.byMonthDay) == 0 && len(r.byDay) > 0 || slices.Contains(r.byMonthDay, day) || slices.Contains(r.byMonthDay, day-length-1)
		if len(r.byMonthDay) == 0 && len(r.byDay) == 0 {
			dayOK = day == start.Day()
		}
		if dayOK && (len(r.byDay) == 0 || r.weekdayIn(d, i, length)) {
			out = append(out, d)
		}
	}
	return out
}

// weekdayIn reports whether day d (index i of a month of length days) is one BYDAY names: its
// weekday, and its number within the month counted from the start (2TU) or the end (-1MO).
func (r rule) weekdayIn(d domain.Date, i, length int) bool {
	for _, w := range r.byDay {
		if d.Weekday() != w.day {
			continue
		}
		if w.n == 0 || w.n > 0 && i/7+1 == w.n || w.n < 0 && (length-1-i)/7+1 == -w.n {
			return true
		}
	}
	return false
}

// matches reports whether a day of a DAILY or WEEKLY rule passes BYMONTH, BYMONTHDAY and BYDAY.
func (r rule) matches(d domain.Date) bool {
	if len(r.byMonth) > 0 && !slices.Contains(r.byMonth, int(d.Month())) {
		return false
	}
	if len(r.byMonthDay) > 0 {
		length := domain.DaysBetween(monthStart(d.Year(), int(d.Month())), monthStart(d.Year(), int(d.Month())+1))
		if !slices.Contains(r.byMonthDay, d.Day()) && !slices.Contains(r.byMonthDay, d.Day()-length-1) {
			return false
		}
	}
	if len(r.byDay) > 0 {
		for _, w := range r.byDay {
			if w.day == d.Weekday() {
				return true
			}
		}
		return false
	}
	return true
}

// monthStart is the first day of month m of year y (m may run past 12).
func monthStart(y, m int) domain.Date {
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return domain.NewDate(t.Year(), t.Month(), 1)
}
