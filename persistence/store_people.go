package persistence

import (
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// The persons of step 11 and the attendee lists that refer to them (schema 7): the persons
// table with the roles each holds, and one attendees table for the participants of meetings
// and Jour fixes and the owners of measures.

// attendeeColumn is the column of the attendees table that names the owner of a list.
var attendeeColumn = map[domain.AttendeesOf]string{
	domain.AttendeesOfMeeting:  "meeting_id",
	domain.AttendeesOfJourFixe: "jour_fixe_id",
	domain.AttendeesOfMeasure:  "measure_id",
}

func toPersonRecord(x domain.Person) personRecord {
	return personRecord{ID: x.ID, Name: x.Name, Party: string(x.Party), Organisation: x.Organisation, Contact: x.Contact, SortOrder: x.SortOrder}
}

// putPersons upserts persons and replaces the roles each holds.
func putPersons(tx *gorm.DB, persons []domain.Person) error {
	if len(persons) == 0 {
		return nil
	}
	if err := createBatch(tx.Clauses(clause.OnConflict{UpdateAll: true}), mapSlice(persons, toPersonRecord)); err != nil {
		return err
	}
	var links []personRoleRecord
	for _, x := range persons {
		if err := tx.Where("person_id = ?", x.ID).Delete(&personRoleRecord{}).Error; err != nil {
			return err
		}
		for _, r := range x.RoleIDs {
			links = append(links, personRoleRecord{PersonID: x.ID, RoleID: r})
		}
	}
	return createBatch(tx, links)
}

// putAttendees replaces the list of attendees of its owner.
func putAttendees(tx *gorm.DB, l domain.AttendeeList) error {
	col, ok := attendeeColumn[l.Of]
	if !ok {
		return fmt.Errorf("attendees of %q", l.Of)
	}
	if err := tx.Where(col+" = ?", l.ID).Delete(&attendeeRecord{}).Error; err != nil {
		return err
	}
	if len(l.Attendees) == 0 {
		return nil
	}
	rows := make([]attendeeRecord, len(l.Attendees))
	for i, a := range l.Attendees {
		id := l.ID
		r := attendeeRecord{PersonID: a.PersonID, Guest: a.Guest, Note: a.Note, SortOrder: i + 1}
		switch l.Of {
		case domain.AttendeesOfMeeting:
			r.MeetingID = &id
		case domain.AttendeesOfJourFixe:
			r.JourFixeID = &id
		default:
			r.MeasureID = &id
		}
		rows[i] = r
	}
	return createBatch(tx, rows)
}

// writePeople writes the persons and every attendee list of a project into a new file, after
// the meetings, Jour fixes and measures.
func writePeople(tx *gorm.DB, p *domain.Project) error {
	for _, x := range p.Persons {
		if err := p.ValidatePerson(x); err != nil {
			return fmt.Errorf("%s: %w", x.Name, err)
		}
	}
	if err := putPersons(tx, p.Persons); err != nil {
		return err
	}
	for _, l := range p.AttendeeLists() {
		if err := p.ValidateAttendeeRefs(l.Attendees); err != nil {
			return err
		}
		if err := putAttendees(tx, l); err != nil {
			return err
		}
	}
	return nil
}

// loadPeople reads the persons with their roles and hangs every attendee onto its list.
func (f *File) loadPeople(p *domain.Project) error {
	var err error
	if p.Persons, err = loadAll(f.db, "sort_order, id", plain(func(r personRecord) domain.Person {
		return domain.Person{ID: r.ID, Name: r.Name, Party: domain.Party(r.Party), Organisation: r.Organisation, Contact: r.Contact, SortOrder: r.SortOrder}
	})); err != nil {
		return err
	}
	var links []personRoleRecord
	if err := f.db.Order("person_id, role_id").Find(&links).Error; err != nil {
		return err
	}
	at := map[int64]int{}
	for i, x := range p.Persons {
		at[x.ID] = i
	}
	for _, l := range links {
		if i, ok := at[l.PersonID]; ok {
			p.Persons[i].RoleIDs = append(p.Persons[i].RoleIDs, l.RoleID)
		}
	}
	var rows []attendeeRecord
	if err := f.db.Order("sort_order, id").Find(&rows).Error; err != nil {
		return err
	}
	lists := map[domain.AttendeesOf]map[int64][]domain.Attendee{}
	for of := range attendeeColumn {
		lists[of] = map[int64][]domain.Attendee{}
	}
	for _, r := range rows {
		a := domain.Attendee{PersonID: r.PersonID, Guest: r.Guest, Note: r.Note}
		switch {
		case r.MeetingID != nil:
			lists[domain.AttendeesOfMeeting][*r.MeetingID] = append(lists[domain.AttendeesOfMeeting][*r.MeetingID], a)
		case r.JourFixeID != nil:
			lists[domain.AttendeesOfJourFixe][*r.JourFixeID] = append(lists[domain.AttendeesOfJourFixe][*r.JourFixeID], a)
		case r.MeasureID != nil:
			lists[domain.AttendeesOfMeasure][*r.MeasureID] = append(lists[domain.AttendeesOfMeasure][*r.MeasureID], a)
		}
	}
	for of, byID := range lists {
		for id, as := range byID {
			p.SetAttendees(domain.AttendeeList{Of: of, ID: id, Attendees: as})
		}
	}
	return nil
}
