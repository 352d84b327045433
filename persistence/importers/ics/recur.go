package ics

import (
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// Recurring events: public-holiday feeds repeat a day every year with an RRULE. DAILY, WEEKLY
// and YEARLY rules with INTERVAL, COUNT, UNTIL and EXDATE are expanded; a rule without COUNT or
// UNTIL runs up to Options.Until. Any other rule form (BYDAY lists, MONTHLY, RDATE …) keeps the
// first occurrence only and is named in Result.Unsupported, so the user sees what was left out.

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
	freq     string // DAILY, WEEKLY, YEARLY
	interval int
	count    int // 0 = none
	until    *domain.Date
}

// parseRule reads an RRULE; ok is false for a form the reader does not expand. BYMONTH and
// BYMONTHDAY that only repeat the first day's month and day are accepted (feeds write them).
func parseRule(v string, start domain.Date) (rule, bool) {
	r := rule{interval: 1}
	for _, part := range strings.Split(strings.ToUpper(strings.TrimSpace(v)), ";") {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			return r, false
		}
		switch k {
		case "FREQ":
			if val != "DAILY" && val != "WEEKLY" && val != "YEARLY" {
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
			if val != strconv.Itoa(int(start.Month())) {
				return r, false
			}
		case "BYMONTHDAY":
			if val != strconv.Itoa(start.Day()) {
				return r, false
			}
		case "WKST":
		default:
			return r, false
		}
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

// occurrences are the first days of a rule's events from start on, without the excluded days.
func (r rule) occurrences(start domain.Date, limit domain.Date, exclude map[string]bool, max int) []domain.Date {
	var out []domain.Date
	end := limit
	if r.until != nil && r.until.Before(end.Time) {
		end = *r.until
	}
	for k, n := 0, 0; n < max; k++ {
		var d domain.Date
		switch r.freq {
		case "DAILY":
			d = domain.AddDays(start, k*r.interval)
		case "WEEKLY":
			d = domain.AddDays(start, 7*k*r.interval)
		default:
			y := start.Year() + k*r.interval
			if y > maxYear {
				return out
			}
			t := time.Date(y, start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
			if t.Day() != start.Day() { // 29 February in a common year: no occurrence
				continue
			}
			d = domain.NewDate(y, start.Month(), start.Day())
		}
		if r.count == 0 && d.After(end.Time) || r.count > 0 && (k >= r.count || r.until != nil && d.After(r.until.Time)) {
			return out
		}
		if !exclude[d.String()] {
			out = append(out, d)
			n++
		}
		if r.count == 0 && k > 400*366 {
			return out // a guard; end stops it long before
		}
	}
	return out
}
