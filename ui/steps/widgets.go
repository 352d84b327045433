package steps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an Entry that reports when the user leaves it and when Ctrl+Enter is pressed,
// so that edits are committed on focus loss as well as on Enter.
type commitEntry struct {
	widget.Entry
	onLeave     func()
	onCtrlEnter func()
}

func newCommitEntry() *commitEntry {
	e := &commitEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost commits what was typed.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// AcceptsTab is false also for several-line fields: Tab and Shift+Tab always move to the next or
// previous field, so the keyboard never gets stuck in a note (no tab characters in free texts).
func (e *commitEntry) AcceptsTab() bool { return false }

// TypedShortcut turns Ctrl+Enter into "new task"; everything else is the Entry's.
func (e *commitEntry) TypedShortcut(s fyne.Shortcut) {
	if isCtrlEnter(s) {
		if e.onCtrlEnter != nil {
			e.onCtrlEnter()
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// asNote makes e a free-text field: several lines, wrapped, rows lines high (longer texts
// scroll inside it); Enter starts a new line, Shift+Enter submits like Enter elsewhere.
func asNote(e *commitEntry, rows int) *commitEntry {
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// setValue shows a value from the model. A selection left over from before is dropped first:
// Fyne keeps a collapsed selection across SetText, which then swallows the next typed character.
func (e *commitEntry) setValue(s string) {
	if e.Text == s {
		return
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) // also shows the start of a long text
	e.SetText(s)
}

func isCtrlEnter(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	return (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierSuper)
}

// headerCell is a table column header that sorts when tapped and shows the sort direction.
type headerCell struct {
	widget.BaseWidget
	label *widget.Label
	icon  *widget.Icon
	onTap func()
	dir   int
	shown bool // dir has been applied once
}

func newHeaderCell() *headerCell {
	h := &headerCell{
		label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		icon:  widget.NewIcon(nil),
	}
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.icon, h.label))
}

// Tapped sorts by this column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// Cursor shows that the header can be clicked.
func (h *headerCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// set updates every property a recycled header shows (text already fitted to the column).
// Headers are refreshed on every scroll step, so unchanged parts are left alone.
func (h *headerCell) set(text string, dir int, onTap func()) {
	h.onTap = onTap
	if h.label.Text != text {
		h.label.SetText(text)
	}
	if h.dir == dir && h.shown {
		return
	}
	h.dir, h.shown = dir, true
	// The arrow only takes room in the sorted column, so narrow headers keep their text.
	switch {
	case dir > 0:
		h.icon.SetResource(theme.MenuDropUpIcon())
		h.icon.Show()
	case dir < 0:
		h.icon.SetResource(theme.MenuDropDownIcon())
		h.icon.Show()
	default:
		h.icon.SetResource(nil)
		h.icon.Hide()
	}
	h.Refresh()
}

// weightedRow lays out its objects side by side: each gets its minimum width, and the space left
// over is shared by weight (weight 0 keeps the minimum).
type weightedRow struct {
	weights []float32
	min     []float32
}

func (w *weightedRow) width(i int, o fyne.CanvasObject) float32 {
	m := o.MinSize().Width
	if i < len(w.min) && w.min[i] > m {
		m = w.min[i]
	}
	return m
}

func (w *weightedRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var s fyne.Size
	n := 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		s.Width += w.width(i, o)
		s.Height = max(s.Height, o.MinSize().Height)
		n++
	}
	if n > 1 {
		s.Width += pad * float32(n-1)
	}
	return s
}

func (w *weightedRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	extra := size.Width - w.MinSize(objs).Width // negative when the row is too narrow
	var total float32
	for i, o := range objs {
		if o.Visible() && i < len(w.weights) {
			total += w.weights[i]
		}
	}
	x := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		wd := w.width(i, o)
		if total > 0 && i < len(w.weights) {
			// Extra room is shared by weight; a shortfall is taken from the same fields, down to
			// a width that still shows a few characters.
			wd = max(wd+extra*w.weights[i]/total, min(wd, minFieldWidth))
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(wd, size.Height))
		x += wd + pad
	}
}

const minFieldWidth = 60

// labelled puts a small caption above a field.
func labelled(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(caption)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(l, nil, nil, nil, field)
}
