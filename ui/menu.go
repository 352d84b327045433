package ui

import (
	"path/filepath"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/steps"
)

func shortcut(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

const ctrl = fyne.KeyModifierShortcutDefault

// updateMenu rebuilds the main menu from the current state (open project, undo history,
// recent files).
func (sh *shell) updateMenu() {
	sh.win.SetMainMenu(sh.buildMenu())
}

func (sh *shell) buildMenu() *fyne.MainMenu {
	open := sh.sess != nil

	item := func(key string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(lang.L(key), action)
		it.Shortcut = sc
		return it
	}
	needsProject := func(it *fyne.MenuItem) *fyne.MenuItem {
		it.Disabled = !open
		return it
	}

	newItem := item("ui.menu.new", shortcut(fyne.KeyN, ctrl), sh.showNewProject)
	openItem := item("ui.menu.open", shortcut(fyne.KeyO, ctrl), sh.showOpenDialog)
	recent := fyne.NewMenuItem(lang.L("ui.menu.recent"), nil)
	recent.ChildMenu = sh.recentMenu()
	saveAs := needsProject(item("ui.menu.save_as", shortcut(fyne.KeyS, ctrl), sh.saveShortcut))
	report := needsProject(item("ui.menu.report", nil, sh.exportReport))
	shortReport := needsProject(item("ui.menu.short_report", nil, sh.exportShortReport))
	share := needsProject(item("everyday.menu.share", nil, sh.showShare))
	closeItem := needsProject(item("ui.menu.close", shortcut(fyne.KeyW, ctrl), func() { sh.closeSession() }))
	quit := item("ui.menu.quit", shortcut(fyne.KeyQ, ctrl), sh.quit)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("ui.menu.file"),
		newItem, openItem, recent, fyne.NewMenuItemSeparator(),
		saveAs, share, report, shortReport, fyne.NewMenuItemSeparator(),
		closeItem, quit)

	undo := item("ui.menu.undo", &fyne.ShortcutUndo{}, sh.undo)
	redo := item("ui.menu.redo", &fyne.ShortcutRedo{}, sh.redo)
	undo.Disabled, redo.Disabled = true, true
	if open {
		undo.Disabled = !sh.sess.CanUndo()
		redo.Disabled = !sh.sess.CanRedo()
		if key := sh.sess.UndoName(); key != "" {
			if name, ok := translated(key); ok {
				undo.Label = lang.L("ui.menu.undo_named", map[string]any{"Name": name})
			}
		}
		if key := sh.sess.RedoName(); key != "" {
			if name, ok := translated(key); ok {
				redo.Label = lang.L("ui.menu.redo_named", map[string]any{"Name": name})
			}
		}
	}
	edit := fyne.NewMenu(lang.L("ui.menu.edit"), undo, redo)

	overview := needsProject(item("ui.overview.title", nil, func() {
		if sh.project != nil {
			sh.project.show(0)
		}
	}))
	settings := needsProject(item("ui.menu.settings", nil, sh.showSettings))
	documentControl := needsProject(item("ui.menu.document_control", nil, sh.showDocumentControl))
	importTasks := item("everyday.menu.import_tasks", nil, sh.showImportTasks)
	importTasks.Disabled = !open || sh.sess.ReadOnly()
	exportTasks := needsProject(item("everyday.menu.export_tasks", nil, sh.exportTasks))
	project := fyne.NewMenu(lang.L("ui.menu.project"), overview, settings, documentControl, fyne.NewMenuItemSeparator(), importTasks, exportTasks)
	if actions := sh.stepActions(); len(actions) > 0 {
		project.Items = append(project.Items, fyne.NewMenuItemSeparator())
		for _, it := range actions {
			project.Items = append(project.Items, needsProject(it))
		}
	}

	about := item("ui.menu.about", nil, sh.showAbout)
	stepHelp := item("everyday.menu.step_help", &desktop.CustomShortcut{KeyName: fyne.KeyF1}, sh.showHelp)
	keys := item("everyday.menu.keys", nil, sh.showKeys)
	help := fyne.NewMenu(lang.L("ui.menu.help"), stepHelp, keys)
	if canRegisterFileType {
		help.Items = append(help.Items, item("everyday.menu.assoc", nil, sh.registerFileType))
	}
	help.Items = append(help.Items, fyne.NewMenuItemSeparator(), about)
	return fyne.NewMainMenu(file, edit, project, help)
}

func (sh *shell) recentMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, path := range recentFiles(sh.app.Preferences()) {
		label := filepath.Base(path) + "  —  " + filepath.Dir(path)
		it := fyne.NewMenuItem(label, func(p string) func() {
			return func() { sh.openPath(p, persistence.OpenOptions{}) }
		}(path))
		if !fileExists(path) {
			it.Label = lang.L("ui.recent.missing_item", map[string]any{"Name": label})
			it.Disabled = true
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("ui.recent.none"), nil)
		none.Disabled = true
		return fyne.NewMenu("", none)
	}
	clear := fyne.NewMenuItem(lang.L("ui.recent.clear"), func() {
		clearRecent(sh.app.Preferences())
		if sh.sess == nil {
			sh.showStart()
		} else {
			sh.updateMenu()
		}
	})
	items = append(items, fyne.NewMenuItemSeparator(), clear)
	return fyne.NewMenu("", items...)
}

// installShortcuts adds what a menu item cannot carry: the second redo shortcut and F1.
func (sh *shell) installShortcuts() {
	sh.win.Canvas().AddShortcut(shortcut(fyne.KeyZ, ctrl|fyne.KeyModifierShift), func(fyne.Shortcut) { sh.redo() })
	// Ctrl+PageDown / Ctrl+PageUp walk the wizard like "Weiter" and "Zurück".
	sh.win.Canvas().AddShortcut(shortcut(fyne.KeyPageDown, ctrl), func(fyne.Shortcut) { sh.stepBy(1) })
	sh.win.Canvas().AddShortcut(shortcut(fyne.KeyPageUp, ctrl), func(fyne.Shortcut) { sh.stepBy(-1) })
	sh.win.Canvas().AddShortcut(shortcut(fyne.KeyB, ctrl), func(fyne.Shortcut) {
		if sh.project != nil {
			sh.project.toggleSidebar()
		}
	})
	sh.installHelpKey()
}

// undo reverts the last edit of the project. While a text field has the focus, Ctrl+Z belongs
// to the text being typed.
func (sh *shell) undo() {
	if !sh.toFocusedEntry(&fyne.ShortcutUndo{}) && sh.sess != nil && sh.sess.CanUndo() {
		sh.showIfError(sh.sess.Undo())
	}
}

func (sh *shell) redo() {
	if !sh.toFocusedEntry(&fyne.ShortcutRedo{}) && sh.sess != nil && sh.sess.CanRedo() {
		sh.showIfError(sh.sess.Redo())
	}
}

// toFocusedEntry hands a shortcut to the text field that has the focus, if one has.
func (sh *shell) toFocusedEntry(s fyne.Shortcut) bool {
	e, ok := sh.win.Canvas().Focused().(*widget.Entry)
	if ok {
		e.TypedShortcut(s)
	}
	return ok
}

func (sh *shell) showIfError(err error) {
	if err != nil {
		sh.ShowError(err)
	}
}

// stepActions are the menu entries the step editors registered, in step order.
func (sh *shell) stepActions() []*fyne.MenuItem {
	acts := append([]steps.Action(nil), steps.Actions...)
	sort.SliceStable(acts, func(a, b int) bool { return acts[a].Step < acts[b].Step })
	items := make([]*fyne.MenuItem, 0, len(acts))
	for _, a := range acts {
		a := a
		items = append(items, fyne.NewMenuItem(lang.L(a.Label), func() {
			if sh.sess != nil {
				a.Run(sh.stepContext())
			}
		}))
	}
	return items
}

// stepContext is what step editors and step actions get from the shell.
func (sh *shell) stepContext() *steps.Context {
	ctx := &steps.Context{Session: sh.sess, Window: sh.win, ShowError: sh.ShowError, OpenStep: func(s domain.StepID) {
		if sh.project != nil {
			sh.project.show(int(s))
		}
	}}
	if sh.synchronous {
		ctx.Async = func(work func()) { work() }
	}
	return ctx
}

// stepBy moves d pages through the overview and the twelve steps, within their bounds.
func (sh *shell) stepBy(d int) {
	if sh.project == nil {
		return
	}
	if n := sh.project.current + d; n >= 0 && n <= len(domain.Steps) {
		sh.project.show(n)
	}
}
