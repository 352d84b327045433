package persistence

import (
	"cmp"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// StructureChange is one edit of steps 10 and 11, committed in one transaction: rows to insert
// or update (Put…, ids set by the caller) and rows to delete by id. The session builds the
// change and its inverse, so undo is the same call.
type StructureChange struct {
	Kickoff *domain.Kickoff

	PutMilestones    []domain.Milestone
	DeleteMilestones []int64

	PutRoles    []domain.Role
	DeleteRoles []int64

	PutActivities    []domain.RaciActivity
	DeleteActivities []int64

	PutAssignments    []domain.RaciAssignment
	DeleteAssignments []domain.RaciCell

	PutCommunication    []domain.CommunicationRow
	DeleteCommunication []int64

	PutEscalation    []domain.EscalationLevel
	DeleteEscalation []int64

	PutMeetings    []domain.Meeting
	DeleteMeetings []int64

	// PutPersons are written with the roles they hold; DeletePersons go last, after the
	// attendee lists that named them were put (as guests).
	PutPersons    []domain.Person
	DeletePersons []int64
	// Attendees replace whole lists of participants or owners of meetings, Jour fixes and
	// measures (a meeting put with the change brings its own).
	Attendees []domain.AttendeeList

	// Config sets one configuration entry with the rows (e.g. a meeting's date rule).
	Config *ConfigEntry
}

// ConfigEntry is one entry of Project.Config; Value "" removes the key.
type ConfigEntry struct{ Key, Value string }

// Empty reports whether the change does nothing.
func (c *StructureChange) Empty() bool {
	return c.Kickoff == nil && c.Config == nil &&
		len(c.PutMilestones)+len(c.DeleteMilestones)+len(c.PutRoles)+len(c.DeleteRoles)+
			len(c.PutActivities)+len(c.DeleteActivities)+len(c.PutAssignments)+len(c.DeleteAssignments)+
			len(c.PutCommunication)+len(c.DeleteCommunication)+len(c.PutEscalation)+len(c.DeleteEscalation)+
			len(c.PutMeetings)+len(c.DeleteMeetings)+len(c.PutPersons)+len(c.DeletePersons)+len(c.Attendees) == 0
}

// Validate checks every row the change writes against the domain's rules and the file's id
// range. References between the rows (a cell's role, a contact) are the caller's to check: it
// knows the whole project.
func (c *StructureChange) Validate() error {
	if c.Kickoff != nil {
		if err := c.Kickoff.Validate(); err != nil {
			return err
		}
	}
	if c.Config != nil && c.Config.Value != "" {
		if err := checkConfig(map[string]string{c.Config.Key: c.Config.Value}); err != nil {
			return err
		}
	}
	if c.Config != nil && c.Config.Key == "" {
		return ErrConfigValue
	}
	idErr := domain.Error("err.structure.id")
	return cmp.Or(
		checkRows(c.PutMilestones, idErr, func(m domain.Milestone) (int64, error) { return m.ID, m.Validate() }),
		checkRows(c.PutRoles, idErr, func(r domain.Role) (int64, error) { return r.ID, r.Validate() }),
		checkRows(c.PutActivities, idErr, func(a domain.RaciActivity) (int64, error) { return a.ID, a.Validate() }),
		forEach(c.PutAssignments, domain.RaciAssignment.Validate),
		checkRows(c.PutCommunication, idErr, func(x domain.CommunicationRow) (int64, error) { return x.ID, x.Validate() }),
		checkRows(c.PutEscalation, idErr, func(e domain.EscalationLevel) (int64, error) { return e.ID, e.Validate() }),
		checkRows(c.PutMeetings, idErr, func(m domain.Meeting) (int64, error) { return m.ID, m.Validate() }),
		checkRows(c.PutPersons, idErr, func(x domain.Person) (int64, error) { return x.ID, x.Validate() }),
		forEach(c.Attendees, func(l domain.AttendeeList) error { return domain.ValidateAttendees(l.Attendees) }),
	)
}

// ApplyStructure commits the change. Rows are written before the cells that point at them and
// deleted after the cells that pointed at them; deleting a role or an activity also deletes its
// cells (the table's ON DELETE CASCADE), while contacts that named a deleted role must be put
// with the reference cleared by the caller, since those columns have no foreign key.
func (f *File) ApplyStructure(c StructureChange) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Empty() {
		return nil
	}
	upsert := func(tx *gorm.DB, rows any) error {
		if err := createBatch(tx.Clauses(clause.OnConflict{UpdateAll: true}), rows); err != nil {
			return err
		}
		return nil
	}
	return f.write(func(tx *gorm.DB) error {
		if err := setProjectPart(tx, "kickoff", c.Kickoff); err != nil {
			return err
		}
		puts := []any{
			mapSlice(c.PutRoles, toRoleRecord),
			mapSlice(c.PutActivities, toRaciActivityRecord),
			mapSlice(c.PutMilestones, toMilestoneRecord),
			mapSlice(c.PutCommunication, func(x domain.CommunicationRow) communicationRecord { return communicationRecord(x) }),
			mapSlice(c.PutEscalation, func(e domain.EscalationLevel) escalationRecord { return escalationRecord(e) }),
			mapSlice(c.PutMeetings, toMeetingRecord),
		}
		for _, rows := range puts {
			if err := upsert(tx, rows); err != nil {
				return err
			}
		}
		if err := putPersons(tx, c.PutPersons); err != nil {
			return err
		}
		err := forEach(c.PutMeetings, func(m domain.Meeting) error {
			return putAttendees(tx, domain.AttendeeList{Of: domain.AttendeesOfMeeting, ID: m.ID, Attendees: m.Participants})
		})
		if err == nil {
			err = forEach(c.Attendees, func(l domain.AttendeeList) error { return putAttendees(tx, l) })
		}
		if err != nil {
			return err
		}
		for _, cell := range c.DeleteAssignments {
			if err := tx.Where("activity_id = ? AND role_id = ?", cell.ActivityID, cell.RoleID).Delete(&raciAssignmentRecord{}).Error; err != nil {
				return err
			}
		}
		cells := mapSlice(c.PutAssignments, func(a domain.RaciAssignment) raciAssignmentRecord {
			return raciAssignmentRecord{ActivityID: a.ActivityID, RoleID: a.RoleID, Letter: a.Letter}
		})
		if err := upsert(tx, cells); err != nil {
			return err
		}
		err = deleteByID(tx,
			idDeletion{c.DeleteMilestones, &milestoneRecord{}},
			idDeletion{c.DeleteCommunication, &communicationRecord{}},
			idDeletion{c.DeleteEscalation, &escalationRecord{}},
			idDeletion{c.DeleteMeetings, &meetingRecord{}},
			idDeletion{c.DeleteActivities, &raciActivityRecord{}},
			idDeletion{c.DeleteRoles, &roleRecord{}},
			idDeletion{c.DeletePersons, &personRecord{}},
		)
		if err != nil {
			return err
		}
		if e := c.Config; e != nil {
			if e.Value == "" {
				return tx.Delete(&configRecord{}, "key = ?", e.Key).Error
			}
			return upsert(tx, []configRecord{{Key: e.Key, Value: e.Value}})
		}
		return nil
	})
}

func toRoleRecord(r domain.Role) roleRecord {
	return roleRecord{ID: r.ID, Name: r.Name, Party: string(r.Party), Persons: r.Persons, Deputy: r.Deputy, Contact: r.Contact, SortOrder: r.SortOrder}
}

func fromRoleRecord(r roleRecord) domain.Role {
	return domain.Role{ID: r.ID, Name: r.Name, Party: domain.Party(r.Party), Persons: r.Persons, Deputy: r.Deputy, Contact: r.Contact, SortOrder: r.SortOrder}
}
