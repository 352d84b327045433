package domain

import (
	"cmp"
	"strings"
	"unicode"
)

// The people of a project: the persons of step 11 – who they are, which side they work for and
// which roles they hold – and the references to them wherever a meeting, a Jour fixe or a measure
// names someone. A name that is nobody's person stays as a named guest. Later work (anonymised
// copies, several providers, the data-protection officer, team users) builds on Person.

// Person is someone of the Schulträger, a school, a provider or another side.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Party is the side the person works for; Organisation names it ("Nordlicht IT-Service
	// GmbH", "Grundschule am Park").
	Party        Party  `json:"party"`
	Organisation string `json:"organisation"`
	Contact      string `json:"contact"`
	// RoleIDs are the roles of step 11 the person holds (as one of its persons or as deputy).
	RoleIDs   []int64 `json:"roleIds,omitempty"`
	SortOrder int     `json:"sortOrder"`
}

// Attendee names one person of a meeting, a Jour fixe or a measure: a reference to a Person or,
// for anyone else, a guest's name. Note qualifies the entry ("bei Bedarf").
type Attendee struct {
	PersonID *int64 `json:"personId,omitempty"`
	Guest    string `json:"guest,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Rule violations of persons and attendees.
const (
	ErrPersonNameEmpty   Error = "err.people.name_empty"
	ErrPersonParty       Error = "err.people.party"
	ErrPersonUnknown     Error = "err.people.unknown"
	ErrAttendeeEmpty     Error = "err.people.attendee_empty"
	ErrPersonDuplicate   Error = "err.people.duplicate"
	ErrPersonRoleUnknown Error = "err.people.role_unknown"
)

// Validate checks a person before it is stored (its role ids are checked against the project by
// ValidatePerson).
func (p Person) Validate() error {
	return cmp.Or(
		p.texts().check(),
		rule(strings.TrimSpace(p.Name) != "", ErrPersonNameEmpty),
		rule(p.Party.Valid(), ErrPersonParty),
	)
}

// Validate checks that the attendee is either a person or a named guest.
func (a Attendee) Validate() error {
	if (a.PersonID == nil) == (strings.TrimSpace(a.Guest) == "") {
		return ErrAttendeeEmpty
	}
	return nil
}

// ValidateAttendees checks a list of attendees on its own.
func ValidateAttendees(as []Attendee) error {
	for _, a := range as {
		if err := a.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// PersonByID returns the person with the id, or nil.
func (p *Project) PersonByID(id int64) *Person {
	return itemByID(p.Persons, id, func(x *Person) int64 { return x.ID })
}

// ValidatePerson checks a person and its roles against the project; another person of the
// same name is refused, so a name always means one person.
func (p *Project) ValidatePerson(x Person) error {
	if err := x.Validate(); err != nil {
		return err
	}
	for _, id := range x.RoleIDs {
		if p.RoleByID(id) == nil {
			return ErrPersonRoleUnknown
		}
	}
	for _, o := range p.Persons {
		if o.ID != x.ID && personKey(o.Name) == personKey(x.Name) {
			return ErrPersonDuplicate
		}
	}
	return nil
}

// ValidateAttendeeRefs checks the attendees and that each person they name exists.
func (p *Project) ValidateAttendeeRefs(as []Attendee) error {
	if err := ValidateAttendees(as); err != nil {
		return err
	}
	for _, a := range as {
		if a.PersonID != nil && p.PersonByID(*a.PersonID) == nil {
			return ErrPersonUnknown
		}
	}
	return nil
}

// AttendeeName is how an attendee is written: the person's name or the guest's, with the note
// in brackets ("Dr. Thomas Hahn (bei Bedarf)").
func (p *Project) AttendeeName(a Attendee) string {
	name := strings.TrimSpace(a.Guest)
	if a.PersonID != nil {
		if x := p.PersonByID(*a.PersonID); x != nil {
			name = x.Name
		}
	}
	if n := strings.TrimSpace(a.Note); n != "" {
		return name + " (" + n + ")"
	}
	return name
}

// AttendeeNames writes a list of attendees, separated by commas.
func (p *Project) AttendeeNames(as []Attendee) string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, p.AttendeeName(a))
	}
	return strings.Join(out, ", ")
}

// AttendeesOf names what a list of attendees belongs to.
type AttendeesOf string

// The three kinds of attendee lists.
const (
	AttendeesOfMeeting  AttendeesOf = "meeting"
	AttendeesOfJourFixe AttendeesOf = "jourfixe"
	AttendeesOfMeasure  AttendeesOf = "measure"
)

// AttendeeList is the whole list of attendees of one meeting, Jour fixe or measure.
type AttendeeList struct {
	Of        AttendeesOf
	ID        int64
	Attendees []Attendee
}

// AttendeeLists are the project's lists of attendees: meetings, Jour fixes, measures. The
// Attendees slices share their arrays with p, so a caller may rewrite entries in place.
func (p *Project) AttendeeLists() []AttendeeList {
	var out []AttendeeList
	for _, m := range p.Meetings {
		out = append(out, AttendeeList{AttendeesOfMeeting, m.ID, m.Participants})
	}
	for _, j := range p.JourFixes {
		out = append(out, AttendeeList{AttendeesOfJourFixe, j.ID, j.Participants})
	}
	for _, m := range p.Measures {
		out = append(out, AttendeeList{AttendeesOfMeasure, m.ID, m.Owners})
	}
	return out
}

// AttendeeList returns the current list of attendees of the owner (ok false when it is gone).
func (p *Project) AttendeeList(of AttendeesOf, id int64) (AttendeeList, bool) {
	for _, l := range p.AttendeeLists() {
		if l.Of == of && l.ID == id {
			l.Attendees = append([]Attendee(nil), l.Attendees...)
			return l, true
		}
	}
	return AttendeeList{}, false
}

// SetAttendees replaces the list of attendees of its owner; it reports false when the owner is gone.
func (p *Project) SetAttendees(l AttendeeList) bool {
	as := append([]Attendee(nil), l.Attendees...)
	switch l.Of {
	case AttendeesOfMeeting:
		for i := range p.Meetings {
			if p.Meetings[i].ID == l.ID {
				p.Meetings[i].Participants = as
				return true
			}
		}
	case AttendeesOfJourFixe:
		for i := range p.JourFixes {
			if p.JourFixes[i].ID == l.ID {
				p.JourFixes[i].Participants = as
				return true
			}
		}
	case AttendeesOfMeasure:
		for i := range p.Measures {
			if p.Measures[i].ID == l.ID {
				p.Measures[i].Owners = as
				return true
			}
		}
	}
	return false
}

// AsGuests returns, as copies, the lists that refer to the person with every such reference
// turned into a guest of the person's name (its note kept), so deleting the person loses no name.
func (p *Project) AsGuests(id int64) []AttendeeList {
	x := p.PersonByID(id)
	if x == nil {
		return nil
	}
	var out []AttendeeList
	for _, l := range p.AttendeeLists() {
		var as []Attendee
		hit := false
		for _, a := range l.Attendees {
			if a.PersonID != nil && *a.PersonID == id {
				a, hit = Attendee{Guest: x.Name, Note: a.Note}, true
			}
			as = append(as, a)
		}
		if hit {
			out = append(out, AttendeeList{l.Of, l.ID, as})
		}
	}
	return out
}

// personKey compares names without case, spacing and academic titles: "Dr. Thomas Hahn" and
// "thomas  hahn" are one person.
func personKey(s string) string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !isTitle(w) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func isTitle(w string) bool {
	switch strings.ToLower(w) {
	case "dr.", "prof.", "herr", "frau", "hr.", "fr.":
		return true
	}
	return false
}

// PeopleFromRoles derives the persons that the roles of step 11 name in their persons and deputy
// fields (the way files before persons existed kept them): each entry that looks like a person's
// name becomes one person, holding every role that names it, on the side of the first such role,
// with the role's contact when the role names only that person. The kickoff's participants lend
// their organisation. Ids are given from firstID on, in the order of the roles.
func PeopleFromRoles(roles []Role, kickoff []Participant, firstID int64) []Person {
	var out []Person
	index := map[string]int{}
	add := func(name string, r Role, contact string) {
		key := personKey(name)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, Person{ID: firstID + int64(i), Name: name, Party: r.Party, Contact: contact, SortOrder: i + 1})
		}
		for _, id := range out[i].RoleIDs {
			if id == r.ID {
				return
			}
		}
		out[i].RoleIDs = append(out[i].RoleIDs, r.ID)
	}
	for _, r := range roles {
		persons := roleNames(r.Persons)
		for _, name := range persons {
			contact := ""
			if len(persons) == 1 {
				contact = strings.TrimSpace(r.Contact)
			}
			add(name, r, contact)
		}
		for _, name := range roleNames(r.Deputy) {
			add(name, r, "")
		}
	}
	for i := range out {
		if !out[i].Party.Valid() {
			out[i].Party = PartyOther
		}
		for _, k := range kickoff {
			if personKey(k.Name) == personKey(out[i].Name) {
				out[i].Organisation = strings.TrimSpace(k.Organisation)
			}
		}
	}
	return out
}

// roleNames are the entries of a role's persons field that are a person's name.
func roleNames(s string) []string {
	var out []string
	for _, entry := range splitPeople(s) {
		if LooksLikePerson(entry) {
			out = append(out, entry)
		}
	}
	return out
}

// MatchAttendees turns the free text of earlier versions ("Anna Berger, Maren Ohlsen
// (Schulträger); bei Bedarf Dr. Thomas Hahn") into attendees: each entry that contains a person's
// name refers to that person and keeps the rest of the entry as its note ("bei Bedarf",
// "Schulträger"); every other entry stays, word for word, as a guest. No name is lost.
func MatchAttendees(text string, persons []Person) []Attendee {
	var out []Attendee
	for _, entry := range splitPeople(text) {
		words := strings.Fields(entry)
		best, at, n := -1, 0, 0
		for i, x := range persons {
			name := strings.Fields(personKey(x.Name))
			if len(name) == 0 || len(name) <= n {
				continue
			}
			if pos := wordsAt(words, name); pos >= 0 {
				best, at, n = i, pos, len(name)
			}
		}
		if best < 0 {
			out = append(out, Attendee{Guest: entry})
			continue
		}
		start := at
		for start > 0 && isTitle(words[start-1]) {
			start--
		}
		rest := append(append([]string{}, words[:start]...), words[at+n:]...)
		note := strings.TrimFunc(strings.Join(rest, " "), func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("()[]-–:,;", r)
		})
		id := persons[best].ID
		out = append(out, Attendee{PersonID: &id, Note: note})
	}
	return out
}

// wordsAt is the position of name (lower-case words) in words, compared without case and the
// punctuation around a word, or -1.
func wordsAt(words, name []string) int {
	clean := func(w string) string {
		return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }))
	}
	for i := 0; i+len(name) <= len(words); i++ {
		ok := true
		for j, w := range name {
			if clean(words[i+j]) != clean(w) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// CloneAttendees copies a list, so that no entry or person id is shared with the original.
func CloneAttendees(as []Attendee) []Attendee {
	if as == nil {
		return nil
	}
	out := make([]Attendee, len(as))
	for i, a := range as {
		if a.PersonID != nil {
			id := *a.PersonID
			a.PersonID = &id
		}
		out[i] = a
	}
	return out
}

// SameAttendees reports whether two lists name the same attendees in the same order.
func SameAttendees(a, b []Attendee) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if (x.PersonID == nil) != (y.PersonID == nil) || x.PersonID != nil && *x.PersonID != *y.PersonID || x.Guest != y.Guest || x.Note != y.Note {
			return false
		}
	}
	return true
}

// SortedPersons returns the persons in the user's order (sort order, then id).
func SortedPersons(xs []Person) []Person {
	return inUserOrder(xs)
}

// PartyOf is the side of the person an attendee refers to ("" for a guest).
func (p *Project) PartyOf(a Attendee) Party {
	if a.PersonID != nil {
		if x := p.PersonByID(*a.PersonID); x != nil {
			return x.Party
		}
	}
	return ""
}
