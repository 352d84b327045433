package ui

import (
	"errors"
	"fmt"
	"image/color"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// errorText is an error in the user's words. Rule violations and other keyed errors are
// translated; anything else is named as a failure with its technical text for support.
func (sh *shell) errorText(err error) string {
	var de domain.Error
	var ie *persistence.ImportError
	var um interface{ UserMessage() string }
	switch {
	case err == nil:
		return ""
	case errors.As(err, &um):
		return um.UserMessage() // already a sentence in the user's language
	case errors.As(err, &de):
		return lang.L(string(de))
	case errors.Is(err, persistence.ErrReadOnly):
		return lang.L(persistence.ReadOnlyKey(err))
	case errors.As(err, &ie):
		if text, ok := translated(ie.Key, map[string]any{"Detail": ie.Detail}); ok {
			return text
		}
		return lang.L("ui.err.import", map[string]any{"Detail": ie.Detail})
	case errors.Is(err, os.ErrExist):
		return lang.L("ui.err.exists")
	case errors.Is(err, os.ErrPermission):
		return lang.L("ui.err.permission")
	}
	if r, ok := persistence.IsRefused(err); ok {
		return refusedText(r)
	}
	if l, ok := persistence.IsLocked(err); ok {
		return lockedText(l, sh.language)
	}
	if err.Error() == "err.task.gone" {
		return lang.L("ui.err.task_gone")
	}
	return lang.L("ui.err.generic", map[string]any{"Detail": err.Error()})
}

// ShowError reports err in a dialog, in plain words. It never panics.
func (sh *shell) ShowError(err error) {
	if err == nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			fyne.LogError("showing an error", fmt.Errorf("%v: %w", r, err))
		}
	}()
	if r, ok := persistence.IsRefused(err); ok {
		sh.showRefused(r)
		return
	}
	sh.showMessage(lang.L("ui.err.title"), sh.errorText(err))
}

// showMessage is an information dialog whose text wraps at a readable width.
func (sh *shell) showMessage(title, text string) { sh.showMessageWith(title, text) }

// showMessageWith is showMessage with buttons for actions below the text.
func (sh *shell) showMessageWith(title, text string, actions ...fyne.CanvasObject) {
	var body fyne.CanvasObject = wrapped(text)
	if len(actions) > 0 {
		body = container.NewVBox(body, container.NewHBox(actions...))
	}
	d := dialog.NewCustom(title, lang.L("ui.ok"), body, sh.win)
	sh.message = d
	d.SetOnClosed(func() {
		if sh.message == d {
			sh.message = nil
		}
	})
	d.Show()
}

// wrapped stacks paragraphs as word-wrapped labels in a column of fixed width, so that a
// dialog does not grow as wide as its longest sentence.
func wrapped(paragraphs ...string) fyne.CanvasObject {
	box := container.NewVBox()
	for _, p := range paragraphs {
		if p == "" {
			continue
		}
		l := paragraph(p)
		box.Add(l)
	}
	return fixedWidth(480, box)
}

// fixedWidth gives obj at least width w.
func fixedWidth(w float32, obj fyne.CanvasObject) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(spacer, obj)
}

// setMessage shows text in a dialog's message line, which takes no room while empty.
func setMessage(l *widget.Label, text string) {
	l.SetText(text)
	l.Hidden = text == ""
	l.Refresh()
}
