package domain

import (
	"reflect"
	"testing"
)

func peopleRoles() []Role {
	return []Role{
		{ID: 1, Name: "IT-Koordination", Party: PartyCarrier, Persons: "Anna Berger", Deputy: "Mehmet Yıldız", Contact: "0441 123-450"},
		{ID: 2, Name: "Fachbereichsleitung", Party: PartyCarrier, Persons: "Dr. Thomas Hahn", Deputy: "Anna Berger"},
		{ID: 3, Name: "Medienbeauftragte", Party: PartySchool, Persons: "je Schule eine Lehrkraft (u. a. Petra Kaya, GS am Park)"},
		{ID: 4, Name: "Service Desk", Party: PartyProvider, Persons: "Team Service Desk Nordlicht", Contact: "0441 555-100"},
		{ID: 5, Name: "Vor-Ort-Support", Party: PartyProvider, Persons: "Lars Claassen, Tim Eilers", Contact: "über den Service Desk"},
		{ID: 6, Name: "Serviceverantwortliche:r", Party: PartyProvider, Persons: "Maren Ohlsen", Deputy: "Lars Claassen"},
	}
}

func TestPeopleFromRoles(t *testing.T) {
	kickoff := []Participant{{Name: "Maren Ohlsen", Organisation: "Nordlicht IT-Service GmbH"}}
	got := PeopleFromRoles(peopleRoles(), kickoff, 10)
	// Roles in order: Anna (1), Mehmet (1 deputy), Thomas (2), Anna again (2 deputy: no new
	// person), nothing from role 3 (no entry is a bare name) and role 4 (a team), Lars and Tim
	// (5, a shared contact stays with the role), Maren (6), Lars again (6 deputy).
	want := []Person{
		{ID: 10, Name: "Anna Berger", Party: PartyCarrier, Contact: "0441 123-450", RoleIDs: []int64{1, 2}, SortOrder: 1},
		{ID: 11, Name: "Mehmet Yıldız", Party: PartyCarrier, RoleIDs: []int64{1}, SortOrder: 2},
		{ID: 12, Name: "Dr. Thomas Hahn", Party: PartyCarrier, RoleIDs: []int64{2}, SortOrder: 3},
		{ID: 13, Name: "Lars Claassen", Party: PartyProvider, RoleIDs: []int64{5, 6}, SortOrder: 4},
		{ID: 14, Name: "Tim Eilers", Party: PartyProvider, RoleIDs: []int64{5}, SortOrder: 5},
		{ID: 15, Name: "Maren Ohlsen", Party: PartyProvider, Organisation: "Nordlicht IT-Service GmbH", RoleIDs: []int64{6}, SortOrder: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("persons\n got %+v\nwant %+v", got, want)
	}
}

func TestMatchAttendeesKeepsEveryName(t *testing.T) {
	persons := PeopleFromRoles(peopleRoles(), nil, 1) // Anna 1, Mehmet 2, Thomas 3, Lars 4, Tim 5, Maren 6
	ref := func(id int64) *int64 { return &id }
	cases := []struct {
		text string
		want []Attendee
	}{
		{"Anna Berger, Maren Ohlsen; bei Bedarf Dr. Thomas Hahn",
			[]Attendee{{PersonID: ref(1)}, {PersonID: ref(6)}, {PersonID: ref(3), Note: "bei Bedarf"}}},
		{"Maren Ohlsen (Schulträger)", []Attendee{{PersonID: ref(6), Note: "Schulträger"}}},
		{"Jens Wübbena (Nordlicht)", []Attendee{{Guest: "Jens Wübbena (Nordlicht)"}}},
		{"thomas hahn und Frau Schulz", []Attendee{{PersonID: ref(3)}, {Guest: "Frau Schulz"}}},
		{"Team Service Desk", []Attendee{{Guest: "Team Service Desk"}}},
		{"  ", nil},
	}
	for _, c := range cases {
		got := MatchAttendees(c.text, persons)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.text, got, c.want)
		}
	}
	p := &Project{Persons: persons}
	if got := p.AttendeeNames(MatchAttendees("Anna Berger, bei Bedarf Dr. Thomas Hahn, Jens Wübbena (Nordlicht)", persons)); got != "Anna Berger, Dr. Thomas Hahn (bei Bedarf), Jens Wübbena (Nordlicht)" {
		t.Errorf("written as %q", got)
	}
}

func TestDeletingAPersonKeepsTheName(t *testing.T) {
	one, two := int64(1), int64(2)
	p := &Project{
		Persons:   []Person{{ID: 1, Name: "Anna Berger", Party: PartyCarrier}, {ID: 2, Name: "Maren Ohlsen", Party: PartyProvider}},
		Meetings:  []Meeting{{ID: 1, Participants: []Attendee{{PersonID: &one, Note: "bei Bedarf"}, {PersonID: &two}}}},
		JourFixes: []JourFixe{{ID: 1, Participants: []Attendee{{PersonID: &one}}}},
		Measures:  []Measure{{ID: 1, Owners: []Attendee{{PersonID: &two}}}},
	}
	lists := p.AsGuests(1)
	if len(lists) != 2 || lists[0].Of != AttendeesOfMeeting || lists[1].Of != AttendeesOfJourFixe {
		t.Fatalf("lists %+v, want the meeting and the Jour fixe", lists)
	}
	if p.Meetings[0].Participants[0].PersonID == nil {
		t.Fatal("AsGuests changed the project")
	}
	for _, l := range lists {
		if !p.SetAttendees(l) {
			t.Fatalf("owner of %+v gone", l)
		}
	}
	if got := p.Meetings[0].Participants[0]; got.PersonID != nil || got.Guest != "Anna Berger" || got.Note != "bei Bedarf" {
		t.Errorf("meeting %+v", got)
	}
	if got := p.JourFixes[0].Participants[0]; got.PersonID != nil || got.Guest != "Anna Berger" {
		t.Errorf("jour fixe %+v", got)
	}
	if p.Measures[0].Owners[0].PersonID == nil || p.Meetings[0].Participants[1].PersonID == nil {
		t.Error("references to another person changed")
	}
	if again := p.AsGuests(1); len(again) != 0 {
		t.Errorf("still referred to by %+v", again)
	}
}

func TestPeopleValidation(t *testing.T) {
	one := int64(1)
	p := &Project{Roles: []Role{{ID: 1, Name: "IT"}}, Persons: []Person{{ID: 1, Name: "Dr. Anna Berger", Party: PartyCarrier}}}
	cases := []struct {
		x    Person
		want error
	}{
		{Person{ID: 2, Name: " ", Party: PartyCarrier}, ErrPersonNameEmpty},
		{Person{ID: 2, Name: "Jan", Party: "x"}, ErrPersonParty},
		{Person{ID: 2, Name: "Jan", Party: PartyProvider, RoleIDs: []int64{9}}, ErrPersonRoleUnknown},
		{Person{ID: 2, Name: "anna  berger", Party: PartySchool}, ErrPersonDuplicate},
		{Person{ID: 1, Name: "Anna Berger", Party: PartySchool, RoleIDs: []int64{1}}, nil},
	}
	for _, c := range cases {
		if got := p.ValidatePerson(c.x); got != c.want {
			t.Errorf("%+v: %v, want %v", c.x, got, c.want)
		}
	}
	if err := p.ValidateAttendeeRefs([]Attendee{{PersonID: &one}, {Guest: "Gast"}}); err != nil {
		t.Error(err)
	}
	if err := p.ValidateAttendeeRefs([]Attendee{{PersonID: &one, Guest: "both"}}); err != ErrAttendeeEmpty {
		t.Errorf("person and guest: %v", err)
	}
	if err := p.ValidateAttendeeRefs([]Attendee{{Guest: " "}}); err != ErrAttendeeEmpty {
		t.Errorf("empty: %v", err)
	}
	two := int64(2)
	if err := p.ValidateAttendeeRefs([]Attendee{{PersonID: &two}}); err != ErrPersonUnknown {
		t.Errorf("unknown: %v", err)
	}
}

// A template meeting invites the persons who hold its roles – each role's own persons, not its
// deputies – and names a role nobody holds as a guest.
func TestTemplateMeetingInvitesTheRolesPersons(t *testing.T) {
	tr := func(k string) string {
		return map[string]string{TplRoleCarrierIT: "IT-Koordination", TplRoleServiceManage: "Serviceverantwortliche:r"}[k]
	}
	p := &Project{Roles: peopleRoles()[:1]} // IT-Koordination: Anna Berger, deputy Mehmet Yıldız
	p.Persons = PeopleFromRoles(p.Roles, nil, 1)
	m, _ := MeetingFromTemplate(p, MeetingTemplates[0], nil, tr)
	if got := p.AttendeeNames(m.Participants); got != "Anna Berger, Serviceverantwortliche:r" {
		t.Errorf("participants %q", got)
	}
	if m.Participants[0].PersonID == nil || *m.Participants[0].PersonID != 1 || m.Participants[1].PersonID != nil {
		t.Errorf("participants %+v", m.Participants)
	}
}
