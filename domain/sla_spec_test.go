package domain

import (
	"fmt"
	"testing"
	"time"
)

func specProject() *Project {
	p := NewProject("S", awNow)
	h := func(v float64) *Effort { return &Effort{Value: v, Unit: HoursPerMonth} }
	p.Packages = []Package{{ID: 1, Name: "Störungsbeseitigung", SortOrder: 2, TargetState: "Störungen werden binnen eines Tages behoben"},
		{ID: 2, Name: "User-Management", SortOrder: 1}, {ID: 3, Name: "Wissensmanagement", SortOrder: 3}}
	p.Tasks = []Task{
		{ID: 1, Name: "WLAN-Störungen beheben", Effort: h(6), PackageID: i64p(1), SortOrder: 1},
		{ID: 2, Name: "Erstlöseversuche", Effort: h(4), PackageID: i64p(1), SortOrder: 2, NewResponsible: "Lehrkraft"},
		{ID: 3, Name: "Konten anlegen", Effort: h(2), PackageID: i64p(2), SortOrder: 3, NewResponsible: ExternalProvider},
		{ID: 4, Name: "Passwörter zurücksetzen", Effort: h(13), PackageID: i64p(2), SortOrder: 4, Responsible: "Sekretariat"},
		{ID: 5, Name: "Wiki pflegen", Effort: h(1), PackageID: i64p(3), SortOrder: 5, NewResponsible: ExternalProvider},
		{ID: 6, Name: "Drucker", Effort: h(2), SortOrder: 6, NewResponsible: ExternalProvider},
	}
	g := NewDefaultSLA("Standard", awDescribe)
	g.ID = 1
	own := NewDefaultSLA("Störungen", awDescribe)
	own.ID, own.PackageID = 2, i64p(1)
	p.SLAs = []SLA{g, own}
	return p
}

func TestServiceSpecFromDecisions(t *testing.T) {
	p := specProject()
	p.Decisions = []SourcingDecision{{ID: 1, PackageID: 1, Outcome: OutcomeExternal}, {ID: 2, PackageID: 2, Outcome: OutcomeMixed},
		{ID: 3, PackageID: 3, Outcome: OutcomeInternal}}
	s := BuildServiceSpec(p)
	// The scope is what step 4 hands out, whatever the decisions say: task 3 (User-Management,
	// gemischt), task 5 (Wissensmanagement, decided intern – a contradiction the thread checks
	// report, but the task does go out) and task 6 (no package). Störungsbeseitigung is decided
	// extern, yet step 4 hands none of its tasks out: it is not tendered.
	if s.Basis != SpecFromDecisions || len(s.Packages) != 3 {
		t.Fatalf("%s %d packages", s.Basis, len(s.Packages))
	}
	um, wm, none := s.Packages[0], s.Packages[1], s.Packages[2]
	if um.Package.ID != 2 || um.Outcome != OutcomeMixed || len(um.Tasks) != 1 || um.Tasks[0].ID != 3 || um.HoursPerMonth != 2 || um.SLA.ID != 1 {
		t.Errorf("User-Management %+v", um)
	}
	if wm.Package.ID != 3 || wm.Outcome != OutcomeInternal || len(wm.Tasks) != 1 || wm.HoursPerMonth != 1 {
		t.Errorf("Wissensmanagement %+v", wm)
	}
	if none.Package.ID != 0 || len(none.Tasks) != 1 || none.Tasks[0].ID != 6 {
		t.Errorf("without package %+v", none)
	}
	// 2 + 1 + 2 = 5 h/month, exactly step 4's hours handed out; only the general SLA applies.
	if s.HoursPerMonth != 5 || s.HoursPerMonth != ExternalHours(p) || len(s.SLAs) != 1 {
		t.Errorf("hours %v (step 4: %v) SLAs %d", s.HoursPerMonth, ExternalHours(p), len(s.SLAs))
	}
}

func TestServiceSpecFromCoverage(t *testing.T) {
	p := specProject()
	s := BuildServiceSpec(p)
	// Without decisions: tasks 3, 5 and 6 were handed out in step 4.
	if s.Basis != SpecFromCoverage || len(s.Packages) != 3 {
		t.Fatalf("%s %+v", s.Basis, s.Packages)
	}
	ids := []int64{s.Packages[0].Package.ID, s.Packages[1].Package.ID, s.Packages[2].Package.ID}
	if ids[0] != 2 || ids[1] != 3 || ids[2] != 0 || s.HoursPerMonth != 5 {
		t.Errorf("order %v hours %v", ids, s.HoursPerMonth)
	}
	// Only the general SLA applies to these packages.
	if len(s.SLAs) != 1 || s.SLAs[0].ID != 1 {
		t.Errorf("SLAs %+v", s.SLAs)
	}
	p.Tasks = nil
	if s := BuildServiceSpec(p); s.Basis != SpecNothing || len(s.SLAs) != 2 {
		t.Errorf("nothing handed out: %s, %d SLAs", s.Basis, len(s.SLAs))
	}
}

func TestServiceTermYears(t *testing.T) {
	start := NewDate(2027, time.August, 1)
	p := &Project{}
	p.Contract.Start, p.Contract.TermMonths = &start, 18
	term := ServiceTerm(p, NewDate(2026, time.May, 4))
	if got := fmt.Sprint(term.Years()); got != "[2027 2028 2029]" || term.End == nil || term.End.Format("2006-01-02") != "2029-01-31" {
		t.Errorf("18 months from 1 Aug 2027: years %s, end %v", got, term.End)
	}
	summer := SchoolHoliday{First: NewDate(2027, time.July, 8), Last: NewDate(2027, time.July, 31)}
	if term.Covers(summer) {
		t.Error("Ferien that end before the contract starts are covered")
	}
	// Open-ended: three years from the start.
	p.Contract.TermMonths = 0
	if got := fmt.Sprint(ServiceTerm(p, NewDate(2026, time.May, 4)).Years()); got != "[2027 2028 2029]" {
		t.Errorf("open-ended: %s", got)
	}
	// No contract: from the tender's publication year.
	p.Contract.Start = nil
	pub := NewDate(2026, time.November, 2)
	p.Tender.PublishedOn = &pub
	if got := fmt.Sprint(ServiceTerm(p, NewDate(2025, time.May, 4)).Years()); got != "[2026 2027 2028]" {
		t.Errorf("from the tender: %s", got)
	}
}
