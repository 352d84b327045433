package reports

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/internal/pdftest"
)

func mAt(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, domain.Berlin).UTC()
}

func mPtr(t time.Time) *time.Time { return &t }

// monitoringProject is the seed project with an SLA, a few tickets, calls and answers in March
// 2027 and a Jour fixe with an open measure.
func monitoringProject() *domain.Project {
	p := seedProject()
	var ws []domain.ServiceWindow
	for wd := 1; wd <= 5; wd++ {
		ws = append(ws, domain.ServiceWindow{Weekday: wd, StartMinute: 8 * 60, EndMinute: 16 * 60})
	}
	p.SLAs = []domain.SLA{{ID: 1, Name: "Standard", Windows: ws, PublicHolidaysStopClock: true, HotlineAnsweredPct: 90,
		HotlineMaxWaitSeconds: 30, SatisfactionTargetPct: 80, Classes: []domain.PriorityClassTarget{
			{Code: "P1", ResponseMinutes: 30, RestoreMinutes: 240}, {Code: "P2", ResponseMinutes: 120, RestoreMinutes: 960}}}}
	p.Tickets = []domain.Ticket{
		{ID: 1, ExternalID: "T-1", Created: mAt(2027, 3, 1, 9, 0), FirstResponse: mPtr(mAt(2027, 3, 1, 9, 20)), Resolved: mPtr(mAt(2027, 3, 1, 12, 0)),
			Priority: "P1", Category: "Netzwerk", School: "GS Am Markt"},
		{ID: 2, ExternalID: "T-2", Created: mAt(2027, 3, 1, 15, 30), FirstResponse: mPtr(mAt(2027, 3, 2, 8, 15)), Resolved: mPtr(mAt(2027, 3, 2, 10, 0)),
			Priority: "P1", Category: "Netzwerk", School: "IGS Nord"},
		{ID: 3, ExternalID: "T-3", Created: mAt(2027, 3, 10, 10, 0), FirstResponse: mPtr(mAt(2027, 3, 10, 11, 0)), Priority: "P2", Category: "Drucker", School: "IGS Nord"},
		// Fresh and not yet due at the export (31 March 15:00), which T-3's open breach is measured to.
		{ID: 4, ExternalID: "T-4", Created: mAt(2027, 3, 31, 15, 0), Priority: "P2", Category: "Drucker", School: "GS Am Markt"},
	}
	p.Calls = []domain.Call{{ID: 1, At: mAt(2027, 3, 1, 8, 10), Answered: true, WaitSeconds: 20, TalkSeconds: 300}, {ID: 2, At: mAt(2027, 3, 1, 9, 5), WaitSeconds: 90}}
	p.SurveyAnswers = []domain.SurveyAnswer{{ID: 1, At: mAt(2027, 3, 20, 12, 0), Question: "Q1", Score: 5, School: "GS Am Markt"},
		{ID: 2, At: mAt(2027, 3, 21, 12, 0), Question: "Q1", Score: 2, School: "IGS Nord"}}
	jf := int64(1)
	due := domain.NewDate(2027, 4, 30)
	p.JourFixes = []domain.JourFixe{{ID: 1, Date: domain.NewDate(2027, 4, 13), Participants: []domain.Attendee{{Guest: "Stadt"}, {Guest: "Dienstleister"}}, Notes: "Drucker IGS klären"}}
	p.Measures = []domain.Measure{{ID: 1, JourFixeID: &jf, Text: "Druckerflotte der IGS Nord erneuern", Owners: []domain.Attendee{{Guest: "Dienstleister"}}, Due: &due, Status: domain.MeasureOpen}}
	p.KnowledgeChecks = []domain.KnowledgeCheck{{ID: 1, Subject: "Wissensdatenbank"}}
	return p
}

var marchPeriod = kpi.Period{From: domain.NewDate(2027, 3, 1), To: domain.NewDate(2027, 3, 31)}

// marchReport writes p's monitoring report of marchPeriod to a file of that name in a temporary
// folder and returns its path and its text, squashed to single spaces.
func marchReport(t *testing.T, p *domain.Project, name string) (path, text string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), name)
	if err := WriteMonitoringFile(path, p, marchPeriod, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	return path, pdftest.AllText(t, path)
}

func TestMonitoringReportContent(t *testing.T) {
	p := monitoringProject()
	path, text := marchReport(t, p, "Monitoring März.pdf")
	pdftest.HasAll(t, "the report", text, []string{
		"Monitoringbericht", "Schul-IT Musterstadt", "01.03.2027 – 31.03.2027", "01.02.2027 – 28.02.2027",
		// Response: T-1 20 min, T-2 45 min (breach), T-3 60 min → 2 of 3 = 66,7 %, red against 90 %.
		"Reaktion im Ziel 66,7 % ≥ 90 % rot",
		"Erreichbarkeit der Hotline 50 % ≥ 90 % rot", "Ø Wartezeit bis zur Annahme 20 s ≤ 30 s grün",
		"Zufriedene Schulen (4–5) 50 % ≥ 80 % rot",
		"SLA-Verletzungen", "T-2", "T-3", "noch offen",
		"Druckerflotte der IGS Nord erneuern", "Wissensdatenbank", "nie",
		"Ampel: grün = Ziel erreicht; gelb = Anteil bis 5 Prozentpunkte unter dem Ziel",
	})
	if n := pdftest.PageCount(t, path); n < 4 {
		t.Errorf("%d pages", n)
	}
	// The same date gives the same bytes.
	var a, b bytes.Buffer
	if err := WriteMonitoring(&a, p, marchPeriod, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMonitoring(&b, p, marchPeriod, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the report is not deterministic")
	}
	if err := WriteMonitoring(&a, p, kpi.Period{From: domain.NewDate(2027, 3, 2), To: domain.NewDate(2027, 3, 1)}, Options{}); err == nil {
		t.Error("a reversed period gave a report")
	}
	if err := WriteMonitoringFile(filepath.Join(t.TempDir(), "fehlt", "x.pdf"), p, marchPeriod, Options{}); err == nil {
		t.Error("a missing folder gave no error")
	}
}

func TestMonitoringReportWithoutData(t *testing.T) {
	_, text := marchReport(t, seedProject(), "leer.pdf")
	pdftest.HasAll(t, "the empty report", text, []string{"Im Zeitraum wurden keine Tickets erstellt.", "keine Anrufe", "keine Umfrageantworten", "Keine offenen Maßnahmen."})
}

func TestGesamtberichtStep12Section(t *testing.T) {
	p := monitoringProject()
	path, _ := writeReport(t, p)
	text := pdftest.Squash(strings.Join(pdftest.PageTexts(t, path, false), " "))
	pdftest.HasAll(t, "section 12", text, []string{"Steuerung und Monitoring", "Kennzahlen 01.01.2027 – 31.03.2027", "Je Priorität", "Offene Maßnahmen",
		"Druckerflotte der IGS Nord erneuern", "Wissensmanagement", "„Wissensdatenbank“ wurde noch nie geprüft."})
	if hasMonitoring(seedProject()) {
		t.Error("a project without monitoring data has a section 12")
	}
}

func TestMonitoringChartsAreEightBitPNGs(t *testing.T) {
	p := monitoringProject()
	r, err := kpi.Compute(p, marchPeriod, kpi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := BuildMonitoringCharts(p, r)
	if err != nil {
		t.Fatal(err)
	}
	widths := map[int]bool{}
	for name, b := range map[string][]byte{"trend": ch.Trend, "heat": ch.Heat, "response": ch.Response, "restore": ch.Restore, "scores": ch.Scores} {
		if b == nil {
			t.Errorf("%s: no chart", name)
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil || b[24] != 8 {
			t.Errorf("%s: %v, bit depth %d", name, err, b[24])
			continue
		}
		if w := img.Bounds().Dx(); w < 1400 || w > 1890 || widths[w] { // up to 16 cm at 300 dpi (16 / 2.54 × 300 = 1890 px), each its own width
			t.Errorf("%s: %d px wide", name, w)
		}
		widths[img.Bounds().Dx()] = true
	}
	if os.Getenv("KPI_CHARTS") != "" { // look at them: KPI_CHARTS=/tmp go test -run Charts
		for name, b := range map[string][]byte{"trend": ch.Trend, "heat": ch.Heat, "response": ch.Response, "restore": ch.Restore, "scores": ch.Scores} {
			os.WriteFile(filepath.Join(os.Getenv("KPI_CHARTS"), name+".png"), b, 0o644)
		}
	}
	empty, _ := kpi.Compute(seedProject(), marchPeriod, kpi.Options{})
	if ch, err := BuildMonitoringCharts(seedProject(), empty); err != nil || ch.Trend != nil || ch.Heat != nil || ch.Scores != nil {
		t.Errorf("charts without data: %v", err)
	}
}

func TestKPIWording(t *testing.T) {
	cases := map[string]string{
		FormatMinutes(45): "45 min", FormatMinutes(200): "3 h 20 min", FormatMinutes(1560): "26 h", FormatMinutes(6600): "110 h",
		FormatSeconds(42): "42 s", FormatSeconds(125): "2 min 05 s", KPIValue(93.25, kpi.UnitPercent, true): "93,3 %",
		KPIValue(0, kpi.UnitPercent, false): "–", KPIValue(3.4, kpi.UnitScore, true): "3,4", KPIValue(1234, kpi.UnitCount, true): "1.234",
		MonthLabel("2027-03"): "Mär 27", FormatDateTime(mAt(2027, 3, 1, 15, 40)): "01.03.2027 15:40",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
	target := 90.0
	prev := 85.5
	in := kpi.Indicator{Key: "kpi.class_restore_share", Label: "P2", Unit: kpi.UnitPercent, Target: &target, Direction: 1, Previous: &prev}
	if KPILabel(in) != "P2: Lösung im Ziel" || KPITarget(in) != "≥ 90 %" || KPIPrevious(in) != "85,5 %" || KPILight(kpi.LightAmber) != "gelb" ||
		KPILabel(in) == "" {
		t.Errorf("%q %q %q", KPILabel(in), KPITarget(in), KPIPrevious(in))
	}
	// Issue 13, 1.9: the change itself, and better/worse in words.
	f := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		in   kpi.Indicator
		want string
	}{
		// breaches 69 → 49: 49 − 69 = −20, fewer breaches is better
		{kpi.Indicator{Key: "kpi.breaches", HasValue: true, Value: 49, Previous: f(69), Delta: f(-20), Direction: -1, Change: kpi.ChangeBetter}, "−20 (besser)"},
		// share 85,5 % → 89,8 %: +4,3 percentage points
		{kpi.Indicator{Key: "kpi.response_share", Unit: kpi.UnitPercent, HasValue: true, Value: 89.8, Previous: f(85.5), Delta: f(4.3), Direction: 1, Change: kpi.ChangeBetter}, "+4,3 Pp. (besser)"},
		// wait 30 s → 42 s: +12 s, longer is worse
		{kpi.Indicator{Key: "kpi.asa", Unit: kpi.UnitSeconds, HasValue: true, Value: 42, Previous: f(30), Delta: f(12), Direction: -1, Change: kpi.ChangeWorse}, "+12 s (schlechter)"},
		// volume 120 → 132 tickets: +12, neither better nor worse
		{kpi.Indicator{Key: "kpi.tickets", HasValue: true, Value: 132, Previous: f(120), Delta: f(12), Change: kpi.ChangeUp}, "+12"},
		{kpi.Indicator{Key: "kpi.backlog", HasValue: true, Value: 7, Previous: f(7), Delta: f(0), Direction: -1, Change: kpi.ChangeSame}, "±0 (gleich)"},
		// no data in the comparison period
		{kpi.Indicator{Key: "kpi.breaches", HasValue: true, Value: 49, Direction: -1, Change: kpi.ChangeNone}, "–"},
		// a snapshot frozen before the difference was stored: 60 − 100 = −40 points
		{kpi.Indicator{Key: "kpi.response_share", Unit: kpi.UnitPercent, HasValue: true, Value: 60, Previous: f(100), Direction: 1, Change: kpi.ChangeWorse}, "−40 Pp. (schlechter)"},
	} {
		if got := KPIChange(c.in); got != c.want {
			t.Errorf("%s: %q, want %q", c.in.Key, got, c.want)
		}
	}
}

// Issue 13, 1.10: the protocol names the method a snapshot was computed with.
func TestFrozenSummaryNamesTheMethod(t *testing.T) {
	old, ok := kpi.ParseFrozen(`{"version":1,"period":{"from":"2027-01-01","to":"2027-03-31"},"indicators":[]}`)
	if !ok {
		t.Fatal("old snapshot not read")
	}
	if s := frozenSummary(old); !strings.Contains(s, "Berechnungsmethode 1 (ältere Methode") {
		t.Errorf("old snapshot: %q", s)
	}
	r, err := kpi.Compute(monitoringProject(), marchPeriod, kpi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := kpi.ParseFrozen(r.Freeze(nil))
	if s := frozenSummary(cur); !strings.HasSuffix(s, "Berechnungsmethode 2") {
		t.Errorf("new snapshot: %q", s)
	}
}
