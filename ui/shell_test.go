package ui

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/steps"
)

func TestNewProjectThenWalkAllTwelveSteps(t *testing.T) {
	ts := newTestShell(t)
	if got := ts.win.Title(); got != "Schul-IT Lotse" {
		t.Fatalf("title before a project is open: %q", got)
	}
	assertText(t, ts.content(), "Beispielprojekt Musterstadt öffnen")

	test.Tap(button(t, ts.content(), "Neues Projekt…"))
	dlg := ts.overlay()
	assertText(t, dlg, "Neues Projekt")
	entries := all[*widget.Entry](dlg)
	if len(entries) != 2 {
		t.Fatalf("want name and Schulträger fields, got %d entries", len(entries))
	}
	// Without a name the dialog stays and says why.
	test.Tap(button(t, dlg, "Weiter…"))
	assertText(t, ts.overlay(), "Das Projekt braucht einen Namen.")

	test.Type(entries[0], "IT-Support Grundschulen")
	test.Type(entries[1], "Stadt Musterstadt")
	sel := all[*widget.Select](dlg)
	if len(sel) != 1 || sel[0].Selected != "Niedersachsen" {
		t.Fatalf("Bundesland should default to Niedersachsen, got %v", sel)
	}
	sel[0].SetSelected("Bayern")
	test.Tap(button(t, dlg, "Weiter…"))

	// Second dialog: where the file goes, named after the project.
	target := ts.overlay()
	assertText(t, target, "Projektdatei anlegen")
	assertText(t, target, "IT-Support Grundschulen.lotse")
	assertText(t, target, ts.docsDir)
	test.Tap(button(t, target, "Anlegen"))
	ts.noOverlay()

	path := filepath.Join(ts.docsDir, "IT-Support Grundschulen.lotse")
	if !fileExists(path) {
		t.Fatalf("project file %s was not created", path)
	}
	if got, want := ts.win.Title(), "IT-Support Grundschulen.lotse – Schul-IT Lotse"; got != want {
		t.Fatalf("title %q, want %q", got, want)
	}
	meta := ts.sess.Project.Meta
	if meta.Name != "IT-Support Grundschulen" || meta.Schultraeger != "Stadt Musterstadt" || meta.Bundesland != "BY" {
		t.Fatalf("meta not taken from the dialog: %+v", meta)
	}
	assertText(t, ts.content(), "Schulträger: Stadt Musterstadt · Bundesland: Bayern")
	if ts.project.current != 0 {
		t.Fatalf("a newly opened project starts on the overview, not on %d", ts.project.current)
	}
	if !ts.project.back.Disabled() {
		t.Fatal("Back must be disabled on the overview")
	}

	// Forward through all twelve steps.
	titles := []string{"Bestandsaufnahme", "Bedarfe klären", "Anforderungsliste", "Bedarfsdeckung intern/extern",
		"Ressourcen planen", "Sourcing-Entscheidung", "Leistungsvereinbarung vorbereiten", "Ausschreibung und Auswahl",
		"Vertragsunterzeichnung", "Auftakt", "Struktur- und Prozessmodell", "Steuerung und Monitoring"}
	for i, title := range titles {
		n := i + 1
		test.Tap(ts.project.next)
		page := ts.project.pageHolder
		assertText(t, page, fmt.Sprintf("Schritt %d: %s", n, title))
		assertText(t, ts.content(), fmt.Sprintf("Schritt %d von 12", n))
		step, _ := domain.StepByID(domain.StepID(n))
		guide := stepGuide(step)
		if strings.HasPrefix(guide, "ui.") {
			t.Fatalf("step %d has no guidance text", n)
		}
		assertText(t, page, guide)
		assertText(t, page, "Umsetzungstipps")
	}
	if !ts.project.next.Disabled() {
		t.Fatal("Next must be disabled on step 12")
	}
	test.Tap(ts.project.next) // does nothing
	if ts.project.current != 12 {
		t.Fatalf("Next on the last step moved to %d", ts.project.current)
	}

	// The tips unfold.
	tip := stepTipTexts(domain.Steps[11])[0]
	assertNoText(t, ts.project.pageHolder, tip)
	test.Tap(button(t, ts.project.pageHolder, "Umsetzungstipps"))
	assertText(t, ts.project.pageHolder, tip)

	// And back again to the overview.
	for n := 11; n >= 0; n-- {
		test.Tap(ts.project.back)
		if ts.project.current != n {
			t.Fatalf("Back went to %d, want %d", ts.project.current, n)
		}
		if n > 0 {
			assertText(t, ts.project.pageHolder, fmt.Sprintf("Schritt %d: %s", n, titles[n-1]))
		}
	}
	assertText(t, ts.project.pageHolder, "IT-Support Grundschulen")
	assertText(t, ts.project.pageHolder, "Der Stand aller zwölf Schritte")
}

func TestSidebarGroupsStepsInPhasesAndJumps(t *testing.T) {
	ts := newTestShell(t)
	ts.openNew("Projekt.lotse", "Projekt")

	entries := ts.project.entries
	var got []string
	for _, e := range entries {
		switch e.kind {
		case entryOverview:
			got = append(got, "overview")
		case entryPhase:
			got = append(got, fmt.Sprintf("phase%d", e.phase))
		default:
			got = append(got, fmt.Sprint(e.step.Number))
		}
	}
	want := "overview phase1 1 2 3 4 5 phase2 6 phase3 7 8 9 phase4 10 11 12"
	if strings.Join(got, " ") != want {
		t.Fatalf("sidebar rows %q, want %q", strings.Join(got, " "), want)
	}
	assertText(t, ts.project.sidebar, "Phase 1: Initialisierung")
	assertText(t, ts.project.sidebar, "Phase 2: Entscheidung")

	ts.project.sidebar.Select(ts.project.entryIndex(7))
	if ts.project.current != 7 {
		t.Fatalf("selecting step 7 in the sidebar shows %d", ts.project.current)
	}
	assertText(t, ts.project.pageHolder, "Schritt 7: Leistungsvereinbarung vorbereiten")
	// A phase heading opens the phase's first step.
	for i, e := range entries {
		if e.kind == entryPhase && e.phase == domain.PhaseAward {
			ts.project.sidebar.Select(i)
		}
	}
	if ts.project.current != 7 {
		t.Fatalf("the heading of phase 3 should open step 7, shows %d", ts.project.current)
	}
	ts.project.show(0)
	ts.project.sidebar.Select(ts.project.entryIndex(9))
	if ts.project.current != 9 {
		t.Fatalf("phase heading then step 9: shows %d", ts.project.current)
	}
}

// overviewTasks are four tasks whose figures are computed by hand in the test below.
func overviewTasks() []domain.Task {
	from := domain.NewDate(2026, time.August, 1)
	return []domain.Task{
		{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT",
			Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, Priority: domain.Priority{Rank: 4}, SortOrder: 1},
		{Name: "Erstlöseversuche bei Störungen", Responsible: "Lehrkraft mit Entlastungsstunden",
			Effort: &domain.Effort{Value: 1, Unit: domain.HoursPerWeek}, Priority: domain.Priority{Rank: 5}, SortOrder: 2},
		{Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT",
			Effort: &domain.Effort{Value: 6, Unit: domain.HoursPerQuarter}, SortOrder: 3},
		{Name: "Wartung der Schüler-Tablets", Effort: &domain.Effort{Value: 1.25, Unit: domain.PersonDaysPerMonth},
			IsNew: true, ValidFrom: &from, Critical: true, Priority: domain.Priority{Rank: 4}, SortOrder: 4},
	}
}

// assertCard checks the figure lines of a step's card on the overview.
func assertCard(t *testing.T, c *overviewCard, want ...string) {
	t.Helper()
	if got := c.figureLines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("step %d figures:\n%s\nwant:\n%s", c.step.Number, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOverviewShowsStatesAndFigures(t *testing.T) {
	ts := newTestShell(t)
	ts.openNew("Überblick Test.lotse", "Überblick", overviewTasks()...)
	ts.noOverlay()

	cards := ts.project.overview.cards
	if len(cards) != 12 {
		t.Fatalf("%d cards, want 12", len(cards))
	}
	// Hours per month: 2 + 1·52/12 + 6/3 + 1,25·8 = 2 + 4,33 + 2 + 10 = 18,33.
	// By person: (niemand) 10; Lehrkraft 4,33; Teammitglied 2 + 2 = 4.
	assertCard(t, cards[0],
		"Aufgaben = 4",
		"Stunden pro Monat gesamt = 18,33 Std.",
		"davon (niemand) = 10 Std.",
		"davon Lehrkraft mit Entlastungsstunden = 4,33 Std.",
		"davon Teammitglied Schul-IT = 4 Std.",
	)
	// One new, one critical; ranks 4, 5, 4 are vorrangig, none nachrangig; open questions: the
	// tablet task has nobody responsible, the MDM task no priority.
	assertCard(t, cards[1],
		"neue Aufgaben = 1",
		"kritische Services = 1",
		"vorrangig = 3",
		"nachrangig = 0",
		"offene Fragen = 2",
	)
	if cards[0].state.Text != "in Arbeit" || cards[1].state.Text != "in Arbeit" {
		t.Fatalf("states of steps 1/2: %q/%q, want in Arbeit", cards[0].state.Text, cards[1].state.Text)
	}
	for _, c := range cards[2:] {
		if c.note.Text == "Folgt in einer späteren Version." {
			t.Fatalf("step %d: its card says it follows later", c.step.Number)
		}
	}
	// The cards are visible in the window, not only in the model.
	assertText(t, ts.content(), "18,33 Std.")
	assertText(t, ts.content(), "Schritt 12: Steuerung und Monitoring")

	test.Tap(cards[1].button)
	if ts.project.current != 2 {
		t.Fatalf("tapping the card of step 2 shows %d", ts.project.current)
	}
}

func TestEditsRefreshStatesStatusAndUndoFromTheMenu(t *testing.T) {
	ts := newTestShell(t)
	if err := ts.createProject(filepath.Join(ts.docsDir, "Leer.lotse"), domain.Meta{Name: "Leer"}); err != nil {
		t.Fatal(err)
	}
	v := ts.project
	if v.stateOf(1) != domain.StateOpen {
		t.Fatalf("empty project: step 1 is %s", v.stateOf(1))
	}
	assertText(t, v.sidebar, "1  Bestandsaufnahme")
	if v.saved.Text != "Jede Änderung wird sofort gespeichert." {
		t.Fatalf("status before any edit: %q", v.saved.Text)
	}
	if !ts.menuItem("Bearbeiten", "Rückgängig").Disabled {
		t.Fatal("undo must be disabled before any edit")
	}

	_, err := ts.sess.AddTask(domain.Task{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT",
		Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}})
	if err != nil {
		t.Fatal(err)
	}
	if v.stateOf(1) != domain.StateDone {
		t.Fatalf("after a complete task step 1 is %s, want done", v.stateOf(1))
	}
	assertText(t, v.sidebar, "erledigt")
	want := "gespeichert " + formatClock(ts.sess.SaveState().Saved)
	if ts.sess.SaveState().Saved.IsZero() || v.saved.Text != want {
		t.Fatalf("status %q, want %q", v.saved.Text, want)
	}
	assertText(t, ts.content(), "Aufgaben")

	ts.choose("Bearbeiten", "Rückgängig")
	if len(ts.sess.Project.Tasks) != 0 || v.stateOf(1) != domain.StateOpen {
		t.Fatalf("undo left %d tasks, step 1 %s", len(ts.sess.Project.Tasks), v.stateOf(1))
	}
	ts.choose("Bearbeiten", "Wiederholen")
	if len(ts.sess.Project.Tasks) != 1 || v.stateOf(1) != domain.StateDone {
		t.Fatalf("redo: %d tasks, step 1 %s", len(ts.sess.Project.Tasks), v.stateOf(1))
	}
	// The edit reached the file.
	p, err := ts.sess.File.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Tasks) != 1 || p.Tasks[0].Name != "IServ-Nutzer anlegen" {
		t.Fatalf("file holds %+v", p.Tasks)
	}
}

func TestOpenRefusedFilesSaysWhyAndLeavesThemAlone(t *testing.T) {
	ts := newTestShell(t)
	cases := []struct {
		name    string
		content []byte
		reason  string
	}{
		{"Notizen.lotse", bytes.Repeat([]byte("Dies ist nur ein Text, keine Datenbank.\n"), 50), "Das ist keine Projektdatei von Schul-IT Lotse."},
		{"leer.lotse", nil, "Die Datei ist leer (0 Byte)"},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), c.name)
		if err := os.WriteFile(path, c.content, 0o644); err != nil {
			t.Fatal(err)
		}
		ts.openPath(path, persistence.OpenOptions{})
		dlg := ts.overlay()
		assertText(t, dlg, "Datei kann nicht geöffnet werden")
		assertText(t, dlg, "Datei: "+c.name)
		assertText(t, dlg, c.reason)
		assertText(t, dlg, "Die Datei wurde nicht verändert.")
		after, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(after, c.content) {
			t.Fatalf("%s was changed (err %v)", c.name, err)
		}
		if _, err := os.Stat(persistence.LockPath(path)); !os.IsNotExist(err) {
			t.Fatalf("a lock was left beside the refused %s", c.name)
		}
		if ts.sess != nil || ts.win.Title() != "Schul-IT Lotse" {
			t.Fatalf("a refused file was opened: title %q", ts.win.Title())
		}
		test.Tap(button(t, dlg, "OK"))
		ts.noOverlay()
	}
}

func writeLock(t *testing.T, project, user, host string, pid int, since string) {
	t.Helper()
	line := fmt.Sprintf("%s,%s,%d,%s\n", user, host, pid, since)
	if err := os.WriteFile(persistence.LockPath(project), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenLockedFileReadOnly(t *testing.T) {
	ts := newTestShell(t)
	path := filepath.Join(ts.docsDir, "Gemeinsam genutzt.lotse")
	writeProject(t, path, "Gemeinsam", overviewTasks()...)
	writeLock(t, path, "Erika Muster", "schulpc-17", 4242, "2026-03-02T12:00:00Z")
	lockBefore, _ := os.ReadFile(persistence.LockPath(path))

	ts.openPath(path, persistence.OpenOptions{})
	dlg := ts.overlay()
	assertText(t, dlg, "Projekt ist in Bearbeitung")
	assertText(t, dlg, "Erika Muster auf schulpc-17 seit 02.03.2026")
	assertText(t, dlg, "Die Sperre sollten Sie nur übernehmen")
	button(t, dlg, "Abbrechen")
	button(t, dlg, "Sperre übernehmen")
	test.Tap(button(t, dlg, "Schreibgeschützt öffnen"))
	ts.noOverlay()

	if got, want := ts.win.Title(), "Gemeinsam genutzt.lotse – Schul-IT Lotse [schreibgeschützt]"; got != want {
		t.Fatalf("title %q, want %q", got, want)
	}
	assertText(t, ts.content(), "Schreibgeschützt geöffnet – Sie können alles ansehen, aber nichts ändern.")
	if ts.project.saved.Text != "Schreibgeschützt" {
		t.Fatalf("status %q", ts.project.saved.Text)
	}
	// The other editor's lock stays as it was.
	if lockAfter, _ := os.ReadFile(persistence.LockPath(path)); !bytes.Equal(lockBefore, lockAfter) {
		t.Fatalf("lock changed to %q", lockAfter)
	}
	// An edit is refused in plain words.
	_, err := ts.sess.AddTask(domain.Task{Name: "Neu"})
	ts.ShowError(err)
	assertText(t, ts.overlay(), "Das Projekt ist schreibgeschützt geöffnet; Änderungen werden nicht gespeichert.")
	test.Tap(button(t, ts.overlay(), "OK"))

	// Closing a read-only project leaves the other editor's lock in place.
	ts.menuItem("Datei", "Schließen").Action()
	if ts.sess != nil || ts.win.Title() != "Schul-IT Lotse" {
		t.Fatal("project still open after Schließen")
	}
	if lockAfter, _ := os.ReadFile(persistence.LockPath(path)); !bytes.Equal(lockBefore, lockAfter) {
		t.Fatal("closing the read-only project touched the lock")
	}
}

func TestTakeOverLiveLockNeedsConfirmation(t *testing.T) {
	ts := newTestShell(t)
	path := filepath.Join(ts.docsDir, "Projekt.lotse")
	writeProject(t, path, "Projekt")
	writeLock(t, path, "Erika Muster", "schulpc-17", 4242, "2026-03-02T12:00:00Z")

	ts.openPath(path, persistence.OpenOptions{})
	test.Tap(button(t, ts.overlay(), "Sperre übernehmen"))
	warn := ts.overlay()
	assertText(t, warn, "Erika Muster auf schulpc-17 hat das Projekt möglicherweise noch geöffnet.")
	if ts.sess != nil {
		t.Fatal("the lock was taken before the user confirmed")
	}
	test.Tap(button(t, warn, "Sperre übernehmen"))
	ts.noOverlay()
	if ts.sess == nil || ts.sess.ReadOnly() {
		t.Fatal("taking over should open the project for editing")
	}
	if info, ok := persistence.ReadLock(path); !ok || info.PID != os.Getpid() {
		t.Fatalf("lock after take-over: %+v", info)
	}
	if strings.Contains(ts.win.Title(), "schreibgeschützt") {
		t.Fatalf("title %q", ts.win.Title())
	}
}

func TestStaleLockIsTakenOverAtOnce(t *testing.T) {
	ts := newTestShell(t)
	path := filepath.Join(ts.docsDir, "Nach Absturz.lotse")
	writeProject(t, path, "Nach Absturz")
	// A process of this machine that has ended: its lock is stale.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	writeLock(t, path, "Max Muster", host, cmd.Process.Pid, "2026-03-02T12:00:00Z")

	ts.openPath(path, persistence.OpenOptions{})
	dlg := ts.overlay()
	assertText(t, dlg, "läuft nicht mehr")
	assertText(t, dlg, "gefahrlos übernehmen")
	test.Tap(button(t, dlg, "Sperre übernehmen"))
	ts.noOverlay()
	if ts.sess == nil || ts.sess.ReadOnly() {
		t.Fatal("a stale lock should be taken over without a second question")
	}
	if got := ts.win.Title(); got != "Nach Absturz.lotse – Schul-IT Lotse" {
		t.Fatalf("title %q", got)
	}
}

func TestSaveShortcutSaysAllIsSavedAndOffersSaveAs(t *testing.T) {
	ts := newTestShell(t)
	first := filepath.Join(ts.docsDir, "Original.lotse")
	if err := ts.createProject(first, domain.Meta{Name: "Original"}); err != nil {
		t.Fatal(err)
	}
	item := ts.menuItem("Datei", "Speichern unter…")
	if sc, ok := item.Shortcut.(fyne.KeyboardShortcut); !ok || sc.Key() != fyne.KeyS {
		t.Fatalf("Speichern unter… should carry Ctrl+S, has %v", item.Shortcut)
	}
	item.Action()
	if !ts.project.notice.Visible() || ts.project.noticeText.Text != "Alles ist gespeichert." {
		t.Fatalf("notice %q visible=%v", ts.project.noticeText.Text, ts.project.notice.Visible())
	}
	ts.elapse() // its few seconds have passed
	if ts.project.notice.Visible() {
		t.Fatal("the notice stays after its time")
	}
	dlg := ts.overlay()
	assertText(t, dlg, "Alles ist gespeichert: Jede Änderung steht sofort in der Projektdatei.")
	name := all[*widget.Entry](dlg)[0]
	if name.Text != "Original (Kopie)" {
		t.Fatalf("proposed name %q", name.Text)
	}
	// The open project cannot be overwritten.
	name.SetText("Original")
	test.Tap(button(t, dlg, "Speichern"))
	assertText(t, ts.overlay(), "„Original.lotse“ gibt es in diesem Ordner schon.")

	name.SetText("Zweitfassung")
	test.Tap(button(t, dlg, "Speichern"))
	ts.noOverlay()
	second := filepath.Join(ts.docsDir, "Zweitfassung.lotse")
	if ts.sess.File.Path() != second {
		t.Fatalf("working on %s, want %s", ts.sess.File.Path(), second)
	}
	if got := ts.win.Title(); got != "Zweitfassung.lotse – Schul-IT Lotse" {
		t.Fatalf("title %q", got)
	}
	if _, err := os.Stat(persistence.LockPath(first)); !os.IsNotExist(err) {
		t.Fatal("the old file is still locked after Speichern unter")
	}
	if recent := recentFiles(ts.app.Preferences()); len(recent) < 2 || recent[0] != second {
		t.Fatalf("recent files %q", recent)
	}
	// Edits go to the new file.
	if _, err := ts.sess.AddTask(domain.Task{Name: "Nur in der Zweitfassung"}); err != nil {
		t.Fatal(err)
	}
	if p := readProject(t, first); len(p.Tasks) != 0 {
		t.Fatalf("the original changed: %v", p)
	}
}

func TestRecentFilesMarkMissingOnes(t *testing.T) {
	ts := newTestShell(t)
	a := filepath.Join(ts.docsDir, "Alt.lotse")
	b := filepath.Join(ts.docsDir, "Bleibt.lotse")
	writeProject(t, a, "Alt")
	writeProject(t, b, "Bleibt")
	ts.openPath(a, persistence.OpenOptions{})
	ts.openPath(b, persistence.OpenOptions{})
	ts.closeSession()
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	ts.showStart()

	if got := ts.start.paths; len(got) != 2 || got[0] != b || got[1] != a {
		t.Fatalf("recent files %q", got)
	}
	assertText(t, ts.start.recent, "Alt.lotse (nicht gefunden)")
	assertText(t, ts.start.recent, "Bleibt.lotse")
	assertNoText(t, ts.start.recent, "Bleibt.lotse (nicht gefunden)")

	recent := ts.menuItem("Datei", "Zuletzt geöffnet").ChildMenu
	if len(recent.Items) < 2 || recent.Items[0].Disabled || !recent.Items[1].Disabled ||
		!strings.Contains(recent.Items[1].Label, "nicht gefunden") {
		t.Fatalf("recent menu: %+v", recent.Items)
	}

	ts.start.recent.Select(1) // the missing one: nothing happens
	ts.noOverlay()
	if ts.sess != nil {
		t.Fatal("a missing file was opened")
	}
	ts.start.recent.Select(0)
	if ts.sess == nil || ts.sess.File.Path() != b {
		t.Fatal("selecting a recent file should open it")
	}
}

func TestSettingsDialogChangesProjectAndLanguage(t *testing.T) {
	ts := newTestShell(t)
	if err := ts.createProject(filepath.Join(ts.docsDir, "Einstellungen.lotse"), domain.Meta{Name: "Alt", Bundesland: "NI"}); err != nil {
		t.Fatal(err)
	}
	ts.menuItem("Projekt", "Einstellungen…").Action()
	dlg := ts.overlay()
	entries := all[*widget.Entry](dlg)
	selects := all[*widget.Select](dlg)
	if len(entries) != 4 || len(selects) != 3 {
		t.Fatalf("want 4 entries and 3 selects, got %d and %d", len(entries), len(selects))
	}
	name, schultraeger, hours, asOf := entries[0], entries[1], entries[2], entries[3]
	if asOf.Text != "" {
		t.Errorf("a new project has a Stand der Daten %q", asOf.Text)
	}
	land, mode, language := selects[0], selects[1], selects[2]
	if hours.Text != "8" || mode.Selected != "Ranking 1–5" || land.Selected != "Niedersachsen" {
		t.Fatalf("dialog shows hours %q mode %q land %q", hours.Text, mode.Selected, land.Selected)
	}

	// A bad value changes nothing.
	hours.SetText("30")
	name.SetText("Neu")
	test.Tap(button(t, dlg, "Übernehmen"))
	assertText(t, ts.overlay(), "Stunden pro Personentag müssen zwischen 0 und 24 liegen.")
	if ts.sess.Project.Meta.Name != "Alt" || ts.sess.Project.Settings.HoursPerPersonDay != 8 {
		t.Fatalf("invalid input changed the project: %+v", ts.sess.Project.Meta)
	}
	hours.SetText("abc")
	test.Tap(button(t, dlg, "Übernehmen"))
	assertText(t, ts.overlay(), "„abc“ ist keine gültige Zahl.")

	hours.SetText("7,5")
	schultraeger.SetText("Landkreis Beispiel")
	land.SetSelected("Sachsen")
	mode.SetSelected("vorrangig/nachrangig")
	language.SetSelected("English")
	assertText(t, dlg, "Die neue Sprache gilt ab dem nächsten Start.")
	test.Tap(button(t, dlg, "Übernehmen"))
	ts.noOverlay()

	p, err := ts.sess.File.Load() // what reached the file
	if err != nil {
		t.Fatal(err)
	}
	if p.Meta.Name != "Neu" || p.Meta.Schultraeger != "Landkreis Beispiel" || p.Meta.Bundesland != "SN" {
		t.Fatalf("meta in the file: %+v", p.Meta)
	}
	if p.Settings.HoursPerPersonDay != 7.5 || p.Settings.PriorityMode != domain.PriorityMustNice {
		t.Fatalf("settings in the file: %+v", p.Settings)
	}
	if got := ts.app.Preferences().String(prefLanguage); got != "en" {
		t.Fatalf("language preference %q", got)
	}
	assertText(t, ts.content(), "Schulträger: Landkreis Beispiel · Bundesland: Sachsen")
	// Both changes can be undone, newest first.
	ts.menuItem("Bearbeiten", "Rückgängig").Action()
	if ts.sess.Project.Settings.HoursPerPersonDay != 8 || ts.sess.Project.Meta.Name != "Neu" {
		t.Fatalf("first undo: %+v %+v", ts.sess.Project.Settings, ts.sess.Project.Meta)
	}
}

// The Stand der Daten is set and cleared in the settings; the overview names it.
func TestSettingsDataAsOf(t *testing.T) {
	ts := newTestShell(t)
	if err := ts.createProject(filepath.Join(ts.docsDir, "Stand.lotse"), domain.Meta{Name: "Stand", Bundesland: "NI"}); err != nil {
		t.Fatal(err)
	}
	setAsOf := func(text string) fyne.CanvasObject {
		ts.menuItem("Projekt", "Einstellungen…").Action()
		dlg := ts.overlay()
		entries := all[*widget.Entry](dlg)
		entries[3].SetText(text)
		test.Tap(button(t, dlg, "Übernehmen"))
		return dlg
	}
	dlg := setAsOf("14.07.2027")
	assertText(t, dlg, "„14.07.2027“ ist kein gültiges Datum (JJJJ-MM-TT).")
	if ts.sess.Project.Meta.DataAsOf != nil {
		t.Fatal("a wrong date was stored")
	}
	test.Tap(button(t, dlg, "Abbrechen"))
	setAsOf("2027-07-14")
	ts.noOverlay()
	if d := ts.sess.Project.Meta.DataAsOf; d == nil || d.String() != "2027-07-14" {
		t.Fatalf("Stand der Daten %v", d)
	}
	if got := ts.sess.Today().String(); got != "2027-07-14" {
		t.Errorf("judged on %s", got)
	}
	assertText(t, ts.content(), "Schulträger: – · Bundesland: Niedersachsen · Stand der Daten: 14.07.2027")
	setAsOf("")
	ts.noOverlay()
	if ts.sess.Project.Meta.DataAsOf != nil || ts.sess.Today().String() != "2026-11-02" {
		t.Errorf("cleared: %v, judged on %s", ts.sess.Project.Meta.DataAsOf, ts.sess.Today())
	}
}

// sentenceError is an input error that is already a sentence, as the step editors report them.
type sentenceError string

func (e sentenceError) Error() string       { return string(e) }
func (e sentenceError) UserMessage() string { return string(e) }

func TestErrorsInPlainWords(t *testing.T) {
	ts := newTestShell(t)
	cases := []struct {
		err  error
		want string
	}{
		{domain.ErrTaskNameEmpty, "Eine Aufgabe braucht einen Namen."},
		{fmt.Errorf("saving: %w", domain.ErrEffortNegative), "Der Aufwand darf nicht negativ sein."},
		{persistence.ErrReadOnly, "Das Projekt ist schreibgeschützt geöffnet; Änderungen werden nicht gespeichert."},
		{fmt.Errorf("x: %w", os.ErrPermission), "Dafür fehlen die Zugriffsrechte"},
		{fmt.Errorf("disk on fire"), "Die Aktion ist fehlgeschlagen. Technische Angabe: disk on fire"},
		{fmt.Errorf("effort: %w", sentenceError("„abc“ ist keine gültige Zahl.")), "„abc“ ist keine gültige Zahl."},
	}
	for _, c := range cases {
		if got := ts.errorText(c.err); !strings.Contains(got, c.want) {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
	if got := ts.errorText(sentenceError("„abc“ ist keine gültige Zahl.")); got != "„abc“ ist keine gültige Zahl." {
		t.Errorf("a ready sentence must be shown as it is, got %q", got)
	}
	ts.ShowError(domain.ErrTaskNameEmpty)
	assertText(t, ts.overlay(), "Das hat nicht geklappt")
	assertText(t, ts.overlay(), "Eine Aufgabe braucht einen Namen.")
	ts.ShowError(nil) // nothing to show, no panic
}

func TestSampleProjectIsCopiedOnceAndReused(t *testing.T) {
	ts := newTestShell(t)
	test.Tap(ts.start.sampleBtn)
	// The first time the sample lands in the documents, and a message says where.
	path := filepath.Join(ts.docsDir, sampleFileName)
	if ts.sess == nil || ts.sess.File.Path() != path {
		t.Fatalf("the sample was not opened from %s", path)
	}
	assertText(t, ts.overlay(), path)
	test.Tap(button(t, ts.overlay(), "Ordner öffnen"))
	if len(ts.opened) != 1 || ts.opened[0].String() != fileURL(ts.docsDir).String() {
		t.Errorf("opened %v, want the documents folder", ts.opened)
	}
	test.Tap(button(t, ts.overlay(), "OK"))
	ts.noOverlay()
	if n := len(ts.sess.Project.Tasks); n < 4 {
		t.Fatalf("the sample has %d tasks, want at least the seed's four", n)
	}
	if _, err := ts.sess.AddTask(domain.Task{Name: "Eigene Probe"}); err != nil {
		t.Fatal(err)
	}
	ts.closeSession()
	test.Tap(ts.start.sampleBtn)
	ts.noOverlay() // no message the second time
	if ts.sess == nil || ts.sess.Project.Tasks[len(ts.sess.Project.Tasks)-1].Name != "Eigene Probe" {
		t.Fatal("the second open should reuse the user's copy with its edits")
	}
}

func TestReportIsWrittenAndOpened(t *testing.T) {
	ts := newTestShell(t)
	ts.openNew("Bericht Quelle.lotse", "Bericht", overviewTasks()...)

	pdf := ts.reportFromMenu("Gesamtbericht als PDF…", "Bericht – Gesamtbericht.pdf")
	assertText(t, ts.project.status, "Bericht gespeichert: Bericht – Gesamtbericht.pdf")

	// Writing again asks before replacing the PDF; without a PDF viewer the user learns where it is.
	ts.openURL = func(*url.URL) error { return errors.New(`exec: "xdg-open": executable file not found`) }
	ts.menuItem("Datei", "Gesamtbericht als PDF…").Action()
	test.Tap(button(t, ts.overlay(), "Erstellen und öffnen"))
	assertText(t, ts.overlay(), "Soll die Datei ersetzt werden?")
	test.Tap(button(t, ts.overlay(), "Ja"))
	assertText(t, ts.overlay(), "Der Bericht ist fertig: "+pdf)
	assertText(t, ts.overlay(), "Bitte öffnen Sie die Datei selbst.")
}

func TestAboutShowsVersionAndFontLicence(t *testing.T) {
	ts := newTestShell(t)
	ts.menuItem("Hilfe", "Über Schul-IT Lotse").Action()
	dlg := ts.overlay()
	assertText(t, dlg, "Version "+Version)
	assertText(t, dlg, "DejaVu")
	assertText(t, dlg, "Bitstream")
}

func TestQuitReleasesTheLock(t *testing.T) {
	ts := newTestShell(t)
	path := ts.openNew("Ende.lotse", "Ende")
	if _, err := os.Stat(persistence.LockPath(path)); err != nil {
		t.Fatal("an open project should be locked")
	}
	ts.menuItem("Datei", "Beenden").Action()
	if _, err := os.Stat(persistence.LockPath(path)); !os.IsNotExist(err) {
		t.Fatal("Beenden left the lock behind")
	}
}

func TestMenuShortcuts(t *testing.T) {
	ts := newTestShell(t)
	want := map[string]fyne.KeyName{"Neu…": fyne.KeyN, "Öffnen…": fyne.KeyO, "Speichern unter…": fyne.KeyS,
		"Schließen": fyne.KeyW, "Beenden": fyne.KeyQ}
	for label, key := range want {
		it := ts.menuItem("Datei", label)
		sc, ok := it.Shortcut.(fyne.KeyboardShortcut)
		if !ok || sc.Key() != key || sc.Mod() != fyne.KeyModifierShortcutDefault {
			t.Errorf("%s: shortcut %v", label, it.Shortcut)
		}
	}
	if _, ok := ts.menuItem("Bearbeiten", "Rückgängig").Shortcut.(*fyne.ShortcutUndo); !ok {
		t.Error("Rückgängig should answer Ctrl+Z")
	}
	if _, ok := ts.menuItem("Bearbeiten", "Wiederholen").Shortcut.(*fyne.ShortcutRedo); !ok {
		t.Error("Wiederholen should answer Ctrl+Y")
	}
	if !ts.menuItem("Datei", "Beenden").IsQuit {
		t.Error("Beenden must be the quit item, else Fyne adds its own")
	}
}

func TestBrokenEditorDoesNotTakeTheAppDown(t *testing.T) {
	ts := newTestShell(t)
	editor := buildEditor(ts.shell, func(*steps.Context) fyne.CanvasObject { panic("kaputt") })
	assertText(t, editor, "Dieser Schritt konnte nicht angezeigt werden. Ihre Daten sind unverändert.")
	assertText(t, editor, "kaputt")
}

// A step under way gives its editor the room: guidance and tips fold into one line, one tap
// brings them back, and the next step opens them as the user left them.
func TestStartedStepFoldsGuidance(t *testing.T) {
	ts := newTestShell(t)
	ts.openNew("Begonnen.lotse", "Begonnen", overviewTasks()...)
	test.Tap(ts.project.next) // step 1 has tasks: in progress
	step, _ := domain.StepByID(1)
	page := ts.project.pageHolder
	assertNoText(t, page, stepGuide(step))
	toggle := button(t, page, "Anleitung und Umsetzungstipps")
	test.Tap(toggle)
	assertText(t, page, stepGuide(step))
	assertText(t, page, stepTipTexts(step)[0])
	// Step 2 is under way too: it opens as the user left step 1.
	test.Tap(ts.project.next)
	step2, _ := domain.StepByID(2)
	assertText(t, ts.project.pageHolder, stepGuide(step2))
	test.Tap(button(t, ts.project.pageHolder, "Anleitung und Umsetzungstipps"))
	assertNoText(t, ts.project.pageHolder, stepGuide(step2))
}

// An editor wider than the window scrolls sideways; it must not squeeze the sidebar.
func TestWideEditorDoesNotWidenThePage(t *testing.T) {
	ts := newTestShell(t)
	path := filepath.Join(ts.docsDir, "Breit.lotse")
	writeProject(t, path, "Breit", overviewTasks()...)
	ts.openPath(path, persistence.OpenOptions{})
	saved := steps.Editors[3]
	t.Cleanup(func() { steps.Editors[3] = saved })
	wide := canvas.NewRectangle(color.Black)
	wide.SetMinSize(fyne.NewSize(3000, 100))
	steps.Editors[3] = func(*steps.Context) fyne.CanvasObject { return wide }
	step, _ := domain.StepByID(3)
	page := newStepPage(ts.shell, step)
	if w := page.MinSize().Width; w > 1000 {
		t.Fatalf("the page wants %v px because of its editor", w)
	}
}
