package reports

import (
	"fmt"
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
	"schulit-lotse/reports/pdfkit"
)

// Step 10, Auftakt: the kickoff meeting and the milestone plan with its timeline.
var kickoffSection = section{
	Step:  domain.StepKickoff,
	Has:   func(p *domain.Project) bool { return !p.Kickoff.IsEmpty() || len(p.Milestones) > 0 },
	Write: writeKickoff,
}

func writeKickoff(r *pdfkit.Report, p *domain.Project) {
	r.Section(10, pdfkit.StepTitle(10))
	r.Paragraph(tr("reports.kickoff.intro"))
	today := r.AsOf()
	k := p.Kickoff

	if !k.IsEmpty() {
		r.Subsection(tr("reports.kickoff.meeting"))
		date := "–"
		if k.Date != nil {
			date = pdfkit.FormatDate(k.Date.Time)
		}
		r.KeyValues([][2]string{
			{tr("reports.kickoff.date"), date},
			{tr("reports.kickoff.place"), opDash(k.Place)},
		})
		if len(k.Participants) > 0 {
			rows := make([][]string, len(k.Participants))
			for i, x := range k.Participants {
				rows[i] = []string{x.Name, x.Organisation, x.Role}
			}
			r.Table(pdfkit.Table{
				Columns: []pdfkit.Column{{Title: tr("reports.kickoff.col.name"), Width: 34}, {Title: tr("reports.kickoff.col.organisation"), Width: 33},
					{Title: tr("reports.kickoff.col.role"), Width: 33}},
				Rows: rows, Zebra: true,
			})
		}
		for _, part := range []struct{ title, text string }{
			{tr("reports.kickoff.agenda"), k.Agenda},
			{tr("reports.kickoff.notes"), k.Notes},
			{tr("reports.kickoff.next_steps"), k.NextSteps},
		} {
			if part.text == "" {
				continue
			}
			r.TextBlock(pdfkit.Clean(part.title, false), "", 0, true)
			r.Paragraph(part.text)
		}
	}

	if len(p.Milestones) > 0 {
		ms := domain.SortedMilestones(domain.ResolvedMilestones(p, today))
		items := TimelineItems(ms, today)
		// The chart is drawn at (nearly) the page's width and printed at its drawn size, so its
		// words print at their own size; the heading stays with it. A millimetre narrower than
		// the page: no other image of the Gesamtbericht may have its width (workloadW).
		widthCm := timelineWidthCm(r.Width())
		if len(items) > 0 {
			r.EnsureSpace(charts.TimelineHeightCm(len(items))*10 + 14)
		}
		r.Subsection(tr("reports.kickoff.milestones"))
		if len(items) > 0 {
			png, err := timelineChart(items, today, widthCm).PNG(r)
			if err == nil {
				r.Image(png, widthCm*10)
			} else {
				r.Note(err.Error())
			}
		}
		rows := make([][]string, len(ms))
		overdue := make([]bool, len(ms))
		for i, m := range ms {
			due := "–"
			if m.Due != nil {
				due = pdfkit.FormatDate(m.Due.Time)
			}
			status := m.Status
			if status == "" {
				status = domain.MilestonePlanned
			}
			st := tr("kickoff.status." + status)
			if m.Overdue(today) {
				st = tr("kickoff.status.overdue")
				overdue[i] = true
			}
			rows[i] = []string{m.Name, due, m.Owner, st, m.Note}
		}
		r.Table(pdfkit.Table{
			Columns: []pdfkit.Column{{Title: tr("reports.kickoff.col.milestone"), Width: 28}, {Title: tr("reports.kickoff.col.due"), Width: 13},
				{Title: tr("reports.kickoff.col.owner"), Width: 18}, {Title: tr("reports.kickoff.col.status"), Width: 14},
				{Title: tr("reports.kickoff.col.note"), Width: 27}},
			Rows: rows,
			RowFill: func(i int) (pdfkit.Color, bool) {
				if overdue[i] {
					return opColorOverdue, true
				}
				return pdfkit.Color{}, false
			},
		})
		r.Note(tr("reports.kickoff.as_of", map[string]any{"Date": pdfkit.FormatDate(today.Time)}))
	}
	r.OpenQuestions(domain.KickoffFindings(p, today), true)
}

// opColorOverdue shades a row that is past its date.
var opColorOverdue = pdfkit.Color{R: 250, G: 220, B: 218}

// TimelineItems are the dated milestones in chart form, by due date; the GUI shows the same.
func TimelineItems(ms []domain.Milestone, today domain.Date) []charts.TimelineItem {
	var out []charts.TimelineItem
	for _, m := range domain.SortedMilestones(ms) {
		if m.Due == nil {
			continue
		}
		st := charts.MilestoneOpen
		switch {
		case m.Done():
			st = charts.MilestoneDone
		case m.Overdue(today):
			st = charts.MilestoneOverdue
		case m.Status == domain.MilestoneInProgress:
			st = charts.MilestoneInProgress
		}
		out = append(out, charts.TimelineItem{Label: pdfkit.Line(m.Name), Due: m.Due.Time, State: st})
	}
	return out
}

// TimelineText are the timeline's words in the user's language.
func TimelineText() charts.TimelineText {
	return charts.TimelineText{
		Title: lang.L("kickoff.chart.title"), Today: lang.L("kickoff.chart.today"),
		DateFormat: lang.L("kickoff.chart.month_layout"), DayFormat: lang.L("reports.date.layout"),
		Open: lang.L("kickoff.status.planned"), InProgress: lang.L("kickoff.status.in-progress"),
		Done: lang.L("kickoff.status.done"), Overdue: lang.L("kickoff.status.overdue"),
	}
}

// dash shows an empty value as a dash.
func opDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// timelineChart is the milestones on a time line, widthCm wide.
func timelineChart(items []charts.TimelineItem, today domain.Date, widthCm float64) pdfkit.Chart {
	return pdfkit.Chart{Key: fmt.Sprintf("kickoff.timeline %v %s %v", items, today, widthCm), Draw: func() ([]byte, error) {
		return charts.TimelinePNG(items, today.Time, TimelineText(), widthCm)
	}}
}

// timelineWidthCm is the milestone chart's width on a page widthMM wide: a millimetre less.
func timelineWidthCm(widthMM float64) float64 { return widthMM/10 - 0.1 }
