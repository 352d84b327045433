package operation

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
)

// personsTab lists the people of both sides: name, side, organisation, the roles they hold and
// how to reach them. Meetings, Jour fixes and measures choose their participants and owners from
// this list; the names the roles already list are ready to take over.
type personsTab struct {
	listForm[domain.Person]
	roles                       []domain.Role
	name, organisation, contact *kit.CommitEntry
	party                       *selectField
	roleChecks                  *widget.CheckGroup
}

func newPersonsTab(ed *structureEditor) *personsTab {
	t := &personsTab{}
	t.init(ed, func(x *domain.Person) int64 { return x.ID }, t.cell, t.fillForm, nil, []col{
		{"people.col.name", 160, 2}, {"structure.col.party", 110, 0}, {"people.col.organisation", 150, 2},
		{"people.col.roles", 180, 2}, {"structure.col.contact", 150, 2},
	})
	t.name = field("", func(s string) { t.commit(func(x *domain.Person) { x.Name = trim(s) }) })
	t.organisation = field("people.organisation.placeholder", func(s string) { t.commit(func(x *domain.Person) { x.Organisation = trim(s) }) })
	t.contact = field("structure.contact.placeholder", func(s string) { t.commit(func(x *domain.Person) { x.Contact = trim(s) }) })
	t.party = newPartyField(func(p domain.Party) { t.commit(func(x *domain.Person) { x.Party = p }) })
	t.roleChecks = widget.NewCheckGroup(nil, nil)
	t.roleChecks.Horizontal = true
	t.formFields = []fyne.Disableable{t.name, t.party, t.organisation, t.contact, t.roleChecks}

	toolbar := container.NewHBox(
		t.btns.add("people.add", theme.ContentAddIcon(), t.add),
		t.btns.add("people.from_roles", theme.DocumentCreateIcon(), t.fromRoles),
		t.btns.add("structure.delete", theme.DeleteIcon(), t.delete),
	)
	form := container.New(&kit.WeightedRow{Weights: []float32{3, 2, 3, 3}},
		kit.Labelled(lang.L("people.col.name"), t.name),
		kit.Labelled(lang.L("structure.col.party"), t.party.Select),
		kit.Labelled(lang.L("people.col.organisation"), t.organisation),
		kit.Labelled(lang.L("structure.col.contact"), t.contact),
	)
	roles := kit.Labelled(lang.L("people.col.roles"), container.NewHScroll(t.roleChecks))
	t.layout(toolbar, form, roles)
	return t
}

func (t *personsTab) cell(row, col int) (string, widget.Importance) {
	x := t.items[row]
	switch col {
	case 0:
		return x.Name, widget.MediumImportance
	case 1:
		return kit.PartyLabel(x.Party), widget.MediumImportance
	case 2:
		return x.Organisation, widget.MediumImportance
	case 3:
		return t.roleNames(x), widget.MediumImportance
	}
	return x.Contact, widget.MediumImportance
}

func (t *personsTab) roleNames(x domain.Person) string {
	var names []string
	for _, r := range t.roles {
		for _, id := range x.RoleIDs {
			if id == r.ID {
				names = append(names, r.Name)
			}
		}
	}
	return strings.Join(names, ", ")
}

func (t *personsTab) refresh() {
	p := t.ed.sess().Project
	t.roles = domain.SortedRoles(p.Roles)
	t.show(domain.SortedPersons(p.Persons))
}

func (t *personsTab) fillForm(x *domain.Person, _ bool) {
	names := make([]string, len(t.roles))
	for i, r := range t.roles {
		names[i] = r.Name
	}
	t.roleChecks.OnChanged = nil
	t.roleChecks.Options = names
	if x == nil {
		for _, e := range []*kit.CommitEntry{t.name, t.organisation, t.contact} {
			setValue(e, "")
		}
		t.party.show(-1)
		t.roleChecks.SetSelected(nil)
		return
	}
	setValue(t.name, x.Name)
	setValue(t.organisation, x.Organisation)
	setValue(t.contact, x.Contact)
	t.party.show(partyIndex(x.Party))
	var held []string
	for _, r := range t.roles {
		for _, id := range x.RoleIDs {
			if id == r.ID {
				held = append(held, r.Name)
			}
		}
	}
	t.roleChecks.SetSelected(held)
	t.roleChecks.OnChanged = func(sel []string) {
		t.commit(func(x *domain.Person) {
			x.RoleIDs = nil
			for _, r := range t.roles { // in the roles' order, whatever order the boxes were ticked in
				for _, s := range sel {
					if s == r.Name {
						x.RoleIDs = append(x.RoleIDs, r.ID)
						break
					}
				}
			}
		})
	}
}

// commit applies a change to the person in the form; a refused change shows the stored value.
func (t *personsTab) commit(change func(x *domain.Person)) {
	t.listForm.commit(func(next *domain.Person) {
		next.RoleIDs = append([]int64(nil), next.RoleIDs...)
		change(next)
	}, func(a, b *domain.Person) bool {
		return a.Name == b.Name && a.Party == b.Party && a.Organisation == b.Organisation && a.Contact == b.Contact &&
			slices.Equal(a.RoleIDs, b.RoleIDs)
	}, t.ed.sess().SavePerson)
}

func (t *personsTab) add() {
	t.added(t.name)(t.ed.sess().SavePerson(domain.Person{Name: t.freeName(), Party: domain.PartyCarrier}))
}

// freeName is the placeholder name of a new person, numbered when it is taken.
func (t *personsTab) freeName() string {
	p := t.ed.sess().Project
	for n := 1; ; n++ {
		name := lang.L("people.new", map[string]any{"N": n})
		taken := false
		for _, x := range p.Persons {
			taken = taken || strings.EqualFold(x.Name, name)
		}
		if !taken {
			return name
		}
	}
}

// fromRoles takes over the names the roles list that are no person yet.
func (t *personsTab) fromRoles() {
	p := t.ed.sess().Project
	t.ed.ctx.Report(t.ed.sess().AddPersonsFromRoles())
	t.refresh()
	if len(p.Persons) > 0 && t.formID == 0 {
		t.pick(domain.SortedPersons(p.Persons)[0].ID)
	}
}

func (t *personsTab) delete() { t.apply(t.ed.sess().DeletePerson) }
