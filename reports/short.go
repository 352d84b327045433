package reports

import (
	"strconv"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// shortMaxFindings caps the list of open points in the Kurzfassung; the Gesamtbericht has all.
const shortMaxFindings = 25

// writeShortBody is the Kurzfassung after "Auf einen Blick": the state of the twelve steps with
// their key figures, the decisions with their reasons, the cost comparison as a chart and the
// open points. It stays a few pages long whatever the size of the project.
func writeShortBody(r *Report, p *domain.Project, _ *threadKPICache) error {
	today := r.AsOf()
	shortChapter(r, Tr("reports.short.steps"))
	r.Paragraph(Tr("reports.short.steps_intro"))
	r.Table(shortStepTable(domain.Summarize(p, today)))

	if len(p.Packages) > 0 {
		shortChapter(r, Tr("reports.short.decisions"))
		var items []string
		for _, pk := range p.Packages {
			dec := p.DecisionFor(pk.ID)
			if dec == nil || dec.Outcome == domain.OutcomeOpen {
				items = append(items, Tr("reports.short.decision_open", map[string]any{"Package": Line(pk.Name)}))
				continue
			}
			why := Line(dec.Rationale)
			if why == "" {
				why = Tr("reports.short.no_rationale")
			}
			items = append(items, Tr("reports.short.decision", map[string]any{
				"Package": Line(pk.Name), "Outcome": Tr("src.outcome." + string(dec.Outcome)), "Rationale": why}))
		}
		r.Bullets(items)

		cc := domain.CompareCosts(p)
		if cc.Total.InternalKnown() || cc.Total.ExternalKnown() {
			r.Subsection(Tr("reports.res.compare"))
			if png, err := resCostChart(costBars(cc)); err == nil {
				r.EnsureSpace(85)
				r.Image(png, r.Width())
			}
			if ex := examplePayGroups(p); len(ex) > 0 {
				r.Callout(Tr("reports.glance.example_short"), true)
			}
		}
	}

	if len(p.Tickets)+len(p.Calls)+len(p.SurveyAnswers) > 0 {
		// In operation: the provider's key figures of the newest quarter, lights as words.
		period := sectionPeriod(p)
		if rep, err := kpi.Compute(p, period, kpi.Options{}); err == nil {
			shortChapter(r, Tr("reports.short.kpis", map[string]any{"Period": FormatPeriod(period)}))
			r.Note(Tr("kpi.report.basis", map[string]any{"Previous": FormatPeriod(rep.Previous), "AsOf": FormatDateTime(rep.AsOf)}))
			r.Table(kpiTable(rep, true))
			r.Note(lightLegend(rep.Settings))
		}
	}

	all := domain.AllFindings(p, today)
	shortChapter(r, Tr("reports.short.findings"))
	if len(all) == 0 {
		r.Paragraph(Tr("reports.glance.no_findings"))
		return r.Err()
	}
	shown := all
	if len(shown) > shortMaxFindings {
		shown = shown[:shortMaxFindings]
	}
	items := make([]string, 0, len(shown))
	for _, f := range shown {
		msg := Tr(f.Code, map[string]any{"Subject": Line(f.Subject)})
		switch {
		case f.Rule != "":
			msg = Tr("reports.glance.contradiction", map[string]any{"Message": msg})
		case f.Severity == domain.SeverityWarning:
			msg = Tr("reports.warning", map[string]any{"Message": msg})
		}
		items = append(items, Tr("reports.glance.finding", map[string]any{"Step": int(f.Step), "Message": msg}))
	}
	r.Bullets(items)
	if more := len(all) - len(shown); more > 0 {
		r.Note(TrCount("reports.short.more_findings", more))
	}
	return r.Err()
}

// shortChapter starts a chapter of the Kurzfassung on a new page, listed in the contents.
func shortChapter(r *Report, title string) {
	r.NewPage(Portrait)
	title = Line(title)
	r.Register(0, "", title)
	r.SetFont("B", HeadingSize)
	r.SetText(ColorText)
	for _, l := range r.Split(title, r.Width()) {
		r.PDF().CellFormat(r.Width(), LineHeight(HeadingSize), l, "", 2, "L", false, 0, "")
	}
	r.Rule()
	r.Gap(4)
}

// shortStepTable lists each step with its state (as a word) and its first key figures.
func shortStepTable(sums []domain.StepSummary) Table {
	const maxFigures = 4
	rows := make([][]string, 0, len(sums))
	for _, s := range sums {
		figs := ""
		for i, f := range s.Figures {
			if i == maxFigures {
				figs += "\n" + TrCount("reports.short.more_figures", len(s.Figures)-maxFigures)
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
		rows = append(rows, []string{strconv.Itoa(int(s.Number)), Tr("step." + s.Key + ".title"), Tr("state." + string(s.State)), figs})
	}
	return Table{
		Columns: []Column{
			{Title: Tr("reports.short.col.step"), Width: 7, Align: AlignRight},
			{Title: Tr("reports.short.col.title"), Width: 30},
			{Title: Tr("reports.short.col.state"), Width: 14},
			{Title: Tr("reports.short.col.figures"), Width: 49},
		},
		Rows: rows, Zebra: true,
	}
}

// figureLabel is a key figure's label as the overview shows it.
func figureLabel(f domain.Figure) string {
	label := f.Label
	if f.Key == "fig.hours_of" && label == "" {
		label = Tr("fig.no_responsible")
	}
	return Line(Tr(f.Key, map[string]any{"Label": label}))
}

// figureValue is a key figure's value: its text, an amount in whole euros, or a number with
// its unit.
func figureValue(f domain.Figure) string {
	switch {
	case f.Text != "":
		if d, err := domain.ParseDate(f.Text); err == nil {
			return FormatDate(d.Time) // dates travel as YYYY-MM-DD
		}
		return Line(f.Text)
	case f.Unit == "€":
		return euroWhole(f.Value, true)
	case f.Unit != "":
		return FormatNumber(f.Value) + " " + f.Unit
	}
	return FormatNumber(f.Value)
}
