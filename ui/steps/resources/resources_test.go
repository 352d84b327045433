package resources

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/kit/kittest"
)

// resourceProject: Niedersachsen, planning year 2027 (Jahresarbeitszeit with the defaults
// (261 − 5 − 30 − 10) × 7,8 = 1.684,8 h), two packages and three tasks:
//
//	IServ-Nutzer anlegen     10 h/Monat  Teammitglied Schul-IT        User-Management
//	Updates im MDM            2 h/Monat  Teammitglied Schul-IT        Software
//	Wartung der Tablets       8 h/Monat  Noch nicht definiert → extern  Hardware-Wartung is not a package: none
func resourceProject() *domain.Project {
	p := domain.NewProject("Ressourcen", time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	one, two := int64(1), int64(2)
	p.Packages = []domain.Package{{ID: 1, Name: "User-Management", SortOrder: 1}, {ID: 2, Name: "Software", SortOrder: 2}}
	p.Tasks = []domain.Task{
		{ID: 1, SortOrder: 1, Name: "IServ-Nutzer anlegen", Responsible: "Teammitglied Schul-IT", Effort: &domain.Effort{Value: 10, Unit: domain.HoursPerMonth}, PackageID: &one},
		{ID: 2, SortOrder: 2, Name: "Updates im MDM", Responsible: "Teammitglied Schul-IT", Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}, PackageID: &two},
		{ID: 3, SortOrder: 3, Name: "Wartung der Tablets", Responsible: "Noch nicht definiert", Effort: &domain.Effort{Value: 8, Unit: domain.HoursPerMonth},
			NewResponsible: domain.ExternalProvider, Coverage: domain.CoverageAssign},
	}
	return p
}

type fixture struct {
	*kittest.Fixture
	ed *resourcesEditor
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	fx := &fixture{Fixture: kittest.NewFixture(t, resourceProject())}
	fx.ed = NewResourcesEditor(fx.Ctx)
	fx.Show(fx.ed.View)
	return fx
}

func (fx *fixture) questions() []string { return fx.ed.questions.Texts() }

// A committee member checks the working time, changes it, makes mistakes and takes one back.
func TestResourceSettingsSession(t *testing.T) {
	fx := newFixture(t)
	ed := fx.ed
	if got := ed.formula.Text; got != "(261 − 5 − 30 − 10) Tage × 7,8 h = 1.684,8 h" {
		t.Fatalf("formula %q", got)
	}
	if !strings.Contains(ed.holidays.Text, "5 Feiertage") || !strings.Contains(ed.holidays.Text, "Karfreitag (26.03.)") {
		t.Errorf("holidays %q", ed.holidays.Text)
	}
	if ed.weekly.Entry.Text != "39" || ed.leave.Entry.Text != "30" || ed.verteilzeit.Entry.Text != "10" {
		t.Errorf("inputs show %q %q %q", ed.weekly.Entry.Text, ed.leave.Entry.Text, ed.verteilzeit.Entry.Text)
	}

	// 40 hours a week: 216 days × 8 h = 1.728 h.
	fx.TypeInto(ed.weekly.Entry, "40")
	if errs := fx.TakeErrors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	if fx.Stored().Resource.WeeklyHours != 40 || ed.formula.Text != "(261 − 5 − 30 − 10) Tage × 8 h = 1.728 h" {
		t.Fatalf("after 40 h: stored %v, formula %q", fx.Stored().Resource.WeeklyHours, ed.formula.Text)
	}
	// Other absence 2,5 days appears in the formula: (261 − 5 − 30 − 10 − 2,5) = 213,5 × 8 = 1.708 h.
	fx.TypeInto(ed.other.Entry, "2,5")
	if ed.formula.Text != "(261 − 5 − 30 − 10 − 2,5) Tage × 8 h = 1.708 h" {
		t.Errorf("with other absence: %q", ed.formula.Text)
	}
	// Surcharges: 10 + 5 + 5 = 20 % → factor 1,2.
	fx.TypeInto(ed.travel.Entry, "5")
	fx.TypeInto(ed.docs.Entry, "5")
	if ed.surcharge.Text != "10 % + 5 % + 5 % = 20 % → Faktor 1,2" {
		t.Errorf("surcharge %q", ed.surcharge.Text)
	}

	// Not a number: a German message, the stored value shown again.
	fx.TypeInto(ed.leave.Entry, "dreißig")
	errs := fx.TakeErrors()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "dreißig") || ed.leave.Entry.Text != "30" {
		t.Fatalf("bad number: %v, entry %q", errs, ed.leave.Entry.Text)
	}
	// 300 sick days leave no working day: refused with the domain's reason, nothing stored.
	fx.TypeInto(ed.sick.Entry, "300")
	if errs := fx.TakeErrors(); len(errs) != 1 || !kittest.IsErr(errs, domain.ErrResourceNoWorkingDays) {
		t.Fatalf("300 sick days: %v", errs)
	}
	if ed.sick.Entry.Text != "10" || fx.Stored().Resource.SickDays != 10 {
		t.Errorf("sick days after refusal: entry %q, stored %v", ed.sick.Entry.Text, fx.Stored().Resource.SickDays)
	}

	// Undo takes back the documentation surcharge; the inputs follow.
	if err := fx.S.Undo(); err != nil {
		t.Fatal(err)
	}
	if ed.docs.Entry.Text != "0" || fx.Stored().Resource.DocumentationPct != 0 {
		t.Errorf("undo: entry %q stored %v", ed.docs.Entry.Text, fx.Stored().Resource.DocumentationPct)
	}
}

// The demand tab shows every view with totals and the way to VZÄ.
func TestResourceDemandViews(t *testing.T) {
	fx := newFixture(t)
	ed := fx.ed
	ed.tabs.Select(ed.tabDemand)
	// Per package: User-Management 10 h/Monat = 120 h/Jahr × 1,1 = 132 h ÷ 1.684,8 = 0,08 VZÄ.
	rows := ed.demandTables[byPackage].Rows
	if len(rows) != 4 || rows[0][0] != "User-Management" || rows[0][3] != "120" || rows[0][5] != "132" || rows[0][6] != "0,08" {
		t.Fatalf("package rows %q", rows)
	}
	if rows[2][0] != "ohne Paket" || rows[3][0] != "Gesamt" || rows[3][3] != "240" {
		t.Errorf("rest and total %q", rows[2:])
	}
	// Total: 20 h/Monat × 12 = 240 h × 1,1 = 264 h ÷ 1.684,8 h = 0,16 VZÄ.
	want := "Gesamt: 20 h/Monat × 12 = 240 h/Jahr × 1,1 = 264 h ÷ 1.684,8 h Jahresarbeitszeit = 0,16 VZÄ"
	if ed.demandInfo.Text != want {
		t.Errorf("info %q", ed.demandInfo.Text)
	}
	ed.demandMode.SetSelected("je Person nach Schritt 4")
	after := ed.demandTables[byAfter].Rows
	if after[0][0] != "Teammitglied Schul-IT" || after[1][0] != domain.ExternalProvider || after[1][3] != "96" {
		t.Errorf("after step 4 %q", after)
	}
	ed.demandMode.SetSelected("je Person heute")
	if before := ed.demandTables[byBefore].Rows; before[1][0] != "ohne Zuständigkeit" {
		t.Errorf("before %q", before)
	}
	// The tablets go out: 96 × 1,1 = 105,6 h external, 144 × 1,1 = 158,4 h in-house.
	if !strings.Contains(ed.demandSplit.Text, "0,09 VZÄ (158,4 h) im Haus") || !strings.Contains(ed.demandSplit.Text, "0,06 VZÄ (105,6 h)") {
		t.Errorf("split %q", ed.demandSplit.Text)
	}
}

// Pay groups from the examples, one rate of the house's own, a person mapped, a price entered:
// the open questions shrink as the answers come in.
func TestResourceCostSession(t *testing.T) {
	fx := newFixture(t)
	ed := fx.ed
	g := ed.groups
	if q := fx.questions(); len(q) != 3 || !strings.Contains(q[0], "Noch keine Entgeltgruppe") {
		t.Fatalf("questions at start %q", q)
	}
	ed.tabs.Select(ed.tabGroups)
	test.Tap(g.exampleBtn)
	if n := len(fx.Stored().PayGroups); n != 3 {
		t.Fatalf("%d pay groups stored", n)
	}
	if g.name.Text != "Mittlerer Dienst (E 5 – E 9a)" || g.hourly.Entry.Text != "55,3" {
		t.Errorf("form shows %q %q", g.name.Text, g.hourly.Entry.Text)
	}

	// Our own rate for the gehobener Dienst, with its source.
	g.pick(2)
	fx.TypeInto(g.hourly.Entry, "71,40")
	fx.TypeInto(g.source, "Kämmerei Musterstadt, Kalkulation 2026")
	fx.TypeInto(g.year.Entry, "2026")
	if errs := fx.TakeErrors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	pg := fx.Stored().PayGroupByID(2)
	if pg.HourlyRate != 71.4 || pg.Source != "Kämmerei Musterstadt, Kalkulation 2026" || pg.SourceYear != 2026 || pg.IsExample() {
		t.Fatalf("stored %+v", pg)
	}
	fx.TypeInto(g.hourly.Entry, "-5")
	if errs := fx.TakeErrors(); !kittest.IsErr(errs, domain.ErrPayGroupRate) || g.hourly.Entry.Text != "71,4" {
		t.Errorf("negative rate: %v, entry %q", errs, g.hourly.Entry.Text)
	}

	// Map the team member onto the gehobener Dienst.
	if len(g.parties) != 1 || g.parties[0] != "Teammitglied Schul-IT" {
		t.Fatalf("parties %q", g.parties)
	}
	g.pickParty("Teammitglied Schul-IT")
	g.mapSelect.SetSelectedIndex(2)
	if fx.Stored().Resource.PayGroupOf["Teammitglied Schul-IT"] != 2 {
		t.Fatalf("mapping %v", fx.Stored().Resource.PayGroupOf)
	}
	// The tablets (nobody today) need the default.
	g.defaultSelect.SetSelectedIndex(1)
	if fx.Stored().Resource.DefaultPayGroupID != 1 {
		t.Fatal("default not stored")
	}

	// External price of User-Management: 85 €/h.
	ed.tabs.Select(ed.tabCompare)
	c := ed.compare
	c.pick(1)
	c.basis.SetSelectedIndex(1)
	fx.TypeInto(c.price, "85")
	if pk := fx.Stored().PackageByID(1); pk.ExternalHourlyRate != 85 || pk.ExternalMonthlyFee != 0 {
		t.Fatalf("price %+v", pk)
	}
	// In-house: 132 h × 71,40 € = 9.424,80 €; external: 120 h × 85 € = 10.200 €.
	if row := c.table.Rows[0]; row[2] != "9.424,80 €" || row[4] != "10.200 €" || row[5] != "intern" {
		t.Errorf("User-Management row %q", row)
	}
	// Switching to a monthly fee replaces the hourly rate.
	c.basis.SetSelectedIndex(2)
	fx.TypeInto(c.price, "700")
	if pk := fx.Stored().PackageByID(1); pk.ExternalHourlyRate != 0 || pk.ExternalMonthlyFee != 700 {
		t.Fatalf("fee %+v", pk)
	}
	if c.chart.Resource == nil {
		t.Error("the chart is not drawn on its tab")
	}
	// Left: two example rates, Software's price.
	q := fx.questions()
	if len(q) != 3 || !strings.Contains(q[2], "„Software“") {
		t.Errorf("questions at the end %q", q)
	}
}

// The editors of steps 5 and 6 fit the shell's page of a 1400 × 900 window beside the sidebar
// (about 1000 × 550 points): wider or taller minimums would squeeze the sidebar or cut off the
// open questions.
func TestResourceAndSourcingEditorsFitThePage(t *testing.T) {
	fx := newFixture(t)
	if m := fx.ed.View.MinSize(); m.Width > 900 || m.Height > 500 {
		t.Errorf("step 5 editor needs at least %v", m)
	}
	sx := newSourcingFixture(t, resourceProject())
	if m := sx.ed.View.MinSize(); m.Width > 900 || m.Height > 500 {
		t.Errorf("step 6 editor needs at least %v", m)
	}
}

// BenchmarkResourcesRefresh1500 redraws every figure of step 5 after an edit, for 1,500 tasks in
// 40 packages (the chart is drawn only while its tab is shown, so it is not in here).
func BenchmarkResourcesRefresh1500(b *testing.B) {
	test.NewTempApp(b)
	p := resourceProject()
	p.Packages = nil
	for i := 0; i < 40; i++ {
		p.Packages = append(p.Packages, domain.Package{ID: int64(i + 1), Name: "Paket " + strings.Repeat("x", i%5), SortOrder: i, ExternalHourlyRate: 85})
	}
	p.Tasks = nil
	for i := 0; i < 1500; i++ {
		pk := int64(i%40 + 1)
		p.Tasks = append(p.Tasks, domain.Task{ID: int64(i + 1), SortOrder: i, Name: "Aufgabe", Responsible: "Person " + strings.Repeat("y", i%25),
			Effort: &domain.Effort{Value: float64(i % 9), Unit: domain.HoursPerMonth}, PackageID: &pk})
	}
	s := kittest.OpenProject(b, p)
	w := test.NewWindow(nil)
	defer w.Close()
	ed := NewResourcesEditor(&kit.Context{Session: s, Window: w})
	w.SetContent(ed.View)
	w.Resize(fyne.NewSize(1400, 900))
	b.ReportAllocs()
	for b.Loop() {
		ed.refresh()
	}
}
