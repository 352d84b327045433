package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The parts every form dialog of the shell is made of (new project, file target, settings,
// document control, share).

// formDialog shows body, w wide, with "Abbrechen" and the primary button confirm, which runs
// act. The dialog is shown at once; act hides it when it is done.
func (sh *shell) formDialog(title string, w float32, body fyne.CanvasObject, confirm string, act func()) (*dialog.CustomDialog, *widget.Button) {
	dlg := dialog.NewCustomWithoutButtons(title, fixedWidth(w, body), sh.win)
	ok := widget.NewButton(confirm, act)
	ok.Importance = widget.HighImportance
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("ui.cancel"), dlg.Hide), ok})
	dlg.Show()
	return dlg, ok
}

// messageLabel is a dialog's line for a refused input: red, hidden until setMessage fills it.
func messageLabel() *widget.Label {
	l := paragraph("")
	l.Hide()
	l.Importance = widget.DangerImportance
	return l
}

// paragraph is a label that wraps at word boundaries.
func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
