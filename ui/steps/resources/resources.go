// Package resources holds the editors of steps 5 (resources) and 6 (sourcing).
package resources

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// resourcesEditor is step 5 (Ressourcen planen): the Jahresarbeitszeit and surcharges, the
// demand in hours and VZÄ, the pay groups with their mapping, and the comparison of in-house
// and external cost per package. Every figure is derived from the session after each change.
type resourcesEditor struct {
	ctx  *kit.Context
	tabs *container.AppTabs

	tabTime, tabDemand, tabGroups, tabCompare *container.TabItem

	// Arbeitszeit und Zuschläge.
	year, weekly, leave, sick, other, verteilzeit, travel, docs *kit.NumberField
	land, holidays, formula, surcharge                          *widget.Label

	// Bedarf.
	demandMode   *widget.Select
	demandTables map[string]*kit.InfoTable
	demandStack  *fyne.Container
	demandInfo   *widget.Label // the selected row's (or the total's) way to VZÄ
	demandSplit  *widget.Label
	demandRows   map[string][]domain.Demand
	demand       domain.ResourceDemand

	groups  *payGroupsPart
	compare *comparePart

	questions *kit.Findings
	findings  []domain.Finding
	View      *kit.EditorView
}

// Demand views.
const (
	byPackage = "package"
	byTask    = "task"
	byBefore  = "before"
	byAfter   = "after"
)

var demandModes = []string{byPackage, byTask, byBefore, byAfter}

func (ed *resourcesEditor) sess() *session.Session { return ed.ctx.Session }

func NewResourcesEditor(ctx *kit.Context) *resourcesEditor {
	ed := &resourcesEditor{ctx: ctx}
	ed.tabTime = container.NewTabItem(lang.L("res.tab.time"), ed.buildTime())
	ed.tabDemand = container.NewTabItem(lang.L("res.tab.demand"), ed.buildDemand())
	ed.groups = newPayGroupsPart(ed)
	ed.tabGroups = container.NewTabItem(lang.L("res.tab.groups"), ed.groups.content)
	ed.compare = newComparePart(ed)
	ed.tabCompare = container.NewTabItem(lang.L("res.tab.compare"), ed.compare.content)
	ed.tabs = container.NewAppTabs(ed.tabTime, ed.tabDemand, ed.tabGroups, ed.tabCompare)
	ed.tabs.OnSelected = func(*container.TabItem) { ed.compare.showChart() }

	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 2, NoIcons: true, OnTap: ed.jump})
	ed.View = kit.NewEditorView(kit.WithSide(ed.tabs, ed.questions.Content, 240, 0.76), ctx.Session.Subscribe(ed.refresh))
	ed.refresh()
	return ed
}

func (ed *resourcesEditor) report(err error) { ed.ctx.Report(err) }

// plan is the plan the inputs show and change: the defaults for a plan never filled in.
func (ed *resourcesEditor) plan() domain.ResourcePlan {
	return domain.EffectivePlan(ed.sess().Project.Resource)
}

// setPlan changes one input of the plan through the session.
func (ed *resourcesEditor) setPlan(change func(r *domain.ResourcePlan)) error {
	next := ed.plan()
	change(&next)
	return ed.sess().SetResourcePlan(next)
}

func (ed *resourcesEditor) buildTime() fyne.CanvasObject {
	num := func(get func(r domain.ResourcePlan) float64, set func(r *domain.ResourcePlan, v float64), integer bool) *kit.NumberField {
		return kit.NewNumberField(func() float64 { return get(ed.plan()) },
			func(v float64) error { return ed.setPlan(func(r *domain.ResourcePlan) { set(r, v) }) }, integer, ed.report)
	}
	ed.year = num(func(r domain.ResourcePlan) float64 { return float64(r.PlanningYear) }, func(r *domain.ResourcePlan, v float64) { r.PlanningYear = int(v) }, true)
	ed.weekly = num(func(r domain.ResourcePlan) float64 { return r.WeeklyHours }, func(r *domain.ResourcePlan, v float64) { r.WeeklyHours = v }, false)
	ed.leave = num(func(r domain.ResourcePlan) float64 { return r.LeaveDays }, func(r *domain.ResourcePlan, v float64) { r.LeaveDays = v }, false)
	ed.sick = num(func(r domain.ResourcePlan) float64 { return r.SickDays }, func(r *domain.ResourcePlan, v float64) { r.SickDays = v }, false)
	ed.other = num(func(r domain.ResourcePlan) float64 { return r.OtherAbsenceDays }, func(r *domain.ResourcePlan, v float64) { r.OtherAbsenceDays = v }, false)
	ed.verteilzeit = num(func(r domain.ResourcePlan) float64 { return r.VerteilzeitPercent }, func(r *domain.ResourcePlan, v float64) { r.VerteilzeitPercent = v }, false)
	ed.travel = num(func(r domain.ResourcePlan) float64 { return r.TravelPercent }, func(r *domain.ResourcePlan, v float64) { r.TravelPercent = v }, false)
	ed.docs = num(func(r domain.ResourcePlan) float64 { return r.DocumentationPct }, func(r *domain.ResourcePlan, v float64) { r.DocumentationPct = v }, false)

	d := domain.DefaultResourcePlan()
	def := func(v float64, unit string) string {
		return lang.L("res.default", map[string]any{"Value": kit.FormatValue(v), "Unit": unit})
	}
	item := func(key string, f *kit.NumberField, hint string) *widget.FormItem {
		return &widget.FormItem{Text: lang.L(key), Widget: f.Entry, HintText: hint}
	}
	left := widget.NewForm(
		item("res.field.year", ed.year, ""),
		item("res.field.weekly", ed.weekly, def(d.WeeklyHours, "h")),
		item("res.field.leave", ed.leave, def(d.LeaveDays, lang.L("res.unit.days"))),
		item("res.field.sick", ed.sick, def(d.SickDays, lang.L("res.unit.days"))),
		item("res.field.other", ed.other, def(d.OtherAbsenceDays, lang.L("res.unit.days"))),
	)
	right := widget.NewForm(
		item("res.field.verteilzeit", ed.verteilzeit, def(d.VerteilzeitPercent, "%")),
		item("res.field.travel", ed.travel, def(d.TravelPercent, "%")),
		item("res.field.docs", ed.docs, def(d.DocumentationPct, "%")),
	)
	ed.land = widget.NewLabel("")
	ed.land.Wrapping = fyne.TextWrapWord
	ed.holidays = kit.Caption("")
	ed.formula = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.formula.Wrapping = fyne.TextWrapWord
	ed.surcharge = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.surcharge.Wrapping = fyne.TextWrapWord

	hints := kit.Caption(lang.L("res.hint.weekly", map[string]any{"Default": kit.FormatValue(d.WeeklyHours)}) + " " +
		lang.L("res.hint.sick") + " " + lang.L("res.hint.other"))
	// The results first, so the formula with its numbers is in view without scrolling.
	results := widget.NewCard("", "", container.NewVBox(
		kit.Heading(lang.L("res.formula.working_time.title")), ed.formula,
		kit.Heading(lang.L("res.formula.surcharge.title")), ed.surcharge))
	workCard := widget.NewCard(lang.L("res.card.working_time"), "", container.NewVBox(left, hints, ed.land, ed.holidays,
		kit.Caption(lang.L("res.formula.working_time.legend"))))
	surCard := widget.NewCard(lang.L("res.card.surcharges"), "", container.NewVBox(right, kit.Caption(lang.L("res.hint.verteilzeit")),
		kit.Caption(lang.L("res.surcharge.legend"))))
	return container.NewVScroll(container.NewVBox(results, workCard, surCard))
}

func (ed *resourcesEditor) buildDemand() fyne.CanvasObject {
	num := func(title string) kit.InfoCol {
		return kit.InfoCol{Title: lang.L(title), Width: 74, Align: fyne.TextAlignTrailing}
	}
	amounts := []kit.InfoCol{num("res.col.tasks"), num("res.col.month"), num("res.col.year"), num("res.col.week"), num("res.col.surcharged"), num("res.col.fte")}
	amounts[0].Width, amounts[1].Width, amounts[3].Width, amounts[4].Width, amounts[5].Width = 56, 84, 84, 92, 56
	first := func(title string) []kit.InfoCol {
		return append([]kit.InfoCol{{Title: lang.L(title), Width: 160, Grow: 1}}, amounts...)
	}
	ed.demandTables = map[string]*kit.InfoTable{
		byPackage: kit.NewInfoTable(first("res.col.package"), 220),
		byTask: kit.NewInfoTable(append([]kit.InfoCol{
			{Title: lang.L("res.col.task"), Width: 180, Grow: 3},
			{Title: lang.L("res.col.before"), Width: 110, Grow: 1},
			{Title: lang.L("res.col.after"), Width: 110, Grow: 1},
			{Title: lang.L("res.col.package"), Width: 100, Grow: 1},
		}, amounts[1:]...), 220),
		byBefore: kit.NewInfoTable(first("res.col.party"), 220),
		byAfter:  kit.NewInfoTable(first("res.col.party"), 220),
	}
	ed.demandStack = container.NewStack()
	for _, m := range demandModes {
		vt := ed.demandTables[m]
		mode := m
		vt.OnSelect = func(row int) { ed.showDemandRow(mode, row) }
		vt.Bold = func(row int) bool { return row == len(ed.demandTables[mode].Rows)-1 }
		ed.demandStack.Add(vt.Content)
	}
	labels := make([]string, len(demandModes))
	for i, m := range demandModes {
		labels[i] = lang.L("res.demand.by." + m)
	}
	ed.demandInfo = widget.NewLabel("")
	ed.demandInfo.Wrapping = fyne.TextWrapWord
	ed.demandSplit = widget.NewLabel("")
	ed.demandSplit.Wrapping = fyne.TextWrapWord
	ed.demandMode = widget.NewSelect(labels, func(string) { ed.showDemandMode() })
	ed.demandMode.SetSelectedIndex(0)
	bottom := container.NewVBox(widget.NewSeparator(), ed.demandInfo, ed.demandSplit)
	top := kit.NewBorder(nil, nil, widget.NewLabel(lang.L("res.demand.view")), nil, ed.demandMode)
	return kit.NewBorder(top, bottom, nil, nil, ed.demandStack)
}

// mode is the demand view the radio group shows.
func (ed *resourcesEditor) mode() string {
	for i, m := range demandModes {
		if ed.demandMode.Selected == lang.L("res.demand.by."+m) {
			return demandModes[i]
		}
	}
	return byPackage
}

func (ed *resourcesEditor) showDemandMode() {
	if ed.demandStack == nil || ed.demandRows == nil {
		return // still being built
	}
	mode := ed.mode()
	for _, m := range demandModes {
		if m == mode {
			ed.demandTables[m].Content.Show()
		} else {
			ed.demandTables[m].Content.Hide()
		}
	}
	ed.showDemandRow(mode, ed.demandTables[mode].Selected)
}

// showDemandRow explains the selected row's VZÄ with its numbers (the total when none).
func (ed *resourcesEditor) showDemandRow(mode string, row int) {
	rows := ed.demandRows[mode]
	d := ed.demand.Total
	name := lang.L("res.total")
	if row >= 0 && row < len(rows) {
		d = rows[row]
		if row < len(ed.demandTables[mode].Rows) {
			name = ed.demandTables[mode].Rows[row][0]
		}
	}
	ed.demandInfo.SetText(name + ": " + demandFormula(d, ed.demand.Plan, ed.demand.Time.Hours))
}

// refresh derives every figure from the session again.
func (ed *resourcesEditor) refresh() { withSeparator(ed.redraw) }

func (ed *resourcesEditor) redraw() {
	p := ed.sess().Project
	for _, f := range []*kit.NumberField{ed.year, ed.weekly, ed.leave, ed.sick, ed.other, ed.verteilzeit, ed.travel, ed.docs} {
		f.Load()
		if ed.sess().ReadOnly() {
			f.Entry.Disable()
		}
	}
	cc := domain.CompareCosts(p)
	ed.demand = cc.Demand
	w := cc.Demand.Time
	ed.land.SetText(lang.L("res.land", map[string]any{"Land": landName(p.Meta.Bundesland), "Year": w.Year}))
	var hol []string
	for _, h := range domain.PublicHolidays(p.Meta.Bundesland, w.Year) {
		if wd := h.Date.Weekday(); wd >= 1 && wd <= 5 {
			hol = append(hol, h.Name+" ("+h.Date.Format("02.01.")+")")
		}
	}
	ed.holidays.SetText(lang.L("res.holidays", map[string]any{"Count": len(hol), "List": strings.Join(hol, ", ")}))
	ed.formula.SetText(workingTimeFormula(w))
	plan := cc.Demand.Plan
	ed.surcharge.SetText(lang.L("res.formula.surcharge", map[string]any{
		"Verteilzeit": number(plan.VerteilzeitPercent, 2), "Travel": number(plan.TravelPercent, 2),
		"Docs": number(plan.DocumentationPct, 2), "Sum": number(plan.SurchargePercent(), 2),
		"Factor": number(plan.SurchargeFactor(), 4),
	}))
	ed.refreshDemand(p, cc.Demand)
	ed.groups.refresh(cc)
	ed.compare.refresh(cc)

	ed.findings = domain.ResourceFindings(p, cc)
	ed.questions.Set(ed.findings)
}

func (ed *resourcesEditor) refreshDemand(p *domain.Project, rd domain.ResourceDemand) {
	amount := func(d domain.Demand) []string {
		return []string{strconv.Itoa(d.Tasks), number(d.HoursPerMonth, 2), number(d.HoursPerYear, 2),
			number(d.HoursPerWeek, 2), number(d.SurchargedYear, 2), fTEText(d.FTE)}
	}
	ed.demandRows = map[string][]domain.Demand{}
	groupRows := func(mode string, groups []domain.DemandGroup, name func(g domain.DemandGroup) string) {
		var rows [][]string
		var ds []domain.Demand
		for _, g := range groups {
			rows = append(rows, append([]string{name(g)}, amount(g.Demand)...))
			ds = append(ds, g.Demand)
		}
		rows = append(rows, append([]string{lang.L("res.total")}, amount(rd.Total)...))
		ds = append(ds, rd.Total)
		ed.demandRows[mode] = ds
		ed.demandTables[mode].SetRows(rows)
	}
	groupRows(byPackage, rd.ByPackage, func(g domain.DemandGroup) string {
		if g.PackageID == 0 {
			return lang.L("res.no_package")
		}
		return g.Key
	})
	groupRows(byBefore, rd.ByBefore, func(g domain.DemandGroup) string { return partyName(g.Key) })
	groupRows(byAfter, rd.ByAfter, func(g domain.DemandGroup) string { return partyName(g.Key) })

	var rows [][]string
	var ds []domain.Demand
	for _, t := range rd.Tasks {
		pkg := ""
		if pk := p.PackageByID(t.PackageID); pk != nil {
			pkg = pk.Name
		}
		rows = append(rows, append([]string{t.Name, partyName(t.Before), partyName(t.After), pkg}, amount(t.Demand)[1:]...))
		ds = append(ds, t.Demand)
	}
	rows = append(rows, append([]string{lang.L("res.total"), "", "", ""}, amount(rd.Total)[1:]...))
	ds = append(ds, rd.Total)
	ed.demandRows[byTask] = ds
	ed.demandTables[byTask].SetRows(rows)

	ed.demandSplit.SetText(lang.L("res.demand.split", map[string]any{
		"Total": fTEText(rd.Total.FTE), "Internal": fTEText(rd.Internal.FTE), "External": fTEText(rd.External.FTE),
		"InternalHours": number(rd.Internal.SurchargedYear, 2), "ExternalHours": number(rd.External.SurchargedYear, 2),
	}))
	ed.showDemandMode()
}

// jump opens the tab and the row an open question is about.
func (ed *resourcesEditor) jump(f domain.Finding) {
	switch f.Code {
	case domain.FindResNoWorkingTime:
		ed.tabs.Select(ed.tabTime)
		ed.focus(ed.weekly.Entry)
	case domain.FindResNoPayGroup:
		ed.tabs.Select(ed.tabGroups)
		ed.focus(ed.groups.addBtn)
	case domain.FindResNoRate, domain.FindResExampleRate:
		ed.tabs.Select(ed.tabGroups)
		ed.groups.pick(f.EntityID)
		ed.focus(ed.groups.hourly.Entry)
	case domain.FindResUnpriced:
		ed.tabs.Select(ed.tabGroups)
		ed.groups.pickParty(f.Subject)
		ed.focus(ed.groups.mapSelect)
	case domain.FindResUnpricedNobody:
		ed.tabs.Select(ed.tabGroups)
		ed.focus(ed.groups.defaultSelect)
	case domain.FindResNoPrice:
		ed.tabs.Select(ed.tabCompare)
		ed.compare.pick(f.EntityID)
		ed.focus(ed.compare.price)
	}
}

// focus puts the cursor into w after the current tap has been handled.
func (ed *resourcesEditor) focus(w fyne.Focusable) {
	if ed.ctx.Window == nil || w == nil {
		return
	}
	if d, ok := w.(fyne.Disableable); ok && d.Disabled() {
		return
	}
	c := ed.ctx.Window.Canvas()
	fyne.Do(func() { c.Focus(w) })
}

// landName is the state's name for its code.
func landName(b domain.Bundesland) string {
	if name := lang.L("ui.land." + string(b)); name != "ui.land."+string(b) {
		return name
	}
	return string(b)
}
