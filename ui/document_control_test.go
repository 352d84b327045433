package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

func TestDocumentControlDialogStoresWhatTheReportsShow(t *testing.T) {
	ts := newTestShell(t)
	path := ts.openNew("Vorlage.lotse", "Vorlage", overviewTasks()...)

	open := func() (entries []*widget.Entry, status *widget.Select) {
		ts.menuItem("Projekt", "Dokumentangaben der Berichte…").Action()
		dlg := ts.overlay()
		entries = all[*widget.Entry](dlg)
		selects := all[*widget.Select](dlg)
		if len(entries) != 7 || len(selects) != 1 {
			t.Fatalf("want 7 entries and 1 select, got %d and %d", len(entries), len(selects))
		}
		return entries, selects[0]
	}
	entries, status := open()
	version, author, contact, committee, approver, approvedOn, proposal := entries[0], entries[1], entries[2], entries[3], entries[4], entries[5], entries[6]
	if version.Text != domain.DefaultDocumentVersion || status.Selected != "Entwurf" {
		t.Fatalf("a new project shows version %q, status %q", version.Text, status.Selected)
	}
	version.SetText("1.0")
	status.SetSelected("zur Beschlussfassung")
	author.SetText("Anna Beispiel")
	contact.SetText("0511 12345")
	committee.SetText("Schulausschuss")
	approver.SetText("Fachbereichsleitung")
	proposal.SetText("Der Schulausschuss stimmt zu.")

	// A wrong date changes nothing.
	approvedOn.SetText("01.02.2027")
	test.Tap(button(t, ts.overlay(), "Übernehmen"))
	assertText(t, ts.overlay(), "„01.02.2027“ ist kein gültiges Datum (JJJJ-MM-TT).")
	if _, ok := ts.sess.Project.Config[domain.ConfigDocumentControl]; ok {
		t.Fatal("a wrong date stored the document control")
	}
	approvedOn.SetText("2027-02-01")
	test.Tap(button(t, ts.overlay(), "Übernehmen"))
	ts.noOverlay()

	got := ts.sess.Project.DocumentControlConfig()
	if got.Version != "1.0" || got.Status != domain.DocumentForDecision || got.Author != "Anna Beispiel" || got.Contact != "0511 12345" ||
		got.Committee != "Schulausschuss" || got.ApprovedBy != "Fachbereichsleitung" || got.ApprovedOn == nil ||
		got.ApprovedOn.String() != "2027-02-01" || got.Proposal != "Der Schulausschuss stimmt zu." {
		t.Fatalf("stored %+v", got)
	}
	// It is in the file, not only in memory.
	stored := readProject(t, path)
	if stored.DocumentControlConfig().Proposal != "Der Schulausschuss stimmt zu." {
		t.Errorf("the file holds %q", stored.Config[domain.ConfigDocumentControl])
	}
	// The dialog shows what is stored, and undo takes it back.
	entries, status = open()
	if entries[1].Text != "Anna Beispiel" || status.Selected != "zur Beschlussfassung" {
		t.Errorf("reopened dialog shows author %q, status %q", entries[1].Text, status.Selected)
	}
	test.Tap(button(t, ts.overlay(), "Abbrechen"))
	ts.undo()
	if _, ok := ts.sess.Project.Config[domain.ConfigDocumentControl]; ok {
		t.Error("undo left the document control")
	}
}

func TestShortReportFromTheFileMenu(t *testing.T) {
	ts := newTestShell(t)
	ts.openNew("Kurz.lotse", "Kurz", overviewTasks()...)
	ts.reportFromMenu("Kurzfassung als PDF…", "Kurz – Kurzfassung.pdf")
}
