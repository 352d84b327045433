package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

func openOverviewProject(t *testing.T, ts *testShell, name string, tasks ...domain.Task) string {
	t.Helper()
	path := ts.openNew(name, strings.TrimSuffix(name, ".lotse"), tasks...)
	ts.noOverlay()
	return path
}

func TestShareCopyFromTheMenu(t *testing.T) {
	ts := newTestShell(t)
	tasks := overviewTasks()
	tasks[0].Responsible = "Erika Muster"
	path := openOverviewProject(t, ts, "Planung.lotse", tasks...)
	orig, _ := os.ReadFile(path)

	ts.menuItem("Datei", "Kopie zum Versenden…").Action()
	dlg := ts.overlay()
	checks := all[*widget.Check](dlg)
	if len(checks) != 2 || !checks[0].Disabled() || checks[1].Checked {
		t.Fatalf("without monitoring data the first option is off and disabled, anonymise unchecked: %+v", checks)
	}
	test.Tap(checks[1])
	test.Tap(button(t, dlg, "Weiter…"))
	target := ts.overlay()
	assertText(t, target, "Planung zum Versenden")
	test.Tap(button(t, target, "Kopie schreiben"))

	out := filepath.Join(ts.docsDir, "Planung zum Versenden.lotse")
	result := ts.overlay()
	assertText(t, result, "Kopie zum Versenden geschrieben: "+out)
	assertText(t, result, "KB)")
	assertText(t, result, "Anonymisiert: 1 Namen")
	if len(ts.opened) != 1 || ts.opened[0].Path != filepath.ToSlash(ts.docsDir) {
		t.Fatalf("the folder was not opened: %v", ts.opened)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, orig) {
		t.Fatal("the open project changed")
	}
	copy, _ := os.ReadFile(out)
	if bytes.Contains(copy, []byte("Erika Muster")) || !bytes.Contains(copy, []byte("Person A")) {
		t.Fatal("the copy still holds the name")
	}
	if ts.sess.Project.Tasks[0].Responsible != "Erika Muster" {
		t.Fatal("the open project's model changed")
	}
}

const importCSV = "Bestand Schul-IT;;\n" +
	"Tätigkeit;Zuständig;Aufwand (Std./Woche);Bemerkung\n" +
	"Drucker prüfen;Hausmeister;1,5;montags\n" +
	"Passwörter zurücksetzen;Schulsekretariat;0,25;\n"

func TestImportTasksWithMappingPreviewAndUndo(t *testing.T) {
	ts := newTestShell(t)
	openOverviewProject(t, ts, "Import.lotse", overviewTasks()...)
	d := ts.importTasksData("Bestand.csv", []byte(importCSV))
	if d == nil {
		t.Fatal("no mapping dialog")
	}
	dlg := ts.overlay()
	assertText(t, dlg, "Trennzeichen „;“")
	if d.header.SelectedIndex() != 1 || d.fields["name"].Selected != "A: Tätigkeit" || d.fields["effort"].Selected != "C: Aufwand (Std./Woche)" {
		t.Fatalf("guessed header %d, name %q, effort %q", d.header.SelectedIndex(), d.fields["name"].Selected, d.fields["effort"].Selected)
	}
	if d.unit.Selected != "Std./Woche" {
		t.Fatalf("unit from the header: %q", d.unit.Selected)
	}
	assertText(t, d.preview, "Drucker prüfen")
	assertText(t, d.preview, "1,5 Std./Woche")
	confirm := button(t, dlg, "2 Aufgaben übernehmen")

	// Without a task column nothing can be imported, and the dialog says why.
	d.fields["name"].SetSelectedIndex(0)
	if !confirm.Disabled() || !strings.Contains(d.status.Text, "Keine Spalte mit den Aufgaben") {
		t.Fatalf("confirm disabled %v, status %q", confirm.Disabled(), d.status.Text)
	}
	d.fields["name"].SetSelected("A: Tätigkeit")
	// Leaving the note out.
	d.fields["note"].SetSelectedIndex(0)
	test.Tap(confirm)
	ts.noOverlay()

	p := ts.sess.Project
	if len(p.Tasks) != 6 {
		t.Fatalf("%d tasks after the import", len(p.Tasks))
	}
	got := p.Tasks[4]
	if got.Name != "Drucker prüfen" || got.Note != "" || got.Effort == nil || got.Effort.Unit != domain.HoursPerWeek || got.Effort.Value != 1.5 {
		t.Fatalf("imported %+v", got)
	}
	if ts.project.current != 1 || !strings.Contains(ts.project.noticeText.Text, "2 Aufgaben übernommen") {
		t.Fatalf("step %d, notice %q", ts.project.current, ts.project.noticeText.Text)
	}
	// One undo takes the whole import back, in the model and in the file.
	if !strings.Contains(ts.menuItem("Bearbeiten", "Rückgängig").Label, "Aufgaben importieren") {
		t.Fatalf("undo item %q", ts.menuItem("Bearbeiten", "Rückgängig").Label)
	}
	ts.undo()
	if len(ts.sess.Project.Tasks) != 4 {
		t.Fatalf("%d tasks after undo", len(ts.sess.Project.Tasks))
	}
	if n, _ := ts.sess.File.TaskCount(); n != 4 {
		t.Fatalf("file holds %d tasks after undo", n)
	}
	ts.redo()
	if n, _ := ts.sess.File.TaskCount(); n != 6 {
		t.Fatalf("file holds %d tasks after redo", n)
	}
}

func TestImportOfANonTableSaysWhy(t *testing.T) {
	ts := newTestShell(t)
	openOverviewProject(t, ts, "Import.lotse")
	if d := ts.importTasksData("alt.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3}); d != nil {
		t.Fatal("an old .xls file opened the mapping dialog")
	}
	dlg := ts.overlay()
	assertText(t, dlg, "alt.xls")
	if len(ts.sess.Project.Tasks) != 0 {
		t.Fatal("tasks were added")
	}
}

func TestExportTasksWritesTheWorkbookAndOpensIt(t *testing.T) {
	ts := newTestShell(t)
	openOverviewProject(t, ts, "Export.lotse", overviewTasks()...)
	ts.menuItem("Projekt", "Aufgaben exportieren (Excel)…").Action()
	dlg := ts.overlay()
	assertText(t, dlg, "drei Blätter")
	test.Tap(button(t, dlg, "Exportieren"))
	out := filepath.Join(ts.docsDir, "Export Aufgaben.xlsx")
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Bestandsaufnahme")
	if len(rows) != 5 || rows[1][0] != "IServ-Nutzer anlegen" {
		t.Fatalf("inventory rows %q", rows)
	}
	if len(ts.opened) != 1 || !strings.HasSuffix(ts.opened[0].Path, "Export Aufgaben.xlsx") {
		t.Fatalf("opened %v", ts.opened)
	}
}

func TestHelpOpensFromTheStepAndWithF1(t *testing.T) {
	ts := newTestShell(t)
	// On the start screen F1 explains the app.
	ts.onKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	assertText(t, ts.overlay(), "Jede Änderung steht sofort in der Projektdatei")
	test.Tap(button(t, ts.overlay(), "OK"))

	openOverviewProject(t, ts, "Hilfe.lotse", overviewTasks()...)
	ts.project.show(2)
	ts.onKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	dlg := ts.overlay()
	assertText(t, dlg, "Hilfe – Schritt 2: Bedarfe klären")
	step, _ := domain.StepByID(2)
	assertText(t, dlg, stepGuide(step))
	assertText(t, dlg, stepTipTexts(step)[0])
	test.Tap(button(t, dlg, "OK"))
	ts.onKey(&fyne.KeyEvent{Name: fyne.KeyA}) // other keys do nothing
	ts.noOverlay()

	// The step page's own help button.
	ts.project.show(12)
	test.Tap(button(t, ts.project.pageHolder, "Hilfe"))
	assertText(t, ts.overlay(), "Hilfe – Schritt 12: Steuerung und Monitoring")

	item := ts.menuItem("Hilfe", "Hilfe zu diesem Schritt")
	if sc, ok := item.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyF1 {
		t.Fatalf("the menu should show F1, has %v", item.Shortcut)
	}
	ts.menuItem("Hilfe", "Tastenkürzel").Action()
	keys := ts.overlay()
	for _, want := range []string{"Strg+N", "Strg+O", "Strg+S", "Strg+Z", "Strg+Y oder Strg+Umschalt+Z", "F1"} {
		assertText(t, keys, want)
	}
}

func TestAboutListsTheLibraryLicences(t *testing.T) {
	ts := newTestShell(t)
	a := ts.aboutDialog()
	dlg := ts.overlay()
	assertText(t, dlg, "Version "+Version)
	assertText(t, dlg, "Bitstream") // the font's licence is shown first
	idx := -1
	for i, e := range a.entries {
		if e.Module == "fyne.io/fyne/v2" {
			idx = i
		}
	}
	if idx < 0 || len(a.entries) < 20 {
		t.Fatalf("%d licences, Fyne at %d", len(a.entries), idx)
	}
	a.list.Select(1) // the hyphenation patterns' licence follows the font's
	if !strings.Contains(a.licence.Text, "Trennmustermannschaft") || !strings.Contains(a.licence.Text, "Permission is hereby granted") {
		t.Errorf("hyphenation patterns' licence: %.200q", a.licence.Text)
	}
	a.list.Select(idx)
	if !strings.Contains(a.licence.Text, "BSD 3-Clause") && !strings.Contains(a.licence.Text, "Redistribution and use") {
		t.Fatalf("Fyne's licence: %.200q", a.licence.Text)
	}
}

func TestTitleShowsWhenTheLastEditWasSaved(t *testing.T) {
	ts := newTestShell(t)
	openOverviewProject(t, ts, "Titel.lotse", overviewTasks()...)
	if got := ts.win.Title(); got != "Titel.lotse – Schul-IT Lotse" {
		t.Fatalf("before an edit: %q", got)
	}
	if _, err := ts.sess.AddTask(domain.Task{Name: "Neu"}); err != nil {
		t.Fatal(err)
	}
	want := "Titel.lotse – Schul-IT Lotse – gespeichert " + formatClock(ts.sess.SaveState().Saved)
	if got := ts.win.Title(); got != want {
		t.Fatalf("after an edit: %q, want %q", got, want)
	}
}

func TestFileFromANewerVersionSaysSoPlainly(t *testing.T) {
	ts := newTestShell(t)
	src, err := os.ReadFile("../persistence/testdata/refused/newer-version.lotse")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Vom Kollegen.lotse")
	os.WriteFile(path, src, 0o644)
	ts.openPath(path, persistence.OpenOptions{})
	dlg := ts.overlay()
	assertText(t, dlg, "Datei: Vom Kollegen.lotse")
	assertText(t, dlg, "neueren Version von Schul-IT Lotse")
	assertText(t, dlg, "Sie arbeiten mit Version "+Version)
	assertText(t, dlg, "Die Datei wurde nicht verändert.")
	if b, _ := os.ReadFile(path); !bytes.Equal(b, src) {
		t.Fatal("the file was changed")
	}
	if ts.sess != nil {
		t.Fatal("the file was opened")
	}
}

// Tab walks the new-project dialog in reading order: name, Schulträger, Bundesland, then the
// buttons.
func TestTabOrderOfTheNewProjectDialog(t *testing.T) {
	ts := newTestShell(t)
	n := ts.newProjectDialog()
	c := ts.win.Canvas()
	if c.Focused() != n.name {
		t.Fatalf("the name field should have the focus first, has %T", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != n.schultraeger {
		t.Fatalf("second stop: %T", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != n.land {
		t.Fatalf("third stop: %T", c.Focused())
	}
	c.FocusNext()
	if b, ok := c.Focused().(*widget.Button); !ok || b.Text != "Abbrechen" {
		t.Fatalf("fourth stop: %T", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != n.next {
		t.Fatalf("fifth stop: %T", c.Focused())
	}
	c.FocusPrevious()
	c.FocusPrevious()
	if c.Focused() != n.land {
		t.Fatalf("Shift+Tab goes back: %T", c.Focused())
	}
}
