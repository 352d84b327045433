package reports

import (
	"errors"
	"io"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/pdfkit"
)

// The protocol of one Jour fixe: who met, the KPIs as they were frozen in the meeting, what
// was noted and decided, the measures agreed with owner and due date, and the open measures
// the meeting carried over. It is sent to the participants, so it shows what the meeting saw,
// not what later imports say.

// errNoJourFixeKey words the error when no Jour fixe was held on the day asked for.
const errNoJourFixeKey = "kpi.protocol.err.none"

// JourFixeOn is the Jour fixe held on day, nil when there was none.
func JourFixeOn(p *domain.Project, day domain.Date) *domain.JourFixe {
	for i := range p.JourFixes {
		if p.JourFixes[i].Date.Equal(day.Time) {
			return &p.JourFixes[i]
		}
	}
	return nil
}

// WriteJourFixeProtocol writes the protocol of the Jour fixe held on day as PDF to w.
func WriteJourFixeProtocol(w io.Writer, p *domain.Project, day domain.Date, opt Options) (err error) {
	defer pdfkit.CatchPDF(&err)
	p, date, err := opt.Begin(p)
	if err != nil {
		return err
	}
	j := JourFixeOn(p, day)
	if j == nil {
		return errors.New(tr(errNoJourFixeKey, map[string]any{"Date": pdfkit.FormatDate(day.Time)}))
	}
	r := pdfkit.LayOut(func(breaks map[int]bool) *pdfkit.Report { return writeProtocolPages(p, *j, date, breaks) })
	return pdfkit.Emit(w, r)
}

// WriteJourFixeProtocolFile writes the protocol to path atomically.
func WriteJourFixeProtocolFile(path string, p *domain.Project, day domain.Date, opt Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteJourFixeProtocol(w, p, day, opt) })
}

func writeProtocolPages(p *domain.Project, j domain.JourFixe, date time.Time, breaks map[int]bool) *pdfkit.Report {
	title := tr("kpi.protocol.title", map[string]any{"Date": pdfkit.FormatDate(j.Date.Time)})
	r := pdfkit.NewDocument(p, date, title, tr("kpi.protocol.subject"), true, breaks) // sent to the provider
	frozen, hasFrozen := kpi.ParseFrozen(j.FrozenKPIs)

	// Head: the meeting and the document control on the first page; a protocol is short.
	fields := [][2]string{
		{tr("kpi.protocol.date"), pdfkit.FormatDate(j.Date.Time)},
		{tr("kpi.report.provider"), pdfkit.OrDash(pdfkit.Line(p.Contract.Provider))},
		{tr("kpi.protocol.participants"), pdfkit.OrDash(pdfkit.Line(p.AttendeeNames(j.Participants)))},
	}
	if hasFrozen {
		fields = append(fields, [2]string{tr("kpi.protocol.period"), FormatPeriod(frozen.Period)})
	}
	r.DocumentHead(p, title, append(fields, pdfkit.DocumentFields(p, date, false)...))

	// 1 KPIs as frozen in the meeting.
	r.Heading(0, "1", tr("kpi.protocol.h.kpis"))
	if !hasFrozen {
		r.Note(tr("kpi.protocol.no_kpis"))
	} else {
		// The method goes above the table: a line of its own below it ends up alone on a page.
		r.Note(tr("kpi.protocol.kpis_basis", map[string]any{"Period": FormatPeriod(frozen.Period), "AsOf": FormatDateTime(frozen.AsOf),
			"Method": FrozenMethod(frozen)}))
		r.Table(indicatorTable(append(append([]kpi.Indicator(nil), frozen.Indicators...), frozen.ClassIndicators...)))
	}

	// 2 Notes and decisions.
	r.Heading(0, "2", tr("kpi.protocol.h.notes"))
	if pdfkit.Line(j.Notes) == "" {
		r.Note(tr("kpi.protocol.no_notes"))
	} else {
		r.Paragraph(j.Notes)
	}

	// 3 Measures agreed in this meeting, with their state today.
	r.Heading(0, "3", tr("kpi.protocol.h.agreed"))
	var agreed []domain.Measure
	for _, m := range p.Measures {
		if m.JourFixeID != nil && *m.JourFixeID == j.ID {
			agreed = append(agreed, m)
		}
	}
	measuresOrNote(r, p, agreed, false, "kpi.protocol.no_agreed")

	// 4 Open measures carried over, as the meeting saw them.
	r.Heading(0, "4", tr("kpi.protocol.h.carried"))
	var carried []kpi.FrozenMeasure
	if hasFrozen {
		for _, m := range frozen.CarriedMeasures {
			if m.JourFixeID == nil || *m.JourFixeID != j.ID {
				carried = append(carried, m)
			}
		}
	}
	switch {
	case !hasFrozen:
		r.Note(tr("kpi.protocol.no_carried_snapshot"))
	case len(carried) == 0:
		r.Note(tr("kpi.protocol.no_carried"))
	default:
		domain.SortByDue(carried, func(m kpi.FrozenMeasure) (*domain.Date, int64) { return m.Due, m.ID })
		r.Table(protocolMeasureTable(p, carried, true))
	}
	return r
}

// measuresOrNote lists the measures ms sorted by due date (protocolMeasureTable), or says with
// the note none that there are none.
func measuresOrNote(r *pdfkit.Report, p *domain.Project, ms []domain.Measure, withOrigin bool, none string) {
	if len(ms) == 0 {
		r.Note(tr(none))
		return
	}
	domain.SortMeasures(ms)
	r.Table(protocolMeasureTable(p, kpi.FreezeMeasures(p, ms), withOrigin))
}

// protocolMeasureTable lists measures with owner and due date; withOrigin adds the meeting that
// agreed them (for carried-over measures), else their state.
func protocolMeasureTable(p *domain.Project, ms []kpi.FrozenMeasure, withOrigin bool) pdfkit.Table {
	rows := make([][]string, 0, len(ms))
	for _, m := range ms {
		due := "–"
		if m.Due != nil {
			due = pdfkit.FormatDate(m.Due.Time)
		}
		last := tr("kpi.measure." + domain.MeasureStatusKey(m.Status))
		if withOrigin {
			last = "–"
			if m.JourFixeID != nil {
				if o := p.JourFixeByID(*m.JourFixeID); o != nil {
					last = pdfkit.FormatDate(o.Date.Time)
				}
			}
		}
		rows = append(rows, []string{m.Text, pdfkit.OrDash(pdfkit.Line(m.Owner)), due, last})
	}
	lastTitle := tr("kpi.col.state")
	if withOrigin {
		lastTitle = tr("kpi.col.agreed")
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("kpi.col.measure"), Width: 50},
			{Title: tr("kpi.col.owner"), Width: 20},
			{Title: tr("kpi.col.due"), Width: 14},
			{Title: lastTitle, Width: 16},
		},
		Rows: rows, Zebra: true,
	}
}
