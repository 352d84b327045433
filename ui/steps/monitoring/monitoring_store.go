package monitoring

import (
	"time"

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
)

// The tickets, calls and answers stay in the project file (see session/stored.go): step 12
// reads their reach and counts, one ticket, or a page of tickets from the store, and computes
// the KPIs from it on a goroutine.

// spanOf is the reach of the monitoring data in the file; zero when the file cannot be read
// (the error is logged here, the next computation reports it to the user).
func spanOf(ctx *kit.Context) persistence.MonitoringSpan {
	s, err := ctx.Session.MonitoringSpan()
	if err != nil {
		fyne.LogError("reading the reach of the monitoring data", err)
	}
	return s
}

// defaultPeriod is the quarter of the newest data (kpi.DefaultPeriod over the store).
func defaultPeriod(ctx *kit.Context) kpi.Period {
	return kpi.DefaultPeriodAt(spanOf(ctx).Horizon, ctx.Session.Today().Time)
}

// pageSize is how many rows a list of tickets or breaches shows at a time.
const pageSize = 200

// pager moves through a long list a page at a time: "201–400 von 44.123" between the buttons
// to the page before and the page after.
type pager struct {
	offset, shown, total int
	label                *widget.Label
	prev, next           *widget.Button
	content              fyne.CanvasObject
}

// newPager calls turn with the offset of the page the user asks for.
func newPager(turn func(offset int)) *pager {
	pg := &pager{label: widget.NewLabel("")}
	count := map[string]any{"Count": plural.Number(pageSize)}
	pg.prev = widget.NewButtonWithIcon(lang.L("mon.page.prev", count), theme.NavigateBackIcon(), func() { turn(max(pg.offset-pageSize, 0)) })
	pg.next = widget.NewButtonWithIcon(lang.L("mon.page.next", count), theme.NavigateNextIcon(), func() { turn(pg.offset + pageSize) })
	pg.next.IconPlacement = widget.ButtonIconTrailingText
	pg.content = container.NewHBox(pg.prev, pg.label, pg.next)
	pg.show(0, 0, 0)
	return pg
}

// show says which rows of how many are on screen and which way the list goes on.
func (pg *pager) show(offset, shown, total int) {
	pg.offset, pg.shown, pg.total = offset, shown, total
	if shown == 0 {
		pg.label.SetText(lang.L("mon.page.empty"))
	} else {
		pg.label.SetText(lang.L("mon.page.range", map[string]any{"From": plural.Number(offset + 1), "To": plural.Number(offset + shown),
			"Total": plural.Number(total)}))
	}
	enable(pg.prev, offset > 0)
	enable(pg.next, offset+shown < total)
}

// loading says that a page is on its way.
func (pg *pager) loading() {
	pg.label.SetText(lang.L("mon.page.loading"))
	pg.prev.Disable()
	pg.next.Disable()
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// ticketList is the dashboard's list of the period's tickets, a page at a time from the store.
type ticketList struct {
	ed     *monitoringEditor
	period kpi.Period
	page   persistence.TicketPage
	asOf   time.Time
	gen    int
	pager  *pager
	table  *table
	// loaded is called after a page is on screen (tests wait for it).
	loaded  func()
	content fyne.CanvasObject
}

func newTicketList(ed *monitoringEditor) *ticketList {
	l := &ticketList{ed: ed}
	l.pager = newPager(l.load)
	l.table = newTable([]col{
		{title: lang.L("kpi.col.ticket"), width: 90, grow: 1},
		{title: lang.L("kpi.col.created"), width: 130},
		{title: lang.L("kpi.col.first_response"), width: 130},
		{title: lang.L("kpi.col.resolved"), width: 130},
		{title: lang.L("kpi.col.class"), width: 56},
		{title: lang.L("kpi.col.category"), width: 130, grow: 1},
		{title: lang.L("kpi.col.package"), width: 150, grow: 1},
		{title: lang.L("kpi.col.status"), width: 90},
		{title: lang.L("kpi.col.school"), width: 150, grow: 2},
	}, 240, func() int { return len(l.page.Tickets) }, l.cell, l.open)
	head := widget.NewLabelWithStyle(lang.L("mon.tickets.head"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	l.content = kit.NewBorder(container.NewVBox(head, container.NewHScroll(l.pager.content)), nil, nil, nil, l.table)
	return l
}

// reset shows the first page of the period's tickets; asOf is the moment open tickets are
// measured to in the ticket dialog.
func (l *ticketList) reset(period kpi.Period, asOf time.Time) {
	l.period, l.asOf = period, asOf
	l.load(0)
}

// load reads the page from offset on a goroutine; only the newest request is shown.
func (l *ticketList) load(offset int) {
	l.gen++
	gen, s := l.gen, l.ed.sess()
	q := persistence.TicketQuery{From: l.period.Start(), To: l.period.End()}
	l.pager.loading()
	l.ed.ctx.Go(func() {
		// After the edits queued so far (a deleted package moves its tickets), from the file
		// the session writes to now (Speichern unter moves it).
		var page persistence.TicketPage
		err := s.ReadFile(func(f *persistence.File) (err error) {
			page, err = f.TicketPage(q, offset, pageSize)
			return err
		})
		fyne.Do(func() {
			if gen != l.gen {
				return
			}
			if err != nil {
				l.pager.show(0, 0, 0)
				l.ed.ctx.Report(err)
				return
			}
			l.page = page
			l.pager.show(page.Offset, len(page.Tickets), page.Total)
			l.table.table.ScrollToTop()
			l.table.refresh()
			if l.loaded != nil {
				l.loaded()
			}
		})
	})
}

func (l *ticketList) cell(row, col int) string {
	t := l.page.Tickets[row]
	switch col {
	case 0:
		return t.ExternalID
	case 1:
		return reports.FormatDateTime(t.Created)
	case 2:
		return when(t.FirstResponse)
	case 3:
		return when(t.Resolved)
	case 4:
		return t.Priority
	case 5:
		return kit.OneLine(orDash(t.Category))
	case 6:
		return packageCell(l.ed.sess().Project, t.PackageID)
	case 7:
		return orDash(t.Status)
	}
	return kit.OneLine(orDash(t.School))
}

// packageCell names a ticket's package in a table cell.
func packageCell(p *domain.Project, id *int64) string {
	if id != nil {
		if pk := p.PackageByID(*id); pk != nil {
			return kit.OneLine(pk.Name)
		}
	}
	return lang.L("kpi.none")
}

func (l *ticketList) open(row int) {
	if row < len(l.page.Tickets) {
		t := l.page.Tickets[row]
		showTicketOf(l.ed.ctx, &t, l.asOf)
	}
}
