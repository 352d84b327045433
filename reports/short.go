package reports

import (
	"strconv"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// shortMaxFindings caps the list of open points in the Kurzfassung; the Gesamtbericht has all.
const shortMaxFindings = 25

// shortChartsAhead is the Kurzfassung's one chart, the cost comparison, to draw ahead.
func shortChartsAhead(p *domain.Project, _ domain.Date, _ *pdfkit.Memo) []pdfkit.Chart {
	if len(p.Packages) == 0 {
		return nil
	}
	if cc := domain.CompareCosts(p); cc.Total.InternalKnown() || cc.Total.ExternalKnown() {
		return []pdfkit.Chart{costChart(costBars(cc))}
	}
	return nil
}

// writeShortBody is the Kurzfassung after "Auf einen Blick": the state of the twelve steps with
// their key figures, the decisions with their reasons, the cost comparison as a chart and the
// open points. It stays a few pages long whatever the size of the project.
func writeShortBody(r *pdfkit.Report, p *domain.Project, m *monitoring) error {
	today := r.AsOf()
	shortChapter(r, tr("reports.short.steps"))
	r.Paragraph(tr("reports.short.steps_intro"))
	r.Table(shortStepTable(pdfkit.Remember(r.Memo, "summary", func() []domain.StepSummary { return domain.Summarize(p, today) })))

	if len(p.Packages) > 0 {
		shortChapter(r, tr("reports.short.decisions"))
		var items []string
		for _, pk := range p.Packages {
			dec := p.DecisionFor(pk.ID)
			if dec == nil || dec.Outcome == domain.OutcomeOpen {
				items = append(items, tr("reports.short.decision_open", map[string]any{"Package": pdfkit.Line(pk.Name)}))
				continue
			}
			why := pdfkit.Line(dec.Rationale)
			if why == "" {
				why = tr("reports.short.no_rationale")
			}
			items = append(items, tr("reports.short.decision", map[string]any{
				"Package": pdfkit.Line(pk.Name), "Outcome": tr("src.outcome." + string(dec.Outcome)), "Rationale": why}))
		}
		r.Bullets(items)

		cc := domain.CompareCosts(p)
		if cc.Total.InternalKnown() || cc.Total.ExternalKnown() {
			r.Subsection(tr("reports.res.compare"))
			if png, err := costChart(costBars(cc)).PNG(r); err == nil {
				r.EnsureSpace(85)
				r.Image(png, r.Width())
			}
			if ex := examplePayGroups(p); len(ex) > 0 {
				r.Callout(tr("reports.glance.example_short"), true)
			}
		}
	}

	if p.Monitoring().HasData() {
		// In operation: the provider's key figures of the newest quarter, lights as words.
		period := m.sectionPeriod(p)
		if rep := m.report(p, period); rep != nil {
			shortChapter(r, tr("reports.short.kpis", map[string]any{"Period": FormatPeriod(period)}))
			r.Note(tr("kpi.report.basis", map[string]any{"Previous": FormatPeriod(rep.Previous), "AsOf": FormatDateTime(rep.AsOf)}))
			r.Table(kpiTable(rep, true))
			r.Note(lightLegend(rep.Settings))
		}
		if m.err != nil {
			return m.err
		}
	}

	all := allFindings(r, p)
	shortChapter(r, tr("reports.short.findings"))
	if len(all) == 0 {
		r.Paragraph(tr("reports.glance.no_findings"))
		return r.Err()
	}
	shown := all
	if len(shown) > shortMaxFindings {
		shown = shown[:shortMaxFindings]
	}
	items := make([]string, 0, len(shown))
	for _, f := range shown {
		msg := findingText(f)
		items = append(items, tr("reports.glance.finding", map[string]any{"Step": int(f.Step), "Message": msg}))
	}
	r.Bullets(items)
	if more := len(all) - len(shown); more > 0 {
		r.Note(pdfkit.TrCount("reports.short.more_findings", more))
	}
	return r.Err()
}

// shortChapter starts a chapter of the Kurzfassung on a new page, listed in the contents.
func shortChapter(r *pdfkit.Report, title string) {
	r.NewPage(pdfkit.Portrait)
	title = pdfkit.Line(title)
	r.Register(0, "", title)
	r.SetFont("B", pdfkit.HeadingSize)
	r.SetText(pdfkit.ColorText)
	for _, l := range r.Split(title, r.Width()) {
		r.PDF().CellFormat(r.Width(), pdfkit.LineHeight(pdfkit.HeadingSize), l, "", 2, "L", false, 0, "")
	}
	r.Rule()
	r.Gap(4)
}

// shortStepTable lists each step with its state (as a word) and its first key figures.
func shortStepTable(sums []domain.StepSummary) pdfkit.Table {
	const maxFigures = 4
	rows := make([][]string, 0, len(sums))
	for _, s := range sums {
		figs := ""
		for i, f := range s.Figures {
			if i == maxFigures {
				figs += "\n" + pdfkit.TrCount("reports.short.more_figures", len(s.Figures)-maxFigures)
				break
			}
			if i > 0 {
				figs += "\n"
			}
			figs += figureLabel(f) + ": " + figureValue(f)
		}
		if figs == "" {
			figs = "–"
		}
		rows = append(rows, []string{strconv.Itoa(int(s.Number)), tr("step." + s.Key + ".title"), tr("state." + string(s.State)), figs})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.short.col.step"), Width: 7, Align: pdfkit.AlignRight},
			{Title: tr("reports.short.col.title"), Width: 30},
			{Title: tr("reports.short.col.state"), Width: 14},
			{Title: tr("reports.short.col.figures"), Width: 49},
		},
		Rows: rows, Zebra: true,
	}
}

// figureLabel is a key figure's label as the overview shows it.
func figureLabel(f domain.Figure) string {
	label := f.Label
	if f.Key == "fig.hours_of" && label == "" {
		label = tr("fig.no_responsible")
	}
	return pdfkit.Line(tr(f.Key, map[string]any{"Label": label}))
}

// figureValue is a key figure's value: its text, an amount in whole euros, or a number with
// its unit.
func figureValue(f domain.Figure) string {
	switch {
	case f.Text != "":
		if d, err := domain.ParseDate(f.Text); err == nil {
			return pdfkit.FormatDate(d.Time) // dates travel as YYYY-MM-DD
		}
		return pdfkit.Line(f.Text)
	case f.Unit == "€":
		return euroWhole(f.Value, true)
	case f.Unit != "":
		return pdfkit.FormatNumber(f.Value) + " " + f.Unit
	}
	return pdfkit.FormatNumber(f.Value)
}
