package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxHeaderShare is how much of a step page the guidance and the unfolded tips may take; the
// editor keeps the rest, and the header scrolls when it needs more.
const maxHeaderShare = 0.45

// cappedScroll shows its content at full height up to a cap, and scrolls beyond it. Its
// minimum size follows the content, so unfolding the tips lays the page out again.
type cappedScroll struct {
	widget.BaseWidget
	scroll    *container.Scroll
	maxHeight float32
}

func newCappedScroll(content fyne.CanvasObject) *cappedScroll {
	c := &cappedScroll{scroll: container.NewVScroll(content), maxHeight: 160}
	c.ExtendBaseWidget(c)
	return c
}

func (c *cappedScroll) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.scroll)
}

func (c *cappedScroll) MinSize() fyne.Size {
	h := c.scroll.Content.MinSize().Height
	if h > c.maxHeight {
		h = c.maxHeight
	}
	return fyne.NewSize(c.scroll.MinSize().Width, h)
}

// stepPageLayout puts the header above the editor and gives the header at most
// maxHeaderShare of the height.
type stepPageLayout struct {
	header *cappedScroll
}

func (l *stepPageLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	l.header.maxHeight = size.Height * maxHeaderShare
	pad := theme.Padding()
	h := l.header.MinSize().Height
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, h))
	objects[1].Move(fyne.NewPos(0, h+pad))
	objects[1].Resize(fyne.NewSize(size.Width, size.Height-h-pad))
}

func (l *stepPageLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) != 2 {
		return fyne.Size{}
	}
	head, body := objects[0].MinSize(), objects[1].MinSize()
	// Only a little of the header counts: on a small window it scrolls rather than pushing
	// the editor and the Back/Next bar out of the window.
	h := head.Height
	if h > 120 {
		h = 120
	}
	return fyne.NewSize(fyne.Max(head.Width, body.Width), h+theme.Padding()+body.Height)
}
