package domain

import (
	"math"
	"reflect"
	"testing"
)

func seedProject() *Project {
	p := NewProject("Musterstadt", NewDate(2026, 11, 1).Time)
	from := NewDate(2027, 8, 1)
	p.Tasks = []Task{
		{ID: 1, Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: &Effort{2, HoursPerMonth}, Priority: Priority{4}},
		{ID: 2, Name: "Erstlöseversuche bei Störungen in Schule", Responsible: "Lehrkraft mit Entlastungsstunden", Effort: &Effort{4, HoursPerMonth}, Priority: Priority{5}, Critical: true},
		{ID: 3, Name: "Zuweisen von Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: &Effort{2, HoursPerMonth}},
		{ID: 4, Name: "Neu: Wartung der Schüler-Tablets", Responsible: "Noch nicht definiert", Effort: &Effort{10, HoursPerMonth}, IsNew: true, ValidFrom: &from, Priority: Priority{4}},
		{ID: 5, Name: "iserv-nutzer  anlegen", Responsible: "Teammitglied Schul-IT", Priority: Priority{2}},
	}
	return p
}

func TestTaskFindings(t *testing.T) {
	p := seedProject()
	got := TaskFindings(p)
	want := []Finding{
		{Step: StepInventory, Severity: SeverityWarning, Code: FindDuplicateName, Subject: "IServ-Nutzer anlegen", EntityID: 1},
		{Step: StepNeeds, Severity: SeverityQuestion, Code: FindNoPriority, Subject: "Zuweisen von Updates im MDM", EntityID: 3},
		{Step: StepInventory, Severity: SeverityQuestion, Code: FindNoResponsible, Subject: "Neu: Wartung der Schüler-Tablets", EntityID: 4},
		{Step: StepInventory, Severity: SeverityQuestion, Code: FindNoEffort, Subject: "iserv-nutzer  anlegen", EntityID: 5},
		{Step: StepInventory, Severity: SeverityWarning, Code: FindDuplicateName, Subject: "iserv-nutzer  anlegen", EntityID: 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findings:\n got %+v\nwant %+v", got, want)
	}
	// Filling in what is missing makes the questions go away: they are derived, never stored.
	p.Tasks[2].Priority = Priority{3}
	p.Tasks[3].Responsible = "Externer Dienstleister"
	p.Tasks[4].Name = "Lizenzen verwalten"
	p.Tasks[4].Effort = &Effort{1, HoursPerWeek}
	if got := TaskFindings(p); len(got) != 0 {
		t.Fatalf("expected no findings, got %+v", got)
	}
	p.Tasks[3].ValidFrom = nil
	if got := TaskFindings(p); len(got) != 1 || got[0].Code != FindNewNoDate {
		t.Fatalf("new task without date: got %+v", got)
	}
}

func TestDuplicateNames(t *testing.T) {
	got := DuplicateNames(seedProject().Tasks)
	if !reflect.DeepEqual(got, []string{"IServ-Nutzer anlegen"}) {
		t.Fatalf("got %v", got)
	}
}

func TestHoursByResponsible(t *testing.T) {
	p := seedProject()
	p.Tasks[2].Responsible = " Teammitglied Schul-IT " // spaces do not make a second person
	got := HoursByResponsible(p)
	// Teammitglied: 2 + 2 + 0 = 4 h (3 tasks); nobody ("Noch nicht definiert"): 10 h; Lehrkraft: 4 h.
	want := []ResponsibleHours{
		{Responsible: "", Hours: 10, Tasks: 1},
		{Responsible: "Lehrkraft mit Entlastungsstunden", Hours: 4, Tasks: 1},
		{Responsible: "Teammitglied Schul-IT", Hours: 4, Tasks: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if total := TotalHoursPerMonth(p); total != 18 {
		t.Fatalf("total: got %v, want 18", total)
	}
	p.Tasks[3].NewResponsible = ExternalProvider
	after := HoursByNewResponsible(p)
	if after[0].Responsible != ExternalProvider || after[0].Hours != 10 {
		t.Fatalf("after reassignment: got %+v", after)
	}
}

func TestValidateSettings(t *testing.T) {
	if err := ValidateSettings(DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []Settings{
		{HoursPerPersonDay: 0, PriorityMode: PriorityRanking},
		{HoursPerPersonDay: 25, PriorityMode: PriorityRanking},
		{HoursPerPersonDay: math.NaN(), PriorityMode: PriorityRanking},
		{HoursPerPersonDay: 8, PriorityMode: "stars"},
	} {
		if ValidateSettings(s) == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}

func TestSummarize(t *testing.T) {
	p := seedProject()
	sum := Summarize(p, testDay)
	if len(sum) != 12 {
		t.Fatalf("got %d steps", len(sum))
	}
	if sum[0].State != StateInProgress || sum[1].State != StateInProgress {
		t.Fatalf("steps 1–2 with open questions must be in progress: %v %v", sum[0].State, sum[1].State)
	}
	if sum[0].Figures[0].Value != 5 || sum[0].Figures[1].Value != 18 {
		t.Fatalf("figures: %+v", sum[0].Figures)
	}
	for _, s := range sum[2:] {
		if s.State != StateOpen {
			t.Fatalf("step %d: %+v", s.Number, s)
		}
	}
	empty := NewProject("leer", NewDate(2026, 1, 1).Time)
	if st := Summarize(empty, testDay)[0].State; st != StateOpen {
		t.Fatalf("empty project step 1: %v", st)
	}
}

// testDay is the day tests judge dates on when the day does not matter.
var testDay = NewDate(2026, 11, 2)

// A task nobody does today stops being an open question of step 1 once step 4 names who will.
func TestNoResponsibleAnsweredByStep4(t *testing.T) {
	p := &Project{Tasks: []Task{{ID: 1, Name: "Tablets", Responsible: "Noch nicht definiert", Effort: &Effort{Value: 1, Unit: HoursPerMonth}}}}
	if fs := findingsOfStep(TaskFindings(p), StepInventory); len(fs) != 1 || fs[0].Code != FindNoResponsible {
		t.Fatalf("before step 4: %+v", fs)
	}
	p.Tasks[0].Coverage, p.Tasks[0].NewResponsible = CoverageAssign, ExternalProvider
	if fs := findingsOfStep(TaskFindings(p), StepInventory); len(fs) != 0 {
		t.Errorf("after step 4 assigned it: %+v", fs)
	}
}

// 99,999 h/month cannot be; a person at 210 h/month is more than a full post.
func TestImplausibleEfforts(t *testing.T) {
	s := DefaultSettings()
	big := Task{Name: "Tippfehler", Responsible: "Team", Effort: &Effort{Value: 99999, Unit: HoursPerMonth}}
	if err := PlausibleEffort(big, s); err != ErrEffortImplausible {
		t.Errorf("99,999 h/month: %v", err)
	}
	// 168 h/week · 52/12 = 728 h/month: just inside; 169 h/week = 732.3 h: outside.
	if err := PlausibleEffort(Task{Effort: &Effort{Value: 168, Unit: HoursPerWeek}}, s); err != nil {
		t.Errorf("168 h/week: %v", err)
	}
	if err := PlausibleEffort(Task{Effort: &Effort{Value: 169, Unit: HoursPerWeek}}, s); err != ErrEffortImplausible {
		t.Errorf("169 h/week: %v", err)
	}
	// Team: 150 + 60 = 210 h/month > 200.
	p := &Project{Settings: s, Tasks: []Task{
		{ID: 1, Name: "A", Responsible: "Team", Effort: &Effort{Value: 150, Unit: HoursPerMonth}, Priority: Priority{Rank: 3}},
		{ID: 2, Name: "B", Responsible: "Team", Effort: &Effort{Value: 60, Unit: HoursPerMonth}, Priority: Priority{Rank: 3}},
		{ID: 3, Name: "C", Responsible: "Sekretariat", Effort: &Effort{Value: 99999, Unit: HoursPerMonth}, Priority: Priority{Rank: 3}},
	}}
	var codes []string
	for _, f := range TaskFindings(p) {
		codes = append(codes, f.Code+" "+f.Subject)
	}
	want := []string{FindImplausible + " C", FindPersonTooMuch + " Sekretariat", FindPersonTooMuch + " Team"}
	if len(codes) != 3 || !containsAll(codes, want) {
		t.Errorf("findings %v, want %v", codes, want)
	}
}

func containsAll(have, want []string) bool {
	set := map[string]bool{}
	for _, h := range have {
		set[h] = true
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}

// A step can be complete while its findings are warnings only; one question or error holds it.
func TestOnlyWarnings(t *testing.T) {
	w, q, e := Finding{Severity: SeverityWarning}, Finding{Severity: SeverityQuestion}, Finding{Severity: SeverityError}
	cases := []struct {
		name string
		f    []Finding
		want bool
	}{
		{"none", nil, true},
		{"two warnings", []Finding{w, w}, true},
		{"a warning and a question", []Finding{w, q}, false},
		{"an error", []Finding{e}, false},
	}
	for _, c := range cases {
		if got := onlyWarnings(c.f); got != c.want {
			t.Errorf("%s: onlyWarnings = %v, want %v", c.name, got, c.want)
		}
	}
}
