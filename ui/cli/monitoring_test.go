package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/domain/kpi"
)

var importerFixtures = filepath.Join("..", "..", "persistence", "importers", "testdata")

func monitoringCounts(t *testing.T, path string) (tickets, calls, answers int, cfg map[string]string) {
	t.Helper()
	p, err := openProject(path)
	if err != nil {
		t.Fatal(err)
	}
	return len(p.Tickets), len(p.Calls), len(p.SurveyAnswers), p.Config
}

func TestImportTicketsCallsAndSurvey(t *testing.T) {
	_, path := sample(t)
	tickets0, calls0, answers0, _ := monitoringCounts(t, path)

	r := run(t, "import", path, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_de.csv")).want(t, 0)
	contains(t, "tickets", r.out, "4 Tickets übernommen (4 neu, 0 aktualisiert) aus GLPI", "UTF-8 (BOM)", "Kopfzeile in Zeile 1")
	// Re-importing the same export updates and never duplicates.
	r = run(t, "import", path, "--kind", "tickets", "--format", "glpi", filepath.Join(importerFixtures, "glpi_de.csv")).want(t, 0)
	contains(t, "again", r.out, "(0 neu, 4 aktualisiert)")
	tk, _, _, cfg := monitoringCounts(t, path)
	if tk != tickets0+4 {
		t.Errorf("%d tickets, want %d", tk, tickets0+4)
	}
	var m struct {
		Priorities map[string]string `json:"priorities"`
	}
	if err := json.Unmarshal([]byte(cfg["step12.ticketMapping"]), &m); err != nil || m.Priorities["sehr hoch"] != "P1" || m.Priorities["mittel"] != "P3" {
		t.Errorf("mapping saved: %v %v", err, cfg["step12.ticketMapping"])
	}

	// Calls and answers have no ids: a list replaces the span it covers, so importing it twice
	// (into a new project) leaves it there once.
	_ = calls0 + answers0
	fresh := filepath.Join(t.TempDir(), "Neu.lotse")
	run(t, "new", fresh).want(t, 0)
	for i := 0; i < 2; i++ {
		r = run(t, "import", fresh, "--kind", "calls", filepath.Join(importerFixtures, "calls.csv")).want(t, 0)
		contains(t, "calls", r.out, "4 Anrufe", "ausgehende Anrufe übersprungen: 1", "jetzt 4 Anrufe")
		r = run(t, "import", fresh, "--kind", "survey", "--format", "limesurvey", filepath.Join(importerFixtures, "limesurvey.csv")).want(t, 0)
		contains(t, "survey", r.out, "3 Antworten auf Q1 ", "nicht abgeschlossene Fragebögen übersprungen: 1", "jetzt 3 Antworten")
	}
	// Without an SLA the priorities stay as the file has them, and the user is told.
	r = run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "zammad.xlsx")).want(t, 0)
	contains(t, "no SLA", r.out, "5 Tickets übernommen", "aus Zammad", "noch keine Leistungsvereinbarung")
}

func TestBadImportsStoreNothing(t *testing.T) {
	dir, path := sample(t)
	glpi := readFile(t, filepath.Join(importerFixtures, "glpi_de.csv"))
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, kind string
		content    []byte
		want       []string
	}{
		{"kaputt.csv", "tickets", bytes.Replace(glpi, []byte("05-03-2027 07:55"), []byte("31-02-2027 07:55"), 1),
			[]string{"„kaputt.csv“, Zeile 8, Spalte 4 („Eröffnungsdatum“):", "„31-02-2027 07:55“ ist kein gültiges Datum", "Es wurde nichts übernommen."}},
		{"prio.csv", "tickets", bytes.Replace(glpi, []byte(`"Niedrig"`), []byte(`"Irgendwann"`), 1),
			[]string{"Irgendwann", "Zeile 8, Spalte 6 („Priorität“)", "keiner Klasse der Leistungsvereinbarung zugeordnet"}},
		{"leer.csv", "tickets", nil, []string{"„leer.csv“: Die Datei ist leer."}},
		{"umfrage.csv", "tickets", readFile(t, filepath.Join(importerFixtures, "limesurvey.csv")), []string{"keine Kopfzeile"}},
		{"tickets-als-anrufe.csv", "calls", glpi, []string{"keine Kopfzeile"}},
		{"zammad.xlsx", "survey", readFile(t, filepath.Join(importerFixtures, "zammad.xlsx")), []string{"keine Kopfzeile"}},
	}
	before := readFile(t, path)
	for _, c := range cases {
		r := run(t, "import", path, "--kind", c.kind, write(c.name, c.content)).want(t, 1)
		contains(t, c.name, r.err, c.want...)
		if !bytes.Equal(before, readFile(t, path)) {
			t.Fatalf("%s: the project file changed", c.name)
		}
	}
	r := run(t, "import", path, "--kind", "tickets", "--format", "jira", write("x.csv", glpi)).want(t, 2)
	contains(t, "format", r.err, "Unbekanntes Format „jira“", "zammad, glpi, itop, znuny, generic")
	r = run(t, "import", path, "--kind", "tickets", filepath.Join(dir, "fehlt.csv")).want(t, 1)
	contains(t, "missing source", r.err, "fehlt.csv")
}

// Issue 13: the import summary names the columns it does not use, the encoding, stray bytes
// and a missing first-response column; --map chooses columns; the KPI JSON says "not measured".
func TestImportSummaryAndMap(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "Neu.lotse")
	run(t, "new", fresh).want(t, 0)
	r := run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_ohne_antwort.csv")).want(t, 0)
	contains(t, "summary", r.out, "10 Tickets übernommen", "Kodierung UTF-8 (BOM)",
		"Nicht verwendete Spalten der Datei: Titel, Anforderer - Anforderer.", "keine Spalte für die erste Reaktion")
	r = run(t, "kpi", fresh, "--json", "--from", "2027-03-01", "--to", "2027-03-31").want(t, 0)
	var doc struct {
		Report kpi.Report `json:"report"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatal(err)
	}
	in, _ := doc.Report.Indicator("kpi.response_share")
	if !doc.Report.ResponseNotMeasured || !in.NotMeasured || doc.Report.Method != kpi.MethodVersion {
		t.Errorf("report: not measured %v, indicator %+v, method %d", doc.Report.ResponseNotMeasured, in, doc.Report.Method)
	}
	// With the column the flag goes away; "Standort" is read as the school.
	r = run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "glpi_erste_antwort.csv")).want(t, 0)
	if strings.Contains(r.out, "keine Spalte für die erste Reaktion") || strings.Contains(r.out, "Standort") {
		t.Errorf("summary %q", r.out)
	}
	r = run(t, "import", fresh, "--kind", "tickets", "--map", "category=Gruppe", "--map", "school=7",
		filepath.Join(importerFixtures, "zammad_kategorie.xlsx")).want(t, 0)
	contains(t, "map", r.out, "3 Tickets übernommen", "Nicht verwendete Spalten der Datei: Titel, Kategorie.")
	r = run(t, "import", fresh, "--kind", "tickets", "--map", "kategorie", filepath.Join(importerFixtures, "zammad_kategorie.xlsx")).want(t, 2)
	contains(t, "bad map", r.err, "FELD=SPALTE")
	r = run(t, "import", fresh, "--kind", "tickets", "--map", "school=Schule", filepath.Join(importerFixtures, "zammad_kategorie.xlsx")).want(t, 1)
	contains(t, "unknown column", r.err, "Schule", "--map FELD=SPALTE")
	r = run(t, "import", fresh, "--kind", "tickets", "--format", "glpi", filepath.Join(importerFixtures, "glpi_pl.csv")).want(t, 0)
	contains(t, "by values", r.out, "nach ihren Werten zugeordnet", "= „Data otwarcia“", "Data rozwiązania")
	r = run(t, "import", fresh, "--kind", "tickets", filepath.Join(importerFixtures, "znuny_utf8_stray.csv")).want(t, 0)
	contains(t, "stray", r.out, "Kodierung UTF-8,", "Zeile 3")
}

func TestKPICommand(t *testing.T) {
	_, path := sample(t)
	r := run(t, "kpi", path).want(t, 0)
	contains(t, "kpi", r.out, "Kennzahlen „Musterstadt“ 01.04.2027 – 30.06.2027 (Vergleich: 01.01.2027 – 31.03.2027)",
		"Reaktion im Ziel", "Lösung im Ziel", "Erreichbarkeit der Hotline", "P1: Reaktion im Ziel", "Je Priorität:", "SLA-Verletzungen:")

	r = run(t, "kpi", path, "--json", "--from", "2027-01-01", "--to", "2027-03-31").want(t, 0)
	var doc struct {
		Format  string     `json:"format"`
		Version int        `json:"version"`
		Report  kpi.Report `json:"report"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != KPIFormat || doc.Version != 1 || doc.Report.Period.From.String() != "2027-01-01" || doc.Report.Previous.To.String() != "2026-12-31" {
		t.Errorf("doc %s %d %v", doc.Format, doc.Version, doc.Report.Period)
	}
	// The command prints what the engine computes for the same file.
	p, err := openProject(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := kpi.Compute(p, doc.Report.Period, kpi.Options{})
	if doc.Report.Tickets.Total.Tickets != want.Tickets.Total.Tickets || doc.Report.Tickets.Total.Restore.SharePct != want.Tickets.Total.Restore.SharePct ||
		len(doc.Report.Tickets.Breaches) != len(want.Tickets.Breaches) {
		t.Errorf("json %+v, engine %+v", doc.Report.Tickets.Total, want.Tickets.Total)
	}

	for _, args := range [][]string{
		{"kpi", path, "--from", "2027-01-01"},
		{"kpi", path, "--from", "2027-01-01", "--to", "2027-13-01"},
		{"kpi", path, "--from", "2027-03-01", "--to", "2027-01-01"},
		{"kpi"},
	} {
		run(t, args...).want(t, 2)
	}
	english(t)
	r = run(t, "kpi", path).want(t, 0)
	contains(t, "english", r.out, "Response within target", "Hotline reachability")
}

func TestMonitoringReport(t *testing.T) {
	dir, path := sample(t)
	out := filepath.Join(dir, "Monitoringbericht Q2.pdf")
	r := run(t, "report", path, "--type", "monitoring", "--from", "2027-04-01", "--to", "2027-06-30", "-o", out).want(t, 0)
	contains(t, "report", r.out, "Bericht geschrieben")
	pdf := readFile(t, out)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	run(t, "report", path, "--type", "monitoring", "--from", "2027-04-01", "-o", out).want(t, 2)
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is needed (poppler-utils)")
	}
	text, err := exec.Command(tool, "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	for _, want := range []string{"Monitoringbericht", "Musterstadt", "01.04.2027 – 30.06.2027", "Kennzahlen im Überblick", "SLA-Verletzungen",
		"Hotline", "Zufriedenheit", "Austauschplan für die Access Points", "Nordlicht IT-Service GmbH"} {
		if !strings.Contains(s, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestJourFixeProtocolReport(t *testing.T) {
	dir, path := sample(t)
	pdf := filepath.Join(dir, "Protokoll.pdf")
	run(t, "report", path, "--type", "jourfixe", "--date", "2027-07-13", "-o", pdf).want(t, 0)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF: %v", err)
	}
	r := run(t, "report", path, "--type", "jourfixe", "--date", "2027-07-14", "-o", filepath.Join(dir, "x.pdf")).want(t, 1)
	contains(t, "error", r.err, "Am 14.07.2027 fand kein Jour fixe statt.")
	r = run(t, "report", path, "--type", "jourfixe", "-o", filepath.Join(dir, "x.pdf")).want(t, 2)
	contains(t, "error", r.err, "--date JJJJ-MM-TT")
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed protocol left a file")
	}
}
