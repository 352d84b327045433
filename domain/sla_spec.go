package domain

import (
	"sort"
	"time"
)

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
	tasks := inUserOrder(p.Tasks)
	decided := false
	for _, d := range p.Decisions {
		if d.Outcome == OutcomeExternal || d.Outcome == OutcomeMixed {
			decided = true
		}
	}
	order := map[int64]int{}
	for i, pk := range inUserOrder(p.Packages) {
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

// SpecTerm is the period the Leistungsbeschreibung covers: the contract's term when a contract
// has a start, else from 1 January of the tender's year on.
type SpecTerm struct {
	Start Date
	// End is the last day of a fixed term; nil when the term is open-ended or not yet agreed.
	End *Date
	// Months is the fixed term (0 when open-ended or not agreed).
	Months int
	// Contract says Start is the contract's start (not only the tender's year).
	Contract bool
}

// specOpenYears is how many calendar years the calendar shows when the term has no end.
const specOpenYears = 3

// ServiceTerm finds the term of the Leistungsbeschreibung. Without a contract start the tender's
// year counts: its publication, else the offer deadline, else the award date, else today.
func ServiceTerm(p *Project, today Date) SpecTerm {
	c := p.Contract
	if c.Start != nil {
		t := SpecTerm{Start: *c.Start, Contract: true}
		if end, ok := c.TermEnd(); ok {
			t.End, t.Months = &end, c.TermMonths
		}
		return t
	}
	year := today.Year()
	for _, d := range []*Date{p.Tender.PublishedOn, p.Tender.OfferDeadline, p.Tender.AwardDate} {
		if d != nil {
			year = d.Year()
			break
		}
	}
	return SpecTerm{Start: NewDate(year, time.January, 1)}
}

// Years are the calendar years of the term: start to end, or specOpenYears from the start when
// the term has no end.
func (t SpecTerm) Years() []int {
	last := t.Start.Year() + specOpenYears - 1
	if t.End != nil {
		last = t.End.Year()
	}
	var out []int
	for y := t.Start.Year(); y <= last; y++ {
		out = append(out, y)
	}
	return out
}

// Covers says whether a school holiday falls at least partly into the term: from its start to
// its end, or to the end of its last calendar year when it has no end.
func (t SpecTerm) Covers(h SchoolHoliday) bool {
	years := t.Years()
	last := NewDate(years[len(years)-1], time.December, 31)
	if t.End != nil {
		last = *t.End
	}
	return !h.Last.Before(t.Start.Time) && !h.First.After(last.Time)
}
