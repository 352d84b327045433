package kpi

import (
	"encoding/json"
	"math"
	"math/rand"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, domain.Berlin).UTC()
}

func pt(t time.Time) *time.Time { return &t }

// officeSLA: Monday–Friday 08:00–16:00 (8 h a day), public holidays stop the clock.
// P1 30 min / 4 h, P2 2 h / 16 h in service time, P3 1 day / 3 days in calendar time.
func officeSLA() domain.SLA {
	s := domain.SLA{ID: 1, Name: "Standard", PublicHolidaysStopClock: true,
		HotlineAnsweredPct: 90, HotlineMaxWaitSeconds: 30, SatisfactionTargetPct: 80,
		Classes: []domain.PriorityClassTarget{
			{Code: "P1", ResponseMinutes: 30, RestoreMinutes: 240},
			{Code: "P2", ResponseMinutes: 120, RestoreMinutes: 960},
			{Code: "P3", ResponseMinutes: 1440, RestoreMinutes: 4320, CalendarTime: true},
		}}
	for wd := 1; wd <= 5; wd++ {
		s.Windows = append(s.Windows, domain.ServiceWindow{Weekday: wd, StartMinute: 8 * 60, EndMinute: 16 * 60})
	}
	return s
}

// handProject is the hand-computed case of March 2027 in Niedersachsen (Karfreitag 26 March and
// Ostermontag 29 March are holidays) with February as the previous period.
func handProject() *domain.Project {
	p := domain.NewProject("KPI", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	p.Meta.Bundesland = "NI"
	p.SLAs = []domain.SLA{officeSLA()}
	p.Packages = []domain.Package{{ID: 11, Name: "Störungsbeseitigung"}}
	pkg := int64(11)
	p.Tickets = []domain.Ticket{
		// T1 P1: answered after 20 min, solved after 3 h — both within.
		{ID: 1, ExternalID: "T1", Created: at(2027, 3, 1, 9, 0), FirstResponse: pt(at(2027, 3, 1, 9, 20)),
			Resolved: pt(at(2027, 3, 1, 12, 0)), Priority: "P1", Category: "Netzwerk", School: "GS Am Markt", PackageID: &pkg},
		// T2 P1: Mon 15:30 → Tue 08:15 is 30 + 15 = 45 min of service (breach); solved Tue 10:00 = 150 min.
		{ID: 2, ExternalID: "T2", Created: at(2027, 3, 1, 15, 30), FirstResponse: pt(at(2027, 3, 2, 8, 15)),
			Resolved: pt(at(2027, 3, 2, 10, 0)), Priority: "P1", Category: "Netzwerk", School: "IGS Nord"},
		// T3 P2: Fri 14:00, answered 15:00 (60 min); solved Tue 12:00 = 2 + 8 + 4 h = 840 min.
		{ID: 3, ExternalID: "T3", Created: at(2027, 3, 5, 14, 0), FirstResponse: pt(at(2027, 3, 5, 15, 0)),
			Resolved: pt(at(2027, 3, 9, 12, 0)), Priority: "P2", Category: "Drucker", School: "GS Am Markt"},
		// T4 P2: Wed 10 March 10:00, answered 11:00, still open on 31 March 16:00:
		// 6 + 16 + 40 + 32 (Mon–Thu, Karfreitag off) + 8 (Tue, Ostermontag off) + 8 = 110 h.
		{ID: 4, ExternalID: "T4", Created: at(2027, 3, 10, 10, 0), FirstResponse: pt(at(2027, 3, 10, 11, 0)),
			Priority: "p2", Category: "Drucker", School: "IGS Nord"},
		// T5 P3 in calendar time: Sat 10:00 → Mon 10:00 = 2880 min (breach of 1440); solved after 3000 min.
		{ID: 5, ExternalID: "T5", Created: at(2027, 3, 13, 10, 0), FirstResponse: pt(at(2027, 3, 15, 10, 0)),
			Resolved: pt(at(2027, 3, 15, 12, 0)), Priority: "P3", Category: "Netzwerk", School: "GS Am Markt"},
		// T6: a priority the SLA does not know.
		{ID: 6, ExternalID: "T6", Created: at(2027, 3, 20, 9, 0), Resolved: pt(at(2027, 3, 21, 9, 0)), Priority: "P9",
			Category: "Sonstiges", School: "IGS Nord"},
		// February: T7 within both, T8 P3 answered in 2 h and still open (a restoration breach).
		{ID: 7, ExternalID: "T7", Created: at(2027, 2, 1, 9, 0), FirstResponse: pt(at(2027, 2, 1, 9, 10)),
			Resolved: pt(at(2027, 2, 1, 10, 0)), Priority: "P1", Category: "Netzwerk", School: "GS Am Markt"},
		{ID: 8, ExternalID: "T8", Created: at(2027, 2, 20, 10, 0), FirstResponse: pt(at(2027, 2, 20, 12, 0)),
			Priority: "P3", Category: "Drucker", School: "IGS Nord"},
		// April: outside.
		{ID: 9, ExternalID: "T9", Created: at(2027, 4, 1, 9, 0), Priority: "P1", Category: "Netzwerk"},
	}
	p.Calls = []domain.Call{
		{ID: 1, At: at(2027, 3, 1, 8, 10), Answered: true, WaitSeconds: 20, TalkSeconds: 300},
		{ID: 2, At: at(2027, 3, 1, 8, 40), Answered: true, WaitSeconds: 40, TalkSeconds: 100},
		{ID: 3, At: at(2027, 3, 1, 9, 5), WaitSeconds: 90},
		{ID: 4, At: at(2027, 3, 2, 14, 0), Answered: true, WaitSeconds: 60, TalkSeconds: 200},
		{ID: 5, At: at(2027, 2, 2, 14, 0), Answered: true, WaitSeconds: 10, TalkSeconds: 200},
	}
	for i, s := range []int{5, 4, 4, 3, 1} {
		p.SurveyAnswers = append(p.SurveyAnswers, domain.SurveyAnswer{ID: int64(i + 1), At: at(2027, 3, 20+i, 12, 0),
			Question: "Q1", Score: s, School: "GS Am Markt"})
	}
	return p
}

var march = Period{From: domain.NewDate(2027, 3, 1), To: domain.NewDate(2027, 3, 31)}

func compute(t *testing.T, p *domain.Project) *Report {
	t.Helper()
	r, err := Compute(p, march, Options{AsOf: at(2027, 3, 31, 16, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTicketKPIsByHand(t *testing.T) {
	r := compute(t, handProject())
	tot := r.Tickets.Total
	if tot.Tickets != 6 || tot.Open != 1 || tot.Resolved != 5 || r.Tickets.Unclassified != 1 {
		t.Fatalf("total = %+v, unclassified %d", tot, r.Tickets.Unclassified)
	}
	// Response: T1 20, T2 45 (breach), T3 60, T4 60, T5 2880 (breach) → 3 of 5 within.
	// Sorted 20, 45, 60, 60, 2880: median the 3rd = 60; P90 at rank 4·0.9 = 3.6 (from 0):
	// 60 + 0.6·(2880 − 60) = 60 + 1692 = 1752.
	if got := tot.Response; got.Measured != 5 || got.Within != 3 || got.SharePct != 60 || got.MedianMin != 60 || got.P90Min != 1752 || got.Breaches != 2 {
		t.Errorf("response = %+v", got)
	}
	// Restoration: T1 180, T2 150, T3 840, T5 3000 within; T4 open and past its deadline.
	// Sorted 150, 180, 840, 3000: median (180 + 840) / 2 = 510; P90 at rank 3·0.9 = 2.7:
	// 840 + 0.7·(3000 − 840) = 840 + 1512 = 2352.
	if got := tot.Restore; got.Measured != 5 || got.Within != 4 || got.SharePct != 80 || got.Times != 4 || got.MedianMin != 510 || got.P90Min != 2352 || got.Breaches != 1 {
		t.Errorf("restore = %+v", got)
	}
	if tot.Breaches != 3 {
		t.Errorf("tickets with a breach = %d, want 3", tot.Breaches)
	}
	want := []struct {
		key                string
		tickets            int
		respPct, restPct   float64
		respMeas, restMeas int
	}{
		{"P1", 2, 50, 100, 2, 2},
		{"P2", 2, 100, 50, 2, 2}, // T4's "p2" matches the class P2
		{"P3", 1, 0, 100, 1, 1},
		{"P9", 1, 0, 0, 0, 0},
	}
	if len(r.Tickets.ByPriority) != len(want) {
		t.Fatalf("by priority = %+v", r.Tickets.ByPriority)
	}
	for i, w := range want {
		g := r.Tickets.ByPriority[i]
		if g.Key != w.key || g.Tickets != w.tickets || g.Response.SharePct != w.respPct || g.Restore.SharePct != w.restPct ||
			g.Response.Measured != w.respMeas || g.Restore.Measured != w.restMeas {
			t.Errorf("priority %d = %+v, want %+v", i, g, w)
		}
	}
	// Class indicators: P1, P2, P3 (response and restoration each), P2 restoration 1 of 2 = amber? no: 50 % is red.
	if len(r.ClassIndicators) != 6 {
		t.Fatalf("class indicators = %+v", r.ClassIndicators)
	}
	if in := r.ClassIndicators[3]; in.Key != "kpi.class_restore_share" || in.Label != "P2" || in.Value != 50 || in.Basis != 2 || in.Light != LightRed {
		t.Errorf("P2 restoration = %+v", in)
	}
	// P1 restoration: March 100 %, February 100 % (T7) → green, same.
	if in := r.ClassIndicators[1]; in.Label != "P1" || in.Value != 100 || in.Light != LightGreen || in.Change != ChangeSame {
		t.Errorf("P1 restoration = %+v", in)
	}
	if len(r.Tickets.ByPackage) != 2 || r.Tickets.ByPackage[0].Key != "Störungsbeseitigung" || r.Tickets.ByPackage[0].ID != 11 ||
		r.Tickets.ByPackage[0].Tickets != 1 || r.Tickets.ByPackage[1].ID != 0 || r.Tickets.ByPackage[1].Tickets != 5 {
		t.Errorf("by package = %+v", r.Tickets.ByPackage)
	}
	if c := r.Tickets.ByCategory; len(c) != 3 || c[0].Key != "Netzwerk" || c[0].Tickets != 3 || c[1].Key != "Drucker" || c[2].Key != "Sonstiges" {
		t.Errorf("by category = %+v", c)
	}
	if s := r.Tickets.BySchool; len(s) != 2 || s[0].Key != "GS Am Markt" || s[0].Tickets != 3 || s[1].Tickets != 3 {
		t.Errorf("by school = %+v", s)
	}
	if r.Tickets.BacklogEnd != 2 { // T4 and February's T8
		t.Errorf("backlog = %d, want 2", r.Tickets.BacklogEnd)
	}
}

func TestBreachesAreListedWithDeadlines(t *testing.T) {
	r := compute(t, handProject())
	b := r.Tickets.Breaches
	if len(b) != 3 {
		t.Fatalf("breaches = %+v", b)
	}
	// T2 response: 45 of 30 min; the 30 min ran out at Monday's closing time, 16:00.
	if b[0].ExternalID != "T2" || b[0].Kind != KindResponse || b[0].ElapsedMin != 45 || b[0].TargetMin != 30 ||
		!b[0].Deadline.Equal(at(2027, 3, 1, 16, 0)) || b[0].Open {
		t.Errorf("T2 = %+v", b[0])
	}
	// T4 restoration, open: 110 h so far; 16 h after Wed 10:00 is Fri 10:00.
	if b[1].ExternalID != "T4" || b[1].Kind != KindRestore || b[1].ElapsedMin != 110*60 || !b[1].Open ||
		!b[1].Deadline.Equal(at(2027, 3, 12, 10, 0)) {
		t.Errorf("T4 = %+v", b[1])
	}
	// T5 response in calendar time: deadline Sun 14 March 10:00.
	if b[2].ExternalID != "T5" || b[2].ElapsedMin != 2880 || !b[2].Deadline.Equal(at(2027, 3, 14, 10, 0)) {
		t.Errorf("T5 = %+v", b[2])
	}
}

func TestIndicatorsAgainstTargetsAndPreviousPeriod(t *testing.T) {
	r := compute(t, handProject())
	if r.Previous.From.String() != "2027-02-01" || r.Previous.To.String() != "2027-02-28" {
		t.Fatalf("previous = %v", r.Previous)
	}
	pt := r.PreviousTickets()
	// February: T7 within both; T8 answered in 120 calendar minutes, open 39 days → restore breach.
	if pt.Total.Tickets != 2 || pt.Total.Response.SharePct != 100 || pt.Total.Restore.SharePct != 50 || pt.BacklogEnd != 1 {
		t.Errorf("february = %+v backlog %d", pt.Total, pt.BacklogEnd)
	}
	check := func(key string, value float64, light Light, prev float64, change Change) {
		t.Helper()
		in, ok := r.Indicator(key)
		if !ok {
			t.Fatalf("no indicator %s", key)
		}
		if !in.HasValue || in.Value != value || in.Light != light || in.Previous == nil || *in.Previous != prev || in.Change != change {
			t.Errorf("%s = %+v (previous %v), want %v %s prev %v %s", key, in, in.Previous, value, light, prev, change)
		}
		// The change itself: value − previous (60 % − 100 % = −40 percentage points, …).
		if in.Delta == nil || *in.Delta != value-prev {
			t.Errorf("%s delta = %v, want %v", key, in.Delta, value-prev)
		}
	}
	check("kpi.tickets", 6, LightNone, 2, ChangeUp)
	check("kpi.response_share", 60, LightRed, 100, ChangeWorse)
	check("kpi.restore_share", 80, LightRed, 50, ChangeBetter)
	check("kpi.breaches", 3, LightNone, 1, ChangeWorse)
	check("kpi.backlog", 2, LightNone, 1, ChangeWorse)
	// Hotline: 3 of 4 answered (75 % against 90 %), ASA (20+40+60)/3 = 40 s against 30 s (amber ends at 36 s).
	check("kpi.answered_share", 75, LightRed, 100, ChangeWorse)
	check("kpi.asa", 40, LightRed, 10, ChangeWorse)
	// Satisfaction 5,4,4,3,1: 3 of 5 satisfied = 60 % against 80 %; mean 3.4.
	// No answers in February: no previous value, no change.
	if in, _ := r.Indicator("kpi.csat"); in.Value != 60 || in.Light != LightRed || in.Previous != nil || in.Change != ChangeNone || *in.Target != 80 {
		t.Errorf("csat = %+v", in)
	}
}

// Issue 13, 1.9: a comparison period without ticket data has no previous value ("–"), not 0
// and "worse".
func TestNoPreviousTicketDataIsNoChange(t *testing.T) {
	p := handProject()
	var keep []domain.Ticket
	for _, tk := range p.Tickets {
		if tk.Created.Month() != time.February {
			keep = append(keep, tk)
		}
	}
	p.Tickets = keep // February had T7 and T8 only
	r := compute(t, p)
	for _, key := range []string{"kpi.tickets", "kpi.breaches", "kpi.backlog", "kpi.response_share"} {
		in, _ := r.Indicator(key)
		if in.Previous != nil || in.Delta != nil || in.Change != ChangeNone || !in.HasValue {
			t.Errorf("%s = %+v, want a value without previous, delta or change", key, in)
		}
	}
}

func TestHotlineByHand(t *testing.T) {
	r := compute(t, handProject())
	h := r.Hotline
	if h.Calls != 4 || h.Answered != 3 || h.Missed != 1 || h.AnsweredPct != 75 || h.AbandonPct != 25 || h.ASASeconds != 40 ||
		h.WithinWait != 1 || h.WithinWaitPct != 33.33 || h.MeanTalkSeconds != 200 {
		t.Errorf("hotline = %+v", h)
	}
	// Monday 8–9 h: two calls; Monday 9–10 h: one, missed; Tuesday 14–15 h: one.
	if h.Heat[0][8] != 2 || h.Heat[0][9] != 1 || h.HeatMissed[0][9] != 1 || h.Heat[1][14] != 1 || h.HeatMissed[0][8] != 0 {
		t.Errorf("heat map wrong: mon %v tue %v", h.Heat[0], h.Heat[1])
	}
	s := r.Satisfaction
	if s.Answers != 5 || s.Satisfied != 3 || s.CSATPct != 60 || s.Mean != 3.4 || s.Counts != [5]int{1, 0, 1, 2, 1} {
		t.Errorf("satisfaction = %+v", s)
	}
	if in, _ := r.Indicator("kpi.satisfaction_mean"); in.Value != 3.4 || in.Previous != nil || in.Change != ChangeNone {
		t.Errorf("mean indicator = %+v", in)
	}
}

func TestLightBoundaries(t *testing.T) {
	s := domain.KPISettings{}.WithDefaults() // 5 points, 20 %
	cases := []struct {
		v, target float64
		dir       int
		want      Light
	}{
		{90, 90, +1, LightGreen}, {95, 90, +1, LightGreen}, {86, 90, +1, LightAmber}, {85, 90, +1, LightAmber},
		{84.99, 90, +1, LightRed}, {30, 30, -1, LightGreen}, {36, 30, -1, LightAmber}, {36.1, 30, -1, LightRed},
		{10, 30, -1, LightGreen}, {5, 0, 0, LightNone},
	}
	for _, c := range cases {
		if got := LightFor(c.v, c.target, c.dir, s); got != c.want {
			t.Errorf("LightFor(%v, %v, %d) = %s, want %s", c.v, c.target, c.dir, got, c.want)
		}
	}
	wide := domain.KPISettings{AmberPoints: 10}
	if got := LightFor(81, 90, +1, wide); got != LightAmber {
		t.Errorf("with 10 points: %s, want amber", got)
	}
}

func TestNoTargetsNoDataNoLights(t *testing.T) {
	p := handProject()
	p.SLAs = nil
	p.Calls = nil
	r, err := Compute(p, march, Options{AsOf: at(2027, 3, 31, 16, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Tickets.Unclassified != 6 || r.Tickets.Total.Response.Measured != 0 || len(r.Tickets.Breaches) != 0 {
		t.Errorf("without SLA: %+v", r.Tickets.Total)
	}
	in, _ := r.Indicator("kpi.answered_share")
	if in.HasValue || in.Light != LightNone || in.Target != nil {
		t.Errorf("answered share without calls and SLA = %+v", in)
	}
	if _, err := Compute(p, Period{From: domain.NewDate(2027, 3, 2), To: domain.NewDate(2027, 3, 1)}, Options{}); err != ErrPeriod {
		t.Errorf("reversed period: %v", err)
	}
}

func TestAsOfDefaultsToTheDataHorizon(t *testing.T) {
	p := handProject()
	r, err := Compute(p, march, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The newest time in the data is the April ticket T9 (1 April 09:00).
	if !r.AsOf.Equal(at(2027, 4, 1, 9, 0)) {
		t.Errorf("as of %v", r.AsOf)
	}
}

// Issue 13, 1.8: a later call or survey answer does not move the moment open tickets are
// measured to; that is the ticket export's newest time.
func TestAsOfIgnoresCallsAndAnswers(t *testing.T) {
	p := handProject()
	p.Calls = append(p.Calls, domain.Call{ID: 9, At: at(2027, 5, 11, 10, 0), Answered: true})
	p.SurveyAnswers = append(p.SurveyAnswers, domain.SurveyAnswer{ID: 9, At: at(2027, 5, 10, 12, 0), Question: "Q1", Score: 5})
	r, err := Compute(p, march, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.AsOf.Equal(at(2027, 4, 1, 9, 0)) {
		t.Errorf("as of %v, want the ticket T9 of 1 April 09:00", r.AsOf)
	}
	// T4 (P2, open) from Wed 10 March 10:00 to Thu 1 April 09:00 in service time:
	// 6 + 16 + 40 + 32 (Karfreitag off) + 16 (Ostermontag off) + 1 = 111 h = 6660 min.
	var found bool
	for _, b := range r.Tickets.Breaches {
		if b.TicketID == 4 && b.Kind == KindRestore {
			found = true
			if !b.Open || b.ElapsedMin != 6660 {
				t.Errorf("T4 breach = %+v, want open and 6660 min", b)
			}
		}
	}
	if !found {
		t.Error("T4's open restoration breach is missing")
	}
	if d := DefaultPeriod(p, time.Time{}); d.From.String() != "2027-04-01" {
		t.Errorf("default period %v: calls and answers still choose it", d)
	}
}

func TestPerPackageSLA(t *testing.T) {
	p := handProject()
	strict := officeSLA()
	strict.ID, strict.Name = 2, "Störung streng"
	pkg := int64(11)
	strict.PackageID = &pkg
	strict.Classes[0].RestoreMinutes = 120 // T1 took 180 min: a breach under this SLA only
	p.SLAs = append(p.SLAs, strict)
	r := compute(t, p)
	if r.Tickets.Total.Restore.Within != 3 || len(r.Tickets.Breaches) != 4 {
		t.Errorf("restore within %d, breaches %d; want 3 and 4", r.Tickets.Total.Restore.Within, len(r.Tickets.Breaches))
	}
}

func TestPeriods(t *testing.T) {
	q2 := QuarterPeriod(domain.NewDate(2027, 5, 17))
	if q2.From.String() != "2027-04-01" || q2.To.String() != "2027-06-30" || q2.Days() != 91 {
		t.Errorf("Q2 = %v (%d days)", q2, q2.Days())
	}
	if pr := q2.Previous(); pr.From.String() != "2027-01-01" || pr.To.String() != "2027-03-31" {
		t.Errorf("before Q2: %v", pr)
	}
	if pr := MonthPeriod(domain.NewDate(2027, 3, 9)).Previous(); pr.From.String() != "2027-02-01" || pr.To.String() != "2027-02-28" {
		t.Errorf("before March: %v", pr)
	}
	odd := Period{From: domain.NewDate(2027, 3, 10), To: domain.NewDate(2027, 3, 19)}
	if pr := odd.Previous(); pr.From.String() != "2027-02-28" || pr.To.String() != "2027-03-09" {
		t.Errorf("before 10–19 March: %v", pr)
	}
	if m := (Period{From: domain.NewDate(2026, 12, 15), To: domain.NewDate(2027, 2, 2)}).Months(); len(m) != 3 || m[0] != "2026-12" || m[2] != "2027-02" {
		t.Errorf("months = %v", m)
	}
	// The period starts at midnight Berlin time (23:00 UTC in winter).
	if s := march.Start(); !s.Equal(time.Date(2027, 2, 28, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("start = %v", s)
	}
	if e := march.End(); !e.Equal(time.Date(2027, 3, 31, 22, 0, 0, 0, time.UTC)) { // summer time since 28 March
		t.Errorf("end = %v", e)
	}
}

// Percentile is Excel's PERCENTILE.INC; the expected values are what Excel's MEDIAN and
// PERCENTILE.INC give for the same cells.
func TestPercentileInclusive(t *testing.T) {
	cases := []struct {
		v      []float64
		q      float64
		expect float64
	}{
		{nil, 50, 0}, {[]float64{7}, 90, 7},
		// the case: the two middle values 20 and 30 → 25, not the lower one
		{[]float64{10, 20, 30, 40}, 50, 25},
		// P90 of 10 … 40: rank 3·0.9 = 2.7 → 30 + 0.7·10 = 37
		{[]float64{10, 20, 30, 40}, 90, 37},
		// P90 of 1 … 10: rank 9·0.9 = 8.1 → 9 + 0.1·1 = 9.1
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9.1},
		{[]float64{1, 2, 3}, 50, 2}, {[]float64{1, 2, 3}, 100, 3}, {[]float64{1, 2, 3}, 0, 1},
	}
	for _, c := range cases {
		if got := Percentile(c.v, c.q); math.Abs(got-c.expect) > 1e-9 {
			t.Errorf("P%v(%v) = %v, want %v", c.q, c.v, got, c.expect)
		}
	}
}

// The index must give exactly what the clock gives, across holidays, Ferien and both DST changes.
func TestServiceIndexAgreesWithTheClock(t *testing.T) {
	sla := officeSLA()
	sla.SchoolHolidaysStopClock = true
	sla.Windows = append(sla.Windows, domain.ServiceWindow{Weekday: 0, StartMinute: 60, EndMinute: 200}) // Sunday night across DST
	ferien := []domain.SchoolHoliday{{First: domain.NewDate(2027, 7, 8), Last: domain.NewDate(2027, 8, 18)}}
	// Overlapping windows in reverse order on Wednesdays (the editor refuses them, a file may not):
	// the index must fall back to the clock on those days.
	odd := sla
	odd.Windows = append(append([]domain.ServiceWindow(nil), sla.Windows...), domain.ServiceWindow{Weekday: 3, StartMinute: 15 * 60, EndMinute: 17 * 60},
		domain.ServiceWindow{Weekday: 3, StartMinute: 6 * 60, EndMinute: 7 * 60})
	var clock *domain.SLAClock
	var x *serviceIndex
	for _, s := range []domain.SLA{sla, odd} {
		clock = domain.NewSLAClock(s, "NI", ferien, 2027)
		x = newServiceIndex(clock, s, domain.NewDate(2027, 1, 1), domain.NewDate(2027, 12, 31))
		rnd := rand.New(rand.NewSource(7))
		base := at(2027, 1, 1, 0, 0)
		for i := 0; i < 3000; i++ {
			a := base.Add(time.Duration(rnd.Int63n(int64(360 * 24 * time.Hour)))).Truncate(time.Second)
			b := a.Add(time.Duration(rnd.Int63n(int64(20 * 24 * time.Hour)))).Truncate(time.Second)
			if i%3 == 0 {
				b = a.Add(time.Duration(rnd.Int63n(int64(10 * time.Hour)))) // same day, sub-second too
			}
			if got, want := x.elapsed(a, b), clock.Elapsed(a, b); got != want {
				t.Fatalf("elapsed(%v, %v) = %v, clock says %v", a, b, got, want)
			}
		}
	}
	// Deadlines agree as well, also where the target ends exactly at a window's end.
	rnd := rand.New(rand.NewSource(9))
	for i := 0; i < 2000; i++ {
		a := at(2027, 1, 2, 0, 0).Add(time.Duration(rnd.Int63n(int64(330 * 24 * time.Hour)))).Truncate(time.Second)
		target := time.Duration(rnd.Intn(5000)) * time.Minute
		if i%5 == 0 {
			target = 8 * time.Hour
		}
		got, ok1 := x.deadline(a, target)
		want, ok2 := clock.Deadline(a, target)
		if ok1 != ok2 || !got.Equal(want) {
			t.Fatalf("deadline(%v, %v) = %v %v, clock says %v %v", a, target, got, ok1, want, ok2)
		}
	}
	// Outside the range the index falls back to the clock.
	a, b := at(2026, 12, 30, 9, 0), at(2027, 1, 4, 9, 0)
	if got, want := x.elapsed(a, b), clock.Elapsed(a, b); got != want {
		t.Errorf("outside: %v vs %v", got, want)
	}
}

func TestFrozenRoundTrip(t *testing.T) {
	r := compute(t, handProject())
	due := domain.NewDate(2027, 4, 1)
	id := int64(7)
	p := &domain.Project{Persons: []domain.Person{{ID: 7, Name: "Maren Ohlsen"}}}
	s := r.Freeze(FreezeMeasures(p, []domain.Measure{{ID: 3, Text: "Hotline verstärken", Due: &due,
		Owners: []domain.Attendee{{PersonID: &id}, {Guest: "Jens Wübbena", Note: "Nordlicht"}}}}))
	if !json.Valid([]byte(s)) {
		t.Fatal("not JSON")
	}
	f, ok := ParseFrozen(s)
	if !ok || f.Period != march || len(f.Indicators) != len(r.Indicators) || f.CarriedMeasures[0].Text != "Hotline verstärken" ||
		f.CarriedMeasures[0].Owner != "Maren Ohlsen, Jens Wübbena (Nordlicht)" {
		t.Errorf("frozen = %+v", f)
	}
	// A snapshot written before persons existed keeps its owner's free text.
	if old, ok := ParseFrozen(`{"version":1,"carriedMeasures":[{"id":1,"text":"x","owner":"Jens Wübbena (Nordlicht)"}]}`); !ok || old.CarriedMeasures[0].Owner != "Jens Wübbena (Nordlicht)" {
		t.Errorf("old snapshot = %+v", old)
	}
	if f.Method != MethodVersion || r.Method != MethodVersion {
		t.Errorf("method %d / %d, want %d", f.Method, r.Method, MethodVersion)
	}
	if _, ok := ParseFrozen(`{"x":1}`); ok {
		t.Error("a document without version parsed")
	}
	if _, ok := ParseFrozen(""); ok {
		t.Error("empty parsed")
	}
}

// Issue 13, 1.10: a snapshot frozen before the methods were numbered keeps its figures, even
// those the current method computes otherwise (0 tickets before compared as "worse"), and
// reads as method 1.
func TestOldFrozenSnapshotKeepsItsFigures(t *testing.T) {
	old := `{"version":1,"period":{"from":"2027-01-01","to":"2027-03-31"},"asOf":"2027-04-13T07:00:00Z",` +
		`"indicators":[{"key":"kpi.breaches","hasValue":true,"value":49,"basis":49,"direction":-1,"light":"none","previous":0,"change":"worse"}]}`
	f, ok := ParseFrozen(old)
	if !ok || f.Method != 1 || len(f.Indicators) != 1 {
		t.Fatalf("frozen = %+v", f)
	}
	in := f.Indicators[0]
	if in.Value != 49 || in.Previous == nil || *in.Previous != 0 || in.Change != ChangeWorse || in.Delta != nil {
		t.Errorf("indicator = %+v: an old snapshot must stay as it was", in)
	}
}

// Once a contract names its SLA, tickets are measured against the copy frozen with it, not
// against the working SLA someone may be editing for the next tender.
func TestFrozenSLAIsInForce(t *testing.T) {
	p := handProject()
	frozen := officeSLA()
	frozen.ID, frozen.FrozenForContract = 5, true
	frozen.Classes[0].ResponseMinutes = 60 // T2's 45 min now within
	p.SLAs = append(p.SLAs, frozen)
	id := int64(5)
	p.Contract.SLAID = &id
	r := compute(t, p)
	if r.Tickets.Total.Response.Within != 4 {
		t.Errorf("response within = %d, want 4 under the frozen SLA", r.Tickets.Total.Response.Within)
	}
	p.Contract.SLAID = nil
	if r := compute(t, p); r.Tickets.Total.Response.Within != 3 {
		t.Errorf("without a contract: %d within, want 3", r.Tickets.Total.Response.Within)
	}
}

func TestLightCounts(t *testing.T) {
	r := &Report{
		Indicators:      []Indicator{{Light: LightGreen}, {Light: LightRed}, {Light: LightNone}, {Light: LightGreen}},
		ClassIndicators: []Indicator{{Light: LightAmber}, {Light: LightRed}},
	}
	// indicators: 2 green, 1 red, 1 without a light; classes: 1 amber, 1 red → 2 / 1 / 2
	if g, a, red := r.LightCounts(); g != 2 || a != 1 || red != 2 {
		t.Fatalf("got %d green, %d amber, %d red; want 2, 1, 2", g, a, red)
	}
}
