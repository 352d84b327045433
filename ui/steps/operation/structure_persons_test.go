package operation

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
)

// Step 11's persons as a user keeps them: the names the roles list taken over, a person added
// and given a role, a standing meeting choosing its participants from the persons (plus a guest),
// and a person deleted whose name the meeting keeps as a guest.
func TestPersonsTabAndMeetingParticipants(t *testing.T) {
	p := emptyProject()
	p.Roles = []domain.Role{
		{ID: 1, Name: "IT-Koordination", Party: domain.PartyCarrier, Persons: "Anna Berger", Contact: "0441 123-450", SortOrder: 1},
		{ID: 2, Name: "Serviceverantwortliche:r", Party: domain.PartyProvider, Persons: "Maren Ohlsen", Deputy: "Lars Claassen", SortOrder: 2},
	}
	fx := newFixture(t, p)
	ed := NewStructureEditor(fx.Ctx)
	fx.Show(ed.View)
	ed.showTab(1)
	if ed.tabs.Selected().Text != "Personen" {
		t.Fatalf("tab %q", ed.tabs.Selected().Text)
	}

	// Take over the names the roles list: Anna (role 1), Maren and Lars (role 2).
	test.Tap(ed.pers.btns[1])
	fx.NoErrors()
	var names []string
	for _, x := range fx.Stored().Persons {
		names = append(names, x.Name)
	}
	if len(names) != 3 || names[0] != "Anna Berger" || names[1] != "Maren Ohlsen" || names[2] != "Lars Claassen" {
		t.Fatalf("persons %q", names)
	}
	if text, _ := ed.pers.cell(1, 3); text != "Serviceverantwortliche:r" {
		t.Errorf("Maren's roles %q", text)
	}
	test.Tap(ed.pers.btns[1]) // nobody twice
	if n := len(fx.S.Project.Persons); n != 3 {
		t.Errorf("%d persons after taking the roles again", n)
	}

	// A new person: named, organisation, the first role ticked.
	test.Tap(ed.pers.btns[0])
	fx.TypeInto(ed.pers.name, "Jens Wübbena")
	fx.TypeInto(ed.pers.organisation, "IGS Musterstadt")
	ed.pers.party.SetSelected("Schule")
	ed.pers.roleChecks.SetSelected([]string{"IT-Koordination"})
	fx.NoErrors()
	jens := fx.Stored().Persons[3]
	if jens.Name != "Jens Wübbena" || jens.Organisation != "IGS Musterstadt" || jens.Party != domain.PartySchool || len(jens.RoleIDs) != 1 || jens.RoleIDs[0] != 1 {
		t.Fatalf("new person %+v", jens)
	}
	// A second person of the same name is refused with a message; the name stays.
	test.Tap(ed.pers.btns[0])
	fx.TypeInto(ed.pers.name, "anna  berger")
	if len(fx.Errs) != 1 || fx.Errs[0].Error() != "Eine Person mit diesem Namen gibt es schon." {
		t.Fatalf("errors %v", fx.Errs)
	}
	fx.Errs = nil

	// A meeting: participants chosen from the persons, and a guest.
	ed.showTab(5)
	ed.meet.add()
	mp := ed.meet.participants
	mp.Person.SetSelected("Maren Ohlsen – Dienstleister")
	mp.Person.SetSelected("Jens Wübbena – IGS Musterstadt")
	test.Type(mp.Guest, "Frau Schulz")
	test.Tap(mp.AddGuest)
	fx.NoErrors()
	m := fx.Stored().Meetings[0]
	if got := fx.S.Project.AttendeeNames(m.Participants); got != "Maren Ohlsen, Jens Wübbena, Frau Schulz" {
		t.Fatalf("participants %q", got)
	}
	if text, _ := ed.meet.cell(0, 4); text != "Maren Ohlsen, Jens Wübbena, Frau Schulz" {
		t.Errorf("table shows %q", text)
	}

	// Deleting Jens keeps his name on the meeting, as a guest; undo brings the reference back.
	ed.showTab(1)
	ed.pers.pick(jens.ID)
	test.Tap(ed.pers.btns[2])
	fx.NoErrors()
	stored := fx.Stored()
	if len(stored.Persons) != 4 { // Anna, Maren, Lars and the unnamed new person
		t.Errorf("%d persons after the delete", len(stored.Persons))
	}
	if ps := stored.Meetings[0].Participants; ps[1].PersonID != nil || ps[1].Guest != "Jens Wübbena" {
		t.Fatalf("after the delete %+v", ps)
	}
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if ps := fx.Stored().Meetings[0].Participants; ps[1].PersonID == nil || *ps[1].PersonID != jens.ID {
		t.Fatalf("after undo %+v", ps)
	}
	if got := fx.Stored().PersonByID(jens.ID); got == nil || len(got.RoleIDs) != 1 {
		t.Errorf("person after undo %+v", got)
	}
}
