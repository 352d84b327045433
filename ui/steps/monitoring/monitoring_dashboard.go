package monitoring

import (
	"fmt"
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
	"schulit-lotse/ui/session"
)

// dashboard is the first tab of step 12: the period picker, the KPI tiles with their lights,
// the charts (the same PNGs the monitoring report prints), the figures per priority, package,
// category or school, and the breach list whose rows open the ticket. The KPIs are computed on
// a goroutine; the window stays usable and shows that work is going on.
type dashboard struct {
	ed *monitoringEditor

	period  kpi.Period
	presets []preset
	preset  *widget.Select
	// scope shows all tickets, only the provider's (SLA) or only those measured against an OLA.
	scope    string
	scopeSel *widget.Select
	from     *kit.CommitEntry
	to       *kit.CommitEntry
	busy     *widget.ProgressBarInfinite
	status   *widget.Label

	views   *container.AppTabs
	tiles   *fyne.Container
	charts  *fyne.Container
	groupBy *widget.Select
	groups  *table
	shown   []kpi.Group
	breachL *widget.Label
	breach  *table
	// breachAt is the first breach of the page shown, breachPg its controls.
	breachAt int
	breachPg *pager
	tickets  *ticketList

	report *kpi.Report
	gen    int    // generation of the computation the screen waits for
	sig    string // the data the shown report was computed from
	// computed is called after a result is on screen (tests wait for it).
	computed func()

	content fyne.CanvasObject
}

// preset is an entry of the period picker.
type preset struct {
	label  string
	period kpi.Period
}

// periods remembers the chosen period per open project while the page is rebuilt.
var (
	periodsMu sync.Mutex
	periods   = map[*session.Session]kpi.Period{}
)

func newDashboard(ed *monitoringEditor) *dashboard {
	d := &dashboard{ed: ed}
	periodsMu.Lock()
	saved, ok := periods[ed.sess()]
	periodsMu.Unlock()
	if ok {
		d.period = saved
	} else {
		d.period = defaultPeriod(ed.ctx)
	}
	d.preset = widget.NewSelect(nil, func(s string) {
		for _, pr := range d.presets {
			if pr.label == s {
				d.setPeriod(pr.period)
				return
			}
		}
	})
	d.preset.PlaceHolder = lang.L("mon.period.choose")
	scopes := []string{kpi.ScopeAll, kpi.ScopeProvider, kpi.ScopeOLA}
	d.scopeSel = widget.NewSelect([]string{lang.L("mon.scope.all"), lang.L("mon.scope.provider"), lang.L("mon.scope.ola")}, func(string) {
		if i := d.scopeSel.SelectedIndex(); i >= 0 && scopes[i] != d.scope {
			d.scope = scopes[i]
			d.recompute(false)
		}
	})
	d.scopeSel.SetSelectedIndex(0)
	d.from = kit.NewCommitEntry()
	d.to = kit.NewCommitEntry()
	for _, e := range []*kit.CommitEntry{d.from, d.to} {
		e.SetPlaceHolder(lang.L("steps.date.placeholder"))
		e.CommitOn(d.periodTyped)
	}
	d.busy = widget.NewProgressBarInfinite()
	d.busy.Hide()
	d.status = widget.NewLabel("")
	d.status.Truncation = fyne.TextTruncateEllipsis
	reportBtn := widget.NewButtonWithIcon(lang.L("mon.report.button"), theme.DocumentPrintIcon(), func() { reportDialog(ed.ctx, d.period) })

	picker := container.NewHBox(widget.NewLabel(lang.L("mon.period")), sized(d.preset, 150, 0),
		sized(d.from, 104, 0), widget.NewLabel("–"), sized(d.to, 104, 0), sized(d.scopeSel, 190, 0))
	bar := container.NewVBox(
		kit.NewBorder(nil, nil, nil, reportBtn, container.NewHScroll(picker)),
		container.NewStack(d.status, d.busy))

	d.tiles = container.NewGridWrap(tileSize)
	d.charts = container.NewGridWrap(fyne.NewSize(470, 250))

	d.groupBy = widget.NewSelect([]string{lang.L("mon.group.priority"), lang.L("mon.group.package"), lang.L("mon.group.category"), lang.L("mon.group.school")},
		func(string) { d.fillGroups() })
	d.groups = newTable([]col{
		{title: lang.L("mon.group.priority"), width: 90, grow: 2},
		{title: lang.L("kpi.col.tickets"), width: 72, right: true},
		{title: lang.L("kpi.col.open"), width: 58, right: true},
		{title: lang.L("mon.col.response_share"), width: 110, right: true},
		{title: lang.L("mon.col.response_times"), width: 122, right: true},
		{title: lang.L("mon.col.restore_share"), width: 110, right: true},
		{title: lang.L("mon.col.restore_times"), width: 122, right: true},
		{title: lang.L("mon.col.breached"), width: 76, right: true},
	}, 200, func() int { return len(d.shown) }, d.groupCell, nil)
	d.groups.tint = d.groupTint

	d.breachL = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.breachL.Wrapping = fyne.TextWrapWord // the page keeps its width at 1024 px
	d.breach = newTable([]col{
		{title: lang.L("kpi.col.ticket"), width: 90, grow: 1},
		{title: lang.L("kpi.col.created"), width: 130},
		{title: lang.L("kpi.col.package"), width: 150, grow: 1},
		{title: lang.L("mon.col.decision"), width: 90},
		{title: lang.L("kpi.col.class"), width: 56},
		{title: lang.L("kpi.col.level"), width: 170, grow: 1},
		{title: lang.L("kpi.col.kind"), width: 90},
		{title: lang.L("kpi.col.elapsed"), width: 100, right: true},
		{title: lang.L("kpi.col.target_time"), width: 70, right: true},
		{title: lang.L("kpi.col.deadline"), width: 130},
		{title: lang.L("kpi.col.state"), width: 90},
		{title: lang.L("kpi.col.school"), width: 150, grow: 2},
	}, 240, func() int { return len(d.breachPage()) }, d.breachCell, nil)
	d.breach.pickCell = d.openBreach
	d.breach.tint = func(row int) color.Color {
		if b, ok := d.breachOf(row); ok && b.Open {
			return lightTint(kpi.LightRed) // still open: the breach grows
		}
		return nil
	}
	d.breachPg = newPager(d.showBreaches)
	d.tickets = newTicketList(ed)

	legend := widget.NewLabel(lang.L("mon.groups.legend"))
	legend.SizeName = theme.SizeNameCaptionText
	legend.Wrapping = fyne.TextWrapWord
	groupsHead := kit.NewBorder(nil, legend, widget.NewLabelWithStyle(lang.L("mon.groups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, container.NewHBox(d.groupBy))
	// Four views of the same report; the tables fill their view, so no scroll sits in a scroll.
	d.views = container.NewAppTabs(
		container.NewTabItem(lang.L("mon.view.tiles"), container.NewVScroll(d.tiles)),
		container.NewTabItem(lang.L("mon.view.groups"), kit.NewBorder(groupsHead, nil, nil, nil, d.groups)),
		container.NewTabItem(lang.L("mon.view.charts"), container.NewVScroll(d.charts)),
		container.NewTabItem(lang.L("mon.view.breaches"), kit.NewBorder(container.NewVBox(d.breachL, container.NewHScroll(d.breachPg.content)), nil, nil, nil, d.breach)),
		container.NewTabItem(lang.L("mon.view.tickets"), d.tickets.content),
	)
	d.content = kit.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, d.views)
	d.groupBy.SetSelectedIndex(0)
	d.showPeriod()
	return d
}

// setPeriod shows and computes a period; the choice is kept while the project is open.
func (d *dashboard) setPeriod(p kpi.Period) {
	if p == d.period && d.report != nil {
		return
	}
	d.period = p
	periodsMu.Lock()
	periods[d.ed.sess()] = p
	periodsMu.Unlock()
	d.showPeriod()
	d.recompute(true)
}

func (d *dashboard) showPeriod() {
	set(d.from, d.period.From.String())
	set(d.to, d.period.To.String())
	// The picker names the period when it is one of its entries.
	f := d.preset.OnChanged
	d.preset.OnChanged = nil
	d.preset.ClearSelected()
	for _, pr := range d.presets {
		if pr.period == d.period {
			d.preset.SetSelected(pr.label)
			break
		}
	}
	d.preset.OnChanged = f
}

// periodTyped takes the dates typed into the fields.
func (d *dashboard) periodTyped() {
	from, err1 := domain.ParseDate(strings.TrimSpace(d.from.Text))
	to, err2 := domain.ParseDate(strings.TrimSpace(d.to.Text))
	p := kpi.Period{From: from, To: to}
	if err1 != nil || err2 != nil || !p.Valid() {
		revert(d.showPeriod)
		d.ed.ctx.Report(kit.InputError(lang.L("mon.period.invalid")))
		return
	}
	if p != d.period {
		d.setPeriod(p)
	}
}

// buildPresets offers the quarters and months that hold data, newest first.
func (d *dashboard) buildPresets() {
	span := spanOf(d.ed.ctx)
	h := span.Horizon
	var out []preset
	if !h.IsZero() {
		first := h
		if f := span.First(); !f.IsZero() && f.Before(first) {
			first = f
		}
		last := kpi.DayOf(h)
		start := kpi.DayOf(first)
		for q := kpi.QuarterPeriod(last); !q.To.Before(start.Time) && len(out) < 12; q = q.Previous() {
			out = append(out, preset{label: lang.L("mon.period.quarter", map[string]any{"Q": (int(q.From.Month())-1)/3 + 1, "Year": q.From.Year()}), period: q})
		}
		for m := kpi.MonthPeriod(last); !m.To.Before(start.Time) && len(out) < 36; m = m.Previous() {
			out = append(out, preset{label: reports.MonthLabel(m.From.Format("2006-01")) + " (" + lang.L("mon.period.month") + ")", period: m})
		}
		out = append(out, preset{label: lang.L("mon.period.year", map[string]any{"Year": last.Year()}), period: kpi.YearPeriod(last)})
	}
	d.presets = out
	labels := make([]string, len(out))
	for i, pr := range out {
		labels[i] = pr.label
	}
	d.preset.Options = labels
	d.preset.Refresh()
	d.showPeriod()
}

// signature says which data a report depends on, cheaply: a new import, another SLA or other
// settings change it, minutes and measures do not. The rows stay in the file: their counts and
// reach and the session's count of edits of rows stand for them.
func signature(s *session.Session, span persistence.MonitoringSpan) string {
	p := s.Project
	var b strings.Builder
	fmt.Fprintf(&b, "%d/%d/%d|%d/%d/%d/%d|%d|%d|%d|%s|%s|", span.Tickets, span.Calls, span.Answers,
		span.FirstTicket.Unix(), span.TicketHorizon.Unix(), span.LastCall.Unix(), span.Horizon.Unix(), s.RowsRevision(),
		len(p.SchoolHolidays), len(p.Packages), p.Config[domain.ConfigKPISettings], p.Meta.Bundesland)
	for _, sla := range domain.SLAsInForce(p) {
		fmt.Fprintf(&b, "%v|", sla)
	}
	return b.String()
}

// recompute starts the computation on a goroutine unless the data and period are unchanged.
func (d *dashboard) recompute(force bool) {
	sig := signature(d.ed.sess(), spanOf(d.ed.ctx)) + d.period.String() + "|" + d.scope
	if !force && sig == d.sig && d.report != nil {
		return
	}
	d.sig = sig
	d.gen++
	gen := d.gen
	snap, src := d.ed.sess().Snapshot(), d.ed.sess().KPISource()
	period, scope := d.period, d.scope
	d.busy.Show()
	d.busy.Start()
	d.status.SetText(lang.L("mon.computing"))
	d.ed.ctx.Go(func() {
		var r *kpi.Report
		var ch reports.MonitoringCharts
		err := safely(func() error {
			var err error
			if r, err = kpi.ComputeFrom(snap, src, period, kpi.Options{Scope: scope}); err != nil {
				return err
			}
			ch, err = reports.BuildMonitoringCharts(snap, r)
			return err
		})
		fyne.Do(func() {
			if gen != d.gen {
				return // a newer computation is under way
			}
			d.busy.Stop()
			d.busy.Hide()
			if err != nil {
				d.status.SetText("")
				d.ed.ctx.Report(err)
				return
			}
			d.apply(r, ch)
			if d.computed != nil {
				d.computed()
			}
		})
	})
}

// safely turns a panic of a computation into an error, so the window survives it.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return fn()
}

// apply shows a computed report.
func (d *dashboard) apply(r *kpi.Report, ch reports.MonitoringCharts) {
	d.report = r
	g, a, red := r.LightCounts()
	d.status.SetText(lang.L("mon.basis", map[string]any{"Previous": reports.FormatPeriod(r.Previous), "AsOf": reports.FormatDateTime(r.AsOf),
		"Green": g, "Amber": a, "Red": red}))
	var tiles []fyne.CanvasObject
	for _, in := range r.Indicators {
		tiles = append(tiles, kpiTile(in))
	}
	// The classes' lights colour their rows in the table below instead of adding eight tiles.
	d.tiles.Objects = tiles
	d.tiles.Refresh()

	var imgs []fyne.CanvasObject
	for i, png := range [][]byte{ch.Trend, ch.Restore, ch.Heat, ch.Response, ch.Scores} {
		if png != nil {
			imgs = append(imgs, chartImage(png, fmt.Sprintf("kpi-%d-%d.png", d.gen, i), 460, 240))
		}
	}
	if len(imgs) == 0 {
		none := widget.NewLabel(lang.L("mon.no_data"))
		none.Wrapping = fyne.TextWrapWord
		imgs = append(imgs, none)
	}
	d.charts.Objects = imgs
	d.charts.Refresh()

	d.fillGroups()
	d.breachL.SetText(lang.L("mon.breaches", map[string]any{"Count": plural.Number(len(r.Tickets.Breaches)), "Tickets": plural.Number(r.Tickets.Total.Breaches)}))
	d.showBreaches(0)
	d.tickets.reset(r.Period, r.AsOf)
}

// showBreaches shows the page of breaches from offset.
func (d *dashboard) showBreaches(offset int) {
	d.breachAt = offset
	n := 0
	if d.report != nil {
		n = len(d.report.Tickets.Breaches)
	}
	d.breachPg.show(offset, len(d.breachPage()), n)
	d.breach.table.ScrollToTop()
	d.breach.refresh()
}

// breachPage are the breaches on screen.
func (d *dashboard) breachPage() []kpi.Breach {
	if d.report == nil || d.breachAt >= len(d.report.Tickets.Breaches) {
		return nil
	}
	all := d.report.Tickets.Breaches[d.breachAt:]
	return all[:min(len(all), pageSize)]
}

// breachOf is the breach of a row on screen.
func (d *dashboard) breachOf(row int) (kpi.Breach, bool) {
	page := d.breachPage()
	if row < 0 || row >= len(page) {
		return kpi.Breach{}, false
	}
	return page[row], true
}

// fillGroups shows the ticket figures by the chosen grouping.
func (d *dashboard) fillGroups() {
	if d.report == nil {
		d.shown = nil
		d.groups.refresh()
		return
	}
	t := d.report.Tickets
	switch d.groupBy.SelectedIndex() {
	case 1:
		d.shown = t.ByPackage
	case 2:
		d.shown = t.ByCategory
	case 3:
		d.shown = t.BySchool
	default:
		d.shown = t.ByPriority
	}
	if d.groupBy.SelectedIndex() >= 0 {
		d.groups.cols[0].title = d.groupBy.Selected
	}
	d.groups.table.Refresh()
}

// groupTint colours a priority's row by the worse light of its two shares.
func (d *dashboard) groupTint(row int) color.Color {
	if d.report == nil || d.groupBy.SelectedIndex() > 0 || row >= len(d.shown) {
		return nil
	}
	worst := kpi.LightNone
	rank := map[kpi.Light]int{kpi.LightNone: 0, kpi.LightGreen: 1, kpi.LightAmber: 2, kpi.LightRed: 3}
	for _, in := range d.report.ClassIndicators {
		if in.Label == d.shown[row].Key && rank[in.Light] > rank[worst] {
			worst = in.Light
		}
	}
	return lightTint(worst)
}

func (d *dashboard) groupCell(row, col int) string {
	g := d.shown[row]
	times := func(ts kpi.TimeStats) string {
		if ts.Times == 0 {
			return "–"
		}
		return clockTime(ts.MedianMin) + " · " + clockTime(ts.P90Min)
	}
	switch col {
	case 0:
		if g.Key == "" {
			return lang.L("kpi.none")
		}
		return kit.OneLine(g.Key)
	case 1:
		return reports.FormatCount(g.Tickets)
	case 2:
		return reports.FormatCount(g.Open)
	case 3:
		return pctOrDash(g.Response.SharePct, g.Response.Measured)
	case 4:
		return times(g.Response)
	case 5:
		return pctOrDash(g.Restore.SharePct, g.Restore.Measured)
	case 6:
		return times(g.Restore)
	}
	return reports.FormatCount(g.Breaches)
}

func (d *dashboard) breachCell(row, col int) string {
	b, _ := d.breachOf(row)
	p := d.ed.sess().Project
	switch col {
	case 0:
		return b.ExternalID
	case 1:
		return reports.FormatDateTime(b.Created)
	case 2:
		return packageCell(p, b.PackageID)
	case 3:
		if b.PackageID != nil {
			if dec := p.DecisionFor(*b.PackageID); dec != nil && dec.Outcome != domain.OutcomeOpen {
				return lang.L("src.outcome." + string(dec.Outcome))
			}
		}
		return "–"
	case 4:
		return b.Priority
	case 5:
		if l := domain.LevelInForce(p, b.PackageID); l != nil {
			if l.Internal {
				return kit.OneLine(l.Name) + " (" + lang.L("sla.ola.short") + ")"
			}
			return kit.OneLine(l.Name)
		}
		return "–"
	case 6:
		return lang.L("kpi.kind." + b.Kind)
	case 7:
		return reports.FormatMinutes(b.ElapsedMin)
	case 8:
		return reports.FormatMinutes(float64(b.TargetMin))
	case 9:
		return reports.FormatDateTime(b.Deadline)
	case 10:
		if b.Open {
			return lang.L("kpi.breach.open")
		}
		return lang.L("kpi.breach.done")
	}
	return kit.OneLine(b.School)
}

// breachSteps are the steps the package, decision and level columns of a breach open.
var breachSteps = map[int]domain.StepID{2: domain.StepRequirements, 3: domain.StepSourcing, 5: domain.StepSLA}

// openBreach opens what a cell of a breach names: its package (step 3), the package's decision
// (step 6) or its service level (step 7); the other cells show the ticket.
func (d *dashboard) openBreach(row, col int) {
	b, ok := d.breachOf(row)
	if !ok {
		return
	}
	if step, ok := breachSteps[col]; ok && b.PackageID != nil && d.ed.ctx.OpenStep != nil {
		d.ed.ctx.OpenStep(step)
		return
	}
	showTicket(d.ed.ctx, b.TicketID, d.report.AsOf)
}

// clockTime writes minutes as h:mm, short enough for a table of times.
func clockTime(m float64) string {
	total := int(m + 0.5)
	return fmt.Sprintf("%d:%02d", total/60, total%60)
}
