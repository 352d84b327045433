package reports

import (
	"strconv"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Step 2, Bedarfe klären: every task including the future ones, with the date a new task
// applies from, its priority in the project's mode and the critical services (Abb. 3 and 4).
var needsSection = section{
	Step:  domain.StepNeeds,
	Write: writeNeeds,
}

// colorCritical tints the rows of critical services.
var colorCritical = pdfkit.Color{R: 253, G: 232, B: 230}

func writeNeeds(r *pdfkit.Report, p *domain.Project) {
	r.Section(2, pdfkit.StepTitle(2))
	r.Paragraph(tr("reports.needs.intro"))

	tasks, intro := largestFirst(orderedTasks(p), p.Settings)
	c := domain.CountNeeds(tasks)
	var total float64
	rows := make([][]string, 0, len(tasks))
	crit := make([]bool, 0, len(tasks))
	for _, t := range tasks {
		total += t.HoursPerMonth(p.Settings)
		rows = append(rows, []string{t.Name, t.Responsible, hoursCell(t, p.Settings), t.Note,
			validFromCell(t), priorityLabel(t.Priority, p.Settings.PriorityMode), criticalCell(t)})
		crit = append(crit, t.Critical)
	}

	r.KeyValues([][2]string{
		{tr("reports.needs.mode"), tr("priority.mode." + string(p.Settings.PriorityMode))},
		{tr("reports.needs.count_new"), strconv.Itoa(c.New)},
		{tr("reports.needs.count_critical"), strconv.Itoa(c.Critical)},
		{tr("reports.needs.count_must"), strconv.Itoa(c.Must)},
		{tr("reports.needs.count_nice"), strconv.Itoa(c.Nice)},
		{tr("reports.needs.count_none"), strconv.Itoa(c.Open)},
		{tr("reports.needs.total_hours"), pdfkit.FormatHours(total)},
	})

	var after []string
	if p.Settings.PriorityMode == domain.PriorityRanking {
		after = append(after, tr("reports.needs.legend_ranking"))
	}
	if c.Critical > 0 {
		after = append(after, tr("reports.needs.legend_critical"))
	}
	// Seven columns: the table goes to the landscape pages of Anhang B.
	r.TableOrAppendix(tr("reports.needs.list"), intro, pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.col.task"), Width: 24},
			{Title: tr("reports.col.responsible_short"), Width: 17},
			{Title: tr("reports.col.hours_short"), Width: 11, Align: pdfkit.AlignRight},
			{Title: tr("reports.col.note"), Width: 22},
			{Title: tr("reports.col.valid_from"), Width: 12},
			{Title: tr("reports.col.priority"), Width: 14},
			{Title: tr("reports.col.critical"), Width: 9, Align: pdfkit.AlignCenter},
		},
		Rows:  rows,
		Foot:  [][]string{{tr("reports.total"), "", pdfkit.FormatHours(total), "", "", "", ""}},
		Zebra: true,
		Cap:   taskCap, CapNote: "reports.tasks_capped",
		RowFill: func(i int) (pdfkit.Color, bool) {
			return colorCritical, crit[i]
		},
	}, after...)

	findings(r, p, func(f domain.Finding) bool {
		// Questions about future tasks are asked here even when the rule belongs to step 1.
		return f.Step == 2 || (f.Step == 1 && isNewTask(p, f.EntityID))
	})
}

func validFromCell(t domain.Task) string {
	switch {
	case !t.IsNew:
		return ""
	case t.ValidFrom == nil:
		return tr("reports.needs.new_no_date")
	default:
		return tr("reports.needs.new_from", map[string]any{"Date": pdfkit.FormatDate(t.ValidFrom.Time)})
	}
}

// priorityLabel shows the priority as the project's mode asks: the rank 1–5 or the class.
func priorityLabel(pr domain.Priority, mode domain.PriorityMode) string {
	if !pr.IsSet() {
		return tr("priority.class.none")
	}
	if mode == domain.PriorityMustNice {
		return tr("priority.class." + string(pr.Class()))
	}
	return tr("priority.rank." + strconv.Itoa(pr.Rank))
}

func isNewTask(p *domain.Project, id int64) bool {
	t := p.TaskByID(id)
	return t != nil && t.IsNew
}

func criticalCell(t domain.Task) string {
	if t.Critical {
		return tr("reports.yes")
	}
	return ""
}
