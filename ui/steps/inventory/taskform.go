package inventory

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// taskForm edits one task: the selected row, or a new task being typed (id 0). Every field of a
// selected task is committed through the session when the user presses Enter or leaves it;
// invalid input is reported and the field falls back to the stored value.
type taskForm struct {
	ed       *taskEditor
	id       int64 // the task being edited; 0 while a new task is typed
	loading  bool  // set while fields are filled from the model, so their callbacks stay quiet
	lastUnit domain.EffortUnit
	newIsNew bool // whether "Neu" starts checked for a new task

	title                                      *widget.Label
	name, responsible, effort, note, validFrom *kit.CommitEntry
	unit, priority                             *widget.Select
	hours                                      *widget.Label
	isNew, critical                            *widget.Check
	addBtn, deleteBtn                          *widget.Button

	content fyne.CanvasObject
}

func newTaskForm(ed *taskEditor, needs bool) *taskForm {
	f := &taskForm{ed: ed, lastUnit: domain.HoursPerMonth, newIsNew: ed.cfg.newIsNew}
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.Truncation = fyne.TextTruncateEllipsis

	f.name = f.newEntry()
	f.responsible = f.newEntry()
	f.effort = f.newEntry()
	f.effort.SetPlaceHolder(lang.L("steps.effort.placeholder"))
	f.effort.OnChanged = func(string) { f.preview() }
	// The note is free text: several lines, wrapped; Enter starts a new line, Shift+Enter
	// stores it like Enter in the other fields.
	f.note = kit.AsNote(f.newEntry(), 2)

	units := make([]string, len(domain.EffortUnits))
	for i, u := range domain.EffortUnits {
		units[i] = kit.UnitLabel(u)
	}
	f.unit = widget.NewSelect(units, nil)
	f.unit.SetSelectedIndex(0)
	f.unit.OnChanged = func(string) { f.unitChanged() }
	f.hours = widget.NewLabel("")
	f.hours.Truncation = fyne.TextTruncateEllipsis

	f.addBtn = widget.NewButtonWithIcon(lang.L("steps.add.confirm"), theme.ContentAddIcon(), func() { f.add() })
	f.addBtn.Importance = widget.HighImportance
	f.deleteBtn = widget.NewButtonWithIcon(lang.L("steps.delete"), theme.DeleteIcon(), func() { ed.deleteSelected() })

	line1 := container.New(&kit.WeightedRow{
		Weights: []float32{3, 2, 0, 0, 0, 3, 0},
		Min:     []float32{160, 140, 80, 0, 100, 120, 0},
	},
		kit.Labelled(lang.L("steps.col.name"), f.name),
		kit.Labelled(lang.L("steps.col.responsible"), f.responsible),
		kit.Labelled(lang.L("steps.col.effort"), f.effort),
		kit.Labelled(lang.L("steps.col.unit"), f.unit),
		kit.Labelled(lang.L("steps.col.hours"), f.hours),
		kit.Labelled(lang.L("steps.col.note"), f.note),
		kit.Labelled(" ", container.NewStack(f.addBtn, f.deleteBtn)),
	)
	rows := []fyne.CanvasObject{f.title, line1}
	if needs {
		f.isNew = widget.NewCheck(lang.L("steps.field.new"), func(b bool) { f.newChanged(b) })
		f.validFrom = f.newEntry()
		f.validFrom.SetPlaceHolder(lang.L("steps.date.placeholder"))
		f.priority = widget.NewSelect(kit.PriorityOptions(domain.PriorityRanking), func(string) { f.priorityChanged() })
		f.critical = widget.NewCheck(lang.L("steps.field.critical"), func(b bool) { f.criticalChanged(b) })
		line2 := container.New(&kit.WeightedRow{
			Weights: []float32{0, 0, 0, 0, 1},
			Min:     []float32{90, 130, 210, 130, 0},
		},
			kit.Labelled(" ", f.isNew),
			kit.Labelled(lang.L("steps.col.valid_from"), f.validFrom),
			kit.Labelled(lang.L("steps.col.priority"), f.priority),
			kit.Labelled(" ", f.critical),
			widget.NewLabel(""),
		)
		rows = append(rows, line2)
	}
	f.content = container.NewVBox(rows...)
	f.load()
	return f
}

func (f *taskForm) newEntry() *kit.CommitEntry {
	e := kit.NewCommitEntry()
	e.OnSubmitted = func(string) { f.submitted(e) }
	e.OnLeave = func() { f.left(e) }
	e.OnCtrlEnter = func() { f.ed.startNew() }
	return e
}

func (f *taskForm) task() *domain.Task {
	if f.id == 0 {
		return nil
	}
	return f.ed.sess().Project.TaskByID(f.id)
}

func (f *taskForm) mode() domain.PriorityMode { return f.ed.sess().Project.Settings.PriorityMode }

// unitOf is the unit chosen in the select.
func (f *taskForm) unitOf() domain.EffortUnit {
	if i := f.unit.SelectedIndex(); i >= 0 && i < len(domain.EffortUnits) {
		return domain.EffortUnits[i]
	}
	return f.lastUnit
}

// bind shows the task with the id (0: an empty form for a new task). What was typed into the
// previous task is committed first; bind reports false, and stays, when that was refused.
func (f *taskForm) bind(id int64) bool {
	if !f.flush() {
		return false
	}
	f.id = id
	if id == 0 {
		f.clearNew()
	}
	f.load()
	return true
}

// flush commits pending input: the fields of a selected task, or a typed new task that has a name.
func (f *taskForm) flush() bool {
	if f.id == 0 {
		if strings.TrimSpace(f.name.Text) == "" {
			return true
		}
		return f.add()
	}
	ok := true
	for _, e := range f.entries() {
		ok = f.commit(e) && ok
	}
	return ok
}

func (f *taskForm) entries() []*kit.CommitEntry {
	out := []*kit.CommitEntry{f.name, f.responsible, f.effort, f.note}
	if f.validFrom != nil {
		out = append(out, f.validFrom)
	}
	return out
}

// load fills the fields from the model. A new task's typed values are kept.
func (f *taskForm) load() {
	f.loading = true
	defer func() { f.loading = false }()
	t := f.task()
	if f.id != 0 && t == nil {
		f.id = 0 // the task was deleted (or its adding undone)
		f.clearNew()
	}
	ro := f.ed.sess().ReadOnly()
	if f.priority != nil {
		i := f.priority.SelectedIndex()
		f.priority.SetOptions(kit.PriorityOptions(f.mode()))
		if i >= len(f.priority.Options) {
			i = 0
		}
		f.priority.SetSelectedIndex(max(i, 0))
	}
	if t == nil {
		f.title.SetText(lang.L("steps.form.new"))
		f.addBtn.Show()
		f.deleteBtn.Hide()
	} else {
		f.title.SetText(lang.L("steps.form.edit", map[string]any{"Name": t.Name}))
		f.addBtn.Hide()
		f.deleteBtn.Show()
		f.name.SetValue(t.Name)
		f.responsible.SetValue(t.Responsible)
		f.note.SetValue(t.Note)
		if t.Effort != nil {
			f.effort.SetValue(kit.FormatValue(t.Effort.Value))
			f.setUnit(t.Effort.Unit)
		} else {
			f.effort.SetValue("")
			f.setUnit(f.lastUnit)
		}
		if f.isNew != nil {
			f.isNew.SetChecked(t.IsNew)
			if t.ValidFrom != nil {
				f.validFrom.SetValue(t.ValidFrom.String())
			} else {
				f.validFrom.SetValue("")
			}
			f.priority.SetSelectedIndex(kit.PriorityIndex(t.Priority, f.mode()))
			f.critical.SetChecked(t.Critical)
		}
	}
	f.setEnabled(!ro)
	f.preview()
}

func (f *taskForm) setUnit(u domain.EffortUnit) {
	for i, x := range domain.EffortUnits {
		if x == u {
			f.unit.SetSelectedIndex(i)
			return
		}
	}
}

func (f *taskForm) setEnabled(on bool) {
	ws := []fyne.Disableable{f.name, f.responsible, f.effort, f.note, f.unit, f.addBtn, f.deleteBtn}
	if f.isNew != nil {
		ws = append(ws, f.isNew, f.priority, f.critical)
	}
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if f.validFrom != nil {
		if on && f.isNew.Checked {
			f.validFrom.Enable()
		} else {
			f.validFrom.Disable()
		}
	}
}

// clearNew empties the form for the next new task.
func (f *taskForm) clearNew() {
	was := f.loading
	f.loading = true
	defer func() { f.loading = was }()
	for _, e := range f.entries() {
		e.SetValue("")
	}
	f.setUnit(f.lastUnit)
	if f.isNew != nil {
		f.isNew.SetChecked(f.newIsNew)
		f.priority.SetSelectedIndex(0)
		f.critical.SetChecked(false)
	}
}

// preview shows the effort converted to hours per month while it is typed.
func (f *taskForm) preview() {
	e, err := kit.ParseEffort(f.effort.Text, f.unitOf())
	if err != nil || e == nil {
		f.hours.SetText("")
		return
	}
	f.hours.SetText("= " + kit.FormatNumber(e.HoursPerMonth(f.ed.sess().Project.Settings.HoursPerPersonDay)))
}

func (f *taskForm) submitted(e *kit.CommitEntry) {
	if f.id == 0 {
		f.add()
		return
	}
	f.commit(e)
}

func (f *taskForm) left(e *kit.CommitEntry) {
	if f.id != 0 {
		f.commit(e)
	}
}

// commit stores one entry's text into the selected task when it differs from the model.
func (f *taskForm) commit(e *kit.CommitEntry) bool {
	t := f.task()
	if t == nil || f.loading {
		return true
	}
	text := strings.TrimSpace(e.Text)
	switch e {
	case f.name:
		if text == t.Name {
			return true
		}
		return f.update("steps.undo.name", func(x *domain.Task) { x.Name = text })
	case f.responsible:
		if text == t.Responsible {
			return true
		}
		return f.update("steps.undo.responsible", func(x *domain.Task) { x.Responsible = text })
	case f.note:
		if text == strings.TrimSpace(t.Note) {
			return true
		}
		return f.update("steps.undo.note", func(x *domain.Task) { x.Note = text })
	case f.effort:
		return f.commitEffort(t)
	case f.validFrom:
		d, err := kit.ParseDate(text)
		if err != nil {
			return f.fail(err)
		}
		if kit.SameDate(d, t.ValidFrom) {
			return true
		}
		return f.update("steps.undo.valid_from", func(x *domain.Task) { x.ValidFrom = d })
	}
	return true
}

func (f *taskForm) commitEffort(t *domain.Task) bool {
	e, err := kit.ParseEffort(f.effort.Text, f.unitOf())
	if err != nil {
		return f.fail(err)
	}
	if sameEffort(e, t.Effort) {
		return true
	}
	return f.update("steps.undo.effort", func(x *domain.Task) { x.Effort = e })
}

func sameEffort(a, b *domain.Effort) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// update changes the selected task through the session; a refused change is reported and the
// fields show the stored values again.
func (f *taskForm) update(undoName string, change func(*domain.Task)) bool {
	if err := f.ed.sess().UpdateTask(f.id, undoName, change); err != nil {
		return f.fail(err)
	}
	return true
}

func (f *taskForm) fail(err error) bool {
	if f.id != 0 {
		f.load() // back to what is stored, before the message takes the focus
	}
	f.ed.ctx.Report(err)
	return false
}

func (f *taskForm) unitChanged() {
	if f.loading {
		return
	}
	f.lastUnit = f.unitOf()
	f.preview()
	if t := f.task(); t != nil {
		f.commitEffort(t)
	}
}

func (f *taskForm) newChanged(on bool) {
	if f.loading {
		return
	}
	if f.id == 0 {
		f.setEnabled(!f.ed.sess().ReadOnly())
		return
	}
	f.update("steps.undo.new", func(x *domain.Task) {
		x.IsNew = on
		if !on {
			x.ValidFrom = nil // a date only means something for a future task
		}
	})
}

func (f *taskForm) priorityChanged() {
	if f.loading || f.id == 0 {
		return
	}
	i, mode := f.priority.SelectedIndex(), f.mode()
	f.update("steps.undo.priority", func(x *domain.Task) { x.Priority = kit.PriorityFromIndex(x.Priority, i, mode) })
}

func (f *taskForm) criticalChanged(on bool) {
	if f.loading || f.id == 0 {
		return
	}
	f.update("steps.undo.critical", func(x *domain.Task) { x.Critical = on })
}

// add creates the typed new task. The form stays empty for the next one and the new row is
// scrolled into view.
func (f *taskForm) add() bool {
	if f.id != 0 {
		return true
	}
	t := domain.Task{
		Name:        strings.TrimSpace(f.name.Text),
		Responsible: strings.TrimSpace(f.responsible.Text),
		Note:        strings.TrimSpace(f.note.Text),
	}
	e, err := kit.ParseEffort(f.effort.Text, f.unitOf())
	if err != nil {
		f.ed.ctx.Report(err)
		return false
	}
	t.Effort = e
	if f.isNew != nil {
		t.IsNew = f.isNew.Checked
		if t.IsNew {
			d, err := kit.ParseDate(f.validFrom.Text)
			if err != nil {
				f.ed.ctx.Report(err)
				return false
			}
			t.ValidFrom = d
		}
		t.Priority = kit.PriorityFromIndex(domain.Priority{}, f.priority.SelectedIndex(), f.mode())
		t.Critical = f.critical.Checked
	}
	id, err := f.ed.sess().AddTask(t)
	if err != nil {
		f.ed.ctx.Report(err)
		return false
	}
	f.clearNew()
	f.preview()
	f.ed.added(id)
	return true
}

// widgetFor returns the focusable widget of a field, or nil.
func (f *taskForm) widgetFor(ff formField) fyne.Focusable {
	switch ff {
	case fieldName:
		return f.name
	case fieldResponsible:
		return f.responsible
	case fieldEffort:
		return f.effort
	case fieldUnit:
		return f.unit
	case fieldNote:
		return f.note
	}
	if f.isNew == nil {
		return nil
	}
	switch ff {
	case fieldNew:
		return f.isNew
	case fieldValidFrom:
		return f.validFrom
	case fieldPriority:
		return f.priority
	case fieldCritical:
		return f.critical
	}
	return nil
}
