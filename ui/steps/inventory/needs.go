package inventory

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

func needsColumns() []gridColumn {
	return []gridColumn{
		colName, // the responsible person is edited in the form; step 1 shows it
		colHours,
		{
			title: "steps.col.new", width: 50, field: fieldNew,
			flag: func(t *domain.Task) bool { return t.IsNew },
			key:  func(_ *gridText, t *domain.Task) sortKey { return sortKey{f: boolKey(t.IsNew)} },
		},
		{
			title: "steps.col.valid_from", width: 100, field: fieldValidFrom,
			text: func(g *gridText, t *domain.Task) (string, widget.Importance) {
				switch {
				case t.ValidFrom != nil:
					return t.ValidFrom.String(), widget.MediumImportance
				case t.IsNew:
					return g.missing, widget.WarningImportance
				}
				return "", widget.MediumImportance
			},
			key: func(_ *gridText, t *domain.Task) sortKey {
				if t.ValidFrom == nil {
					return sortKey{}
				}
				return sortKey{s: t.ValidFrom.String()}
			},
		},
		{
			title: "steps.col.priority", width: 145, grow: 1, field: fieldPriority,
			text: func(g *gridText, t *domain.Task) (string, widget.Importance) {
				if !t.Priority.IsSet() {
					return g.priority[0], widget.WarningImportance
				}
				return g.priority[t.Priority.Rank], widget.MediumImportance
			},
			key: func(_ *gridText, t *domain.Task) sortKey { return sortKey{f: float64(t.Priority.Rank)} },
		},
		{
			title: "steps.col.critical", width: 60, field: fieldCritical,
			flag: func(t *domain.Task) bool { return t.Critical },
			key:  func(_ *gridText, t *domain.Task) sortKey { return sortKey{f: boolKey(t.Critical)} },
		},
	}
}

func boolKey(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// NewNeedsEditor builds step 2 (Bedarfe klären): future tasks, priorities, critical services.
func NewNeedsEditor(ctx *kit.Context) *taskEditor {
	return newTaskEditor(ctx, editorConfig{
		step:     2,
		cols:     needsColumns(),
		needs:    true,
		newLabel: "steps.add.future",
		newIsNew: true,
		summary:  needsSummary,
		sideTop:  priorityModeSwitch,
	})
}

func needsSummary(ed *taskEditor) string {
	p := ed.sess().Project
	c := domain.CountNeeds(p.Tasks)
	return lang.L("steps.summary.needs", map[string]any{
		"Tasks": plural.Number(len(p.Tasks)), "New": plural.Number(c.New), "Critical": plural.Number(c.Critical), "Must": plural.Number(c.Must), "Nice": plural.Number(c.Nice), "Open": plural.Number(c.Open),
	})
}

// priorityModeSwitch chooses how the project prioritises. Switching only changes how the stored
// rank is shown and entered, so every value survives a switch and its way back.
func priorityModeSwitch(ed *taskEditor) (fyne.CanvasObject, func()) {
	modes := []domain.PriorityMode{domain.PriorityRanking, domain.PriorityMustNice}
	labels := []string{lang.L("priority.mode.ranking"), lang.L("priority.mode.must-nice")}
	loading := false
	radio := widget.NewRadioGroup(labels, nil)
	radio.Required = true
	ed.modeRadio = radio
	radio.OnChanged = func(s string) {
		if loading {
			return
		}
		for i, l := range labels {
			if l == s {
				next := ed.sess().Project.Settings
				next.PriorityMode = modes[i]
				if err := ed.sess().SetSettings(next); err != nil {
					ed.ctx.Report(err)
					ed.refresh()
				}
			}
		}
	}
	refresh := func() {
		loading = true
		defer func() { loading = false }()
		for i, m := range modes {
			if m == ed.sess().Project.Settings.PriorityMode {
				radio.SetSelected(labels[i])
			}
		}
		if ed.sess().ReadOnly() {
			radio.Disable()
		}
	}
	caption := widget.NewLabelWithStyle(lang.L("steps.mode"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(caption, radio), refresh
}
