package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// slaProject writes a project with one class — answer within 60 min, solution within 480 min,
// by the clock — as the importer's tests use (trustProject).
func slaProject(t *testing.T) string {
	t.Helper()
	p := domain.NewProject("Vertrauen", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Meta.Bundesland = "NI"
	p.SLAs = []domain.SLA{{ID: 1, Name: "Standard", Classes: []domain.PriorityClassTarget{
		{Code: "P1", ResponseMinutes: 60, RestoreMinutes: 480, CalendarTime: true}}}}
	return projectFile(t, "Vertrauen.lotse", p)
}

// kpiJSON runs `lotse kpi --json` for March 2027.
func kpiJSON(t *testing.T, path string) kpi.Report {
	t.Helper()
	r := run(t, "kpi", path, "--json", "--from", "2027-03-01", "--to", "2027-03-31").want(t, 0)
	var doc struct {
		Report kpi.Report `json:"report"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Report
}

// Issue 13, section 2: survey questions, their names and scales chosen on the command line,
// and a partial --map for surveys and calls on top of detection. By hand (the importer's
// TestWordAndZeroToTenScales): NPS on 0–10 gives 5, 4, 2, 1; ZUFR in words 5, 4, 2, 1, 3:
// 9 answers, 4 satisfied = 44,44 %, mean 27 / 9 = 3.
func TestSurveyChoicesOnTheCommandLine(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "Neu.lotse")
	run(t, "new", fresh).want(t, 0)
	src := filepath.Join(importerFixtures, "limesurvey_skalen.csv")
	// Guessed, nothing counts; the refusal says how to choose.
	r := run(t, "import", fresh, "--kind", "survey", src).want(t, 1)
	contains(t, "guessed", r.err, "satisfaction")
	r = run(t, "import", fresh, "--kind", "survey", "--map", "satisfaction=NPS", "--map", "satisfaction=ZUFR", "--scale", "NPS=0-10",
		"--question", "ZUFR=Gesamtzufriedenheit", "--map", "school=ORT", src).want(t, 0)
	contains(t, "survey", r.out, "9 Antworten", "Kodierung UTF-8 (BOM)",
		"Nicht verwendete Spalten der Datei: SCHNELL. Der IT-Support löst meine Probleme schnell., WICHTIG.")
	s := kpiJSON(t, fresh).Satisfaction
	if s.Answers != 9 || s.Satisfied != 4 || s.CSATPct != 44.44 || s.Mean != 3 {
		t.Errorf("satisfaction %+v", s)
	}
	labels := map[string]bool{}
	for _, q := range s.ByQuestion {
		labels[q.Label] = true
	}
	if !labels["Gesamtzufriedenheit"] || len(s.BySchool) != 3 {
		t.Errorf("questions %+v, schools %+v", s.ByQuestion, s.BySchool)
	}
	// The choices are kept: the same file again needs no options and replaces the answers.
	r = run(t, "import", fresh, "--kind", "survey", src).want(t, 0)
	contains(t, "again", r.out, "9 Antworten", "jetzt 9 Antworten")

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--scale", "2-9"}, "--scale 2-9"},
		{[]string{"--scale", "=0-10"}, "--scale =0-10"},
		{[]string{"--question", "ZUFR"}, "--question ZUFR"},
		{[]string{"--map", "mood=ZUFR"}, "satisfaction"},
	} {
		r = run(t, append([]string{"import", fresh, "--kind", "survey", src}, c.args...)...).want(t, 2)
		contains(t, c.want, r.err, c.want)
	}
	r = run(t, "import", fresh, "--kind", "calls", "--scale", "0-10", src).want(t, 2)
	contains(t, "survey only", r.err, "--scale", "--kind survey")
}

// Calls: only the ringing time is chosen, the rest is detected. By hand: 3 inbound calls
// (one outbound left out), 2 answered; ASA (12 + 30) / 2 = 21 s.
func TestPartialCallMapOnTheCommandLine(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "Neu.lotse")
	run(t, "new", fresh).want(t, 0)
	src := filepath.Join(importerFixtures, "anrufe_klingelzeit.csv")
	r := run(t, "import", fresh, "--kind", "calls", src).want(t, 0)
	contains(t, "detected", r.out, "3 Anrufe", "ausgehende Anrufe übersprungen: 1", "Nicht verwendete Spalten der Datei: Anrufer, Klingelzeit.")
	r = run(t, "import", fresh, "--kind", "calls", "--map", "wait=Klingelzeit", src).want(t, 0)
	contains(t, "mapped", r.out, "3 Anrufe", "Nicht verwendete Spalten der Datei: Anrufer.")
	if h := kpiJSON(t, fresh).Hotline; h.Calls != 3 || h.Answered != 2 || h.ASASeconds != 21 {
		t.Errorf("hotline %+v", h)
	}
}

// Issue 13, 1.1 per import, through the command line: tickets of March come with a
// first-response column, those of April without. `lotse kpi --json` measures March (7 of 10
// answered within 60 min = 70 %) and calls April "nicht gemessen"; over both months the
// response share is March's 70 % and 10 of 20 tickets are counted as not measured.
func TestResponseFlagPerImportInTheKPIJSON(t *testing.T) {
	fresh := slaProject(t)
	run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_erste_antwort.csv")).want(t, 0)
	r := run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_april_ohne_antwort.csv")).want(t, 0)
	contains(t, "april", r.out, "keine Spalte für die erste Reaktion")
	report := func(from, to string) kpi.Report {
		r := run(t, "kpi", fresh, "--json", "--from", from, "--to", to).want(t, 0)
		var doc struct {
			Report kpi.Report `json:"report"`
		}
		if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Report
	}
	if m := report("2027-03-01", "2027-03-31"); m.ResponseNotMeasured || m.Tickets.Total.Response.Within != 7 || m.Tickets.Total.Response.SharePct != 70 {
		t.Errorf("March: %v %+v", m.ResponseNotMeasured, m.Tickets.Total.Response)
	}
	if a := report("2027-04-01", "2027-04-30"); !a.ResponseNotMeasured || a.Tickets.Total.Response.NotMeasured != 10 || a.Tickets.Total.Response.Times != 0 {
		t.Errorf("April: %v %+v", a.ResponseNotMeasured, a.Tickets.Total.Response)
	}
	both := report("2027-03-01", "2027-04-30")
	if both.ResponseNotMeasured || both.Tickets.Total.Response.NotMeasured != 10 || both.Tickets.Total.Response.SharePct != 70 {
		t.Errorf("both: %v %+v", both.ResponseNotMeasured, both.Tickets.Total.Response)
	}
	r = run(t, "kpi", fresh, "--from", "2027-03-01", "--to", "2027-04-30").want(t, 0)
	contains(t, "text", r.out, "Reaktion nicht gemessen bei 10 von 20 Tickets")
}

// Values beyond id, creation, priority and status: the Czech list's solution and closing
// columns are taken (and named in the summary), a possible first-response column is only
// proposed with the --map that takes it.
func TestDateColumnsByValuesInTheSummary(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "Neu.lotse")
	run(t, "new", fresh).want(t, 0)
	r := run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_cs.csv")).want(t, 0)
	contains(t, "czech", r.out, "nach ihren Werten zugeordnet", "gelöst am = „Datum vyřešení“", "geschlossen am = „Datum uzavření“",
		"Nicht verwendete Spalten der Datei: Název, Poslední aktualizace, Kategorie, Entita, Žadatel - Žadatel.")
	r = run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_uebernahme.csv")).want(t, 0)
	contains(t, "proposal", r.out, "Vorschlag, nicht übernommen: „Übernommen am“ könnte die Spalte „erste Reaktion“ sein",
		`--map firstResponse="Übernommen am"`, "keine Spalte für die erste Reaktion")
	r = run(t, "import", fresh, "--kind", "tickets", "--map", "firstResponse=Übernommen am", filepath.Join(importerFixtures, "glpi_uebernahme.csv")).want(t, 0)
	if strings.Contains(r.out, "Vorschlag") || strings.Contains(r.out, "keine Spalte für die erste Reaktion") {
		t.Errorf("taken, still proposed: %s", r.out)
	}
}

// Issue 13, section 1, through `lotse import` and `lotse kpi --json`: each defect's fixture is
// imported into its own project and the JSON carries the value worked out by hand in the
// importer's test of that defect (trust_test.go).
func TestSectionOneInTheKPIJSON(t *testing.T) {
	imp := func(path, kind, name string) {
		run(t, "import", path, "--kind", kind, filepath.Join(importerFixtures, name)).want(t, 0)
	}
	// 1.1, 1.3, 1.6: "Erste Antwort" read: 7 of 10 within 60 min = 70 % (was 20 %); median of
	// the ten answers (50 + 55) / 2 = 52.5 min (the lower middle gave 50), P90 120 + 0.1·60 =
	// 126; "Standort": 5 and 5 tickets (were all without school).
	path := slaProject(t)
	imp(path, "tickets", "glpi_erste_antwort.csv")
	r := kpiJSON(t, path)
	resp := r.Tickets.Total.Response
	if resp.SharePct != 70 || resp.MedianMin != 52.5 || resp.P90Min != 126 || len(r.Tickets.BySchool) != 2 || r.Tickets.BySchool[0].Tickets != 5 {
		t.Errorf("1.1/1.3/1.6: response %+v, schools %+v", resp, r.Tickets.BySchool)
	}
	// 1.2: Zammad's "Kategorie", not "Gruppe": Hardware 2, Netzwerk 1.
	path = slaProject(t)
	imp(path, "tickets", "zammad_kategorie.xlsx")
	if g := kpiJSON(t, path).Tickets.ByCategory; len(g) != 2 || g[0].Key != "Hardware" || g[0].Tickets != 2 || g[1].Key != "Netzwerk" {
		t.Errorf("1.2: by category %+v", g)
	}
	// 1.4: LimeSurvey list codes are no scores: 4 answers to ZUFR, CSAT 100 %, mean 4.5 (were
	// 12 answers, 33.3 %, 2.67).
	path = slaProject(t)
	imp(path, "survey", "limesurvey_liste.csv")
	if s := kpiJSON(t, path).Satisfaction; s.Answers != 4 || s.CSATPct != 100 || s.Mean != 4.5 {
		t.Errorf("1.4: satisfaction %+v", s)
	}
	// 1.7 and 1.8: one stray byte keeps UTF-8 — two schools, "Grundschule Am Mühlenteich" with
	// 2 tickets —, and the open tickets are measured to the ticket data's newest time
	// (2 March 07:35 Berlin = 06:35 UTC, ticket 3's answer), not to the survey's last answer
	// (4 March 10:00) imported after them.
	path = slaProject(t)
	imp(path, "tickets", "znuny_utf8_stray.csv")
	imp(path, "survey", "limesurvey_liste.csv")
	r = kpiJSON(t, path)
	if g := r.Tickets.BySchool; len(g) != 2 || g[0].Key != "Grundschule Am Mühlenteich" || g[0].Tickets != 2 {
		t.Errorf("1.7: by school %+v", g)
	}
	if want := time.Date(2027, 3, 2, 6, 35, 0, 0, time.UTC); !r.AsOf.Equal(want) {
		t.Errorf("1.8: as of %v, want %v", r.AsOf, want)
	}
	// 1.5: the generic columns saved by one file do not block another: detection takes over,
	// the summary says so, and the GLPI list's ten tickets are there (without an SLA nothing
	// is rated).
	path = filepath.Join(t.TempDir(), "Generisch.lotse")
	run(t, "new", path).want(t, 0)
	run(t, "import", path, "--kind", "tickets", "--format", "generic", filepath.Join(importerFixtures, "generic_1252.csv")).want(t, 0)
	out := run(t, "import", path, "--kind", "tickets", "--format", "generic", filepath.Join(importerFixtures, "glpi_erste_antwort.csv")).want(t, 0).out
	contains(t, "1.5", out, "10 Tickets übernommen", "gespeicherte Spaltenzuordnung passt nicht")
	if n := kpiJSON(t, path).Tickets.Total.Tickets; n < 10 {
		t.Errorf("1.5: %d tickets in March", n)
	}
}
