package domain

import (
	"slices"
	"testing"
)

func awDescribe(code string) string { return "Beschreibung " + code }

func TestDefaultSLAIsValid(t *testing.T) {
	s := NewDefaultSLA("Standard", awDescribe)
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(s.Classes) != 4 || s.Classes[0].Code != "P1" || s.Classes[3].Description != "Beschreibung P4" {
		t.Errorf("classes %+v", s.Classes)
	}
	// Monday to Friday, 9 h a day.
	if got := ServiceMinutesPerWeek(s); got != 5*9*60 {
		t.Errorf("service minutes per week %d", got)
	}
}

func TestSLAValidationRefusesBadInput(t *testing.T) {
	base := NewDefaultSLA("Standard", awDescribe)
	mod := func(f func(s *SLA)) SLA {
		s := CloneSLA(base)
		f(&s)
		return s
	}
	cases := map[string]struct {
		s    SLA
		want error
	}{
		"no name":          {mod(func(s *SLA) { s.Name = "  " }), ErrSLANameEmpty},
		"overlap":          {mod(func(s *SLA) { s.Windows = append(s.Windows, ServiceWindow{1, 16 * 60, 18 * 60}) }), ErrWindowOverlap},
		"target 0":         {mod(func(s *SLA) { s.Classes[1].RestoreMinutes = 0 }), ErrClassTargetZero},
		"response 0":       {mod(func(s *SLA) { s.Classes[0].ResponseMinutes = 0 }), ErrClassTargetZero},
		"response > fix":   {mod(func(s *SLA) { s.Classes[0].ResponseMinutes = 300 }), ErrClassResponseAfter},
		"duplicate code":   {mod(func(s *SLA) { s.Classes[1].Code = "p1" }), ErrClassCodeDuplicate},
		"empty code":       {mod(func(s *SLA) { s.Classes[1].Code = "" }), ErrClassCodeEmpty},
		"hotline 120 %":    {mod(func(s *SLA) { s.HotlineAnsweredPct = 120 }), ErrHotlinePct},
		"negative wait":    {mod(func(s *SLA) { s.HotlineMaxWaitSeconds = -1 }), ErrHotlineWait},
		"satisfaction NaN": {mod(func(s *SLA) { s.SatisfactionTargetPct = nan() }), ErrSatisfactionPct},
		"cadence":          {mod(func(s *SLA) { s.ReportingCadence = "daily" }), ErrCadenceUnknown},
		"target 2 years":   {mod(func(s *SLA) { s.Classes[3].RestoreMinutes = 2 * 366 * 24 * 60 }), ErrClassTargetTooLarge},
	}
	for name, c := range cases {
		if err := c.s.Validate(); err != c.want {
			t.Errorf("%s: got %v, want %v", name, err, c.want)
		}
	}
}

func nan() float64 { var z float64; return z / z }

func TestSLAPerPackage(t *testing.T) {
	p := NewProject("P", awNow)
	p.Packages = []Package{{ID: 10, Name: "Vor-Ort-Support", SortOrder: 2}, {ID: 11, Name: "Störungsbeseitigung", SortOrder: 1}}
	general := NewDefaultSLA("Standard", awDescribe)
	general.ID = 1
	pkg := NewDefaultSLA("Störungen", awDescribe)
	pkg.ID, pkg.PackageID = 2, i64p(11)
	p.SLAs = []SLA{general, pkg}

	if s := SLAFor(p, i64p(11)); s == nil || s.ID != 2 {
		t.Errorf("package 11 has its own SLA: %+v", s)
	}
	if s := SLAFor(p, i64p(10)); s == nil || s.ID != 1 {
		t.Errorf("package 10 falls back to the general SLA: %+v", s)
	}
	// A second SLA for the same package, or a second general one, is refused.
	dup := pkg
	dup.ID = 0
	if err := ValidateSLAIn(p, dup); err != ErrSLAPackageTaken {
		t.Errorf("second SLA of package 11: %v", err)
	}
	gen2 := general
	gen2.ID = 0
	if err := ValidateSLAIn(p, gen2); err != ErrSLAPackageTaken {
		t.Errorf("second general SLA: %v", err)
	}
	gone := pkg
	gone.ID, gone.PackageID = 0, i64p(99)
	if err := ValidateSLAIn(p, gone); err != ErrSLAPackageUnknown {
		t.Errorf("unknown package: %v", err)
	}
	// Order: general first, then by the packages' order (11 before 10).
	other := NewDefaultSLA("Vor Ort", awDescribe)
	other.ID, other.PackageID = 3, i64p(10)
	p.SLAs = append([]SLA{other}, p.SLAs...)
	ws := WorkingSLAs(p)
	if len(ws) != 3 || ws[0].ID != 1 || ws[1].ID != 2 || ws[2].ID != 3 {
		t.Errorf("order %d %d %d", ws[0].ID, ws[1].ID, ws[2].ID)
	}
}

func i64p(v int64) *int64 { return &v }

func TestFrozenSLAIsTheOneInForce(t *testing.T) {
	p := NewProject("P", awNow)
	s := NewDefaultSLA("Standard", awDescribe)
	s.ID = 1
	p.SLAs = []SLA{s}
	if SLAInForce(p, nil).ID != 1 {
		t.Fatal("without a contract the working SLA is in force")
	}
	copies := FrozenCopies(p)
	if len(copies) != 1 || !copies[0].FrozenForContract || copies[0].ID != 0 || !SameTerms(copies[0], s) {
		t.Fatalf("copies %+v", copies)
	}
	copies[0].ID = 2
	p.SLAs = append(p.SLAs, copies[0])
	p.Contract.SLAID = i64p(2)
	// Editing the working SLA leaves the frozen copy alone.
	p.SLAs[0].Classes[0].RestoreMinutes = 120
	if p.SLAs[1].Classes[0].RestoreMinutes != 240 {
		t.Fatal("the frozen copy shares its classes with the working SLA")
	}
	if got := SLAInForce(p, nil); got.ID != 2 {
		t.Errorf("in force: %d, want the frozen copy", got.ID)
	}
	if SLAFor(p, nil).ID != 1 {
		t.Error("SLAFor returns the working SLA")
	}
	if !SLAsChangedSinceContract(p) {
		t.Error("change since the contract not noticed")
	}
	_, _, f := evaluateSLA(p, testDay)
	if len(f) != 1 || f[0].Code != FindSLAChangedFrozen {
		t.Errorf("findings %+v", f)
	}
	p.SLAs[0].Classes[0].RestoreMinutes = 240
	if SLAsChangedSinceContract(p) {
		t.Error("same terms again")
	}
}

func TestSLAStepStates(t *testing.T) {
	p := NewProject("P", awNow)
	st, _, f := evaluateSLA(p, testDay)
	if st != StateOpen || len(f) != 0 {
		t.Errorf("empty: %s %+v", st, f)
	}
	if f := SLAFindings(p); len(f) != 1 || f[0].Code != FindSLANone {
		t.Errorf("the editor's list asks for an SLA: %+v", f)
	}
	s := NewDefaultSLA("Standard", awDescribe)
	s.ID = 1
	s.SchoolHolidaysStopClock = true
	p.SLAs = []SLA{s}
	st, figs, f := evaluateSLA(p, testDay)
	if st != StateInProgress || len(f) != 1 || f[0].Code != FindSLAFerienMissing {
		t.Errorf("Ferien stop the clock but none imported: %s %+v", st, f)
	}
	if figs[1].Key != "fig.sla.service_hours" || figs[1].Value != 45 {
		t.Errorf("figures %+v", figs)
	}
	p.SchoolHolidays = []SchoolHoliday{{ID: 1, Name: "Herbstferien", First: awDay(2026, 10, 12), Last: awDay(2026, 10, 24)}}
	if st, _, f := evaluateSLA(p, testDay); st != StateDone || len(f) != 0 {
		t.Errorf("complete: %s %+v", st, f)
	}
}

func TestHolidayValidation(t *testing.T) {
	if err := ValidateHoliday(SchoolHoliday{Name: "x", First: awDay(2026, 10, 12), Last: awDay(2026, 10, 11)}); err != ErrHolidayRange {
		t.Errorf("last before first: %v", err)
	}
	if err := ValidateHoliday(SchoolHoliday{Name: " ", First: awDay(2026, 10, 12), Last: awDay(2026, 10, 12)}); err != ErrHolidayNameEmpty {
		t.Errorf("no name: %v", err)
	}
	a := SchoolHoliday{Name: "Herbstferien ", First: awDay(2026, 10, 12), Last: awDay(2026, 10, 24)}
	b := SchoolHoliday{ID: 5, Name: "herbstferien", First: awDay(2026, 10, 12), Last: awDay(2026, 10, 24), Source: "x.ics"}
	if !SameHoliday(a, b) {
		t.Error("same period not recognised")
	}
}

// WeekdayWindows repeats one window on each weekday of the range; DefaultWindows is Monday (1)
// to Friday (5), 07:30 (7 × 60 + 30 = 450) to 16:30 (16 × 60 + 30 = 990).
func TestWeekdayWindows(t *testing.T) {
	want := []ServiceWindow{{1, 450, 990}, {2, 450, 990}, {3, 450, 990}, {4, 450, 990}, {5, 450, 990}}
	if got := DefaultWindows(); !slices.Equal(got, want) {
		t.Errorf("DefaultWindows = %v, want %v", got, want)
	}
	if got := WeekdayWindows(5, 6, 0, 60); !slices.Equal(got, []ServiceWindow{{5, 0, 60}, {6, 0, 60}}) {
		t.Errorf("Friday and Saturday = %v", got)
	}
	if got := WeekdayWindows(3, 2, 0, 60); len(got) != 0 {
		t.Errorf("an empty range gives %v", got)
	}
}
