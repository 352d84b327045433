package session_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// boardSession is a project with three tasks, the package Software holding "MDM", a sourcing
// decision for it and an SLA that names it.
func boardSession(t *testing.T) *session.Session {
	t.Helper()
	p := domain.NewProject("Board", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sw := int64(5)
	p.Packages = []domain.Package{{ID: 5, Name: "Software", Color: "#1f5f8b", Width: 394, Height: 218, SortOrder: 1}}
	p.Tasks = []domain.Task{
		{ID: 1, Name: "MDM", Responsible: "Team", PackageID: &sw, CardX: 12, CardY: 52, SortOrder: 1},
		{ID: 2, Name: "IServ", Responsible: "Team", SortOrder: 2},
		{ID: 3, Name: "Tablets", Responsible: "noch nicht definiert", SortOrder: 3},
	}
	p.Decisions = []domain.SourcingDecision{{ID: 9, PackageID: 5, Rationale: "kein Personal"}}
	p.SLAs = []domain.SLA{{ID: 4, Name: "Software-SLA", PackageID: &sw}}
	return openProject(t, "Board Jürgen.lotse", p)
}

// same checks that the model equals what the file holds.
func same(t *testing.T, s *session.Session) {
	t.Helper()
	a, _ := json.Marshal(s.Project)
	b, _ := json.Marshal(stored(t, s))
	if string(a) != string(b) {
		t.Fatalf("model and file differ:\nmodel %s\nfile  %s", a, b)
	}
}

func pkgOf(s *session.Session, id int64) int64 {
	t := s.Project.TaskByID(id)
	if t == nil || t.PackageID == nil {
		return 0
	}
	return *t.PackageID
}

func TestDropCardAndUndo(t *testing.T) {
	s := boardSession(t)
	c, err := domain.DropOnPackage(s.Project, 5, []domain.Placement{{TaskID: 2, X: 300, Y: 60}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ApplyBoard("undo.board.move", c); err != nil {
		t.Fatal(err)
	}
	if pkgOf(s, 2) != 5 || s.Project.TaskByID(2).CardX != 300 {
		t.Fatalf("task 2 = %+v", s.Project.TaskByID(2))
	}
	// 300 + 180 + 12 = 492: the package grew.
	if w := s.Project.PackageByID(5).Width; w != 492 {
		t.Errorf("package width %v, want 492", w)
	}
	same(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if pkgOf(s, 2) != 0 || s.Project.PackageByID(5).Width != 394 {
		t.Errorf("undo left task 2 in %d, width %v", pkgOf(s, 2), s.Project.PackageByID(5).Width)
	}
	same(t, s)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if pkgOf(s, 2) != 5 {
		t.Error("redo did not move the card again")
	}
	same(t, s)
}

func TestAddPackageWithCardsUndoRedoKeepsID(t *testing.T) {
	s := boardSession(t)
	plan, err := domain.PackageWithCards(s.Project, "User-Management", 600, 100, []int64{2, 1})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddPackage(plan)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 || pkgOf(s, 2) != id || pkgOf(s, 1) != id {
		t.Fatalf("id %d, tasks in %d and %d", id, pkgOf(s, 2), pkgOf(s, 1))
	}
	same(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.PackageByID(id) != nil || pkgOf(s, 2) != 0 || pkgOf(s, 1) != 5 {
		t.Errorf("undo: package %v, task 2 in %d, MDM in %d (want back in Software)", s.Project.PackageByID(id), pkgOf(s, 2), pkgOf(s, 1))
	}
	same(t, s)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.PackageByID(id) == nil || pkgOf(s, 2) != id {
		t.Error("redo must bring the package back with the same id")
	}
	same(t, s)

	if _, err := s.AddPackage(domain.NewPackagePlan{Package: domain.NewPackage(s.Project, "software", 0, 0, false)}); !errors.Is(err, domain.ErrPackageNameDuplicate) {
		t.Errorf("duplicate name: %v", err)
	}
}

func TestDeletePackageSendsCardsToPileWithUndo(t *testing.T) {
	s := boardSession(t)
	if err := s.DeletePackage(5); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Packages) != 0 || pkgOf(s, 1) != 0 {
		t.Fatalf("after delete: packages %+v, MDM in %d", s.Project.Packages, pkgOf(s, 1))
	}
	if len(s.Project.Decisions) != 0 || s.Project.SLAs[0].PackageID != nil {
		t.Errorf("decision %+v / SLA reference %v survived", s.Project.Decisions, s.Project.SLAs[0].PackageID)
	}
	same(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.PackageByID(5) == nil || pkgOf(s, 1) != 5 || len(s.Project.Decisions) != 1 ||
		s.Project.Decisions[0].Rationale != "kein Personal" || s.Project.SLAs[0].PackageID == nil {
		t.Errorf("undo did not restore everything: %+v", s.Project)
	}
	if s.Project.TaskByID(1).CardX != 12 {
		t.Error("the card lost its place")
	}
	same(t, s)
}

func TestUpdatePackage(t *testing.T) {
	s := boardSession(t)
	if err := s.UpdatePackage(5, "undo.board.target", func(pk *domain.Package) { pk.TargetState = "Updates kommen zentral." }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdatePackage(5, "undo.board.color", func(pk *domain.Package) { pk.Color = "rot" }); !errors.Is(err, domain.ErrPackageColor) {
		t.Errorf("bad colour: %v", err)
	}
	if got := stored(t, s).PackageByID(5).TargetState; got != "Updates kommen zentral." {
		t.Errorf("file holds %q", got)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.PackageByID(5).TargetState != "" {
		t.Error("undo kept the target state")
	}
	same(t, s)
	if err := s.UpdatePackage(77, "x", func(*domain.Package) {}); !errors.Is(err, domain.ErrPackageGone) {
		t.Errorf("unknown package: %v", err)
	}
}

func TestSetCoverageRulesAndUndo(t *testing.T) {
	s := boardSession(t)
	if err := s.SetCoverage([]int64{3}, domain.CoverageKeep, ""); !errors.Is(err, domain.ErrKeepWithoutResponsible) {
		t.Fatalf("keep without responsible: %v", err)
	}
	if s.CanUndo() {
		t.Error("a refused edit must leave no undo step")
	}
	if err := s.SetCoverage([]int64{1, 2}, domain.CoverageChange, domain.ExternalProvider); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{1, 2} {
		if tk := stored(t, s).TaskByID(id); tk.Coverage != domain.CoverageChange || tk.NewResponsible != domain.ExternalProvider {
			t.Errorf("task %d in the file: %+v", id, tk)
		}
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.TaskByID(1).Coverage != domain.CoverageUnset || s.Project.TaskByID(2).NewResponsible != "" {
		t.Error("one undo must revert both tasks")
	}
	same(t, s)
}

func TestSetWorkloadSettings(t *testing.T) {
	s := boardSession(t)
	w := domain.WorkloadSettings{DefaultLimit: 20}.WithLimit("Team", 8)
	if err := s.SetWorkloadSettings(w); err != nil {
		t.Fatal(err)
	}
	if got := domain.WorkloadSettingsOf(stored(t, s)); got.DefaultLimit != 20 || got.Limits["Team"] != 8 {
		t.Errorf("stored %+v", got)
	}
	if err := s.SetWorkloadSettings(domain.WorkloadSettings{DefaultLimit: -1}); !errors.Is(err, domain.ErrWorkloadLimit) {
		t.Errorf("negative limit: %v", err)
	}
	if err := s.SetWorkloadSettings(domain.WorkloadSettings{}); err != nil {
		t.Fatal(err)
	}
	if _, ok := stored(t, s).Config[domain.ConfigWorkload]; ok {
		t.Error("no limits should remove the entry")
	}
}
