package inventory

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// fixture is one user's session with the task editor of step 1 or 2.
type fixture struct {
	*kittest.Fixture
	ed *taskEditor
}

func newFixture(t *testing.T, step domain.StepID, tasks ...domain.Task) *fixture {
	t.Helper()
	test.NewTempApp(t)
	fx := &fixture{Fixture: &kittest.Fixture{T: t, S: kittest.NewProjectFile(t, tasks...)}}
	fx.open(step)
	return fx
}

// open builds the step's editor in a new window, as the shell does.
func (fx *fixture) open(step domain.StepID) {
	fx.Open(func(ctx *kit.Context) fyne.CanvasObject {
		if step == 1 {
			fx.ed = NewInventoryEditor(ctx)
		} else {
			fx.ed = NewNeedsEditor(ctx)
		}
		return fx.ed.View
	})
}

// rowNames are the task names in the table's display order.
func (fx *fixture) rowNames() []string {
	var out []string
	for r := range fx.ed.grid.rows {
		out = append(out, fx.ed.grid.taskAt(r).Name)
	}
	return out
}

// questions are the open-question texts the panel shows.
func (fx *fixture) questions() []string {
	var out []string
	for _, f := range fx.ed.questions.Items {
		out = append(out, f.Code+" "+f.Subject)
	}
	return out
}
