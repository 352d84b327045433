package reports

import (
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// findingsCap is how many open points the chapter lists; the rest are counted (each step's page
// of the program shows them all).
const findingsCap = 40

// writeFindingsChapter is the last chapter of the Gesamtbericht, "Widersprüche und offene
// Punkte": every contradiction between the steps with the step to fix it in, the objects it
// names and the other steps it concerns, then the open points of the steps.
func writeFindingsChapter(r *pdfkit.Report, p *domain.Project) {
	shortChapter(r, tr("reports.findings.title"))
	r.Paragraph(tr("reports.findings.intro"))
	var thread, open []domain.Finding
	for _, f := range allFindings(r, p) {
		if f.Rule != "" {
			thread = append(thread, f)
		} else {
			open = append(open, f)
		}
	}

	r.Subsection(tr("reports.findings.contradictions"))
	if len(thread) == 0 {
		r.Paragraph(tr("reports.findings.no_contradictions"))
	} else {
		rows := make([][]string, 0, len(thread))
		for _, f := range thread {
			var objs, also []string
			for _, o := range f.Objects {
				objs = append(objs, tr("cli.object."+o.Kind, map[string]any{"Name": pdfkit.Line(o.Name)}))
			}
			for _, s := range f.Steps[1:] {
				also = append(also, strconv.Itoa(int(s)))
			}
			rows = append(rows, []string{strconv.Itoa(int(f.Step)), tr(f.Code, map[string]any{"Subject": pdfkit.Line(f.Subject)}),
				opDash(strings.Join(objs, "\n")), opDash(strings.Join(also, ", "))})
		}
		r.Table(pdfkit.Table{Columns: []pdfkit.Column{
			{Title: tr("reports.findings.col.fix_in"), Width: 9, Align: pdfkit.AlignRight},
			{Title: tr("reports.findings.col.contradiction"), Width: 52},
			{Title: tr("reports.findings.col.objects"), Width: 27},
			{Title: tr("reports.findings.col.also"), Width: 12},
		}, Rows: rows, Zebra: true})
	}

	r.Subsection(tr("reports.findings.open"))
	if len(open) == 0 {
		r.Paragraph(tr("reports.findings.no_open"))
		return
	}
	rows := make([][]string, 0, len(open))
	for _, f := range open {
		rows = append(rows, []string{strconv.Itoa(int(f.Step)), tr("cli.severity." + string(f.Severity)),
			tr(f.Code, map[string]any{"Subject": pdfkit.Line(f.Subject)})})
	}
	r.Table(pdfkit.Table{Columns: []pdfkit.Column{
		{Title: tr("reports.findings.col.step"), Width: 9, Align: pdfkit.AlignRight},
		{Title: tr("reports.findings.col.kind"), Width: 14},
		{Title: tr("reports.findings.col.point"), Width: 77},
	}, Rows: rows, Zebra: true, Cap: findingsCap, CapNote: "reports.findings.capped"})
}
