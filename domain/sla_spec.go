package domain

import "sort"

// ServiceSpec is the content of the draft Leistungsbeschreibung: what goes to the provider,
// which state each package must reach, by which criteria it is judged, and the service levels.
// The reports render it as PDF and as structured text; procurement edits it further.
type ServiceSpec struct {
	// Basis says how the scope was found: "decisions" (step 6 outcomes extern/gemischt),
	// "coverage" (tasks handed out in step 4, no decision yet) or "none".
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

// BuildServiceSpec selects what goes external. With sourcing decisions, packages decided
// extern go whole and mixed packages with the tasks step 4 gave to the provider; without any
// decision yet, the tasks handed out in step 4 form the scope, grouped by package.
func BuildServiceSpec(p *Project) ServiceSpec {
	spec := ServiceSpec{Basis: SpecNothing, State: p.Meta.Bundesland}
	tasks := append([]Task(nil), p.Tasks...)
	sort.SliceStable(tasks, func(a, b int) bool {
		if tasks[a].SortOrder != tasks[b].SortOrder {
			return tasks[a].SortOrder < tasks[b].SortOrder
		}
		return tasks[a].ID < tasks[b].ID
	})
	handedOut := func(t Task) bool { return IsExternal(AfterStep4(t)) }

	decided := false
	for _, d := range p.Decisions {
		if d.Outcome == OutcomeExternal || d.Outcome == OutcomeMixed {
			decided = true
		}
	}
	byPkg := map[int64]int{}
	add := func(pk Package, outcome SourcingOutcome) *SpecPackage {
		if i, ok := byPkg[pk.ID]; ok {
			return &spec.Packages[i]
		}
		byPkg[pk.ID] = len(spec.Packages)
		sp := SpecPackage{Package: pk, Outcome: outcome}
		if pk.ID != 0 {
			id := pk.ID
			sp.SLA = SLAFor(p, &id)
		} else {
			sp.SLA = SLAFor(p, nil)
		}
		spec.Packages = append(spec.Packages, sp)
		return &spec.Packages[len(spec.Packages)-1]
	}
	if decided {
		spec.Basis = SpecFromDecisions
		for _, pk := range packagesInOrder(p) {
			d := p.DecisionFor(pk.ID)
			if d == nil || d.Outcome != OutcomeExternal && d.Outcome != OutcomeMixed {
				continue
			}
			sp := add(pk, d.Outcome)
			for _, t := range tasks {
				if t.PackageID != nil && *t.PackageID == pk.ID && (d.Outcome == OutcomeExternal || handedOut(t)) {
					sp.Tasks = append(sp.Tasks, t)
				}
			}
		}
	} else {
		order := map[int64]int{}
		for i, pk := range packagesInOrder(p) {
			order[pk.ID] = i
		}
		for _, t := range tasks {
			if !handedOut(t) {
				continue
			}
			spec.Basis = SpecFromCoverage
			var pk Package
			if t.PackageID != nil {
				if x := p.PackageByID(*t.PackageID); x != nil {
					pk = *x
				}
			}
			sp := add(pk, OutcomeOpen)
			sp.Tasks = append(sp.Tasks, t)
		}
		// Packages in board order, tasks without a package last.
		sort.SliceStable(spec.Packages, func(a, b int) bool {
			ia, ib := spec.Packages[a].Package.ID, spec.Packages[b].Package.ID
			if (ia == 0) != (ib == 0) {
				return ib == 0
			}
			return order[ia] < order[ib]
		})
	}
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
