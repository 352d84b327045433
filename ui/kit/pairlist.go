package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// NewPairList is a list whose rows show a name on the left (cut with … when long) and a value
// on the right: count is the number of rows, text gives row i's two texts, and tap runs for the
// row tapped (the list keeps no selection).
func NewPairList(count func() int, text func(i int) (name, value string), tap func(i int)) *widget.List {
	list := widget.NewList(
		count,
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			value := widget.NewLabel("")
			value.Alignment = fyne.TextAlignTrailing
			return container.NewBorder(nil, nil, nil, value, name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			name, value := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			if i < 0 || i >= count() {
				name.SetText("")
				value.SetText("")
				return
			}
			n, v := text(i)
			name.SetText(n)
			value.SetText(v)
		},
	)
	list.OnSelected = func(i widget.ListItemID) {
		list.Unselect(i)
		if i >= 0 && i < count() {
			tap(i)
		}
	}
	return list
}
