package kpi

import (
	"sort"

	"schulit-lotse/domain"
)

// Escalation proposes the escalation of step 11 for a figure that was red in the two newest
// frozen Jour-fixe snapshots in a row: its lowest level (the first one to turn to), with the
// roles that level names.
type Escalation struct {
	Indicator Indicator // as frozen in the newer meeting
	Meetings  [2]domain.Date
	Level     *domain.EscalationLevel // nil when step 11 has no escalation level yet
}

// EscalationsDue reads the frozen KPI snapshots of the project's two newest Jour fixes that
// have one and proposes an escalation for each figure red in both (matched by key and label).
func EscalationsDue(p *domain.Project) []Escalation {
	type snap struct {
		day domain.Date
		f   Frozen
	}
	var snaps []snap
	for _, j := range p.JourFixes {
		if f, ok := ParseFrozen(j.FrozenKPIs); ok {
			snaps = append(snaps, snap{j.Date, f})
		}
	}
	if len(snaps) < 2 {
		return nil
	}
	sort.SliceStable(snaps, func(a, b int) bool { return snaps[a].day.Before(snaps[b].day.Time) })
	older, newer := snaps[len(snaps)-2], snaps[len(snaps)-1]
	redBefore := map[string]bool{}
	for _, in := range append(append([]Indicator(nil), older.f.Indicators...), older.f.ClassIndicators...) {
		if in.Light == LightRed {
			redBefore[in.Key+"|"+in.Label] = true
		}
	}
	level := LowestEscalationLevel(p)
	var out []Escalation
	for _, in := range append(append([]Indicator(nil), newer.f.Indicators...), newer.f.ClassIndicators...) {
		if in.Light == LightRed && redBefore[in.Key+"|"+in.Label] {
			out = append(out, Escalation{Indicator: in, Meetings: [2]domain.Date{older.day, newer.day}, Level: level})
		}
	}
	return out
}
