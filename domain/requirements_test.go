package domain

import (
	"math"
	"testing"
)

func requirementsProject() *Project {
	must := Priority{Rank: 4}
	nice := Priority{Rank: 2}
	p := &Project{Settings: DefaultSettings()}
	p.Packages = []Package{
		{ID: 20, Name: "Software", SortOrder: 2, TargetState: "Alle Geräte erhalten Updates zentral.", Criteria: "90 % der Geräte im MDM"},
		{ID: 10, Name: "User-Management", SortOrder: 1},
		{ID: 30, Name: "Leer", SortOrder: 3, TargetState: "x", Criteria: "y"},
	}
	p.Tasks = []Task{
		{ID: 1, Name: "IServ-Nutzer anlegen", SortOrder: 1, PackageID: ptr(10), Priority: must, Effort: &Effort{2, HoursPerMonth}},
		{ID: 2, Name: "Passwörter zurücksetzen", SortOrder: 2, PackageID: ptr(10), Priority: nice, Effort: &Effort{3, HoursPerWeek}, Critical: true},
		{ID: 3, Name: "Updates im MDM", SortOrder: 3, PackageID: ptr(20), Priority: must, Effort: &Effort{2, HoursPerMonth}},
		{ID: 4, Name: "Drucker", SortOrder: 4, Effort: &Effort{6, HoursPerQuarter}},
		{ID: 5, Name: "Tablets", SortOrder: 5, PackageID: ptr(10), Effort: &Effort{10, HoursPerMonth}},
	}
	return p
}

func TestSummarizePackages(t *testing.T) {
	s := SummarizePackages(requirementsProject())
	if len(s) != 3 || s[0].Package.ID != 10 || s[1].Package.ID != 20 || s[2].Package.ID != 30 {
		t.Fatalf("order = %+v", s)
	}
	um := s[0]
	// 2 + 13 (3 h/week × 52 / 12) + 10 = 25 hours; one must, one nice, one without priority.
	if um.Tasks != 3 || math.Abs(um.Hours-25) > 1e-9 || um.Must != 1 || um.Nice != 1 || um.Unprioritised != 1 ||
		um.MustHours != 2 || math.Abs(um.NiceHours-13) > 1e-9 || um.Critical != 1 {
		t.Errorf("User-Management = %+v", um)
	}
	if math.Abs(um.MustShare()-1.0/3) > 1e-9 || math.Abs(um.NiceShare()-1.0/3) > 1e-9 {
		t.Errorf("shares %v %v, want a third each", um.MustShare(), um.NiceShare())
	}
	if s[2].Tasks != 0 || s[2].MustShare() != 0 {
		t.Errorf("empty package = %+v", s[2])
	}
}

func TestGroupByPackageHasEveryTaskOnce(t *testing.T) {
	p := requirementsProject()
	groups := GroupByPackage(p)
	if len(groups) != 4 {
		t.Fatalf("%d groups, want 3 packages and the pile", len(groups))
	}
	names := func(g RequirementGroup) []string {
		var out []string
		for _, t := range g.Tasks {
			out = append(out, t.Name)
		}
		return out
	}
	want := [][]string{
		{"IServ-Nutzer anlegen", "Passwörter zurücksetzen", "Tablets"},
		{"Updates im MDM"},
		nil,
		{"Drucker"},
	}
	seen := map[int64]int{}
	for i, g := range groups {
		got := names(g)
		if len(got) != len(want[i]) {
			t.Errorf("group %d = %q, want %q", i, got, want[i])
			continue
		}
		for j := range got {
			if got[j] != want[i][j] {
				t.Errorf("group %d = %q, want %q", i, got, want[i])
			}
		}
		for _, t := range g.Tasks {
			seen[t.ID]++
		}
	}
	if groups[3].Package != nil {
		t.Error("the last group must be the pile")
	}
	for _, task := range p.Tasks {
		if seen[task.ID] != 1 {
			t.Errorf("task %d appears %d times", task.ID, seen[task.ID])
		}
	}
	if PackageName(p, p.Tasks[2]) != "Software" || PackageName(p, p.Tasks[3]) != "" {
		t.Error("PackageName")
	}
}

func TestRequirementFindingsAndState(t *testing.T) {
	p := requirementsProject()
	f := RequirementFindings(p)
	want := []string{
		FindUnsorted + " Drucker",
		FindPackageNoTarget + " User-Management",
		FindPackageNoCriteria + " User-Management",
		FindPackageEmpty + " Leer",
	}
	wantFindings(t, f, want)
	if f[0].EntityID != 4 || f[1].EntityID != 10 || !IsPackageFinding(f[1]) || IsPackageFinding(f[0]) {
		t.Errorf("entity ids: %+v", f)
	}
	sum := Summarize(p, testDay)[2]
	if sum.State != StateInProgress || sum.Figures[0].Value != 3 || sum.Figures[1].Value != 4 || sum.Figures[2].Value != 1 || sum.Figures[3].Value != 2 {
		t.Errorf("step 3 = %+v", sum)
	}

	// Sort the printer in, describe User-Management, drop the empty package: done.
	p.Tasks[3].PackageID = ptr(20)
	p.Packages[1].TargetState, p.Packages[1].Criteria = "Konten sind am ersten Schultag da.", "Anlage binnen 2 Tagen"
	p.Packages = p.Packages[:2]
	if st := Summarize(p, testDay)[2].State; st != StateDone {
		t.Errorf("state = %v, want done; findings %+v", st, RequirementFindings(p))
	}
	if st := Summarize(&Project{Tasks: p.Tasks}, testDay)[2].State; st != StateOpen {
		t.Errorf("without packages: %v, want open", st)
	}
}
