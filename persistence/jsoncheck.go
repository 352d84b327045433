package persistence

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// Keys of ImportError beyond the domain's rule violations; each has a sentence in the
// translation files (assets/translations/persistence.*.json).
const (
	importInvalid      = "json.invalid"
	importUnknownField = "json.unknown_field"
	importFormat       = "json.format"
	importVersion      = "json.version"
	importDuplicateID  = "json.duplicate_id"
	importDuplicate    = "json.duplicate_value"
	importDangling     = "json.dangling_reference"
	importTimePrec     = "json.time_precision"
	importIDRange      = "json.id_range"
)

// decodeError names a JSON decoding failure; an unknown field gets its own key so the message
// can say which name was not understood.
func decodeError(err error) *ImportError {
	const prefix = "json: unknown field "
	if msg := err.Error(); strings.HasPrefix(msg, prefix) {
		return &ImportError{Key: importUnknownField, Detail: strings.Trim(strings.TrimPrefix(msg, prefix), `"`)}
	}
	return &ImportError{Key: importInvalid, Detail: err.Error()}
}

// checkDocument refuses what the project file would refuse, so that an import fails here with
// a clear message and never halfway inside the database: duplicate ids and unique values,
// references to entities that do not exist, times finer than the second the file keeps. It
// turns every time into UTC, as the file returns it.
func checkDocument(p *domain.Project) error {
	if strings.TrimSpace(p.Meta.Name) == "" {
		return &ImportError{Key: string(domain.ErrProjectNameEmpty), Detail: "meta.name"}
	}
	if err := checkIDs(p, true); err != nil {
		return &ImportError{Key: importIDRange, Detail: err.Error()}
	}
	ids := map[string]map[int64]bool{}
	collect := func(list string, n int, id func(int) int64) error {
		seen := map[int64]bool{}
		for i := 0; i < n; i++ {
			v := id(i)
			if v == 0 { // the file assigns one
				continue
			}
			if seen[v] {
				return &ImportError{Key: importDuplicateID, Detail: fmt.Sprintf("%s: id %d", list, v)}
			}
			seen[v] = true
		}
		ids[list] = seen
		return nil
	}
	lists := []struct {
		name string
		n    int
		id   func(int) int64
	}{
		{"tasks", len(p.Tasks), func(i int) int64 { return p.Tasks[i].ID }},
		{"packages", len(p.Packages), func(i int) int64 { return p.Packages[i].ID }},
		{"payGroups", len(p.PayGroups), func(i int) int64 { return p.PayGroups[i].ID }},
		{"decisions", len(p.Decisions), func(i int) int64 { return p.Decisions[i].ID }},
		{"slas", len(p.SLAs), func(i int) int64 { return p.SLAs[i].ID }},
		{"schoolHolidays", len(p.SchoolHolidays), func(i int) int64 { return p.SchoolHolidays[i].ID }},
		{"criteria", len(p.Criteria), func(i int) int64 { return p.Criteria[i].ID }},
		{"bids", len(p.Bids), func(i int) int64 { return p.Bids[i].ID }},
		{"tenderLog", len(p.TenderLog), func(i int) int64 { return p.TenderLog[i].ID }},
		{"milestones", len(p.Milestones), func(i int) int64 { return p.Milestones[i].ID }},
		{"roles", len(p.Roles), func(i int) int64 { return p.Roles[i].ID }},
		{"persons", len(p.Persons), func(i int) int64 { return p.Persons[i].ID }},
		{"raciActivities", len(p.RaciActivities), func(i int) int64 { return p.RaciActivities[i].ID }},
		{"communicationRows", len(p.CommunicationRows), func(i int) int64 { return p.CommunicationRows[i].ID }},
		{"escalationLevels", len(p.EscalationLevels), func(i int) int64 { return p.EscalationLevels[i].ID }},
		{"meetings", len(p.Meetings), func(i int) int64 { return p.Meetings[i].ID }},
		{"tickets", len(p.Tickets), func(i int) int64 { return p.Tickets[i].ID }},
		{"calls", len(p.Calls), func(i int) int64 { return p.Calls[i].ID }},
		{"surveyAnswers", len(p.SurveyAnswers), func(i int) int64 { return p.SurveyAnswers[i].ID }},
		{"jourFixes", len(p.JourFixes), func(i int) int64 { return p.JourFixes[i].ID }},
		{"measures", len(p.Measures), func(i int) int64 { return p.Measures[i].ID }},
		{"knowledgeChecks", len(p.KnowledgeChecks), func(i int) int64 { return p.KnowledgeChecks[i].ID }},
	}
	for _, l := range lists {
		if err := collect(l.name, l.n, l.id); err != nil {
			return err
		}
	}

	// ref checks that a reference names an existing entity of the target list.
	var refErr error
	ref := func(where string, id *int64, target string) {
		if refErr != nil || id == nil {
			return
		}
		if !ids[target][*id] {
			refErr = &ImportError{Key: importDangling, Detail: fmt.Sprintf("%s = %d: no such %s", where, *id, target)}
		}
	}
	for i, t := range p.Tasks {
		ref(fmt.Sprintf("tasks[%d].packageId", i), t.PackageID, "packages")
	}
	decided := map[int64]bool{}
	for i, d := range p.Decisions {
		pkg := d.PackageID
		ref(fmt.Sprintf("decisions[%d].packageId", i), &pkg, "packages")
		ref(fmt.Sprintf("decisions[%d].payGroupId", i), d.PayGroupID, "payGroups")
		if refErr == nil && decided[pkg] {
			return &ImportError{Key: importDuplicate, Detail: fmt.Sprintf("decisions: two for package %d", pkg)}
		}
		decided[pkg] = true
	}
	for i, s := range p.SLAs {
		ref(fmt.Sprintf("slas[%d].packageId", i), s.PackageID, "packages")
	}
	ref("contract.slaId", p.Contract.SLAID, "slas")
	for i, b := range p.Bids {
		keys := make([]int64, 0, len(b.Scores))
		for k := range b.Scores {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, k := range keys {
			ref(fmt.Sprintf("bids[%d].scores", i), &k, "criteria")
		}
		keys = keys[:0]
		for k := range b.Reasons {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, k := range keys {
			ref(fmt.Sprintf("bids[%d].reasons", i), &k, "criteria")
		}
	}
	for i, a := range p.RaciActivities {
		ref(fmt.Sprintf("raciActivities[%d].packageId", i), a.PackageID, "packages")
	}
	cells := map[[2]int64]bool{}
	for i, a := range p.RaciAssignments {
		act, role := a.ActivityID, a.RoleID
		ref(fmt.Sprintf("raciAssignments[%d].activityId", i), &act, "raciActivities")
		ref(fmt.Sprintf("raciAssignments[%d].roleId", i), &role, "roles")
		if refErr == nil && cells[[2]int64{act, role}] {
			return &ImportError{Key: importDuplicate, Detail: fmt.Sprintf("raciAssignments: activity %d, role %d twice", act, role)}
		}
		cells[[2]int64{act, role}] = true
	}
	for i, c := range p.CommunicationRows {
		ref(fmt.Sprintf("communicationRows[%d].customerRoleId", i), c.CustomerRoleID, "roles")
		ref(fmt.Sprintf("communicationRows[%d].providerRoleId", i), c.ProviderRoleID, "roles")
	}
	for i, e := range p.EscalationLevels {
		ref(fmt.Sprintf("escalationLevels[%d].customerRoleId", i), e.CustomerRoleID, "roles")
		ref(fmt.Sprintf("escalationLevels[%d].providerRoleId", i), e.ProviderRoleID, "roles")
	}
	external := map[string]bool{}
	for i, t := range p.Tickets {
		ref(fmt.Sprintf("tickets[%d].packageId", i), t.PackageID, "packages")
		if refErr == nil && external[t.ExternalID] {
			return &ImportError{Key: importDuplicate, Detail: fmt.Sprintf("tickets: externalId %q twice", t.ExternalID)}
		}
		external[t.ExternalID] = true
	}
	for i, m := range p.Measures {
		ref(fmt.Sprintf("measures[%d].jourFixeId", i), m.JourFixeID, "jourFixes")
	}
	for i, x := range p.Persons {
		for _, r := range x.RoleIDs {
			ref(fmt.Sprintf("persons[%d].roleIds", i), &r, "roles")
		}
		if err := p.ValidatePerson(x); refErr == nil && err != nil {
			return &ImportError{Key: err.Error(), Detail: fmt.Sprintf("persons[%d] %q", i, x.Name)}
		}
	}
	for _, l := range p.AttendeeLists() {
		for _, a := range l.Attendees {
			ref(fmt.Sprintf("%s %d: personId", l.Of, l.ID), a.PersonID, "persons")
		}
		if err := domain.ValidateAttendees(l.Attendees); refErr == nil && err != nil {
			return &ImportError{Key: err.Error(), Detail: fmt.Sprintf("%s %d", l.Of, l.ID)}
		}
	}
	if refErr != nil {
		return refErr
	}
	for i, e := range p.TenderLog {
		if err := e.Validate(); err != nil {
			return &ImportError{Key: err.Error(), Detail: fmt.Sprintf("tenderLog[%d]", i)}
		}
	}
	return normalizeTimes(p)
}

// normalizeTimes turns the times of tickets, calls and survey answers into UTC and refuses
// fractions of a second, which the file does not keep (it stores Unix seconds).
func normalizeTimes(p *domain.Project) error {
	fix := func(where string, t *time.Time) error {
		if t == nil {
			return nil
		}
		if t.Nanosecond() != 0 {
			return &ImportError{Key: importTimePrec, Detail: fmt.Sprintf("%s = %s", where, t.Format(time.RFC3339Nano))}
		}
		return inUTC(where, t)
	}
	if err := inUTC("meta.createdAt", &p.Meta.CreatedAt); err != nil {
		return err
	}
	for i := range p.Tickets {
		t := &p.Tickets[i]
		for _, x := range []struct {
			name string
			t    *time.Time
		}{{"created", &t.Created}, {"firstResponse", t.FirstResponse}, {"resolved", t.Resolved}} {
			if err := fix(fmt.Sprintf("tickets[%d].%s", i, x.name), x.t); err != nil {
				return err
			}
		}
	}
	for i := range p.Calls {
		if err := fix(fmt.Sprintf("calls[%d].at", i), &p.Calls[i].At); err != nil {
			return err
		}
	}
	for i := range p.SurveyAnswers {
		if err := fix(fmt.Sprintf("surveyAnswers[%d].at", i), &p.SurveyAnswers[i].At); err != nil {
			return err
		}
	}
	return nil
}

// inUTC converts t to UTC; a time that leaves the years 0–9999 on the way (e.g.
// 0000-01-01T00:00:00+01:00) could not be written as JSON again and is refused.
func inUTC(where string, t *time.Time) error {
	u := t.UTC()
	if y := u.Year(); y < 0 || y > 9999 {
		return &ImportError{Key: importInvalid, Detail: fmt.Sprintf("%s = %s: outside the years 0–9999 in UTC", where, t.Format(time.RFC3339))}
	}
	*t = u
	return nil
}

// withEmptyLists returns a shallow copy of p whose nil lists are empty, so that an exported
// document always writes [] for a list, as the file gives it back.
func withEmptyLists(p *domain.Project) *domain.Project {
	if p == nil {
		return nil
	}
	c := *p
	v := reflect.ValueOf(&c).Elem()
	for i := 0; i < v.NumField(); i++ {
		switch f := v.Field(i); {
		case f.Kind() == reflect.Slice && f.IsNil():
			f.Set(reflect.MakeSlice(f.Type(), 0, 0))
		case f.Kind() == reflect.Map && f.IsNil():
			f.Set(reflect.MakeMap(f.Type()))
		}
	}
	return &c
}
