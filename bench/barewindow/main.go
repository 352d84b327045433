// Command barewindow is the floor of the start-up benchmark: the smallest Fyne program that
// opens a window with some content, built with the same toolkit version and tags as lotse.
// `make bench` measures both with scripts/first-frame and reports the ratio.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("de.schulit-lotse.barewindow")
	w := a.NewWindow("Fyne")
	w.SetContent(widget.NewLabel("Fyne")) // a literal on purpose: no translations in the floor
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
