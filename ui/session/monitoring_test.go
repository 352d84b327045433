package session_test

import (
	"encoding/json"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// sameAsFile checks that the model equals what a fresh Load of the file gives.
func sameAsFile(t *testing.T, s *session.Session) {
	t.Helper()
	f := stored(t, s)
	for _, pair := range [][2]any{
		{s.Project.Tickets, f.Tickets}, {s.Project.Calls, f.Calls}, {s.Project.SurveyAnswers, f.SurveyAnswers},
		{s.Project.JourFixes, f.JourFixes}, {s.Project.Measures, f.Measures}, {s.Project.KnowledgeChecks, f.KnowledgeChecks},
		{s.Project.Config, f.Config},
	} {
		a, _ := json.Marshal(pair[0])
		b, _ := json.Marshal(pair[1])
		if string(a) != string(b) {
			t.Fatalf("model and file differ:\n%s\n%s", a, b)
		}
	}
}

func TestImportIsOneUndoableEdit(t *testing.T) {
	s := newSession(t)
	d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	imp := session.MonitoringImport{Kind: session.ImportTickets,
		Tickets: []domain.Ticket{{ExternalID: "1", Created: d, Priority: "P1"}, {ExternalID: "2", Created: d.Add(time.Hour), Priority: "P2"}},
		Config:  map[string]string{domain.ConfigTicketMapping: `{"priorities":{"hoch":"P1"}}`}}
	if err := s.Import(imp, nil); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Tickets) != 2 || s.Project.Tickets[0].ID == 0 || s.UndoName() != "undo.monitoring.import_tickets" {
		t.Fatalf("tickets %+v, undo %q", s.Project.Tickets, s.UndoName())
	}
	sameAsFile(t, s)
	// The same export again with one more ticket: three, not five.
	imp.Tickets = append(imp.Tickets, domain.Ticket{ExternalID: "3", Created: d.Add(2 * time.Hour), Priority: "P1"})
	if err := s.Import(imp, nil); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Tickets) != 3 {
		t.Fatalf("%d tickets", len(s.Project.Tickets))
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Tickets) != 0 || s.Project.Config[domain.ConfigTicketMapping] != "" {
		t.Errorf("after undo: %+v %v", s.Project.Tickets, s.Project.Config)
	}
	sameAsFile(t, s)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Tickets) != 2 || s.Project.Config[domain.ConfigTicketMapping] == "" {
		t.Errorf("after redo: %+v", s.Project.Tickets)
	}
	sameAsFile(t, s)

	calls := session.MonitoringImport{Kind: session.ImportCalls, First: d, Last: d.Add(time.Hour),
		Calls: []domain.Call{{At: d, Answered: true}, {At: d.Add(time.Hour)}}}
	if err := s.Import(calls, nil); err != nil {
		t.Fatal(err)
	}
	answers := session.MonitoringImport{Kind: session.ImportSurvey, First: d, Last: d, Questions: []string{"Q1"},
		Answers: []domain.SurveyAnswer{{At: d, Question: "Q1", Score: 4}}, Config: map[string]string{domain.ConfigSurveyMapping: `{"reverse":false}`}}
	if err := s.Import(answers, nil); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Calls) != 2 || len(s.Project.SurveyAnswers) != 1 {
		t.Fatalf("calls %d answers %d", len(s.Project.Calls), len(s.Project.SurveyAnswers))
	}
	sameAsFile(t, s)
	s.Undo()
	s.Undo()
	if len(s.Project.Calls)+len(s.Project.SurveyAnswers) != 0 {
		t.Error("undo of calls and answers")
	}
	sameAsFile(t, s)
}

func TestMinutesMeasuresAndChecks(t *testing.T) {
	s := newSession(t)
	// The session's clock (testClock) says 10 May 2027.

	jf, err := s.AddJourFixe(domain.JourFixe{Date: domain.NewDate(2027, 4, 6), Participants: []domain.Attendee{{Guest: "SL"}, {Guest: "DL"}}})
	if err != nil {
		t.Fatal(err)
	}
	due := domain.NewDate(2027, 5, 1)
	m, err := s.AddMeasure(domain.Measure{JourFixeID: &jf, Text: "Hotline verstärken", Owners: []domain.Attendee{{Guest: "DL"}}, Due: &due})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Project.Measures[0]; got.Status != domain.MeasureOpen || *got.JourFixeID != jf {
		t.Errorf("measure %+v", got)
	}
	// Overdue since 1 May: an open question of step 12.
	if f := domain.MonitoringFindings(s.Project, s.Today()); len(f) == 0 || f[0].Code != domain.FindMeasureOverdue {
		t.Errorf("findings %+v", f)
	}
	if err := s.UpdateMeasure(m, "undo.monitoring.measure", func(x *domain.Measure) { x.Status = domain.MeasureDone }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateMeasure(m, "x", func(x *domain.Measure) { x.Text = "" }); err != domain.ErrMeasureTextEmpty {
		t.Errorf("empty text: %v", err)
	}
	sameAsFile(t, s)
	// Deleting the meeting keeps the measure, without its meeting; undo brings both back.
	if err := s.DeleteJourFixe(jf); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.JourFixes) != 0 || s.Project.Measures[0].JourFixeID != nil {
		t.Fatalf("after delete: %+v", s.Project.Measures)
	}
	sameAsFile(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.JourFixes) != 1 || s.Project.Measures[0].JourFixeID == nil || *s.Project.Measures[0].JourFixeID != jf {
		t.Fatalf("after undo: %+v", s.Project.Measures)
	}
	sameAsFile(t, s)
	missing := int64(99)
	if _, err := s.AddMeasure(domain.Measure{JourFixeID: &missing, Text: "x"}); err == nil {
		t.Error("measure of a meeting that does not exist")
	}

	future := domain.NewDate(2027, 6, 1)
	if _, err := s.AddKnowledgeCheck(domain.KnowledgeCheck{Subject: "Wissensdatenbank", ReviewedOn: &future}); err != domain.ErrKnowledgeInFuture {
		t.Errorf("future review: %v", err)
	}
	k, err := s.AddKnowledgeCheck(domain.KnowledgeCheck{Subject: "Wissensdatenbank"})
	if err != nil {
		t.Fatal(err)
	}
	today := domain.NewDate(2027, 5, 10)
	if err := s.UpdateKnowledgeCheck(k, "undo.monitoring.check", func(x *domain.KnowledgeCheck) { x.ReviewedOn, x.ReviewedBy = &today, "Frau A" }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateJourFixe(jf, "undo.monitoring.jourfixe", func(j *domain.JourFixe) { j.Notes = "P1-Quote im Ziel" }); err != nil {
		t.Fatal(err)
	}
	sameAsFile(t, s)
	if err := s.DeleteKnowledgeCheck(k); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil || len(s.Project.KnowledgeChecks) != 1 || s.Project.KnowledgeChecks[0].ReviewedBy != "Frau A" {
		t.Errorf("undo delete check: %v %+v", err, s.Project.KnowledgeChecks)
	}
	sameAsFile(t, s)
}

func TestClearImportIsUndoable(t *testing.T) {
	s := newSession(t)
	d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	if err := s.Import(session.MonitoringImport{Kind: session.ImportTickets, Tickets: []domain.Ticket{{ExternalID: "1", Created: d, Priority: "P1"}}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearImport(session.ImportTickets); err != nil {
		t.Fatal(err)
	}
	if len(s.Project.Tickets) != 0 || s.UndoName() != "undo.monitoring.clear_tickets" {
		t.Fatalf("%d tickets, undo %q", len(s.Project.Tickets), s.UndoName())
	}
	sameAsFile(t, s)
	if err := s.Undo(); err != nil || len(s.Project.Tickets) != 1 {
		t.Fatalf("undo: %v %d", err, len(s.Project.Tickets))
	}
	sameAsFile(t, s)
}
