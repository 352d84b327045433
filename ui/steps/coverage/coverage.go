// Package coverage holds the editor of step 4 (coverage).
package coverage

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/raci"
)

// coverageEditor is step 4 (Bedarfsdeckung intern/extern): the table of Abb. 8 with each task's
// state in the legend's colours and its new responsible party, a form for the selected task,
// the workload per person before and after, and the open questions.
type coverageEditor struct {
	ctx *kit.Context

	rows     []int64 // task ids in row order
	table    *kit.Sheet
	selected int64

	taskName *widget.Label
	hint     *widget.Label
	states   *widget.RadioGroup
	newResp  *respEntry
	extBtn   *widget.Button
	loading  bool

	work      *kit.Sheet
	workRows  []domain.WorkloadRow
	workSel   int
	defLimit  *kit.CommitEntry
	rowLimit  *kit.CommitEntry
	rowLabel  *widget.Label
	summary   *widget.Label
	questions *kit.Findings

	View *kit.EditorView
}

var coverageColumns = []kit.SheetColumn{
	{Title: "cov.col.state", Width: 120, Grow: 1.5, Whole: true},
	{Title: "board.col.task", Width: 140, Grow: 3},
	{Title: "board.col.package", Width: 90, Grow: 1.5},
	{Title: "board.col.responsible", Width: 100, Grow: 1.5},
	{Title: "cov.col.new_responsible", Width: 110, Grow: 1.5},
	{Title: "board.col.hours", Width: 56, Align: fyne.TextAlignTrailing},
	{Title: "board.col.note", Width: 80, Grow: 2},
	{Title: "board.col.priority", Width: 80, Grow: 1},
}

var workColumns = []kit.SheetColumn{
	{Title: "cov.work.who", Width: 110, Grow: 3},
	{Title: "cov.work.before", Width: 64, Align: fyne.TextAlignTrailing},
	{Title: "cov.work.after", Width: 64, Align: fyne.TextAlignTrailing},
	{Title: "cov.work.limit", Width: 60, Align: fyne.TextAlignTrailing},
}

// stateLabel is a state's name as the legend writes it.
func stateLabel(c domain.Coverage) string {
	if c == domain.CoverageUnset {
		return lang.L("cov.state.unset")
	}
	return lang.L("cov.state." + string(c))
}

func NewCoverageEditor(ctx *kit.Context) *coverageEditor {
	ed := &coverageEditor{ctx: ctx, workSel: -1}
	ed.table = kit.NewSheet(coverageColumns, func() int { return len(ed.rows) }, ed.cell)
	ed.table.OnSelect = func(row int) { ed.pick(ed.rows[row]) }

	ed.taskName = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.taskName.Truncation = fyne.TextTruncateEllipsis
	ed.hint = widget.NewLabel("")
	ed.hint.Wrapping = fyne.TextWrapWord
	ed.hint.Importance = widget.LowImportance
	var options []string
	for _, c := range domain.CoverageStates {
		options = append(options, stateLabel(c))
	}
	ed.states = widget.NewRadioGroup(options, func(s string) {
		if !ed.loading {
			ed.commit(stateOf(s), ed.newResp.Text)
		}
	})
	ed.newResp = newRespEntry()
	ed.newResp.SetPlaceHolder(lang.L("cov.new_responsible.placeholder"))
	ed.newResp.commit = func() {
		if !ed.loading && ed.selected != 0 {
			t := ed.ctx.Session.Project.TaskByID(ed.selected)
			if t != nil && strings.TrimSpace(ed.newResp.Text) != t.NewResponsible {
				ed.commit(t.Coverage, ed.newResp.Text)
			}
		}
	}
	ed.extBtn = widget.NewButtonWithIcon(domain.ExternalProvider, theme.MailForwardIcon(), func() {
		t := ed.ctx.Session.Project.TaskByID(ed.selected)
		if t == nil {
			return
		}
		c := t.Coverage
		if c == domain.CoverageUnset || c == domain.CoverageKeep {
			c = domain.CoverageChange
			if !domain.HasResponsible(t.Responsible) {
				c = domain.CoverageAssign
			}
		}
		ed.commit(c, domain.ExternalProvider)
	})
	bold := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// Two columns keep the form narrow: the three states one below the other, beside them the
	// new responsible party.
	form := container.NewGridWithColumns(2,
		container.NewVBox(bold("cov.state"), ed.states),
		container.NewVBox(bold("cov.col.new_responsible"), ed.newResp, container.NewHBox(ed.extBtn), ed.hint))
	formBox := container.NewVBox(widget.NewSeparator(), ed.taskName, form)

	ed.work = kit.NewSheet(workColumns, func() int { return len(ed.workRows) }, ed.workCell)
	ed.work.OnSelect = func(row int) {
		ed.workSel, ed.work.Selected = row, row
		ed.work.Refresh()
		ed.loadLimit()
	}
	ed.defLimit = kit.NewCommitEntry()
	ed.defLimit.SetPlaceHolder(lang.L("cov.limit.none"))
	ed.defLimit.CommitOn(ed.commitDefault)
	ed.rowLimit = kit.NewCommitEntry()
	ed.rowLimit.SetPlaceHolder(lang.L("cov.limit.default"))
	ed.rowLimit.CommitOn(ed.commitRow)
	ed.rowLabel = widget.NewLabel(lang.L("cov.limit.pick"))
	ed.rowLabel.Truncation = fyne.TextTruncateEllipsis
	limits := widget.NewForm(
		widget.NewFormItem(lang.L("cov.limit.all"), ed.defLimit),
		widget.NewFormItem(lang.L("cov.limit.row"), kit.NewBorder(ed.rowLabel, nil, nil, nil, ed.rowLimit)),
	)
	workTitle := widget.NewLabelWithStyle(lang.L("cov.work.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	workIntro := widget.NewLabel(lang.L("cov.work.intro"))
	workIntro.Wrapping = fyne.TextWrapWord
	workIntro.Importance = widget.LowImportance
	workBox := kit.NewBorder(container.NewVBox(workTitle, workIntro), limits, nil, nil, ed.work.View())

	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 2, OnTap: ed.jumpTo})
	side := container.NewVSplit(workBox, ed.questions.Content)
	side.Offset = 0.62

	ed.summary = widget.NewLabel("")
	ed.summary.Truncation = fyne.TextTruncateEllipsis
	var left *fyne.Container
	left = kit.NewBorder(legend(func() {
		if left != nil {
			left.Refresh()
		}
	}), container.NewVBox(ed.summary, formBox), nil, nil, ed.table.View())
	ed.View = kit.NewEditorView(kit.WithSide(left, side, 330, 0.7), ctx.Session.Subscribe(ed.refresh))
	if ctx.Session.ReadOnly() {
		ed.states.Disable()
		ed.newResp.Disable()
		ed.extBtn.Disable()
		ed.defLimit.Disable()
		ed.rowLimit.Disable()
	}
	ed.refresh()
	return ed
}

func stateOf(label string) domain.Coverage {
	for _, c := range domain.CoverageStates {
		if stateLabel(c) == label {
			return c
		}
	}
	return domain.CoverageUnset
}

// legend shows the three states in their colours, as the seed's legend does.
// legend names the states beside their colours; it wraps onto a second line rather than
// cutting a name (relayout lays out the container around it again).
func legend(relayout func()) fyne.CanvasObject {
	box := raci.NewFlow(relayout, widget.NewLabelWithStyle(lang.L("cov.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, c := range domain.CoverageStates {
		sw := canvas.NewRectangle(kit.ColorOf(domain.CoverageColor(c), 1))
		sw.SetMinSize(fyne.NewSize(18, 18))
		sw.CornerRadius = 3
		box.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(stateLabel(c))))
	}
	return box
}

func (ed *coverageEditor) refresh() {
	p := ed.ctx.Session.Project
	ed.rows = ed.rows[:0]
	for _, g := range domain.GroupByPackage(p) {
		for _, t := range g.Tasks {
			ed.rows = append(ed.rows, t.ID)
		}
	}
	if ed.selected != 0 && p.TaskByID(ed.selected) == nil {
		ed.selected = 0
	}
	if ed.selected == 0 && len(ed.rows) > 0 {
		ed.selected = ed.rows[0]
	}
	ed.table.Selected = ed.rowOf(ed.selected)
	ed.table.Refresh()
	ed.workRows = domain.Workload(p)
	if ed.workSel >= len(ed.workRows) {
		ed.workSel = -1
	}
	ed.work.Selected = ed.workSel
	ed.work.Refresh()
	n := domain.CoverageCounts(p)
	ed.summary.SetText(lang.L("cov.summary", map[string]any{
		"Keep": n[domain.CoverageKeep], "Change": n[domain.CoverageChange], "Assign": n[domain.CoverageAssign],
		"Open": n[domain.CoverageUnset], "External": kit.FormatNumber(domain.ExternalHours(p)),
	}))
	ed.questions.Set(domain.CoverageFindings(ed.ctx.Session.Project))
	ed.newResp.SetOptions(domain.ResponsibleSuggestions(p))
	ed.load()
	ed.loadLimit()
}

func (ed *coverageEditor) rowOf(id int64) int {
	for i, x := range ed.rows {
		if x == id {
			return i
		}
	}
	return -1
}

// pick selects a task: its row is highlighted and the form shows it.
func (ed *coverageEditor) pick(id int64) {
	ed.selected = id
	ed.table.Selected = ed.rowOf(id)
	ed.table.Refresh()
	if r := ed.table.Selected; r >= 0 {
		ed.table.Table.ScrollTo(widget.TableCellID{Row: r, Col: 0})
	}
	ed.load()
}

// load shows the selected task in the form.
func (ed *coverageEditor) load() {
	ed.loading = true
	defer func() { ed.loading = false }()
	t := ed.ctx.Session.Project.TaskByID(ed.selected)
	if t == nil {
		ed.taskName.SetText(lang.L("cov.pick"))
		ed.states.SetSelected("")
		ed.newResp.SetText("")
		ed.hint.SetText("")
		return
	}
	ed.taskName.SetText(t.Name)
	if t.Coverage == domain.CoverageUnset {
		ed.states.SetSelected("")
	} else {
		ed.states.SetSelected(stateLabel(t.Coverage))
	}
	if t.Coverage == domain.CoverageKeep {
		ed.newResp.SetText(t.Responsible)
		ed.newResp.Disable()
	} else {
		if ed.newResp.Text != t.NewResponsible {
			ed.newResp.SetText(t.NewResponsible)
		}
		if !ed.ctx.Session.ReadOnly() {
			ed.newResp.Enable()
		}
	}
	switch {
	case !domain.HasResponsible(t.Responsible):
		ed.hint.SetText(lang.L("cov.hint.nobody"))
	case t.Coverage == domain.CoverageUnset:
		ed.hint.SetText(lang.L("cov.hint.decide", map[string]any{"Name": t.Responsible}))
	default:
		ed.hint.SetText(lang.L("cov.hint.now", map[string]any{"Name": t.Responsible}))
	}
}

// commit stores state and new responsible for the selected task; a refused value is reported
// and the form shows the stored state again.
func (ed *coverageEditor) commit(c domain.Coverage, newResp string) {
	if ed.selected == 0 {
		return
	}
	if err := ed.ctx.Session.SetCoverage([]int64{ed.selected}, c, newResp); err != nil {
		ed.ctx.Report(err)
		ed.load()
	}
}

func (ed *coverageEditor) cell(row, col int) kit.SheetCell {
	p := ed.ctx.Session.Project
	t := p.TaskByID(ed.rows[row])
	if t == nil {
		return kit.SheetCell{}
	}
	hex := domain.CoverageColor(t.Coverage)
	c := kit.SheetCell{Fill: kit.ColorOf(hex, 0.16)}
	switch col {
	case 0:
		c.Text, c.Bold, c.Fill = stateLabel(t.Coverage), true, kit.ColorOf(hex, 0.5)
		if t.Coverage == domain.CoverageUnset {
			c.Imp = widget.WarningImportance
		}
	case 1:
		c.Text = t.Name
	case 2:
		c.Text = domain.PackageName(p, *t)
		if c.Text == "" {
			c.Text = lang.L("board.pile.group")
			c.Imp = widget.LowImportance
		}
	case 3:
		c.Text = t.Responsible
		if !domain.HasResponsible(t.Responsible) {
			c.Imp = widget.WarningImportance
			if c.Text == "" {
				c.Text = lang.L("steps.missing")
			}
		}
	case 4:
		switch {
		case t.Coverage == domain.CoverageKeep:
			c.Text = t.Responsible
		case t.NewResponsible != "":
			c.Text = t.NewResponsible
			c.Bold = true
		case t.Coverage != domain.CoverageUnset:
			c.Text, c.Imp = lang.L("steps.missing"), widget.WarningImportance
		}
	case 5:
		c.Text = kit.HoursText(*t, p.Settings)
	case 6:
		c.Text = t.Note
	case 7:
		c.Text = kit.PriorityText(t.Priority, p.Settings.PriorityMode)
	}
	return c
}

func (ed *coverageEditor) workCell(row, col int) kit.SheetCell {
	r := ed.workRows[row]
	var c kit.SheetCell
	if r.OverAfter() {
		c.Fill = kit.ColorOf(domain.CoverageColor(domain.CoverageAssign), 0.22)
	}
	switch col {
	case 0:
		c.Text = r.Responsible
		if c.Text == "" {
			c.Text = lang.L("fig.no_responsible")
		}
		if r.OverAfter() {
			c.Text = lang.L("cov.work.overloaded", map[string]any{"Name": c.Text})
			c.Imp, c.Bold = widget.DangerImportance, true
		}
	case 1:
		c.Text = kit.FormatNumber(r.Before)
		if r.OverBefore() {
			// Not by colour alone: the mark says "over the limit" too.
			c.Text += " !"
			c.Imp, c.Bold = widget.WarningImportance, true
		}
	case 2:
		c.Text = kit.FormatNumber(r.After)
		if r.OverAfter() {
			c.Text += " !"
			c.Imp, c.Bold = widget.DangerImportance, true
		}
	case 3:
		switch {
		case r.External:
			c.Text = lang.L("cov.limit.contract")
		case r.HasLimit:
			c.Text = kit.FormatNumber(r.Limit)
		default:
			c.Text = "–"
		}
	}
	return c
}

// loadLimit shows the default limit and the chosen row's own limit.
func (ed *coverageEditor) loadLimit() {
	w := domain.WorkloadSettingsOf(ed.ctx.Session.Project)
	def := ""
	if w.DefaultLimit > 0 {
		def = kit.FormatValue(w.DefaultLimit)
	}
	kit.SetEntry(ed.defLimit, def)
	if ed.workSel < 0 || ed.workSel >= len(ed.workRows) || ed.workRows[ed.workSel].Responsible == "" || ed.workRows[ed.workSel].External {
		ed.rowLabel.SetText(lang.L("cov.limit.pick"))
		kit.SetEntry(ed.rowLimit, "")
		ed.rowLimit.Disable()
		return
	}
	name := ed.workRows[ed.workSel].Responsible
	ed.rowLabel.SetText(name)
	own := ""
	for n, v := range w.Limits {
		if domain.NormalizedName(n) == domain.NormalizedName(name) {
			own = kit.FormatValue(v)
		}
	}
	kit.SetEntry(ed.rowLimit, own)
	if !ed.ctx.Session.ReadOnly() {
		ed.rowLimit.Enable()
	}
}

// parseLimit reads a limit; empty means none.
func parseLimit(s string) (float64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return kit.ParseNumber(s)
}

func (ed *coverageEditor) commitDefault() {
	v, err := parseLimit(ed.defLimit.Text)
	if err != nil {
		ed.ctx.Report(err)
		ed.loadLimit()
		return
	}
	w := domain.WorkloadSettingsOf(ed.ctx.Session.Project)
	if w.DefaultLimit == v {
		return
	}
	w.DefaultLimit = v
	if err := ed.ctx.Session.SetWorkloadSettings(w); err != nil {
		ed.ctx.Report(err)
		ed.loadLimit()
	}
}

func (ed *coverageEditor) commitRow() {
	if ed.workSel < 0 || ed.workSel >= len(ed.workRows) || ed.rowLimit.Disabled() {
		return
	}
	v, err := parseLimit(ed.rowLimit.Text)
	if err != nil {
		ed.ctx.Report(err)
		ed.loadLimit()
		return
	}
	name := ed.workRows[ed.workSel].Responsible
	w := domain.WorkloadSettingsOf(ed.ctx.Session.Project)
	next := w.WithLimit(name, v)
	if next.JSON() == w.JSON() {
		return
	}
	if err := ed.ctx.Session.SetWorkloadSettings(next); err != nil {
		ed.ctx.Report(err)
		ed.loadLimit()
	}
}

// respEntry is the new-responsible field: suggestions in its list, committed on Enter, when the
// user leaves it and when a suggestion is picked.
type respEntry struct {
	widget.SelectEntry
	commit  func()
	options []string
}

func newRespEntry() *respEntry {
	e := &respEntry{}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	e.OnChanged = func(s string) {
		for _, o := range e.options {
			if o == s { // a picked suggestion (or a name typed in full)
				e.commit()
				return
			}
		}
	}
	return e
}

// SetOptions keeps the suggestions for recognising a pick.
func (e *respEntry) SetOptions(o []string) {
	e.options = o
	e.SelectEntry.SetOptions(o)
}

// FocusLost commits what was typed.
func (e *respEntry) FocusLost() {
	e.SelectEntry.FocusLost()
	if e.commit != nil {
		e.commit()
	}
}

// --- open questions of step 4 ---

// jumpTo selects what a question is about: its task (the cursor goes to the new responsible
// when that is missing) or, for an overloaded person, the workload row to set a limit.
func (ed *coverageEditor) jumpTo(f domain.Finding) {
	if f.EntityID != 0 {
		ed.pick(f.EntityID)
		if w := ed.ctx.Window; w != nil && f.Code == domain.FindNoNewResponsible {
			w.Canvas().Focus(ed.newResp)
		}
		return
	}
	for j, r := range ed.workRows {
		if r.Responsible == f.Subject {
			ed.workSel = j
			ed.work.Selected = j
			ed.work.Refresh()
			ed.loadLimit()
		}
	}
}
