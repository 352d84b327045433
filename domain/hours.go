package domain

import (
	"sort"
	"strings"
)

// TotalHoursPerMonth sums the estimated hours per month of all tasks.
func TotalHoursPerMonth(p *Project) float64 {
	var sum float64
	for _, t := range p.Tasks {
		sum += t.HoursPerMonth(p.Settings)
	}
	return sum
}

// ResponsibleHours is the monthly workload of one person or group.
type ResponsibleHours struct {
	Responsible string  `json:"responsible"`
	Hours       float64 `json:"hours"`
	Tasks       int     `json:"tasks"`
}

// HoursByResponsible sums hours per month per responsible person/group (as written, trimmed),
// sorted by hours descending, then by name. Tasks without anyone responsible are grouped under "".
func HoursByResponsible(p *Project) []ResponsibleHours {
	return hoursBy(p, func(t Task) string { return t.Responsible })
}

// HoursByNewResponsible is the same after the reassignment of step 4: a task without a new
// responsible party stays with its current one.
func HoursByNewResponsible(p *Project) []ResponsibleHours {
	return hoursBy(p, func(t Task) string {
		if t.NewResponsible != "" {
			return t.NewResponsible
		}
		return t.Responsible
	})
}

func hoursBy(p *Project, key func(Task) string) []ResponsibleHours {
	idx := map[string]int{}
	var out []ResponsibleHours
	for _, t := range p.Tasks {
		k := strings.TrimSpace(key(t))
		if !HasResponsible(k) {
			k = ""
		}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, ResponsibleHours{Responsible: k})
		}
		out[i].Hours += t.HoursPerMonth(p.Settings)
		out[i].Tasks++
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Hours != out[b].Hours {
			return out[a].Hours > out[b].Hours
		}
		return out[a].Responsible < out[b].Responsible
	})
	return out
}
