package importers

import (
	"testing"

	"schulit-lotse/domain"
)

func TestParseDecimal(t *testing.T) {
	cases := map[string]float64{"2,5": 2.5, "1.234,5": 1234.5, "1,234.5": 1234.5, "2.5": 2.5, "3 h": 3, "7 Std.": 7, "0": 0, "12": 12, " 4,75 ": 4.75}
	for in, want := range cases {
		if got, ok := ParseDecimal(in); !ok || got != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "zwei", "1,2,3x4", "NaN", "Inf"} {
		if v, ok := ParseDecimal(bad); ok {
			t.Errorf("ParseDecimal(%q) = %v, want refused", bad, v)
		}
	}
}

func TestParseUnit(t *testing.T) {
	cases := map[string]domain.EffortUnit{"Std./Monat": domain.HoursPerMonth, "h/month": domain.HoursPerMonth, "Stunden pro Woche": domain.HoursPerWeek,
		"Std./Quartal": domain.HoursPerQuarter, "Personentage/Monat": domain.PersonDaysPerMonth, "person-days/month": domain.PersonDaysPerMonth,
		"PT/Monat": domain.PersonDaysPerMonth, "pd/month": domain.PersonDaysPerMonth, "h/week": domain.HoursPerWeek}
	for in, want := range cases {
		if got, ok := ParseUnit(in); !ok || got != want {
			t.Errorf("ParseUnit(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"Tage", "PT/Woche", "Minuten"} {
		if u, ok := ParseUnit(bad); ok {
			t.Errorf("ParseUnit(%q) = %q, want refused", bad, u)
		}
	}
}

func TestGuessTaskMappingFindsTheHeaderBelowATitle(t *testing.T) {
	tb := &Table{File: "x.csv", Rows: [][]string{
		{"Inventur 2026"},
		{"Nr.", "Tätigkeit", "Zuständig", "Aufwand in PT/Monat", "Neu verantwortlich", "Anmerkungen"},
		{"1", "Backup", "IT-Team", "0,5", "", "täglich"},
	}, Lines: []int{1, 2, 3}}
	m := GuessTaskMapping(tb)
	want := map[string]int{TaskName: 1, TaskResponsible: 2, TaskEffort: 3, TaskNewResponsible: 4, TaskNote: 5}
	if m.Header != 1 || len(m.Columns) != len(want) || m.DefaultUnit != domain.PersonDaysPerMonth {
		t.Fatalf("mapping %+v", m)
	}
	for f, c := range want {
		if m.Column(f) != c {
			t.Errorf("%s in column %d, want %d", f, m.Column(f), c)
		}
	}
	ts, err := ReadTasks(tb, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 1 || ts[0].Effort.HoursPerMonth(8) != 4 || ts[0].Note != "täglich" {
		t.Fatalf("tasks %+v", ts)
	}
}

func TestParseCoverageAndPriority(t *testing.T) {
	for in, want := range map[string]domain.Coverage{"Soll nicht verändert werden": domain.CoverageKeep, "grün": domain.CoverageKeep,
		"Muss verändert werden": domain.CoverageChange, "must be assigned": domain.CoverageAssign, "rot": domain.CoverageAssign} {
		if got, ok := ParseCoverage(in); !ok || got != want {
			t.Errorf("ParseCoverage(%q) = %q", in, got)
		}
	}
	if _, ok := ParseCoverage("vielleicht"); ok {
		t.Error("an unknown state was accepted")
	}
	for in, rank := range map[string]int{"1": 1, "5": 5, "vorrangig": 4, "nachrangig": 2} {
		if p, ok := ParsePriority(in); !ok || p.Rank != rank {
			t.Errorf("ParsePriority(%q) = %d", in, p.Rank)
		}
	}
	for _, bad := range []string{"0", "6", "2,5", "wichtig"} {
		if _, ok := ParsePriority(bad); ok {
			t.Errorf("ParsePriority(%q) accepted", bad)
		}
	}
}
