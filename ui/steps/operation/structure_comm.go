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
	listForm[domain.CommunicationRow]
	occasion, hours    *kit.CommitEntry
	channel            *kit.ChoiceEntry
	customer, provider *rolePicker
}

func newCommTab(ed *structureEditor) *commTab {
	t := &commTab{}
	t.init(ed, func(c *domain.CommunicationRow) int64 { return c.ID }, t.cell, t.fillForm, t.jump, []col{
		{"structure.col.occasion", 170, 2}, {"structure.col.customer", 150, 2}, {"structure.col.provider", 150, 2},
		{"structure.col.channel", 140, 2}, {"structure.col.hours", 130, 1},
	})
	t.occasion = field("", func(s string) { t.commit(func(c *domain.CommunicationRow) { c.Occasion = trim(s) }) })
	t.hours = field("structure.hours.placeholder", func(s string) { t.commit(func(c *domain.CommunicationRow) { c.Hours = trim(s) }) })
	t.channel = kit.NewChoiceEntry(func(s string) { t.commit(func(c *domain.CommunicationRow) { c.Channel = trim(s) }) })
	choices := make([]string, len(domain.ChannelKeys))
	for i, k := range domain.ChannelKeys {
		choices[i] = lang.L(k)
	}
	t.channel.SetChoices(choices)
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
	t.layout(toolbar, form, note)
	return t
}

func (t *commTab) cell(row, col int) (string, widget.Importance) {
	c := t.items[row]
	p := t.ed.sess().Project
	switch col {
	case 0:
		return c.Occasion, widget.MediumImportance
	case 1:
		return contactText(p, c.CustomerRoleID)
	case 2:
		return contactText(p, c.ProviderRoleID)
	case 3:
		return orMissing(c.Channel)
	}
	return c.Hours, widget.MediumImportance
}

func (t *commTab) refresh(findings []domain.Finding) {
	p := t.ed.sess().Project
	t.customer.load(p)
	t.provider.load(p)
	t.findings.Set(keepCodes(findings, domain.FindCommNoCustomer, domain.FindCommNoProvider, domain.FindCommNoChannel, domain.FindStructureNoComm))
	t.show(domain.SortedCommunication(p.CommunicationRows))
}

func (t *commTab) fillForm(c *domain.CommunicationRow, _ bool) {
	if c == nil {
		setValue(t.occasion, "")
		setValue(t.hours, "")
		t.channel.Load("")
		t.customer.show(nil)
		t.provider.show(nil)
		return
	}
	setValue(t.occasion, c.Occasion)
	setValue(t.hours, c.Hours)
	t.channel.Load(c.Channel)
	t.customer.show(c.CustomerRoleID)
	t.provider.show(c.ProviderRoleID)
}

func (t *commTab) commit(change func(c *domain.CommunicationRow)) {
	t.listForm.commit(change, sameComm, t.ed.sess().SaveCommunication)
}

func sameComm(a, b *domain.CommunicationRow) bool {
	return a.Occasion == b.Occasion && a.Channel == b.Channel && a.Hours == b.Hours && a.SortOrder == b.SortOrder &&
		sameRef(a.CustomerRoleID, b.CustomerRoleID) && sameRef(a.ProviderRoleID, b.ProviderRoleID)
}

func sameRef(a, b *int64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func (t *commTab) add() {
	t.added(t.occasion)(t.ed.sess().SaveCommunication(domain.CommunicationRow{Occasion: lang.L("structure.comm.new")}))
}

// insertTemplate adds the occasions of the seed with their contacts (missing roles are added).
func (t *commTab) insertTemplate() {
	tpl := domain.BuildStructureTemplate(t.ed.sess().Project, domain.TemplateParts{Communication: true}, key)
	t.ed.ctx.Report(t.ed.sess().ApplyStructureTemplate(tpl))
}

func (t *commTab) delete() { t.apply(t.ed.sess().DeleteCommunication) }

func (t *commTab) move(delta int) {
	t.apply(func(id int64) error { return t.ed.sess().MoveCommunication(id, delta) })
}
