package session_test

import (
	"path/filepath"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
)

// The app opens a project without its monitoring rows: the model and every snapshot hold no
// ticket, call or answer, and the counts come from the file.
func TestOpenKeepsTheMonitoringRowsInTheFile(t *testing.T) {
	sample := domain.NewProject("Zeilen", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	sample.Tickets = []domain.Ticket{{ID: 1, ExternalID: "1", Created: d, Priority: "P1"}, {ID: 2, ExternalID: "2", Created: d.Add(time.Hour), Priority: "P2"}}
	sample.Calls = []domain.Call{{ID: 1, At: d, Answered: true}, {ID: 2, At: d}, {ID: 3, At: d.Add(time.Minute)}}
	sample.SurveyAnswers = []domain.SurveyAnswer{{ID: 1, At: d, Question: "Q1", Score: 4}}
	path := filepath.Join(t.TempDir(), "Zeilen.lotse")
	f, err := persistence.Create(path, sample, persistence.OpenOptions{Clock: testClock})
	if err != nil {
		t.Fatal(err)
	}
	full, err := f.Load()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.Open(path, persistence.OpenOptions{Clock: testClock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap := s.Snapshot()
	for _, p := range []*domain.Project{s.Project, snap} {
		if p.Tickets != nil || p.Calls != nil || p.SurveyAnswers != nil {
			t.Fatalf("rows in memory: %d tickets, %d calls, %d answers", len(p.Tickets), len(p.Calls), len(p.SurveyAnswers))
		}
	}
	// No SLA: both tickets are outside its classes.
	want := domain.MonitoringCounts{Tickets: len(full.Tickets), Calls: len(full.Calls), Answers: len(full.SurveyAnswers), TicketsWithoutClass: 2}
	if got := s.Project.Monitoring(); got != want || want.Tickets == 0 || want.Calls == 0 || want.Answers == 0 {
		t.Errorf("counts %+v, the file holds %+v", got, want)
	}
	span, err := s.MonitoringSpan()
	if err != nil || span.Tickets != want.Tickets || !span.FirstTicket.Equal(full.Tickets[0].Created) {
		t.Errorf("span %+v %v", span, err)
	}
}

// Deleting a package takes it from its tickets in the file; undo gives it back to exactly
// those (MDM-1 and MDM-3, not the unassigned T-2), and the count of tickets outside the SLA
// classes follows a change of the classes.
func TestDeletePackageReassignsStoredTickets(t *testing.T) {
	p := domain.NewProject("Board", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	sw := int64(5)
	p.Packages = []domain.Package{{ID: 5, Name: "Software", Width: 394, Height: 218, SortOrder: 1}}
	d := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	p.SLAs = []domain.SLA{{ID: 1, Name: "Standard", Classes: []domain.PriorityClassTarget{{Code: "P1", ResponseMinutes: 30, RestoreMinutes: 240}}}}
	p.Tickets = []domain.Ticket{{ID: 1, ExternalID: "MDM-1", Created: d, Priority: "P1", PackageID: &sw},
		{ID: 2, ExternalID: "T-2", Created: d, Priority: "P2"}, {ID: 3, ExternalID: "MDM-3", Created: d, Priority: "P1", PackageID: &sw}}
	s := openProject(t, "Board Jürgen.lotse", p)
	if s.Project.Tickets != nil || s.Project.Monitoring().TicketsWithoutClass != 1 {
		t.Fatalf("model %+v", s.Project.Monitoring())
	}
	assigned := func() []int64 {
		t.Helper()
		flush(t, s)
		ids, err := s.File.TicketsOfPackage(5)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	rows := s.RowsRevision()
	if err := s.DeletePackage(5); err != nil {
		t.Fatal(err)
	}
	if got := assigned(); len(got) != 0 || s.RowsRevision() == rows {
		t.Fatalf("after delete: %v, rows revision %d", got, s.RowsRevision())
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := assigned(); len(got) != 2 || got[0] != 1 || got[1] != 3 {
		t.Fatalf("after undo: %v", got)
	}
	if err := s.Redo(); err != nil || len(assigned()) != 0 {
		t.Fatalf("redo: %v %v", err, assigned())
	}
	// A class P2 of the SLA takes T-2 into the classes: no ticket is left outside.
	err := s.UpdateSLA(1, func(x *domain.SLA) {
		x.Classes = append(x.Classes, domain.PriorityClassTarget{Code: "P2", ResponseMinutes: 60, RestoreMinutes: 480})
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Project.Monitoring().TicketsWithoutClass; n != 0 {
		t.Errorf("%d tickets outside the classes", n)
	}
}
