package session

import (
	"slices"
	"sort"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Edits of steps 10 and 11. Each builds a persistence.StructureChange; its inverse is derived
// from the model before the change, so every edit is undoable and commits in one transaction.

const errStructureGone = sessionError("err.structure.gone")

// ApplyStructure runs a change of steps 10–11 as one undoable edit named by the translation key
// name. References to roles and activities are checked against the project first.
func (s *Session) ApplyStructure(name string, ch persistence.StructureChange) error {
	if err := ch.Validate(); err != nil {
		return err
	}
	if err := s.checkStructureRefs(ch); err != nil {
		return err
	}
	return commitChange(s, name, ch, ch.Empty(), cloneChange, inverseChange, s.commitStructure)
}

func (s *Session) commitStructure(ch persistence.StructureChange) error {
	if err := s.write(func(f *persistence.File) error { return f.ApplyStructure(ch) }); err != nil {
		return err
	}
	applyChange(s.Project, cloneChange(ch))
	return nil
}

// checkStructureRefs refuses cells and contacts that name roles or activities which neither
// exist nor come with the change (or that the change deletes).
func (s *Session) checkStructureRefs(ch persistence.StructureChange) error {
	p := s.Project
	roles := liveIDs(p.Roles, ch.PutRoles, ch.DeleteRoles, func(r domain.Role) int64 { return r.ID })
	acts := liveIDs(p.RaciActivities, ch.PutActivities, ch.DeleteActivities, func(a domain.RaciActivity) int64 { return a.ID })
	role := func(id *int64) error {
		if id != nil && !roles[*id] {
			return domain.ErrRoleUnknown
		}
		return nil
	}
	for _, a := range ch.PutAssignments {
		if !acts[a.ActivityID] || !roles[a.RoleID] {
			return domain.ErrRaciCellRef
		}
	}
	for _, c := range ch.PutCommunication {
		if err := role(c.CustomerRoleID); err != nil {
			return err
		}
		if err := role(c.ProviderRoleID); err != nil {
			return err
		}
	}
	for _, e := range ch.PutEscalation {
		if err := role(e.CustomerRoleID); err != nil {
			return err
		}
		if err := role(e.ProviderRoleID); err != nil {
			return err
		}
	}
	return s.checkPeopleRefs(ch, roles)
}

// inverseChange is the change that undoes ch on project p: rows ch puts go back to their old
// values or are deleted, rows ch deletes are put back, and so are the cells that go with a
// deleted role or activity.
func inverseChange(p *domain.Project, ch persistence.StructureChange) persistence.StructureChange {
	var inv persistence.StructureChange
	if ch.Kickoff != nil {
		k := cloneKickoff(p.Kickoff)
		inv.Kickoff = &k
	}
	if ch.Config != nil {
		inv.Config = &persistence.ConfigEntry{Key: ch.Config.Key, Value: p.Config[ch.Config.Key]}
	}
	invert(p.Milestones, ch.PutMilestones, ch.DeleteMilestones, func(m domain.Milestone) int64 { return m.ID }, &inv.PutMilestones, &inv.DeleteMilestones)
	invert(p.Roles, ch.PutRoles, ch.DeleteRoles, func(r domain.Role) int64 { return r.ID }, &inv.PutRoles, &inv.DeleteRoles)
	invert(p.RaciActivities, ch.PutActivities, ch.DeleteActivities, func(a domain.RaciActivity) int64 { return a.ID }, &inv.PutActivities, &inv.DeleteActivities)
	invert(p.CommunicationRows, ch.PutCommunication, ch.DeleteCommunication, func(c domain.CommunicationRow) int64 { return c.ID }, &inv.PutCommunication, &inv.DeleteCommunication)
	invert(p.EscalationLevels, ch.PutEscalation, ch.DeleteEscalation, func(e domain.EscalationLevel) int64 { return e.ID }, &inv.PutEscalation, &inv.DeleteEscalation)
	invert(p.Meetings, ch.PutMeetings, ch.DeleteMeetings, func(m domain.Meeting) int64 { return m.ID }, &inv.PutMeetings, &inv.DeleteMeetings)
	invert(p.Persons, ch.PutPersons, ch.DeletePersons, func(x domain.Person) int64 { return x.ID }, &inv.PutPersons, &inv.DeletePersons)
	for _, l := range ch.Attendees {
		if old, ok := p.AttendeeList(l.Of, l.ID); ok {
			inv.Attendees = append(inv.Attendees, old)
		}
	}
	// A deleted role leaves the persons who held it; undo gives it back to them.
	for _, x := range p.Persons {
		for _, id := range ch.DeleteRoles {
			if slices.Contains(x.RoleIDs, id) && !slices.ContainsFunc(inv.PutPersons, func(y domain.Person) bool { return y.ID == x.ID }) {
				inv.PutPersons = append(inv.PutPersons, x)
			}
		}
	}

	cells := domain.IndexRaci(p.RaciAssignments)
	restored := map[domain.RaciCell]bool{}
	restore := func(c domain.RaciCell) {
		if l, ok := cells[c]; ok && !restored[c] {
			restored[c] = true
			inv.PutAssignments = append(inv.PutAssignments, domain.RaciAssignment{ActivityID: c.ActivityID, RoleID: c.RoleID, Letter: l})
		}
	}
	for _, a := range ch.PutAssignments {
		c := domain.RaciCell{ActivityID: a.ActivityID, RoleID: a.RoleID}
		if _, ok := cells[c]; ok {
			restore(c)
		} else {
			inv.DeleteAssignments = append(inv.DeleteAssignments, c)
		}
	}
	for _, c := range ch.DeleteAssignments {
		restore(c)
	}
	goneRole, goneAct := idSet(ch.DeleteRoles), idSet(ch.DeleteActivities)
	if len(goneRole)+len(goneAct) > 0 {
		for _, a := range p.RaciAssignments {
			if goneRole[a.RoleID] || goneAct[a.ActivityID] {
				restore(domain.RaciCell{ActivityID: a.ActivityID, RoleID: a.RoleID})
			}
		}
	}
	return inv
}

// applyChange applies a committed change to the model and keeps each list in the order the
// file loads it, so the model always equals a fresh Load.
func applyChange(p *domain.Project, ch persistence.StructureChange) {
	if ch.Kickoff != nil {
		p.Kickoff = *ch.Kickoff
	}
	if e := ch.Config; e != nil {
		if p.Config == nil {
			p.Config = map[string]string{}
		}
		if e.Value == "" {
			delete(p.Config, e.Key)
		} else {
			p.Config[e.Key] = e.Value
		}
	}
	p.Milestones = upsertByID(p.Milestones, ch.PutMilestones, ch.DeleteMilestones, func(m domain.Milestone) int64 { return m.ID })
	p.Roles = upsert(p.Roles, ch.PutRoles, ch.DeleteRoles, func(r domain.Role) int64 { return r.ID })
	p.RaciActivities = upsert(p.RaciActivities, ch.PutActivities, ch.DeleteActivities, func(a domain.RaciActivity) int64 { return a.ID })
	p.CommunicationRows = upsert(p.CommunicationRows, ch.PutCommunication, ch.DeleteCommunication, func(c domain.CommunicationRow) int64 { return c.ID })
	p.EscalationLevels = upsert(p.EscalationLevels, ch.PutEscalation, ch.DeleteEscalation, func(e domain.EscalationLevel) int64 { return e.ID })
	p.Meetings = upsertByID(p.Meetings, ch.PutMeetings, ch.DeleteMeetings, func(m domain.Meeting) int64 { return m.ID })
	for _, l := range ch.Attendees {
		p.SetAttendees(l)
	}
	p.Persons = upsert(p.Persons, ch.PutPersons, ch.DeletePersons, func(x domain.Person) int64 { return x.ID })
	for i := range p.Persons {
		p.Persons[i].RoleIDs = slices.DeleteFunc(p.Persons[i].RoleIDs, func(id int64) bool { return slices.Contains(ch.DeleteRoles, id) })
		if len(p.Persons[i].RoleIDs) == 0 {
			p.Persons[i].RoleIDs = nil // as a fresh load has it
		}
	}
	p.Persons = domain.SortedPersons(p.Persons)

	if len(ch.PutAssignments)+len(ch.DeleteAssignments)+len(ch.DeleteRoles)+len(ch.DeleteActivities) > 0 {
		gone := map[domain.RaciCell]bool{}
		for _, c := range ch.DeleteAssignments {
			gone[c] = true
		}
		for _, a := range ch.PutAssignments {
			gone[domain.RaciCell{ActivityID: a.ActivityID, RoleID: a.RoleID}] = true // replaced below
		}
		goneRole, goneAct := idSet(ch.DeleteRoles), idSet(ch.DeleteActivities)
		kept := p.RaciAssignments[:0:0]
		for _, a := range p.RaciAssignments {
			if !gone[domain.RaciCell{ActivityID: a.ActivityID, RoleID: a.RoleID}] && !goneRole[a.RoleID] && !goneAct[a.ActivityID] {
				kept = append(kept, a)
			}
		}
		kept = append(kept, ch.PutAssignments...)
		sort.Slice(kept, func(i, j int) bool {
			if kept[i].ActivityID != kept[j].ActivityID {
				return kept[i].ActivityID < kept[j].ActivityID
			}
			return kept[i].RoleID < kept[j].RoleID
		})
		p.RaciAssignments = kept
	}

	p.Roles = domain.SortedRoles(p.Roles)
	p.RaciActivities = domain.SortedActivities(p.RaciActivities)
	p.CommunicationRows = domain.SortedCommunication(p.CommunicationRows)
	p.EscalationLevels = domain.SortedEscalation(p.EscalationLevels)
}

// cloneChange copies the pointers a change holds, so neither the model nor the undo history
// shares a date or a reference with the caller.
func cloneChange(ch persistence.StructureChange) persistence.StructureChange {
	if ch.Kickoff != nil {
		k := cloneKickoff(*ch.Kickoff)
		ch.Kickoff = &k
	}
	if ch.Config != nil {
		e := *ch.Config
		ch.Config = &e
	}
	ch.PutMilestones = mapClone(ch.PutMilestones, func(m domain.Milestone) domain.Milestone { m.Due = clonePtr(m.Due); return m })
	ch.PutRoles = append([]domain.Role(nil), ch.PutRoles...)
	ch.PutActivities = append([]domain.RaciActivity(nil), ch.PutActivities...)
	ch.PutAssignments = append([]domain.RaciAssignment(nil), ch.PutAssignments...)
	ch.PutCommunication = mapClone(ch.PutCommunication, func(c domain.CommunicationRow) domain.CommunicationRow {
		c.CustomerRoleID, c.ProviderRoleID = clonePtr(c.CustomerRoleID), clonePtr(c.ProviderRoleID)
		return c
	})
	ch.PutEscalation = mapClone(ch.PutEscalation, func(e domain.EscalationLevel) domain.EscalationLevel {
		e.CustomerRoleID, e.ProviderRoleID = clonePtr(e.CustomerRoleID), clonePtr(e.ProviderRoleID)
		return e
	})
	ch.PutMeetings = mapClone(ch.PutMeetings, func(m domain.Meeting) domain.Meeting {
		m.FirstDate, m.Participants = clonePtr(m.FirstDate), domain.CloneAttendees(m.Participants)
		return m
	})
	ch.PutPersons = mapClone(ch.PutPersons, func(x domain.Person) domain.Person { x.RoleIDs = slices.Clone(x.RoleIDs); return x })
	ch.DeletePersons = slices.Clone(ch.DeletePersons)
	ch.Attendees = mapClone(ch.Attendees, func(l domain.AttendeeList) domain.AttendeeList {
		l.Attendees = domain.CloneAttendees(l.Attendees)
		return l
	})
	return ch
}

func cloneKickoff(k domain.Kickoff) domain.Kickoff {
	k.Date = clonePtr(k.Date)
	k.Participants = append([]domain.Participant(nil), k.Participants...)
	return k
}

// SetKickoff replaces the kickoff record.
func (s *Session) SetKickoff(k domain.Kickoff) error {
	if equalKickoff(k, s.Project.Kickoff) {
		return nil
	}
	return s.ApplyStructure("undo.kickoff", persistence.StructureChange{Kickoff: &k})
}

func equalKickoff(a, b domain.Kickoff) bool {
	if (a.Date == nil) != (b.Date == nil) || a.Date != nil && !a.Date.Equal(b.Date.Time) {
		return false
	}
	if a.Place != b.Place || a.Agenda != b.Agenda || a.Notes != b.Notes || a.NextSteps != b.NextSteps || len(a.Participants) != len(b.Participants) {
		return false
	}
	for i := range a.Participants {
		if a.Participants[i] != b.Participants[i] {
			return false
		}
	}
	return true
}

// SaveMilestone adds (ID 0) or updates a milestone and returns its id.
func (s *Session) SaveMilestone(m domain.Milestone) (int64, error) {
	if m.ID == 0 {
		m.ID = nextID(s.Project.Milestones, func(x domain.Milestone) int64 { return x.ID })
		if m.Status == "" {
			m.Status = domain.MilestonePlanned
		}
		return m.ID, s.ApplyStructure("undo.milestone.add", persistence.StructureChange{PutMilestones: []domain.Milestone{m}})
	}
	if !hasID(s.Project.Milestones, m.ID, func(x domain.Milestone) int64 { return x.ID }) {
		return 0, errStructureGone
	}
	return m.ID, s.ApplyStructure("undo.milestone.edit", persistence.StructureChange{PutMilestones: []domain.Milestone{m}})
}

// AddMilestones adds several milestones at once (the template plan).
func (s *Session) AddMilestones(ms []domain.Milestone) error {
	next := nextID(s.Project.Milestones, func(x domain.Milestone) int64 { return x.ID })
	puts := make([]domain.Milestone, len(ms))
	for i, m := range ms {
		m.ID = next + int64(i)
		puts[i] = m
	}
	return s.ApplyStructure("undo.milestone.template", persistence.StructureChange{PutMilestones: puts})
}

// DeleteMilestone removes a milestone.
func (s *Session) DeleteMilestone(id int64) error {
	if !hasID(s.Project.Milestones, id, func(x domain.Milestone) int64 { return x.ID }) {
		return errStructureGone
	}
	return s.ApplyStructure("undo.milestone.delete", persistence.StructureChange{DeleteMilestones: []int64{id}})
}

// SaveRole adds (ID 0, placed last) or updates a role and returns its id.
func (s *Session) SaveRole(r domain.Role) (int64, error) {
	if r.ID == 0 {
		r.ID = nextID(s.Project.Roles, func(x domain.Role) int64 { return x.ID })
		r.SortOrder = maxOrder(s.Project.Roles, func(x domain.Role) int { return x.SortOrder }) + 1
		return r.ID, s.ApplyStructure("undo.role.add", persistence.StructureChange{PutRoles: []domain.Role{r}})
	}
	if s.Project.RoleByID(r.ID) == nil {
		return 0, errStructureGone
	}
	return r.ID, s.ApplyStructure("undo.role.edit", persistence.StructureChange{PutRoles: []domain.Role{r}})
}

// AddRoles adds several roles at once, after the existing ones.
func (s *Session) AddRoles(rs []domain.Role) error {
	next := nextID(s.Project.Roles, func(x domain.Role) int64 { return x.ID })
	order := maxOrder(s.Project.Roles, func(x domain.Role) int { return x.SortOrder })
	puts := make([]domain.Role, len(rs))
	for i, r := range rs {
		r.ID, r.SortOrder = next+int64(i), order+i+1
		puts[i] = r
	}
	return s.ApplyStructure("undo.role.add", persistence.StructureChange{PutRoles: puts})
}

// DeleteRole removes a role with its RACI column; contacts that named it become empty. Undo
// brings all of it back.
func (s *Session) DeleteRole(id int64) error {
	p := s.Project
	if p.RoleByID(id) == nil {
		return errStructureGone
	}
	ch := persistence.StructureChange{DeleteRoles: []int64{id}}
	for _, a := range p.RaciAssignments {
		if a.RoleID == id {
			ch.DeleteAssignments = append(ch.DeleteAssignments, domain.RaciCell{ActivityID: a.ActivityID, RoleID: a.RoleID})
		}
	}
	for _, c := range p.CommunicationRows {
		if is(c.CustomerRoleID, id) || is(c.ProviderRoleID, id) {
			if is(c.CustomerRoleID, id) {
				c.CustomerRoleID = nil
			}
			if is(c.ProviderRoleID, id) {
				c.ProviderRoleID = nil
			}
			ch.PutCommunication = append(ch.PutCommunication, c)
		}
	}
	for _, e := range p.EscalationLevels {
		if is(e.CustomerRoleID, id) || is(e.ProviderRoleID, id) {
			if is(e.CustomerRoleID, id) {
				e.CustomerRoleID = nil
			}
			if is(e.ProviderRoleID, id) {
				e.ProviderRoleID = nil
			}
			ch.PutEscalation = append(ch.PutEscalation, e)
		}
	}
	return s.ApplyStructure("undo.role.delete", ch)
}

func is(ref *int64, id int64) bool { return ref != nil && *ref == id }

// MoveRole moves a role (a RACI column) delta places to the left (negative) or right.
func (s *Session) MoveRole(id int64, delta int) error {
	sorted := domain.SortedRoles(s.Project.Roles)
	puts, err := reorder(sorted, id, delta, func(r domain.Role) int64 { return r.ID },
		func(r domain.Role) int { return r.SortOrder }, func(r *domain.Role, o int) { r.SortOrder = o })
	if err != nil || len(puts) == 0 {
		return err
	}
	return s.ApplyStructure("undo.role.move", persistence.StructureChange{PutRoles: puts})
}

// reorder moves the element with the id by delta places in the sorted list and numbers the list
// 1, 2, 3, …; it returns the elements whose sort order changed.
func reorder[T any](sorted []T, id int64, delta int, getID func(T) int64, order func(T) int, setOrder func(*T, int)) ([]T, error) {
	from := -1
	for i, x := range sorted {
		if getID(x) == id {
			from = i
		}
	}
	if from < 0 {
		return nil, errStructureGone
	}
	to := min(max(from+delta, 0), len(sorted)-1)
	if to == from {
		return nil, nil
	}
	moved := append([]T(nil), sorted...)
	x := moved[from]
	moved = append(moved[:from], moved[from+1:]...)
	moved = append(moved[:to], append([]T{x}, moved[to:]...)...)
	var out []T
	for i := range moved {
		if order(moved[i]) != i+1 {
			setOrder(&moved[i], i+1)
			out = append(out, moved[i])
		}
	}
	return out, nil
}

// SaveActivity adds (ID 0) or updates a RACI activity. A new one goes after the last activity
// of its process (or last of all when the process is new).
func (s *Session) SaveActivity(a domain.RaciActivity) (int64, error) {
	p := s.Project
	if a.PackageID != nil && p.PackageByID(*a.PackageID) == nil {
		return 0, domain.ErrPackageGone
	}
	if a.ID != 0 {
		if !hasID(p.RaciActivities, a.ID, func(x domain.RaciActivity) int64 { return x.ID }) {
			return 0, errStructureGone
		}
		return a.ID, s.ApplyStructure("undo.activity.edit", persistence.StructureChange{PutActivities: []domain.RaciActivity{a}})
	}
	a.ID = nextID(p.RaciActivities, func(x domain.RaciActivity) int64 { return x.ID })
	sorted := domain.SortedActivities(p.RaciActivities)
	at := len(sorted)
	for i, x := range sorted {
		if x.Process == a.Process {
			at = i + 1
		}
	}
	list := append(append(append([]domain.RaciActivity(nil), sorted[:at]...), a), sorted[at:]...)
	var puts []domain.RaciActivity
	for i := range list {
		if list[i].SortOrder != i+1 || list[i].ID == a.ID {
			list[i].SortOrder = i + 1
			puts = append(puts, list[i])
		}
	}
	return a.ID, s.ApplyStructure("undo.activity.add", persistence.StructureChange{PutActivities: puts})
}

// DeleteActivity removes a RACI row with its cells.
func (s *Session) DeleteActivity(id int64) error {
	if !hasID(s.Project.RaciActivities, id, func(x domain.RaciActivity) int64 { return x.ID }) {
		return errStructureGone
	}
	ch := persistence.StructureChange{DeleteActivities: []int64{id}}
	for _, a := range s.Project.RaciAssignments {
		if a.ActivityID == id {
			ch.DeleteAssignments = append(ch.DeleteAssignments, domain.RaciCell{ActivityID: a.ActivityID, RoleID: a.RoleID})
		}
	}
	return s.ApplyStructure("undo.activity.delete", ch)
}

// MoveActivity moves a RACI row delta places up (negative) or down.
func (s *Session) MoveActivity(id int64, delta int) error {
	sorted := domain.SortedActivities(s.Project.RaciActivities)
	puts, err := reorder(sorted, id, delta, func(a domain.RaciActivity) int64 { return a.ID },
		func(a domain.RaciActivity) int { return a.SortOrder }, func(a *domain.RaciActivity, o int) { a.SortOrder = o })
	if err != nil || len(puts) == 0 {
		return err
	}
	return s.ApplyStructure("undo.activity.move", persistence.StructureChange{PutActivities: puts})
}

// SetRaciLetter puts R, A, C, I or "" (empty cell) into a cell.
func (s *Session) SetRaciLetter(activityID, roleID int64, letter string) error {
	letter, ok := domain.NormalizeRaciLetter(letter)
	if !ok {
		return domain.ErrRaciLetter
	}
	cell := domain.RaciCell{ActivityID: activityID, RoleID: roleID}
	cur := s.raciLetter(cell)
	if cur == letter {
		return nil
	}
	if letter == "" {
		return s.ApplyStructure("undo.raci.cell", persistence.StructureChange{DeleteAssignments: []domain.RaciCell{cell}})
	}
	return s.ApplyStructure("undo.raci.cell", persistence.StructureChange{
		PutAssignments: []domain.RaciAssignment{{ActivityID: activityID, RoleID: roleID, Letter: letter}},
	})
}

// CycleRaci moves a cell to its next letter: R → A → C → I → empty → R.
func (s *Session) CycleRaci(activityID, roleID int64) error {
	return s.SetRaciLetter(activityID, roleID, domain.NextRaciLetter(s.raciLetter(domain.RaciCell{ActivityID: activityID, RoleID: roleID})))
}

func (s *Session) raciLetter(c domain.RaciCell) string {
	for _, a := range s.Project.RaciAssignments {
		if a.ActivityID == c.ActivityID && a.RoleID == c.RoleID {
			return a.Letter
		}
	}
	return ""
}

// SaveCommunication adds (ID 0, placed last) or updates a row of the communication matrix.
func (s *Session) SaveCommunication(c domain.CommunicationRow) (int64, error) {
	if c.ID == 0 {
		c.ID = nextID(s.Project.CommunicationRows, func(x domain.CommunicationRow) int64 { return x.ID })
		c.SortOrder = maxOrder(s.Project.CommunicationRows, func(x domain.CommunicationRow) int { return x.SortOrder }) + 1
		return c.ID, s.ApplyStructure("undo.communication.add", persistence.StructureChange{PutCommunication: []domain.CommunicationRow{c}})
	}
	if !hasID(s.Project.CommunicationRows, c.ID, func(x domain.CommunicationRow) int64 { return x.ID }) {
		return 0, errStructureGone
	}
	return c.ID, s.ApplyStructure("undo.communication.edit", persistence.StructureChange{PutCommunication: []domain.CommunicationRow{c}})
}

// DeleteCommunication removes a row of the communication matrix.
func (s *Session) DeleteCommunication(id int64) error {
	if !hasID(s.Project.CommunicationRows, id, func(x domain.CommunicationRow) int64 { return x.ID }) {
		return errStructureGone
	}
	return s.ApplyStructure("undo.communication.delete", persistence.StructureChange{DeleteCommunication: []int64{id}})
}

// MoveCommunication moves a row of the communication matrix delta places.
func (s *Session) MoveCommunication(id int64, delta int) error {
	sorted := domain.SortedCommunication(s.Project.CommunicationRows)
	puts, err := reorder(sorted, id, delta, func(c domain.CommunicationRow) int64 { return c.ID },
		func(c domain.CommunicationRow) int { return c.SortOrder }, func(c *domain.CommunicationRow, o int) { c.SortOrder = o })
	if err != nil || len(puts) == 0 {
		return err
	}
	return s.ApplyStructure("undo.communication.move", persistence.StructureChange{PutCommunication: puts})
}

// SaveEscalation adds (ID 0) or updates an escalation level.
func (s *Session) SaveEscalation(e domain.EscalationLevel) (int64, error) {
	if e.ID == 0 {
		e.ID = nextID(s.Project.EscalationLevels, func(x domain.EscalationLevel) int64 { return x.ID })
		return e.ID, s.ApplyStructure("undo.escalation.add", persistence.StructureChange{PutEscalation: []domain.EscalationLevel{e}})
	}
	if !hasID(s.Project.EscalationLevels, e.ID, func(x domain.EscalationLevel) int64 { return x.ID }) {
		return 0, errStructureGone
	}
	return e.ID, s.ApplyStructure("undo.escalation.edit", persistence.StructureChange{PutEscalation: []domain.EscalationLevel{e}})
}

// DeleteEscalation removes an escalation level.
func (s *Session) DeleteEscalation(id int64) error {
	if !hasID(s.Project.EscalationLevels, id, func(x domain.EscalationLevel) int64 { return x.ID }) {
		return errStructureGone
	}
	return s.ApplyStructure("undo.escalation.delete", persistence.StructureChange{DeleteEscalation: []int64{id}})
}

// SaveMeeting adds (ID 0) or updates a standing meeting together with its date rule.
func (s *Session) SaveMeeting(m domain.Meeting, rule domain.MeetingRule) (int64, error) {
	if err := domain.ValidateMeetingRule(m, rule); err != nil {
		return 0, err
	}
	name := "undo.meeting.edit"
	if m.ID == 0 {
		m.ID = nextID(s.Project.Meetings, func(x domain.Meeting) int64 { return x.ID })
		name = "undo.meeting.add"
	} else if !hasID(s.Project.Meetings, m.ID, func(x domain.Meeting) int64 { return x.ID }) {
		return 0, errStructureGone
	}
	ch := persistence.StructureChange{PutMeetings: []domain.Meeting{m}, Config: s.meetingRuleEntry(m.ID, rule)}
	return m.ID, s.ApplyStructure(name, ch)
}

// DeleteMeeting removes a standing meeting and its date rule.
func (s *Session) DeleteMeeting(id int64) error {
	if !hasID(s.Project.Meetings, id, func(x domain.Meeting) int64 { return x.ID }) {
		return errStructureGone
	}
	return s.ApplyStructure("undo.meeting.delete", persistence.StructureChange{DeleteMeetings: []int64{id}, Config: s.meetingRuleEntry(id, domain.MeetingRule{})})
}

// meetingRuleEntry is the configuration entry with the meeting's rule set, or nil when the
// entry stays as it is.
func (s *Session) meetingRuleEntry(id int64, rule domain.MeetingRule) *persistence.ConfigEntry {
	rules := domain.MeetingRules(s.Project)
	if rules[id] == rule {
		return nil
	}
	rules[id] = rule
	return &persistence.ConfigEntry{Key: domain.ConfigMeetingRules, Value: domain.MeetingRulesJSON(rules)}
}

// ApplyStructureTemplate adds a filled-in template (roles, activities with their cells,
// communication rows, escalation levels) as one edit.
func (s *Session) ApplyStructureTemplate(t domain.StructureTemplate) error {
	return s.ApplyStructure("undo.structure.template", persistence.StructureChange{
		PutRoles: t.Roles, PutActivities: t.Activities, PutAssignments: t.Assignments,
		PutCommunication: t.Communication, PutEscalation: t.Escalation,
	})
}
