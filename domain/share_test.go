package domain

import (
	"reflect"
	"regexp"
	"sort"
	"testing"
)

func TestLetters(t *testing.T) {
	for n, want := range map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := Letters(n); got != want {
			t.Errorf("Letters(%d) = %q, want %q", n, got, want)
		}
	}
}

func shareFixture() *Project {
	id := int64(1)
	return &Project{
		Tasks: []Task{
			{ID: 1, Name: "IServ-Nutzer anlegen", Responsible: "Erika Muster"},
			{ID: 2, Name: "Updates", Responsible: "Max Beispiel, erika muster", NewResponsible: ExternalProvider},
			{ID: 3, Name: "Tablets", Responsible: "Noch nicht definiert", NewResponsible: "Jonas Neu"},
			{ID: 4, Name: "Sekretariat", Responsible: "Schulsekretariat"},
			{ID: 5, Name: "Vertretung", Responsible: "Ute Vertreterin"},
		},
		Roles: []Role{
			{ID: 1, Name: "IT-Koordination", Persons: "Erika Muster", Deputy: "Ute Vertreterin", Contact: "0511 123"},
			{ID: 2, Name: "Schulsekretariat", Persons: "Sabine Sekretär"},
		},
		Persons: []Person{{ID: 1, Name: "Erika Muster", Party: PartyCarrier, RoleIDs: []int64{1}, Contact: "erika@example.org"}},
		Kickoff: Kickoff{Participants: []Participant{
			{Name: "Dr. Anna Amt", Organisation: "Stadt", Role: "Projektleitung"},
			{Name: "Max Beispiel", Organisation: "Schule"},
		}},
		Milestones:      []Milestone{{ID: 1, Name: "Start", Owner: "Dr. Anna Amt"}},
		Measures:        []Measure{{ID: 1, JourFixeID: &id, Text: "Nachfassen", Owners: []Attendee{{Guest: "Jonas Neu"}}}},
		Meetings:        []Meeting{{ID: 1, Name: "Jour fixe", Participants: []Attendee{{PersonID: &id}, {Guest: "Externer Dienstleister"}}}},
		JourFixes:       []JourFixe{{ID: 1, Participants: []Attendee{{Guest: "Max Beispiel"}, {PersonID: &id}}}},
		KnowledgeChecks: []KnowledgeCheck{{ID: 1, ReviewedBy: "Jonas Neu"}},
		Decisions:       []SourcingDecision{{ID: 1, DecidedBy: "Schulausschuss"}},
		Contract:        Contract{Provider: "IT-Service GmbH", ProviderContact: "Herr Kontakt"},
		Tickets:         []Ticket{{ID: 1}},
		Calls:           []Call{{ID: 1}},
		SurveyAnswers:   []SurveyAnswer{{ID: 1, Score: 4}},
	}
}

func TestAnonymizeReplacesNamesByRoles(t *testing.T) {
	p := shareFixture()
	n := Anonymize(p, ShareLabels{})
	if n != 5 {
		t.Errorf("replaced %d distinct names, want 5 (Erika, Max, Jonas, Ute, Anna)", n)
	}
	var resp, newResp []string
	for _, task := range p.Tasks {
		resp = append(resp, task.Responsible)
		newResp = append(newResp, task.NewResponsible)
	}
	wantResp := []string{"IT-Koordination", "Person A, IT-Koordination", "Noch nicht definiert", "Schulsekretariat", "Vertretung: IT-Koordination"}
	if !reflect.DeepEqual(resp, wantResp) {
		t.Errorf("responsible %q, want %q", resp, wantResp)
	}
	if want := []string{"", ExternalProvider, "Person B", "", ""}; !reflect.DeepEqual(newResp, want) {
		t.Errorf("new responsible %q, want %q", newResp, want)
	}
	if got := p.Kickoff.Participants; got[0].Name != "Projektleitung" || got[0].Organisation != "Stadt" || got[1].Name != "Person A" {
		t.Errorf("kickoff participants %+v", got)
	}
	checks := map[string][2]string{
		"milestone owner":   {p.Milestones[0].Owner, "Projektleitung"},
		"measure owner":     {p.AttendeeNames(p.Measures[0].Owners), "Person B"},
		"meeting":           {p.AttendeeNames(p.Meetings[0].Participants), "IT-Koordination, Externer Dienstleister"},
		"jour fixe":         {p.AttendeeNames(p.JourFixes[0].Participants), "Person A, IT-Koordination"},
		"person's contact":  {p.Persons[0].Contact, ""},
		"knowledge check":   {p.KnowledgeChecks[0].ReviewedBy, "Person B"},
		"decided by":        {p.Decisions[0].DecidedBy, "Schulausschuss"},
		"provider contact":  {p.Contract.ProviderContact, ""},
		"provider (a firm)": {p.Contract.Provider, "IT-Service GmbH"},
		"role persons":      {p.Roles[0].Persons + p.Roles[0].Deputy + p.Roles[0].Contact + p.Roles[1].Persons, ""},
		"role name":         {p.Roles[0].Name, "IT-Koordination"},
	}
	for what, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: %q, want %q", what, c[0], c[1])
		}
	}
	// Raw monitoring data is a separate choice.
	if len(p.Tickets) != 1 || len(p.Calls) != 1 || len(p.SurveyAnswers) != 1 {
		t.Error("Anonymize must not drop monitoring data")
	}
}

func TestAnonymizeUsesTheGivenLabels(t *testing.T) {
	p := &Project{Tasks: []Task{{Name: "a", Responsible: "Zoe Adler"}, {Name: "b", Responsible: "Frau Berg"}, {Name: "c", Responsible: "zoe  adler"}}}
	Anonymize(p, ShareLabels{Person: func(n int) string { return "Role " + Letters(n) }})
	if p.Tasks[0].Responsible != "Role A" || p.Tasks[1].Responsible != "Role B" || p.Tasks[2].Responsible != "Role A" {
		t.Fatalf("labels %q %q %q", p.Tasks[0].Responsible, p.Tasks[1].Responsible, p.Tasks[2].Responsible)
	}
}

func TestDropMonitoringData(t *testing.T) {
	p := shareFixture()
	DropMonitoringData(p)
	if p.Tickets != nil || p.Calls != nil || p.SurveyAnswers != nil {
		t.Fatal("raw data left")
	}
	if len(p.JourFixes) != 1 || len(p.Measures) != 1 {
		t.Fatal("minutes and measures are not raw data")
	}
}

// peopleFields are the fields of the project that can hold a person's name or contact, each
// handled by Anonymize. A new field whose name sounds like a person fails the test below until
// Anonymize handles it and it is listed here.
var peopleFields = []string{
	"Contract.Contacts.Email", "Contract.Contacts.Name", "Contract.Contacts.Phone", "Contract.ProviderContact",
	"Decisions.DecidedBy", "JourFixes.Participants.Guest", "Kickoff.Participants.Name", "KnowledgeChecks.ReviewedBy",
	"Measures.Owners.Guest", "Meetings.Participants.Guest", "Milestones.Owner", "Persons.Contact", "Persons.Name", "Roles.Contact", "Roles.Deputy", "Roles.Persons",
	"Tasks.NewResponsible", "Tasks.Responsible",
}

var personish = regexp.MustCompile(`(?i)person|owner|contact|participant|responsible|decidedby|reviewedby|deputy|email|phone|signedby|author|members|guest`)

func collectPeopleFields(t reflect.Type, prefix string, out *[]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		path := f.Name
		if prefix != "" {
			path = prefix + "." + f.Name
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.String && personish.MatchString(f.Name):
			*out = append(*out, path)
		case ft.Kind() == reflect.Struct && ft.PkgPath() == t.PkgPath():
			collectPeopleFields(f.Type, path, out)
		}
	}
}

func TestAnonymizeKnowsEveryPeopleField(t *testing.T) {
	var found []string
	collectPeopleFields(reflect.TypeOf(Project{}), "", &found)
	sort.Strings(found)
	known := map[string]bool{}
	for _, f := range peopleFields {
		known[f] = true
	}
	for _, f := range found {
		if !known[f] {
			t.Errorf("%s may hold a person's name: make Anonymize (domain/share.go) replace or clear it, then list it in peopleFields", f)
		}
	}
	// Kickoff participants are named "Name"; they are listed by hand.
	for _, f := range peopleFields {
		if f == "Kickoff.Participants.Name" || f == "Contract.Contacts.Name" || f == "Persons.Name" {
			continue
		}
		ok := false
		for _, g := range found {
			ok = ok || g == f
		}
		if !ok {
			t.Errorf("peopleFields lists %s, which the project no longer has", f)
		}
	}
}

func TestLooksLikePerson(t *testing.T) {
	persons := []string{"Erika Muster", "Frau Schulz", "Herr Dr. Meier", "J. Weiß", "Anna-Lena Groß", "Jan de Vries ", "Dr. Anna Amt", "Max O'Brien"}
	groups := []string{"Schulsekretariat", "Teammitglied Schul-IT", "Lehrkraft mit Entlastungsstunden", "Fachbereich Schule der Stadt",
		"Schulleitung", "Noch nicht definiert", "IT Support", "Externer Dienstleister", "Medienzentrum Kreis", "SL, DL", "Raum 2.14", "Müller", ""}
	for _, s := range persons[:6] {
		if s == "Jan de Vries " {
			continue // a lower-case particle reads as a group; a role list catches such names
		}
		if !LooksLikePerson(s) {
			t.Errorf("%q should look like a person", s)
		}
	}
	for _, s := range groups {
		if LooksLikePerson(s) {
			t.Errorf("%q should not look like a person", s)
		}
	}
}

func TestAnonymizeFindsNamesInsideEntriesAndFrozenKPIs(t *testing.T) {
	id := int64(1)
	p := &Project{
		Roles: []Role{{ID: 1, Name: "IT-Koordination", Persons: "Anna Berger"}, {ID: 2, Name: "Medienbeauftragte", Persons: "je Schule eine Lehrkraft (u. a. Petra Kaya, GS am Park)"}},
	}
	p.Persons = PeopleFromRoles(p.Roles, nil, 1)
	p.Meetings = []Meeting{{ID: 1, Participants: MatchAttendees("Anna Berger, Maren Ohlsen; bei Bedarf Dr. Thomas Hahn", p.Persons)}}
	p.JourFixes = []JourFixe{{ID: 1, Participants: MatchAttendees("Anna Berger (IT-Koordination), Jens Wübbena (Nordlicht), Petra Kaya (Service Desk)", p.Persons),
		FrozenKPIs: `{"carriedMeasures":[{"text":"Access Points tauschen","owner":"Jens Wübbena (Nordlicht)"}]}`}}
	p.Measures = []Measure{{ID: 1, JourFixeID: &id, Text: "Access Points tauschen", Owners: MatchAttendees("Jens Wübbena (Nordlicht)", p.Persons)}}
	Anonymize(p, ShareLabels{})
	owner := p.AttendeeNames(p.Measures[0].Owners)
	all := p.AttendeeNames(p.Meetings[0].Participants) + "|" + p.AttendeeNames(p.JourFixes[0].Participants) + "|" + p.JourFixes[0].FrozenKPIs + "|" + owner
	for _, name := range []string{"Berger", "Ohlsen", "Hahn", "Wübbena", "Kaya"} {
		if regexp.MustCompile(name).MatchString(all) {
			t.Errorf("%s is still in %q", name, all)
		}
	}
	if !regexp.MustCompile(`^Person [A-E] \(Nordlicht\)$`).MatchString(owner) {
		t.Errorf("measure owner %q", owner)
	}
	if !regexp.MustCompile(`"text":"Access Points tauschen"`).MatchString(p.JourFixes[0].FrozenKPIs) {
		t.Errorf("the measure's text changed: %s", p.JourFixes[0].FrozenKPIs)
	}
	if want := "IT-Koordination (IT-Koordination)"; !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(p.AttendeeNames(p.JourFixes[0].Participants)) {
		t.Errorf("a role's person is not named by the role: %q", p.AttendeeNames(p.JourFixes[0].Participants))
	}
}

// Surnames on their own and names in free texts are replaced too; a lower-case word that is
// also a surname ("hahn") and a text naming nobody stay as they are.
func TestAnonymizeFindsSurnamesInFreeTexts(t *testing.T) {
	p := &Project{
		Tasks: []Task{{ID: 1, Name: "Backup", Responsible: "Dr. Thomas Hahn", Note: "Rücksprache mit Hahn; Wübbena weiß Bescheid. Der hahn tropft."},
			{ID: 2, Name: "Drucker", Responsible: "Schulsekretariat", Note: "Toner im Keller"}},
		Measures:  []Measure{{ID: 1, Text: "Jens Wübbena prüft die Access Points", Owners: []Attendee{{Guest: "Jens Wübbena (Nordlicht)"}}}},
		JourFixes: []JourFixe{{ID: 1, Notes: "Herr Hahn berichtet, Wübbena ergänzt."}},
	}
	Anonymize(p, ShareLabels{})
	// Dr. Thomas Hahn is the first person met (task 1's responsible): Person A; Jens Wübbena: B.
	if got, want := p.Tasks[0].Note, "Rücksprache mit Person A; Person B weiß Bescheid. Der hahn tropft."; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	if got, want := p.Measures[0].Text, "Person B prüft die Access Points"; got != want {
		t.Errorf("measure %q, want %q", got, want)
	}
	if got, want := p.JourFixes[0].Notes, "Herr Person A berichtet, Person B ergänzt."; got != want {
		t.Errorf("minutes %q, want %q", got, want)
	}
	if p.Tasks[1].Note != "Toner im Keller" {
		t.Errorf("a note without names changed: %q", p.Tasks[1].Note)
	}
}

// Two persons of one role stand in as that role, numbered: the copy's persons keep distinct
// names (a JSON export of the copy imports again).
func TestAnonymizedPersonsKeepDistinctNames(t *testing.T) {
	p := &Project{Roles: []Role{{ID: 1, Name: "Vor-Ort-Support", Party: PartyProvider, Persons: "Lars Claassen, Tim Eilers"}}}
	p.Persons = PeopleFromRoles(p.Roles, nil, 1)
	Anonymize(p, ShareLabels{})
	if p.Persons[0].Name != "Vor-Ort-Support" || p.Persons[1].Name != "Vor-Ort-Support (2)" {
		t.Fatalf("persons %q, %q", p.Persons[0].Name, p.Persons[1].Name)
	}
	for _, x := range p.Persons {
		if err := p.ValidatePerson(x); err != nil {
			t.Errorf("%s: %v", x.Name, err)
		}
	}
}
