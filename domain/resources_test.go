package domain

import (
	"math"
	"slices"
	"testing"
	"time"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func planFor(year int, weekly, leave, sick, other float64) ResourcePlan {
	return ResourcePlan{PlanningYear: year, WeeklyHours: weekly, LeaveDays: leave, SickDays: sick, OtherAbsenceDays: other, VerteilzeitPercent: 10}
}

// Jahresarbeitszeit worked out by hand with a calendar: weekdays of the year, the weekday public
// holidays of the state, then (weekdays − holidays − leave − sick − other) × weekly hours / 5.
func TestWorkingTimeByHand(t *testing.T) {
	cases := []struct {
		name     string
		state    Bundesland
		plan     ResourcePlan
		weekdays int
		holidays int
		netDays  float64
		hours    float64
	}{
		// 2027 starts on a Friday and has 365 days: 52 weeks (260 weekdays) + Friday 31.12. = 261.
		// NI: Neujahr Fr, Karfreitag Fr 26.3., Ostermontag Mo 29.3., Himmelfahrt Do 6.5., Pfingstmontag
		// Mo 17.5.; 1.5. Sa, 3.10. So, 31.10. So, 25.12. Sa, 26.12. So fall on the weekend → 5.
		// (261 − 5 − 30 − 10) = 216 days × 7,8 h = 1.684,8 h.
		{"NI 2027 defaults", "NI", planFor(2027, 39, 30, 10, 0), 261, 5, 216, 1684.8},
		// 2026 starts on a Thursday: 261 weekdays. BY: Neujahr Do, Hl. Drei Könige Di, Karfreitag
		// Fr 3.4., Ostermontag Mo 6.4., 1.5. Fr, Himmelfahrt Do 14.5., Pfingstmontag Mo 25.5.,
		// Fronleichnam Do 4.6., 25.12. Fr → 9 (3.10. Sa, Allerheiligen So, 26.12. Sa).
		// (261 − 9 − 30 − 10) = 212 × 7,8 = 1.653,6 h.
		{"BY 2026 defaults", "BY", planFor(2026, 39, 30, 10, 0), 261, 9, 212, 1653.6},
		// 2025 starts on a Wednesday: 261 weekdays. BE: Neujahr Mi, Karfreitag Fr 18.4.,
		// Ostermontag Mo 21.4., 1.5. Do, Tag der Befreiung Do 8.5. (only 2025), Himmelfahrt Do
		// 29.5., Pfingstmontag Mo 9.6., 3.10. Fr, 25.12. Do, 26.12. Fr → 10 (Frauentag 8.3. is a
		// Saturday). 40 h week, 30 leave, 12 sick, 2 other: (261 − 10 − 30 − 12 − 2) = 207 × 8 = 1.656 h.
		{"BE 2025 40h", "BE", planFor(2025, 40, 30, 12, 2), 261, 10, 207, 1656},
		// 2022 starts on a Saturday: 260 weekdays. MV without Frauentag (only since 2023):
		// Karfreitag Fr 15.4., Ostermontag Mo 18.4., Himmelfahrt Do 26.5., Pfingstmontag Mo 6.6.,
		// 3.10. Mo, Reformationstag Mo 31.10., 26.12. Mo → 7 (Neujahr Sa, 1.5. So, 25.12. So).
		// (260 − 7 − 30 − 10) = 213 × 7,8 = 1.661,4 h.
		{"MV 2022", "MV", planFor(2022, 39, 30, 10, 0), 260, 7, 213, 1661.4},
		// 2023 starts on a Sunday: 260 weekdays. MV now with Frauentag Mi 8.3.: Karfreitag Fr 7.4.,
		// Ostermontag Mo 10.4., 1.5. Mo, Himmelfahrt Do 18.5., Pfingstmontag Mo 29.5., 3.10. Di,
		// 31.10. Di, 25.12. Mo, 26.12. Di → 10 (Neujahr So). (260 − 10 − 30 − 10) = 210 × 7,8 = 1.638 h.
		{"MV 2023", "MV", planFor(2023, 39, 30, 10, 0), 260, 10, 210, 1638},
		// 2018 starts on a Monday: 261 weekdays. NI keeps Reformationstag from 2018: Neujahr Mo,
		// Karfreitag Fr 30.3., Ostermontag Mo 2.4., 1.5. Di, Himmelfahrt Do 10.5., Pfingstmontag Mo
		// 21.5., 3.10. Mi, 31.10. Mi, 25.12. Di, 26.12. Mi → 10. A 41 h week: 8,2 h a day.
		// (261 − 10 − 30 − 10) = 211 × 8,2 = 1.730,2 h.
		{"NI 2018 41h", "NI", planFor(2018, 41, 30, 10, 0), 261, 10, 211, 1730.2},
	}
	for _, c := range cases {
		w := WorkingTimeOf(c.plan, c.state)
		if w.Weekdays != c.weekdays || w.Holidays != c.holidays || !near(w.NetDays, c.netDays) || !near(w.Hours, c.hours) {
			t.Errorf("%s: weekdays %d holidays %d net %v hours %v; want %d %d %v %v",
				c.name, w.Weekdays, w.Holidays, w.NetDays, w.Hours, c.weekdays, c.holidays, c.netDays, c.hours)
		}
	}
}

func TestWorkingTimeWithoutDaysLeft(t *testing.T) {
	w := WorkingTimeOf(planFor(2027, 39, 200, 60, 0), "NI") // 261 − 5 − 260 < 0
	if w.Hours != 0 || w.NetDays >= 0 {
		t.Errorf("no working days left must give 0 h, got %+v", w)
	}
	if err := ValidateResourcePlan(planFor(2027, 39, 200, 60, 0), "NI"); err != ErrResourceNoWorkingDays {
		t.Errorf("validate: %v", err)
	}
}

func TestValidateResourcePlan(t *testing.T) {
	ok := DefaultResourcePlan()
	if err := ValidateResourcePlan(ok, "NI"); err != nil {
		t.Fatalf("defaults refused: %v", err)
	}
	bad := []struct {
		change func(r *ResourcePlan)
		want   error
	}{
		{func(r *ResourcePlan) { r.PlanningYear = 1999 }, ErrResourceYear},
		{func(r *ResourcePlan) { r.WeeklyHours = 0 }, ErrResourceWeeklyHours},
		{func(r *ResourcePlan) { r.WeeklyHours = 61 }, ErrResourceWeeklyHours},
		{func(r *ResourcePlan) { r.WeeklyHours = math.NaN() }, ErrResourceWeeklyHours},
		{func(r *ResourcePlan) { r.LeaveDays = -1 }, ErrResourceDays},
		{func(r *ResourcePlan) { r.SickDays = math.Inf(1) }, ErrResourceDays},
		{func(r *ResourcePlan) { r.TravelPercent = -5 }, ErrResourcePercent},
		{func(r *ResourcePlan) { r.DocumentationPct = 201 }, ErrResourcePercent},
		{func(r *ResourcePlan) { r.PayGroupOf = map[string]int64{" ": 1} }, ErrResourceMapping},
		{func(r *ResourcePlan) { r.PayGroupOf = map[string]int64{"Anna": 0} }, ErrResourceMapping},
	}
	for i, b := range bad {
		r := DefaultResourcePlan()
		b.change(&r)
		if err := ValidateResourcePlan(r, "NI"); err != b.want {
			t.Errorf("case %d: got %v, want %v", i, err, b.want)
		}
	}
}

func TestUntouchedPlanMeansDefaults(t *testing.T) {
	got := EffectivePlan(ResourcePlan{DefaultPayGroupID: 3})
	want := DefaultResourcePlan()
	if got.PlanningYear != want.PlanningYear || got.WeeklyHours != 39 || got.LeaveDays != 30 || got.VerteilzeitPercent != 10 || got.DefaultPayGroupID != 3 {
		t.Errorf("effective plan %+v", got)
	}
}

// demandProject: Niedersachsen 2027 (Jahresarbeitszeit 1.684,8 h, see above) with surcharges of
// 10 % Verteilzeit + 5 % travel + 5 % documentation = factor 1,2.
//
//	A "Nutzer anlegen"   10 h/Monat   Anna                      package 1
//	B "Updates"           2 h/Woche   Ben                       package 1   (2 × 52 / 12 = 8,667 h/Monat)
//	C "Tablets warten"    1 PT/Monat  Anna → Externer Dienstl.  package 2   (8 h/Monat)
//	D "Drucker"           6 h/Quartal nobody → Ben              no package  (2 h/Monat)
func demandProject() *Project {
	p := NewProject("Test", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Resource.TravelPercent = 5
	p.Resource.DocumentationPct = 5
	one, two := int64(1), int64(2)
	p.Packages = []Package{{ID: 1, Name: "User-Management", SortOrder: 1}, {ID: 2, Name: "Hardware-Wartung", SortOrder: 2}}
	p.Tasks = []Task{
		{ID: 1, SortOrder: 1, Name: "Nutzer anlegen", Responsible: "Anna", Effort: &Effort{10, HoursPerMonth}, PackageID: &one},
		{ID: 2, SortOrder: 2, Name: "Updates", Responsible: "Ben", Effort: &Effort{2, HoursPerWeek}, PackageID: &one},
		{ID: 3, SortOrder: 3, Name: "Tablets warten", Responsible: "Anna", Effort: &Effort{1, PersonDaysPerMonth},
			PackageID: &two, Coverage: CoverageAssign, NewResponsible: ExternalProvider},
		{ID: 4, SortOrder: 4, Name: "Drucker", Responsible: "noch nicht definiert", Effort: &Effort{6, HoursPerQuarter}, NewResponsible: "Ben"},
	}
	return p
}

func TestDemandByHand(t *testing.T) {
	rd := ComputeDemand(demandProject())
	if !near(rd.Time.Hours, 1684.8) || !near(rd.Factor, 1.2) {
		t.Fatalf("working time %v factor %v", rd.Time.Hours, rd.Factor)
	}
	// Per task: A 10 h/Monat → 120 h/Jahr → 120 / 52 = 2,3077 h/Woche → × 1,2 = 144 h → 144 / 1.684,8 = 0,08547 VZÄ.
	a := rd.Tasks[0]
	if !near(a.HoursPerYear, 120) || !near(a.HoursPerWeek, 120.0/52) || !near(a.SurchargedYear, 144) || !near(a.FTE, 144/1684.8) {
		t.Errorf("task A: %+v", a.Demand)
	}
	// B: 8,667 h/Monat → 104 h/Jahr → 124,8 h → 0,07407 VZÄ.
	if b := rd.Tasks[1]; !near(b.HoursPerYear, 104) || !near(b.SurchargedYear, 124.8) {
		t.Errorf("task B: %+v", b.Demand)
	}
	if c := rd.Tasks[2]; !c.External || c.Before != "Anna" || c.After != ExternalProvider {
		t.Errorf("task C: %+v", c)
	}
	if d := rd.Tasks[3]; d.Before != "" || d.After != "Ben" || !near(d.HoursPerYear, 24) {
		t.Errorf("task D: %+v", d)
	}
	// Total: 10 + 8,667 + 8 + 2 = 28,667 h/Monat → 344 h/Jahr → 412,8 h → 412,8 / 1.684,8 = 0,24501 VZÄ.
	if !near(rd.Total.HoursPerYear, 344) || !near(rd.Total.SurchargedYear, 412.8) || !near(rd.Total.FTE, 412.8/1684.8) || rd.Total.Tasks != 4 {
		t.Errorf("total %+v", rd.Total)
	}
	// After step 4: C goes out, 344 − 96 = 248 h/Jahr stay → 297,6 h → 0,17664 VZÄ; out: 96 → 115,2 h.
	if !near(rd.Internal.SurchargedYear, 297.6) || !near(rd.External.SurchargedYear, 115.2) || !near(rd.Internal.FTE, 297.6/1684.8) {
		t.Errorf("internal %+v external %+v", rd.Internal, rd.External)
	}
	// Packages: User-Management A + B = 224 h/Jahr; Hardware-Wartung C = 96; without package D = 24.
	wantPkg := []struct {
		key  string
		id   int64
		year float64
	}{{"User-Management", 1, 224}, {"Hardware-Wartung", 2, 96}, {"", 0, 24}}
	if len(rd.ByPackage) != len(wantPkg) {
		t.Fatalf("packages %+v", rd.ByPackage)
	}
	for i, w := range wantPkg {
		if g := rd.ByPackage[i]; g.Key != w.key || g.PackageID != w.id || !near(g.HoursPerYear, w.year) {
			t.Errorf("package row %d: %+v, want %+v", i, g, w)
		}
	}
	// Before step 4: Anna A + C = 216, Ben B = 104, nobody D = 24 (last). After: Ben B + D = 128,
	// Anna A = 120, external C = 96.
	checkGroups(t, "before", rd.ByBefore, []string{"Anna", "Ben", ""}, []float64{216, 104, 24})
	checkGroups(t, "after", rd.ByAfter, []string{"Ben", "Anna", ExternalProvider}, []float64{128, 120, 96})
	// Anna before: 216 × 1,2 = 259,2 h = 259,2 / 1.684,8 = 0,1538 VZÄ (= 2/13).
	if !near(rd.ByBefore[0].FTE, 2.0/13) {
		t.Errorf("Anna before: %v VZÄ", rd.ByBefore[0].FTE)
	}
}

func checkGroups(t *testing.T, what string, got []DemandGroup, keys []string, years []float64) {
	t.Helper()
	if len(got) != len(keys) {
		t.Fatalf("%s: %+v", what, got)
	}
	for i := range keys {
		if got[i].Key != keys[i] || !near(got[i].HoursPerYear, years[i]) {
			t.Errorf("%s %d: %q %v, want %q %v", what, i, got[i].Key, got[i].HoursPerYear, keys[i], years[i])
		}
	}
}

// costProject adds pay groups and prices to demandProject:
//
//	E 9b: 60 €/h; E 11: 84.240 €/Jahr → 84.240 / 1.684,8 = 50 €/h. Anna → E 9b, Ben → E 11.
//	User-Management: 90 €/h external; Hardware-Wartung: 1.000 € a month.
func costProject() *Project {
	p := demandProject()
	p.PayGroups = []PayGroup{{ID: 1, Name: "E 9b", HourlyRate: 60}, {ID: 2, Name: "E 11", YearlyCost: 84240}}
	p.Resource.PayGroupOf = map[string]int64{"Anna": 1, "Ben": 2}
	p.Packages[0].ExternalHourlyRate = 90
	p.Packages[1].ExternalMonthlyFee = 1000
	return p
}

func TestCostByHand(t *testing.T) {
	cc := CompareCosts(costProject())
	if len(cc.Packages) != 3 {
		t.Fatalf("rows %+v", cc.Packages)
	}
	um, hw, rest := cc.Packages[0], cc.Packages[1], cc.Packages[2]
	// User-Management in-house: A 144 h × 60 € = 8.640 € + B 124,8 h × 50 € = 6.240 € → 14.880 €.
	// External: (120 + 104) h × 90 € = 20.160 € (the provider's rate has no surcharge).
	if !near(um.Internal, 14880) || !near(um.External, 20160) || um.ExternalBasis != PriceHourly || um.Cheaper() != OutcomeInternal {
		t.Errorf("User-Management %+v", um)
	}
	// Hardware-Wartung in-house: C went out in step 4, so it is priced with Anna, who does it
	// today: 115,2 h × 60 € = 6.912 €. External: 1.000 € × 12 = 12.000 €.
	if !near(hw.Internal, 6912) || !near(hw.External, 12000) || hw.ExternalBasis != PriceMonthly {
		t.Errorf("Hardware-Wartung %+v", hw)
	}
	// Without a package: D is done by Ben after step 4: 28,8 h × 50 € = 1.440 €; no external price.
	if rest.PackageID != 0 || !near(rest.Internal, 1440) || rest.ExternalKnown() || rest.Cheaper() != OutcomeOpen {
		t.Errorf("rest %+v", rest)
	}
	// Totals: 14.880 + 6.912 + 1.440 = 23.232 € in-house; 20.160 + 12.000 = 32.160 € external for the
	// priced packages, one row without a price.
	if !near(cc.Total.Internal, 23232) || !near(cc.Total.External, 32160) || cc.Total.ExternalMissing != 1 || !cc.Total.InternalKnown() {
		t.Errorf("total %+v", cc.Total)
	}
	// In-house after step 4 per pay group: E 9b A 8.640 €; E 11 B + D = 6.240 + 1.440 = 7.680 €.
	if len(cc.InternalAfter) != 2 || !near(cc.InternalAfter[0].Cost, 8640) || !near(cc.InternalAfter[1].Cost, 7680) || !near(cc.InternalAfter[1].CostPerHour, 50) {
		t.Errorf("internal after %+v", cc.InternalAfter)
	}
	if len(cc.Unpriced) != 0 {
		t.Errorf("unpriced %v", cc.Unpriced)
	}
}

func TestPackagePayGroupOverridesThePeople(t *testing.T) {
	p := costProject()
	two := int64(2)
	p.Decisions = []SourcingDecision{{ID: 1, PackageID: 2, PayGroupID: &two}}
	// Hardware-Wartung now priced with E 11: 115,2 h × 50 € = 5.760 €.
	if hw := CompareCosts(p).Packages[1]; !near(hw.Internal, 5760) {
		t.Errorf("override: %v", hw.Internal)
	}
}

func TestMissingRatesAreNamed(t *testing.T) {
	p := costProject()
	p.Resource.PayGroupOf = map[string]int64{"Anna": 1, "Ben": 99} // 99 was deleted
	cc := CompareCosts(p)
	if len(cc.Unpriced) != 1 || cc.Unpriced[0] != "Ben" || cc.Total.InternalKnown() {
		t.Fatalf("unpriced %v, total %+v", cc.Unpriced, cc.Total)
	}
	// A default pay group closes the gap.
	p.Resource.DefaultPayGroupID = 1
	if cc := CompareCosts(p); len(cc.Unpriced) != 0 || !cc.Total.InternalKnown() {
		t.Errorf("with default: %v", cc.Unpriced)
	}
}

func TestResourceStepStateFiguresAndQuestions(t *testing.T) {
	p := demandProject()
	st, figs, f := evaluateResources(p, testDay)
	if st != StateInProgress {
		t.Errorf("state %s", st)
	}
	if codes := findingCodes(f); !slices.Equal(codes, []string{FindResNoPayGroup, FindResNoPrice + " User-Management", FindResNoPrice + " Hardware-Wartung"}) {
		t.Errorf("findings %q", codes)
	}
	if figs[0].Key != "fig.res.working_time" || !near(figs[0].Value, 1684.8) || figs[1].Unit != UnitFTE || !near(figs[1].Value, 412.8/1684.8) {
		t.Errorf("figures %+v", figs[:2])
	}
	if figs[4].Text != "–" {
		t.Errorf("internal cost without pay groups must be a dash: %+v", figs[4])
	}

	p = costProject()
	p.PayGroups[0].Source = ExampleSourcePrefix + ": AGebV"
	st, figs, f = evaluateResources(p, testDay)
	if st != StateDone {
		t.Errorf("complete plan: state %s, findings %+v", st, f)
	}
	if codes := findingCodes(f); !slices.Equal(codes, []string{FindResExampleRate + " E 9b"}) {
		t.Errorf("findings %q", codes)
	}
	if !near(figs[4].Value, 23232) || figs[4].Unit != UnitEuro || figs[5].Text != "–" {
		t.Errorf("cost figures %+v %+v", figs[4], figs[5])
	}
	if figs[6].Key != "fig.res.cost_internal_of" || figs[6].Label != "User-Management" || !near(figs[6].Value, 14880) || !near(figs[7].Value, 20160) {
		t.Errorf("package figures %+v %+v", figs[6], figs[7])
	}
}

func TestEmptyProjectStepFiveIsOpen(t *testing.T) {
	p := NewProject("Leer", awNow)
	if st, _, f := evaluateResources(p, testDay); st != StateOpen || len(f) != 0 {
		t.Errorf("state %s findings %+v", st, f)
	}
	// Tasks alone do not start step 5: the defaults give a demand, the state stays "offen".
	p = demandProject()
	p.Resource = DefaultResourcePlan()
	if st, figs, _ := evaluateResources(p, testDay); st != StateOpen || !near(figs[1].Value, 344*1.1/1684.8) || ResourcesTouched(p) {
		t.Errorf("tasks only: state %s, %+v", st, figs[1])
	}
	for _, touch := range []func(p *Project){
		func(p *Project) { p.Resource.SickDays = 12 },
		func(p *Project) { p.PayGroups = []PayGroup{{ID: 1, Name: "E 9b"}} },
		func(p *Project) { p.Packages[0].ExternalMonthlyFee = 100 },
		func(p *Project) { p.Resource.DefaultPayGroupID = 1 },
	} {
		q := demandProject()
		q.Resource = DefaultResourcePlan()
		touch(q)
		if !ResourcesTouched(q) {
			t.Errorf("an edit of step 5 was not noticed: %+v", q.Resource)
		}
	}
}

func findingCodes(f []Finding) []string {
	var out []string
	for _, x := range f {
		s := x.Code
		if x.Subject != "" {
			s += " " + x.Subject
		}
		out = append(out, s)
	}
	return out
}

// wantFindings fails the test unless the findings are want, in order, each as "code subject".
func wantFindings(t *testing.T, f []Finding, want []string) {
	t.Helper()
	if got := findingCodes(f); !slices.Equal(got, want) {
		t.Fatalf("findings\n got %q\nwant %q", got, want)
	}
}

func TestPayGroupAndPriceValidation(t *testing.T) {
	if err := (PayGroup{Name: " "}).Validate(); err != ErrPayGroupName {
		t.Errorf("empty name: %v", err)
	}
	if err := (PayGroup{Name: "E 9b", HourlyRate: -1}).Validate(); err != ErrPayGroupRate {
		t.Errorf("negative rate: %v", err)
	}
	if err := (PayGroup{Name: "E 9b", SourceYear: 17}).Validate(); err != ErrPayGroupYear {
		t.Errorf("year 17: %v", err)
	}
	if err := ValidatePrice(math.NaN(), 0); err != ErrPackagePrice {
		t.Errorf("NaN price: %v", err)
	}
	for _, g := range ExamplePayGroups {
		pg := PayGroup{Name: g.Name, HourlyRate: g.HourlyRate, Source: g.Source, SourceYear: g.SourceYear}
		if err := pg.Validate(); err != nil || !pg.IsExample() {
			t.Errorf("example %q: %v, example=%v", g.Name, err, pg.IsExample())
		}
	}
}
