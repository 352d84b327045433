package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// NewBorder is container.NewBorder with its parts in reading order: top, left, the middle,
// right, bottom. Tab walks a container's objects in their order, and Fyne's own NewBorder puts
// the middle first – so a toolbar above a table was reached only after the table, and a
// form's heading row after its fields. The layout is the same; only the order of the objects
// (and so the order Tab takes and the order they are drawn in) differs.
func NewBorder(top, bottom, left, right fyne.CanvasObject, middle ...fyne.CanvasObject) *fyne.Container {
	all := make([]fyne.CanvasObject, 0, len(middle)+4)
	for _, o := range []fyne.CanvasObject{top, left} {
		if o != nil {
			all = append(all, o)
		}
	}
	for _, o := range middle {
		if o != nil {
			all = append(all, o)
		}
	}
	for _, o := range []fyne.CanvasObject{right, bottom} {
		if o != nil {
			all = append(all, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, left, right), all...)
}
