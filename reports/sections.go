package reports

import (
	"sort"

	"schulit-lotse/domain"
)

// section is one step's part of the Gesamtbericht. Each step adds its own in an init function
// of its file, so the steps do not edit a shared list.
type section struct {
	Step int
	// Has reports whether the project holds anything for the step; steps without content stay
	// out of the report. Nil means: the step's state in the summary is no longer "offen".
	Has func(p *domain.Project) bool
	// Write renders the section, starting with r.Section. It runs twice per report (the first
	// run measures the page numbers for the table of contents), so it must not change state
	// outside r.
	Write func(r *Report, p *domain.Project)
}

var sections []section

func registerSection(s section) {
	sections = append(sections, s)
	sort.SliceStable(sections, func(a, b int) bool { return sections[a].Step < sections[b].Step })
}

// sectionsFor returns the sections with content, in step order.
func sectionsFor(p *domain.Project, today domain.Date) []section {
	var out []section
	var states map[int]domain.StepState
	for _, s := range sections {
		if s.Has == nil && states == nil {
			states = map[int]domain.StepState{}
			for _, sum := range domain.Summarize(p, today) {
				states[sum.Number] = sum.State
			}
		}
		if s.Has == nil && states[s.Step] != domain.StateOpen || s.Has != nil && s.Has(p) {
			out = append(out, s)
		}
	}
	return out
}

// stepTitle is the step's name as the wizard shows it.
func stepTitle(n int) string {
	for _, s := range domain.Steps {
		if s.Number == n {
			return tr("step." + s.Key + ".title")
		}
	}
	return ""
}
