package inventory

import (
	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// newQuestions is the list of the step's open questions ("Offene Fragen"); tapping one jumps to
// the task and the field that answers it. Entries have room for three lines: long task names
// wrap instead of hiding the question.
func newQuestions(ed *taskEditor) *kit.Findings {
	return kit.NewFindings(kit.FindingsConfig{Lines: 3, OnTap: ed.jump})
}

// refreshQuestions derives the questions of this step from the project again.
func (ed *taskEditor) refreshQuestions() {
	var items []domain.Finding
	p := ed.sess().Project
	for _, f := range append(domain.TaskFindings(p), domain.TextFindings(p)...) {
		if f.Step == ed.cfg.step {
			items = append(items, f)
		}
	}
	ed.questions.Set(items)
}

// fieldFor tells which field answers a question.
func fieldFor(code string) formField {
	switch code {
	case domain.FindNoResponsible:
		return fieldResponsible
	case domain.FindNoEffort:
		return fieldEffort
	case domain.FindNoPriority:
		return fieldPriority
	case domain.FindNewNoDate:
		return fieldValidFrom
	case domain.FindDuplicateName, domain.FindTextTooLong:
		return fieldName
	}
	return fieldNone
}

// jump selects the task a question is about and puts the cursor where the answer goes.
func (ed *taskEditor) jump(f domain.Finding) {
	if f.EntityID == 0 || ed.sess().Project.TaskByID(f.EntityID) == nil {
		return
	}
	ed.pick(f.EntityID, fieldFor(f.Code))
}
