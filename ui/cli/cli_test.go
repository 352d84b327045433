package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
)

func TestMain(m *testing.M) {
	languagePref = assets.German
	if args := os.Getenv(cliChildEnv); args != "" {
		os.Exit(runChild(args)) // a child of the crash harness: one command, then exit
	}
	os.Exit(m.Run())
}

type result struct {
	code     int
	out, err string
}

// cliNow is the time of the clock the commands run with in these tests.
var cliNow = time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC)

func run(t *testing.T, args ...string) result {
	t.Helper()
	return runAt(t, cliNow, args...)
}

// runLimited runs a command with the mail attachment limit lowered to limit bytes.
func runLimited(t *testing.T, limit int64, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := execute(args, &out, &errb, clock.Fixed(cliNow), limit)
	return result{code, out.String(), errb.String()}
}

// runAt runs a command with the clock pinned at now.
func runAt(t *testing.T, now time.Time, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb, clock.Fixed(now))
	return result{code, out.String(), errb.String()}
}

func (r result) want(t *testing.T, code int) result {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.out, r.err)
	}
	return r
}

func contains(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%s does not contain %q:\n%s", what, p, s)
		}
	}
}

func english(t *testing.T) {
	languagePref = assets.English
	t.Cleanup(func() { languagePref = assets.German })
}

// sample creates a fresh copy of the sample project in a temporary directory.
func sample(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "Muster stadt ü.lotse")
	run(t, "new", "--sample", path).want(t, 0)
	return dir, path
}

// projectFile writes p as a new project file named name in a temp dir and returns its path.
func projectFile(t *testing.T, name string, p *domain.Project) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := persistence.Create(path, p, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIsCommand(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "projekt")
	os.WriteFile(existing, []byte("x"), 0o644)
	cases := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"Projekt.lotse"}, false},
		{[]string{filepath.Join(dir, "fehlt.LOTSE")}, false},
		{[]string{existing}, false},
		{[]string{"new", "x.lotse"}, true},
		{[]string{"check"}, true},
		{[]string{"summary"}, true},
		{[]string{"report"}, true},
		{[]string{"--version"}, true},
		{[]string{"-v"}, true},
		{[]string{"help"}, true},
		{[]string{"kpi"}, true},
		{[]string{"demo-data"}, true},
		{[]string{"chek"}, true}, // a typo gets a message, not an empty window
	}
	for _, c := range cases {
		if got := IsCommand(c.args); got != c.want {
			t.Errorf("IsCommand(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	for _, a := range []string{"--version", "-v", "version"} {
		r := run(t, a).want(t, 0)
		if r.out != "Schul-IT Lotse "+Version+"\n" {
			t.Errorf("%s printed %q", a, r.out)
		}
	}
	r := run(t, "help").want(t, 0)
	contains(t, "help", r.out, "lotse new [--sample] DATEI.lotse", "lotse check", "lotse summary", "lotse report", "lotse export", "lotse import", "JJJJ-MM-TT")
	run(t, "--help").want(t, 0)
	r = run(t).want(t, 2)
	contains(t, "stderr without arguments", r.err, "Aufruf:")
	run(t, "--version", "extra").want(t, 2)
}

func TestUnknownCommandAndOption(t *testing.T) {
	r := run(t, "frobnicate").want(t, 2)
	contains(t, "unknown command", r.err, "Unbekannter Befehl „frobnicate“", "lotse help")
	r = run(t, "--frob").want(t, 2)
	contains(t, "unknown option", r.err, "Unbekannte Option „--frob“")

}

func TestArgumentErrors(t *testing.T) {
	_, path := sample(t)
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"new"}, "Falsche Anzahl von Angaben. Aufruf: lotse new"},
		{[]string{"check", path, path}, "Aufruf: lotse check"},
		{[]string{"summary", path, "--json=yes"}, "nimmt keinen Wert"},
		{[]string{"export", path, "out.json"}, "--kind"},
		{[]string{"export", path, "--kind", "yaml", "out.yaml"}, "Unbekannte Art „yaml“"},
		{[]string{"export", path, "out.json", "--kind"}, "braucht einen Wert"},
		{[]string{"export", path, "--kind", "json", "--kind", "json", "o.json"}, "mehrfach"},
		{[]string{"import", "neu.lotse", "--kind", "json", "--format", "xml", "in.json"}, "Unbekanntes Format"},
		{[]string{"report", path}, "-o"},
		{[]string{"report", path, "-o", "x.pdf", "--type", "kurzfassung"}, "Unbekannte Berichtsart"},
		{[]string{"report", path, "-o", "x.pdf", "--from", "01.02.2026"}, "kein gültiges Datum (JJJJ-MM-TT)"},
		{[]string{"new", "--bogus", "x.lotse"}, "Unbekannte Option „--bogus“"},
	}
	for _, c := range cases {
		r := run(t, c.args...)
		if r.code != 2 || !strings.Contains(r.err, c.msg) {
			t.Errorf("%q: exit %d, stderr %q, want 2 and %q", c.args, r.code, r.err, c.msg)
		}
	}
}

func TestNewAndCheck(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "Schul-IT Planung Jürgen.lotse")
	r := run(t, "new", empty).want(t, 0)
	contains(t, "new", r.out, "„Schul-IT Planung Jürgen“ angelegt")
	if _, err := os.Stat(persistence.LockPath(empty)); !os.IsNotExist(err) {
		t.Errorf("lock file left behind after new: %v", err)
	}
	r = run(t, "check", empty).want(t, 0)
	contains(t, "check of an empty project", r.out, "In Ordnung", "0 Aufgaben")

	before := readFile(t, empty)
	r = run(t, "new", "--sample", empty).want(t, 1)
	contains(t, "new over an existing file", r.err, "gibt es schon")
	if !bytes.Equal(before, readFile(t, empty)) {
		t.Error("new changed an existing file")
	}

	r = run(t, "new", filepath.Join(dir, "projekt.db")).want(t, 1)
	contains(t, "new without .lotse", r.err, "müssen auf .lotse enden")
	r = run(t, "new", filepath.Join(dir, "fehlt", "x.lotse")).want(t, 1)
	if r.err == "" {
		t.Error("no message for a missing folder")
	}

	_, path := sample(t)
	r = run(t, "check", path).want(t, 1)
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	// The sample keeps one worked open question or warning per step on purpose, so that every
	// part of the app has something to show.
	want := []string{
		"Stand der Daten: 2027-07-14 (das Projekt wird an diesem Tag beurteilt, nicht heute)",
		"Schritt 1 (offene Frage): „Medienentwicklungsplan fortschreiben“: kein Aufwand geschätzt",
		"Schritt 5 (Warnung): Entgeltgruppe „Mittlerer Dienst (E 5 – E 9a)“ rechnet noch mit einem Beispielwert – tragen Sie Ihren eigenen Kostensatz und seine Quelle ein.",
		"Schritt 5 (Warnung): Entgeltgruppe „Gehobener Dienst (E 9b – E 12)“ rechnet noch mit einem Beispielwert – tragen Sie Ihren eigenen Kostensatz und seine Quelle ein.",
		"Schritt 5 (Warnung): Entgeltgruppe „Höherer Dienst (E 13 – E 15)“ rechnet noch mit einem Beispielwert – tragen Sie Ihren eigenen Kostensatz und seine Quelle ein.",
		"Schritt 8 (Warnung): Digitalwerk Kommunal AG: Qualifikation des eingesetzten Personals: unter der Mindestpunktzahl – Angebot ausgeschlossen.",
		"Schritt 11 (Warnung): Rolle „Datenschutzbeauftragte:r (Stadt)“ führt nirgends etwas durch und verantwortet nichts (weder R noch A).",
		"Schritt 12 (offene Frage): Maßnahme „Austauschplan für die Access Points im Altbau der Grundschule am Park vorlegen“ ist überfällig.",
		"Schritt 12 (offene Frage): „Wissensdatenbank“ wurde noch nie geprüft.",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("check findings:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if r.err != "" {
		t.Errorf("check wrote to stderr: %q", r.err)
	}
}

func TestCheckRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		content []byte
		msg     string
	}{
		{"leer.lotse", []byte{}, "Die Datei ist leer (0 Byte)"},
		{"text.lotse", []byte("Liebe Kolleginnen,\nanbei die Planung.\n"), "keine Projektdatei von Schul-IT Lotse"},
		{"abgeschnitten.lotse", []byte("SQLite format 3\x00\x10\x00"), "keine Projektdatei"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, c.content, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range [][]string{{"check", path}, {"summary", path}, {"export", path, "--kind", "json", filepath.Join(dir, "x.json")}, {"report", path, "-o", filepath.Join(dir, "x.pdf")}} {
			r := run(t, cmd...)
			if r.code != 2 {
				t.Errorf("%s %s: exit %d, want 2 (stderr %q)", cmd[0], c.name, r.code, r.err)
			}
			contains(t, cmd[0]+" "+c.name, r.err, "wird nicht geöffnet", c.msg, "nicht verändert")
		}
		if got := readFile(t, path); !bytes.Equal(got, c.content) {
			t.Errorf("%s was changed", c.name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); !os.IsNotExist(err) {
		t.Error("an export of a refused file was written")
	}
	r := run(t, "check", filepath.Join(dir, "gibtsnicht.lotse")).want(t, 2)
	contains(t, "missing file", r.err, "Die Datei gibt es nicht")

	english(t)
	r = run(t, "check", filepath.Join(dir, "leer.lotse")).want(t, 2)
	contains(t, "english refusal", r.err, "is not opened", "0 bytes")
}

func TestExportImportRoundTrip(t *testing.T) {
	dir, path := sample(t)
	first := filepath.Join(dir, "erste.json")
	second := filepath.Join(dir, "zweite.json")
	copyPath := filepath.Join(dir, "Kopie.lotse")

	r := run(t, "export", "--kind", "json", path, first).want(t, 0)
	contains(t, "export", r.out, "9 Aufgaben")
	run(t, "import", copyPath, first, "--kind=json").want(t, 0)
	run(t, "export", copyPath, "--kind", "json", second).want(t, 0)
	a, b := readFile(t, first), readFile(t, second)
	if !bytes.Equal(a, b) {
		t.Fatalf("export → import → export differs:\n%s\n---\n%s", a, b)
	}
	// The copy holds the sample (only the creation time is the day `new` ran).
	p, err := persistence.ParseJSON(a)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := persistence.ParseJSON(assets.SampleJSON)
	if !p.Meta.CreatedAt.Equal(cliNow) {
		t.Errorf("created at %v, want %v", p.Meta.CreatedAt, cliNow)
	}
	p.Meta.CreatedAt = s.Meta.CreatedAt
	if !reflect.DeepEqual(p, s) {
		t.Error("the exported project differs from the sample")
	}

	r = run(t, "export", path, "--kind", "json", "-").want(t, 0)
	if r.out != string(a) {
		t.Error("export to stdout differs from export to a file")
	}

	before := readFile(t, copyPath)
	r = run(t, "import", copyPath, "--kind", "json", first).want(t, 1)
	contains(t, "import over an existing project", r.err, "gibt es schon", "nicht überschrieben")
	if !bytes.Equal(before, readFile(t, copyPath)) {
		t.Error("import changed an existing project")
	}
	r = run(t, "export", path, "--kind", "json", copyPath).want(t, 1)
	contains(t, "export onto a project", r.err, "kein Projekt überschrieben")
	if !bytes.Equal(before, readFile(t, copyPath)) {
		t.Error("export overwrote a project")
	}

	bad := filepath.Join(dir, "kaputt.json")
	os.WriteFile(bad, []byte(`{"format":"schulit-lotse-project","version":1,"project":{"meta":{},"settings":{"hoursPerPersonDay":8,"priorityMode":"ranking"},"tasks":[{"name":"  "}]}}`), 0o644)
	target := filepath.Join(dir, "neu.lotse")
	r = run(t, "import", target, "--kind", "json", bad).want(t, 1)
	contains(t, "import of a task without name", r.err, "Eine Aufgabe braucht einen Namen", "keine Projektdatei angelegt")
	os.WriteFile(bad, []byte(`{"format":"etwas-anderes","version":1}`), 0o644)
	r = run(t, "import", target, "--kind", "json", bad).want(t, 1)
	contains(t, "import of a foreign document", r.err, "kein Projekt von Schul-IT Lotse")
	r = run(t, "import", target, "--kind", "json", filepath.Join(dir, "fehlt.json")).want(t, 1)
	contains(t, "import of a missing file", r.err, "wurde nicht gefunden")
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("a failed import left a project file")
	}
}

var spaces = regexp.MustCompile(` {2,}`)

// summaryShows runs `lotse summary` on path and fails for each line of want it does not print;
// runs of spaces read as " | ", so alignment does not matter to the comparison but label and
// value stay paired on one line.
func summaryShows(t *testing.T, path string, want ...string) result {
	t.Helper()
	r := run(t, "summary", path).want(t, 0)
	lines := map[string]bool{}
	for _, l := range strings.Split(r.out, "\n") {
		lines[spaces.ReplaceAllString(strings.TrimSpace(l), " | ")] = true
	}
	for _, w := range want {
		if !lines[w] {
			t.Errorf("summary lacks the line %q:\n%s", w, r.out)
		}
	}
	return r
}

func TestSummaryText(t *testing.T) {
	_, path := sample(t)
	// Hand-computed from the sample: 2+4+2+10 (seed) + 1.5 h/week·52/12 = 6.5 + 3 h/week·52/12 = 13
	// + 6 h/quarter/3 = 2 + 1 person-day·8 = 8 → 47.5; per responsible: Lehrkraft 4+13,
	// Teammitglied 2+2+6.5, nobody (Tablets) 10, Fachbereich 8, Sekretariat 2, Schulleitung 0.
	r := summaryShows(t, path,
		"Projekt: Musterstadt · Schulträger: Stadt Musterstadt · Bundesland: NI",
		"INITIALISIERUNG",
		"1 | Bestandsaufnahme | in Arbeit",
		"Aufgaben | 9",
		"Stunden pro Monat gesamt | 47,5 h",
		"Stunden pro Monat: Lehrkraft mit Entlastungsstunden | 17 h",
		"Stunden pro Monat: Teammitglied Schul-IT | 10,5 h",
		"Stunden pro Monat: (niemand) | 10 h",
		"Stunden pro Monat: Fachbereich Schule der Stadt | 8 h",
		"Stunden pro Monat: Schulsekretariat | 2 h",
		"Stunden pro Monat: Schulleitung | 0 h",
		"– „Medienentwicklungsplan fortschreiben“: kein Aufwand geschätzt",
		"2 | Bedarfe klären | erledigt",
		"neue Aufgaben | 1",
		"kritische Services | 2",
		"vorrangig | 6",
		"nachrangig | 3",
		"offene Fragen | 1",
		"12 | Steuerung und Monitoring | in Arbeit",
	)
	// Values are right-aligned in one column.
	col := -1
	for _, l := range strings.Split(r.out, "\n") {
		if strings.HasSuffix(l, " h") && strings.HasPrefix(l, "      ") {
			if c := len([]rune(l)); col == -1 {
				col = c
			} else if c != col {
				t.Errorf("figure line %q ends at column %d, others at %d", l, c, col)
			}
		}
	}
	if col == -1 {
		t.Error("no figure lines found")
	}

	english(t)
	summaryShows(t, path, "hours per month in total | 47.5 h", "hours per month: Teammitglied Schul-IT | 10.5 h", "open questions | 1")
}

func TestSummaryJSON(t *testing.T) {
	_, path := sample(t)
	r := run(t, "summary", "--json", path).want(t, 0)
	var doc summaryDoc
	dec := json.NewDecoder(strings.NewReader(r.out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != "schulit-lotse-summary" || doc.Version != 1 || doc.Project.Name != "Musterstadt" || len(doc.Steps) != 12 {
		t.Fatalf("header: %+v, %d steps", doc.Project, len(doc.Steps))
	}
	fig := func(step int, key, label string) float64 {
		t.Helper()
		for _, f := range doc.Steps[step-1].Figures {
			if f.Key == key && f.Label == label {
				return f.Value
			}
		}
		t.Errorf("step %d has no figure %s %q", step, key, label)
		return -1
	}
	checks := []struct {
		step       int
		key, label string
		want       float64
	}{
		{1, "fig.tasks", "", 9},
		{1, "fig.hours_per_month", "", 47.5},
		{1, "fig.hours_of", "Lehrkraft mit Entlastungsstunden", 17},
		{1, "fig.hours_of", "Teammitglied Schul-IT", 10.5},
		{1, "fig.hours_of", "", 10},
		{2, "fig.new_tasks", "", 1},
		{2, "fig.critical", "", 2},
		{2, "fig.must", "", 6},
		{2, "fig.nice", "", 3},
		{2, "fig.open_questions", "", 1}, // the tablets' maintenance is assigned in step 4
	}
	for _, c := range checks {
		if got := fig(c.step, c.key, c.label); got != c.want {
			t.Errorf("step %d %s %q = %v, want %v", c.step, c.key, c.label, got, c.want)
		}
	}
	if s := doc.Steps[0]; s.State != "in-progress" || len(s.Findings) != 1 || s.Findings[0].Code != "find.task.no_effort" || s.Findings[0].EntityID != 9 {
		t.Errorf("step 1: %+v", s)
	}
	// On the sample's Stand der Daten the WLAN plan (due 30 June 2027) is overdue and the
	// knowledge base was never reviewed.
	if s := doc.Steps[11]; s.State != "in-progress" || s.Phase != 4 || len(s.Figures) == 0 || len(s.Findings) != 2 {
		t.Errorf("step 12: %+v", s)
	}
	if doc.Project.AsOf != "2027-07-14" || !doc.Project.DataAsOf {
		t.Errorf("judged on %q (recorded %v), want the sample's Stand 2027-07-14", doc.Project.AsOf, doc.Project.DataAsOf)
	}
	// Stable: the same bytes in every language.
	english(t)
	if again := run(t, "summary", path, "--json").want(t, 0); again.out != r.out {
		t.Error("summary --json depends on the language")
	}
}

func TestReport(t *testing.T) {
	dir, path := sample(t)
	out := filepath.Join(dir, "Gesamtbericht Musterstadt.pdf")
	r := run(t, "report", path, "-o", out).want(t, 0)
	contains(t, "report", r.out, "Bericht geschrieben")
	pdf := readFile(t, out)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("report is not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	run(t, "report", "--type", "full", "--output="+out, path).want(t, 0)
	kurz := filepath.Join(dir, "Kurzfassung Musterstadt.pdf")
	run(t, "report", path, "--type", "kurz", "-o", kurz).want(t, 0)
	if short := readFile(t, kurz); !bytes.HasPrefix(short, []byte("%PDF-")) || len(short) >= len(readFile(t, out)) {
		t.Errorf("the Kurzfassung (%d bytes) is not a PDF shorter than the Gesamtbericht", len(short))
	}
	r = run(t, "report", path, "-o", out, "--from", "2026-01-01", "--to", "2026-06-30").want(t, 0)
	contains(t, "report with a period", r.err, "Monitoring-Bericht")

	before := readFile(t, path)
	r = run(t, "report", path, "-o", path).want(t, 1)
	contains(t, "report onto the project", r.err, "kein Projekt überschrieben")
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("report overwrote the project")
	}
	r = run(t, "report", path, "-o", filepath.Join(dir, "fehlt", "x.pdf")).want(t, 1)
	if r.err == "" {
		t.Error("no message for a missing output folder")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestParseArgs(t *testing.T) {
	opts := []option{{names: []string{"o", "output"}, takesValue: true}, {names: []string{"json"}}}
	p, err := parseArgs([]string{"a", "-o", "x.pdf", "b", "--json", "--", "-c"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.pos, []string{"a", "b", "-c"}) || p.vals["o"] != "x.pdf" || !p.bools["json"] {
		t.Errorf("parsed %+v", p)
	}
	p, err = parseArgs([]string{"--output=y.pdf", "-"}, opts)
	if err != nil || p.vals["o"] != "y.pdf" || !reflect.DeepEqual(p.pos, []string{"-"}) {
		t.Errorf("parsed %+v, %v", p, err)
	}
	for _, bad := range [][]string{{"-o"}, {"-o="}, {"--json=1"}, {"-x"}, {"-o", "a", "--output", "b"}} {
		if _, err := parseArgs(bad, opts); err == nil {
			t.Errorf("parseArgs(%q) accepted", bad)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v       float64
		lang, s string
	}{
		{47.5, "de", "47,5"}, {47.5, "en", "47.5"}, {13, "de", "13"}, {52.0 / 12, "de", "4,33"}, {-0.001, "de", "0"}, {1234.567, "en", "1234.57"}, {47578.034, "de", "47.578,03"},
	}
	for _, c := range cases {
		if got := formatNumber(c.v, c.lang); got != c.s {
			t.Errorf("formatNumber(%v, %s) = %q, want %q", c.v, c.lang, got, c.s)
		}
	}
}

// The sample is judged on its own Stand der Daten: `lotse check` says the same on any day the
// clock shows, and the signed contract is never an overdue milestone.
func TestSampleCheckIsTheSameOnAnyDay(t *testing.T) {
	_, path := sample(t)
	var first string
	for i, now := range []time.Time{
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 6, 30, 23, 59, 0, 0, domain.Berlin),
		time.Date(2030, 12, 31, 12, 0, 0, 0, time.UTC),
	} {
		r := runAt(t, now, "check", path).want(t, 1)
		if i == 0 {
			first = r.out
		} else if r.out != first {
			t.Errorf("check on %s differs from the first day:\n%s\nfirst:\n%s", now, r.out, first)
		}
		if strings.Contains(r.out, "Vertrag unterzeichnet") || strings.Contains(r.out, "Meilenstein") {
			t.Errorf("check on %s reports a milestone:\n%s", now, r.out)
		}
		contains(t, "check on "+now.String(), r.out, "Stand der Daten: 2027-07-14")
	}
	// A project a user creates is judged on the clock's day: a milestone due on 1 Dec 2026 is
	// overdue on the 2nd and not on the 1st.
	dir := t.TempDir()
	own := filepath.Join(dir, "Eigenes.lotse")
	run(t, "new", own).want(t, 0)
	f, err := persistence.Open(own, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	due := domain.NewDate(2026, 12, 1)
	if err := f.ApplyStructure(persistence.StructureChange{PutMilestones: []domain.Milestone{{ID: 1, Name: "Pilot", Due: &due, Owner: "A", Status: domain.MilestonePlanned}}}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if r := runAt(t, time.Date(2026, 12, 1, 12, 0, 0, 0, domain.Berlin), "check", own); strings.Contains(r.out, "Pilot") || strings.Contains(r.out, "Stand der Daten") {
		t.Errorf("1 Dec:\n%s", r.out)
	}
	r := runAt(t, time.Date(2026, 12, 2, 12, 0, 0, 0, domain.Berlin), "check", own).want(t, 1)
	contains(t, "check on 2 Dec", r.out, "„Pilot“")
}
