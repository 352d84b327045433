package domain

import "sort"

// ServiceSpec is the content of the draft Leistungsbeschreibung: what goes to the provider,
// which state each package must reach, by which criteria it is judged, and the service levels.
// The reports render it as PDF and as structured text; procurement edits it further.
type ServiceSpec struct {
	// Basis says how the scope was found: the tasks handed out in step 4, "decisions" when step
	// 6 has decided packages extern or gemischt, "coverage" before that, "none" when nothing
	// is handed out.
	Basis    string
	Packages []SpecPackage
	// HoursPerMonth sums the tasks that go out (the volume the provider plans with).
	HoursPerMonth float64
	// SLAs are the working SLAs that apply to the packages, general one first.
	SLAs []SLA
	// Ferien are the imported school holidays; State names the Bundesland whose public holidays
	// apply.
	Ferien []SchoolHoliday
	State  Bundesland
}

// Bases of a ServiceSpec.
const (
	SpecFromDecisions = "decisions"
	SpecFromCoverage  = "coverage"
	SpecNothing       = "none"
)

// SpecPackage is one package of the Leistungsbeschreibung.
type SpecPackage struct {
	Package Package
	// ID 0 and an empty name collect tasks handed out without a package.
	Outcome       SourcingOutcome
	Tasks         []Task
	HoursPerMonth float64
	SLA           *SLA
}

// BuildServiceSpec selects what goes external: exactly the tasks step 4 hands to the provider,
// grouped by package in board order (tasks without a package last), each package with its
// sourcing decision. A package with nothing handed out is not tendered, whatever its decision;
// the thread checks (ThreadFindings) point out where decision and step 4 disagree.
func BuildServiceSpec(p *Project) ServiceSpec {
	spec := ServiceSpec{Basis: SpecNothing, State: p.Meta.Bundesland}
	tasks := append([]Task(nil), p.Tasks...)
	sort.SliceStable(tasks, func(a, b int) bool {
		if tasks[a].SortOrder != tasks[b].SortOrder {
			return tasks[a].SortOrder < tasks[b].SortOrder
		}
		return tasks[a].ID < tasks[b].ID
	})
	decided := false
	for _, d := range p.Decisions {
		if d.Outcome == OutcomeExternal || d.Outcome == OutcomeMixed {
			decided = true
		}
	}
	order := map[int64]int{}
	for i, pk := range packagesInOrder(p) {
		order[pk.ID] = i
	}
	byPkg := map[int64]int{}
	for _, t := range tasks {
		if !HandedOut(t) {
			continue
		}
		spec.Basis = SpecFromCoverage
		if decided {
			spec.Basis = SpecFromDecisions
		}
		var pk Package
		if t.PackageID != nil {
			if x := p.PackageByID(*t.PackageID); x != nil {
				pk = *x
			}
		}
		i, ok := byPkg[pk.ID]
		if !ok {
			sp := SpecPackage{Package: pk, Outcome: OutcomeOpen}
			if d := p.DecisionFor(pk.ID); pk.ID != 0 && d != nil {
				sp.Outcome = d.Outcome
			}
			if pk.ID != 0 {
				id := pk.ID
				sp.SLA = SLAFor(p, &id)
			} else {
				sp.SLA = SLAFor(p, nil)
			}
			i = len(spec.Packages)
			byPkg[pk.ID] = i
			spec.Packages = append(spec.Packages, sp)
		}
		spec.Packages[i].Tasks = append(spec.Packages[i].Tasks, t)
	}
	sort.SliceStable(spec.Packages, func(a, b int) bool {
		ia, ib := spec.Packages[a].Package.ID, spec.Packages[b].Package.ID
		if (ia == 0) != (ib == 0) {
			return ib == 0
		}
		return order[ia] < order[ib]
	})
	seen := map[int64]bool{}
	for i := range spec.Packages {
		sp := &spec.Packages[i]
		for _, t := range sp.Tasks {
			sp.HoursPerMonth += t.HoursPerMonth(p.Settings)
		}
		spec.HoursPerMonth += sp.HoursPerMonth
		if sp.SLA != nil && !seen[sp.SLA.ID] {
			seen[sp.SLA.ID] = true
		}
	}
	for _, s := range WorkingSLAs(p) {
		if seen[s.ID] || len(spec.Packages) == 0 {
			spec.SLAs = append(spec.SLAs, s)
		}
	}
	spec.Ferien = append([]SchoolHoliday(nil), p.SchoolHolidays...)
	SortHolidays(spec.Ferien)
	return spec
}
