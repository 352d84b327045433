package award

import (
	"fmt"
	"io"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// The Vergabevermerk documents the award for the file: the procedure, the criteria and their
// weights as the bidders received them, every bid's score per criterion with its reason, the
// ranking by the announced method, and every reopening of the frozen tender with the changes
// made, their day and their reason.

// WriteAwardRecord writes the Vergabevermerk as PDF to w.
func WriteAwardRecord(w io.Writer, p *domain.Project, opt pdfkit.Options) (err error) {
	defer pdfkit.CatchPDF(&err)
	p, date, err := opt.Begin(p)
	if err != nil {
		return err
	}
	r := pdfkit.LayOut(func(breaks map[int]bool) *pdfkit.Report { return writeAwardRecordPages(p, date, breaks) })
	return pdfkit.Emit(w, r)
}

// WriteAwardRecordFile writes the Vergabevermerk to path atomically.
func WriteAwardRecordFile(path string, p *domain.Project, opt pdfkit.Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteAwardRecord(w, p, opt) })
}

func writeAwardRecordPages(p *domain.Project, date time.Time, breaks map[int]bool) *pdfkit.Report {
	title := tr("award.record.title")
	r := pdfkit.NewDocument(p, date, title, tr("award.record.subject"), false, breaks)

	// The method follows in chapter 3; its long labels would not fit the head.
	r.DocumentHead(p, title, append(procedure(p.Tender)[:4], pdfkit.DocumentFields(p, date, false)...))

	ev := domain.Evaluate(p.Tender, p.Criteria, p.Bids)

	// 1 Criteria and weights, and since when they are fixed.
	r.Heading(0, "1", tr("award.record.h.criteria"))
	r.Paragraph(FreezeText(p, p.AsOf(date)))
	if len(p.Criteria) == 0 {
		r.Note(tr("award.record.no_criteria"))
	} else {
		r.Table(criteriaTable(p.Criteria))
	}

	// 2 Every bid's scores with their reasons.
	r.Heading(0, "2", tr("award.record.h.scores"))
	if len(p.Bids) == 0 {
		r.Note(tr("award.record.no_bids"))
	}
	for _, b := range p.Bids {
		r.Subsection(tr("award.record.bid", map[string]any{"Bidder": pdfkit.Line(b.Bidder), "Price": euro(b.Price)}))
		r.Table(reasonTable(p, b))
		if pdfkit.Line(b.Note) != "" {
			r.Note(tr("award.bid.note") + ": " + pdfkit.Line(b.Note))
		}
	}

	// 3 The ranking by the announced method.
	r.Heading(0, "3", tr("award.record.h.ranking"))
	if len(p.Bids) > 0 {
		r.Paragraph(methodExplanation(p.Tender, ev))
		r.Table(rankingTable(p, ev))
	}
	r.Paragraph(outcomeText(ev))

	// 4 Reopenings and changes with day and reason.
	r.Heading(0, "4", tr("award.record.h.changes"))
	if len(p.TenderLog) == 0 {
		r.Note(tr("award.record.no_changes"))
	} else {
		r.Table(logTable(p.TenderLog))
	}
	return r
}

// FreezeText says whether and why the criteria are fixed, and whether the tender is reopened
// (step 8's editor shows the same sentence).
func FreezeText(p *domain.Project, today domain.Date) string {
	switch why := domain.TenderFreeze(p, today); {
	case why == "":
		return tr("award.freeze.open")
	case domain.OpenReopening(p) != nil:
		o := domain.OpenReopening(p)
		return tr("award.freeze.reopened", map[string]any{"Date": pdfkit.FormatDate(o.On.Time), "Reason": pdfkit.Line(o.Reason)})
	default:
		return tr("award.freeze."+why, map[string]any{"Date": dayOrDash(p.Tender.PublishedOn)})
	}
}

// reasonTable is one bid: each criterion with its score, the points it gives and the reason.
func reasonTable(p *domain.Project, b domain.Bid) pdfkit.Table {
	var rows [][]string
	var total float64
	for _, c := range domain.SortedCriteria(p.Criteria) {
		points := "–"
		if s, ok := b.Scores[c.ID]; ok && c.Kind == domain.CriterionB {
			points = pdfkit.FormatNumber(c.Weight * s)
			total += c.Weight * s
		}
		reason := strings.TrimSpace(b.Reasons[c.ID])
		if reason == "" {
			reason = "–"
		}
		rows = append(rows, []string{tr("award.kind.short."+c.Kind) + " · " + c.Name, scoreCell(c, b), points, reason})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("award.report.col.criterion"), Width: 30},
			{Title: tr("award.record.col.score"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.points"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("award.record.col.reason"), Width: 48},
		},
		Rows:  rows,
		Zebra: true,
		Foot:  [][]string{{tr("award.record.total"), "", pdfkit.FormatNumber(total), ""}},
	}
}

// logTable lists the tender log oldest first.
func logTable(log []domain.TenderLogEntry) pdfkit.Table {
	rows := make([][]string, 0, len(log))
	for _, e := range log {
		rows = append(rows, []string{pdfkit.FormatDate(e.On.Time), tr("award.log.kind." + e.Kind), logChange(e), pdfkit.OrDash(pdfkit.Line(e.Reason))})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("award.record.col.date"), Width: 13},
			{Title: tr("award.record.col.kind"), Width: 17},
			{Title: tr("award.record.col.change"), Width: 40},
			{Title: tr("award.record.col.reason"), Width: 30},
		},
		Rows:  rows,
		Zebra: true,
	}
}

// logChange words what a change entry changed ("Konzept: Gewicht 60 → 70"); "–" for a reopening
// or closing.
func logChange(e domain.TenderLogEntry) string {
	if e.Kind != domain.LogChange {
		return "–"
	}
	return tr("award.log.change."+e.Field, map[string]any{"Criterion": pdfkit.Line(e.Criterion),
		"Before": logValue(e.Field, e.Before), "After": logValue(e.Field, e.After)})
}

// logValue shows a logged value in the reader's number format.
func logValue(field, v string) string {
	switch field {
	case domain.ChangeWeight, domain.ChangeMinScore:
		var f float64
		if _, err := fmt.Sscan(v, &f); err == nil {
			return pdfkit.FormatNumber(f)
		}
	case domain.ChangeKind:
		return tr("award.kind.short." + v)
	case domain.ChangeAdded, domain.ChangeDeleted:
		kind, weight, ok := strings.Cut(v, " ")
		out := tr("award.kind.short." + kind)
		var f float64
		if _, err := fmt.Sscan(weight, &f); ok && err == nil {
			out += " · " + pdfkit.FormatNumber(f)
		}
		return out
	}
	return v
}
