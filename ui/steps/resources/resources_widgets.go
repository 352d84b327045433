package resources

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

// Widgets shared by the editors of steps 5 and 6.

// scoreOptions are the choices of a 1–5 score: "–" for not scored, then 1 to 5.
func scoreOptions() []string {
	out := []string{lang.L("res.score.none")}
	for i := 1; i <= 5; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

// findingsList shows open questions of a step; tapping one calls jump.
type findingsList struct {
	items   []string
	title   *widget.Label
	empty   *widget.Label
	list    *widget.List
	content fyne.CanvasObject
	onTap   func(i int)
}

func newFindingsList(onTap func(i int)) *findingsList {
	fl := &findingsList{onTap: onTap}
	fl.title = kit.Heading("")
	fl.empty = widget.NewLabel(lang.L("steps.questions.none"))
	fl.empty.Wrapping = fyne.TextWrapWord
	fl.list = widget.NewList(
		func() int { return len(fl.items) },
		func() fyne.CanvasObject {
			// Two lines each: long package names wrap instead of hiding the question.
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			l.Truncation = fyne.TextTruncateEllipsis
			line := fyne.MeasureText("Äg", theme.TextSize(), fyne.TextStyle{}).Height
			space := canvas.NewRectangle(kit.Transparent)
			space.SetMinSize(fyne.NewSize(0, 2*line+2*theme.InnerPadding()))
			return container.NewStack(space, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*fyne.Container).Objects[1].(*widget.Label)
			if id >= 0 && id < len(fl.items) {
				l.SetText(fl.items[id])
			} else {
				l.SetText("")
			}
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

func (fl *findingsList) set(items []string) {
	fl.items = items
	fl.title.SetText(lang.L("steps.questions", map[string]any{"Count": plural.Number(len(items))}))
	if len(items) == 0 {
		fl.empty.Show()
	} else {
		fl.empty.Hide()
	}
	fl.list.Refresh()
}
