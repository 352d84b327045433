package persistence

import (
	"fmt"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func monitoringFile(t *testing.T) *File {
	t.Helper()
	p := testProject("Monitoring")
	p.Packages = []domain.Package{{ID: 11, Name: "Störungsbeseitigung"}}
	return newTestFile(t, "Monitoring Jürgen.lotse", p)
}

// loadAfter fails the test on err (of an undo or redo) and returns the project as the file then
// holds it.
func loadAfter(t *testing.T, f *File, err error) *domain.Project {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return mustLoad(t, f)
}

// importDay is the morning the tickets of the import tests are created on.
var importDay = time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)

// hourlyTickets are the tickets A-1 … A-n, created an hour apart after importDay, priority P3.
func hourlyTickets(n int) []domain.Ticket {
	var ts []domain.Ticket
	for i := 1; i <= n; i++ {
		ts = append(ts, tk(fmt.Sprintf("A-%d", i), importDay.Add(time.Duration(i)*time.Hour), "P3"))
	}
	return ts
}

func tk(id string, created time.Time, prio string) domain.Ticket {
	return domain.Ticket{ExternalID: id, Created: created, Priority: prio, Category: "Netzwerk", School: "GS Am Markt", Status: "neu"}
}

func TestReimportUpdatesNeverDuplicates(t *testing.T) {
	f := monitoringFile(t)
	d := importDay
	var reports [][2]int
	_, err := f.UpsertTickets([]domain.Ticket{tk("A-1", d, "P1"), tk("A-2", d.Add(time.Hour), "P2"), tk("A-3", d.Add(2*time.Hour), "P3")},
		map[string]string{domain.ConfigTicketMapping: `{"priorities":{"hoch":"P1"}}`}, func(done, total int) { reports = append(reports, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 || reports[0] != [2]int{3, 3} {
		t.Errorf("progress %v", reports)
	}
	first := mustLoad(t, f)
	ids := map[string]int64{}
	for _, x := range first.Tickets {
		ids[x.ExternalID] = x.ID
	}
	// The same export a week later: A-2 is solved now, A-4 is new.
	solved := d.Add(5 * time.Hour)
	a2 := tk("A-2", d.Add(time.Hour), "P2")
	a2.Resolved, a2.Status = &solved, "geschlossen"
	pkg := int64(11)
	a2.PackageID = &pkg
	second, err := f.UpsertTickets([]domain.Ticket{a2, tk("A-4", d.Add(3*time.Hour), "P1"), tk("A-1", d, "P1")}, nil, nil)
	if err != nil || second.Total != 4 {
		t.Fatal(second, err)
	}
	p := mustLoad(t, f)
	if len(p.Tickets) != 4 {
		t.Fatalf("%d tickets, want 4", len(p.Tickets))
	}
	for _, x := range p.Tickets {
		if old, ok := ids[x.ExternalID]; ok && old != x.ID {
			t.Errorf("%s changed id %d → %d", x.ExternalID, old, x.ID)
		}
		if x.ExternalID == "A-2" && (x.Resolved == nil || !x.Resolved.Equal(solved) || x.Status != "geschlossen" || x.PackageID == nil || *x.PackageID != 11) {
			t.Errorf("A-2 not updated: %+v", x)
		}
	}
	if p.Config[domain.ConfigTicketMapping] != `{"priorities":{"hoch":"P1"}}` {
		t.Errorf("mapping not saved: %v", p.Config)
	}
	// Undo puts the first state back, ids included.
	back := loadAfter(t, f, f.UndoImport(second.ID))
	if sprint(back.Tickets) != sprint(first.Tickets) || back.Config[domain.ConfigTicketMapping] != `{"priorities":{"hoch":"P1"}}` {
		t.Errorf("undo: %s", sprint(back.Tickets))
	}
	if again := loadAfter(t, f, f.RedoImport(second.ID)); sprint(again.Tickets) != sprint(p.Tickets) {
		t.Errorf("redo: %s\nwant %s", sprint(again.Tickets), sprint(p.Tickets))
	}
}

func TestFailedImportStoresNothing(t *testing.T) {
	f := monitoringFile(t)
	d := importDay
	if _, err := f.UpsertTickets([]domain.Ticket{tk("A-1", d, "P1")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	// 12,000 good rows and then a configuration entry the file refuses: the rows written in the
	// first chunks must go too.
	many := make([]domain.Ticket, 12000)
	for i := range many {
		many[i] = tk("B-"+time.Duration(i).String(), d.Add(time.Duration(i)*time.Minute), "P2")
	}
	calls := 0
	_, err := f.UpsertTickets(many, map[string]string{"step12.x": "{kein json"}, func(done, total int) { calls++ })
	if err == nil || calls != 3 {
		t.Fatalf("err %v, %d progress reports", err, calls)
	}
	if p := mustLoad(t, f); len(p.Tickets) != 1 {
		t.Errorf("%d tickets after a failed import, want 1", len(p.Tickets))
	}
	for _, bad := range [][]domain.Ticket{
		{tk("", d, "P1")},
		{tk("C-1", d, "P1"), tk("C-1", d, "P1")},
		{tk("C-2", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "P1")},
	} {
		if _, err := f.UpsertTickets(bad, nil, nil); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if p := mustLoad(t, f); len(p.Tickets) != 1 {
		t.Errorf("%d tickets, want 1", len(p.Tickets))
	}
}

func TestCallsAndAnswersReplaceTheSpanTheyCover(t *testing.T) {
	f := monitoringFile(t)
	at := func(day, h int) time.Time { return time.Date(2027, 3, day, h, 0, 0, 0, time.UTC) }
	if _, err := f.ReplaceCallsBetween(at(1, 8), at(3, 8), []domain.Call{{At: at(1, 8), Answered: true}, {At: at(2, 8)}, {At: at(3, 8), Answered: true}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	// The list again for 2–4 March, the call on the 2nd now answered.
	if _, err := f.ReplaceCallsBetween(at(2, 8), at(4, 8), []domain.Call{{At: at(2, 8), Answered: true, WaitSeconds: 9}, {At: at(3, 8), Answered: true}, {At: at(4, 8)}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := f.LoadCalls()
	if err != nil || len(cs) != 4 || !cs[1].Answered || cs[1].WaitSeconds != 9 || !cs[0].At.Equal(at(1, 8)) {
		t.Errorf("%v %+v", err, cs)
	}
	if _, err := f.ReplaceCallsBetween(at(1, 8), at(1, 8), []domain.Call{{At: at(1, 8), WaitSeconds: -1}}, nil, nil); err == nil {
		t.Error("negative wait accepted")
	}

	a := func(day int, q string, s int) domain.SurveyAnswer {
		return domain.SurveyAnswer{At: at(day, 12), Question: q, Score: s, School: "IGS Nord"}
	}
	if _, err := f.ReplaceAnswersBetween(at(1, 12), at(2, 12), []string{"Q1", "Q2"}, []domain.SurveyAnswer{a(1, "Q1", 5), a(2, "Q2", 4)}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReplaceAnswersBetween(at(1, 12), at(1, 12), []string{"Andere"}, []domain.SurveyAnswer{a(1, "Andere", 3)}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReplaceAnswersBetween(at(1, 12), at(2, 12), []string{"Q1", "Q2"}, []domain.SurveyAnswer{a(1, "Q1", 4), a(2, "Q2", 4)},
		map[string]string{domain.ConfigSurveyMapping: `{"reverse":true}`}, nil); err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, f)
	if len(p.SurveyAnswers) != 3 || p.Config[domain.ConfigSurveyMapping] != `{"reverse":true}` {
		t.Errorf("answers %+v, config %v", p.SurveyAnswers, p.Config)
	}
	if _, err := f.ReplaceAnswersBetween(at(1, 12), at(1, 12), []string{"Q1"}, []domain.SurveyAnswer{a(1, "Q1", 6)}, nil, nil); err == nil {
		t.Error("score 6 accepted")
	}
}

func TestApplyMonitoring(t *testing.T) {
	f := monitoringFile(t)
	jf := int64(1)
	due := domain.NewDate(2027, 4, 1)
	err := f.ApplyMonitoring(MonitoringChange{
		PutJourFixes: []domain.JourFixe{{ID: 1, Date: domain.NewDate(2027, 3, 9), Participants: []domain.Attendee{{Guest: "SL"}, {Guest: "DL"}}, FrozenKPIs: `{"version":1}`}},
		PutMeasures:  []domain.Measure{{ID: 2, JourFixeID: &jf, Text: "Hotline verstärken", Owners: []domain.Attendee{{Guest: "DL"}}, Due: &due, Status: domain.MeasureOpen}},
		PutChecks:    []domain.KnowledgeCheck{{ID: 3, Subject: "Wissensdatenbank", ReviewedBy: "Frau A"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, f)
	if len(p.JourFixes) != 1 || p.JourFixes[0].FrozenKPIs != `{"version":1}` || len(p.Measures) != 1 || p.Measures[0].Due.String() != "2027-04-01" || len(p.KnowledgeChecks) != 1 {
		t.Fatalf("%s", sprint(p))
	}
	if err := f.ApplyMonitoring(MonitoringChange{PutMeasures: []domain.Measure{{ID: 4, Text: " "}}}); err != domain.ErrMeasureTextEmpty {
		t.Errorf("empty measure: %v", err)
	}
	if err := f.ApplyMonitoring(MonitoringChange{PutMeasures: []domain.Measure{{Text: "ohne id"}}}); err != ErrMonitoringID {
		t.Errorf("no id: %v", err)
	}
	if err := f.ApplyMonitoring(MonitoringChange{DeleteMeasures: []int64{2}, DeleteJourFixes: []int64{1}, DeleteChecks: []int64{3}}); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, f); len(p.JourFixes)+len(p.Measures)+len(p.KnowledgeChecks) != 0 {
		t.Errorf("not deleted: %s", sprint(p))
	}
}
