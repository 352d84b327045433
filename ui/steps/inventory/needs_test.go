package inventory

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit/kittest"
)

// ranks returns each task's rank by name, from the model or the file.
func ranks(p *domain.Project) map[string]int {
	out := map[string]int{}
	for _, t := range p.Tasks {
		out[t.Name] = t.Priority.Rank
	}
	return out
}

func sameRanks(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// The Schulträger prioritises the inventory, tries the other way of prioritising and back,
// marks a critical service and adds a future need.
func TestNeedsSession(t *testing.T) {
	fx := newFixture(t, 2, musterstadt()...)
	ed := fx.ed
	// Every task lacks a priority; the new one also lacks its date.
	if got := fx.questions(); len(got) != 5 || ed.questions.Title() != "Offene Fragen (5)" {
		t.Fatalf("questions at start: %q (%s)", got, ed.questions.Title())
	}

	// Jump from a question to its task: the row is selected and the priority field takes the cursor.
	fx.TapLabel(ed.questions.Content, "„IServ-Nutzer anlegen“: noch nicht priorisiert")
	iserv := fx.Task("IServ-Nutzer anlegen").ID
	if ed.grid.selected != iserv || ed.form.id != iserv {
		t.Fatalf("jump: selected %d form %d, want %d", ed.grid.selected, ed.form.id, iserv)
	}
	if fx.W.Canvas().Focused() != ed.form.priority {
		t.Errorf("focus on %T, want the priority select", fx.W.Canvas().Focused())
	}

	// Ranking mode: 5, 4, 2 for three tasks.
	if len(ed.form.priority.Options) != 6 {
		t.Fatalf("ranking options %q", ed.form.priority.Options)
	}
	ed.form.priority.SetSelected("5 – sehr vorrangig")
	fx.TapLabel(ed.grid.table, "Erstlöseversuche bei Störungen in Schule")
	ed.form.priority.SetSelectedIndex(4)
	fx.TapLabel(ed.grid.table, "Zuweisen von Updates im MDM")
	ed.form.priority.SetSelected("2 – nachrangig")
	fx.NoErrors()
	want := map[string]int{
		"IServ-Nutzer anlegen": 5, "Erstlöseversuche bei Störungen in Schule": 4,
		"Zuweisen von Updates im MDM": 2, "Wartung der Schüler-Tablets": 0,
	}
	if got := ranks(fx.Stored()); !sameRanks(got, want) {
		t.Fatalf("file ranks %v, want %v", got, want)
	}
	if got := fx.questions(); len(got) != 2 {
		t.Errorf("questions after prioritising three tasks: %q", got)
	}
	if cells := kittest.LabelsIn(ed.grid.table); !kittest.Contains(cells, "5 – sehr vorrangig") || !kittest.Contains(cells, "2 – nachrangig") {
		t.Errorf("table cells %q", cells)
	}

	// Switch to vorrangig/nachrangig: shown at once, nothing stored changes.
	ed.modeRadio.SetSelected("vorrangig/nachrangig")
	fx.NoErrors()
	if fx.Stored().Settings.PriorityMode != domain.PriorityMustNice || fx.S.Project.Settings.PriorityMode != domain.PriorityMustNice {
		t.Fatal("mode not switched in model and file")
	}
	if got := ranks(fx.Stored()); !sameRanks(got, want) {
		t.Errorf("switching changed the file ranks: %v", got)
	}
	if got := ranks(fx.S.Project); !sameRanks(got, want) {
		t.Errorf("switching changed the model ranks: %v", got)
	}
	cells := kittest.LabelsIn(ed.grid.table)
	if !kittest.Contains(cells, "vorrangig") || !kittest.Contains(cells, "nachrangig") || kittest.Contains(cells, "5 – sehr vorrangig") {
		t.Errorf("cells after switching: %q", cells)
	}
	if len(ed.form.priority.Options) != 3 || ed.form.priority.Selected != "nachrangig" {
		t.Errorf("form in must/nice mode: options %q selected %q", ed.form.priority.Options, ed.form.priority.Selected)
	}
	// Confirming the class a task already has keeps its rank.
	fx.TapLabel(ed.grid.table, "IServ-Nutzer anlegen")
	if ed.form.priority.Selected != "vorrangig" {
		t.Errorf("rank 5 shows as %q", ed.form.priority.Selected)
	}
	// And back: the ranks are exactly as before.
	ed.modeRadio.SetSelected("Ranking 1–5")
	if got := ranks(fx.Stored()); !sameRanks(got, want) {
		t.Errorf("after switching back, file ranks %v", got)
	}
	if ed.form.priority.Selected != "5 – sehr vorrangig" {
		t.Errorf("after switching back the form shows %q", ed.form.priority.Selected)
	}
	// Undo of the switch (the shell's Ctrl+Z) moves the radio too.
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if ed.modeRadio.Selected != "vorrangig/nachrangig" {
		t.Errorf("radio after undo: %q", ed.modeRadio.Selected)
	}
	// In vorrangig/nachrangig mode a nachrangig task made vorrangig gets rank 4.
	fx.TapLabel(ed.grid.table, "Zuweisen von Updates im MDM")
	ed.form.priority.SetSelected("vorrangig")
	if r := fx.StoredTask(fx.Task("Zuweisen von Updates im MDM").ID).Priority.Rank; r != 4 {
		t.Errorf("nachrangig→vorrangig stored rank %d, want 4", r)
	}
	ed.modeRadio.SetSelected("Ranking 1–5")

	// Mark a critical service.
	fx.TapLabel(ed.grid.table, "Erstlöseversuche bei Störungen in Schule")
	test.Tap(ed.form.critical)
	erst := fx.Task("Erstlöseversuche bei Störungen in Schule").ID
	if !fx.S.Project.TaskByID(erst).Critical || !fx.StoredTask(erst).Critical {
		t.Error("critical flag not stored")
	}

	// The future task from the inventory gets its date: a wrong date is refused.
	fx.TapLabel(ed.questions.Content, "„Wartung der Schüler-Tablets“: neue Aufgabe ohne Datum, ab wann sie gilt")
	wartung := fx.Task("Wartung der Schüler-Tablets").ID
	if ed.form.id != wartung || fx.W.Canvas().Focused() != ed.form.validFrom {
		t.Fatalf("jump to the date: form %d focus %T", ed.form.id, fx.W.Canvas().Focused())
	}
	fx.TypeInto(ed.form.validFrom, "2025-13-01")
	if errs := fx.TakeErrors(); len(errs) != 1 || errs[0].Error() != "„2025-13-01“ ist kein gültiges Datum (JJJJ-MM-TT)." {
		t.Errorf("errors %q", kittest.ErrorTexts(errs))
	}
	if fx.StoredTask(wartung).ValidFrom != nil {
		t.Error("invalid date stored")
	}
	fx.TypeInto(ed.form.validFrom, "2025-08-01")
	if d := fx.StoredTask(wartung).ValidFrom; d == nil || d.String() != "2025-08-01" {
		t.Errorf("stored date %v", d)
	}
	ed.form.priority.SetSelected("3 – mittel")
	if got := fx.questions(); len(got) != 0 {
		t.Errorf("questions left: %q", got)
	}

	// A new future need, with a priority and its date, from the toolbar button.
	test.Tap(ed.newBtn)
	if !ed.form.isNew.Checked || ed.form.validFrom.Disabled() {
		t.Error("a future need starts as new with the date enabled")
	}
	test.Type(ed.form.name, "Support für interaktive Tafeln")
	test.Type(ed.form.validFrom, "2026-02-01")
	ed.form.priority.SetSelected("4 – vorrangig")
	ed.form.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	fx.NoErrors()
	nt := fx.Task("Support für interaktive Tafeln")
	st := fx.StoredTask(nt.ID)
	if !st.IsNew || st.ValidFrom == nil || st.ValidFrom.String() != "2026-02-01" || st.Priority.Rank != 4 {
		t.Errorf("future need in the file: %+v", st)
	}
	// Unchecking "neu" drops the date; undo brings both back.
	fx.TapLabel(ed.grid.table, "Support für interaktive Tafeln")
	test.Tap(ed.form.isNew)
	if st := fx.StoredTask(nt.ID); st.IsNew || st.ValidFrom != nil {
		t.Errorf("after unchecking: %+v", st)
	}
	if !ed.form.validFrom.Disabled() {
		t.Error("date stays editable for a task that is not new")
	}
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if st := fx.StoredTask(nt.ID); !st.IsNew || st.ValidFrom == nil {
		t.Errorf("after undo: %+v", st)
	}
	if !ed.form.isNew.Checked || ed.form.validFrom.Text != "2026-02-01" {
		t.Error("form does not show the undone values")
	}
	if ed.summary.Text != "5 Aufgaben · 2 neu · 1 kritisch · 5 vorrangig · 0 nachrangig · 0 nicht priorisiert" {
		t.Errorf("summary %q", ed.summary.Text)
	}
}

// Both editors stay consistent when the same session is edited in the other one.
func TestStepsShareTheSession(t *testing.T) {
	fx := newFixture(t, 1, musterstadt()...)
	inv := fx.ed
	fx.open(2)
	needs := fx.ed
	fx.TapLabel(needs.grid.table, "IServ-Nutzer anlegen")
	needs.form.priority.SetSelected("1 – sehr nachrangig")
	fx.TypeInto(needs.form.name, "IServ-Konten anlegen")
	if got := inv.grid.taskAt(0).Name; got != "IServ-Konten anlegen" {
		t.Errorf("step 1 shows %q", got)
	}
	if inv.questions.Title() != "Offene Fragen (1)" {
		t.Errorf("step 1 questions: %s", inv.questions.Title())
	}
}
