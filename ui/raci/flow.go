package raci

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// flowLayout places its objects left to right at their minimum size and starts a new line
// when the next one does not fit, so a legend and a hint stay readable at any width instead
// of being cut off. Its minimum height is that of the lines at the width it was last given;
// when the number of lines changes, relayout asks the surrounding container to lay out again.
type flowLayout struct {
	width    float32
	lines    int
	relayout func()
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := l.width
	if width <= 0 {
		width = 1e9 // not laid out yet: one line
	}
	_, h, _ := l.place(objs, width, false)
	return fyne.NewSize(w, h)
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	_, _, lines := l.place(objs, size.Width, true)
	if lines != l.lines {
		l.lines = lines
		if l.relayout != nil {
			l.relayout()
		}
	}
}

// place lays the objects out (or only measures them) at a width; it returns the width and
// height used and the number of lines.
func (l *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) (float32, float32, int) {
	var x, y, lineH, used float32
	lines := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if lines == 0 {
			lines = 1
		} else if x > 0 && x+m.Width > width {
			y += lineH
			x, lineH = 0, 0
			lines++
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width
		used = max(used, x)
		lineH = max(lineH, m.Height)
	}
	return used, y + lineH, lines
}

// NewFlow is a container that places objs left to right and wraps onto further lines; relayout
// (called when the number of lines changes) should lay out the surrounding container again.
func NewFlow(relayout func(), objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{relayout: relayout}, objs...)
}
