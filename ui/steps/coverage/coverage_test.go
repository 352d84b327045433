package coverage

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

type covFixture struct {
	*kittest.Fixture
	cov *coverageEditor
}

// newCovFixture opens step 4 on the seed's four tasks (Abb. 7).
func newCovFixture(t *testing.T) *covFixture {
	t.Helper()
	test.NewTempApp(t)
	h := func(v float64) *domain.Effort { return &domain.Effort{Value: v, Unit: domain.HoursPerMonth} }
	fx := &kittest.Fixture{T: t, S: kittest.NewProjectFile(t,
		domain.Task{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: h(2)},
		domain.Task{Name: "Erstlöseversuche", Responsible: "Lehrkraft mit Entlastungsstunden", Effort: h(4)},
		domain.Task{Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: h(2)},
		domain.Task{Name: "Neu: Wartung der Schüler-Tablets", Responsible: "Noch nicht definiert", Effort: h(10)},
	)}
	cf := &covFixture{Fixture: fx}
	fx.Open(func(ctx *kit.Context) fyne.CanvasObject {
		cf.cov = NewCoverageEditor(ctx)
		return cf.cov.View
	})
	return cf
}

func (cf *covFixture) pickTask(name string) {
	cf.T.Helper()
	cf.cov.pick(cf.Task(name).ID)
	if cf.cov.taskName.Text != name {
		cf.T.Fatalf("form shows %q", cf.cov.taskName.Text)
	}
}

func TestCoverageKeepNeedsSomeoneResponsible(t *testing.T) {
	cf := newCovFixture(t)
	cf.pickTask("Neu: Wartung der Schüler-Tablets")
	cf.cov.states.SetSelected(stateLabel(domain.CoverageKeep))
	if !kittest.IsErr(cf.TakeErrors(), domain.ErrKeepWithoutResponsible) {
		t.Fatal("keep on a task without responsible must be refused with its message")
	}
	if got := cf.StoredTask(cf.Task("Neu: Wartung der Schüler-Tablets").ID).Coverage; got != domain.CoverageUnset {
		t.Errorf("stored %q", got)
	}
	if cf.cov.states.Selected != "" {
		t.Errorf("the form still shows %q", cf.cov.states.Selected)
	}
	// The button sets "assign" to the external provider in one go.
	test.Tap(cf.cov.extBtn)
	cf.NoErrors()
	tk := cf.StoredTask(cf.Task("Neu: Wartung der Schüler-Tablets").ID)
	if tk.Coverage != domain.CoverageAssign || tk.NewResponsible != domain.ExternalProvider {
		t.Errorf("stored %+v", tk)
	}
}

func TestCoverageChangeAndWorkload(t *testing.T) {
	cf := newCovFixture(t)
	cf.pickTask("Erstlöseversuche")
	cf.cov.states.SetSelected(stateLabel(domain.CoverageChange))
	cf.NoErrors()
	cf.W.Canvas().Focus(cf.cov.newResp)
	test.Type(cf.cov.newResp, "Teammitglied Schul-I")
	if cf.Task("Erstlöseversuche").NewResponsible != "" {
		t.Fatal("a partly typed name must not be stored yet")
	}
	test.Type(cf.cov.newResp, "T") // now it is a suggestion in full: stored at once
	cf.NoErrors()
	if got := cf.StoredTask(cf.Task("Erstlöseversuche").ID); got.Coverage != domain.CoverageChange || got.NewResponsible != "Teammitglied Schul-IT" {
		t.Fatalf("stored %+v", got)
	}
	// Workload: the team had 2 + 2 = 4 h and now has 8; the teacher had 4 and now 0.
	rows := map[string]domain.WorkloadRow{}
	for _, r := range cf.cov.workRows {
		rows[r.Responsible] = r
	}
	if r := rows["Teammitglied Schul-IT"]; r.Before != 4 || r.After != 8 {
		t.Errorf("team %+v", r)
	}
	if r := rows["Lehrkraft mit Entlastungsstunden"]; r.Before != 4 || r.After != 0 {
		t.Errorf("teacher %+v", r)
	}
	// The row's cells carry the legend colour of "Muss verändert werden".
	row := cf.cov.rowOf(cf.Task("Erstlöseversuche").ID)
	if c := cf.cov.cell(row, 0); c.Text != "Muss verändert werden" || c.Fill != kit.ColorOf("#f9a825", 0.5) {
		t.Errorf("state cell %+v", c)
	}
	// A change to the same person is refused.
	cf.pickTask("IServ-Nutzer anlegen")
	cf.cov.commit(domain.CoverageChange, "teammitglied schul-it")
	if !kittest.IsErr(cf.TakeErrors(), domain.ErrChangeToSame) {
		t.Error("a change to the same person must be refused")
	}
}

func TestCoverageLimitFlagsOverload(t *testing.T) {
	cf := newCovFixture(t)
	cf.W.Canvas().Focus(cf.cov.defLimit)
	test.Type(cf.cov.defLimit, "3")
	cf.cov.defLimit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	cf.NoErrors()
	if w := domain.WorkloadSettingsOf(cf.Stored()); w.DefaultLimit != 3 {
		t.Fatalf("stored limit %+v", w)
	}
	over := 0
	for _, r := range cf.cov.workRows {
		if r.OverAfter() {
			over++
		}
	}
	// Team 4 h and teacher 4 h are above 3; "nobody" has no limit.
	if over != 2 {
		t.Errorf("%d overloaded rows, want 2: %+v", over, cf.cov.workRows)
	}
	n := 0
	for _, f := range cf.cov.questions.Items {
		if f.Code == domain.FindOverloaded {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d overload questions, want 2", n)
	}
	// The teacher's own limit of 8 takes the teacher out.
	for i, r := range cf.cov.workRows {
		if r.Responsible == "Lehrkraft mit Entlastungsstunden" {
			cf.cov.work.OnSelect(i)
		}
	}
	cf.W.Canvas().Focus(cf.cov.rowLimit)
	test.Type(cf.cov.rowLimit, "8")
	cf.W.Canvas().Unfocus()
	cf.NoErrors()
	if w := domain.WorkloadSettingsOf(cf.Stored()); w.Limits["Lehrkraft mit Entlastungsstunden"] != 8 {
		t.Fatalf("stored limits %+v", w)
	}
	for _, r := range cf.cov.workRows {
		if r.Responsible == "Lehrkraft mit Entlastungsstunden" && r.OverAfter() {
			t.Error("the teacher's own limit is not used")
		}
	}
	// A bad number is refused with a sentence.
	cf.W.Canvas().Focus(cf.cov.defLimit)
	cf.cov.defLimit.SetText("viel")
	cf.cov.defLimit.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(cf.TakeErrors()) == 0 {
		t.Error("a limit that is not a number must be refused")
	}
	if w := domain.WorkloadSettingsOf(cf.Stored()); w.DefaultLimit != 3 {
		t.Errorf("the refused value changed the limit: %+v", w)
	}
}
