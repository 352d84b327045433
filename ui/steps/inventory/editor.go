// Package inventory holds the task editor of steps 1 (task inventory) and 2 (needs).
package inventory

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// editorConfig is what distinguishes the task editors of steps 1 and 2.
type editorConfig struct {
	step     domain.StepID
	cols     []gridColumn
	needs    bool   // the form has the fields of step 2
	newLabel string // translation key of the "new task" button
	newIsNew bool   // a task added here is a future need
	// summary is the line under the table; side is shown under the open questions (may be nil).
	summary func(ed *taskEditor) string
	side    func(ed *taskEditor) (obj fyne.CanvasObject, refresh func())
	// sideTop is shown above the open questions (may be nil).
	sideTop func(ed *taskEditor) (obj fyne.CanvasObject, refresh func())
}

// taskEditor is the editor of steps 1 and 2: toolbar with filter, the task table, the open
// questions beside it and the form of the selected task below. All state that matters is in the
// session; the editor redraws from it after every change.
type taskEditor struct {
	ctx *kit.Context
	cfg editorConfig

	grid      *taskGrid
	form      *taskForm
	questions *kit.Findings
	filter    *kit.CommitEntry
	summary   *widget.Label
	newBtn    *widget.Button
	modeRadio *widget.RadioGroup // step 2 only

	toolbar   *fyne.Container
	undoBar   *fyne.Container
	undoLabel *widget.Label
	undoBtn   *widget.Button
	undoID    int64 // the task whose deletion the undo bar offers to revert

	refreshers []func()
	View       *kit.EditorView
}

func (ed *taskEditor) sess() *session.Session { return ed.ctx.Session }

func newTaskEditor(ctx *kit.Context, cfg editorConfig) *taskEditor {
	ed := &taskEditor{ctx: ctx, cfg: cfg}
	ed.grid = newTaskGrid(ctx.Session, cfg.cols)
	ed.grid.onPick = func(id int64, col int) { ed.pick(id, ed.grid.fieldOf(col)) }
	ed.form = newTaskForm(ed, cfg.needs)
	ed.questions = newQuestions(ed)

	ed.filter = kit.NewCommitEntry()
	ed.filter.SetPlaceHolder(lang.L("steps.filter.placeholder"))
	ed.filter.OnChanged = func(s string) { ed.grid.setFilter(s); ed.updateSummary() }
	ed.filter.OnCtrlEnter = ed.startNew
	ed.filter.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { ed.filter.SetText("") })

	ed.newBtn = widget.NewButtonWithIcon(lang.L(cfg.newLabel), theme.ContentAddIcon(), ed.startNew)
	ed.undoLabel = widget.NewLabel("")
	ed.undoBtn = widget.NewButtonWithIcon(lang.L("steps.undo"), theme.ContentUndoIcon(), ed.undoDelete)
	ed.undoBar = container.NewHBox(ed.undoLabel, ed.undoBtn)
	ed.undoBar.Hide()

	ed.toolbar = kit.NewBorder(nil, nil, ed.newBtn, ed.undoBar, ed.filter)

	ed.summary = widget.NewLabel("")
	ed.summary.Truncation = fyne.TextTruncateEllipsis
	// The table has no natural height; this keeps it usable even in a scrolling page.
	tableMin := canvas.NewRectangle(kit.Transparent)
	tableMin.SetMinSize(fyne.NewSize(320, 150))
	tableArea := kit.NewBorder(nil, ed.summary, nil, nil, container.New(kit.SizedLayout{S: ed.grid.sizer}, tableMin, ed.grid.table))

	var sideContent fyne.CanvasObject = ed.questions.Content
	if cfg.side != nil {
		obj, refresh := cfg.side(ed)
		ed.refreshers = append(ed.refreshers, refresh)
		split := container.NewVSplit(ed.questions.Content, obj)
		split.Offset = 0.6
		sideContent = split
	}
	if cfg.sideTop != nil {
		obj, refresh := cfg.sideTop(ed)
		ed.refreshers = append(ed.refreshers, refresh)
		sideContent = kit.NewBorder(container.NewVBox(obj, widget.NewSeparator()), nil, nil, nil, sideContent)
	}
	main := kit.WithSide(tableArea, sideContent, 260, 0.74)

	body := kit.NewBorder(ed.toolbar, container.NewVBox(widget.NewSeparator(), ed.form.content), nil, nil, main)
	ed.View = kit.NewEditorView(body, ctx.Session.Subscribe(ed.changed))
	if ctx.Session.ReadOnly() {
		ed.newBtn.Disable()
	}
	ed.refresh()
	return ed
}

// changed follows every edit, undo and redo of the session.
func (ed *taskEditor) changed() {
	ed.showUndo(false)
	ed.refresh()
}

// showUndo shows or hides the offer to undo a deletion; the toolbar is laid out again.
func (ed *taskEditor) showUndo(on bool) {
	if ed.undoBar.Visible() == on {
		return
	}
	if on {
		ed.undoBar.Show()
	} else {
		ed.undoBar.Hide()
	}
	ed.toolbar.Refresh()
}

func (ed *taskEditor) refresh() {
	ed.grid.refresh()
	ed.form.load()
	if ed.form.id == 0 && ed.grid.selected != 0 {
		ed.grid.setSelected(0) // the selected task is gone
	}
	ed.refreshQuestions()
	for _, r := range ed.refreshers {
		r()
	}
	ed.updateSummary()
}

func (ed *taskEditor) updateSummary() {
	if ed.cfg.summary != nil {
		ed.summary.SetText(ed.cfg.summary(ed))
	}
}

// pick selects a task: the form shows it, its row is highlighted and scrolled to, and the
// cursor goes to the field the user aimed at.
func (ed *taskEditor) pick(id int64, field formField) {
	if !ed.form.bind(id) {
		return
	}
	if ed.grid.rowOf(id) < 0 && ed.filter.Text != "" {
		ed.filter.SetText("") // the filter hid it
	}
	ed.grid.setSelected(id)
	ed.focus(field)
}

// focus puts the cursor into a form field. It runs after the current tap has been handled,
// because the table takes the focus itself once its OnSelected returns.
func (ed *taskEditor) focus(field formField) {
	w := ed.form.widgetFor(field)
	if w == nil || ed.ctx.Window == nil {
		return
	}
	if d, ok := w.(fyne.Disableable); ok && d.Disabled() {
		return
	}
	c := ed.ctx.Window.Canvas()
	fyne.Do(func() {
		c.Focus(w)
		if e, ok := w.(*kit.CommitEntry); ok {
			e.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces, as in a spreadsheet
		}
	})
}

// startNew empties the form for a new task and puts the cursor into its name.
func (ed *taskEditor) startNew() {
	if ed.sess().ReadOnly() {
		return
	}
	if ed.form.id == 0 && ed.form.name.Text != "" {
		ed.form.add()
	} else if !ed.form.bind(0) {
		return
	}
	ed.grid.setSelected(0)
	ed.focus(fieldName)
}

// added scrolls to a task just created from the form.
func (ed *taskEditor) added(id int64) {
	if r := ed.grid.rowOf(id); r >= 0 {
		ed.grid.table.ScrollTo(widget.TableCellID{Row: r, Col: 0})
	}
	ed.focus(fieldName)
}

// deleteSelected deletes the task in the form and offers to undo it right away.
func (ed *taskEditor) deleteSelected() {
	t := ed.form.task()
	if t == nil {
		return
	}
	id, name := t.ID, t.Name
	if err := ed.sess().DeleteTask(id); err != nil {
		ed.ctx.Report(err)
		return
	}
	ed.undoID = id
	ed.undoLabel.SetText(lang.L("steps.deleted", map[string]any{"Name": name}))
	ed.showUndo(true)
}

// undoDelete reverts the deletion the undo bar offers and selects the task again.
func (ed *taskEditor) undoDelete() {
	if err := ed.sess().Undo(); err != nil {
		ed.ctx.Report(err)
		return
	}
	if ed.sess().Project.TaskByID(ed.undoID) != nil {
		ed.pick(ed.undoID, fieldNone)
	}
}
