package inventory

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit/kittest"
)

// A Schulträger records its first tasks, estimates them in the units it thinks in, corrects a
// typo, deletes a task by mistake and takes it back.
func TestInventorySession(t *testing.T) {
	fx := newFixture(t, 1)
	ed := fx.ed
	if got := ed.questions.Title(); got != "Offene Fragen (0)" {
		t.Errorf("questions title %q", got)
	}

	// Add the first task: the button puts the cursor into the name field.
	test.Tap(ed.newBtn)
	if fx.W.Canvas().Focused() != ed.form.name {
		t.Fatalf("after „Neue Aufgabe“ the focus is on %T, want the name entry", fx.W.Canvas().Focused())
	}
	test.Type(ed.form.name, "IServ-Nutzer anlegen")
	ed.form.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fx.NoErrors()
	iserv := fx.Task("IServ-Nutzer anlegen")
	id := iserv.ID
	if fx.StoredTask(id).Name != "IServ-Nutzer anlegen" {
		t.Error("the new task is not in the file")
	}
	if ed.form.id != 0 || ed.form.name.Text != "" {
		t.Errorf("after adding, the form should be empty for the next task (id %d, name %q)", ed.form.id, ed.form.name.Text)
	}
	// Nobody responsible and no effort yet: two open questions.
	if q := fx.questions(); len(q) != 2 {
		t.Errorf("open questions after adding: %q", q)
	}

	// Click the task's effort cell: the form edits it.
	fx.TapLabel(ed.grid.table, "fehlt") // the responsible column says "fehlt" first
	if ed.form.id != id || ed.grid.selected != id {
		t.Fatalf("after tapping the row: form id %d, selected %d, want %d", ed.form.id, ed.grid.selected, id)
	}

	// 2 hours per week: typed, then the unit chosen.
	test.Type(ed.form.effort, "2")
	ed.form.unit.SetSelected("Std./Woche")
	fx.NoErrors()
	want := 2 * 52.0 / 12
	got := fx.Task("IServ-Nutzer anlegen")
	if got.Effort == nil || *got.Effort != (domain.Effort{Value: 2, Unit: domain.HoursPerWeek}) {
		t.Fatalf("effort in the model = %v", got.Effort)
	}
	if h := got.HoursPerMonth(fx.S.Project.Settings); math.Abs(h-want) > 1e-9 {
		t.Errorf("model: %v h/month, want %v", h, want)
	}
	st := fx.StoredTask(id)
	if st.Effort == nil || *st.Effort != *got.Effort || math.Abs(st.HoursPerMonth(fx.S.Project.Settings)-want) > 1e-9 {
		t.Errorf("file: effort %v", st.Effort)
	}
	if cells := kittest.LabelsIn(ed.grid.table); !kittest.Contains(cells, "8,67") || !kittest.Contains(cells, "2 Std./Woche") {
		t.Errorf("table does not show 2 Std./Woche = 8,67: %q", cells)
	}
	if ed.form.hours.Text != "= 8,67" {
		t.Errorf("form shows %q", ed.form.hours.Text)
	}

	// Change the value to 1,5 person-days per month: 12 hours at 8 hours per day.
	ed.form.unit.SetSelected("Personentage/Monat")
	fx.TypeInto(ed.form.effort, "1,5")
	fx.NoErrors()
	if e := fx.StoredTask(id).Effort; e == nil || *e != (domain.Effort{Value: 1.5, Unit: domain.PersonDaysPerMonth}) {
		t.Errorf("file effort after 1,5 PT = %v", e)
	}
	if !strings.Contains(ed.summary.Text, "zusammen 12 Std./Monat") {
		t.Errorf("summary %q", ed.summary.Text)
	}

	// Nonsense is refused with a German message and changes nothing.
	for _, bad := range []string{"abc", "-3", "1e400"} {
		fx.TypeInto(ed.form.effort, bad)
		errs := fx.TakeErrors()
		if len(errs) != 1 {
			t.Fatalf("effort %q: %d errors reported, want 1", bad, len(errs))
		}
		um, ok := errs[0].(interface{ UserMessage() string })
		if !ok || um.UserMessage() != errs[0].Error() {
			t.Errorf("effort %q: the error does not offer its sentence to the shell", bad)
		}
		msg := errs[0].Error()
		if strings.HasPrefix(msg, "err.") || !(strings.Contains(msg, "Zahl") || strings.Contains(msg, "Aufwand")) {
			t.Errorf("effort %q: message %q is not a German sentence", bad, msg)
		}
		if e := fx.Task("IServ-Nutzer anlegen").Effort; *e != (domain.Effort{Value: 1.5, Unit: domain.PersonDaysPerMonth}) {
			t.Errorf("effort %q changed the model to %v", bad, e)
		}
		if e := fx.StoredTask(id).Effort; *e != (domain.Effort{Value: 1.5, Unit: domain.PersonDaysPerMonth}) {
			t.Errorf("effort %q changed the file to %v", bad, e)
		}
		if ed.form.effort.Text != "1,5" {
			t.Errorf("after %q the field shows %q, want the stored 1,5", bad, ed.form.effort.Text)
		}
	}
	fx.TypeInto(ed.form.effort, "-3")
	if errs := fx.TakeErrors(); !kittest.IsErr(errs, domain.ErrEffortNegative) {
		t.Errorf("-3: errors %q do not carry ErrEffortNegative", kittest.ErrorTexts(errs))
	}

	// The responsible person is committed when the user leaves the field.
	fx.W.Canvas().Focus(ed.form.responsible)
	test.Type(ed.form.responsible, "Teammitglied Schul-IT")
	fx.W.Canvas().Focus(ed.form.note)
	fx.NoErrors()
	if fx.StoredTask(id).Responsible != "Teammitglied Schul-IT" {
		t.Error("leaving the field did not commit the responsible person")
	}
	if q := fx.questions(); len(q) != 0 {
		t.Errorf("open questions after responsible and effort: %q", q)
	}
	test.Type(ed.form.note, "Oft Rücksprache mit Schule notwendig")
	ed.form.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	// Ctrl+Enter starts the next task from wherever the cursor is.
	ed.form.note.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if ed.form.id != 0 || fx.W.Canvas().Focused() != ed.form.name {
		t.Fatalf("Ctrl+Enter: form id %d, focus %T", ed.form.id, fx.W.Canvas().Focused())
	}
	test.Type(ed.form.name, "Erstlöseversuche bei Störungen in Schule")
	test.Type(ed.form.responsible, "Lehrkraft mit Entlastungsstunden")
	ed.form.unit.SetSelected("Std./Monat")
	test.Type(ed.form.effort, "4")
	ed.form.effort.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fx.NoErrors()
	second := fx.Task("Erstlöseversuche bei Störungen in Schule")
	if second.Responsible != "Lehrkraft mit Entlastungsstunden" || second.Effort == nil || second.Effort.Value != 4 {
		t.Errorf("second task = %+v", second)
	}
	if ed.summary.Text != "2 Aufgaben · zusammen 16 Std./Monat" {
		t.Errorf("summary %q", ed.summary.Text)
	}
	// Hours per responsible person or group.
	side := kittest.LabelsIn(ed.View)
	for _, s := range []string{"Std./Monat je Person/Gruppe", "Teammitglied Schul-IT", "12", "Lehrkraft mit Entlastungsstunden", "4"} {
		if !kittest.Contains(side, s) {
			t.Errorf("totals do not show %q", s)
		}
	}

	// Delete the first task, then take it back with the offered undo.
	fx.TapLabel(ed.grid.table, "IServ-Nutzer anlegen")
	test.Tap(ed.form.deleteBtn)
	fx.NoErrors()
	if fx.S.Project.TaskByID(id) != nil || fx.Stored().TaskByID(id) != nil {
		t.Fatal("deleted task still there")
	}
	if !ed.undoBar.Visible() || ed.undoLabel.Text != "„IServ-Nutzer anlegen“ gelöscht." {
		t.Fatalf("undo offer: visible %v, %q", ed.undoBar.Visible(), ed.undoLabel.Text)
	}
	if ed.form.id != 0 || ed.grid.selected != 0 {
		t.Errorf("after delete: form id %d selected %d", ed.form.id, ed.grid.selected)
	}
	test.Tap(ed.undoBtn)
	back := fx.S.Project.TaskByID(id)
	if back == nil || back.Responsible != "Teammitglied Schul-IT" || back.Note != "Oft Rücksprache mit Schule notwendig" {
		t.Fatalf("undo did not restore the task: %+v", back)
	}
	if st := fx.StoredTask(id); st.Name != "IServ-Nutzer anlegen" || st.Effort == nil || st.Effort.Value != 1.5 {
		t.Errorf("file after undo: %+v", st)
	}
	if fx.rowNames()[0] != "IServ-Nutzer anlegen" {
		t.Errorf("restored task is not back in its place: %q", fx.rowNames())
	}
	if ed.undoBar.Visible() || ed.form.id != id || ed.grid.selected != id {
		t.Errorf("after undo: bar visible %v, form %d, selected %d", ed.undoBar.Visible(), ed.form.id, ed.grid.selected)
	}
	// Redo deletes again (the shell's Ctrl+Y), undo brings it back once more.
	if err := fx.S.Redo(); err != nil {
		t.Fatal(err)
	}
	if fx.Stored().TaskByID(id) != nil || len(ed.grid.rows) != 1 {
		t.Error("redo did not delete again")
	}
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if fx.Stored().TaskByID(id) == nil || len(ed.grid.rows) != 2 {
		t.Error("second undo did not restore")
	}
}

func musterstadt() []domain.Task {
	e := func(h float64) *domain.Effort { return &domain.Effort{Value: h, Unit: domain.HoursPerMonth} }
	return []domain.Task{
		{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: e(2), Note: "Oft Rücksprache mit Schule notwendig"},
		{Name: "Erstlöseversuche bei Störungen in Schule", Responsible: "Lehrkraft mit Entlastungsstunden", Effort: e(4)},
		{Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: e(2), Note: "MDM nur nutzbar für einen Teil der Geräte"},
		{Name: "Wartung der Schüler-Tablets", Responsible: "Noch nicht definiert", Effort: e(10), Note: "Ab dem kommenden Schuljahr", IsNew: true},
	}
}

func TestInventoryFilterAndSort(t *testing.T) {
	fx := newFixture(t, 1, musterstadt()...)
	ed := fx.ed

	// Filter on the responsible group, case-insensitively.
	test.Type(ed.filter, "teammitglied")
	if got := fx.rowNames(); len(got) != 2 || got[0] != "IServ-Nutzer anlegen" || got[1] != "Zuweisen von Updates im MDM" {
		t.Errorf("filtered rows %q", got)
	}
	if !strings.Contains(ed.summary.Text, "angezeigt: 2 mit 4 Std./Monat") {
		t.Errorf("summary while filtered: %q", ed.summary.Text)
	}
	// A word from a note; umlauts may be typed as plain letters.
	ed.filter.SetText("GERATE")
	if got := fx.rowNames(); len(got) != 1 || got[0] != "Zuweisen von Updates im MDM" {
		t.Errorf("filter on note: %q", got)
	}
	ed.filter.SetText("")
	if len(fx.rowNames()) != 4 {
		t.Errorf("cleared filter shows %d rows", len(fx.rowNames()))
	}

	// Sort by clicking the header: ascending, descending, back to the user's order.
	fx.TapLabel(ed.grid.table, "Aufgabe/Tätigkeit")
	wantAsc := []string{"Erstlöseversuche bei Störungen in Schule", "IServ-Nutzer anlegen", "Wartung der Schüler-Tablets", "Zuweisen von Updates im MDM"}
	if got := fx.rowNames(); strings.Join(got, "|") != strings.Join(wantAsc, "|") {
		t.Errorf("ascending by name: %q", got)
	}
	fx.TapLabel(ed.grid.table, "Aufgabe/Tätigkeit")
	if got := fx.rowNames(); got[0] != "Zuweisen von Updates im MDM" || got[3] != "Erstlöseversuche bei Störungen in Schule" {
		t.Errorf("descending by name: %q", got)
	}
	fx.TapLabel(ed.grid.table, "Aufgabe/Tätigkeit")
	if got := fx.rowNames(); got[0] != "IServ-Nutzer anlegen" || got[3] != "Wartung der Schüler-Tablets" {
		t.Errorf("user order: %q", got)
	}
	// By hours, largest first.
	fx.TapLabel(ed.grid.table, "= Std./Monat")
	fx.TapLabel(ed.grid.table, "= Std./Monat")
	if got := fx.rowNames(); got[0] != "Wartung der Schüler-Tablets" || got[1] != "Erstlöseversuche bei Störungen in Schule" {
		t.Errorf("by hours descending: %q", got)
	}
	// The visible cells follow the sort (recycled cells are redrawn).
	cells := kittest.LabelsIn(ed.grid.table)
	if !kittest.Contains(cells, "10") || !kittest.Contains(cells, "Wartung der Schüler-Tablets") {
		t.Errorf("cells after sorting: %q", cells)
	}

	// An edit while sorted keeps the selection on the same task.
	fx.TapLabel(ed.grid.table, "Zuweisen von Updates im MDM")
	mdm := fx.Task("Zuweisen von Updates im MDM").ID
	fx.TypeInto(ed.form.effort, "20")
	fx.NoErrors()
	if got := fx.rowNames(); got[0] != "Zuweisen von Updates im MDM" {
		t.Errorf("after raising the hours the task should lead: %q", got)
	}
	if ed.grid.selected != mdm || ed.form.id != mdm {
		t.Errorf("selection moved: selected %d form %d want %d", ed.grid.selected, ed.form.id, mdm)
	}
}

func TestInventoryQuestionsJumpToRow(t *testing.T) {
	tasks := musterstadt()
	tasks[1].Effort = nil
	fx := newFixture(t, 1, tasks...)
	ed := fx.ed
	want := []string{
		"find.task.no_effort Erstlöseversuche bei Störungen in Schule",
		"find.task.no_responsible Wartung der Schüler-Tablets",
	}
	if got := fx.questions(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("questions %q", got)
	}
	if ed.questions.Title() != "Offene Fragen (2)" {
		t.Errorf("title %q", ed.questions.Title())
	}
	texts := kittest.LabelsIn(ed.questions.Content)
	if !kittest.Contains(texts, "„Wartung der Schüler-Tablets“: keine verantwortliche Person oder Gruppe") {
		t.Errorf("question texts %q", texts)
	}

	// A filter that hides the task does not stop the jump.
	ed.filter.SetText("IServ")
	fx.TapLabel(ed.questions.Content, "„Erstlöseversuche bei Störungen in Schule“: kein Aufwand geschätzt")
	id := fx.Task("Erstlöseversuche bei Störungen in Schule").ID
	if ed.grid.selected != id || ed.form.id != id {
		t.Fatalf("jump selected %d / form %d, want %d", ed.grid.selected, ed.form.id, id)
	}
	if ed.filter.Text != "" || ed.grid.rowOf(id) < 0 {
		t.Error("the row of the question is not visible")
	}
	if fx.W.Canvas().Focused() != ed.form.effort {
		t.Errorf("focus on %T, want the effort entry", fx.W.Canvas().Focused())
	}
	fx.TypeInto(ed.form.effort, "4")
	if got := fx.questions(); len(got) != 1 || ed.questions.Title() != "Offene Fragen (1)" {
		t.Errorf("after answering: %q, %q", got, ed.questions.Title())
	}
	// "Noch nicht definiert" is no answer; a name is.
	fx.TapLabel(ed.questions.Content, "„Wartung der Schüler-Tablets“: keine verantwortliche Person oder Gruppe")
	fx.TypeInto(ed.form.responsible, "Externer Dienstleister")
	if got := fx.questions(); len(got) != 0 {
		t.Errorf("questions left: %q", got)
	}
	if !kittest.Contains(kittest.LabelsIn(ed.questions.Content), "Keine offenen Fragen.") {
		t.Error("the empty panel does not say so")
	}
	// A duplicate name is a warning on step 1.
	fx.TypeInto(ed.form.name, "iserv-nutzer  anlegen")
	if got := fx.questions(); len(got) != 2 || !strings.HasPrefix(got[0], domain.FindDuplicateName) {
		t.Errorf("duplicate warnings: %q", got)
	}
	fx.NoErrors()
}

func TestInventoryNewTaskNeedsName(t *testing.T) {
	fx := newFixture(t, 1)
	ed := fx.ed
	test.Type(ed.form.effort, "3")
	test.Tap(ed.form.addBtn)
	if errs := fx.TakeErrors(); !kittest.IsErr(errs, domain.ErrTaskNameEmpty) || errs[0].Error() != "Eine Aufgabe braucht einen Namen." {
		t.Errorf("errors %q", kittest.ErrorTexts(errs))
	}
	if len(fx.S.Project.Tasks) != 0 {
		t.Error("a task without a name was added")
	}
	if ed.form.effort.Text != "3" {
		t.Error("the typed effort was thrown away")
	}
	// Renaming an existing task to nothing is refused too.
	test.Type(ed.form.name, "Drucker")
	test.Tap(ed.form.addBtn)
	fx.TapLabel(ed.grid.table, "Drucker")
	fx.TypeInto(ed.form.name, "  ")
	if errs := fx.TakeErrors(); !kittest.IsErr(errs, domain.ErrTaskNameEmpty) {
		t.Errorf("errors %q", kittest.ErrorTexts(errs))
	}
	if fx.Task("Drucker") == nil || ed.form.name.Text != "Drucker" {
		t.Error("empty rename was not reverted")
	}
}

func TestReadOnlyEditorRefusesInput(t *testing.T) {
	test.NewTempApp(t)
	ro := kittest.ReopenReadOnly(t, kittest.NewProjectFile(t, musterstadt()...))
	fx := &fixture{Fixture: &kittest.Fixture{T: t, S: ro}}
	fx.open(2)
	ed := fx.ed
	if !ed.newBtn.Disabled() || !ed.form.name.Disabled() || !ed.form.priority.Disabled() {
		t.Error("input is enabled on a read-only project")
	}
	fx.TapLabel(ed.grid.table, "IServ-Nutzer anlegen")
	if ed.form.id == 0 {
		t.Fatal("a read-only project must still be browsable")
	}
	if !ed.form.deleteBtn.Disabled() || !ed.form.critical.Disabled() {
		t.Error("delete or critical is enabled on a read-only project")
	}
}

func TestInventoryNameOverLimitRefused(t *testing.T) {
	fx := newFixture(t, 1)
	ed := fx.ed
	test.Type(ed.form.name, strings.Repeat("x", domain.MaxNameChars+1))
	test.Tap(ed.form.addBtn)
	if errs := fx.TakeErrors(); !kittest.IsErr(errs, domain.ErrTextTooLong) || !strings.HasPrefix(errs[0].Error(), "Der Text ist zu lang") {
		t.Errorf("errors %q", kittest.ErrorTexts(errs))
	}
	if len(fx.S.Project.Tasks) != 0 {
		t.Error("a task with a name over the limit was added")
	}
}
