package reports

import (
	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
)

// Step 10, Auftakt: the kickoff meeting and the milestone plan with its timeline.
var kickoffSection = section{
	Step:  domain.StepKickoff,
	Has:   func(p *domain.Project) bool { return !p.Kickoff.IsEmpty() || len(p.Milestones) > 0 },
	Write: writeKickoff,
}

func writeKickoff(r *Report, p *domain.Project) {
	r.Section(10, stepTitle(10))
	r.Paragraph(Tr("reports.kickoff.intro"))
	today := r.AsOf()
	k := p.Kickoff

	if !k.IsEmpty() {
		r.Subsection(Tr("reports.kickoff.meeting"))
		date := "–"
		if k.Date != nil {
			date = FormatDate(k.Date.Time)
		}
		r.KeyValues([][2]string{
			{Tr("reports.kickoff.date"), date},
			{Tr("reports.kickoff.place"), opDash(k.Place)},
		})
		if len(k.Participants) > 0 {
			rows := make([][]string, len(k.Participants))
			for i, x := range k.Participants {
				rows[i] = []string{x.Name, x.Organisation, x.Role}
			}
			r.Table(Table{
				Columns: []Column{{Title: Tr("reports.kickoff.col.name"), Width: 34}, {Title: Tr("reports.kickoff.col.organisation"), Width: 33},
					{Title: Tr("reports.kickoff.col.role"), Width: 33}},
				Rows: rows, Zebra: true,
			})
		}
		for _, part := range []struct{ title, text string }{
			{Tr("reports.kickoff.agenda"), k.Agenda},
			{Tr("reports.kickoff.notes"), k.Notes},
			{Tr("reports.kickoff.next_steps"), k.NextSteps},
		} {
			if part.text == "" {
				continue
			}
			r.TextBlock(Clean(part.title, false), "", 0, true)
			r.Paragraph(part.text)
		}
	}

	if len(p.Milestones) > 0 {
		ms := domain.SortedMilestones(domain.ResolvedMilestones(p, today))
		items := TimelineItems(ms, today)
		// The chart is drawn at the page's width, so its words print at their own size; the
		// heading stays with it.
		widthCm := r.Width() / 10
		if len(items) > 0 {
			r.EnsureSpace(charts.TimelineHeightCm(len(items))*10 + 14)
		}
		r.Subsection(Tr("reports.kickoff.milestones"))
		if len(items) > 0 {
			if png, err := charts.TimelinePNG(items, today.Time, TimelineText(), widthCm); err == nil {
				r.Image(png, 0)
			} else {
				r.Note(err.Error())
			}
		}
		rows := make([][]string, len(ms))
		overdue := make([]bool, len(ms))
		for i, m := range ms {
			due := "–"
			if m.Due != nil {
				due = FormatDate(m.Due.Time)
			}
			status := m.Status
			if status == "" {
				status = domain.MilestonePlanned
			}
			st := Tr("kickoff.status." + status)
			if m.Overdue(today) {
				st = Tr("kickoff.status.overdue")
				overdue[i] = true
			}
			rows[i] = []string{m.Name, due, m.Owner, st, m.Note}
		}
		r.Table(Table{
			Columns: []Column{{Title: Tr("reports.kickoff.col.milestone"), Width: 28}, {Title: Tr("reports.kickoff.col.due"), Width: 13},
				{Title: Tr("reports.kickoff.col.owner"), Width: 18}, {Title: Tr("reports.kickoff.col.status"), Width: 14},
				{Title: Tr("reports.kickoff.col.note"), Width: 27}},
			Rows: rows,
			RowFill: func(i int) (Color, bool) {
				if overdue[i] {
					return opColorOverdue, true
				}
				return Color{}, false
			},
		})
		r.Note(Tr("reports.kickoff.as_of", map[string]any{"Date": FormatDate(today.Time)}))
	}
	opFindings(r, domain.KickoffFindings(p, today))
}

// opColorOverdue shades a row that is past its date.
var opColorOverdue = Color{250, 220, 218}

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
		out = append(out, charts.TimelineItem{Label: Line(m.Name), Due: m.Due.Time, State: st})
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

// opFindings lists a step's errors, warnings and open questions, if any.
func opFindings(r *Report, fs []domain.Finding) {
	if len(fs) == 0 {
		return
	}
	items := make([]string, 0, len(fs))
	for _, f := range fs {
		msg := Tr(f.Code, map[string]any{"Subject": Line(f.Subject)})
		switch f.Severity {
		case domain.SeverityWarning:
			msg = Tr("reports.warning", map[string]any{"Message": msg})
		case domain.SeverityError:
			msg = Tr("reports.structure.error", map[string]any{"Message": msg})
		}
		items = append(items, msg)
	}
	r.Subsection(Tr("reports.open_questions"))
	r.Bullets(items)
}

// dash shows an empty value as a dash.
func opDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
