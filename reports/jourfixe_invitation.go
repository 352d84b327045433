package reports

import (
	"errors"
	"fmt"
	"io"
	"time"

	"schulit-lotse/reports/award"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/pdfkit"
)

// The invitation to a Jour fixe: the agenda with what the meeting will look at – the KPIs of
// the period it reviews (kpi.MeetingPeriod, measured as the data stand), the measures still
// open, the milestones due and the contract's next notice date. It goes to the provider, so it
// does not name the program.

// WriteJourFixeInvitation writes the invitation to the Jour fixe on day as PDF to w. The meeting
// need not be recorded yet; when it is, its participants are invited, else those of the last one.
func WriteJourFixeInvitation(w io.Writer, p *domain.Project, day domain.Date, opt Options) (err error) {
	defer pdfkit.CatchPDF(&err)
	_, date, err := opt.Begin(p) // prints the texts as they are
	if err != nil {
		return err
	}
	period := kpi.MeetingPeriod(day)
	var rep *kpi.Report
	if p.Monitoring().HasData() {
		src := opt.MonitoringOf(p)
		horizon, err := src.TicketHorizon()
		if err != nil {
			return err
		}
		if rep, err = kpi.ComputeFrom(p, src, period, kpi.Options{AsOf: kpi.MeetingAsOfAt(horizon, day)}); err != nil {
			if errors.Is(err, kpi.ErrPeriod) {
				return fmt.Errorf("%s: %w", tr("reports.err.pdf"), err)
			}
			return err
		}
		if rep.Tickets.Total.Tickets+rep.Hotline.Calls+rep.Satisfaction.Answers == 0 {
			rep = nil // nothing measured in the period yet
		}
	}
	r := pdfkit.LayOut(func(breaks map[int]bool) *pdfkit.Report {
		return writeInvitationPages(p, day, period, rep, date, breaks)
	})
	return pdfkit.Emit(w, r)
}

// WriteJourFixeInvitationFile writes the invitation to path atomically.
func WriteJourFixeInvitationFile(path string, p *domain.Project, day domain.Date, opt Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteJourFixeInvitation(w, p, day, opt) })
}

// lastJourFixeBefore is the latest meeting before day, nil when there was none.
func lastJourFixeBefore(p *domain.Project, day domain.Date) *domain.JourFixe {
	var last *domain.JourFixe
	for i := range p.JourFixes {
		j := &p.JourFixes[i]
		if j.Date.Before(day.Time) && (last == nil || j.Date.After(last.Date.Time)) {
			last = j
		}
	}
	return last
}

func writeInvitationPages(p *domain.Project, day domain.Date, period kpi.Period, rep *kpi.Report, date time.Time, breaks map[int]bool) *pdfkit.Report {
	title := tr("kpi.invite.title", map[string]any{"Date": pdfkit.FormatDate(day.Time)})
	r := pdfkit.NewDocument(p, date, title, tr("kpi.invite.subject"), true, breaks) // sent to the provider

	participants := ""
	last := lastJourFixeBefore(p, day)
	if j := JourFixeOn(p, day); j != nil {
		participants = p.AttendeeNames(j.Participants)
	} else if last != nil {
		participants = p.AttendeeNames(last.Participants)
	}
	r.DocumentHead(p, title, append([][2]string{
		{tr("kpi.protocol.date"), pdfkit.FormatDate(day.Time)},
		{tr("kpi.report.provider"), pdfkit.OrDash(pdfkit.Line(p.Contract.Provider))},
		{tr("kpi.invite.invited"), pdfkit.OrDash(pdfkit.Line(participants))},
		{tr("kpi.protocol.period"), FormatPeriod(period)},
	}, pdfkit.DocumentFields(p, date, false)...))

	// TOP 1: the minutes of the last meeting.
	r.Heading(0, "1", tr("kpi.invite.h.minutes"))
	if last != nil {
		r.Paragraph(tr("kpi.invite.minutes", map[string]any{"Date": pdfkit.FormatDate(last.Date.Time)}))
	} else {
		r.Paragraph(tr("kpi.invite.first"))
	}

	// TOP 2: the period's KPIs as the data stand.
	r.Heading(0, "2", tr("kpi.invite.h.kpis", map[string]any{"Period": FormatPeriod(period)}))
	if rep == nil {
		r.Note(tr("kpi.invite.no_kpis"))
	} else {
		r.Note(tr("kpi.invite.kpis_basis", map[string]any{"AsOf": FormatDateTime(rep.AsOf)}))
		r.Table(indicatorTable(append(append([]kpi.Indicator(nil), rep.Indicators...), rep.ClassIndicators...)))
	}

	// TOP 3: measures still open.
	r.Heading(0, "3", tr("kpi.invite.h.measures"))
	measuresOrNote(r, p, domain.OpenMeasuresBefore(p, day), true, "kpi.invite.no_measures")

	// TOP 4: milestones due.
	r.Heading(0, "4", tr("kpi.invite.h.milestones"))
	if ms := domain.MilestonesDue(p, day); len(ms) == 0 {
		r.Note(tr("kpi.invite.no_milestones"))
	} else {
		rows := make([][]string, 0, len(ms))
		for _, m := range ms {
			state := tr("kpi.invite.milestone.due")
			switch {
			case m.Overdue(day):
				state = tr("kpi.invite.milestone.overdue")
			case m.Due.After(domain.MeetingHorizon(day).Time):
				state = tr("kpi.invite.milestone.next") // none is due: the next one
			}
			rows = append(rows, []string{pdfkit.FormatDate(m.Due.Time), m.Name, pdfkit.OrDash(pdfkit.Line(m.Owner)), state})
		}
		r.Table(pdfkit.Table{Columns: []pdfkit.Column{
			{Title: tr("award.spec.transition.col.due"), Width: 16},
			{Title: tr("award.spec.transition.col.milestone"), Width: 46},
			{Title: tr("kpi.col.owner"), Width: 22},
			{Title: tr("kpi.col.state"), Width: 16},
		}, Rows: rows, Zebra: true})
	}

	// TOP 5: the contract's next notice date.
	r.Heading(0, "5", tr("kpi.invite.h.contract"))
	if p.Contract.Start == nil {
		r.Note(tr("kpi.invite.no_contract"))
	} else {
		r.Paragraph(tr("kpi.invite.notice", map[string]any{"Rule": award.NoticeRule(p.Contract),
			"Notice": award.NoticeText(p.Contract, domain.NextNotice(p.Contract, day))}))
	}

	// TOP 6: other business.
	r.Heading(0, "6", tr("kpi.invite.h.other"))
	r.Paragraph(tr("kpi.invite.other"))
	return r
}
