package operation

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// commTab is the communication matrix (the seed's Abb. 11): per occasion the contact at the
// customer and at the provider, both picked from the roles, the channel and when it is open.
type commTab struct {
	ed       *structureEditor
	rows     []domain.CommunicationRow
	table    *table
	findings *kit.Findings
	btns     buttons

	formID             int64
	occasion, hours    *kit.CommitEntry
	channel            *choiceEntry
	customer, provider *rolePicker
	formFields         []fyne.Disableable
	content            fyne.CanvasObject
}

func newCommTab(ed *structureEditor) *commTab {
	t := &commTab{ed: ed}
	t.table = newTable([]col{
		{"structure.col.occasion", 170, 2}, {"structure.col.customer", 150, 2}, {"structure.col.provider", 150, 2},
		{"structure.col.channel", 140, 2}, {"structure.col.hours", 130, 1},
	}, t.cell, t.pick)
	t.findings = newFindings("structure.findings", t.jump)
	t.occasion = field("", func(s string) { t.commit(func(c *domain.CommunicationRow) { c.Occasion = trim(s) }) })
	t.hours = field("structure.hours.placeholder", func(s string) { t.commit(func(c *domain.CommunicationRow) { c.Hours = trim(s) }) })
	t.channel = newChoiceEntry(func(s string) { t.commit(func(c *domain.CommunicationRow) { c.Channel = trim(s) }) })
	choices := make([]string, len(domain.ChannelKeys))
	for i, k := range domain.ChannelKeys {
		choices[i] = lang.L(k)
	}
	t.channel.setChoices(choices)
	t.customer = newRolePicker(func(id *int64) { t.commit(func(c *domain.CommunicationRow) { c.CustomerRoleID = id }) })
	t.provider = newRolePicker(func(id *int64) { t.commit(func(c *domain.CommunicationRow) { c.ProviderRoleID = id }) })
	t.formFields = []fyne.Disableable{t.occasion, t.customer.sel, t.provider.sel, t.channel, t.hours}

	toolbar := container.NewHBox(
		t.btns.add("structure.comm.add", theme.ContentAddIcon(), t.add),
		t.btns.add("structure.comm.template", theme.DocumentCreateIcon(), t.insertTemplate),
		t.btns.add("structure.move_up", theme.MoveUpIcon(), func() { t.move(-1) }),
		t.btns.add("structure.move_down", theme.MoveDownIcon(), func() { t.move(1) }),
		t.btns.add("structure.delete", theme.DeleteIcon(), t.delete),
	)
	form := container.New(&kit.WeightedRow{Weights: []float32{3, 3, 3, 3, 2}},
		kit.Labelled(lang.L("structure.col.occasion"), t.occasion),
		kit.Labelled(lang.L("structure.col.customer"), t.customer.sel.Select),
		kit.Labelled(lang.L("structure.col.provider"), t.provider.sel.Select),
		kit.Labelled(lang.L("structure.col.channel"), t.channel),
		kit.Labelled(lang.L("structure.col.hours"), t.hours),
	)
	note := widget.NewLabel(lang.L("structure.comm.note"))
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	t.content = container.NewBorder(container.NewHScroll(toolbar), container.NewVBox(widget.NewSeparator(), form, note), nil, nil,
		withSide(t.table.view(), t.findings.Content, 0.72))
	return t
}

func (t *commTab) cell(row, col int) (string, widget.Importance) {
	c := t.rows[row]
	p := t.ed.sess().Project
	switch col {
	case 0:
		return c.Occasion, widget.MediumImportance
	case 1:
		return contactText(p, c.CustomerRoleID)
	case 2:
		return contactText(p, c.ProviderRoleID)
	case 3:
		if c.Channel == "" {
			return lang.L("steps.missing"), widget.WarningImportance
		}
		return c.Channel, widget.MediumImportance
	}
	return c.Hours, widget.MediumImportance
}

func (t *commTab) refresh(findings []domain.Finding) {
	p := t.ed.sess().Project
	t.rows = domain.SortedCommunication(p.CommunicationRows)
	ids := make([]int64, len(t.rows))
	for i, c := range t.rows {
		ids[i] = c.ID
	}
	t.table.setIDs(ids)
	t.customer.load(p)
	t.provider.load(p)
	t.findings.Set(keepFindings(findings, func(f domain.Finding) bool {
		switch f.Code {
		case domain.FindCommNoCustomer, domain.FindCommNoProvider, domain.FindCommNoChannel, domain.FindStructureNoComm:
			return true
		}
		return false
	}))
	t.btns.enable(!t.ed.sess().ReadOnly())
	t.load()
}

func (t *commTab) row() *domain.CommunicationRow {
	for i := range t.rows {
		if t.rows[i].ID == t.formID {
			return &t.rows[i]
		}
	}
	return nil
}

func (t *commTab) pick(id int64) {
	t.formID = id
	t.table.pick(id)
	t.load()
}

func (t *commTab) load() {
	c := t.row()
	on := c != nil && !t.ed.sess().ReadOnly()
	for _, f := range t.formFields {
		if on {
			f.Enable()
		} else {
			f.Disable()
		}
	}
	if c == nil {
		t.formID = 0
		t.table.selected = 0
		setValue(t.occasion, "")
		setValue(t.hours, "")
		t.channel.show("")
		t.customer.show(nil)
		t.provider.show(nil)
		return
	}
	setValue(t.occasion, c.Occasion)
	setValue(t.hours, c.Hours)
	t.channel.show(c.Channel)
	t.customer.show(c.CustomerRoleID)
	t.provider.show(c.ProviderRoleID)
}

func (t *commTab) commit(change func(c *domain.CommunicationRow)) {
	c := t.row()
	if c == nil {
		return
	}
	next := *c
	change(&next)
	if sameComm(next, *c) {
		return
	}
	if _, err := t.ed.sess().SaveCommunication(next); err != nil {
		t.ed.ctx.Report(err)
		t.load()
	}
}

func sameComm(a, b domain.CommunicationRow) bool {
	return a.Occasion == b.Occasion && a.Channel == b.Channel && a.Hours == b.Hours && a.SortOrder == b.SortOrder &&
		sameRef(a.CustomerRoleID, b.CustomerRoleID) && sameRef(a.ProviderRoleID, b.ProviderRoleID)
}

func sameRef(a, b *int64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func (t *commTab) add() {
	id, err := t.ed.sess().SaveCommunication(domain.CommunicationRow{Occasion: lang.L("structure.comm.new")})
	if err != nil {
		t.ed.ctx.Report(err)
		return
	}
	t.pick(id)
	focus(t.ed.ctx.Window, t.occasion)
}

// insertTemplate adds the occasions of the seed with their contacts (missing roles are added).
func (t *commTab) insertTemplate() {
	tpl := domain.BuildStructureTemplate(t.ed.sess().Project, domain.TemplateParts{Communication: true}, key)
	t.ed.ctx.Report(t.ed.sess().ApplyStructureTemplate(tpl))
}

func (t *commTab) delete() {
	if c := t.row(); c != nil {
		t.ed.ctx.Report(t.ed.sess().DeleteCommunication(c.ID))
	}
}

func (t *commTab) move(delta int) {
	if c := t.row(); c != nil {
		t.ed.ctx.Report(t.ed.sess().MoveCommunication(c.ID, delta))
	}
}

func (t *commTab) jump(f domain.Finding) {
	if f.EntityID != 0 {
		t.pick(f.EntityID)
	}
}
