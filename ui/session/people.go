package session

import (
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Edits of the persons of step 11. Deleting a person keeps every name: the meetings, Jour fixes
// and measures that named the person name a guest of that name instead (undo brings the
// references back).

// SavePerson adds (ID 0, placed last) or updates a person and returns its id.
func (s *Session) SavePerson(x domain.Person) (int64, error) {
	name := "undo.person.edit"
	if x.ID == 0 {
		x.ID = nextID(s.Project.Persons, func(y domain.Person) int64 { return y.ID })
		x.SortOrder = maxOrder(s.Project.Persons, func(y domain.Person) int { return y.SortOrder }) + 1
		name = "undo.person.add"
	} else if s.Project.PersonByID(x.ID) == nil {
		return 0, errStructureGone
	}
	if err := s.Project.ValidatePerson(x); err != nil {
		return 0, err
	}
	return x.ID, s.ApplyStructure(name, persistence.StructureChange{PutPersons: []domain.Person{x}})
}

// DeletePerson removes a person; whoever named the person names a guest of that name instead.
func (s *Session) DeletePerson(id int64) error {
	if s.Project.PersonByID(id) == nil {
		return errStructureGone
	}
	return s.ApplyStructure("undo.person.delete", persistence.StructureChange{DeletePersons: []int64{id}, Attendees: s.Project.AsGuests(id)})
}

// checkPeopleRefs refuses persons holding unknown roles and attendees naming persons that
// neither exist nor come with the change (or that the change deletes).
func (s *Session) checkPeopleRefs(ch persistence.StructureChange, roles map[int64]bool) error {
	for _, x := range ch.PutPersons {
		for _, r := range x.RoleIDs {
			if !roles[r] {
				return domain.ErrPersonRoleUnknown
			}
		}
	}
	persons := liveIDs(s.Project.Persons, ch.PutPersons, ch.DeletePersons, func(x domain.Person) int64 { return x.ID })
	lists := append([]domain.AttendeeList(nil), ch.Attendees...)
	for _, m := range ch.PutMeetings {
		lists = append(lists, domain.AttendeeList{Of: domain.AttendeesOfMeeting, ID: m.ID, Attendees: m.Participants})
	}
	for _, l := range lists {
		for _, a := range l.Attendees {
			if a.PersonID != nil && !persons[*a.PersonID] {
				return domain.ErrPersonUnknown
			}
		}
	}
	// Lists the change leaves alone must not keep naming a person it deletes.
	for _, id := range ch.DeletePersons {
		for _, l := range s.Project.AttendeeLists() {
			if changedList(lists, l) {
				continue
			}
			for _, a := range l.Attendees {
				if a.PersonID != nil && *a.PersonID == id {
					return domain.ErrPersonUnknown
				}
			}
		}
	}
	return nil
}

func changedList(lists []domain.AttendeeList, l domain.AttendeeList) bool {
	for _, x := range lists {
		if x.Of == l.Of && x.ID == l.ID {
			return true
		}
	}
	return false
}

// AddPersonsFromRoles adds, as one edit, a person for each name the roles list (as persons or
// deputy) that is no person yet.
func (s *Session) AddPersonsFromRoles() error {
	p := s.Project
	next := nextID(p.Persons, func(x domain.Person) int64 { return x.ID })
	order := maxOrder(p.Persons, func(x domain.Person) int { return x.SortOrder })
	var puts []domain.Person
	for _, x := range domain.PeopleFromRoles(p.Roles, p.Kickoff.Participants, 0) {
		if p.ValidatePerson(domain.Person{Name: x.Name, Party: x.Party}) == domain.ErrPersonDuplicate {
			continue
		}
		x.ID, x.SortOrder = next, order+1
		next, order = next+1, order+1
		puts = append(puts, x)
	}
	if len(puts) == 0 {
		return nil
	}
	return s.ApplyStructure("undo.person.add", persistence.StructureChange{PutPersons: puts})
}
