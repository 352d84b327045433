package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func SetEnabled(on bool, ds ...fyne.Disableable) {
	for _, d := range ds {
		if on {
			d.Enable()
		} else {
			d.Disable()
		}
	}
}

// SetEntry shows a model value in an entry that may not be on screen yet: the entry gets its
// renderer first, which setValue needs to move the cursor.
func SetEntry(e *CommitEntry, s string) {
	if e.Text == s {
		return
	}
	e.Refresh()
	e.SetValue(s)
}

// CommitEntry is an Entry that reports when the user leaves it and when Ctrl+Enter is pressed,
// so that edits are committed on focus loss as well as on Enter.
type CommitEntry struct {
	widget.Entry
	OnLeave     func()
	OnCtrlEnter func()
}

func NewCommitEntry() *CommitEntry {
	e := &CommitEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// CommitOn makes the entry run commit on Enter and when the user leaves it; it returns the entry.
func (e *CommitEntry) CommitOn(commit func()) *CommitEntry {
	e.OnSubmitted = func(string) { commit() }
	e.OnLeave = commit
	return e
}

// FocusLost commits what was typed.
func (e *CommitEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnLeave != nil {
		e.OnLeave()
	}
}

// AcceptsTab is false also for several-line fields: Tab and Shift+Tab always move to the next or
// previous field, so the keyboard never gets stuck in a note (no tab characters in free texts).
func (e *CommitEntry) AcceptsTab() bool { return false }

// TypedShortcut turns Ctrl+Enter into "new task"; everything else is the Entry's.
func (e *CommitEntry) TypedShortcut(s fyne.Shortcut) {
	if isCtrlEnter(s) {
		if e.OnCtrlEnter != nil {
			e.OnCtrlEnter()
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// AsNote makes e a free-text field: several lines, wrapped, rows lines high (longer texts
// scroll inside it); Enter starts a new line, Shift+Enter submits like Enter elsewhere.
func AsNote(e *CommitEntry, rows int) *CommitEntry {
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// SetValue shows a value from the model. A selection left over from before is dropped first:
// Fyne keeps a collapsed selection across SetText, which then swallows the next typed character.
func (e *CommitEntry) SetValue(s string) {
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

// HeaderCell is a table column header that sorts when tapped and shows the sort direction.
type HeaderCell struct {
	widget.BaseWidget
	label *widget.Label
	icon  *widget.Icon
	onTap func()
	dir   int
	shown bool // dir has been applied once
}

func NewHeaderCell() *HeaderCell {
	h := &HeaderCell{
		label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		icon:  widget.NewIcon(nil),
	}
	h.ExtendBaseWidget(h)
	return h
}

func (h *HeaderCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(NewBorder(nil, nil, nil, h.icon, h.label))
}

// Tapped sorts by this column.
func (h *HeaderCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

// Cursor shows that the header can be clicked.
func (h *HeaderCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Set updates every property a recycled header shows (text already fitted to the column).
// Headers are refreshed on every scroll step, so unchanged parts are left alone.
func (h *HeaderCell) Set(text string, dir int, onTap func()) {
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

// WeightedRow lays out its objects side by side: each gets its minimum width, and the space left
// over is shared by weight (weight 0 keeps the minimum).
type WeightedRow struct {
	Weights []float32
	Min     []float32
}

func (w *WeightedRow) width(i int, o fyne.CanvasObject) float32 {
	m := o.MinSize().Width
	if i < len(w.Min) && w.Min[i] > m {
		m = w.Min[i]
	}
	return m
}

func (w *WeightedRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
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

func (w *WeightedRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	extra := size.Width - w.MinSize(objs).Width // negative when the row is too narrow
	var total float32
	for i, o := range objs {
		if o.Visible() && i < len(w.Weights) {
			total += w.Weights[i]
		}
	}
	x := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		wd := w.width(i, o)
		if total > 0 && i < len(w.Weights) {
			// Extra room is shared by weight; a shortfall is taken from the same fields, down to
			// a width that still shows a few characters.
			wd = max(wd+extra*w.Weights[i]/total, min(wd, minFieldWidth))
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(wd, size.Height))
		x += wd + pad
	}
}

const minFieldWidth = 60

// Labelled puts a small caption above a field.
func Labelled(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(caption)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return NewBorder(l, nil, nil, nil, field)
}
