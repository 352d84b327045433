// Package ui is the Fyne application: main window, start screen, overview, the wizard and its
// step pages, dialogs.
package ui

// Run starts the GUI, opening path when it is not empty. It returns when the app quits.
func Run(path string) {
	_ = path
}
