package ui

import (
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"schulit-lotse/domain"
)

// The keys a user presses on the window: Escape and Return close a message; Ctrl+PageDown and
// Ctrl+PageUp walk through the steps.
func TestKeysCloseMessagesAndWalkTheSteps(t *testing.T) {
	ts := newTestShell(t)
	press := func(k fyne.KeyName) { ts.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
		ts.ShowError(errors.New("kaputt"))
		ts.overlay()
		press(k)
		ts.noOverlay()
	}
	if err := ts.createProject(filepath.Join(ts.docsDir, "Tasten.lotse"), domain.Meta{Name: "Tasten", Bundesland: "NI"}); err != nil {
		t.Fatal(err)
	}
	shortcut := func(k fyne.KeyName) {
		ts.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	shortcut(fyne.KeyPageDown)
	shortcut(fyne.KeyPageDown)
	if ts.project.current != 2 {
		t.Fatalf("after Ctrl+PageDown twice: page %d", ts.project.current)
	}
	shortcut(fyne.KeyPageUp)
	shortcut(fyne.KeyPageUp)
	shortcut(fyne.KeyPageUp) // the overview is the first page
	if ts.project.current != 0 {
		t.Errorf("after Ctrl+PageUp three times: page %d", ts.project.current)
	}
}

// Ctrl+B folds the sidebar away, which gives the page its width, and brings it back.
func TestCtrlBFoldsTheSidebar(t *testing.T) {
	ts := newTestShell(t)
	if err := ts.createProject(filepath.Join(ts.docsDir, "Leiste.lotse"), domain.Meta{Name: "Leiste", Bundesland: "NI"}); err != nil {
		t.Fatal(err)
	}
	ts.win.Resize(fyne.NewSize(1280, 680))
	ctrlB := &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	before := ts.project.pageHolder.Size().Width
	ts.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlB)
	if !ts.project.sidebarGone || ts.project.sidebar.Visible() && ts.project.pageHolder.Size().Width <= before {
		t.Fatalf("sidebar still there: page %v wide, was %v", ts.project.pageHolder.Size().Width, before)
	}
	ts.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlB)
	if ts.project.sidebarGone || ts.project.pageHolder.Size().Width != before {
		t.Errorf("sidebar not back: page %v wide, was %v", ts.project.pageHolder.Size().Width, before)
	}
}

// Below 1200 px the sidebar folds itself away and comes back in a wider window; once the user
// pressed Ctrl+B, the choice holds at every width.
func TestSidebarFoldsItselfInANarrowWindow(t *testing.T) {
	ts := sampleShell(t, 1024, 700)
	if !ts.project.sidebarGone {
		t.Fatal("at 1024 px the sidebar is still shown")
	}
	if w := ts.project.pageHolder.Size().Width; w < 1000 {
		t.Errorf("at 1024 px the page is only %v wide", w)
	}
	ts.win.Resize(fyne.NewSize(1366, 740))
	if ts.project.sidebarGone {
		t.Fatal("at 1366 px the sidebar stays folded")
	}
	ts.win.Resize(fyne.NewSize(1024, 700))
	ctrlB := &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	ts.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlB)
	if ts.project.sidebarGone {
		t.Fatal("Ctrl+B does not bring the sidebar back at 1024 px")
	}
	ts.win.Resize(fyne.NewSize(1000, 700))
	if ts.project.sidebarGone {
		t.Error("the sidebar the user asked for folded itself away again")
	}
}
