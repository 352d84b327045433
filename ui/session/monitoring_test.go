package session_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/ui/session"
)

// sameAsFile checks that the model equals what a fresh open of the file gives: the same
// minutes, measures, checks and configuration, the same counts of the rows the file keeps.
func sameAsFile(t *testing.T, s *session.Session) {
	t.Helper()
	f := stored(t, s)
	if s.Project.Tickets != nil || s.Project.Calls != nil || s.Project.SurveyAnswers != nil {
		t.Fatal("the model holds monitoring rows")
	}
	for _, pair := range [][2]any{
		{s.Project.Monitoring(), f.Monitoring()},
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
	if ts, err := s.File.LoadTickets(); err != nil || s.Project.Monitoring().Tickets != 2 || len(ts) != 2 || ts[0].ID == 0 || s.UndoName() != "undo.monitoring.import_tickets" {
		t.Fatalf("tickets %+v (%v), undo %q", ts, err, s.UndoName())
	}
	sameAsFile(t, s)
	// The same export again with one more ticket: three, not five.
	imp.Tickets = append(imp.Tickets, domain.Ticket{ExternalID: "3", Created: d.Add(2 * time.Hour), Priority: "P1"})
	if err := s.Import(imp, nil); err != nil {
		t.Fatal(err)
	}
	if s.Project.Monitoring().Tickets != 3 {
		t.Fatalf("%d tickets", s.Project.Monitoring().Tickets)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Monitoring().Tickets != 0 || s.Project.Config[domain.ConfigTicketMapping] != "" {
		t.Errorf("after undo: %+v %v", s.Project.Monitoring(), s.Project.Config)
	}
	sameAsFile(t, s)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Monitoring().Tickets != 2 || s.Project.Config[domain.ConfigTicketMapping] == "" {
		t.Errorf("after redo: %+v", s.Project.Monitoring())
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
	if s.Project.Monitoring().Calls != 2 || s.Project.Monitoring().Answers != 1 {
		t.Fatalf("calls %d answers %d", s.Project.Monitoring().Calls, s.Project.Monitoring().Answers)
	}
	sameAsFile(t, s)
	s.Undo()
	s.Undo()
	if s.Project.Monitoring().Calls+s.Project.Monitoring().Answers != 0 {
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
	if s.Project.Monitoring().Tickets != 0 || s.UndoName() != "undo.monitoring.clear_tickets" {
		t.Fatalf("%d tickets, undo %q", s.Project.Monitoring().Tickets, s.UndoName())
	}
	sameAsFile(t, s)
	if err := s.Undo(); err != nil || s.Project.Monitoring().Tickets != 1 {
		t.Fatalf("undo: %v %d", err, s.Project.Monitoring().Tickets)
	}
	sameAsFile(t, s)
}

// withRows makes the model hold every monitoring row, as the command line loads it
// (persistence.File.Load); sessions open without them.
func withRows(t *testing.T, s *session.Session) {
	t.Helper()
	s.Project = fullyStored(t, s)
}

// withoutRows makes the model hold no monitoring rows, only the store's counts, as the GUI
// keeps it (persistence.File.LoadWithoutRows).
func withoutRows(t *testing.T, s *session.Session) {
	t.Helper()
	p, _, err := s.File.LoadWithoutRows()
	if err != nil {
		t.Fatal(err)
	}
	s.Project = p
	if p.Stored == nil || len(p.Tickets)+len(p.Calls)+len(p.SurveyAnswers) != 0 {
		t.Fatalf("model with rows: %+v", p.Stored)
	}
}

// holdRows is withRows when rows is set, else withoutRows: the two models the monitoring edits
// are tested with.
func holdRows(t *testing.T, s *session.Session, rows bool) {
	t.Helper()
	if rows {
		withRows(t, s)
	} else {
		withoutRows(t, s)
	}
}

// A ticket import that updates 3 tickets and adds 5, undone and redone through the session –
// with the rows in the model and with only the store's counts there.
func TestUndoOfTicketImportRestoresUpdatedAndDropsNew(t *testing.T) {
	for _, rows := range []bool{true, false} {
		s := newSession(t)
		d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
		var first, next []domain.Ticket
		for i := 1; i <= 4; i++ { // A-1 … A-4
			first = append(first, domain.Ticket{ExternalID: fmt.Sprintf("A-%d", i), Created: d.Add(time.Duration(i) * time.Hour), Priority: "P3"})
		}
		if err := s.Import(session.MonitoringImport{Kind: session.ImportTickets, Tickets: first}, nil); err != nil {
			t.Fatal(err)
		}
		holdRows(t, s, rows)
		before := fullyStored(t, s).Tickets
		solved := d.Add(48 * time.Hour)
		for _, id := range []string{"A-1", "A-2", "A-3"} { // 3 updated
			next = append(next, domain.Ticket{ExternalID: id, Created: d, Priority: "P1", Resolved: &solved, Status: "gelöst"})
		}
		for i := 1; i <= 5; i++ { // 5 new
			next = append(next, domain.Ticket{ExternalID: fmt.Sprintf("B-%d", i), Created: d.Add(time.Duration(i) * time.Minute), Priority: "P2"})
		}
		rev := s.Revision()
		if err := s.Import(session.MonitoringImport{Kind: session.ImportTickets, Tickets: next}, nil); err != nil {
			t.Fatal(err)
		}
		after := fullyStored(t, s).Tickets
		// 4 before + 5 new = 9 tickets, 3 of them changed.
		if len(after) != 9 || s.Project.Monitoring().Tickets != 9 || s.Revision() == rev {
			t.Fatalf("rows %v: %d tickets in the file, %d in the model, revision %d → %d", rows, len(after), s.Project.Monitoring().Tickets, rev, s.Revision())
		}
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if got := fullyStored(t, s).Tickets; !reflect.DeepEqual(got, before) {
			t.Errorf("rows %v: undo gave\n%+v\nwant\n%+v", rows, got, before)
		}
		if n := s.Project.Monitoring().Tickets; n != 4 {
			t.Errorf("rows %v: the model counts %d tickets after undo, want 4", rows, n)
		}
		if err := s.Redo(); err != nil {
			t.Fatal(err)
		}
		if got := fullyStored(t, s).Tickets; !reflect.DeepEqual(got, after) || s.Project.Monitoring().Tickets != 9 {
			t.Errorf("rows %v: redo gave\n%+v\nwant\n%+v", rows, got, after)
		}
		if rows {
			if !reflect.DeepEqual(s.Project.Tickets, after) {
				t.Errorf("the model's tickets differ from the file's")
			}
		} else if len(s.Project.Tickets) != 0 {
			t.Errorf("the model took %d ticket rows", len(s.Project.Tickets))
		}
	}
}

// A call list that covers 2–3 March replaces the calls there; undo brings them back, redo
// replaces them again.
func TestUndoOfCallSpanImportRestoresReplacedCalls(t *testing.T) {
	for _, rows := range []bool{true, false} {
		s := newSession(t)
		at := func(day, h int) time.Time { return time.Date(2027, 3, day, h, 0, 0, 0, time.UTC) }
		old := session.MonitoringImport{Kind: session.ImportCalls, First: at(1, 0), Last: at(4, 23),
			Calls: []domain.Call{{At: at(1, 9)}, {At: at(2, 9), WaitSeconds: 5}, {At: at(3, 9), TalkSeconds: 7}, {At: at(4, 9)}}}
		if err := s.Import(old, nil); err != nil {
			t.Fatal(err)
		}
		holdRows(t, s, rows)
		before := fullyStored(t, s).Calls
		span := session.MonitoringImport{Kind: session.ImportCalls, First: at(2, 0), Last: at(3, 23),
			Calls: []domain.Call{{At: at(2, 10), Answered: true}}}
		if err := s.Import(span, nil); err != nil {
			t.Fatal(err)
		}
		if n := s.Project.Monitoring().Calls; n != 3 { // 4 − 2 replaced + 1
			t.Fatalf("rows %v: %d calls after the import, want 3", rows, n)
		}
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if got := fullyStored(t, s).Calls; !reflect.DeepEqual(got, before) || s.Project.Monitoring().Calls != 4 {
			t.Errorf("rows %v: undo gave %+v, want %+v", rows, got, before)
		}
		if err := s.Redo(); err != nil {
			t.Fatal(err)
		}
		if n := s.Project.Monitoring().Calls; n != 3 || len(fullyStored(t, s).Calls) != 3 {
			t.Errorf("rows %v: redo: %d calls", rows, n)
		}
	}
}

// In the GUI (a model without rows) undo and redo of an import change the model at once and
// hand the swap in the file to the write queue: until the queue has run, the file still holds
// the import, the status counts one write pending, and the model already shows the counts
// before it.
func TestUndoOfAnImportGoesThroughTheWriteQueue(t *testing.T) {
	s := newSession(t)
	d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	var two, three []domain.Ticket
	for i := 1; i <= 2; i++ {
		two = append(two, domain.Ticket{ExternalID: fmt.Sprintf("A-%d", i), Created: d.Add(time.Duration(i) * time.Hour), Priority: "P3"})
	}
	for i := 1; i <= 3; i++ {
		three = append(three, domain.Ticket{ExternalID: fmt.Sprintf("B-%d", i), Created: d.Add(time.Duration(i) * time.Minute), Priority: "P2"})
	}
	if err := s.Import(session.MonitoringImport{Kind: session.ImportTickets, Tickets: two}, nil); err != nil {
		t.Fatal(err)
	}
	withoutRows(t, s)
	if err := s.Import(session.MonitoringImport{Kind: session.ImportTickets, Tickets: three}, nil); err != nil {
		t.Fatal(err)
	}
	if n := s.Project.Monitoring().Tickets; n != 5 { // 2 + 3
		t.Fatalf("after the import the model counts %d tickets, want 5", n)
	}
	s.WriteIn(session.WriteOnFlush, nil)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if n := s.Project.Monitoring().Tickets; n != 2 {
		t.Errorf("after undo the model counts %d tickets, want 2 at once", n)
	}
	if st := s.SaveState(); st.Pending != 1 {
		t.Errorf("after undo %d writes are pending, want the one swap", st.Pending)
	}
	if n := countTickets(t, s); n != 5 {
		t.Errorf("before the queue ran the file holds %d tickets, want still 5", n)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := countTickets(t, s); n != 2 {
		t.Errorf("after the queue ran the file holds %d tickets, want 2", n)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if n := s.Project.Monitoring().Tickets; n != 5 || s.SaveState().Pending != 1 {
		t.Errorf("redo: the model counts %d tickets with %d writes pending, want 5 and 1", n, s.SaveState().Pending)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := countTickets(t, s); n != 5 {
		t.Errorf("after redo the file holds %d tickets, want 5", n)
	}
}

// countTickets counts the tickets in the file as it is now, without waiting for the queue.
func countTickets(t *testing.T, s *session.Session) int {
	t.Helper()
	o, err := s.File.MonitoringOverview(s.Project)
	if err != nil {
		t.Fatal(err)
	}
	return o.Tickets
}

// While an import is being stored on another goroutine, undo and redo – Strg+Z pressed behind
// the wait dialog – are refused with a message instead of taking back rows under it (and
// queueing a swap behind the new import); afterwards they work again.
func TestNoEditWhileAnImportIsStored(t *testing.T) {
	s := newSession(t)
	d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	if err := s.Import(session.MonitoringImport{Kind: session.ImportTickets, Tickets: []domain.Ticket{{ExternalID: "A-1", Created: d, Priority: "P3"}}}, nil); err != nil {
		t.Fatal(err)
	}
	var undoErr, redoErr error
	reported := false
	next := session.MonitoringImport{Kind: session.ImportTickets, Tickets: []domain.Ticket{{ExternalID: "B-1", Created: d, Priority: "P2"}}}
	p, err := s.StoreImport(next, func(done, total int) {
		if !reported {
			reported = true
			undoErr = s.Undo()
			redoErr = s.Redo()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reported {
		t.Fatal("the import reported no progress")
	}
	for what, err := range map[string]error{"undo": undoErr, "redo": redoErr} {
		if err == nil || err.Error() != "err.monitoring.storing" {
			t.Errorf("%s while the import is stored: %v, want err.monitoring.storing", what, err)
		}
	}
	if err := s.CommitImport(p); err != nil {
		t.Fatal(err)
	}
	if n := s.Project.Monitoring().Tickets; n != 2 {
		t.Fatalf("after the import the model counts %d tickets, want 2", n)
	}
	if err := s.Undo(); err != nil {
		t.Fatalf("undo after the import: %v", err)
	}
	if n := s.Project.Monitoring().Tickets; n != 1 {
		t.Fatalf("after undo the model counts %d tickets, want 1", n)
	}
}
