package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"schulit-lotse/domain/kpi"
)

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
