package domain

import (
	"errors"
	"math"
	"testing"
)

func TestEffortHoursPerMonth(t *testing.T) {
	// Hand-computed: a week is 52/12 = 4.333… weeks per month; a quarter is 3 months.
	cases := []struct {
		e     Effort
		hpd   float64
		hours float64
	}{
		{Effort{2, HoursPerMonth}, 8, 2},
		{Effort{3, HoursPerWeek}, 8, 13},           // 3 × 52 / 12 = 13
		{Effort{1.5, HoursPerWeek}, 8, 6.5},        // 1.5 × 52 / 12 = 6.5
		{Effort{12, HoursPerQuarter}, 8, 4},        // 12 / 3
		{Effort{1.5, PersonDaysPerMonth}, 8, 12},   // 1.5 × 8
		{Effort{2, PersonDaysPerMonth}, 7.8, 15.6}, // 2 × 7.8
		{Effort{2, PersonDaysPerMonth}, 0, 16},     // invalid setting falls back to 8
		{Effort{0, HoursPerWeek}, 8, 0},
	}
	for _, c := range cases {
		got := c.e.HoursPerMonth(c.hpd)
		if math.Abs(got-c.hours) > 1e-9 {
			t.Errorf("%v with %v h/PT: got %v, want %v", c.e, c.hpd, got, c.hours)
		}
		back := FromHoursPerMonth(got, c.e.Unit, c.hpd)
		if c.hpd > 0 && math.Abs(back.Value-c.e.Value) > 1e-9 {
			t.Errorf("inverse of %v: got %v", c.e, back)
		}
	}
}

func TestEffortValid(t *testing.T) {
	cases := []struct {
		e   Effort
		err error
	}{
		{Effort{0, HoursPerMonth}, nil},
		{Effort{4, PersonDaysPerMonth}, nil},
		{Effort{-0.5, HoursPerMonth}, ErrEffortNegative},
		{Effort{math.NaN(), HoursPerMonth}, ErrEffortNotFinite},
		{Effort{math.Inf(1), HoursPerWeek}, ErrEffortNotFinite},
		{Effort{1, "h/day"}, ErrEffortUnit},
		{Effort{1, ""}, ErrEffortUnit},
	}
	for _, c := range cases {
		if err := c.e.Valid(); !errors.Is(err, c.err) {
			t.Errorf("%v: got %v, want %v", c.e, err, c.err)
		}
	}
}

func TestTaskValidate(t *testing.T) {
	ok := Task{Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: &Effort{2, HoursPerMonth}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid task refused: %v", err)
	}
	cases := map[string]struct {
		change func(*Task)
		want   error
	}{
		"empty name":       {func(t *Task) { t.Name = "  " }, ErrTaskNameEmpty},
		"negative effort":  {func(t *Task) { t.Effort = &Effort{-1, HoursPerMonth} }, ErrEffortNegative},
		"NaN effort":       {func(t *Task) { t.Effort = &Effort{math.NaN(), HoursPerWeek} }, ErrEffortNotFinite},
		"rank 6":           {func(t *Task) { t.Priority.Rank = 6 }, ErrPriorityRange},
		"unknown coverage": {func(t *Task) { t.Coverage = "maybe" }, ErrCoverageUnknown},
		"keep without responsible": {func(t *Task) {
			t.Responsible = "Noch nicht definiert"
			t.Coverage = CoverageKeep
		}, ErrKeepWithoutResponsible},
	}
	for name, c := range cases {
		task := ok
		c.change(&task)
		if err := task.Validate(); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", name, err, c.want)
		}
	}
	noEffort := ok
	noEffort.Effort = nil
	if err := noEffort.Validate(); err != nil {
		t.Errorf("a task without effort is allowed (it is an open question): %v", err)
	}
}

func TestHasResponsible(t *testing.T) {
	for s, want := range map[string]bool{"": false, "  ": false, "Noch nicht definiert": false, "noch  nicht definiert": true,
		"Teammitglied Schul-IT": true, "?": false, "Externer Dienstleister": true} {
		if got := HasResponsible(s); got != want {
			t.Errorf("HasResponsible(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTaskHoursPerMonthUsesSetting(t *testing.T) {
	task := Task{Name: "x", Effort: &Effort{2, PersonDaysPerMonth}}
	if got := task.HoursPerMonth(Settings{HoursPerPersonDay: 7.5}); got != 15 {
		t.Fatalf("got %v, want 15", got)
	}
	if got := (Task{Name: "y"}).HoursPerMonth(DefaultSettings()); got != 0 {
		t.Fatalf("task without effort: got %v, want 0", got)
	}
}
