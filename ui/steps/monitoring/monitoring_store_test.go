package monitoring

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	musterstadt "schulit-lotse/internal/sample"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// The step-12 screen opens the project as the app does, without the monitoring rows, and
// computes its KPIs from the file's store: for the sample they are the in-memory engine's over
// the fully loaded project, field by field, for every quarter of the data, a month, a span of
// days across a month's end, a year and both other scopes.
func TestDashboardKPIsEqualTheEngineOverTheFullProject(t *testing.T) {
	sample, err := musterstadt.Project()
	if err != nil {
		t.Fatal(err)
	}
	fx := newFixture(t, sample)
	d := fx.ed.dash
	if fx.S.Project.Tickets != nil || fx.S.Project.Calls != nil || fx.S.Project.SurveyAnswers != nil || fx.S.Project.Stored == nil {
		t.Fatal("the screen's model holds monitoring rows")
	}
	full, err := fx.S.File.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Tickets) == 0 || fx.S.Project.Stored.Tickets != len(full.Tickets) || fx.S.Project.Stored.Calls != len(full.Calls) {
		t.Fatalf("counts %+v, file %d tickets %d calls", fx.S.Project.Stored, len(full.Tickets), len(full.Calls))
	}
	fx.wait("the first computation")
	if want := kpi.DefaultPeriod(full, fx.S.Today().Time); d.period != want {
		t.Errorf("default period %v, the engine's %v", d.period, want)
	}
	same := func(what string, opt kpi.Options) {
		t.Helper()
		want, err := kpi.Compute(full, d.period, opt)
		if err != nil {
			t.Fatal(err)
		}
		if d.report.Period != d.period {
			t.Fatalf("%s: the screen shows %v for %v", what, d.report.Period, d.period)
		}
		if !reflect.DeepEqual(d.report, want) {
			t.Errorf("%s %v: the screen and the engine differ in %s", what, d.period, differing(d.report, want))
		}
	}
	same("default quarter", kpi.Options{})

	first := full.Tickets[0].Created
	last := kpi.DayOf(kpi.Horizon(full))
	periods := []kpi.Period{kpi.MonthPeriod(last), kpi.YearPeriod(last),
		{From: domain.Date{Time: last.AddDate(0, -1, -5)}, To: domain.Date{Time: last.AddDate(0, -1, 4)}}}
	for q := kpi.QuarterPeriod(kpi.DayOf(first)); !q.From.After(last.Time); q = kpi.QuarterPeriod(domain.Date{Time: q.To.AddDate(0, 0, 1)}) {
		periods = append(periods, q)
	}
	for _, p := range periods {
		// As a user: the end first when the new period starts after the old one ends.
		typeFirst, typeSecond := d.from, d.to
		value1, value2 := p.From.String(), p.To.String()
		if p.From.After(d.period.To.Time) {
			typeFirst, typeSecond, value1, value2 = d.to, d.from, p.To.String(), p.From.String()
		}
		for _, typed := range []struct {
			e     *kit.CommitEntry
			value string
		}{{typeFirst, value1}, {typeSecond, value2}} {
			before := d.period
			fx.TypeInto(typed.e, typed.value)
			if d.period != before {
				fx.wait("the period " + typed.value)
			}
		}
		if d.period != p {
			t.Fatalf("period %v, typed %v (%v)", d.period, p, fx.errors())
		}
		same(fmt.Sprint("period ", p), kpi.Options{})
	}
	for _, scope := range []struct{ label, key string }{{"Nur Dienstleister (SLA)", kpi.ScopeProvider}, {"Nur im Haus (OLA)", kpi.ScopeOLA}} {
		d.scopeSel.SetSelected(scope.label)
		fx.wait(scope.label)
		same(scope.label, kpi.Options{Scope: scope.key})
	}
	if errs := fx.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// manyTickets has 450 P1 tickets in March 2027, one an hour from 1 March 08:00, each answered
// and resolved a week later: each misses its response (30 min) and its restoration (4 h) in
// the week's service time, 900 breaches.
func manyTickets() *domain.Project {
	p := project()
	p.Tickets = nil
	for i := range 450 {
		created := at(2027, 3, 1, 8, 0).Add(time.Duration(i) * time.Hour)
		p.Tickets = append(p.Tickets, domain.Ticket{ID: int64(i + 1), ExternalID: fmt.Sprintf("T-%03d", i+1),
			Created: created, FirstResponse: ptr(created.AddDate(0, 0, 7)), Resolved: ptr(created.AddDate(0, 0, 7)), Priority: "P1", School: "GS"})
	}
	return p
}

// The lists of tickets and of breaches go a page of 200 at a time: 450 tickets are the pages
// 1–200, 201–400, 401–450; 900 breaches five pages, the last 801–900. The buttons page on and
// back, and a row of the store's page opens its ticket.
func TestTicketAndBreachListsPageThroughTheStore(t *testing.T) {
	fx := newFixture(t, manyTickets())
	d := fx.ed.dash
	d.tickets.loaded = func() { fx.ran <- struct{}{} }
	fx.wait("the first computation")
	fx.wait("the first page of tickets")
	if d.period.From.String() != "2027-01-01" || d.report.Tickets.Total.Tickets != 450 || len(d.report.Tickets.Breaches) != 900 {
		t.Fatalf("period %v, %d tickets, %d breaches", d.period, d.report.Tickets.Total.Tickets, len(d.report.Tickets.Breaches))
	}
	d.views.SelectIndex(4)
	l := d.tickets
	page := func(want string, rows int, first string, prev, next bool) {
		t.Helper()
		if l.pager.label.Text != want || l.table.rows() != rows || l.cell(0, 0) != first || l.pager.prev.Disabled() == prev || l.pager.next.Disabled() == next {
			t.Fatalf("tickets: %q, %d rows from %q, back %v, on %v", l.pager.label.Text, l.table.rows(), l.cell(0, 0), !l.pager.prev.Disabled(), !l.pager.next.Disabled())
		}
	}
	page("1–200 von 450", 200, "T-001", false, true)
	test.Tap(l.pager.next)
	fx.wait("the second page")
	page("201–400 von 450", 200, "T-201", true, true)
	test.Tap(l.pager.next)
	fx.wait("the last page")
	page("401–450 von 450", 50, "T-401", true, false)
	test.Tap(l.pager.prev)
	fx.wait("back a page")
	page("201–400 von 450", 200, "T-201", true, true)

	// Tapping a ticket of the page opens it.
	before := len(fx.W.Canvas().Overlays().List())
	l.open(5)
	if len(fx.W.Canvas().Overlays().List()) != before+1 {
		t.Fatal("no ticket dialog")
	}
	fx.W.Canvas().Overlays().Top().Hide()

	// Breaches: in memory with the report, shown a page at a time as well; T-001's response
	// comes first.
	d.views.SelectIndex(3)
	b := d.breachPg
	if b.label.Text != "1–200 von 900" || d.breach.rows() != 200 || d.breachCell(0, 0) != "T-001" || !b.prev.Disabled() {
		t.Fatalf("breaches: %q, %d rows from %q", b.label.Text, d.breach.rows(), d.breachCell(0, 0))
	}
	for range 4 {
		test.Tap(b.next)
	}
	if b.label.Text != "801–900 von 900" || d.breach.rows() != 100 || !b.next.Disabled() {
		t.Fatalf("last page of breaches: %q, %d rows", b.label.Text, d.breach.rows())
	}
	// The breach opens the ticket it names, read from the store.
	d.openBreach(0, 0)
	if len(fx.W.Canvas().Overlays().List()) != before+1 {
		t.Fatal("no ticket dialog for the breach")
	}
}

// differing names the fields of two reports that differ, with both values.
func differing(a, b *kpi.Report) string {
	var ma, mb map[string]json.RawMessage
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	_ = json.Unmarshal(ja, &ma)
	_ = json.Unmarshal(jb, &mb)
	out := ""
	for k, v := range ma {
		if string(mb[k]) != string(v) {
			out += fmt.Sprintf("\n%s: %.300s\n  vs %.300s", k, v, mb[k])
		}
	}
	if out == "" {
		out = "unexported fields (the previous period's figures)"
	}
	return out
}

// Deleting the imported calls runs off the window (keeping them for undo takes seconds on a
// large file) with a wait dialog, then counts as one edit: the calls are gone from model and
// file, and Rückgängig brings both back.
func TestClearingCallsRunsOffTheWindowAndUndoBringsThemBack(t *testing.T) {
	fx := newComputedFixture(t)
	s := fx.S
	if n := s.Project.Monitoring().Calls; n != 2 {
		t.Fatalf("the project has %d calls, want 2", n)
	}
	var clear *widget.Button
	kittest.Walk(fx.ed.View, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Importierte Daten löschen …" {
			clear = b
		}
	})
	if clear == nil {
		fx.ed.tabs.SelectIndex(len(fx.ed.tabs.Items) - 1)
		kittest.Walk(fx.ed.View, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Importierte Daten löschen …" {
				clear = b
			}
		})
	}
	if clear == nil {
		t.Fatal("no button to delete imported data")
	}
	test.Tap(clear)
	confirm := fx.W.Canvas().Overlays().Top()
	var radio *widget.RadioGroup
	var del *widget.Button
	kittest.Walk(confirm, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.RadioGroup:
			radio = w
		case *widget.Button:
			if w.Text == "Löschen" {
				del = w
			}
		}
	})
	if radio == nil || del == nil {
		t.Fatal("the dialog has no choice or no Löschen button")
	}
	radio.SetSelected("alle Anrufe")
	test.Tap(del)
	if top := fx.W.Canvas().Overlays().Top(); top == nil || !strings.Contains(strings.Join(kittest.LabelsIn(top), " "), "für „Rückgängig“ aufbewahrt") {
		t.Fatal("no wait dialog while the calls are removed")
	}
	if n := s.Project.Monitoring().Calls; n != 2 {
		t.Fatalf("the model lost the calls before the work ran: %d", n)
	}
	fx.wait("removing the calls")
	if top := fx.W.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is still open: %v", kittest.LabelsIn(top))
	}
	if n := s.Project.Monitoring().Calls; n != 0 {
		t.Fatalf("after deleting, the model counts %d calls", n)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	o, err := s.File.MonitoringOverview(s.Project)
	if err != nil {
		t.Fatal(err)
	}
	if s.Project.Monitoring().Calls != 2 || o.Calls != 2 {
		t.Fatalf("after undo: model %d calls, file %d, want 2 and 2", s.Project.Monitoring().Calls, o.Calls)
	}
	if errs := fx.errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
}
