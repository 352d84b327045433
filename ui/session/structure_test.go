package session_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// structureJSON is the part of a project that steps 10–11 edit, as JSON, so that the model and
// the file can be compared whole (nil and empty lists alike).
func structureJSON(t *testing.T, p *domain.Project) string {
	t.Helper()
	v := map[string]any{
		"kickoff": p.Kickoff, "milestones": p.Milestones, "roles": p.Roles, "activities": p.RaciActivities,
		"cells": p.RaciAssignments, "communication": p.CommunicationRows, "escalation": p.EscalationLevels,
		"meetings": p.Meetings, "rules": p.Config[domain.ConfigMeetingRules],
	}
	for k, x := range v {
		b, _ := json.Marshal(x)
		if string(b) == "null" {
			v[k] = []any{}
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// inSync fails when the model differs from what the file holds.
func inSync(t *testing.T, s *session.Session) string {
	t.Helper()
	model, file := structureJSON(t, s.Project), structureJSON(t, stored(t, s))
	if model != file {
		t.Fatalf("model and file differ\nmodel %s\nfile  %s", model, file)
	}
	return model
}

func structKeys(k string) string { return k }

func withTemplate(t *testing.T) *session.Session {
	t.Helper()
	s := newSession(t)
	tpl := domain.BuildStructureTemplate(s.Project, domain.TemplateParts{Roles: true, Raci: true, Communication: true, Escalation: true}, structKeys)
	if err := s.ApplyStructureTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	return s
}

func TestTemplateUndoRedo(t *testing.T) {
	s := newSession(t)
	empty := inSync(t, s)
	tpl := domain.BuildStructureTemplate(s.Project, domain.TemplateParts{Roles: true, Raci: true, Communication: true, Escalation: true}, structKeys)
	if err := s.ApplyStructureTemplate(tpl); err != nil {
		t.Fatal(err)
	}
	full := inSync(t, s)
	if len(s.Project.Roles) != len(domain.RoleTemplates) || len(s.Project.RaciActivities) != len(domain.RaciTemplate) ||
		len(s.Project.CommunicationRows) != 6 || len(s.Project.EscalationLevels) != 3 {
		t.Fatalf("template: %d roles, %d activities, %d rows, %d levels", len(s.Project.Roles), len(s.Project.RaciActivities),
			len(s.Project.CommunicationRows), len(s.Project.EscalationLevels))
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := inSync(t, s); got != empty {
		t.Errorf("undo left %s", got)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := inSync(t, s); got != full {
		t.Errorf("redo gave a different project")
	}
}

func letterOf(s *session.Session, act, role int64) string {
	return domain.IndexRaci(s.Project.RaciAssignments)[domain.RaciCell{ActivityID: act, RoleID: role}]
}

func TestCycleRaciCellAndUndo(t *testing.T) {
	s := newSession(t)
	role, err := s.SaveRole(domain.Role{Name: "Service Desk", Party: domain.PartyProvider})
	if err != nil {
		t.Fatal(err)
	}
	act, err := s.SaveActivity(domain.RaciActivity{Process: "Störungsannahme", Name: "Ticket erfassen"})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for i := 0; i < 5; i++ {
		if err := s.CycleRaci(act, role); err != nil {
			t.Fatal(err)
		}
		seen = append(seen, letterOf(s, act, role))
		inSync(t, s)
	}
	if want := []string{"R", "A", "C", "I", ""}; !slices.Equal(seen, want) {
		t.Errorf("cycle %q, want %q", seen, want)
	}
	for _, want := range []string{"I", "C"} {
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if got := letterOf(s, act, role); got != want {
			t.Errorf("after undo %q, want %q", got, want)
		}
		inSync(t, s)
	}
	if err := s.SetRaciLetter(act, role, "x"); !errors.Is(err, domain.ErrRaciLetter) {
		t.Errorf("letter x: %v", err)
	}
	if err := s.SetRaciLetter(act, 999, "R"); !errors.Is(err, domain.ErrRaciCellRef) {
		t.Errorf("cell of a missing role: %v", err)
	}
	if err := s.SetRaciLetter(act, role, "a"); err != nil || letterOf(s, act, role) != "A" {
		t.Errorf("typed a: %v, %q", err, letterOf(s, act, role))
	}
}

func TestDeleteRoleTakesItsColumnAndContactsAndUndoBringsThemBack(t *testing.T) {
	s := withTemplate(t)
	before := inSync(t, s)
	var desk domain.Role
	for _, r := range s.Project.Roles {
		if r.Name == domain.TplRoleServiceDesk {
			desk = r
		}
	}
	if err := s.DeleteRole(desk.ID); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	for _, a := range s.Project.RaciAssignments {
		if a.RoleID == desk.ID {
			t.Fatalf("a cell of the deleted role is left: %+v", a)
		}
	}
	for _, c := range s.Project.CommunicationRows {
		if c.ProviderRoleID != nil && *c.ProviderRoleID == desk.ID {
			t.Fatalf("row %q still names the deleted role", c.Occasion)
		}
	}
	if s.Project.CommunicationRows[0].ProviderRoleID != nil {
		t.Error("the incidents row should have lost its provider contact")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := inSync(t, s); got != before {
		t.Errorf("undo did not restore the role, its cells and contacts\n got %s\nwant %s", got, before)
	}
}

func TestRenameRoleShowsEverywhere(t *testing.T) {
	s := withTemplate(t)
	r := s.Project.Roles[0]
	r.Name = "IT-Koordination Stadt"
	if _, err := s.SaveRole(r); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	// Contacts point at the role by id: the row shows the new name without being edited.
	orders := s.Project.CommunicationRows[2]
	if got := s.Project.RoleName(orders.CustomerRoleID); got != "IT-Koordination Stadt" {
		t.Errorf("orders row shows %q", got)
	}
}

func TestMoveActivityAndRole(t *testing.T) {
	s := withTemplate(t)
	acts := domain.SortedActivities(s.Project.RaciActivities)
	second := acts[1].ID
	if err := s.MoveActivity(second, -1); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if got := s.Project.RaciActivities[0].ID; got != second {
		t.Errorf("first activity %d, want %d", got, second)
	}
	if err := s.MoveActivity(second, -1); err != nil { // already first: nothing happens
		t.Fatal(err)
	}
	last := s.Project.Roles[len(s.Project.Roles)-1].ID
	if err := s.MoveRole(last, -100); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if s.Project.Roles[0].ID != last {
		t.Errorf("role %d did not move to the front: %+v", last, s.Project.Roles[0])
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Roles[len(s.Project.Roles)-1].ID != last {
		t.Error("undo did not move the role back")
	}
	inSync(t, s)
}

func TestNewActivityGoesToTheEndOfItsProcess(t *testing.T) {
	s := withTemplate(t)
	id, err := s.SaveActivity(domain.RaciActivity{Process: "tpl.process.incident", Name: "Rückfrage stellen"})
	if err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if got := s.Project.RaciActivities[2].ID; got != id {
		t.Errorf("new activity at %d, want third (after the two intake activities)", got)
	}
	if _, err := s.SaveActivity(domain.RaciActivity{Process: "x", Name: " "}); !errors.Is(err, domain.ErrRaciActivityEmpty) {
		t.Errorf("activity without name: %v", err)
	}
}

func TestMeetingWithRuleAndDelete(t *testing.T) {
	s := newSession(t)
	first := domain.NewDate(2027, 4, 13)
	id, err := s.SaveMeeting(domain.Meeting{Name: "Jour fixe", CadenceDays: 28, FirstDate: &first}, domain.MeetingRule{Monthly: true})
	if err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if !domain.MeetingRules(s.Project)[id].Monthly {
		t.Fatal("rule not stored")
	}
	if _, err := s.SaveMeeting(domain.Meeting{Name: "JF ohne Datum"}, domain.MeetingRule{Monthly: true}); !errors.Is(err, domain.ErrMeetingMonthlyDate) {
		t.Errorf("monthly without date: %v", err)
	}
	if err := s.DeleteMeeting(id); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if _, ok := s.Project.Config[domain.ConfigMeetingRules]; ok {
		t.Error("the rule of a deleted meeting is left in the configuration")
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if len(s.Project.Meetings) != 1 || !domain.MeetingRules(s.Project)[id].Monthly {
		t.Error("undo did not restore the meeting with its rule")
	}
}

func TestKickoffAndMilestones(t *testing.T) {
	s := newSession(t)
	day := domain.NewDate(2027, 4, 13)
	k := domain.Kickoff{Date: &day, Place: "Rathaus", Participants: []domain.Participant{{Name: "Frau A", Organisation: "Stadt"}}}
	if err := s.SetKickoff(k); err != nil {
		t.Fatal(err)
	}
	day = domain.NewDate(2030, 1, 1) // the caller's variable must not reach the model
	if s.Project.Kickoff.Date.String() != "2027-04-13" {
		t.Fatalf("model shares the caller's date: %s", s.Project.Kickoff.Date)
	}
	inSync(t, s)
	if err := s.SetKickoff(domain.Kickoff{Participants: []domain.Participant{{Organisation: "Stadt"}}}); !errors.Is(err, domain.ErrParticipantNameEmpty) {
		t.Errorf("participant without name: %v", err)
	}
	plan := domain.MilestonePlanFrom(domain.NewDate(2027, 4, 13), structKeys)
	if err := s.AddMilestones(plan); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if len(s.Project.Milestones) != len(plan) {
		t.Fatalf("%d milestones", len(s.Project.Milestones))
	}
	m := s.Project.Milestones[3]
	m.Status = domain.MilestoneDone
	if _, err := s.SaveMilestone(m); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMilestone(s.Project.Milestones[0].ID); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	inSync(t, s)
	if len(s.Project.Milestones) != len(plan) || s.Project.Milestones[3].Status != domain.MilestonePlanned {
		t.Errorf("undo: %+v", s.Project.Milestones)
	}
	if err := s.DeleteMilestone(9999); err == nil {
		t.Error("deleting a missing milestone succeeded")
	}
}
