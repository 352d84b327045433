package operation

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// escalationTab holds the escalation levels: what triggers a level, who talks to whom, and how
// soon the other side has to react.
type escalationTab struct {
	listForm[domain.EscalationLevel]
	level, trigger, hours *kit.CommitEntry
	customer, provider    *rolePicker
}

func newEscalationTab(ed *structureEditor) *escalationTab {
	t := &escalationTab{}
	t.init(ed, func(e *domain.EscalationLevel) int64 { return e.ID }, t.cell, t.fillForm, t.jump, []col{
		{"structure.col.level", 60, 0}, {"structure.col.trigger", 220, 4}, {"structure.col.customer", 150, 2},
		{"structure.col.provider", 150, 2}, {"structure.col.reaction", 110, 0},
	})
	t.level = wholeField(t.ed, t.load, func(n int) { t.commit(func(e *domain.EscalationLevel) { e.Level = n }) })
	t.trigger = field("structure.trigger.placeholder", func(s string) { t.commit(func(e *domain.EscalationLevel) { e.Trigger = trim(s) }) })
	t.hours = wholeField(t.ed, t.load, func(n int) { t.commit(func(e *domain.EscalationLevel) { e.ReactionHours = n }) })
	t.customer = newRolePicker(func(id *int64) { t.commit(func(e *domain.EscalationLevel) { e.CustomerRoleID = id }) })
	t.provider = newRolePicker(func(id *int64) { t.commit(func(e *domain.EscalationLevel) { e.ProviderRoleID = id }) })
	t.formFields = []fyne.Disableable{t.level, t.trigger, t.customer.sel, t.provider.sel, t.hours}

	toolbar := container.NewHBox(
		t.btns.add("structure.escalation.add", theme.ContentAddIcon(), t.add),
		t.btns.add("structure.escalation.template", theme.DocumentCreateIcon(), t.insertTemplate),
		t.btns.add("structure.delete", theme.DeleteIcon(), t.delete),
	)
	form := container.New(&kit.WeightedRow{Weights: []float32{0, 5, 3, 3, 1}, Min: []float32{70, 0, 0, 0, 110}},
		kit.Labelled(lang.L("structure.col.level"), t.level),
		kit.Labelled(lang.L("structure.col.trigger"), t.trigger),
		kit.Labelled(lang.L("structure.col.customer"), t.customer.sel.Select),
		kit.Labelled(lang.L("structure.col.provider"), t.provider.sel.Select),
		kit.Labelled(lang.L("structure.field.reaction_hours"), t.hours),
	)
	t.layout(toolbar, form)
	return t
}

// wholeField is an entry for a whole number ≥ 0 ("" is 0) that hands it to commit; a bad one is
// reported and reload shows the stored value again.
func wholeField(ed *structureEditor, reload func(), commit func(n int)) *kit.CommitEntry {
	return parsedField("", parseWhole, ed.ctx.Report, reload, commit)
}

// parseWhole reads a whole number ≥ 0 ("" is 0).
func parseWhole(s string) (int, error) {
	in := trim(s)
	if in == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(in)
	if err != nil || n < 0 {
		return 0, kit.InputError(lang.L("structure.err.whole", map[string]any{"Value": in}))
	}
	return n, nil
}

func (t *escalationTab) cell(row, col int) (string, widget.Importance) {
	e := t.items[row]
	p := t.ed.sess().Project
	switch col {
	case 0:
		return strconv.Itoa(e.Level), widget.MediumImportance
	case 1:
		return orMissing(e.Trigger)
	case 2:
		return contactText(p, e.CustomerRoleID)
	case 3:
		return contactText(p, e.ProviderRoleID)
	}
	return lang.L("structure.reaction", map[string]any{"Hours": e.ReactionHours}), widget.MediumImportance
}

func (t *escalationTab) refresh(findings []domain.Finding) {
	p := t.ed.sess().Project
	t.customer.load(p)
	t.provider.load(p)
	t.findings.Set(keepCodes(findings, domain.FindEscalationNoTrigger, domain.FindEscalationNoContact, domain.FindEscalationDuplicate, domain.FindStructureNoEscal))
	t.show(domain.SortedEscalation(p.EscalationLevels))
}

func (t *escalationTab) fillForm(e *domain.EscalationLevel, _ bool) {
	if e == nil {
		setValue(t.level, "")
		setValue(t.trigger, "")
		setValue(t.hours, "")
		t.customer.show(nil)
		t.provider.show(nil)
		return
	}
	setValue(t.level, strconv.Itoa(e.Level))
	setValue(t.trigger, e.Trigger)
	setValue(t.hours, strconv.Itoa(e.ReactionHours))
	t.customer.show(e.CustomerRoleID)
	t.provider.show(e.ProviderRoleID)
}

func (t *escalationTab) commit(change func(e *domain.EscalationLevel)) {
	t.listForm.commit(change, func(a, b *domain.EscalationLevel) bool {
		return a.Level == b.Level && a.Trigger == b.Trigger && a.ReactionHours == b.ReactionHours &&
			sameRef(a.CustomerRoleID, b.CustomerRoleID) && sameRef(a.ProviderRoleID, b.ProviderRoleID)
	}, t.ed.sess().SaveEscalation)
}

// add appends the next level after the highest one.
func (t *escalationTab) add() {
	next := 1
	for _, e := range t.items {
		next = max(next, e.Level+1)
	}
	t.added(t.trigger)(t.ed.sess().SaveEscalation(domain.EscalationLevel{Level: min(next, domain.MaxEscalationLevel)}))
}

func (t *escalationTab) insertTemplate() {
	tpl := domain.BuildStructureTemplate(t.ed.sess().Project, domain.TemplateParts{Escalation: true}, key)
	t.ed.ctx.Report(t.ed.sess().ApplyStructureTemplate(tpl))
}

func (t *escalationTab) delete() { t.apply(t.ed.sess().DeleteEscalation) }
