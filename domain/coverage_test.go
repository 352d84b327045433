package domain

import (
	"errors"
	"math"
	"testing"
)

func TestSetCoverageRules(t *testing.T) {
	owned := Task{Name: "MDM", Responsible: "Teammitglied Schul-IT", NewResponsible: "x"}
	nobody := Task{Name: "Tablets", Responsible: "Noch nicht definiert"}

	got, err := SetCoverage(owned, CoverageKeep, "Externer Dienstleister")
	if err != nil || got.Coverage != CoverageKeep || got.NewResponsible != "" {
		t.Errorf("keep: %+v %v (the new responsible is today's one, the field is cleared)", got, err)
	}
	if ResponsibleAfter(got) != "Teammitglied Schul-IT" {
		t.Errorf("after keep: %q", ResponsibleAfter(got))
	}
	if _, err := SetCoverage(nobody, CoverageKeep, ""); !errors.Is(err, ErrKeepWithoutResponsible) {
		t.Errorf("keep without responsible: %v", err)
	}
	if _, err := SetCoverage(owned, CoverageChange, " teammitglied  schul-it "); !errors.Is(err, ErrChangeToSame) {
		t.Errorf("change to the same person: %v", err)
	}
	got, err = SetCoverage(owned, CoverageChange, "  Externer Dienstleister ")
	if err != nil || got.NewResponsible != "Externer Dienstleister" || ResponsibleAfter(got) != ExternalProvider {
		t.Errorf("change: %+v %v", got, err)
	}
	got, err = SetCoverage(nobody, CoverageAssign, "")
	if err != nil || got.Coverage != CoverageAssign || ResponsibleAfter(got) != "Noch nicht definiert" {
		t.Errorf("assign without a name yet: %+v %v", got, err)
	}
	if _, err := SetCoverage(owned, "maybe", ""); !errors.Is(err, ErrCoverageUnknown) {
		t.Errorf("unknown state: %v", err)
	}
	if _, err := SetCoverage(owned, CoverageChange, "a\nb"); !errors.Is(err, ErrNewResponsibleBad) {
		t.Errorf("line break in name: %v", err)
	}
	got, _ = SetCoverage(owned, CoverageUnset, "y")
	if got.Coverage != CoverageUnset || got.NewResponsible != "" {
		t.Errorf("unset: %+v", got)
	}
	// The task rule agrees: a stored "keep" without anyone responsible is refused.
	if err := (Task{Name: "x", Coverage: CoverageKeep}).Validate(); !errors.Is(err, ErrKeepWithoutResponsible) {
		t.Errorf("Validate: %v", err)
	}
	if SuggestedCoverage(nobody) != CoverageAssign || SuggestedCoverage(owned) != CoverageUnset {
		t.Error("SuggestedCoverage")
	}
}

func TestCoverageColoursDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range CoverageStates {
		col := CoverageColor(c)
		if !ValidColor(col) || seen[col] {
			t.Errorf("%s: colour %q", c, col)
		}
		seen[col] = true
	}
	if CoverageColor(CoverageUnset) != "" {
		t.Error("unset has no colour")
	}
}

func TestExternalProviderSpellings(t *testing.T) {
	for _, s := range []string{"Externer Dienstleister", "externe  Dienstleister", "IT-Dienstleister"} {
		if !IsExternalProvider(s) {
			t.Errorf("%q not recognised", s)
		}
	}
	if IsExternalProvider("Teammitglied Schul-IT") {
		t.Error("false positive")
	}
}

// coverageProject is the seed's Abb. 8 plus one more task for the teacher.
func coverageProject() *Project {
	p := &Project{Settings: DefaultSettings()}
	p.Tasks = []Task{
		{ID: 1, Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: &Effort{2, HoursPerMonth},
			Coverage: CoverageChange, NewResponsible: "Externe Dienstleister"},
		{ID: 2, Name: "Erstlöseversuche", Responsible: "Lehrkraft mit Entlastungsstunden", Effort: &Effort{4, HoursPerMonth},
			Coverage: CoverageChange, NewResponsible: ExternalProvider},
		{ID: 3, Name: "Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: &Effort{2, HoursPerMonth}, Coverage: CoverageKeep},
		{ID: 4, Name: "Wartung der Schüler-Tablets", Responsible: "Noch nicht definiert", Effort: &Effort{10, HoursPerMonth},
			Coverage: CoverageAssign, NewResponsible: ExternalProvider},
		{ID: 5, Name: "Passwörter", Responsible: "lehrkraft mit entlastungsstunden", Effort: &Effort{3, HoursPerWeek}},
	}
	return p
}

func TestWorkloadBeforeAfter(t *testing.T) {
	p := coverageProject()
	p.Config = map[string]string{ConfigWorkload: WorkloadSettings{DefaultLimit: 40}.WithLimit("Lehrkraft mit Entlastungsstunden", 8).JSON()}
	rows := Workload(p)
	// Before: teacher 4 + 13 = 17, team 2 + 2 = 4, nobody 10, external 0.
	// After: external 2 + 4 + 10 = 16, teacher 13 (passwords), team 2 (MDM).
	want := []WorkloadRow{
		{Responsible: "Lehrkraft mit Entlastungsstunden", Before: 17, After: 13, TasksBefore: 2, TasksAfter: 1, Limit: 8, HasLimit: true},
		{Responsible: ExternalProvider, Before: 0, After: 16, TasksBefore: 0, TasksAfter: 3, External: true},
		{Responsible: "Teammitglied Schul-IT", Before: 4, After: 2, TasksBefore: 2, TasksAfter: 1, Limit: 40, HasLimit: true},
		{Responsible: "", Before: 10, After: 0, TasksBefore: 1, TasksAfter: 0},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %+v", rows)
	}
	for i := range want {
		g, w := rows[i], want[i]
		if g.Responsible != w.Responsible || math.Abs(g.Before-w.Before) > 1e-9 || math.Abs(g.After-w.After) > 1e-9 ||
			g.TasksBefore != w.TasksBefore || g.TasksAfter != w.TasksAfter || g.Limit != w.Limit || g.HasLimit != w.HasLimit || g.External != w.External {
			t.Errorf("row %d = %+v, want %+v", i, g, w)
		}
	}
	if !rows[0].OverBefore() || !rows[0].OverAfter() || rows[2].OverAfter() || rows[1].OverAfter() {
		t.Error("overload flags")
	}
	if h := ExternalHours(p); h != 16 {
		t.Errorf("external hours %v, want 16", h)
	}
}

func TestCoverageFindingsAndState(t *testing.T) {
	p := coverageProject()
	p.Tasks[0].NewResponsible = "" // change, but to whom?
	p.Config = map[string]string{ConfigWorkload: `{"defaultLimit":0,"limits":{"Lehrkraft mit Entlastungsstunden":8}}`}
	f := CoverageFindings(p)
	want := []string{
		FindNoNewResponsible + " IServ-Nutzer anlegen",
		FindNoCoverage + " Passwörter",
		FindOverloaded + " Lehrkraft mit Entlastungsstunden",
	}
	wantFindings(t, f, want)
	sum := Summarize(p, testDay)[3]
	if sum.State != StateInProgress {
		t.Errorf("state %v", sum.State)
	}
	figs := map[string]float64{}
	for _, x := range sum.Figures {
		figs[x.Key] = x.Value
	}
	// External after: Erstlöseversuche 4 + Tablets 10 (IServ has no new responsible yet).
	if figs["fig.coverage.keep"] != 1 || figs["fig.coverage.change"] != 2 || figs["fig.coverage.assign"] != 1 ||
		figs["fig.coverage.external_hours"] != 14 || figs["fig.coverage.overloaded"] != 1 {
		t.Errorf("figures = %v", figs)
	}

	// Decide the rest and relieve the teacher: done.
	p.Tasks[0].NewResponsible = ExternalProvider
	p.Tasks[4].Coverage, p.Tasks[4].NewResponsible = CoverageChange, "Teammitglied Schul-IT"
	if st := Summarize(p, testDay)[3].State; st != StateDone {
		t.Errorf("state = %v, findings %+v", st, CoverageFindings(p))
	}
	if st := Summarize(&Project{Tasks: []Task{{Name: "x"}}}, testDay)[3].State; st != StateOpen {
		t.Errorf("nothing decided: %v", st)
	}
}

func TestAssignOnOwnedTaskIsAWarning(t *testing.T) {
	p := &Project{Tasks: []Task{{ID: 1, Name: "x", Responsible: "A", Coverage: CoverageAssign, NewResponsible: "B"}}}
	f := CoverageFindings(p)
	if len(f) != 1 || f[0].Code != FindAssignHasOwner || f[0].Severity != SeverityWarning {
		t.Errorf("findings = %+v", f)
	}
}

func TestWorkloadSettings(t *testing.T) {
	w := WorkloadSettings{DefaultLimit: 20}.WithLimit(" Schulleitung ", 5)
	if v, ok := w.LimitFor("schulleitung"); !ok || v != 5 {
		t.Errorf("own limit %v %v", v, ok)
	}
	if v, ok := w.LimitFor("Sekretariat"); !ok || v != 20 {
		t.Errorf("default limit %v %v", v, ok)
	}
	if _, ok := w.LimitFor(ExternalProvider); ok {
		t.Error("the external provider has no limit")
	}
	if w2 := w.WithLimit("SCHULLEITUNG", 0); len(w2.Limits) != 0 {
		t.Errorf("removing a limit left %v", w2.Limits)
	}
	for _, bad := range []WorkloadSettings{{DefaultLimit: -1}, {DefaultLimit: math.NaN()}, {DefaultLimit: 745}, {Limits: map[string]float64{"": 3}}} {
		if bad.Validate() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	p := &Project{Config: map[string]string{ConfigWorkload: `{"defaultLimit":-5}`}}
	if got := WorkloadSettingsOf(p); got.DefaultLimit != 0 {
		t.Errorf("an invalid entry must read as no limits: %+v", got)
	}
}

func TestResponsibleSuggestions(t *testing.T) {
	got := ResponsibleSuggestions(coverageProject())
	want := []string{ExternalProvider, "Lehrkraft mit Entlastungsstunden", "Teammitglied Schul-IT"}
	if len(got) != len(want) {
		t.Fatalf("suggestions = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("suggestion %d = %q, want %q", i, got[i], want[i])
		}
	}
}
