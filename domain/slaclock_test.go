package domain

import (
	"testing"
	"time"
)

// officeHours: Monday–Friday 07:30–12:00 and 13:00–16:30 (8 h of service a day).
func officeHours() []ServiceWindow {
	var ws []ServiceWindow
	for wd := 1; wd <= 5; wd++ {
		ws = append(ws, ServiceWindow{wd, 7*60 + 30, 12 * 60}, ServiceWindow{wd, 13 * 60, 16*60 + 30})
	}
	return ws
}

func allDay() []ServiceWindow {
	var ws []ServiceWindow
	for wd := 0; wd <= 6; wd++ {
		ws = append(ws, ServiceWindow{wd, 0, minutesPerDay})
	}
	return ws
}

func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, Berlin)
}

// A week of Ferien in Niedersachsen invented for the test: Thursday 1 and Friday 2 July 2027.
var testFerien = []SchoolHoliday{{Name: "Test-Ferien", First: NewDate(2027, 7, 1), Last: NewDate(2027, 7, 2)}}

func TestSLAClockElapsedByHand(t *testing.T) {
	stopAll := SLA{Windows: officeHours(), PublicHolidaysStopClock: true, SchoolHolidaysStopClock: true}
	noStop := SLA{Windows: officeHours()}
	cases := []struct {
		name       string
		sla        SLA
		start, end time.Time
		want       time.Duration
	}{
		// Opened at night (Tue 22:00), looked at Wed 09:00: only 07:30–09:00 counts.
		{"night", stopAll, local(2027, 3, 2, 22, 0), local(2027, 3, 3, 9, 0), 90 * time.Minute},
		// Lunch break does not count: 11:00–14:00 is 1 h + 1 h.
		{"lunch", stopAll, local(2027, 3, 3, 11, 0), local(2027, 3, 3, 14, 0), 2 * time.Hour},
		// Friday 15:30 to Monday 10:30: 1 h Friday + 3 h Monday (7:30–10:30), the weekend is closed.
		{"friday afternoon", stopAll, local(2027, 3, 5, 15, 30), local(2027, 3, 8, 10, 30), 4 * time.Hour},
		// Thursday before Easter 16:00 to Tuesday 09:00: 0.5 h Thu; Karfreitag, weekend and Ostermontag
		// stop the clock; 1.5 h Tue.
		{"before a holiday", stopAll, local(2027, 3, 25, 16, 0), local(2027, 3, 30, 9, 0), 2 * time.Hour},
		// The same without holidays stopping the clock: + 8 h Friday + 8 h Monday.
		{"holidays count", noStop, local(2027, 3, 25, 16, 0), local(2027, 3, 30, 9, 0), 18 * time.Hour},
		// Wed 30 June 16:00 to Mon 5 July 08:30 across the Ferien: 0.5 h + 1 h.
		{"across Ferien", stopAll, local(2027, 6, 30, 16, 0), local(2027, 7, 5, 8, 30), 90 * time.Minute},
		// Without Ferien stopping: 0.5 + 8 + 8 + 1.
		{"Ferien count", noStop, local(2027, 6, 30, 16, 0), local(2027, 7, 5, 8, 30), 17*time.Hour + 30*time.Minute},
		// Round the clock across the change to summer time (Sunday 28 March 2027): Sat 12:00 → Sun 12:00 is 23 h.
		{"DST March", SLA{Windows: allDay()}, local(2027, 3, 27, 12, 0), local(2027, 3, 28, 12, 0), 23 * time.Hour},
		// … and to winter time (Sunday 31 October 2027): 25 h.
		{"DST October", SLA{Windows: allDay()}, local(2027, 10, 30, 12, 0), local(2027, 10, 31, 12, 0), 25 * time.Hour},
		// Reformationstag (31 Oct, NI) stops a round-the-clock SLA that honours holidays: only Saturday 12:00–24:00.
		{"DST October holiday", SLA{Windows: allDay(), PublicHolidaysStopClock: true}, local(2027, 10, 30, 12, 0), local(2027, 10, 31, 12, 0), 12 * time.Hour},
		{"end before start", stopAll, local(2027, 3, 3, 9, 0), local(2027, 3, 3, 8, 0), 0},
	}
	for _, c := range cases {
		clock := NewSLAClock(c.sla, "NI", testFerien, 2027)
		if got := clock.Elapsed(c.start.UTC(), c.end.UTC()); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSLAClockDeadlineByHand(t *testing.T) {
	stopAll := SLA{Windows: officeHours(), PublicHolidaysStopClock: true, SchoolHolidaysStopClock: true}
	cases := []struct {
		name   string
		sla    SLA
		start  time.Time
		target time.Duration
		want   time.Time
	}{
		// Wed 07:30–11:30 (the morning window holds 4.5 h).
		{"night ticket, 4 h", stopAll, local(2027, 3, 2, 22, 0), 4 * time.Hour, local(2027, 3, 3, 11, 30)},
		// 5 h: the morning window (4.5 h) and 30 min after lunch.
		{"night ticket, 5 h", stopAll, local(2027, 3, 2, 22, 0), 5 * time.Hour, local(2027, 3, 3, 13, 30)},
		{"friday afternoon, 4 h", stopAll, local(2027, 3, 5, 15, 30), 4 * time.Hour, local(2027, 3, 8, 10, 30)},
		{"before Easter, 2 h", stopAll, local(2027, 3, 25, 16, 0), 2 * time.Hour, local(2027, 3, 30, 9, 0)},
		{"into Ferien, 1 h", stopAll, local(2027, 6, 30, 16, 0), time.Hour, local(2027, 7, 5, 8, 0)},
		{"exactly at window end", stopAll, local(2027, 3, 3, 11, 0), time.Hour, local(2027, 3, 3, 12, 0)},
		{"DST March, 24 h round the clock", SLA{Windows: allDay()}, local(2027, 3, 27, 12, 0), 24 * time.Hour, local(2027, 3, 28, 13, 0)},
		{"DST October, 24 h round the clock", SLA{Windows: allDay()}, local(2027, 10, 30, 12, 0), 24 * time.Hour, local(2027, 10, 31, 11, 0)},
	}
	for _, c := range cases {
		clock := NewSLAClock(c.sla, "NI", testFerien, 2027)
		got, ok := clock.Deadline(c.start.UTC(), c.target)
		if !ok || !got.Equal(c.want) {
			t.Errorf("%s: got %v (%v), want %v", c.name, got.In(Berlin), ok, c.want)
		}
		// Elapsed and Deadline agree.
		if e := clock.Elapsed(c.start, got); e != c.target {
			t.Errorf("%s: elapsed to the deadline is %v, want %v", c.name, e, c.target)
		}
	}
	if _, ok := NewSLAClock(SLA{}, "NI", nil, 2027).Deadline(local(2027, 1, 4, 8, 0), time.Hour); ok {
		t.Error("an SLA without service hours has no deadline")
	}
}

func TestSLAClockCalendarClass(t *testing.T) {
	clock := NewSLAClock(SLA{Windows: officeHours()}, "NI", nil, 2027)
	p1 := PriorityClassTarget{Code: "P1", CalendarTime: true}
	start := local(2027, 3, 5, 15, 30)
	if got := clock.TargetElapsed(p1, start, local(2027, 3, 8, 10, 30)); got != 67*time.Hour {
		t.Errorf("calendar elapsed %v, want 67h", got)
	}
	if d, _ := clock.TargetDeadline(p1, start, 240); !d.Equal(local(2027, 3, 5, 19, 30)) {
		t.Errorf("calendar deadline %v", d)
	}
	if !clock.InService(local(2027, 3, 5, 15, 30)) || clock.InService(local(2027, 3, 5, 12, 30)) || clock.InService(local(2027, 3, 6, 10, 0)) {
		t.Error("InService wrong")
	}
}

func TestValidateWindows(t *testing.T) {
	if err := ValidateWindows(officeHours()); err != nil {
		t.Fatal(err)
	}
	bad := map[string]struct {
		ws   []ServiceWindow
		want error
	}{
		"overlap":   {[]ServiceWindow{{1, 480, 720}, {1, 700, 900}}, ErrWindowOverlap},
		"empty":     {[]ServiceWindow{{1, 480, 480}}, ErrWindowRange},
		"past 24h":  {[]ServiceWindow{{1, 480, 1441}}, ErrWindowRange},
		"weekday 7": {[]ServiceWindow{{7, 480, 500}}, ErrWindowRange},
		"negative":  {[]ServiceWindow{{1, -5, 500}}, ErrWindowRange},
	}
	for name, c := range bad {
		if err := ValidateWindows(c.ws); err != c.want {
			t.Errorf("%s: got %v, want %v", name, err, c.want)
		}
	}
	// Touching windows do not overlap.
	if err := ValidateWindows([]ServiceWindow{{1, 480, 720}, {1, 720, 900}}); err != nil {
		t.Errorf("touching windows: %v", err)
	}
}

func BenchmarkSLAClockElapsed(b *testing.B) {
	clock := NewSLAClock(SLA{Windows: officeHours(), PublicHolidaysStopClock: true}, "NI", testFerien, 2026, 2027)
	start := local(2027, 3, 5, 15, 30).UTC()
	end := local(2027, 3, 12, 10, 0).UTC()
	for i := 0; i < b.N; i++ {
		clock.Elapsed(start, end)
	}
}
