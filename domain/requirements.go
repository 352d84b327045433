package domain

import "strings"

// Finding codes of step 3.
const (
	FindUnsorted          = "find.task.unsorted"
	FindPackageNoTarget   = "find.package.no_target_state"
	FindPackageNoCriteria = "find.package.no_criteria"
	FindPackageEmpty      = "find.package.empty"
)

// PackageSummary is what the requirement list says about one package: how many tasks and hours
// it holds and how they split into vorrangig (must) and nachrangig (nice).
type PackageSummary struct {
	Package       Package
	Tasks         int
	Hours         float64
	Must, Nice    int
	Unprioritised int
	MustHours     float64
	NiceHours     float64
	Critical      int
}

// MustShare is the share of the package's tasks that are vorrangig (0…1); 0 for an empty
// package.
func (s PackageSummary) MustShare() float64 {
	if s.Tasks == 0 {
		return 0
	}
	return float64(s.Must) / float64(s.Tasks)
}

// NiceShare is the share of the package's tasks that are nachrangig (0…1).
func (s PackageSummary) NiceShare() float64 {
	if s.Tasks == 0 {
		return 0
	}
	return float64(s.Nice) / float64(s.Tasks)
}

// SummarizePackages returns one summary per package, in the user's order.
func SummarizePackages(p *Project) []PackageSummary {
	pkgs := SortedPackages(p)
	out := make([]PackageSummary, len(pkgs))
	index := make(map[int64]int, len(pkgs))
	for i, pk := range pkgs {
		out[i].Package = pk
		index[pk.ID] = i
	}
	for _, t := range p.Tasks {
		if t.PackageID == nil {
			continue
		}
		i, ok := index[*t.PackageID]
		if !ok {
			continue
		}
		s := &out[i]
		h := t.HoursPerMonth(p.Settings)
		s.Tasks++
		s.Hours += h
		if t.Critical {
			s.Critical++
		}
		switch t.Priority.Class() {
		case ClassMust:
			s.Must++
			s.MustHours += h
		case ClassNice:
			s.Nice++
			s.NiceHours += h
		default:
			s.Unprioritised++
		}
	}
	return out
}

// RequirementGroup is one group of the requirement list: a package and its tasks, or (Package
// nil) the tasks not sorted yet.
type RequirementGroup struct {
	Package *Package
	Tasks   []Task
}

// GroupByPackage groups the tasks by package in the user's order, tasks in row order; the
// unsorted tasks come last and only when there are any. Each task is in exactly one group.
func GroupByPackage(p *Project) []RequirementGroup {
	pkgs := SortedPackages(p)
	groups := make([]RequirementGroup, len(pkgs))
	index := make(map[int64]int, len(pkgs))
	for i := range pkgs {
		groups[i].Package = &pkgs[i]
		index[pkgs[i].ID] = i
	}
	var pile []Task
	for _, t := range inUserOrder(p.Tasks) {
		if t.PackageID != nil {
			if i, ok := index[*t.PackageID]; ok {
				groups[i].Tasks = append(groups[i].Tasks, t)
				continue
			}
		}
		pile = append(pile, t)
	}
	if len(pile) > 0 {
		groups = append(groups, RequirementGroup{Tasks: pile})
	}
	return groups
}

// PackageName is the name of the task's package, "" when it is unsorted.
func PackageName(p *Project, t Task) string {
	if t.PackageID == nil {
		return ""
	}
	if pk := p.PackageByID(*t.PackageID); pk != nil {
		return pk.Name
	}
	return ""
}

// RequirementFindings are the open questions of step 3: tasks not yet in a package, packages
// without target state or criteria, and packages without any task.
func RequirementFindings(p *Project) []Finding {
	var out []Finding
	for _, t := range inUserOrder(p.Tasks) {
		if t.PackageID == nil || p.PackageByID(*t.PackageID) == nil {
			out = append(out, Finding{Step: StepRequirements, Severity: SeverityQuestion, Code: FindUnsorted, Subject: t.Name, EntityID: t.ID})
		}
	}
	for _, s := range SummarizePackages(p) {
		pk := s.Package
		if strings.TrimSpace(pk.TargetState) == "" {
			out = append(out, Finding{Step: StepRequirements, Severity: SeverityQuestion, Code: FindPackageNoTarget, Subject: pk.Name, EntityID: pk.ID})
		}
		if strings.TrimSpace(pk.Criteria) == "" {
			out = append(out, Finding{Step: StepRequirements, Severity: SeverityQuestion, Code: FindPackageNoCriteria, Subject: pk.Name, EntityID: pk.ID})
		}
		if s.Tasks == 0 {
			out = append(out, Finding{Step: StepRequirements, Severity: SeverityWarning, Code: FindPackageEmpty, Subject: pk.Name, EntityID: pk.ID})
		}
	}
	return out
}

// IsPackageFinding tells whether a finding's EntityID names a package (not a task).
func IsPackageFinding(f Finding) bool {
	switch f.Code {
	case FindPackageNoTarget, FindPackageNoCriteria, FindPackageEmpty:
		return true
	}
	return false
}

func evaluateRequirements(p *Project, today Date) (StepState, []Figure, []Finding) {
	f := RequirementFindings(p)
	sorted := 0
	for _, t := range p.Tasks {
		if t.PackageID != nil && p.PackageByID(*t.PackageID) != nil {
			sorted++
		}
	}
	withTarget := 0
	for _, pk := range p.Packages {
		if strings.TrimSpace(pk.TargetState) != "" {
			withTarget++
		}
	}
	started := len(p.Packages) > 0
	figs := []Figure{
		{Key: "fig.packages", Value: float64(len(p.Packages))},
		{Key: "fig.sorted", Value: float64(sorted)},
		{Key: "fig.unsorted", Value: float64(len(p.Tasks) - sorted)},
		{Key: "fig.packages_with_target", Value: float64(withTarget)},
	}
	return stateOf(started, len(p.Tasks) > 0 && len(f) == 0), figs, f
}
