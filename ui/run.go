// Package ui is the Fyne application: main window, start screen, overview, the wizard and its
// step pages, dialogs.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"schulit-lotse/assets"
	"schulit-lotse/persistence"
)

// Run starts the GUI, opening path when it is not empty. It returns when the app quits.
func Run(path string) {
	a := app.NewWithID(AppID)
	chosen := assets.SetupLanguage(a.Preferences().String(prefLanguage))
	a.SetIcon(assets.Icon)
	w := a.NewWindow("")
	sh := newShell(a, w, chosen)
	w.SetContent(sh.root)
	w.Resize(fyne.NewSize(1280, 800))
	if path != "" {
		sh.openPath(path, persistence.OpenOptions{})
	}
	w.SetMaster()
	w.ShowAndRun()
	sh.closeSession()
}
