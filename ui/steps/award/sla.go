// Package award holds the editors of steps 7 (SLA), 8 (tender) and 9 (contract).
package award

import (
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// SlaActions are the menu actions of sla.go.
var SlaActions = []kit.Action{
	kit.Action{Step: domain.StepSLA, Label: "award.action.import_ferien", Run: showFerienImport},
}

// slaEditor is step 7 (Leistungsvereinbarung vorbereiten): the SLAs on the left, the selected
// one's service hours, priority classes and other targets in tabs, the Ferien and holidays, the
// service level per package beside its cost, and the open questions on the right.
type slaEditor struct {
	editor

	slas     []domain.SLA // the chooser's entries: working SLAs, then the frozen copies
	selected int64
	chooser  *widget.Select
	addBtn   *widget.Button
	olaBtn   *widget.Button
	dupBtn   *widget.Button
	delBtn   *widget.Button

	frozenNote *widget.Label
	name       *kit.CommitEntry
	scope      *widget.Select
	scopeIDs   []*int64
	days       [7]*kit.CommitEntry // Monday first: index 0 = Monday … 6 = Sunday
	publicStop *widget.Check
	ferienStop *widget.Check
	perWeek    *widget.Label

	classBox   *fyne.Container
	classRows  []*classRow
	classesFor int64 // the SLA whose classes the rows show
	addClass   *widget.Button

	hotlinePct, hotlineWait, satisfaction *kit.NumberField
	cadence                               *widget.Select

	ferien     *kit.InfoTable
	ferienDel  *widget.Button
	ferienAll  *widget.Button
	publicYear *widget.Select
	public     *kit.InfoTable
	probe      *clockProbe

	levels *kit.InfoTable

	tabs      *container.AppTabs
	tabClass  *container.TabItem
	tabHours  *container.TabItem
	tabFerien *container.TabItem
	clockPart fyne.CanvasObject
}

func NewSLAEditor(ctx *kit.Context) *slaEditor {
	ed := &slaEditor{editor: editor{ctx: ctx}}
	left := ed.buildList()
	ed.tabHours = container.NewTabItem(lang.L("award.tab.hours"), ed.buildHours())
	ed.tabClass = container.NewTabItem(lang.L("award.tab.classes"), ed.buildClasses())
	tabTargets := container.NewTabItem(lang.L("award.tab.targets"), ed.buildTargets())
	ed.tabFerien = container.NewTabItem(lang.L("award.tab.calendar"), ed.buildCalendar())
	tabClock := container.NewTabItem(lang.L("award.tab.clock"), ed.clockPart)
	tabLevels := container.NewTabItem(lang.L("award.tab.levels"), ed.buildLevels())
	ed.tabs = container.NewAppTabs(ed.tabHours, ed.tabClass, tabTargets, ed.tabFerien, tabClock, tabLevels)

	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 3, OnTap: ed.jump})
	main := kit.WithSide(kit.NewBorder(left, nil, nil, nil, ed.tabs), ed.questions.Content, 200, 0.78)
	ed.View = kit.NewEditorView(main, ctx.Session.Subscribe(ed.refresh))
	if ws := domain.WorkingSLAs(ctx.Session.Project); len(ws) > 0 {
		ed.selected = ws[0].ID
	}
	ed.refresh()
	return ed
}

// --- the list of SLAs ---

func (ed *slaEditor) buildList() fyne.CanvasObject {
	ed.chooser = widget.NewSelect(nil, func(string) {
		i := ed.chooser.SelectedIndex()
		if i < 0 || i >= len(ed.slas) || ed.loading {
			return
		}
		ed.selected = ed.slas[i].ID
		ed.refresh()
	})
	ed.addBtn = widget.NewButtonWithIcon(lang.L("award.sla.add"), theme.ContentAddIcon(), ed.addSLA)
	ed.dupBtn = widget.NewButtonWithIcon(lang.L("award.sla.copy"), theme.ContentCopyIcon(), ed.copySLA)
	ed.olaBtn = widget.NewButtonWithIcon(lang.L("award.ola.add"), theme.ContentAddIcon(), ed.addOLA)
	ed.delBtn = widget.NewButtonWithIcon("", theme.DeleteIcon(), ed.deleteSLA)
	return kit.NewBorder(nil, nil, kit.Heading(lang.L("award.sla.list")), container.NewHBox(ed.addBtn, ed.olaBtn, ed.dupBtn, ed.delBtn), ed.chooser)
}

// chooserText names an SLA in the chooser: name, scope, and whether it is the contract's copy.
func (ed *slaEditor) chooserText(s domain.SLA) string {
	text := s.Name + " – " + ed.scopeText(s)
	if s.FrozenForContract {
		text += " (" + lang.L("award.sla.frozen_badge") + ")"
	}
	if s.Internal {
		text += " (" + lang.L("sla.ola.short") + ")"
	}
	return text
}

func (ed *slaEditor) scopeText(s domain.SLA) string {
	if s.PackageID == nil {
		return lang.L("award.scope.general_short")
	}
	if pk := ed.sess().Project.PackageByID(*s.PackageID); pk != nil {
		return pk.Name
	}
	return lang.L("award.scope.gone")
}

// freeScope is the first scope without a working SLA: the general one, else a package.
func (ed *slaEditor) freeScope() (*int64, bool) {
	p := ed.sess().Project
	taken := func(id *int64) bool {
		for _, s := range domain.WorkingSLAs(p) {
			if id == nil && s.PackageID == nil || id != nil && s.PackageID != nil && *s.PackageID == *id {
				return true
			}
		}
		return false
	}
	if !taken(nil) {
		return nil, true
	}
	for _, pk := range p.Packages {
		id := pk.ID
		if !taken(&id) {
			return &id, true
		}
	}
	return nil, false
}

func (ed *slaEditor) addSLA() {
	scope, ok := ed.freeScope()
	if !ok {
		ed.report(domain.ErrSLAPackageTaken)
		return
	}
	name := lang.L("award.sla.default_name")
	if scope != nil {
		name = lang.L("award.sla.package_name", map[string]any{"Name": ed.sess().Project.PackageByID(*scope).Name})
	}
	s := domain.NewDefaultSLA(name, classDescription)
	s.PackageID = scope
	ed.addAndShow(s)
}

// addAndShow stores a new service level and shows it, or reports the refusal.
func (ed *slaEditor) addAndShow(s domain.SLA) {
	id, err := ed.sess().AddSLA(s)
	if err != nil {
		ed.report(err)
		return
	}
	ed.selected = id
	ed.refresh()
}

// addOLA adds an OLA for the first package kept in the house (intern, then gemischt) that has
// none: the service level the own staff promise, on the same clock and classes as an SLA, with
// no hotline or survey target (those are the provider's).
func (ed *slaEditor) addOLA() {
	p := ed.sess().Project
	var target *domain.Package
	for _, want := range []domain.SourcingOutcome{domain.OutcomeInternal, domain.OutcomeMixed} {
		for i, pk := range p.Packages {
			if d := p.DecisionFor(pk.ID); target == nil && d != nil && d.Outcome == want && domain.OLAFor(p, pk.ID) == nil {
				target = &p.Packages[i]
			}
		}
	}
	if target == nil {
		ed.report(kit.InputError(lang.L("award.ola.none_left")))
		return
	}
	s := domain.NewDefaultSLA(lang.L("award.ola.name", map[string]any{"Name": target.Name}), classDescription)
	id := target.ID
	s.PackageID, s.Internal = &id, true
	s.HotlineAnsweredPct, s.HotlineMaxWaitSeconds, s.SatisfactionTargetPct = 0, 0, 0
	ed.addAndShow(s)
}

// classDescription is the plain default description of a priority class.
func classDescription(code string) string { return lang.L("award.class.desc." + code) }

// copySLA copies the selected SLA for the next package without one: a higher or lower level
// for that package starts from the same terms.
func (ed *slaEditor) copySLA() {
	cur := ed.current()
	if cur == nil {
		return
	}
	p := ed.sess().Project
	var target *int64
	for _, pk := range p.Packages {
		id := pk.ID
		if domain.SLAFor(p, &id) == nil || domain.SLAFor(p, &id).PackageID == nil {
			target = &id
			break
		}
	}
	if target == nil {
		ed.report(domain.ErrSLAPackageTaken)
		return
	}
	s := domain.CloneSLA(*cur)
	s.PackageID = target
	s.Name = lang.L("award.sla.package_name", map[string]any{"Name": p.PackageByID(*target).Name})
	ed.addAndShow(s)
}

func (ed *slaEditor) deleteSLA() {
	cur := ed.current()
	if cur == nil {
		return
	}
	if err := ed.sess().DeleteSLA(cur.ID); err != nil {
		ed.report(err)
		return
	}
	ed.selected = 0
	if ws := domain.WorkingSLAs(ed.sess().Project); len(ws) > 0 {
		ed.selected = ws[0].ID
	}
	ed.refresh()
}

// current is the selected SLA, or nil.
func (ed *slaEditor) current() *domain.SLA {
	return ed.sess().Project.SLAByID(ed.selected)
}

// update changes the selected SLA through the session; a refused change shows the stored
// values again and says why.
func (ed *slaEditor) update(change func(s *domain.SLA)) {
	if ed.loading {
		return
	}
	cur := ed.current()
	if cur == nil {
		return
	}
	if err := ed.sess().UpdateSLA(cur.ID, change); err != nil {
		ed.refresh()
		ed.report(err)
	}
}

// --- service hours ---

func (ed *slaEditor) buildHours() fyne.CanvasObject {
	ed.frozenNote = widget.NewLabel("")
	ed.frozenNote.Wrapping = fyne.TextWrapWord
	ed.frozenNote.Importance = widget.WarningImportance
	ed.name = kit.NewCommitEntry()
	ed.name.CommitOn(ed.commitName)
	ed.scope = widget.NewSelect(nil, func(string) { ed.commitScope() })

	grid := container.New(&formGrid{})
	for i := 0; i < 7; i++ {
		wd := (i + 1) % 7
		e := kit.NewCommitEntry()
		e.SetPlaceHolder(lang.L("award.hours.placeholder"))
		e.CommitOn(func() { ed.commitDay(wd, e) })
		ed.days[i] = e
		grid.Add(widget.NewLabel(lang.L("award.weekday." + strconv.Itoa(wd))))
		grid.Add(e)
	}
	ed.perWeek = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.publicStop = widget.NewCheck(lang.L("award.hours.public_stop"), func(b bool) {
		ed.update(func(s *domain.SLA) { s.PublicHolidaysStopClock = b })
	})
	ed.ferienStop = widget.NewCheck(lang.L("award.hours.ferien_stop"), func(b bool) {
		ed.update(func(s *domain.SLA) { s.SchoolHolidaysStopClock = b })
	})
	ed.editable = append(ed.editable, ed.name, ed.scope, ed.publicStop, ed.ferienStop)
	for _, d := range ed.days {
		ed.editable = append(ed.editable, d)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("award.sla.name"), ed.name),
		widget.NewFormItem(lang.L("award.sla.scope"), ed.scope),
	)
	return container.NewVScroll(container.NewVBox(
		ed.frozenNote, form,
		kit.Heading(lang.L("award.hours.title")), kit.Caption(lang.L("award.hours.intro")),
		grid, ed.perWeek,
		kit.Heading(lang.L("award.hours.stop_title")), ed.publicStop, ed.ferienStop,
		kit.Caption(lang.L("award.hours.stop_intro")),
	))
}

func (ed *slaEditor) commitName() {
	cur := ed.current()
	if cur == nil || ed.loading || ed.name.Text == cur.Name {
		return
	}
	name := ed.name.Text
	ed.update(func(s *domain.SLA) { s.Name = name })
}

func (ed *slaEditor) commitScope() {
	i := ed.scope.SelectedIndex()
	if i < 0 || i >= len(ed.scopeIDs) || ed.loading {
		return
	}
	id := ed.scopeIDs[i]
	ed.update(func(s *domain.SLA) {
		if id == nil {
			s.PackageID = nil
		} else {
			v := *id
			s.PackageID = &v
		}
	})
}

// commitDay replaces one weekday's windows with what was typed.
func (ed *slaEditor) commitDay(weekday int, e *kit.CommitEntry) {
	cur := ed.current()
	if cur == nil || ed.loading {
		return
	}
	if e.Text == windowsText(domain.WindowsOn(*cur, weekday)) {
		return
	}
	ws, err := parseWindows(e.Text, weekday)
	if err != nil {
		kit.ShowValue(e, windowsText(domain.WindowsOn(*cur, weekday)))
		ed.report(err)
		return
	}
	ed.update(func(s *domain.SLA) {
		keep := s.Windows[:0:0]
		for _, w := range s.Windows {
			if w.Weekday != weekday {
				keep = append(keep, w)
			}
		}
		s.Windows = append(keep, ws...)
	})
}

// --- priority classes ---

// classRow edits one priority class.
type classRow struct {
	code, desc, response, restore *kit.CommitEntry
	measure                       *widget.Select
	del                           *widget.Button
}

func (ed *slaEditor) buildClasses() fyne.CanvasObject {
	ed.classBox = container.NewVBox()
	ed.addClass = widget.NewButtonWithIcon(lang.L("award.class.add"), theme.ContentAddIcon(), func() {
		ed.update(func(s *domain.SLA) {
			code := "P" + strconv.Itoa(len(s.Classes)+1)
			s.Classes = append(s.Classes, domain.PriorityClassTarget{Code: code, Description: "", ResponseMinutes: 8 * 60, RestoreMinutes: 5 * 8 * 60})
		})
	})
	ed.editable = append(ed.editable, ed.addClass)
	cut := func(key string) *widget.Label {
		l := kit.Heading(lang.L(key))
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	head := container.New(&classLayout{},
		cut("award.class.code"), cut("award.class.description"), cut("award.class.response"), cut("award.class.restore"),
		cut("award.class.measure"), widget.NewLabel(""))
	return container.NewVScroll(container.NewVBox(kit.Caption(lang.L("award.class.intro")), head, ed.classBox, container.NewHBox(ed.addClass)))
}

// syncClassRows makes one row per class of the SLA and shows the stored values.
func (ed *slaEditor) syncClassRows(s *domain.SLA) {
	n := 0
	if s != nil {
		n = len(s.Classes)
	}
	if len(ed.classRows) != n || s == nil || ed.classesFor != s.ID {
		ed.classRows = nil
		ed.classBox.RemoveAll()
		for i := 0; i < n; i++ {
			r := ed.newClassRow(i)
			ed.classRows = append(ed.classRows, r)
			ed.classBox.Add(container.New(&classLayout{}, r.code, r.desc, r.response, r.restore, r.measure, r.del))
		}
		if s != nil {
			ed.classesFor = s.ID
		}
	}
	for i, r := range ed.classRows {
		c := s.Classes[i]
		kit.ShowValue(r.code, c.Code)
		kit.ShowValue(r.desc, c.Description)
		kit.ShowValue(r.response, minutesText(c.ResponseMinutes))
		kit.ShowValue(r.restore, minutesText(c.RestoreMinutes))
		if c.CalendarTime {
			r.measure.SetSelectedIndex(1)
		} else {
			r.measure.SetSelectedIndex(0)
		}
		for _, w := range []fyne.Disableable{r.code, r.desc, r.response, r.restore, r.measure, r.del} {
			setEnabled(w, !s.FrozenForContract && !ed.sess().ReadOnly())
		}
	}
}

func (ed *slaEditor) newClassRow(i int) *classRow {
	r := &classRow{code: kit.NewCommitEntry(), desc: kit.NewCommitEntry(), response: kit.NewCommitEntry(), restore: kit.NewCommitEntry()}
	// Descriptions are sentences: they wrap over two lines instead of hiding their end.
	kit.AsNote(r.desc, 2)
	text := func(e *kit.CommitEntry, set func(c *domain.PriorityClassTarget, v string)) {
		e.CommitOn(func() {
			cur := ed.current()
			if cur == nil || ed.loading || i >= len(cur.Classes) {
				return
			}
			v := e.Text
			ed.update(func(s *domain.SLA) { set(&s.Classes[i], v) })
		})
	}
	text(r.code, func(c *domain.PriorityClassTarget, v string) { c.Code = v })
	text(r.desc, func(c *domain.PriorityClassTarget, v string) { c.Description = v })
	target := func(e *kit.CommitEntry, get func(c domain.PriorityClassTarget) int, set func(c *domain.PriorityClassTarget, m int)) {
		e.CommitOn(func() {
			cur := ed.current()
			if cur == nil || ed.loading || i >= len(cur.Classes) || e.Text == minutesText(get(cur.Classes[i])) {
				return
			}
			m, err := parseMinutes(e.Text)
			if err != nil {
				kit.ShowValue(e, minutesText(get(cur.Classes[i])))
				ed.report(err)
				return
			}
			ed.update(func(s *domain.SLA) { set(&s.Classes[i], m) })
		})
	}
	target(r.response, func(c domain.PriorityClassTarget) int { return c.ResponseMinutes }, func(c *domain.PriorityClassTarget, m int) { c.ResponseMinutes = m })
	target(r.restore, func(c domain.PriorityClassTarget) int { return c.RestoreMinutes }, func(c *domain.PriorityClassTarget, m int) { c.RestoreMinutes = m })
	r.measure = widget.NewSelect([]string{lang.L("award.measure.service"), lang.L("award.measure.calendar")}, func(string) {
		cal := r.measure.SelectedIndex() == 1
		cur := ed.current()
		if cur == nil || ed.loading || i >= len(cur.Classes) || cur.Classes[i].CalendarTime == cal {
			return
		}
		ed.update(func(s *domain.SLA) { s.Classes[i].CalendarTime = cal })
	})
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		ed.update(func(s *domain.SLA) {
			if i < len(s.Classes) {
				s.Classes = append(s.Classes[:i:i], s.Classes[i+1:]...)
			}
		})
	})
	return r
}

// classLayout lines up a class row: code, description (grows), two targets, measure, delete.
type classLayout struct{}

var classWidths = []float32{58, 0, 80, 95, 115, 36}

func (classLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		cw := classWidths[min(i, len(classWidths)-1)]
		if cw == 0 {
			cw = 120
		}
		w += cw + theme.Padding()
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (classLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var fixed float32
	for _, cw := range classWidths {
		fixed += cw + theme.Padding()
	}
	grow := max(size.Width-fixed, 120)
	x := float32(0)
	for i, o := range objs {
		cw := classWidths[min(i, len(classWidths)-1)]
		if cw == 0 {
			cw = grow
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(cw, size.Height))
		x += cw + theme.Padding()
	}
}

// --- hotline, satisfaction, reporting ---

func (ed *slaEditor) buildTargets() fyne.CanvasObject {
	get := func(f func(s domain.SLA) float64) func() float64 {
		return func() float64 {
			if c := ed.current(); c != nil {
				return f(*c)
			}
			return 0
		}
	}
	ed.hotlinePct = kit.NewNumberField(get(func(s domain.SLA) float64 { return s.HotlineAnsweredPct }), func(v float64) error {
		return ed.sess().UpdateSLA(ed.selected, func(s *domain.SLA) { s.HotlineAnsweredPct = v })
	}, false, ed.report)
	ed.hotlineWait = kit.NewNumberField(get(func(s domain.SLA) float64 { return float64(s.HotlineMaxWaitSeconds) }), func(v float64) error {
		return ed.sess().UpdateSLA(ed.selected, func(s *domain.SLA) { s.HotlineMaxWaitSeconds = int(v) })
	}, true, ed.report)
	ed.satisfaction = kit.NewNumberField(get(func(s domain.SLA) float64 { return s.SatisfactionTargetPct }), func(v float64) error {
		return ed.sess().UpdateSLA(ed.selected, func(s *domain.SLA) { s.SatisfactionTargetPct = v })
	}, false, ed.report)
	opts := make([]string, len(domain.Cadences))
	for i, c := range domain.Cadences {
		opts[i] = lang.L("award.cadence." + c)
	}
	ed.cadence = widget.NewSelect(opts, func(string) {
		i := ed.cadence.SelectedIndex()
		if i < 0 || ed.loading {
			return
		}
		c := domain.Cadences[i]
		ed.update(func(s *domain.SLA) { s.ReportingCadence = c })
	})
	ed.editable = append(ed.editable, ed.hotlinePct.Entry, ed.hotlineWait.Entry, ed.satisfaction.Entry, ed.cadence)
	form := widget.NewForm(
		&widget.FormItem{Text: lang.L("award.targets.hotline_pct"), Widget: ed.hotlinePct.Entry, HintText: lang.L("award.targets.hotline_pct_hint")},
		&widget.FormItem{Text: lang.L("award.targets.hotline_wait"), Widget: ed.hotlineWait.Entry, HintText: lang.L("award.targets.hotline_wait_hint")},
		&widget.FormItem{Text: lang.L("award.targets.satisfaction"), Widget: ed.satisfaction.Entry, HintText: lang.L("award.targets.satisfaction_hint")},
		&widget.FormItem{Text: lang.L("award.targets.cadence"), Widget: ed.cadence, HintText: lang.L("award.targets.cadence_hint")},
	)
	return container.NewVScroll(container.NewVBox(kit.Caption(lang.L("award.targets.intro")), form))
}

// --- Ferien, public holidays and the clock ---

func (ed *slaEditor) buildCalendar() fyne.CanvasObject {
	ed.ferien = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.ferien"), Width: 200, Grow: 1},
		{Title: lang.L("award.report.col.first"), Width: 130},
		{Title: lang.L("award.report.col.last"), Width: 130},
		{Title: lang.L("award.report.col.days"), Width: 60, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.source"), Width: 160, Grow: 1},
	}, 110)
	ed.ferien.OnSelect = func(int) { ed.ferienDel.Enable() }
	importBtn := widget.NewButtonWithIcon(lang.L("award.ferien.import"), theme.FolderOpenIcon(), func() { showFerienImport(ed.ctx) })
	ed.ferienDel = widget.NewButtonWithIcon(lang.L("award.ferien.delete"), theme.DeleteIcon(), ed.deleteFerien)
	ed.ferienAll = widget.NewButtonWithIcon(lang.L("award.ferien.delete_all"), theme.ContentClearIcon(), ed.deleteAllFerien)
	ed.editable = append(ed.editable, importBtn)

	ed.publicYear = widget.NewSelect(nil, func(string) { ed.refreshPublic() })
	ed.public = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.date"), Width: 140},
		{Title: lang.L("award.report.col.holiday"), Width: 200, Grow: 1},
	}, 100)
	ed.probe = newClockProbe(ed)

	ferienPart := kit.NewBorder(
		container.NewVBox(kit.Heading(lang.L("award.report.ferien")), kit.Caption(lang.L("award.ferien.intro"))),
		container.NewHBox(importBtn, ed.ferienDel, ed.ferienAll), nil, nil, ed.ferien.Content)
	publicPart := kit.NewBorder(
		kit.NewBorder(nil, nil, kit.Heading(lang.L("award.public.title")), ed.publicYear),
		nil, nil, nil, ed.public.Content)
	clock := container.NewHSplit(publicPart, container.NewVScroll(ed.probe.content))
	clock.Offset = 0.5
	ed.clockPart = clock
	return ferienPart
}

func (ed *slaEditor) deleteFerien() {
	row := ed.ferien.Selected
	hs := ed.sess().Project.SchoolHolidays
	if row < 0 || row >= len(hs) {
		return
	}
	if err := ed.sess().DeleteHolidays(hs[row].ID); err != nil {
		ed.report(err)
	}
}

func (ed *slaEditor) deleteAllFerien() {
	var ids []int64
	for _, h := range ed.sess().Project.SchoolHolidays {
		ids = append(ids, h.ID)
	}
	if len(ids) == 0 {
		return
	}
	if err := ed.sess().DeleteHolidays(ids...); err != nil {
		ed.report(err)
	}
}

func (ed *slaEditor) refreshPublic() {
	p := ed.sess().Project
	year, err := strconv.Atoi(ed.publicYear.Selected)
	if err != nil {
		year = ed.sess().Today().Year()
	}
	var rows [][]string
	if p.Meta.Bundesland != "" {
		for _, h := range domain.PublicHolidays(p.Meta.Bundesland, year) {
			rows = append(rows, []string{day(h.Date), h.Name})
		}
	}
	ed.public.SetRows(rows)
}

// --- service level per package and its cost ---

func (ed *slaEditor) buildLevels() fyne.CanvasObject {
	ed.levels = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.package"), Width: 120, Grow: 1},
		{Title: lang.L("award.report.col.sla"), Width: 110, Grow: 1},
		{Title: lang.L("award.levels.col.hours"), Width: 85, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.levels.col.first"), Width: 85, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.outcome"), Width: 80},
		{Title: lang.L("award.report.col.external_year"), Width: 105, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.internal_year"), Width: 105, Align: fyne.TextAlignTrailing},
	}, 200)
	hint := widget.NewLabel(lang.L("award.levels.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return kit.NewBorder(container.NewVBox(hint, kit.Caption(lang.L("award.levels.source"))), nil, nil, nil, ed.levels.Content)
}

func (ed *slaEditor) refreshLevels() {
	var rows [][]string
	for _, l := range domain.PackageLevels(ed.sess().Project) {
		sla, hours, first := "–", "–", "–"
		if l.SLA != nil {
			sla = l.SLA.Name
			if l.SLA.Internal {
				sla += " (" + lang.L("sla.ola.short") + ")"
			}
			if !l.Own {
				sla = lang.L("award.levels.general", map[string]any{"Name": l.SLA.Name})
			}
			hours = kit.FormatNumber(l.ServiceHoursWeek) + " " + lang.L("ui.unit.h")
			if l.FirstClass != "" {
				first = l.FirstClass + ": " + minutesText(l.RestoreMinutes)
			}
		}
		ext, in := "–", "–"
		if l.ExternalKnown {
			ext = euroText(l.ExternalYear)
		}
		if l.InternalKnown {
			in = euroText(l.InternalYear)
		}
		outcome := lang.L("award.outcome.open")
		if l.Outcome != domain.OutcomeOpen {
			outcome = lang.L("award.outcome." + string(l.Outcome))
		}
		rows = append(rows, []string{l.Package.Name, sla, hours, first, outcome, ext, in})
	}
	ed.levels.SetRows(rows)
}

// --- refresh from the session ---

func (ed *slaEditor) refresh() {
	ed.loading = true
	defer func() { ed.loading = false }()
	p := ed.sess().Project
	ed.slas = append(append(domain.WorkingSLAs(p), domain.OLAs(p)...), domain.FrozenSLAs(p)...)
	if ed.current() == nil {
		ed.selected = 0
		if len(ed.slas) > 0 {
			ed.selected = ed.slas[0].ID
		}
	}
	names := make([]string, len(ed.slas))
	sel := -1
	for i, s := range ed.slas {
		names[i] = ed.chooserText(s)
		if s.ID == ed.selected {
			sel = i
		}
	}
	ed.chooser.Options = names
	ed.chooser.SetSelectedIndex(sel)
	ed.chooser.Refresh()
	cur := ed.current()
	readOnly := ed.sess().ReadOnly()
	frozen := cur != nil && cur.FrozenForContract

	// Scope choices: general and every package.
	opts := []string{lang.L("award.scope.general_short")}
	ed.scopeIDs = []*int64{nil}
	for _, pk := range p.Packages {
		id := pk.ID
		opts = append(opts, pk.Name)
		ed.scopeIDs = append(ed.scopeIDs, &id)
	}
	ed.scope.Options = opts

	if cur != nil {
		kit.ShowValue(ed.name, cur.Name)
		idx := 0
		for i, id := range ed.scopeIDs {
			if id == nil && cur.PackageID == nil || id != nil && cur.PackageID != nil && *id == *cur.PackageID {
				idx = i
			}
		}
		ed.scope.SetSelectedIndex(idx)
		for i := range ed.days {
			kit.ShowValue(ed.days[i], windowsText(domain.WindowsOn(*cur, (i+1)%7)))
		}
		ed.publicStop.SetChecked(cur.PublicHolidaysStopClock)
		ed.ferienStop.SetChecked(cur.SchoolHolidaysStopClock)
		ed.perWeek.SetText(lang.L("award.hours.per_week", map[string]any{"Hours": kit.FormatNumber(float64(domain.ServiceMinutesPerWeek(*cur)) / 60)}))
		ed.hotlinePct.Load()
		ed.hotlineWait.Load()
		ed.satisfaction.Load()
		ed.cadence.SetSelectedIndex(-1)
		for i, c := range domain.Cadences {
			if c == cur.ReportingCadence {
				ed.cadence.SetSelectedIndex(i)
			}
		}
	} else {
		kit.ShowValue(ed.name, "")
		for _, d := range ed.days {
			kit.ShowValue(d, "")
		}
		ed.perWeek.SetText(lang.L("award.sla.none_hint"))
	}
	ed.syncClassRows(cur)
	switch {
	case frozen:
		ed.frozenNote.SetText(lang.L("award.sla.frozen_note", map[string]any{"Date": frozenDate(p)}))
		ed.frozenNote.Show()
	case cur == nil:
		ed.frozenNote.SetText(lang.L("award.sla.none_hint"))
		ed.frozenNote.Show()
	default:
		ed.frozenNote.Hide()
	}
	ed.enableAll(cur != nil && !frozen && !readOnly)
	setEnabled(ed.addClass, cur != nil && !frozen && !readOnly)
	setEnabled(ed.addBtn, !readOnly)
	setEnabled(ed.olaBtn, !readOnly)
	setEnabled(ed.dupBtn, cur != nil && !readOnly && len(p.Packages) > 0)
	setEnabled(ed.delBtn, cur != nil && !frozen && !readOnly)

	// Ferien.
	var rows [][]string
	for _, h := range p.SchoolHolidays {
		rows = append(rows, []string{h.Name, day(h.First), day(h.Last),
			strconv.Itoa(domain.DaysBetween(h.First, h.Last) + 1), h.Source})
	}
	ed.ferien.SetRows(rows)
	setEnabled(ed.ferienDel, !readOnly && ed.ferien.Selected >= 0 && ed.ferien.Selected < len(rows))
	setEnabled(ed.ferienAll, !readOnly && len(rows) > 0)
	years := calendarYears(p, ed.sess().Today())
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	ed.publicYear.Options = ys
	if ed.publicYear.Selected == "" && len(ys) > 0 {
		ed.publicYear.SetSelected(strconv.Itoa(ed.sess().Today().Year()))
	} else {
		ed.refreshPublic()
	}
	ed.probe.refresh()
	ed.refreshLevels()

	ed.findings = domain.SLAFindings(p)
	ed.questions.Set(ed.findings)
}

// calendarYears offers the years of the Ferien and the years around today.
func calendarYears(p *domain.Project, today domain.Date) []int {
	now := today.Year()
	seen := map[int]bool{}
	var out []int
	add := func(y int) {
		if !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	for _, h := range p.SchoolHolidays {
		add(h.First.Year())
		add(h.Last.Year())
	}
	for y := now - 1; y <= now+3; y++ {
		add(y)
	}
	sort.Ints(out)
	return out
}

func frozenDate(p *domain.Project) string {
	if p.Contract.FrozenOn == nil {
		return "–"
	}
	return dateDE(*p.Contract.FrozenOn)
}

// jump shows where an open question is answered.
func (ed *slaEditor) jump(f domain.Finding) {
	if f.EntityID != 0 && ed.sess().Project.SLAByID(f.EntityID) != nil {
		ed.selected = f.EntityID
		ed.refresh()
	}
	switch f.Code {
	case domain.FindSLANoClasses, domain.FindSLAInvalid:
		ed.tabs.Select(ed.tabClass)
	case domain.FindSLAFerienMissing:
		ed.tabs.Select(ed.tabFerien)
	case domain.FindSLANone, domain.FindSLANoGeneral:
		ed.addSLA()
	default:
		ed.tabs.Select(ed.tabHours)
	}
}

// setEnabled enables or disables a widget.
func setEnabled(w fyne.Disableable, on bool) {
	if on {
		if w.Disabled() {
			w.Enable()
		}
	} else if !w.Disabled() {
		w.Disable()
	}
}

// formGrid lays out label–field pairs in two columns: labels at their width, fields filling.
type formGrid struct{}

func (formGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var lw, fw, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		lw = max(lw, objs[i].MinSize().Width)
		fw = max(fw, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height) + theme.Padding()
	}
	return fyne.NewSize(lw+fw+theme.Padding(), h)
}

func (formGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var lw float32
	for i := 0; i+1 < len(objs); i += 2 {
		lw = max(lw, objs[i].MinSize().Width)
	}
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(lw, h))
		objs[i+1].Move(fyne.NewPos(lw+theme.Padding(), y))
		objs[i+1].Resize(fyne.NewSize(min(size.Width-lw-theme.Padding(), 420), h))
		y += h + theme.Padding()
	}
}
