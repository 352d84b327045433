package monitoring

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// showTicket opens the ticket with id, read from the project file (the model holds no
// tickets); asOf is the moment an open ticket is measured to.
func showTicket(ctx *kit.Context, id int64, asOf time.Time) {
	var t *domain.Ticket
	err := ctx.Session.ReadFile(func(f *persistence.File) (err error) {
		t, err = f.Ticket(id)
		return err
	})
	if err != nil {
		ctx.Report(err)
		return
	}
	showTicketOf(ctx, t, asOf)
}

// showTicketOf opens what the project knows of a ticket: its times, its class and package, the
// SLA it is measured against, and its response and restoration in service time against the
// targets. asOf is the moment an open ticket is measured to.
func showTicketOf(ctx *kit.Context, t *domain.Ticket, asOf time.Time) {
	p := ctx.Session.Project
	if t == nil || ctx.Window == nil {
		return
	}
	pkg := lang.L("mon.ticket.no_package")
	if t.PackageID != nil {
		if pk := p.PackageByID(*t.PackageID); pk != nil {
			pkg = pk.Name
		}
	}
	rows := [][2]string{
		{lang.L("mon.ticket.id"), t.ExternalID},
		{lang.L("kpi.col.created"), reports.FormatDateTime(t.Created)},
		{lang.L("kpi.col.first_response"), when(t.FirstResponse)},
		{lang.L("kpi.col.resolved"), when(t.Resolved)},
		{lang.L("kpi.col.status"), orDash(t.Status)},
		{lang.L("kpi.col.class"), orDash(t.Priority)},
		{lang.L("kpi.col.category"), orDash(t.Category)},
		{lang.L("kpi.col.package"), pkg},
		{lang.L("kpi.col.school"), orDash(t.School)},
	}
	sla := domain.SLAInForce(p, t.PackageID)
	if sla != nil {
		rows = append(rows, [2]string{lang.L("mon.ticket.sla"), sla.Name})
		if c := sla.ClassByCode(t.Priority); c != nil {
			years := []int{t.Created.Year(), asOf.Year()}
			clock := domain.NewSLAClock(*sla, p.Meta.Bundesland, p.SchoolHolidays, years...)
			measure := func(done *time.Time, target int) string {
				end, open := asOf, true
				if done != nil {
					end, open = *done, false
				}
				took := clock.TargetElapsed(*c, t.Created, end)
				key := "mon.ticket.took"
				if open {
					key = "mon.ticket.so_far"
				}
				s := lang.L(key, map[string]any{"Took": reports.FormatMinutes(took.Minutes()), "Target": reports.FormatMinutes(float64(target))})
				if dl, ok := clock.TargetDeadline(*c, t.Created, target); ok {
					s += " · " + lang.L("mon.ticket.deadline", map[string]any{"Deadline": reports.FormatDateTime(dl)})
				}
				if took > time.Duration(target)*time.Minute {
					s += " · " + lang.L("mon.ticket.missed")
				}
				return s
			}
			responded := t.FirstResponse
			if responded == nil {
				responded = t.Resolved
			}
			rows = append(rows,
				[2]string{lang.L("kpi.kind.response"), measure(responded, c.ResponseMinutes)},
				[2]string{lang.L("kpi.kind.restore"), measure(t.Resolved, c.RestoreMinutes)})
			if c.CalendarTime {
				rows = append(rows, [2]string{"", lang.L("mon.ticket.calendar_time")})
			}
		} else {
			rows = append(rows, [2]string{"", lang.L("mon.ticket.no_class")})
		}
	}
	form := container.New(layout.NewFormLayout())
	for _, r := range rows {
		k := widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(r[1])
		v.Wrapping = fyne.TextWrapWord
		form.Add(k)
		form.Add(v)
	}
	note := widget.NewLabel(lang.L("mon.ticket.privacy"))
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	// The figures scroll when the window is lower than they are (a laptop at 1366×768 with a
	// taskbar): the dialog's title, note and button stay in the window.
	h := form.MinSize().Height
	if room := ctx.Window.Canvas().Size().Height - ticketDialogChrome; room > 0 && room < h {
		h = room
	}
	body := kit.NewBorder(nil, note, nil, nil, sized(container.NewVScroll(form), 0, h))
	dlg := dialog.NewCustom(lang.L("mon.ticket.title", map[string]any{"ID": t.ExternalID}), lang.L("mon.close"), sized(body, 560, 0), ctx.Window)
	dlg.Show()
}

// ticketDialogChrome is the height of the ticket dialog around its figures: title, privacy
// note, button and margins.
const ticketDialogChrome = 230

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// when writes a moment that may be missing.
func when(x *time.Time) string {
	if x == nil {
		return "–"
	}
	return reports.FormatDateTime(*x)
}
