package award

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
	"schulit-lotse/ui/session"
)

type fixture struct{ *kittest.Fixture }

func newFixture(t *testing.T, p *domain.Project) *fixture {
	t.Helper()
	return &fixture{kittest.NewFixture(t, p)}
}

func (fx *fixture) lastError() string {
	if len(fx.Errs) == 0 {
		return ""
	}
	return fx.Errs[len(fx.Errs)-1].Error()
}

func project() *domain.Project {
	p := domain.NewProject("Vergabe", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	p.Packages = []domain.Package{{ID: 1, Name: "Störungsbeseitigung", SortOrder: 1, ExternalMonthlyFee: 900}}
	return p
}

// typeInto replaces an entry's text as a user would and leaves the field.
func typeInto(e *kit.CommitEntry, text string) {
	e.SetText("")
	test.Type(e, text)
	e.FocusLost()
}

func TestSLAEditorSession(t *testing.T) {
	fx := newFixture(t, project())
	ed := NewSLAEditor(fx.Ctx)
	fx.W.SetContent(ed.View)
	if ed.current() != nil || !strings.Contains(ed.frozenNote.Text, "Noch kein SLA") {
		t.Fatal("empty project shows an SLA")
	}
	test.Tap(ed.addBtn)
	s := ed.current()
	if s == nil || s.Name != "Standard-SLA" || len(s.Classes) != 4 || !strings.HasPrefix(s.Classes[0].Description, "Ausfall einer ganzen Schule") {
		t.Fatalf("new SLA %+v", s)
	}
	// Monday: two windows with a lunch break.
	typeInto(ed.days[0], "7:30-12, 13:00 bis 16:30")
	if got := domain.WindowsOn(*ed.current(), 1); len(got) != 2 || got[1].StartMinute != 13*60 || got[1].EndMinute != 16*60+30 {
		t.Fatalf("Monday %+v", got)
	}
	if ed.days[0].Text != "07:30–12:00, 13:00–16:30" {
		t.Errorf("Monday shown as %q", ed.days[0].Text)
	}
	// 4 × 9 h + 8 h = 44 h.
	if !strings.Contains(ed.perWeek.Text, "44 Std.") {
		t.Errorf("per week: %q", ed.perWeek.Text)
	}
	// Overlapping windows: refused with the domain's sentence, the field shows what is stored.
	typeInto(ed.days[1], "07:00–12:00, 11:00–15:00")
	if !strings.Contains(fx.lastError(), "window_overlap") && !strings.Contains(fx.lastError(), "überschneiden") {
		t.Errorf("overlap: %v", fx.Errs)
	}
	if ed.days[1].Text != "07:30–16:30" {
		t.Errorf("Tuesday after a refused edit: %q", ed.days[1].Text)
	}
	typeInto(ed.days[2], "früh bis spät")
	if !strings.Contains(fx.lastError(), "kein Zeitfenster") {
		t.Errorf("nonsense: %v", fx.lastError())
	}
	// A target of 0 is refused; a target in minutes is kept.
	typeInto(ed.classRows[1].restore, "0")
	if !strings.Contains(fx.lastError(), "target_zero") && !strings.Contains(fx.lastError(), "größer als 0") {
		t.Errorf("target 0: %v", fx.lastError())
	}
	typeInto(ed.classRows[0].response, "15 min")
	if ed.current().Classes[0].ResponseMinutes != 15 || stored(t, fx.S).SLAs[0].Classes[0].ResponseMinutes != 15 {
		t.Error("15 min not stored")
	}
	test.Tap(ed.addClass)
	if len(ed.classRows) != 5 || ed.current().Classes[4].Code != "P5" {
		t.Errorf("added class: %d rows", len(ed.classRows))
	}
	// Undo goes back step by step.
	if err := fx.S.Undo(); err != nil || len(ed.classRows) != 4 {
		t.Errorf("undo add class: %v, %d rows", err, len(ed.classRows))
	}
	// A copy for the package, with its own level.
	test.Tap(ed.dupBtn)
	cur := ed.current()
	if cur.PackageID == nil || *cur.PackageID != 1 || cur.Classes[0].ResponseMinutes != 15 {
		t.Fatalf("copy %+v", cur)
	}
	if len(ed.levels.Rows) != 1 || !strings.Contains(ed.levels.Rows[0][1], "SLA Störungsbeseitigung") || ed.levels.Rows[0][5] != "10.800 €" {
		t.Errorf("levels %v", ed.levels.Rows)
	}
	// The clock probe: Friday 15:30 in P1 (15 min response) with office hours until 16:30.
	ed.selected = fx.S.Project.SLAs[0].ID
	ed.refresh()
	typeInto(ed.probe.at, "2027-03-05 15:30")
	if !strings.Contains(ed.probe.result.Text, "Reaktion bis Fr 05.03.2027 15:45") {
		t.Errorf("probe: %q", ed.probe.result.Text)
	}
}

func stored(t *testing.T, s *session.Session) *domain.Project {
	t.Helper()
	p, err := s.File.Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFerienImportPreviewSwitchesTheReading(t *testing.T) {
	fx := newFixture(t, project())
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "persistence", "importers", "ics", "testdata", "ferien-ni-2026-2027-letzter-tag.ics"))
	if err != nil {
		t.Fatal(err)
	}
	fp := showFerienPreview(fx.Ctx, "ferien.ics", data)
	if fp == nil {
		t.Fatalf("preview refused: %v", fx.Errs)
	}
	if fp.reading != "inclusive" || !strings.Contains(fp.radio.Selected, "erkannt") {
		t.Errorf("detected %s, radio %q", fp.reading, fp.radio.Selected)
	}
	if got := fp.table.Rows[0]; got[2] != "Sa 24.10.2026" || got[3] != "13" || got[4] != "Sa 24.10.2026" {
		t.Errorf("first row %v", got)
	}
	// Switch to the RFC reading: the Herbstferien end a day earlier.
	fp.radio.SetSelected(fp.radio.Options[0])
	if got := fp.table.Rows[0]; got[2] != "Fr 23.10.2026" || got[3] != "12" {
		t.Errorf("after switching %v", got)
	}
	fp.radio.SetSelected(fp.radio.Options[1])
	added := -1
	fp.done = func(n int) { added = n }
	fp.apply()
	if added != 7 || len(stored(t, fx.S).SchoolHolidays) != 7 || stored(t, fx.S).SchoolHolidays[0].Last.String() != "2026-10-24" {
		t.Fatalf("import: %d %+v", added, stored(t, fx.S).SchoolHolidays)
	}
	// A broken file says which line and stores nothing.
	bad := []byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nSUMMARY Herbst\nEND:VEVENT\nEND:VCALENDAR\n")
	if showFerienPreview(fx.Ctx, "kaputt.ics", bad) != nil || !strings.Contains(fx.lastError(), "Zeile 4") {
		t.Errorf("broken file: %v", fx.Errs)
	}
	if len(stored(t, fx.S).SchoolHolidays) != 7 {
		t.Error("broken file changed the project")
	}
}

func TestAmountsReadThousandsGroups(t *testing.T) {
	cases := map[string]float64{"150.000": 150000, "1.234.567,5": 1234567.5, "238000": 238000, "12,5": 12.5, "150.000 €": 150000, "1.5": 1.5}
	for in, want := range cases {
		if got, err := kit.ParseAmount(in); err != nil || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	if _, err := kit.ParseAmount("viel"); err == nil {
		t.Error("text accepted")
	}
	if kit.FormatNumber(1234567.5) != "1.234.567,5" || euroText(238000) != "238.000 €" {
		t.Errorf("grouping %q %q", kit.FormatNumber(1234567.5), euroText(238000))
	}
}

// Figures in the steps read like the reports (internal/numfmt): four digits grouped too, so
// step 1's "100049 Std./Monat" is now "100.049", and amounts with cents show both decimals.
func TestFiguresReadLikeTheReports(t *testing.T) {
	for v, want := range map[float64]string{100049: "100.049", 1500: "1.500", 999.5: "999,5", 0: "0"} {
		if got := kit.FormatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", v, got, want)
		}
	}
	if got := euroText(14830.5); got != "14.830,50 €" {
		t.Errorf("euroText = %q", got)
	}
}

// "OLA anlegen" gives the package kept in the house its internal level, shown as OLA in the
// chooser and in the levels table; a second tap finds no package left and says so.
func TestSLAEditorAddsAnOLAForTheInternPackage(t *testing.T) {
	p := project()
	p.Packages = append(p.Packages, domain.Package{ID: 2, Name: "Software", SortOrder: 2})
	p.Decisions = []domain.SourcingDecision{{ID: 1, PackageID: 1, Outcome: domain.OutcomeExternal}, {ID: 2, PackageID: 2, Outcome: domain.OutcomeInternal}}
	fx := newFixture(t, p)
	ed := NewSLAEditor(fx.Ctx)
	fx.W.SetContent(ed.View)
	test.Tap(ed.addBtn)
	test.Tap(ed.olaBtn)
	o := ed.current()
	if o == nil || !o.Internal || o.PackageID == nil || *o.PackageID != 2 || o.Name != "OLA Software" || o.HotlineAnsweredPct != 0 {
		t.Fatalf("OLA %+v", o)
	}
	if !strings.Contains(ed.chooser.Selected, "OLA Software – Software (OLA)") {
		t.Errorf("chooser shows %q", ed.chooser.Selected)
	}
	found := false
	for _, r := range ed.levels.Rows {
		found = found || r[0] == "Software" && r[1] == "OLA Software (OLA)"
	}
	if !found {
		t.Errorf("levels %v", ed.levels.Rows)
	}
	test.Tap(ed.olaBtn)
	if !strings.Contains(fx.lastError(), "hat schon ein OLA") || len(domain.OLAs(fx.S.Project)) != 1 {
		t.Errorf("second OLA: %v", fx.Errs)
	}
}
