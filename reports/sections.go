package reports

import (
	"schulit-lotse/domain"
	"schulit-lotse/reports/award"
	"schulit-lotse/reports/pdfkit"
)

// section is one step's part of the Gesamtbericht, defined in the step's file and listed in
// sections.
type section struct {
	Step domain.StepID
	// Has reports whether the project holds anything for the step; steps without content stay
	// out of the report. Nil means: the step's state in the summary is no longer "offen".
	Has func(p *domain.Project) bool
	// Write renders the section, starting with r.Section. It runs twice per report (the first
	// run measures the page numbers for the table of contents), so it must not change state
	// outside r.
	Write func(r *pdfkit.Report, p *domain.Project)
	// WriteFrom, when set, is Write for a section that reads the monitoring data through the
	// book's source (step 12).
	WriteFrom func(r *pdfkit.Report, p *domain.Project, m *monitoring)
}

// The sections of steps 7 to 9 (the award) are written in reports/award.
var (
	slaSection      = section{Step: domain.StepSLA, Has: award.HasSLA, Write: award.WriteSLA}
	tenderSection   = section{Step: domain.StepTender, Has: domain.TenderStarted, Write: award.WriteTender}
	contractSection = section{Step: domain.StepContract, Has: award.HasContract, Write: award.WriteContract}
)

// sections are the report's column of the step table (domain.Steps), in step order.
var sections = []section{
	inventorySection, needsSection, requirementsSection, coverageSection, resourcesSection, sourcingSection,
	slaSection, tenderSection, contractSection, kickoffSection, structureSection, monitoringSection,
}

// SectionSteps lists the steps that have a section in the Gesamtbericht, in order.
func SectionSteps() []domain.StepID {
	out := make([]domain.StepID, len(sections))
	for i, s := range sections {
		out[i] = s.Step
	}
	return out
}

// sectionsFor returns the sections with content, in step order.
func sectionsFor(p *domain.Project, today domain.Date) []section {
	var out []section
	var states map[domain.StepID]domain.StepState
	for _, s := range sections {
		if s.Has == nil && states == nil {
			states = map[domain.StepID]domain.StepState{}
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

// taskCap is how many tasks a list of the Gesamtbericht shows; a Landkreis has 1,500, and the
// export has them all.
const taskCap = 40

// tr translates key with optional template data (pdfkit.Tr).
func tr(key string, data ...map[string]any) string { return pdfkit.Tr(key, data...) }
