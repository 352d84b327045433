package domain

import (
	"math"
	"sort"
)

// Severity orders findings: an error blocks a step, a warning and an open question do not.
type Severity string

const (
	SeverityError    Severity = "error"
	SeverityWarning  Severity = "warning"
	SeverityQuestion Severity = "question"
)

// Finding is an open question or a warning, derived from the project and never stored. Code is a
// translation key; Subject is what the message names (e.g. a task's name).
type Finding struct {
	Step     StepID   `json:"step"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Subject  string   `json:"subject"`
	// EntityID points at the row the finding is about (a task id for steps 1–2), 0 if none.
	EntityID int64 `json:"entityId"`
	// Rule names the thread check (ThreadRules) a finding of the thread comes from; Steps are
	// all the steps it concerns (Step is the one to fix it in) and Objects what it names.
	Rule    string   `json:"rule,omitempty"`
	Steps   []StepID `json:"steps,omitempty"`
	Objects []Ref    `json:"objects,omitempty"`
}

// Ref names an object of the project: its kind ("task", "package", "category", "meeting"),
// its id (0 for objects without one, such as a ticket category) and its name.
type Ref struct {
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Finding codes of steps 1–2.
const (
	FindNoResponsible = "find.task.no_responsible"
	FindNoEffort      = "find.task.no_effort"
	FindNoPriority    = "find.task.no_priority"
	FindDuplicateName = "find.task.duplicate_name"
	FindNewNoDate     = "find.task.new_without_date"
	FindNoTasks       = "find.project.no_tasks"
	FindImplausible   = "find.task.effort_implausible"
	FindPersonTooMuch = "find.task.person_implausible"
)

// TaskFindings derives the open questions and warnings of steps 1–2, in task order.
func TaskFindings(p *Project) []Finding {
	var out []Finding
	seen := map[string]int{}
	for _, t := range p.Tasks {
		seen[NormalizedName(t.Name)]++
	}
	for _, t := range p.Tasks {
		// A task nobody does today is answered once step 4 names who will (a new task assigned
		// to the provider, say).
		if !HasResponsible(t.Responsible) && !HasResponsible(ResponsibleAfter(t)) {
			out = append(out, Finding{Step: StepInventory, Severity: SeverityQuestion, Code: FindNoResponsible, Subject: t.Name, EntityID: t.ID})
		}
		if t.Effort == nil {
			out = append(out, Finding{Step: StepInventory, Severity: SeverityQuestion, Code: FindNoEffort, Subject: t.Name, EntityID: t.ID})
		}
		if !t.Priority.IsSet() {
			out = append(out, Finding{Step: StepNeeds, Severity: SeverityQuestion, Code: FindNoPriority, Subject: t.Name, EntityID: t.ID})
		}
		if t.IsNew && t.ValidFrom == nil {
			out = append(out, Finding{Step: StepNeeds, Severity: SeverityQuestion, Code: FindNewNoDate, Subject: t.Name, EntityID: t.ID})
		}
		if t.HoursPerMonth(p.Settings) > MaxHoursPerMonth {
			out = append(out, Finding{Step: StepInventory, Severity: SeverityWarning, Code: FindImplausible, Subject: t.Name, EntityID: t.ID})
		}
		if seen[NormalizedName(t.Name)] > 1 {
			out = append(out, Finding{Step: StepInventory, Severity: SeverityWarning, Code: FindDuplicateName, Subject: t.Name, EntityID: t.ID})
		}
	}
	for _, r := range HoursByResponsible(p) {
		if HasResponsible(r.Responsible) && r.Hours > MaxPersonHoursPerMonth {
			out = append(out, Finding{Step: StepInventory, Severity: SeverityWarning, Code: FindPersonTooMuch, Subject: r.Responsible})
		}
	}
	return out
}

// onlyWarnings reports whether none of the findings is more than a warning: a step whose open
// points are all warnings can be complete.
func onlyWarnings(f []Finding) bool {
	for _, x := range f {
		if x.Severity != SeverityWarning {
			return false
		}
	}
	return true
}

// DuplicateNames returns the task names that occur more than once (compared without case and
// extra spaces), sorted.
func DuplicateNames(tasks []Task) []string {
	count := map[string]int{}
	first := map[string]string{}
	for _, t := range tasks {
		k := NormalizedName(t.Name)
		count[k]++
		if _, ok := first[k]; !ok {
			first[k] = t.Name
		}
	}
	var out []string
	for k, n := range count {
		if n > 1 {
			out = append(out, first[k])
		}
	}
	sort.Strings(out)
	return out
}

// ValidateSettings checks the project settings.
func ValidateSettings(s Settings) error {
	if math.IsNaN(s.HoursPerPersonDay) || math.IsInf(s.HoursPerPersonDay, 0) || s.HoursPerPersonDay <= 0 || s.HoursPerPersonDay > 24 {
		return ErrHoursPerPersonDay
	}
	if s.PriorityMode != PriorityRanking && s.PriorityMode != PriorityMustNice {
		return ErrPriorityMode
	}
	return nil
}
