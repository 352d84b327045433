package inventory

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// Columns shared by both steps.
var (
	colName = gridColumn{
		title: "steps.col.name", width: 170, grow: 3, field: fieldName,
		text: func(_ *gridText, t *domain.Task) (string, widget.Importance) { return t.Name, widget.MediumImportance },
		key:  func(_ *gridText, t *domain.Task) sortKey { return sortKey{s: kit.Fold(t.Name)} },
	}
	colResponsible = gridColumn{
		title: "steps.col.responsible", short: "steps.col.responsible.short", width: 150, grow: 2, field: fieldResponsible,
		text: func(g *gridText, t *domain.Task) (string, widget.Importance) {
			switch {
			case domain.HasResponsible(t.Responsible):
				return t.Responsible, widget.MediumImportance
			case t.Responsible != "":
				return t.Responsible, widget.WarningImportance // e.g. "noch nicht definiert"
			}
			return g.missing, widget.WarningImportance
		},
		key: func(_ *gridText, t *domain.Task) sortKey { return sortKey{s: kit.Fold(t.Responsible)} },
	}
	colHours = gridColumn{
		title: "steps.col.hours", width: 90, align: fyne.TextAlignTrailing, field: fieldEffort,
		text: func(g *gridText, t *domain.Task) (string, widget.Importance) {
			return kit.HoursText(*t, g.settings), widget.MediumImportance
		},
		key: hoursKey,
	}
)

// hoursKey sorts by hours per month; tasks without an estimate come first when ascending.
func hoursKey(g *gridText, t *domain.Task) sortKey {
	if t.Effort == nil {
		return sortKey{f: -1}
	}
	return sortKey{f: t.HoursPerMonth(g.settings)}
}

func inventoryColumns() []gridColumn {
	return []gridColumn{
		colName,
		colResponsible,
		{
			title: "steps.col.effort", width: 130, grow: 1, field: fieldEffort,
			text: func(g *gridText, t *domain.Task) (string, widget.Importance) {
				if t.Effort == nil {
					return g.noEffort, widget.WarningImportance
				}
				return g.effort(t.Effort), widget.MediumImportance
			},
			key: hoursKey,
		},
		colHours,
		{
			title: "steps.col.note", width: 120, grow: 3, field: fieldNote,
			text: func(_ *gridText, t *domain.Task) (string, widget.Importance) {
				return kit.OneLine(t.Note), widget.MediumImportance
			},
			key: func(_ *gridText, t *domain.Task) sortKey { return sortKey{s: kit.Fold(t.Note)} },
		},
	}
}

// NewInventoryEditor builds step 1 (Bestandsaufnahme): what is done today, by whom, how long.
func NewInventoryEditor(ctx *kit.Context) *taskEditor {
	return newTaskEditor(ctx, editorConfig{
		step:     1,
		cols:     inventoryColumns(),
		newLabel: "steps.add",
		summary:  inventorySummary,
		side:     responsibleTotals,
	})
}

func inventorySummary(ed *taskEditor) string {
	p := ed.sess().Project
	s := lang.L("steps.summary.inventory", map[string]any{
		"Tasks": kit.FormatNumber(float64(len(p.Tasks))),
		"Hours": kit.FormatNumber(domain.TotalHoursPerMonth(p)),
	})
	if len(ed.grid.rows) != len(p.Tasks) {
		var shown float64
		for _, i := range ed.grid.rows {
			shown += p.Tasks[i].HoursPerMonth(p.Settings)
		}
		s += " · " + lang.L("steps.summary.shown", map[string]any{
			"Shown": kit.FormatNumber(float64(len(ed.grid.rows))),
			"Hours": kit.FormatNumber(shown),
		})
	}
	return s
}

// responsibleTotals is the workload per responsible person or group (hours per month).
func responsibleTotals(ed *taskEditor) (fyne.CanvasObject, func()) {
	var rows []domain.ResponsibleHours
	title := widget.NewLabelWithStyle(lang.L("steps.by_responsible"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	list := kit.NewPairList(func() int { return len(rows) }, func(i int) (string, string) {
		who := rows[i].Responsible
		if who == "" {
			who = lang.L("fig.no_responsible")
		}
		return who, kit.FormatNumber(rows[i].Hours)
	}, func(i int) {
		if rows[i].Responsible != "" {
			ed.filter.SetText(rows[i].Responsible) // show that person's tasks
		}
	})
	refresh := func() {
		rows = domain.HoursByResponsible(ed.sess().Project)
		list.Refresh()
	}
	return kit.NewBorder(title, nil, nil, nil, list), refresh
}
