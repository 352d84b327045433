// Package monitoring holds the editor of step 12 (monitoring).
package monitoring

import (
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/wording"
)

// MonitoringActions are the menu actions of monitoring.go.
var MonitoringActions = []kit.Action{
	kit.Action{Step: domain.StepMonitoring, Label: "mon.action.import_tickets", Run: func(ctx *kit.Context) { importFile(ctx, session.ImportTickets) }},
	kit.Action{Step: domain.StepMonitoring, Label: "mon.action.import_calls", Run: func(ctx *kit.Context) { importFile(ctx, session.ImportCalls) }},
	kit.Action{Step: domain.StepMonitoring, Label: "mon.action.import_survey", Run: func(ctx *kit.Context) { importFile(ctx, session.ImportSurvey) }},
	kit.Action{Step: domain.StepMonitoring, Label: "mon.action.report", Run: func(ctx *kit.Context) {
		periodsMu.Lock()
		p, ok := periods[ctx.Session]
		periodsMu.Unlock()
		if !ok {
			p = defaultPeriod(ctx)
		}
		reportDialog(ctx, p)
	}},
}

// monitoringEditor is step 12 (Steuerung und Monitoring): the KPI dashboard, the imported data
// with its mappings and traffic-light limits, the Jour-fixe minutes with their measures and the
// knowledge-management checks, with the step's open questions beside them.
type monitoringEditor struct {
	ctx  *kit.Context
	tabs *container.AppTabs
	View *kit.EditorView

	dash      *dashboard
	data      *dataTab
	meetings  *meetingsTab
	knowledge *knowledgeTab

	findings     []domain.Finding
	findingsList *widget.List
	// findingHeights are the rows' heights set for their wrapped text.
	findingHeights map[widget.ListItemID]float32
	findingsHead   *widget.Label
}

func (ed *monitoringEditor) sess() *session.Session { return ed.ctx.Session }

func NewMonitoringEditor(ctx *kit.Context) *monitoringEditor {
	ed := &monitoringEditor{ctx: ctx}
	ed.dash = newDashboard(ed)
	ed.data = newDataTab(ed)
	ed.meetings = newMeetingsTab(ed)
	ed.knowledge = newKnowledgeTab(ed)
	ed.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("mon.tab.dashboard"), ed.dash.content),
		container.NewTabItem(lang.L("mon.tab.meetings"), ed.meetings.content),
		container.NewTabItem(lang.L("mon.tab.knowledge"), ed.knowledge.content),
		container.NewTabItem(lang.L("mon.tab.data"), ed.data.content),
	)
	ed.findingsHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.findingsList = widget.NewList(func() int { return len(ed.findings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewIcon(theme.QuestionIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			for _, c := range box.Objects {
				switch c := c.(type) {
				case *widget.Label:
					if id < len(ed.findings) {
						f := ed.findings[id]
						c.SetText(lang.L(f.Code, map[string]any{"Subject": f.Subject}))
						ed.fitFinding(id, c)
					}
				case *widget.Icon:
					if id < len(ed.findings) && ed.findings[id].Severity == domain.SeverityWarning {
						c.SetResource(theme.WarningIcon())
					} else {
						c.SetResource(theme.QuestionIcon())
					}
				}
			}
		})
	ed.findingHeights = nil
	ed.findingsList.OnSelected = func(id widget.ListItemID) {
		ed.findingsList.Unselect(id)
		if id < len(ed.findings) {
			ed.jump(ed.findings[id])
		}
	}
	side := kit.NewBorder(ed.findingsHead, nil, nil, nil, ed.findingsList)
	ed.View = kit.NewEditorView(kit.WithSide(ed.tabs, side, 180, 0.8), ctx.Session.Subscribe(ed.refresh))
	ed.refresh()
	ed.dash.recompute(true)
	return ed
}

// refresh follows every edit, undo and redo.
func (ed *monitoringEditor) refresh() {
	ed.findings = domain.MonitoringFindings(ed.sess().Project, ed.sess().Today())
	// A figure red in two Jour fixes in a row calls for the escalation of step 11.
	for _, x := range kpi.EscalationsDue(ed.sess().Project) {
		ed.findings = append(ed.findings, domain.Finding{Step: domain.StepMonitoring, Severity: domain.SeverityWarning,
			Code: "find.monitoring.escalate", Subject: wording.EscalationText(x)})
	}
	ed.findingsHead.SetText(lang.L("steps.questions", map[string]any{"Count": plural.Number(len(ed.findings))}))
	ed.findingsList.Refresh()
	ed.dash.buildPresets()
	ed.dash.recompute(false)
	ed.data.refresh()
	ed.meetings.refresh()
	ed.knowledge.refresh()
}

// jump shows where an open question is answered.
func (ed *monitoringEditor) jump(f domain.Finding) {
	switch f.Code {
	case domain.FindMeasureOverdue, domain.FindMeasureNoOwner:
		ed.tabs.SelectIndex(1)
		ed.meetings.pickMeasure(f.EntityID)
	case domain.FindNoJourFixe:
		ed.tabs.SelectIndex(1)
	case domain.FindKnowledgeNever, domain.FindKnowledgeStale, domain.FindKnowledgeMissing:
		ed.tabs.SelectIndex(2)
		ed.knowledge.pick(f.EntityID)
	case domain.FindTicketsNoSLAClass, domain.FindMonitoringNoSLA:
		ed.tabs.SelectIndex(3)
	}
}

// dataTab shows what was imported, offers the imports, the saved mapping of priorities and
// categories, and the limits of the traffic lights.
type dataTab struct {
	ed      *monitoringEditor
	counts  *widget.Label
	prio    *table
	prioK   []string
	cat     *table
	catK    []string
	comp    *kit.CommitEntry
	points  *kit.CommitEntry
	pct     *kit.CommitEntry
	buttons []*widget.Button
	content fyne.CanvasObject
}

func newDataTab(ed *monitoringEditor) *dataTab {
	t := &dataTab{ed: ed}
	t.counts = widget.NewLabel("")
	t.counts.Wrapping = fyne.TextWrapWord
	imp := func(key, kind string) *widget.Button {
		b := widget.NewButtonWithIcon(lang.L(key), theme.FolderOpenIcon(), func() { importFile(ed.ctx, kind) })
		t.buttons = append(t.buttons, b)
		return b
	}
	clear := widget.NewButtonWithIcon(lang.L("mon.data.clear"), theme.DeleteIcon(), t.askClear)
	t.buttons = append(t.buttons, clear)
	bar := container.NewHBox(imp("mon.action.import_tickets", session.ImportTickets), imp("mon.action.import_calls", session.ImportCalls),
		imp("mon.action.import_survey", session.ImportSurvey), clear)

	t.prio = newTable([]col{{title: lang.L("kpi.col.source"), width: 200, grow: 1}, {title: lang.L("kpi.col.mapped"), width: 120}}, 160,
		func() int { return len(t.prioK) }, func(r, c int) string {
			if c == 0 {
				return t.prioK[r]
			}
			return t.ed.sess().Project.TicketMappingConfig().Priorities[t.prioK[r]]
		}, t.editPriority)
	t.cat = newTable([]col{{title: lang.L("kpi.col.source"), width: 200, grow: 1}, {title: lang.L("kpi.col.mapped"), width: 180, grow: 1}}, 160,
		func() int { return len(t.catK) }, func(r, c int) string {
			if c == 0 {
				return t.catK[r]
			}
			id := t.ed.sess().Project.TicketMappingConfig().Categories[t.catK[r]]
			if pk := t.ed.sess().Project.PackageByID(id); pk != nil {
				return pk.Name
			}
			return lang.L("mon.import.no_package")
		}, t.editCategory)

	t.comp = kit.NewCommitEntry()
	t.points = kit.NewCommitEntry()
	t.pct = kit.NewCommitEntry()
	for _, e := range []*kit.CommitEntry{t.comp, t.points, t.pct} {
		e.CommitOn(t.saveSettings)
	}
	note := widget.NewLabel(lang.L("mon.data.mapping_note"))
	note.Wrapping = fyne.TextWrapWord
	lights := widget.NewLabel(lang.L("mon.data.lights_note"))
	lights.Wrapping = fyne.TextWrapWord
	settings := container.NewGridWrap(fyne.NewSize(250, 70),
		kit.Labelled(lang.L("mon.data.compliance"), t.comp), kit.Labelled(lang.L("mon.data.amber_points"), t.points), kit.Labelled(lang.L("mon.data.amber_pct"), t.pct))
	maps := container.NewAdaptiveGrid(2,
		kit.NewBorder(heading(lang.L("mon.import.priorities")), nil, nil, nil, t.prio),
		kit.NewBorder(heading(lang.L("mon.import.categories")), nil, nil, nil, t.cat))
	t.content = container.NewVScroll(container.NewVBox(t.counts, container.NewHScroll(bar), widget.NewSeparator(),
		heading(lang.L("mon.data.mapping")), note, maps, widget.NewSeparator(),
		heading(lang.L("mon.data.lights")), lights, settings))
	return t
}

func (t *dataTab) refresh() {
	p := t.ed.sess().Project
	s := spanOf(t.ed.ctx)
	reach := func(n int, first, last time.Time) string {
		if n == 0 {
			return lang.L("mon.data.none")
		}
		return reports.FormatDay(first) + " – " + reports.FormatDay(last)
	}
	t.counts.SetText(lang.L("mon.data.counts", map[string]any{
		"Tickets": plural.Number(s.Tickets), "TicketSpan": reach(s.Tickets, s.FirstTicket, s.LastTicket),
		"Calls": plural.Number(s.Calls), "CallSpan": reach(s.Calls, s.FirstCall, s.LastCall),
		"Answers": plural.Number(s.Answers),
	}))
	m := p.TicketMappingConfig()
	t.prioK = sortedMapKeys(m.Priorities)
	t.catK = sortedMapKeys(m.Categories)
	t.prio.refresh()
	t.cat.refresh()
	ks := p.KPISettingsConfig()
	set(t.comp, kit.FormatNumber(ks.CompliancePct))
	set(t.points, kit.FormatNumber(ks.AmberPoints))
	set(t.pct, kit.FormatNumber(ks.AmberPct))
	for _, b := range t.buttons {
		if t.ed.sess().ReadOnly() {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func sortedMapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// saveSettings stores the traffic-light limits (undoable).
func (t *dataTab) saveSettings() {
	vals := make([]float64, 3)
	for i, e := range []*kit.CommitEntry{t.comp, t.points, t.pct} {
		v, err := kit.ParseNumber(e.Text)
		if err != nil || v <= 0 || (i < 2 && v > 100) || v > 1000 {
			t.ed.ctx.Report(kit.InputError(lang.L("mon.data.limit_invalid", map[string]any{"Value": e.Text})))
			revert(t.refresh)
			return
		}
		vals[i] = v
	}
	s := domain.KPISettings{CompliancePct: vals[0], AmberPoints: vals[1], AmberPct: vals[2]}
	if s == t.ed.sess().Project.KPISettingsConfig() {
		return
	}
	if err := t.ed.sess().SetConfig(domain.ConfigKPISettings, domain.ConfigJSON(s)); err != nil {
		t.ed.ctx.Report(err)
	}
}

// editPriority lets the user map a saved priority onto another class.
func (t *dataTab) editPriority(row int) {
	if row >= len(t.prioK) || t.ed.ctx.Window == nil || t.ed.sess().ReadOnly() {
		return
	}
	key := t.prioK[row]
	classes := t.ed.sess().Project.ClassCodes()
	sel := widget.NewSelect(classes, nil)
	sel.SetSelected(t.ed.sess().Project.TicketMappingConfig().Priorities[key])
	dialog.ShowCustomConfirm(lang.L("mon.data.edit_priority", map[string]any{"Value": key}), lang.L("mon.ok"), lang.L("ui.cancel"), sel, func(ok bool) {
		if !ok || sel.Selected == "" {
			return
		}
		m := t.ed.sess().Project.TicketMappingConfig()
		m.Priorities[key] = sel.Selected
		if err := t.ed.sess().SetConfig(domain.ConfigTicketMapping, domain.ConfigJSON(m)); err != nil {
			t.ed.ctx.Report(err)
		}
	}, t.ed.ctx.Window)
}

// editCategory lets the user map a saved category onto another package.
func (t *dataTab) editCategory(row int) {
	if row >= len(t.catK) || t.ed.ctx.Window == nil || t.ed.sess().ReadOnly() {
		return
	}
	key := t.catK[row]
	pkgs := t.ed.sess().Project.Packages
	options := []string{lang.L("mon.import.no_package")}
	for _, p := range pkgs {
		options = append(options, p.Name)
	}
	sel := widget.NewSelect(options, nil)
	sel.SetSelectedIndex(0)
	cur := t.ed.sess().Project.TicketMappingConfig().Categories[key]
	for i, p := range pkgs {
		if p.ID == cur {
			sel.SetSelectedIndex(i + 1)
		}
	}
	dialog.ShowCustomConfirm(lang.L("mon.data.edit_category", map[string]any{"Value": key}), lang.L("mon.ok"), lang.L("ui.cancel"), sel, func(ok bool) {
		if !ok {
			return
		}
		m := t.ed.sess().Project.TicketMappingConfig()
		if k := sel.SelectedIndex(); k > 0 {
			m.Categories[key] = pkgs[k-1].ID
		} else {
			delete(m.Categories, key)
		}
		if err := t.ed.sess().SetConfig(domain.ConfigTicketMapping, domain.ConfigJSON(m)); err != nil {
			t.ed.ctx.Report(err)
		}
	}, t.ed.ctx.Window)
}

// askClear removes imported data of one kind after asking (undoable).
func (t *dataTab) askClear() {
	if t.ed.ctx.Window == nil {
		return
	}
	kinds := []string{session.ImportTickets, session.ImportCalls, session.ImportSurvey}
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = lang.L("mon.data.clear." + k)
	}
	radio := widget.NewRadioGroup(labels, nil)
	dialog.ShowCustomConfirm(lang.L("mon.data.clear"), lang.L("mon.data.clear_confirm"), lang.L("ui.cancel"), radio, func(ok bool) {
		if !ok || radio.Selected == "" {
			return
		}
		for i, l := range labels {
			if l == radio.Selected {
				clearKind(t.ed.ctx, kinds[i])
			}
		}
	}, t.ed.ctx.Window)
}

// fitFinding gives a finding's row the height of its wrapped text, so that long findings do not
// run into the next row.
func (ed *monitoringEditor) fitFinding(id widget.ListItemID, l *widget.Label) {
	w := ed.findingsList.Size().Width - theme.IconInlineSize() - 4*theme.Padding()
	if w <= 0 {
		return
	}
	// The wrapped height of the text at the row's width.
	probe := widget.NewLabel(l.Text)
	probe.Wrapping = fyne.TextWrapWord
	probe.Resize(fyne.NewSize(w, 0))
	h := probe.MinSize().Height
	if ed.findingHeights == nil {
		ed.findingHeights = map[widget.ListItemID]float32{}
	}
	if ed.findingHeights[id] != h {
		ed.findingHeights[id] = h
		ed.findingsList.SetItemHeight(id, h)
	}
}
