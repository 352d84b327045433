package operation

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// rolesTab lists the roles of both sides with their people; the roles the seed names (and a few
// more a school-IT support needs) are ready to add.
type rolesTab struct {
	listForm[domain.Role]
	name, persons, deputy, contact *kit.CommitEntry
	party                          *selectField
}

func newRolesTab(ed *structureEditor) *rolesTab {
	t := &rolesTab{}
	t.init(ed, func(r *domain.Role) int64 { return r.ID }, t.cell, t.fillForm, t.jump, []col{
		{"structure.col.role", 170, 2}, {"structure.col.party", 110, 0}, {"structure.col.persons", 150, 2},
		{"structure.col.deputy", 130, 1}, {"structure.col.contact", 150, 2},
	})

	t.name = field("", func(s string) { t.commit(func(r *domain.Role) { r.Name = trim(s) }) })
	t.persons = field("structure.persons.placeholder", func(s string) { t.commit(func(r *domain.Role) { r.Persons = trim(s) }) })
	t.deputy = field("", func(s string) { t.commit(func(r *domain.Role) { r.Deputy = trim(s) }) })
	t.contact = field("structure.contact.placeholder", func(s string) { t.commit(func(r *domain.Role) { r.Contact = trim(s) }) })
	t.party = newPartyField(func(p domain.Party) { t.commit(func(r *domain.Role) { r.Party = p }) })
	t.formFields = []fyne.Disableable{t.name, t.party, t.persons, t.deputy, t.contact}

	toolbar := container.NewHBox(
		t.btns.add("structure.role.add", theme.ContentAddIcon(), t.add),
		t.btns.add("structure.role.template", theme.DocumentCreateIcon(), t.templateDialog),
		t.btns.add("structure.move_up", theme.MoveUpIcon(), func() { t.move(-1) }),
		t.btns.add("structure.move_down", theme.MoveDownIcon(), func() { t.move(1) }),
		t.btns.add("structure.delete", theme.DeleteIcon(), t.delete),
	)
	form := container.New(&kit.WeightedRow{Weights: []float32{3, 2, 3, 2, 3}},
		kit.Labelled(lang.L("structure.col.role"), t.name),
		kit.Labelled(lang.L("structure.col.party"), t.party.Select),
		kit.Labelled(lang.L("structure.col.persons"), t.persons),
		kit.Labelled(lang.L("structure.col.deputy"), t.deputy),
		kit.Labelled(lang.L("structure.col.contact"), t.contact),
	)
	t.layout(toolbar, form)
	return t
}

func (t *rolesTab) cell(row, col int) (string, widget.Importance) {
	r := t.items[row]
	switch col {
	case 0:
		return r.Name, widget.MediumImportance
	case 1:
		return kit.PartyLabel(r.Party), widget.MediumImportance
	case 2:
		return orMissing(r.Persons)
	case 3:
		return r.Deputy, widget.MediumImportance
	}
	return r.Contact, widget.MediumImportance
}

func (t *rolesTab) refresh(findings []domain.Finding) {
	p := t.ed.sess().Project
	t.findings.Set(keepFindings(findings, func(f domain.Finding) bool {
		return f.Code == domain.FindRoleNoPerson || f.Code == domain.FindStructureNoRoles || domain.IsRoleFinding(f.Code)
	}))
	t.show(domain.SortedRoles(p.Roles))
}

// fillForm shows the picked role in the form.
func (t *rolesTab) fillForm(r *domain.Role, _ bool) {
	if r == nil {
		for _, e := range []*kit.CommitEntry{t.name, t.persons, t.deputy, t.contact} {
			setValue(e, "")
		}
		t.party.show(-1)
		return
	}
	setValue(t.name, r.Name)
	setValue(t.persons, r.Persons)
	setValue(t.deputy, r.Deputy)
	setValue(t.contact, r.Contact)
	t.party.show(partyIndex(r.Party))
}

func partyIndex(p domain.Party) int {
	for i, x := range domain.Parties {
		if x == p {
			return i
		}
	}
	return -1
}

// commit applies a change to the role in the form; a refused change shows the stored value.
func (t *rolesTab) commit(change func(r *domain.Role)) {
	t.listForm.commit(change, func(a, b *domain.Role) bool { return *a == *b }, t.ed.sess().SaveRole)
}

func (t *rolesTab) add() {
	t.added(t.name)(t.ed.sess().SaveRole(domain.Role{Name: lang.L("raci.new_role"), Party: domain.PartyOther}))
}

func (t *rolesTab) delete() { t.apply(t.ed.sess().DeleteRole) }

func (t *rolesTab) move(delta int) {
	t.apply(func(id int64) error { return t.ed.sess().MoveRole(id, delta) })
}

func (t *rolesTab) jump(f domain.Finding) {
	if f.EntityID != 0 {
		t.pick(f.EntityID)
		focus(t.ed.ctx.Window, t.persons)
	}
}

// missingTemplateRoles are the template roles the project does not have yet (by name).
func (t *rolesTab) missingTemplateRoles() []domain.RoleTemplate {
	have := map[string]bool{}
	for _, r := range t.ed.sess().Project.Roles {
		have[domain.NormalizedName(r.Name)] = true
	}
	var out []domain.RoleTemplate
	for _, rt := range domain.RoleTemplates {
		if !have[domain.NormalizedName(lang.L(rt.Key))] {
			out = append(out, rt)
		}
	}
	return out
}

// addTemplateRoles adds the template roles with the given keys as one edit.
func (t *rolesTab) addTemplateRoles(keys []string) error {
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	var rs []domain.Role
	for _, rt := range t.missingTemplateRoles() {
		if want[rt.Key] {
			rs = append(rs, domain.Role{Name: lang.L(rt.Key), Party: rt.Party})
		}
	}
	if len(rs) == 0 {
		return nil
	}
	return t.ed.sess().AddRoles(rs)
}

// templateDialog offers the missing template roles, all ticked.
func (t *rolesTab) templateDialog() {
	missing := t.missingTemplateRoles()
	if t.ed.ctx.Window == nil {
		return
	}
	if len(missing) == 0 {
		dialog.ShowInformation(lang.L("structure.role.template"), lang.L("structure.role.template.none"), t.ed.ctx.Window)
		return
	}
	labels := make([]string, len(missing))
	byLabel := map[string]string{}
	for i, rt := range missing {
		labels[i] = lang.L("structure.role.label", map[string]any{"Name": lang.L(rt.Key), "Party": kit.PartyLabel(rt.Party)})
		byLabel[labels[i]] = rt.Key
	}
	check := widget.NewCheckGroup(labels, nil)
	check.SetSelected(labels)
	dialog.ShowCustomConfirm(lang.L("structure.role.template"), lang.L("structure.add"), lang.L("structure.cancel"),
		container.NewVBox(widget.NewLabel(lang.L("structure.role.template.intro")), check), func(ok bool) {
			if !ok {
				return
			}
			var keys []string
			for _, l := range check.Selected {
				keys = append(keys, byLabel[l])
			}
			t.ed.ctx.Report(t.addTemplateRoles(keys))
		}, t.ed.ctx.Window)
}

// focus puts the cursor into an entry with its text selected, after the current event.
func focus(w fyne.Window, e *kit.CommitEntry) {
	if w == nil || e.Disabled() {
		return
	}
	c := w.Canvas()
	fyne.Do(func() {
		c.Focus(e)
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	})
}
