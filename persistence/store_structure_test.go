package persistence

import (
	"bytes"
	"errors"
	"os"
	"schulit-lotse/domain"
	"testing"
)

func structureFile(t *testing.T) (*File, string) {
	t.Helper()
	f := newTestFile(t, "Struktur Jürgen.lotse", testProject("Struktur"))
	return f, f.Path()
}

func TestApplyStructureWritesAndDeletes(t *testing.T) {
	f, _ := structureFile(t)
	k := domain.Kickoff{Date: day(2027, 4, 13), Place: "Rathaus", Participants: []domain.Participant{{Name: "Frau A", Organisation: "Stadt", Role: "IT"}}}
	err := f.ApplyStructure(StructureChange{
		Kickoff:          &k,
		PutMilestones:    []domain.Milestone{{ID: 3, Name: "Regelbetrieb", Due: day(2027, 8, 1), Status: domain.MilestonePlanned}},
		PutRoles:         []domain.Role{{ID: 1, Name: "Service Desk", Party: domain.PartyProvider, SortOrder: 1}, {ID: 2, Name: "Medienbeauftragte", Party: domain.PartySchool, SortOrder: 2}},
		PutActivities:    []domain.RaciActivity{{ID: 10, Process: "Störungsannahme", Name: "Melden", SortOrder: 1}},
		PutAssignments:   []domain.RaciAssignment{{ActivityID: 10, RoleID: 1, Letter: "A"}, {ActivityID: 10, RoleID: 2, Letter: "R"}},
		PutCommunication: []domain.CommunicationRow{{ID: 5, Occasion: "Störungsmeldungen", CustomerRoleID: i64(2), ProviderRoleID: i64(1), Channel: "Ticketsystem"}},
		PutEscalation:    []domain.EscalationLevel{{ID: 6, Level: 1, Trigger: "SLA verfehlt", CustomerRoleID: i64(2), ProviderRoleID: i64(1), ReactionHours: 4}},
		PutMeetings:      []domain.Meeting{{ID: 7, Name: "Jour fixe", CadenceDays: 28, FirstDate: day(2027, 5, 11)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, f)
	if p.Kickoff.Place != "Rathaus" || len(p.Kickoff.Participants) != 1 || p.Kickoff.Date.String() != "2027-04-13" {
		t.Errorf("kickoff %+v", p.Kickoff)
	}
	if len(p.Milestones) != 1 || len(p.Roles) != 2 || len(p.RaciActivities) != 1 || len(p.RaciAssignments) != 2 ||
		len(p.CommunicationRows) != 1 || len(p.EscalationLevels) != 1 || len(p.Meetings) != 1 {
		t.Fatalf("rows: %s", sprint(p))
	}
	if p.EscalationLevels[0].Trigger != "SLA verfehlt" || *p.CommunicationRows[0].CustomerRoleID != 2 {
		t.Errorf("escalation %+v, communication %+v", p.EscalationLevels[0], p.CommunicationRows[0])
	}

	// Update a cell in place, rename a role, delete the other role: its cells go with it.
	err = f.ApplyStructure(StructureChange{
		PutAssignments: []domain.RaciAssignment{{ActivityID: 10, RoleID: 2, Letter: "C"}},
		PutRoles:       []domain.Role{{ID: 2, Name: "Medienbeauftragte:r", Party: domain.PartySchool, SortOrder: 2}},
		DeleteRoles:    []int64{1},
		PutCommunication: []domain.CommunicationRow{{ID: 5, Occasion: "Störungsmeldungen", CustomerRoleID: i64(2),
			Channel: "Ticketsystem"}},
		DeleteMilestones: []int64{3},
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err = f.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Roles) != 1 || p.Roles[0].Name != "Medienbeauftragte:r" {
		t.Errorf("roles %+v", p.Roles)
	}
	if len(p.RaciAssignments) != 1 || p.RaciAssignments[0] != (domain.RaciAssignment{ActivityID: 10, RoleID: 2, Letter: "C"}) {
		t.Errorf("cells %+v", p.RaciAssignments)
	}
	if p.CommunicationRows[0].ProviderRoleID != nil || len(p.Milestones) != 0 {
		t.Errorf("communication %+v, milestones %+v", p.CommunicationRows[0], p.Milestones)
	}

	// Deleting a cell and an activity.
	if err := f.ApplyStructure(StructureChange{DeleteAssignments: []domain.RaciCell{{ActivityID: 10, RoleID: 2}}}); err != nil {
		t.Fatal(err)
	}
	if p, _ = f.Load(); len(p.RaciAssignments) != 0 {
		t.Errorf("cell not deleted: %+v", p.RaciAssignments)
	}
	if err := f.ApplyStructure(StructureChange{DeleteActivities: []int64{10}, DeleteMeetings: []int64{7}, DeleteEscalation: []int64{6}, DeleteCommunication: []int64{5}}); err != nil {
		t.Fatal(err)
	}
	if p, _ = f.Load(); len(p.RaciActivities)+len(p.Meetings)+len(p.EscalationLevels)+len(p.CommunicationRows) != 0 {
		t.Errorf("rows left: %s", sprint(p))
	}
}

func TestApplyStructureRefusesBadRowsAndLeavesTheFile(t *testing.T) {
	f, path := structureFile(t)
	if err := f.ApplyStructure(StructureChange{PutRoles: []domain.Role{{ID: 1, Name: "SD", Party: domain.PartyProvider}}}); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name string
		c    StructureChange
		want error
	}{
		{"role without name", StructureChange{PutRoles: []domain.Role{{ID: 2, Party: domain.PartyProvider}}}, domain.ErrRoleNameEmpty},
		{"role without id", StructureChange{PutRoles: []domain.Role{{Name: "X", Party: domain.PartyProvider}}}, domain.Error("err.structure.id")},
		{"letter X", StructureChange{PutAssignments: []domain.RaciAssignment{{ActivityID: 1, RoleID: 1, Letter: "X"}}}, domain.ErrRaciLetter},
		{"participant without name", StructureChange{Kickoff: &domain.Kickoff{Participants: []domain.Participant{{Organisation: "Stadt"}}}}, domain.ErrParticipantNameEmpty},
		{"milestone status", StructureChange{PutMilestones: []domain.Milestone{{ID: 1, Name: "M", Status: "fertig"}}}, domain.ErrMilestoneStatus},
		{"escalation level 0", StructureChange{PutEscalation: []domain.EscalationLevel{{ID: 1}}}, domain.ErrEscalationLevel},
		{"meeting cadence", StructureChange{PutMeetings: []domain.Meeting{{ID: 1, Name: "JF", CadenceDays: -1}}}, domain.ErrMeetingCadence},
		{"occasion", StructureChange{PutCommunication: []domain.CommunicationRow{{ID: 1}}}, domain.ErrOccasionEmpty},
	}
	for _, b := range bad {
		if err := f.ApplyStructure(b.c); !errors.Is(err, b.want) {
			t.Errorf("%s: err = %v, want %v", b.name, err, b.want)
		}
	}
	// A cell whose activity does not exist fails in the database and rolls back the whole change.
	err = f.ApplyStructure(StructureChange{
		PutRoles:       []domain.Role{{ID: 1, Name: "Umbenannt", Party: domain.PartyProvider}},
		PutAssignments: []domain.RaciAssignment{{ActivityID: 99, RoleID: 1, Letter: "R"}},
	})
	if err == nil {
		t.Fatal("a cell of a missing activity was stored")
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a refused change modified the file")
	}
	p := mustLoad(t, f)
	if p.Roles[0].Name != "SD" {
		t.Errorf("role renamed by a rolled-back change: %+v", p.Roles[0])
	}
}
