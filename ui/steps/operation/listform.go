package operation

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// listForm is what the tabs of step 11 share: one list of the project in a table (beside its
// findings), buttons above it and a form below for the row picked. The form's fields work only
// on a picked row of a writable project.
type listForm[T any] struct {
	ed         *structureEditor
	items      []T
	idOf       func(item *T) int64
	table      *table
	findings   *kit.Findings // nil: the tab has no findings
	btns       buttons
	formID     int64
	formFields []fyne.Disableable
	// fill shows item in the form, or empties the form for nil; on tells whether it may be edited.
	fill    func(item *T, on bool)
	content fyne.CanvasObject
}

// init wires the tab's list to its editor: the table with cols, whose cells cell gives, the form
// fill shows, and the findings beside the table, whose entries run jump (none when jump is nil).
func (l *listForm[T]) init(ed *structureEditor, idOf func(item *T) int64, cell func(row, col int) (string, widget.Importance),
	fill func(item *T, on bool), jump func(f domain.Finding), cols []col) {
	l.ed, l.idOf, l.fill = ed, idOf, fill
	l.table = newTable(cols, cell, l.pick)
	if jump != nil {
		l.findings = newFindings("structure.findings", jump)
	}
}

// layout puts the toolbar above the table and its findings, and below the form.
func (l *listForm[T]) layout(toolbar fyne.CanvasObject, below ...fyne.CanvasObject) {
	var center fyne.CanvasObject = l.table.view()
	if l.findings != nil {
		center = withSide(center, l.findings.Content, 0.72)
	}
	l.content = kit.NewBorder(container.NewHScroll(toolbar),
		container.NewVBox(append([]fyne.CanvasObject{widget.NewSeparator()}, below...)...), nil, nil, center)
}

// show lists items (in their order) and loads the picked one into the form again.
func (l *listForm[T]) show(items []T) {
	l.items = items
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = l.idOf(&items[i])
	}
	l.table.setIDs(ids)
	l.btns.enable(!l.ed.sess().ReadOnly())
	l.load()
}

// current is the item the form shows, or nil.
func (l *listForm[T]) current() *T {
	for i := range l.items {
		if l.idOf(&l.items[i]) == l.formID {
			return &l.items[i]
		}
	}
	return nil
}

func (l *listForm[T]) pick(id int64) {
	l.formID = id
	l.table.pick(id)
	l.load()
}

func (l *listForm[T]) load() {
	item := l.current()
	on := item != nil && !l.ed.sess().ReadOnly()
	kit.SetEnabled(on, l.formFields...)
	if item == nil {
		l.formID = 0
		l.table.selected = 0
	}
	l.fill(item, on)
	if c, ok := l.content.(*fyne.Container); ok {
		// A picked item can change the form's height (the attendee list grows by a row per
		// person): lay the form out again, or its rows draw over each other.
		c.Refresh()
	}
}

// commit applies change to a copy of the picked item and saves it unless nothing changed; a
// refused change shows the stored values again.
func (l *listForm[T]) commit(change func(next *T), same func(a, b *T) bool, save func(T) (int64, error)) {
	item := l.current()
	if item == nil {
		return
	}
	next := *item
	change(&next)
	if same(&next, item) {
		return
	}
	if _, err := save(next); err != nil {
		l.ed.ctx.Report(err)
		l.load()
	}
}

// jump picks the row a finding is about.
func (l *listForm[T]) jump(f domain.Finding) {
	if f.EntityID != 0 {
		l.pick(f.EntityID)
	}
}

// apply runs a session command on the picked row (delete, move) and reports its error.
func (l *listForm[T]) apply(cmd func(id int64) error) {
	if item := l.current(); item != nil {
		l.ed.ctx.Report(cmd(l.idOf(item)))
	}
}

// added returns what to do with the answer of saving a new row: pick the row and put the cursor
// into focusOn (may be nil), or report the refusal.
func (l *listForm[T]) added(focusOn *kit.CommitEntry) func(id int64, err error) {
	return func(id int64, err error) {
		if err != nil {
			l.ed.ctx.Report(err)
			return
		}
		l.pick(id)
		if focusOn != nil {
			focus(l.ed.ctx.Window, focusOn)
		}
	}
}
