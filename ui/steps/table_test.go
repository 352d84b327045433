package steps

import (
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
)

// Every step of the table has all its columns: the domain's row (evaluator, tips), an editor
// here and a section of the Gesamtbericht; ids are the steps' numbers in order.
func TestEveryStepIsWired(t *testing.T) {
	sections := reports.SectionSteps()
	if len(domain.Steps) != 12 || len(Editors) != len(domain.Steps) || len(sections) != len(domain.Steps) {
		t.Fatalf("%d steps, %d editors, %d report sections", len(domain.Steps), len(Editors), len(sections))
	}
	for i, s := range domain.Steps {
		if s.Number != domain.StepID(i+1) || sections[i] != s.Number {
			t.Errorf("step %d: id %d, report section %d", i+1, s.Number, sections[i])
		}
		if s.Evaluate == nil || s.Tips < 1 || s.Key == "" {
			t.Errorf("step %d: evaluator %v, %d tips, key %q", s.Number, s.Evaluate != nil, s.Tips, s.Key)
		}
		if Editors[s.Number] == nil {
			t.Errorf("step %d has no editor", s.Number)
		}
		if got, ok := domain.StepByID(s.Number); !ok || got.Key != s.Key {
			t.Errorf("StepByID(%d) = %+v", s.Number, got)
		}
	}
	for _, a := range Actions {
		if _, ok := domain.StepByID(a.Step); !ok {
			t.Errorf("action %s names step %d", a.Label, a.Step)
		}
	}
}
