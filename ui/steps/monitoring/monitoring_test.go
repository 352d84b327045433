package monitoring

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/ui/kit/kittest"
	"schulit-lotse/ui/session"
)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, domain.Berlin).UTC()
}

func ptr(t time.Time) *time.Time { return &t }

// project has an SLA, a package, three tickets, two calls and two answers in March 2027.
func project() *domain.Project {
	p := domain.NewProject("Monitoring", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	p.Packages = []domain.Package{{ID: 1, Name: "Hardware"}, {ID: 2, Name: "Netzwerk"}}
	var ws []domain.ServiceWindow
	for wd := 1; wd <= 5; wd++ {
		ws = append(ws, domain.ServiceWindow{Weekday: wd, StartMinute: 8 * 60, EndMinute: 16 * 60})
	}
	p.SLAs = []domain.SLA{{ID: 1, Name: "Standard", Windows: ws, PublicHolidaysStopClock: true, HotlineAnsweredPct: 90, HotlineMaxWaitSeconds: 30,
		SatisfactionTargetPct: 80, Classes: []domain.PriorityClassTarget{{Code: "P1", ResponseMinutes: 30, RestoreMinutes: 240},
			{Code: "P2", ResponseMinutes: 120, RestoreMinutes: 960}, {Code: "P3", ResponseMinutes: 240, RestoreMinutes: 1440}, {Code: "P4", ResponseMinutes: 480, RestoreMinutes: 2400}}}}
	p.Tickets = []domain.Ticket{
		{ID: 1, ExternalID: "T-1", Created: at(2027, 3, 1, 9, 0), FirstResponse: ptr(at(2027, 3, 1, 9, 20)), Resolved: ptr(at(2027, 3, 1, 12, 0)), Priority: "P1", School: "GS"},
		{ID: 2, ExternalID: "T-2", Created: at(2027, 3, 1, 15, 30), FirstResponse: ptr(at(2027, 3, 2, 8, 15)), Resolved: ptr(at(2027, 3, 2, 10, 0)), Priority: "P1", School: "IGS",
			PackageID: pkg(2)},
		{ID: 3, ExternalID: "T-3", Created: at(2027, 3, 10, 10, 0), FirstResponse: ptr(at(2027, 3, 10, 11, 0)), Priority: "P2", School: "IGS"},
		// Not yet due; it dates the ticket export (31 March 15:00), which T-3's open breach is measured to.
		{ID: 4, ExternalID: "T-4", Created: at(2027, 3, 31, 15, 0), Priority: "P4", School: "GS"},
	}
	p.Decisions = []domain.SourcingDecision{{ID: 1, PackageID: 2, Outcome: domain.OutcomeExternal}}
	p.Calls = []domain.Call{{ID: 1, At: at(2027, 3, 1, 8, 10), Answered: true, WaitSeconds: 20}, {ID: 2, At: at(2027, 3, 1, 9, 5), WaitSeconds: 90}}
	p.SurveyAnswers = []domain.SurveyAnswer{{ID: 1, At: at(2027, 3, 20, 12, 0), Question: "Q1", Score: 5}, {ID: 2, At: at(2027, 3, 21, 12, 0), Question: "Q1", Score: 2}}
	p.Persons = []domain.Person{{ID: 1, Name: "Anna Berger", Party: domain.PartyCarrier, Organisation: "Stadt", SortOrder: 1},
		{ID: 2, Name: "Maren Ohlsen", Party: domain.PartyProvider, SortOrder: 2}}
	return p
}

func pkg(id int64) *int64 { return &id }

type fixture struct {
	*kittest.Fixture
	ed    *monitoringEditor
	mu    sync.Mutex
	ran   chan struct{}
	queue []func()
}

func newFixture(t *testing.T, p *domain.Project) *fixture {
	t.Helper()
	fx := &fixture{Fixture: kittest.NewFixture(t, p), ran: make(chan struct{}, 8)}
	kittest.PinDay(t, domain.NewDate(2027, 4, 20))
	fx.Ctx.ShowError = func(err error) {
		fx.mu.Lock()
		fx.Errs = append(fx.Errs, err)
		fx.mu.Unlock()
	}
	fx.Ctx.Async = func(f func()) {
		// Work meant for another goroutine waits in a queue that wait runs: the test driver
		// runs fyne.Do at once, so the test and the work must take turns.
		fx.mu.Lock()
		fx.queue = append(fx.queue, f)
		fx.mu.Unlock()
	}
	fx.ed = NewMonitoringEditor(fx.Ctx)
	fx.ed.dash.computed = func() { fx.ran <- struct{}{} }
	fx.Show(fx.ed.View)
	return fx
}

// newComputedFixture is a fixture on project() whose dashboard has made its first computation.
func newComputedFixture(t *testing.T) *fixture {
	t.Helper()
	fx := newFixture(t, project())
	fx.wait("the first computation")
	return fx
}

// wait runs the queued work until it has reported back.
func (fx *fixture) wait(what string) {
	fx.T.Helper()
	for {
		select {
		case <-fx.ran:
			return
		default:
		}
		fx.mu.Lock()
		if len(fx.queue) == 0 {
			fx.mu.Unlock()
			fx.T.Fatalf("%s did not finish", what)
		}
		f := fx.queue[0]
		fx.queue = fx.queue[1:]
		fx.mu.Unlock()
		f()
	}
}

func (fx *fixture) errors() []error {
	fx.mu.Lock()
	defer fx.mu.Unlock()
	out := fx.Errs
	fx.Errs = nil
	return out
}

func TestDashboardShowsKPIsOfThePeriod(t *testing.T) {
	fx := newFixture(t, project())
	d := fx.ed.dash
	// Without a saved choice the dashboard shows the quarter of the newest data.
	if d.period.From.String() != "2027-01-01" || d.period.To.String() != "2027-03-31" {
		t.Fatalf("period %v", d.period)
	}
	fx.wait("the first computation")
	r := d.report
	if r == nil || r.Tickets.Total.Tickets != 4 {
		t.Fatalf("report %+v", r)
	}
	// Nine headline tiles; the classes' lights colour the rows of the priority table.
	if n := len(d.tiles.Objects); n != 9 {
		t.Errorf("%d tiles", n)
	}
	if len(d.charts.Objects) != 5 {
		t.Errorf("%d charts", len(d.charts.Objects))
	}
	// T-2's response (45 min of 30) and T-3's open restoration are the breaches.
	if got := d.breach.rows(); got != 2 || d.breachCell(0, 0) != "T-2" || d.breachCell(1, 10) != "noch offen" {
		t.Errorf("%d breaches: %q %q", got, d.breachCell(0, 0), d.breachCell(1, 10))
	}
	// A breach names its package, the package's decision, its class and the level measured.
	if got := []string{d.breachCell(0, 2), d.breachCell(0, 3), d.breachCell(0, 4), d.breachCell(0, 5)}; strings.Join(got, "|") != "Netzwerk|extern|P1|Standard" {
		t.Errorf("breach of T-2: %q", got)
	}
	if d.groupTint(0) != lightTint(kpi.LightRed) || d.preset.Selected != "1. Quartal 2027" {
		t.Errorf("P1's row is not red (response 50 %%) or the picker does not name the quarter: %q", d.preset.Selected)
	}
	// P1: T-1 answered in 20 min, T-2 in 45 min → median (20 + 45) / 2 = 32.5 ≈ 0:33,
	// P90 20 + 0.9·25 = 42.5 ≈ 0:43 (PERCENTILE.INC), 1 of 2 within.
	if d.groupCell(0, 0) != "P1" || d.groupCell(0, 3) != "50 %" || d.groupCell(0, 4) != "0:33 · 0:43" || d.groupCell(0, 5) != "100 %" {
		t.Errorf("group row %q %q %q %q", d.groupCell(0, 0), d.groupCell(0, 3), d.groupCell(0, 4), d.groupCell(0, 5))
	}
	d.groupBy.SetSelectedIndex(3)
	if d.groupCell(0, 0) != "GS" || len(d.shown) != 2 {
		t.Errorf("by school %q (%d)", d.groupCell(0, 0), len(d.shown))
	}

	// Tapping a breach opens the ticket; tapping its package opens the package's step.
	before := len(fx.W.Canvas().Overlays().List())
	d.openBreach(0, 0)
	if len(fx.W.Canvas().Overlays().List()) != before+1 {
		t.Error("no ticket dialog")
	}
	fx.W.Canvas().Overlays().Top().Hide()
	var opened domain.StepID
	fx.Ctx.OpenStep = func(s domain.StepID) { opened = s }
	d.openBreach(0, 2)
	if opened != domain.StepRequirements {
		t.Errorf("the package opened step %d", opened)
	}
	d.openBreach(0, 3)
	if opened != domain.StepSourcing {
		t.Errorf("the decision opened step %d", opened)
	}

	// Typing another period computes again on a goroutine.
	fx.TypeInto(d.from, "2027-03-01")
	fx.wait("the new start")
	fx.TypeInto(d.to, "2027-03-15")
	fx.wait("the new period")
	if d.report.Period.To.String() != "2027-03-15" || d.report.Tickets.Total.Tickets != 3 {
		t.Errorf("period %v, %d tickets", d.report.Period, d.report.Tickets.Total.Tickets)
	}
	fx.TypeInto(d.to, "2027-02-01") // before the start
	if errs := fx.errors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "Ende") {
		t.Errorf("errors %v", errs)
	}
	if d.period.To.String() != "2027-03-15" || d.to.Text != "2027-03-15" {
		t.Errorf("a refused period changed the view: %v %q", d.period, d.to.Text)
	}
	// The presets name the quarter and the months of the data.
	if len(d.presets) == 0 || d.presets[0].label != "1. Quartal 2027" {
		t.Errorf("presets %+v", d.presets)
	}
	// "Nur im Haus (OLA)": no package here has an OLA, so no ticket is left; the provider view
	// has all three of the period.
	d.scopeSel.SetSelected("Nur im Haus (OLA)")
	fx.wait("the OLA view")
	if d.report.Scope != kpi.ScopeOLA || d.report.Tickets.Total.Tickets != 0 {
		t.Errorf("OLA view: scope %q, %d tickets", d.report.Scope, d.report.Tickets.Total.Tickets)
	}
	d.scopeSel.SetSelected("Nur Dienstleister (SLA)")
	fx.wait("the provider view")
	if d.report.Scope != kpi.ScopeProvider || d.report.Tickets.Total.Tickets != 3 {
		t.Errorf("provider view: scope %q, %d tickets", d.report.Scope, d.report.Tickets.Total.Tickets)
	}
}

// openImport starts on a fresh fixture (after the dashboard's first computation) the import
// dialog of kind for the file name with data, or for the importers' test file name when data is
// nil; the dialog reports its end to fx.ran. The dialog is not shown yet.
func openImport(t *testing.T, kind, name string, data []byte) (*fixture, *importDialog, error) {
	t.Helper()
	fx := newComputedFixture(t)
	if data == nil {
		var err error
		if data, err = os.ReadFile(filepath.Join("..", "..", "..", "persistence", "importers", "testdata", name)); err != nil {
			t.Fatal(err)
		}
	}
	imp, err := newImportDialog(fx.Ctx, kind, name, data)
	if imp != nil {
		imp.done = func() { fx.ran <- struct{}{} }
	}
	return fx, imp, err
}

func TestImportDialogMapsAndStoresTickets(t *testing.T) {
	fx, imp, err := openImport(t, session.ImportTickets, "glpi_de.csv", nil)
	if err != nil || imp.tf == nil || imp.tf.Format != "glpi" {
		t.Fatalf("%v %+v", err, imp)
	}
	imp.show()
	if !strings.Contains(imp.summary(), "4 Tickets im Format GLPI") {
		t.Errorf("summary %q", imp.summary())
	}
	// Detected: Sehr hoch → P1, Hoch → P2, Mittel → P3, Niedrig → P4; "Hardware > Drucker" → Hardware.
	if imp.mapping.Priorities["sehr hoch"] != "P1" || imp.mapping.Priorities["niedrig"] != "P4" || imp.mapping.Categories["hardware > drucker"] != 1 {
		t.Errorf("mapping %+v", imp.mapping)
	}
	// Without a class for "Niedrig" the import stops at that ticket's line and stores nothing.
	delete(imp.mapping.Priorities, "niedrig")
	imp.apply()
	if errs := fx.errors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "Zeile 8, Spalte 6") {
		t.Fatalf("errors %v", errs)
	}
	if fx.S.Project.Monitoring().Tickets != 4 {
		t.Fatal("something was stored")
	}
	imp.mapping.Priorities["niedrig"] = "P3" // the user decides
	imp.apply()
	fx.wait("the import")
	if fx.S.Project.Monitoring().Tickets != 8 || fx.S.UndoName() != "undo.monitoring.import_tickets" {
		t.Fatalf("%d tickets, undo %q", fx.S.Project.Monitoring().Tickets, fx.S.UndoName())
	}
	stored, _ := fx.S.File.Load()
	if len(stored.Tickets) != 8 || stored.TicketMappingConfig().Priorities["niedrig"] != "P3" {
		t.Errorf("file: %d tickets, mapping %v", len(stored.Tickets), stored.TicketMappingConfig().Priorities)
	}
	fx.wait("the dashboard after the import")
	// The screen reads the rows from the file again: 8 tickets, in the KPIs of the quarter too.
	if got := fx.ed.data.counts.Text; !strings.HasPrefix(got, "Importiert: 8 Tickets") || fx.ed.dash.report.Tickets.Total.Tickets != 8 {
		t.Errorf("after the import: %q, %d tickets in the KPIs", got, fx.ed.dash.report.Tickets.Total.Tickets)
	}
	if err := fx.S.Undo(); err != nil || fx.S.Project.Monitoring().Tickets != 4 {
		t.Errorf("undo: %v, %d tickets", err, fx.S.Project.Monitoring().Tickets)
	}
	fx.wait("the dashboard after undo")
	if got := fx.ed.data.counts.Text; !strings.HasPrefix(got, "Importiert: 4 Tickets") || fx.ed.dash.report.Tickets.Total.Tickets != 4 {
		t.Errorf("after undo: %q, %d tickets in the KPIs", got, fx.ed.dash.report.Tickets.Total.Tickets)
	}
}

// Issue 13, 1.4: the survey dialog guesses only the numeric question, and the user can name it.
func TestImportDialogNamesSurveyQuestions(t *testing.T) {
	fx, imp, err := openImport(t, session.ImportSurvey, "limesurvey_liste.csv", nil)
	if err != nil || imp.sf == nil || strings.Join(imp.sf.Questions, ",") != "ZUFR" {
		t.Fatalf("%v %+v", err, imp.sf)
	}
	imp.show()
	e := imp.names["ZUFR"]
	if e == nil || e.PlaceHolder != "ZUFR" {
		t.Fatalf("no name entry for ZUFR: %+v", imp.names)
	}
	test.Type(e, "Gesamtzufriedenheit")
	imp.apply()
	fx.wait("the import")
	if got := fx.S.Project.SurveyMappingConfig().QuestionLabel("ZUFR"); got != "Gesamtzufriedenheit" {
		t.Errorf("label %q", got)
	}
}

// Section 2: a 7-point question that nothing guesses is chosen in the dialog with its scale.
func TestImportDialogChoosesAScaleOtherThanFive(t *testing.T) {
	fx, imp, err := openImport(t, session.ImportSurvey, "limesurvey_en_7.csv", nil)
	if err != nil || imp.sf != nil || !imp.surveyChoosing() {
		t.Fatalf("%v %v", err, imp.readErr)
	}
	imp.show()
	q := "The IT support solves my problems quickly."
	imp.smap.Questions = []string{q}
	imp.read()
	imp.rebuild()
	if imp.sf != nil || !imp.surveyChoosing() { // "Agree (6)" is no 1–5 answer
		t.Fatalf("1–5: %v", imp.readErr)
	}
	imp.scale.SetSelected("1 bis 7")
	// 6 → 4, 7 → 5, 4 → 3, 2 → 2 (see the importer's test).
	if imp.sf == nil || len(imp.sf.Answers) != 4 || imp.sf.Answers[1].Score != 5 {
		t.Fatalf("7-point: %v %+v", imp.readErr, imp.sf)
	}
	imp.apply()
	fx.wait("the import")
	if m := fx.S.Project.SurveyMappingConfig(); m.ScaleOf(q) != (domain.Scale{Min: 1, Max: 7}) || fx.S.Project.Monitoring().Answers != 2+4 {
		t.Errorf("mapping %+v, %d answers", m, fx.S.Project.Monitoring().Answers)
	}
}

// Section 2: a 0–10 question and a question answered in words ("Sehr zufrieden …") are
// chosen in the dialog; the summary names the columns left unused and the encoding. By hand
// (see the importer's TestWordAndZeroToTenScales): NPS 10, 7, 3, 0 → 5, 4, 2, 1 and ZUFR
// 5, 4, 2, 1, 3: 9 answers, (5 + 4 + 2 + 1) + (5 + 4 + 2 + 1 + 3) = 12 + 15 = 27.
func TestImportDialogZeroToTenAndWords(t *testing.T) {
	fx, imp, err := openImport(t, session.ImportSurvey, "limesurvey_skalen.csv", nil)
	if err != nil || imp.sf != nil || !imp.surveyChoosing() {
		t.Fatalf("%v %v", err, imp.readErr)
	}
	imp.show()
	imp.smap.Questions = []string{"NPS", "ZUFR"}
	imp.read()
	imp.rebuild()
	if imp.sf != nil { // 10 is no 1–5 answer
		t.Fatalf("1–5 read %d answers", len(imp.sf.Answers))
	}
	imp.scale.SetSelected("0 bis 10")
	if imp.sf == nil || len(imp.sf.Answers) != 9 {
		t.Fatalf("0–10: %v %+v", imp.readErr, imp.sf)
	}
	sum := 0
	for _, a := range imp.sf.Answers {
		sum += a.Score
	}
	if sum != 27 {
		t.Errorf("scores sum to %d", sum)
	}
	if s := imp.summary(); !strings.Contains(s, "UTF-8") || !strings.Contains(s, "Nicht verwendete Spalten der Datei: ORT. An welcher Schule arbeiten Sie?, SCHNELL.") ||
		!strings.Contains(s, "SCHULFORM. Schulform.") {
		t.Errorf("summary %q", s)
	}
	imp.apply()
	fx.wait("the import")
	if m := fx.S.Project.SurveyMappingConfig(); m.ScaleOf(m.Questions[0]) != (domain.Scale{Min: 0, Max: 10}) || fx.S.Project.Monitoring().Answers != 2+9 {
		t.Errorf("mapping %+v, %d answers", m, fx.S.Project.Monitoring().Answers)
	}
}

func TestImportDialogColumnMappingForUnknownFiles(t *testing.T) {
	csv := "Zeit;Ergebnis;Warten\n01.03.2027 08:00;ja;12\n01.03.2027 08:05;nein;40\n"
	fx, imp, err := openImport(t, session.ImportCalls, "anlage.csv", []byte(csv))
	if err != nil || imp.cf != nil || imp.readErr == nil {
		t.Fatalf("%v %v", err, imp.readErr)
	}
	imp.show()
	imp.setColumn("at", 0)
	imp.setColumn("answered", 1)
	imp.setColumn("wait", 2)
	if imp.cf == nil || len(imp.cf.Calls) != 2 || !imp.cf.Calls[0].Answered || imp.cf.Calls[1].WaitSeconds != 40 {
		t.Fatalf("%v %+v", imp.readErr, imp.cf)
	}
	imp.apply()
	fx.wait("the import")
	g := fx.S.Project.GenericColumnsConfig()
	if fx.S.Project.Monitoring().Calls != 4 || g.Calls == nil || g.Calls.Columns["at"] != "Zeit" {
		t.Errorf("%d calls, columns %+v", fx.S.Project.Monitoring().Calls, g.Calls)
	}
	// A file that is no table is refused before any dialog.
	if _, err := newImportDialog(fx.Ctx, session.ImportCalls, "bild.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")); err == nil {
		t.Error("a PNG was accepted")
	}
}

func TestJourFixeFreezesKPIsAndCarriesMeasures(t *testing.T) {
	fx := newComputedFixture(t)
	fx.ed.tabs.SelectIndex(1)
	m := fx.ed.meetings
	m.addMeeting()
	j := m.current()
	if j == nil || j.Date.String() != "2027-04-20" {
		t.Fatalf("meeting %+v", j)
	}
	// The default period is the quarter of the month before: Q1.
	if m.freezeFrom.Text != "2027-01-01" || m.freezeTo.Text != "2027-03-31" {
		t.Errorf("freeze period %q – %q", m.freezeFrom.Text, m.freezeTo.Text)
	}
	m.frozenDone = func() { fx.ran <- struct{}{} }
	m.freeze()
	fx.wait("freezing")
	f, ok := kpi.ParseFrozen(m.current().FrozenKPIs)
	if !ok || f.Period.To.String() != "2027-03-31" || len(m.frozenRows) != len(f.Indicators)+len(f.ClassIndicators) {
		t.Fatalf("frozen %+v", f)
	}
	// Participants: two persons of step 11 from the list, and a guest by name; one removed.
	if got := m.people.Person.Options; len(got) != 2 || got[0] != "Anna Berger – Stadt" || got[1] != "Maren Ohlsen – Dienstleister" {
		t.Fatalf("persons offered %q", got)
	}
	m.people.Person.SetSelected("Anna Berger – Stadt")
	m.people.Person.SetSelected("Maren Ohlsen – Dienstleister")
	test.Type(m.people.Guest, "Frau Schulz (Schulamt)")
	test.Tap(m.people.AddGuest)
	test.Tap(m.people.Removes[1]) // Maren Ohlsen
	if got := fx.S.Project.AttendeeNames(m.current().Participants); got != "Anna Berger, Frau Schulz (Schulamt)" {
		t.Fatalf("participants %q", got)
	}
	if ps := m.current().Participants; ps[0].PersonID == nil || *ps[0].PersonID != 1 || ps[1].Guest != "Frau Schulz (Schulamt)" {
		t.Fatalf("participants %+v", ps)
	}
	if got := m.people.Person.Options; len(got) != 1 {
		t.Errorf("a chosen person is still offered: %q", got)
	}
	m.addMeasure()
	fx.TypeInto(m.mText, "Hotline verstärken")
	fx.TypeInto(m.mDue, "2027-04-10")
	m.mOwner.Person.SetSelected("Maren Ohlsen – Dienstleister")
	if errs := fx.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	meas := fx.S.Project.Measures
	if len(meas) != 1 || meas[0].Text != "Hotline verstärken" || meas[0].Due.String() != "2027-04-10" ||
		len(meas[0].Owners) != 1 || meas[0].Owners[0].PersonID == nil || *meas[0].Owners[0].PersonID != 2 {
		t.Fatalf("measures %+v", meas)
	}
	// Undo takes the owner back; the file agrees with the model.
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if len(fx.S.Project.Measures[0].Owners) != 0 {
		t.Errorf("owner after undo: %+v", fx.S.Project.Measures[0].Owners)
	}
	// Due on 10 April, today is 20 April: an open question that jumps to the measure.
	if len(fx.ed.findings) == 0 || fx.ed.findings[0].Code != domain.FindMeasureOverdue {
		t.Fatalf("findings %+v", fx.ed.findings)
	}
	fx.ed.jump(fx.ed.findings[0])
	if fx.ed.tabs.SelectedIndex() != 1 || m.measure != meas[0].ID {
		t.Error("the question did not lead to the measure")
	}
	fx.TypeInto(m.mDue, "kein Datum")
	if errs := fx.errors(); len(errs) != 1 {
		t.Errorf("errors %v", errs)
	}
	// A second meeting shows the open measure as carried over.
	m.addMeeting()
	fx.TypeInto(m.date, "2027-05-11")
	if len(m.shown) != 1 || m.shown[0].Text != "Hotline verstärken" {
		t.Errorf("carried %+v", m.shown)
	}
}

func TestKnowledgeChecks(t *testing.T) {
	fx := newComputedFixture(t)
	fx.ed.tabs.SelectIndex(2)
	k := fx.ed.knowledge
	k.addSuggested()
	if len(fx.S.Project.KnowledgeChecks) != 3 {
		t.Fatalf("%d checks", len(fx.S.Project.KnowledgeChecks))
	}
	k.addSuggested() // nothing twice
	if len(fx.S.Project.KnowledgeChecks) != 3 {
		t.Fatalf("%d checks after a second time", len(fx.S.Project.KnowledgeChecks))
	}
	k.selected = fx.S.Project.KnowledgeChecks[0].ID
	k.load()
	fx.TypeInto(k.on, "2027-04-02")
	fx.TypeInto(k.by, "Frau A")
	if c := fx.S.Project.KnowledgeChecks[0]; c.ReviewedOn == nil || c.ReviewedOn.String() != "2027-04-02" || c.ReviewedBy != "Frau A" {
		t.Errorf("check %+v", c)
	}
	fx.TypeInto(k.on, "2027-05-02") // after today
	if errs := fx.errors(); len(errs) != 1 {
		t.Errorf("errors %v", errs)
	}
	never := 0
	for _, f := range fx.ed.findings {
		if f.Code == domain.FindKnowledgeNever {
			never++
		}
	}
	if never != 2 {
		t.Errorf("findings %+v", fx.ed.findings)
	}
}

func TestReportFromTheDashboard(t *testing.T) {
	fx := newComputedFixture(t)
	fx.wantPDF("the report", "Monitoring.pdf", func(path string, done func(error)) { writeReport(fx.Ctx, path, fx.ed.dash.period, done) })
}

// wantPDF runs write (a writer of the step, given a path in a new folder and what to call when
// it is done) and checks that it wrote a PDF there.
func (fx *fixture) wantPDF(what, name string, write func(path string, done func(error))) {
	fx.T.Helper()
	path := filepath.Join(fx.T.TempDir(), name)
	done := make(chan error, 1)
	write(path, func(err error) { done <- err; fx.ran <- struct{}{} })
	fx.wait(what)
	select {
	case err := <-done:
		if err != nil {
			fx.T.Fatal(err)
		}
	default:
		fx.T.Fatalf("%s did not finish", what)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		fx.T.Errorf("%s: %v", what, err)
	}
}

// The minutes of a meeting are printed from its tab: the button is there for a chosen meeting,
// and the protocol of that day is a PDF.
func TestProtocolOfAMeeting(t *testing.T) {
	fx := newComputedFixture(t)
	if _, err := fx.S.AddJourFixe(domain.JourFixe{Date: domain.NewDate(2027, 4, 6), Participants: []domain.Attendee{{Guest: "SL"}, {PersonID: &[]int64{1}[0]}}, Notes: "Erster Termin"}); err != nil {
		t.Fatal(err)
	}
	tab := fx.ed.meetings
	tab.list.Select(0)
	if tab.current() == nil || tab.protocolBtn.Disabled() {
		t.Fatal("no meeting chosen or no protocol button")
	}
	day := tab.current().Date
	fx.wantPDF("the protocol", "Protokoll.pdf", func(path string, done func(error)) { writeProtocol(fx.Ctx, path, day, done) })
	// The invitation to the same meeting, from the button beside it.
	if tab.inviteBtn.Disabled() || tab.inviteBtn.Text != "Einladung (PDF)…" {
		t.Fatalf("invitation button %q", tab.inviteBtn.Text)
	}
	fx.wantPDF("the invitation", "Einladung.pdf", func(path string, done func(error)) { writeInvitation(fx.Ctx, path, day, done) })
}

// A call list whose columns are mostly detected: the user adds the ringing time and takes the
// detected direction away; the rest stays as detected. By hand: 3 inbound calls (one outbound
// left out) with ringing 12, 45, 30 s; without the direction all 4 calls count.
func TestImportDialogPartialCallMapping(t *testing.T) {
	_, imp, err := openImport(t, session.ImportCalls, "anrufe_klingelzeit.csv", nil)
	if err != nil || imp.cf == nil || len(imp.cf.Calls) != 3 || imp.cf.Calls[0].WaitSeconds != 0 {
		t.Fatalf("%v %v %+v", err, imp.readErr, imp.cf)
	}
	if s := imp.summary(); !strings.Contains(s, "Nicht verwendete Spalten der Datei: Anrufer, Klingelzeit.") {
		t.Errorf("summary %q", s)
	}
	imp.show()
	imp.setColumn("wait", 5) // Klingelzeit
	if imp.cf == nil || len(imp.cf.Calls) != 3 || imp.cf.Calls[1].WaitSeconds != 45 {
		t.Fatalf("wait: %v %+v", imp.readErr, imp.cf)
	}
	imp.setColumn("direction", -1)
	if imp.cf == nil || len(imp.cf.Calls) != 4 || imp.cf.Outbound != 0 {
		t.Fatalf("without direction: %v %+v", imp.readErr, imp.cf)
	}
}
