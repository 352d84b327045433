package steps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

func TestEditorsRegisteredAndDisposable(t *testing.T) {
	test.NewTempApp(t)
	s := kittest.NewProjectFile(t)
	for _, step := range []domain.StepID{1, 2} {
		build := Editors[step]
		if build == nil {
			t.Fatalf("no editor registered for step %d", step)
		}
		w := test.NewWindow(nil)
		defer w.Close()
		obj := build(&kit.Context{Session: s, Window: w, ShowError: func(error) {}})
		v, ok := obj.(*kit.EditorView)
		if !ok {
			t.Fatalf("step %d editor is %T", step, obj)
		}
		w.SetContent(v)
		before := kittest.LabelsIn(v)
		v.Dispose()
		if _, err := s.AddTask(domain.Task{Name: "Nach dem Schließen"}); err != nil {
			t.Fatal(err)
		}
		if after := kittest.LabelsIn(v); strings.Join(after, "|") != strings.Join(before, "|") {
			t.Errorf("step %d: a disposed editor still follows the session", step)
		}
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
}

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
