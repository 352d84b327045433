package award

import (
	"fmt"
	"strconv"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Chapters of the Leistungsbeschreibung that come from the data beyond step 7: the
// Mengengerüst (hours per package; tickets, calls and schools from the monitoring data), the
// transition into and out of the contract, and penalties. What the data do not hold is a
// clearly marked part for the procurement office to fill in.

// specVolumeBlocks is the Mengengerüst: hours per package, and where monitoring data exist the
// number of schools and tickets by priority and calls per month.
func specVolumeBlocks(b *specBuilder, spec domain.ServiceSpec, vol domain.ServiceVolume) {
	b.heading(tr("award.spec.h.volume"))
	b.para(tr("award.spec.volume.intro"))
	if len(spec.Packages) > 0 {
		b.sub(tr("award.spec.volume.h.hours"))
		rows := make([][]string, 0, len(spec.Packages))
		tasks := 0
		for _, sp := range spec.Packages {
			name := sp.Package.Name
			if sp.Package.ID == 0 {
				name = tr("award.spec.no_package")
			}
			tasks += len(sp.Tasks)
			rows = append(rows, []string{name, strconv.Itoa(len(sp.Tasks)), pdfkit.FormatNumber(sp.HoursPerMonth), pdfkit.FormatNumber(sp.HoursPerMonth * 12)})
		}
		b.add(specBlock{kind: specTable, table: pdfkit.Table{
			Columns: []pdfkit.Column{
				{Title: tr("award.spec.volume.col.package"), Width: 46},
				{Title: tr("award.spec.volume.col.tasks"), Width: 14, Align: pdfkit.AlignRight},
				{Title: tr("award.spec.volume.col.month"), Width: 20, Align: pdfkit.AlignRight},
				{Title: tr("award.spec.volume.col.year"), Width: 20, Align: pdfkit.AlignRight},
			},
			Rows:  rows,
			Foot:  [][]string{{tr("reports.total"), strconv.Itoa(tasks), pdfkit.FormatNumber(spec.HoursPerMonth), pdfkit.FormatNumber(spec.HoursPerMonth * 12)}},
			Zebra: true,
		}})
	}
	if len(vol.Months) == 0 {
		b.note(tr("award.spec.volume.no_tickets"))
		return
	}
	b.sub(tr("award.spec.volume.h.tickets"))
	first, last := vol.Months[0].Month, vol.Months[len(vol.Months)-1].Month
	b.para(tr("award.spec.volume.tickets_intro", map[string]any{"From": specMonth(first), "To": specMonth(last), "Months": len(vol.Months)}))
	if vol.Schools > 0 {
		b.pairs([2]string{tr("award.spec.volume.schools"), strconv.Itoa(vol.Schools)})
	}
	b.add(specBlock{kind: specTable, table: specVolumeTable(vol)})
}

// specVolumeTable has a row per month: tickets per priority, tickets in all, calls; the foot
// sums them and gives the monthly mean.
func specVolumeTable(vol domain.ServiceVolume) pdfkit.Table {
	prios := vol.Priorities()
	cols := []pdfkit.Column{{Title: tr("award.spec.volume.col.month_name"), Width: 16}}
	for _, pr := range prios {
		title := pr
		if pr == "" {
			title = tr("award.spec.volume.col.no_priority")
		}
		cols = append(cols, pdfkit.Column{Title: title, Width: 10, Align: pdfkit.AlignRight})
	}
	cols = append(cols, pdfkit.Column{Title: tr("award.spec.volume.col.tickets"), Width: 14, Align: pdfkit.AlignRight},
		pdfkit.Column{Title: tr("award.spec.volume.col.calls"), Width: 14, Align: pdfkit.AlignRight})
	sums := make([]int, len(prios)+2)
	var rows [][]string
	for _, m := range vol.Months {
		row := []string{specMonth(m.Month)}
		for i, pr := range prios {
			row = append(row, pdfkit.FormatCount(m.Tickets[pr]))
			sums[i] += m.Tickets[pr]
		}
		row = append(row, pdfkit.FormatCount(m.TicketCount()), pdfkit.FormatCount(m.Calls))
		sums[len(prios)] += m.TicketCount()
		sums[len(prios)+1] += m.Calls
		rows = append(rows, row)
	}
	total := []string{tr("reports.total")}
	mean := []string{tr("award.spec.volume.mean")}
	for _, s := range sums {
		total = append(total, pdfkit.FormatCount(s))
		// one decimal: 597 tickets in 6 months = 99,5 a month
		mean = append(mean, pdfkit.FormatNumber(float64(int(float64(s)/float64(len(vol.Months))*10+0.5))/10))
	}
	return pdfkit.Table{Columns: cols, Rows: rows, Foot: [][]string{total, mean}, Zebra: true}
}

// specMonth is "Jan 2027".
func specMonth(d domain.Date) string {
	return tr(fmt.Sprintf("kpi.month.%02d", int(d.Month()))) + " " + strconv.Itoa(d.Year())
}

// specTransitionBlocks is the handover at the start (contract start, kick-off, the milestones of
// the first months) and the exit at the end (term, renewal, notice; the duties to fill in).
func specTransitionBlocks(b *specBuilder, p *domain.Project, term domain.SpecTerm) {
	b.heading(tr("award.spec.h.transition"))
	b.para(tr("award.spec.transition.intro"))
	b.sub(tr("award.spec.transition.h.start"))
	if term.Contract {
		b.para(tr("award.spec.transition.start", map[string]any{"Start": pdfkit.FormatDate(term.Start.Time)}))
	}
	if k := p.Kickoff; k.Date != nil {
		text := tr("award.spec.transition.kickoff", map[string]any{"Date": pdfkit.FormatDate(k.Date.Time)})
		if place := pdfkit.Line(k.Place); place != "" {
			text = tr("award.spec.transition.kickoff_place", map[string]any{"Date": pdfkit.FormatDate(k.Date.Time), "Place": place})
		}
		b.para(text)
	}
	if ms := domain.TransitionMilestones(p, term); len(ms) > 0 {
		b.para(tr("award.spec.transition.milestones"))
		rows := make([][]string, 0, len(ms))
		for _, m := range ms {
			rows = append(rows, []string{pdfkit.FormatDate(m.Due.Time), m.Name, m.Note})
		}
		b.add(specBlock{kind: specTable, table: pdfkit.Table{
			Columns: []pdfkit.Column{
				{Title: tr("award.spec.transition.col.due"), Width: 16},
				{Title: tr("award.spec.transition.col.milestone"), Width: 42},
				{Title: tr("award.spec.transition.col.note"), Width: 42},
			},
			Rows: rows, Zebra: true,
		}})
	} else {
		b.note(tr("award.spec.fill", map[string]any{"What": tr("award.spec.transition.fill_start")}))
	}

	b.sub(tr("award.spec.transition.h.exit"))
	if term.Contract {
		c := p.Contract
		end := tr("award.spec.transition.open_ended")
		if term.End != nil {
			end = pdfkit.FormatDate(term.End.Time)
		}
		kv := [][2]string{{tr("award.spec.transition.end"), end}}
		if term.End != nil {
			kv = append(kv, [2]string{tr("award.spec.transition.after"), specAfterTerm(c)})
		}
		kv = append(kv, [2]string{tr("award.spec.transition.notice"), NoticeRule(c)})
		b.pairs(kv...)
	}
	b.para(tr("award.spec.transition.exit_intro"))
	b.add(specBlock{kind: specBullets, items: []string{
		tr("award.spec.transition.exit.docs"), tr("award.spec.transition.exit.data"),
		tr("award.spec.transition.exit.successor"), tr("award.spec.transition.exit.pay"),
	}})
	b.note(tr("award.spec.fill", map[string]any{"What": tr("award.spec.transition.fill_exit")}))
}

// specAfterTerm says what happens when the fixed term ends, in the words of a tender.
func specAfterTerm(c domain.Contract) string {
	switch c.AfterTerm {
	case domain.AfterTermRenew:
		return tr("award.spec.transition.after.renew", map[string]any{"Months": c.RenewalMonths})
	case domain.AfterTermEnd:
		return tr("award.spec.transition.after.end")
	}
	return tr("award.spec.transition.after.open")
}

// specPenaltyBlocks: the project records no penalties or bonus-malus rule, so the chapter says
// what the procurement office fills in, tied to the service levels of chapter 3.
func specPenaltyBlocks(b *specBuilder) {
	b.heading(tr("award.spec.h.penalties"))
	b.note(tr("award.spec.fill", map[string]any{"What": tr("award.spec.penalties.fill")}))
}
