package domain

import (
	"reflect"
	"testing"
)

// threadProject has one contradiction per thread rule:
//   - User-Management decided intern, task 1 handed out by step 4;
//   - Hardware decided extern, task 3 kept;
//   - Software decided gemischt, its only task 4 kept;
//   - the category "Konten" maps to the intern package User-Management;
//   - the Jour fixe every 30 days from 4 January: on 14 July 2027 (191 days later) 191/30 + 1 = 7
//     are due, 3 are minuted, and 2·3 < 7;
//   - the RACI makes the provider R for "Konten pflegen" of the intern User-Management, and no
//     activity belongs to Hardware, whose tablets go out;
//   - the second Jour fixe names "maren ohlsen" as a guest, although she is person 21.
func threadProject() *Project {
	p := NewProject("Faden", awNow)
	h := func(v float64) *Effort { return &Effort{Value: v, Unit: HoursPerMonth} }
	p.Packages = []Package{{ID: 1, Name: "User-Management", SortOrder: 1}, {ID: 2, Name: "Hardware", SortOrder: 2},
		{ID: 3, Name: "Software", SortOrder: 3}}
	p.Tasks = []Task{
		{ID: 1, Name: "Konten anlegen", Effort: h(2), PackageID: i64p(1), SortOrder: 1, Responsible: "Team", Coverage: CoverageChange, NewResponsible: ExternalProvider},
		{ID: 2, Name: "Passwörter", Effort: h(3), PackageID: i64p(1), SortOrder: 2, Responsible: "Team", Coverage: CoverageKeep},
		{ID: 3, Name: "Drucker", Effort: h(1), PackageID: i64p(2), SortOrder: 3, Responsible: "Sekretariat", Coverage: CoverageKeep},
		{ID: 5, Name: "Tablets", Effort: h(5), PackageID: i64p(2), SortOrder: 4, Coverage: CoverageAssign, NewResponsible: ExternalProvider},
		{ID: 4, Name: "MDM", Effort: h(2), PackageID: i64p(3), SortOrder: 5, Responsible: "Team", Coverage: CoverageKeep},
	}
	p.Decisions = []SourcingDecision{{ID: 1, PackageID: 1, Outcome: OutcomeInternal}, {ID: 2, PackageID: 2, Outcome: OutcomeExternal},
		{ID: 3, PackageID: 3, Outcome: OutcomeMixed}}
	p.Config = map[string]string{ConfigTicketMapping: ConfigJSON(TicketMapping{Categories: map[string]int64{"Konten": 1, "Drucker": 2}})}
	first := NewDate(2027, 1, 4)
	p.Meetings = []Meeting{{ID: 9, Name: "Jour fixe", CadenceDays: 30, FirstDate: &first}, {ID: 10, Name: "Steuerungsrunde", CadenceDays: 91, FirstDate: &first}}
	p.Persons = []Person{{ID: 21, Name: "Maren Ohlsen", Party: PartyProvider}}
	maren := int64(21)
	p.JourFixes = []JourFixe{{ID: 1, Date: NewDate(2027, 2, 3), Participants: []Attendee{{PersonID: &maren}}},
		{ID: 2, Date: NewDate(2027, 4, 6), Participants: []Attendee{{Guest: "Anna Berger"}, {Guest: "maren  ohlsen", Note: "bei Bedarf"}}},
		{ID: 3, Date: NewDate(2027, 7, 6)}}
	p.Roles = []Role{{ID: 1, Name: "IT-Koordination", Party: PartyCarrier}, {ID: 2, Name: "Service Desk", Party: PartyProvider}}
	p.RaciActivities = []RaciActivity{{ID: 7, Process: "Konten", Name: "Konten pflegen", PackageID: i64p(1), SortOrder: 1},
		{ID: 8, Process: "Konten", Name: "Änderungen melden", PackageID: i64p(1), SortOrder: 2}}
	p.RaciAssignments = []RaciAssignment{{ActivityID: 7, RoleID: 2, Letter: RaciResponsible}, {ActivityID: 7, RoleID: 1, Letter: RaciAccountable},
		{ActivityID: 8, RoleID: 1, Letter: RaciResponsible}}
	return p
}

func TestEachThreadRuleFiresOnce(t *testing.T) {
	p := threadProject()
	fs := ThreadFindings(p, NewDate(2027, 7, 14))
	got := map[string][]Finding{}
	for _, f := range fs {
		got[f.Rule] = append(got[f.Rule], f)
	}
	for _, r := range ThreadRules {
		if len(got[r.Key]) != 1 {
			t.Errorf("rule %s fired %d times: %+v", r.Key, len(got[r.Key]), got[r.Key])
		}
	}
	want := map[string][]Ref{
		RuleInternHandedOut:    {{"package", 1, "User-Management"}, {"task", 1, "Konten anlegen"}},
		RuleExternKept:         {{"package", 2, "Hardware"}, {"task", 3, "Drucker"}},
		RuleNothingHandedOut:   {{"package", 3, "Software"}},
		RuleCategoryInternal:   {{"category", 0, "Konten"}, {"package", 1, "User-Management"}},
		RuleJourFixeCadence:    {{"meeting", 9, "Jour fixe"}},
		RuleRaciProviderIntern: {{"package", 1, "User-Management"}, {"activity", 7, "Konten pflegen"}},
		RuleRaciMissing:        {{"package", 2, "Hardware"}},
		RuleGuestIsPerson:      {{"person", 21, "Maren Ohlsen"}, {"jourfixe", 2, "2027-04-06"}},
	}
	for rule, objects := range want {
		if fs := got[rule]; len(fs) == 1 && !reflect.DeepEqual(fs[0].Objects, objects) {
			t.Errorf("%s names %+v, want %+v", rule, fs[0].Objects, objects)
		}
	}
	if f := got[RuleJourFixeCadence]; len(f) == 1 && (f[0].Subject != "Jour fixe: 3/7" || f[0].Step != StepMonitoring) {
		t.Errorf("cadence finding %+v", f[0])
	}
	// Step 6 lists the first three, step 4 too; check lists each once.
	sums := Summarize(p, NewDate(2027, 7, 14))
	count := func(step StepID) int {
		n := 0
		for _, f := range sums[step-1].Findings {
			if f.Rule != "" {
				n++
			}
		}
		return n
	}
	// Step 6: intern/extern/nothing/category/RACI-intern = 5; step 4: the three decision rules
	// and the missing RACI = 4; step 12: category, cadence and the guest = 3; step 11: cadence,
	// both RACI rules and the guest = 4.
	if count(StepSourcing) != 5 || count(StepCoverage) != 4 || count(StepTender) != 1 || count(StepMonitoring) != 3 || count(StepStructure) != 4 {
		t.Errorf("thread findings per step: 6:%d 4:%d 8:%d 12:%d 11:%d", count(StepSourcing), count(StepCoverage), count(StepTender), count(StepMonitoring), count(StepStructure))
	}
	n := 0
	for _, f := range AllFindings(p, NewDate(2027, 7, 14)) {
		if f.Rule != "" {
			n++
		}
	}
	if n != len(ThreadRules) {
		t.Errorf("AllFindings lists %d thread findings, want %d", n, len(ThreadRules))
	}
}

// When decisions and step 4 agree, nothing fires: the package decisions follow the hand-outs,
// the intern package's category is unmapped and the Jour fixe is held.
func TestConsistentThreadHasNoFindings(t *testing.T) {
	p := threadProject()
	p.Decisions[0].Outcome = OutcomeMixed    // UM: one task out, one kept
	p.Decisions[1].Outcome = OutcomeMixed    // Hardware: one out, one kept
	p.Decisions[2].Outcome = OutcomeInternal // Software: kept
	p.Config = nil
	p.RaciActivities[1].PackageID = i64p(2) // an activity for Hardware
	// Every 30 days from 4 Jan to 14 Jul: 7 due; 4 minuted is more than half.
	p.JourFixes = append(p.JourFixes, JourFixe{ID: 4, Date: NewDate(2027, 6, 1)})
	// Maren is referred to; Anna Berger is nobody's person and stays a guest.
	maren := int64(21)
	p.JourFixes[1].Participants[1] = Attendee{PersonID: &maren, Note: "bei Bedarf"}
	if fs := ThreadFindings(p, NewDate(2027, 7, 14)); len(fs) != 0 {
		t.Errorf("findings %+v", fs)
	}
}

// An OLA for the intern package satisfies the category rule: its tickets are measured against
// what the own staff promise. An OLA of another package does not.
func TestCategoryOfAnInternPackageWithOLAIsContent(t *testing.T) {
	p := threadProject()
	p.SLAs = []SLA{{ID: 1, Name: "OLA Hardware", PackageID: i64p(2), Internal: true}}
	if fs := checkCategoryInternal(p, NewDate(2027, 7, 14)); len(fs) != 1 {
		t.Fatalf("an OLA of another package: %+v", fs)
	}
	p.SLAs = append(p.SLAs, SLA{ID: 2, Name: "OLA User-Management", PackageID: i64p(1), Internal: true})
	if fs := checkCategoryInternal(p, NewDate(2027, 7, 14)); len(fs) != 0 {
		t.Fatalf("with its OLA: %+v", fs)
	}
	if l := LevelInForce(p, i64p(1)); l == nil || l.ID != 2 {
		t.Errorf("level of the intern package: %+v", l)
	}
	// The OLA is no provider SLA: not general, not in the Leistungsbeschreibung, never frozen.
	if SLAFor(p, nil) != nil || len(WorkingSLAs(p)) != 0 || len(OLAs(p)) != 2 || len(FrozenCopies(p)) != 0 {
		t.Errorf("OLAs counted as SLAs: general %v, working %d, OLAs %d", SLAFor(p, nil), len(WorkingSLAs(p)), len(OLAs(p)))
	}
	if err := ValidateSLAIn(p, SLA{ID: 3, Name: "OLA ohne Paket", Internal: true}); err != ErrOLAPackage {
		t.Errorf("OLA without package: %v", err)
	}
	if err := ValidateSLAIn(p, SLA{ID: 3, Name: "Zweites OLA", PackageID: i64p(1), Internal: true}); err != ErrSLAPackageTaken {
		t.Errorf("second OLA of a package: %v", err)
	}
	if err := ValidateSLAIn(p, SLA{ID: 3, Name: "SLA User-Management", PackageID: i64p(1)}); err != nil {
		t.Errorf("an SLA beside the OLA: %v", err)
	}
}
