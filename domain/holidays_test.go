package domain

import (
	"testing"
	"time"
)

func hasHoliday(state Bundesland, d Date) bool {
	for _, h := range PublicHolidays(state, d.Year()) {
		if h.Date == d {
			return true
		}
	}
	return false
}

// The gaps of rickar/cal's state lists, checked one by one.
func TestPublicHolidayIntroductionYears(t *testing.T) {
	cases := []struct {
		state Bundesland
		date  Date
		want  bool
	}{
		{"BE", NewDate(2018, time.March, 8), false}, // Frauentag in Berlin only since 2019
		{"BE", NewDate(2019, time.March, 8), true},
		{"MV", NewDate(2022, time.March, 8), false}, // … in Mecklenburg-Vorpommern since 2023
		{"MV", NewDate(2023, time.March, 8), true},
		{"NI", NewDate(2016, time.October, 31), false}, // Reformationstag in HB/HH/NI/SH since 2018
		{"NI", NewDate(2018, time.October, 31), true},
		{"HB", NewDate(2016, time.October, 31), false},
		{"HH", NewDate(2019, time.October, 31), true},
		{"SH", NewDate(2016, time.October, 31), false},
		{"BY", NewDate(2017, time.October, 31), true}, // 500th anniversary: nationwide in 2017 only
		{"BY", NewDate(2018, time.October, 31), false},
		{"SN", NewDate(2016, time.October, 31), true},    // eastern states always
		{"TH", NewDate(2018, time.September, 20), false}, // Weltkindertag in Thüringen since 2019
		{"TH", NewDate(2019, time.September, 20), true},
		{"SN", NewDate(2026, time.November, 18), true}, // Buß- und Bettag: Wednesday before 23 Nov
		{"BE", NewDate(2025, time.May, 8), true},       // one-off
		{"BE", NewDate(2026, time.May, 8), false},
		{"BY", NewDate(2026, time.August, 15), false}, // only in Catholic municipalities
		{"SL", NewDate(2026, time.August, 15), true},
	}
	for _, c := range cases {
		if got := hasHoliday(c.state, c.date); got != c.want {
			t.Errorf("%s %s: got %v, want %v", c.state, c.date, got, c.want)
		}
	}
}

func TestWeekdayHolidaysByHand(t *testing.T) {
	// Niedersachsen 2027: Neujahr Fr 1.1., Karfreitag Fr 26.3., Ostermontag Mo 29.3., 1. Mai Sa (weekend),
	// Himmelfahrt Do 6.5., Pfingstmontag Mo 17.5., 3.10. So (weekend), Reformationstag So 31.10. (weekend),
	// 25.12. Sa, 26.12. So (weekend) → 5 weekday holidays.
	if got := WeekdayHolidays("NI", 2027); got != 5 {
		t.Errorf("NI 2027: got %d, want 5", got)
	}
	// Bayern 2026: Neujahr Do, Hl. Drei Könige Di, Karfreitag Fr 3.4., Ostermontag Mo 6.4., 1. Mai Fr,
	// Himmelfahrt Do 14.5., Pfingstmontag Mo 25.5., Fronleichnam Do 4.6., 3.10. Sa, Allerheiligen So,
	// 25.12. Fr, 26.12. Sa → 9.
	if got := WeekdayHolidays("BY", 2026); got != 9 {
		t.Errorf("BY 2026: got %d, want 9", got)
	}
	// Berlin 2026: Neujahr Do, Frauentag So (weekend), Karfreitag Fr, Ostermontag Mo, 1. Mai Fr, Himmelfahrt Do,
	// Pfingstmontag Mo, 3.10. Sa, 25.12. Fr, 26.12. Sa → 7.
	if got := WeekdayHolidays("BE", 2026); got != 7 {
		t.Errorf("BE 2026: got %d, want 7", got)
	}
	if got := WeekdaysInYear(2027); got != 261 {
		t.Errorf("weekdays 2027: got %d, want 261", got)
	}
	if got := WeekdaysInYear(2026); got != 261 {
		t.Errorf("weekdays 2026: got %d, want 261", got)
	}
}
