package reports

import (
	"sort"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Step 1, Bestandsaufnahme: the tasks as they are done today (the seed's Abb. 2) and the
// monthly workload of each person or group. Future tasks (neu) belong to step 2.
var inventorySection = section{
	Step:  domain.StepInventory,
	Has:   func(p *domain.Project) bool { return len(p.Tasks) > 0 },
	Write: writeInventory,
}

func writeInventory(r *pdfkit.Report, p *domain.Project) {
	r.Section(1, pdfkit.StepTitle(1))
	r.Paragraph(tr("reports.inventory.intro"))

	var current []domain.Task
	newCount := 0
	for _, t := range orderedTasks(p) {
		if t.IsNew {
			newCount++
			continue
		}
		current = append(current, t)
	}

	if len(current) == 0 {
		r.Paragraph(tr("reports.inventory.none"))
	} else {
		var total float64
		rows := make([][]string, 0, len(current))
		current, intro := largestFirst(current, p.Settings)
		for _, t := range current {
			total += t.HoursPerMonth(p.Settings)
			rows = append(rows, []string{t.Name, t.Responsible, hoursCell(t, p.Settings), t.Note})
		}
		r.TableOrAppendix(tr("reports.inventory.list"), intro, pdfkit.Table{
			Columns: []pdfkit.Column{
				{Title: tr("reports.col.task"), Width: 30},
				{Title: tr("reports.col.responsible"), Width: 22},
				{Title: tr("reports.col.hours"), Width: 17, Align: pdfkit.AlignRight},
				{Title: tr("reports.col.note"), Width: 31},
			},
			Rows:  rows,
			Foot:  [][]string{{tr("reports.total"), "", pdfkit.FormatHours(total), ""}},
			Zebra: true,
			Cap:   taskCap, CapNote: "reports.tasks_capped",
		})
	}
	if newCount > 0 {
		r.Note(tr("reports.inventory.new_elsewhere", map[string]any{"Count": newCount}))
	}

	if len(current) > 0 {
		r.Subsection(tr("reports.inventory.workload"))
		r.Paragraph(tr("reports.inventory.workload_intro"))
		r.Table(workloadTable(p, current))
	}

	findings(r, p, func(f domain.Finding) bool { return f.Step == 1 && !isNewTask(p, f.EntityID) })
}

// workloadTable sums hours per month per responsible person or group.
func workloadTable(p *domain.Project, tasks []domain.Task) pdfkit.Table {
	q := *p
	q.Tasks = tasks
	byResp := domain.HoursByResponsible(&q)
	total := domain.TotalHoursPerMonth(&q)
	rows := make([][]string, 0, len(byResp))
	for _, h := range byResp {
		name := h.Responsible
		if name == "" {
			name = tr("fig.no_responsible")
		}
		share := "–"
		if total > 0 {
			share = pdfkit.FormatNumber(h.Hours/total*100) + " %"
		}
		rows = append(rows, []string{name, pdfkit.FormatNumber(float64(h.Tasks)), pdfkit.FormatHours(h.Hours), share})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.col.responsible"), Width: 46},
			{Title: tr("reports.col.tasks"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("reports.col.hours"), Width: 20, Align: pdfkit.AlignRight},
			{Title: tr("reports.col.share"), Width: 20, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Foot:  [][]string{{tr("reports.total"), pdfkit.FormatNumber(float64(len(tasks))), pdfkit.FormatHours(total), "100 %"}},
		Zebra: true,
	}
}

// hoursCell is the effort in hours per month, with the unit it was entered in when that differs.
func hoursCell(t domain.Task, s domain.Settings) string {
	if t.Effort == nil {
		return "–"
	}
	out := pdfkit.FormatHours(t.HoursPerMonth(s))
	if t.Effort.Unit != domain.HoursPerMonth {
		unit := "reports.unit." + string(t.Effort.Unit)
		if t.Effort.Unit == domain.PersonDaysPerMonth && t.Effort.Value == 1 {
			unit += ".one" // "1 Personentag pro Monat"; the other units are abbreviations
		}
		out += "\n(" + pdfkit.FormatNumber(t.Effort.Value) + " " + tr(unit) + ")"
	}
	return out
}

// largestFirst orders a list too long for one table by effort, largest first, so that the
// capped table shows the tasks that matter most, and says so in intro, the line above the
// table; a short list keeps the user's order and has no intro.
func largestFirst(tasks []domain.Task, s domain.Settings) (out []domain.Task, intro string) {
	if len(tasks) <= taskCap {
		return tasks, ""
	}
	out = append([]domain.Task(nil), tasks...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].HoursPerMonth(s) > out[b].HoursPerMonth(s) })
	return out, pdfkit.TrCount("reports.tasks_largest", taskCap)
}

// orderedTasks is the tasks in the user's row order.
func orderedTasks(p *domain.Project) []domain.Task {
	out := append([]domain.Task(nil), p.Tasks...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].SortOrder < out[b].SortOrder })
	return out
}

// findings lists the open questions and warnings of step 1 that keep selects, if any.
func findings(r *pdfkit.Report, p *domain.Project, keep func(domain.Finding) bool) {
	var fs []domain.Finding
	for _, f := range domain.TaskFindings(p) {
		if keep(f) {
			fs = append(fs, f)
		}
	}
	r.OpenQuestions(fs, false)
}
