package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// WithSide puts side right of main in a split that gives main offset of the width at first;
// side keeps at least least points of width (the editors' open questions, findings, finders).
func WithSide(main, side fyne.CanvasObject, least float32, offset float64) *container.Split {
	min := canvas.NewRectangle(Transparent)
	min.SetMinSize(fyne.NewSize(least, 0))
	split := container.NewHSplit(main, container.NewStack(min, side))
	split.Offset = offset
	return split
}
