package award

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

// Widgets of the editors of steps 7–9.

// findings lists the open questions of a step; tapping one calls onTap.
type findings struct {
	items   []string
	warn    []bool
	title   *widget.Label
	empty   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
	onTap   func(i int)
}

func newFindings(onTap func(i int)) *findings {
	fl := &findings{onTap: onTap}
	fl.title = kit.Heading("")
	fl.empty = widget.NewLabel(lang.L("steps.questions.none"))
	fl.empty.Wrapping = fyne.TextWrapWord
	fl.list = widget.NewList(
		func() int { return len(fl.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			l.Truncation = fyne.TextTruncateEllipsis
			line := fyne.MeasureText("Äg", theme.TextSize(), fyne.TextStyle{}).Height
			space := canvas.NewRectangle(kit.Transparent)
			space.SetMinSize(fyne.NewSize(0, 3*line+2*theme.InnerPadding()))
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewStack(space, l))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			var l *widget.Label
			var ic *widget.Icon
			for _, c := range box.Objects {
				switch c := c.(type) {
				case *widget.Icon:
					ic = c
				case *fyne.Container:
					l = c.Objects[1].(*widget.Label)
				}
			}
			if id < 0 || id >= len(fl.items) {
				l.SetText("")
				ic.SetResource(nil)
				return
			}
			if fl.warn[id] {
				ic.SetResource(theme.WarningIcon())
			} else {
				ic.SetResource(theme.QuestionIcon())
			}
			l.SetText(fl.items[id])
		},
	)
	fl.list.OnSelected = func(id widget.ListItemID) {
		fl.list.Unselect(id)
		if fl.onTap != nil && id >= 0 && id < len(fl.items) {
			fl.onTap(id)
		}
	}
	fl.content = container.NewBorder(container.NewVBox(fl.title, fl.empty), nil, nil, nil, fl.list)
	return fl
}

func (fl *findings) set(items []string, warn []bool) {
	fl.items, fl.warn = items, warn
	fl.title.SetText(lang.L("steps.questions", map[string]any{"Count": plural.Number(len(items))}))
	if len(items) == 0 {
		fl.empty.Show()
	} else {
		fl.empty.Hide()
	}
	fl.list.Refresh()
}
