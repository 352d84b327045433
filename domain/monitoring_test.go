package domain

import (
	"testing"
	"time"
)

func dayPtr(y int, m time.Month, d int) *Date { x := NewDate(y, m, d); return &x }

func TestMonitoringFindingsByHand(t *testing.T) {
	jf1, jf2 := int64(1), int64(2)
	p := &Project{
		SLAs:      []SLA{{ID: 1, Classes: []PriorityClassTarget{{Code: "P1"}, {Code: "P2"}}}},
		Tickets:   []Ticket{{ID: 1, Priority: "P1"}, {ID: 2, Priority: "p2"}, {ID: 3, Priority: "dringend"}},
		JourFixes: []JourFixe{{ID: 1, Date: NewDate(2027, 3, 2)}, {ID: 2, Date: NewDate(2027, 4, 6)}},
		Measures: []Measure{
			{ID: 1, JourFixeID: &jf1, Text: "Hotline-Zeiten veröffentlichen", Owners: []Attendee{{Guest: "DL"}}, Due: dayPtr(2027, 3, 31), Status: MeasureDone},
			{ID: 2, JourFixeID: &jf1, Text: "WLAN Altbau prüfen", Owners: []Attendee{{Guest: "DL"}}, Due: dayPtr(2027, 5, 9), Status: MeasureInProgress},
			{ID: 3, JourFixeID: &jf2, Text: "Schulung Lehrkräfte", Owners: []Attendee{{Guest: "SL"}}, Due: dayPtr(2027, 5, 10), Status: MeasureOpen},
			{ID: 4, JourFixeID: &jf2, Text: "Ohne Zuständige", Status: MeasureOpen},
		},
		KnowledgeChecks: []KnowledgeCheck{
			{ID: 1, Subject: "Prozessdokumentation", ReviewedOn: dayPtr(2027, 1, 15)},
			{ID: 2, Subject: "Wissensdatenbank", ReviewedOn: dayPtr(2026, 5, 9)},
			{ID: 3, Subject: "Protokolle"},
		},
	}
	got := MonitoringFindings(p, NewDate(2027, 5, 10))
	want := []struct {
		code, subject string
		id            int64
	}{
		{FindTicketsNoSLAClass, "1", 0},
		{FindMeasureOverdue, "WLAN Altbau prüfen", 2}, // due yesterday; measure 3 is due today: not yet overdue
		{FindMeasureNoOwner, "Ohne Zuständige", 4},
		{FindKnowledgeStale, "Wissensdatenbank", 2}, // reviewed 12 months and a day ago
		{FindKnowledgeNever, "Protokolle", 3},
	}
	if len(got) != len(want) {
		t.Fatalf("findings = %+v", got)
	}
	for i, w := range want {
		if got[i].Code != w.code || got[i].Subject != w.subject || got[i].EntityID != w.id || got[i].Step != 12 {
			t.Errorf("finding %d = %+v, want %+v", i, got[i], w)
		}
	}
	st, figs, _ := evaluateMonitoring(p, NewDate(2027, 5, 10))
	if st != StateInProgress {
		t.Errorf("state %s, want in progress", st)
	}
	fig := map[string]Figure{}
	for _, f := range figs {
		fig[f.Key] = f
	}
	if fig["fig.monitoring.tickets"].Value != 3 || fig["fig.monitoring.open_measures"].Value != 3 ||
		fig["fig.monitoring.overdue_measures"].Value != 1 || fig["fig.monitoring.last_jourfixe"].Text != "2027-04-06" {
		t.Errorf("figures = %+v", figs)
	}

	// Everything answered: the step is done.
	p.Tickets[2].Priority = "P2"
	p.Measures[1].Status = MeasureDone
	p.Measures[3].Owners = []Attendee{{Guest: "DL"}}
	p.KnowledgeChecks[1].ReviewedOn = dayPtr(2027, 5, 1)
	p.KnowledgeChecks[2].ReviewedOn = dayPtr(2027, 5, 1)
	if st, _, f := evaluateMonitoring(p, NewDate(2027, 5, 10)); st != StateDone || len(f) != 0 {
		t.Errorf("state %s, findings %+v", st, f)
	}
}

func TestMonitoringEmptyAndStarted(t *testing.T) {
	p := &Project{}
	if st, _, f := evaluateMonitoring(p, NewDate(2027, 5, 10)); st != StateOpen || len(f) != 0 {
		t.Errorf("empty project: %s %+v", st, f)
	}
	p.Calls = []Call{{ID: 1}}
	st, _, f := evaluateMonitoring(p, NewDate(2027, 5, 10))
	if st != StateInProgress || len(f) != 3 || f[0].Code != FindMonitoringNoSLA || f[1].Code != FindNoJourFixe || f[2].Code != FindKnowledgeMissing {
		t.Errorf("calls only: %s %+v", st, f)
	}
}

func TestOpenMeasuresCarryOver(t *testing.T) {
	jf1, jf2 := int64(1), int64(2)
	p := &Project{
		JourFixes: []JourFixe{{ID: 1, Date: NewDate(2027, 3, 2)}, {ID: 2, Date: NewDate(2027, 4, 6)}},
		Measures: []Measure{
			{ID: 1, JourFixeID: &jf1, Text: "a", Due: dayPtr(2027, 4, 1), Status: MeasureDone},
			{ID: 2, JourFixeID: &jf1, Text: "b", Status: MeasureOpen},
			{ID: 3, JourFixeID: &jf1, Text: "c", Due: dayPtr(2027, 3, 20), Status: MeasureInProgress},
			{ID: 4, JourFixeID: &jf2, Text: "d", Status: MeasureOpen},
			{ID: 5, Text: "e", Due: dayPtr(2027, 3, 1)},
		},
	}
	got := OpenMeasuresBefore(p, NewDate(2027, 4, 6))
	if len(got) != 3 || got[0].ID != 5 || got[1].ID != 3 || got[2].ID != 2 {
		t.Errorf("carried over = %+v", got)
	}
}

func TestMonitoringValidation(t *testing.T) {
	if ValidateMeasure(Measure{Text: " "}) != ErrMeasureTextEmpty || ValidateMeasure(Measure{Text: "x", Status: "vielleicht"}) != ErrMeasureStatus ||
		ValidateMeasure(Measure{Text: "x", Status: "erledigt"}) != nil {
		t.Error("measure validation")
	}
	today := NewDate(2027, 5, 10)
	if ValidateKnowledgeCheck(KnowledgeCheck{Subject: "x", ReviewedOn: dayPtr(2027, 5, 11)}, today) != ErrKnowledgeInFuture ||
		ValidateKnowledgeCheck(KnowledgeCheck{}, today) != ErrKnowledgeSubject ||
		ValidateKnowledgeCheck(KnowledgeCheck{Subject: "x", ReviewedOn: &today}, today) != nil {
		t.Error("knowledge validation")
	}
	if ValidateJourFixe(JourFixe{}) != ErrJourFixeDate || ValidateJourFixe(JourFixe{Date: today, FrozenKPIs: "{"}) != ErrJourFixeSnapshot {
		t.Error("jour fixe validation")
	}
	if NormalizeSourceValue("  1\u00a0 -  Sehr  HOCH ") != "1 - sehr hoch" {
		t.Errorf("normalized %q", NormalizeSourceValue("  1\u00a0 -  Sehr  HOCH "))
	}
}

func TestMeasureStatusKey(t *testing.T) {
	for in, want := range map[string]string{
		"done": MeasureDone, " Erledigt ": MeasureDone, "in-progress": MeasureInProgress,
		"open": MeasureOpen, "": MeasureOpen, "irgendwas": MeasureOpen,
	} {
		if got := MeasureStatusKey(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
