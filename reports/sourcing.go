package reports

import (
	"fmt"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
	"schulit-lotse/reports/pdfkit"
)

// Step 6, Sourcing-Entscheidung: per package the scores of the four question groups, the matrix
// with its suggestion, and the recorded decisions with who, when and why (the seed's Abb. 9).
var sourcingSection = section{
	Step:  domain.StepSourcing,
	Has:   func(p *domain.Project) bool { return len(p.Packages) > 0 },
	Write: writeSourcing,
}

func srcScore(v int) string {
	if v <= 0 {
		return "–"
	}
	return pdfkit.FormatNumber(float64(v))
}

func srcMean(v float64, known bool) string {
	if !known {
		return "–"
	}
	return pdfkit.FormatNumber(v)
}

func srcOutcome(o domain.SourcingOutcome) string {
	if o == domain.OutcomeOpen {
		return tr("src.outcome.open")
	}
	return tr("src.outcome." + string(o))
}

func writeSourcing(r *pdfkit.Report, p *domain.Project) {
	r.Section(6, pdfkit.StepTitle(6))
	r.Paragraph(tr("reports.src.intro"))
	as := domain.AssessSourcing(p)

	rows := make([][]string, 0, len(as))
	for _, a := range as {
		d := domain.SourcingDecision{}
		if a.Decision != nil {
			d = *a.Decision
		}
		sugg := "–"
		if a.Suggestion != domain.OutcomeOpen {
			sugg = srcOutcome(a.Suggestion)
		}
		rows = append(rows, []string{a.Name,
			srcScore(d.RiskDataProtection) + " / " + srcScore(d.RiskSecurity) + " / " + srcScore(d.RiskOutage),
			srcScore(d.ProjectRisk),
			srcScore(d.ImportanceUsers) + " / " + srcScore(d.ImportanceCarrier),
			srcScore(d.BudgetInternal) + " / " + srcScore(d.BudgetExternal),
			srcMean(a.CostScore, a.CostScore > 0), srcMean(a.MakeOrBuy, a.MakeOrBuy > 0),
			srcMean(a.Risk, a.RiskKnown), srcMean(a.Strength, a.StrengthKnown), sugg})
	}
	points := sourcingPoints(as)
	// Ten columns: the scores go to the landscape pages of Anhang B.
	r.Subsection(tr("reports.src.scores"))
	r.TableOrAppendix(tr("reports.src.scores"), "", pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("res.col.package"), Width: 15},
			{Title: tr("reports.src.col.risk"), Width: 13, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.project_risk"), Width: 11, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.importance"), Width: 11, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.budget"), Width: 10, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.cost"), Width: 10, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.make_or_buy"), Width: 8, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.x"), Width: 7, Align: pdfkit.AlignCenter},
			{Title: tr("reports.src.col.y"), Width: 7, Align: pdfkit.AlignCenter},
			{Title: tr("src.col.suggestion"), Width: 10},
		},
		Rows: rows, Zebra: true,
	}, tr("reports.src.method"))

	if len(points) > 0 {
		if png, err := sourcingChart(points).PNG(r); err == nil {
			// Heading, picture (16 × 11) and legend stay on one page; many packages are
			// numbered, the key below.
			w := 160.0 // its drawn width: the text in it keeps its size
			r.EnsureSpace(w*11/16 + 25)
			r.Subsection(tr("src.chart.title"))
			r.Image(png, w)
			r.Note(tr("src.matrix.legend"))
			if len(points) > charts.MaxNamedPoints {
				keys := make([]string, len(points))
				for i, pt := range points {
					keys[i] = charts.MatrixKey(i, len(points), pt.Label, true) + " " + pt.Label
				}
				r.Note(tr("reports.src.matrix_key", map[string]any{"Keys": strings.Join(keys, " · ")}))
			}
		}
	}

	r.Subsection(tr("reports.src.decisions"))
	drows := make([][]string, 0, len(as))
	for _, a := range as {
		by, on, why := "", "", ""
		if d := a.Decision; d != nil {
			by, why = d.DecidedBy, d.Rationale
			if d.DecidedOn != nil {
				on = pdfkit.FormatDate(d.DecidedOn.Time)
			}
		}
		sugg := "–"
		if a.Suggestion != domain.OutcomeOpen {
			sugg = srcOutcome(a.Suggestion)
		}
		drows = append(drows, []string{a.Name, srcOutcome(a.Recorded), sugg, by, on, why})
	}
	r.TableOrAppendix(tr("reports.src.decisions"), "", pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("res.col.package"), Width: 18},
			{Title: tr("src.col.decision"), Width: 11},
			{Title: tr("src.col.suggestion"), Width: 10},
			{Title: tr("src.decided_by"), Width: 15},
			{Title: tr("src.decided_on"), Width: 10},
			{Title: tr("src.rationale"), Width: 36},
		},
		Rows: drows, Zebra: true,
	}, tr("reports.src.decision_note"))

	var notes []string
	for _, a := range as {
		if a.Decision == nil {
			continue
		}
		var parts []string
		for _, g := range domain.QuestionGroups {
			if n := strings.TrimSpace(a.Decision.Notes[g]); n != "" {
				parts = append(parts, tr("src.group."+g)+": "+n)
			}
		}
		for _, c := range domain.MakeOrBuyCriteria {
			if s := a.Decision.CriteriaScores[c]; s > 0 {
				w, ok := a.Decision.CriteriaWeights[c]
				if !ok {
					w = 1
				}
				parts = append(parts, tr("reports.src.criterion", map[string]any{"Name": tr("src.criterion." + c), "Score": pdfkit.FormatNumber(s), "Weight": pdfkit.FormatNumber(w)}))
			}
		}
		if len(parts) > 0 {
			notes = append(notes, a.Name+" – "+strings.Join(parts, "; "))
		}
	}
	if len(notes) > 0 {
		r.Subsection(tr("reports.src.notes"))
		r.Bullets(notes)
	}

	r.OpenQuestions(domain.SourcingFindings(p, as), false)
}

func srcMatrixChart(points []charts.MatrixPoint) ([]byte, error) {
	l := charts.MatrixLabels{Title: tr("src.chart.title"), XAxis: tr("src.chart.x"), YAxis: tr("src.chart.y"),
		Format: func(v float64) string { return pdfkit.FormatNumber(v) }, Numbered: true}
	for i, k := range []string{"top_left", "top_right", "bottom_left", "bottom_right"} {
		l.Quadrants[i] = tr("src.chart.quadrant." + k)
	}
	for i, o := range []domain.SourcingOutcome{domain.OutcomeOpen, domain.OutcomeInternal, domain.OutcomeExternal, domain.OutcomeMixed} {
		l.Classes[i] = srcOutcome(o)
	}
	p, err := charts.MatrixChart(points, l)
	if err != nil {
		return nil, err
	}
	return charts.PNG(p, 16, 11)
}

// sourcingPoints are the packages with risk and strength known, as points of the matrix (class:
// the decision recorded).
func sourcingPoints(as []domain.Assessment) []charts.MatrixPoint {
	var points []charts.MatrixPoint
	for _, a := range as {
		if !a.RiskKnown || !a.StrengthKnown {
			continue
		}
		class := 0
		switch a.Recorded {
		case domain.OutcomeInternal:
			class = 1
		case domain.OutcomeExternal:
			class = 2
		case domain.OutcomeMixed:
			class = 3
		}
		points = append(points, charts.MatrixPoint{Label: pdfkit.Line(a.Name), X: a.Risk, Y: a.Strength, Size: a.Importance, Class: class})
	}
	return points
}

// sourcingChart is the matrix of risk against strength.
func sourcingChart(points []charts.MatrixPoint) pdfkit.Chart {
	return pdfkit.Chart{Key: fmt.Sprintf("sourcing.matrix %v", points), Draw: func() ([]byte, error) { return srcMatrixChart(points) }}
}
