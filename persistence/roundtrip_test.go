package persistence

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"schulit-lotse/domain"
)

// roundTrip creates a project file at path, closes it, opens it again and loads the project.
func roundTrip(t *testing.T, path string, p *domain.Project) *domain.Project {
	t.Helper()
	f, err := Create(path, p, OpenOptions{})
	if err != nil {
		t.Fatalf("Create(%q, OpenOptions{}): %v", path, err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatalf("lock file left after Close: %v", err)
	}
	f, err = Open(path, OpenOptions{})
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	defer f.Close()
	got, err := f.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return got
}

func TestRoundTripEveryField(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Schul-IT Planung Jürgen.lotse")
	want := fullProject()
	got := roundTrip(t, path, fullProject())
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("project changed on the way through the file:\n%s", diffProjects(want, got))
	}
	// The file is where the name says, not under an escaped name.
	ents, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != "Schul-IT Planung Jürgen.lotse" {
		t.Fatalf("directory holds %v, want only the project file", names(ents))
	}
}

// A project whose optional parts are all empty comes back with the same content.
func TestRoundTripEmptyProject(t *testing.T) {
	p := domain.NewProject("Leer", domain.NewDate(2026, 1, 2).Time)
	got := roundTrip(t, filepath.Join(t.TempDir(), "leer.lotse"), p)
	if !reflect.DeepEqual(withEmptyLists(got), withEmptyLists(p)) {
		t.Fatalf("empty project changed:\n%s", diffProjects(p, got))
	}
}

func names(ents []os.DirEntry) []string {
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// diffProjects names the top-level parts that differ, with both values.
func diffProjects(want, got *domain.Project) string {
	var s string
	wv, gv := reflect.ValueOf(*want), reflect.ValueOf(*got)
	for i := 0; i < wv.NumField(); i++ {
		if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
			s += "  " + wv.Type().Field(i).Name + ":\n    want " + sprint(wv.Field(i).Interface()) + "\n    got  " + sprint(gv.Field(i).Interface()) + "\n"
		}
	}
	return s
}

// LoadPlan reads everything but the monitoring raw data.
func TestLoadPlanLeavesOutTheRawData(t *testing.T) {
	f := newTestFile(t, "Plan.lotse", fullProject())
	all := mustLoad(t, f)
	plan, err := f.LoadPlan()
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Tickets) == 0 || len(all.Calls) == 0 || len(all.SurveyAnswers) == 0 {
		t.Fatal("the fixture has no raw data")
	}
	if len(plan.Tickets)+len(plan.Calls)+len(plan.SurveyAnswers) != 0 {
		t.Errorf("plan holds %d tickets, %d calls, %d answers", len(plan.Tickets), len(plan.Calls), len(plan.SurveyAnswers))
	}
	plan.Tickets, plan.Calls, plan.SurveyAnswers = all.Tickets, all.Calls, all.SurveyAnswers
	if !reflect.DeepEqual(plan, all) {
		t.Error("LoadPlan differs from Load in more than the raw data")
	}
}
