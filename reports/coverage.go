package reports

import (
	"fmt"
	"strconv"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
	"schulit-lotse/reports/pdfkit"
)

// Step 4, Bedarfsdeckung intern/extern: every task with its state in the seed's three colours
// and its new responsible party (Abb. 7/8) with a legend, and the workload per person or group
// before and after the reassignment, overloads marked.
var coverageSection = section{
	Step:  domain.StepCoverage,
	Write: writeCoverage,
}

// coverageFill is the light print tint of a state's legend colour.
func coverageFill(c domain.Coverage) (pdfkit.Color, bool) {
	hex := domain.CoverageColor(c)
	if hex == "" {
		return pdfkit.Color{}, false
	}
	return tint(pdfColor(hex, pdfkit.ColorZebra), 0.3), true
}

func writeCoverage(r *pdfkit.Report, p *domain.Project) {
	r.Section(4, pdfkit.StepTitle(4))
	r.Paragraph(tr("reports.cov.intro"))

	n := domain.CoverageCounts(p)
	r.KeyValues([][2]string{
		{tr("cov.state.keep"), strconv.Itoa(n[domain.CoverageKeep])},
		{tr("cov.state.change"), strconv.Itoa(n[domain.CoverageChange])},
		{tr("cov.state.assign"), strconv.Itoa(n[domain.CoverageAssign])},
		{tr("reports.cov.open"), strconv.Itoa(n[domain.CoverageUnset])},
		{tr("reports.cov.external_hours"), pdfkit.FormatHours(domain.ExternalHours(p))},
	})

	var rows [][]string
	var states []domain.Coverage
	for _, g := range domain.GroupByPackage(p) {
		pkg := tr("reports.req.unsorted_group")
		if g.Package != nil {
			pkg = g.Package.Name
		}
		for _, t := range g.Tasks {
			newResp := t.NewResponsible
			if t.Coverage == domain.CoverageKeep {
				newResp = t.Responsible
			} else if newResp == "" && t.Coverage != domain.CoverageUnset {
				newResp = tr("reports.req.missing")
			}
			rows = append(rows, []string{t.Name, pkg, t.Responsible, newResp, hoursCell(t, p.Settings), t.Note,
				priorityLabel(t.Priority, p.Settings.PriorityMode), coverageLabel(t.Coverage)})
			states = append(states, t.Coverage)
		}
	}
	// Eight columns: the table goes to the landscape pages of Anhang B, with its legend.
	covTable := pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.col.task"), Width: 16},
			{Title: tr("reports.req.col.package"), Width: 15},
			{Title: tr("reports.col.responsible_short"), Width: 14},
			{Title: tr("reports.cov.col.new_responsible"), Width: 14},
			{Title: tr("reports.col.hours_short"), Width: 9, Align: pdfkit.AlignRight},
			{Title: tr("reports.col.note"), Width: 13},
			{Title: tr("reports.col.priority"), Width: 9},
			{Title: tr("reports.cov.col.state"), Width: 10},
		},
		Rows:    rows,
		RowFill: func(i int) (pdfkit.Color, bool) { return coverageFill(states[i]) },
		Cap:     taskCap, CapNote: "reports.tasks_capped",
	}
	r.Subsection(tr("reports.cov.table"))
	r.PlaceTable(tr("reports.cov.table"), covTable, func(r *pdfkit.Report) {
		coverageLegend(r)
		r.Table(covTable)
	})

	r.Subsection(tr("reports.cov.workload"))
	r.Paragraph(tr("reports.cov.workload_intro"))
	work := domain.Workload(p)
	var wrows [][]string
	var over []bool
	for _, w := range work {
		name := w.Responsible
		if name == "" {
			name = tr("fig.no_responsible")
		}
		limit := "–"
		switch {
		case w.External:
			limit = tr("cov.limit.contract")
		case w.HasLimit:
			limit = pdfkit.FormatHours(w.Limit)
		}
		verdict := ""
		switch {
		case w.OverAfter():
			verdict = tr("reports.cov.over_after")
		case w.OverBefore():
			verdict = tr("reports.cov.relieved")
		}
		wrows = append(wrows, []string{name, pdfkit.FormatNumber(float64(w.TasksBefore)), pdfkit.FormatHours(w.Before),
			pdfkit.FormatNumber(float64(w.TasksAfter)), pdfkit.FormatHours(w.After), limit, verdict})
		over = append(over, w.OverAfter())
	}
	overFill := tint(pdfColor(domain.CoverageColor(domain.CoverageAssign), pdfkit.ColorZebra), 0.3)
	r.Table(pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.col.responsible"), Width: 26},
			{Title: tr("reports.cov.col.tasks_before"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("reports.cov.col.before"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("reports.cov.col.tasks_after"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("reports.cov.col.after"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("reports.cov.col.limit"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("reports.cov.col.verdict"), Width: 18},
		},
		Rows:  wrows,
		Zebra: true,
		RowFill: func(i int) (pdfkit.Color, bool) {
			return overFill, over[i]
		},
	})
	if chart, ok := workloadChart(work); ok {
		png, err := chart.PNG(r)
		if err == nil {
			r.EnsureSpace(80)
			r.Image(png, workloadW*10) // printed at its drawn size
		}
		if err != nil {
			r.PDF().SetError(err)
			return
		}
	}

	r.OpenQuestions(domain.CoverageFindings(p), false)
}

func coverageLabel(c domain.Coverage) string {
	if c == domain.CoverageUnset {
		return tr("cov.state.unset")
	}
	return tr("cov.state." + string(c))
}

// coverageLegend draws the three states as coloured boxes with their names, in one line.
func coverageLegend(r *pdfkit.Report) {
	const box = 4.0
	h := pdfkit.LineHeight(pdfkit.BodySize) + 1
	r.EnsureSpace(h + 2)
	pdf := r.PDF()
	x, y := r.Left(), pdf.GetY()
	r.SetFont("B", pdfkit.BodySize)
	r.SetText(pdfkit.ColorText)
	label := tr("reports.cov.legend")
	pdf.SetXY(x, y)
	pdf.CellFormat(pdf.GetStringWidth(label)+3, h, label, "", 0, "L", false, 0, "")
	x += pdf.GetStringWidth(label) + 3
	r.SetFont("", pdfkit.BodySize)
	for _, c := range domain.CoverageStates {
		col := pdfColor(domain.CoverageColor(c), pdfkit.ColorText)
		fill, _ := coverageFill(c)
		pdf.SetFillColor(fill.R, fill.G, fill.B)
		pdf.SetDrawColor(col.R, col.G, col.B)
		pdf.SetLineWidth(0.5)
		pdf.Rect(x, y+(h-box)/2, box, box, "FD")
		name := tr("cov.state." + string(c))
		pdf.SetXY(x+box+1.5, y)
		w := pdf.GetStringWidth(name) + 2
		pdf.CellFormat(w, h, name, "", 0, "L", false, 0, "")
		x += box + 1.5 + w + 5
	}
	pdf.SetXY(r.Left(), y+h+1.5)
	r.Note(tr("reports.cov.legend_note"))
}

// workloadW is the workload chart's width in cm: a little narrower than the cost chart of step
// 6 (17 cm), since gofpdf orders a PDF's images by their width alone – equal widths would come
// out in another order on every run and the Gesamtbericht would not be reproducible.
const workloadW = 16.95

// workloadChart is the chart of hours per month before and after per responsible, for at most
// 30 of them (ok false: none, or too many for one picture).
func workloadChart(work []domain.WorkloadRow) (chart pdfkit.Chart, ok bool) {
	bars := make([]charts.WorkloadBar, 0, len(work))
	for _, w := range work {
		name := w.Responsible
		if name == "" {
			name = tr("fig.no_responsible")
		}
		bars = append(bars, charts.WorkloadBar{Label: pdfkit.Line(name), Before: w.Before, After: w.After, Limit: w.Limit, HasLimit: w.HasLimit})
	}
	if len(bars) == 0 || len(bars) > 30 {
		return chart, false
	}
	return pdfkit.Chart{Key: fmt.Sprintf("coverage.workload %v", bars), Draw: func() ([]byte, error) {
		pl, err := charts.WorkloadChart(bars, charts.WorkloadLabels{
			Title: tr("reports.cov.chart.title"), YAxis: tr("reports.cov.chart.y"),
			Before: tr("reports.cov.col.before"), After: tr("reports.cov.col.after"), Limit: tr("reports.cov.col.limit"),
			Format: pdfkit.FormatNumber,
		})
		if err != nil {
			return nil, err
		}
		return charts.PNG(pl, workloadW, 8)
	}}, true
}
