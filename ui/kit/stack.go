package kit

import "fyne.io/fyne/v2"

// The two halves of a layout that lays its objects over one another (as Fyne's stack layout
// does, but hidden objects count too), for layouts that do something more on the way.

// StackMinSize is the least size that holds each of objs: the widest width, the highest height.
func StackMinSize(objs []fyne.CanvasObject) fyne.Size {
	var sz fyne.Size
	for _, o := range objs {
		sz = sz.Max(o.MinSize())
	}
	return sz
}

// Stack gives each of objs all of size.
func Stack(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
