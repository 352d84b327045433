// Package steps holds the editors of the wizard steps. The shell (package ui) shows the editor
// registered for a step, or a note that the step follows later when none is.
package steps

import (
	"fyne.io/fyne/v2"

	"schulit-lotse/ui/session"
)

// Context is what a step editor gets from the shell.
type Context struct {
	Session *session.Session
	Window  fyne.Window
	// ShowError reports an error to the user in plain words (the shell translates domain keys).
	ShowError func(err error)
}

// Editors maps a step number to the function that builds its editor. Steps without an entry
// are not built yet.
var Editors = map[int]func(ctx *Context) fyne.CanvasObject{}

// Action is a project command a step offers in the main menu (an import, an export, a report).
type Action struct {
	Step  int
	Label string // translation key
	Run   func(ctx *Context)
}

// Actions are added by the steps in init() of their own files; the shell lists them, in step
// order, in the Projekt menu when a project is open.
var Actions []Action
