package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// vocabulary is what a text says about the command line: the commands it names and the values
// it lists for --kind and --type.
type vocabulary struct{ commands, kinds, types map[string]bool }

var (
	commandWord = regexp.MustCompile("(?:^|[\\s`])lotse ([a-z][a-z-]*)")
	kindValues  = regexp.MustCompile(`--kind ([a-z|\\]+)`)
	typeValues  = regexp.MustCompile(`--type ([a-z|\\]+)`)
)

// vocabularyOf reads the lines of a text that show calls of lotse.
func vocabularyOf(lines []string) vocabulary {
	v := vocabulary{map[string]bool{}, map[string]bool{}, map[string]bool{}}
	add := func(set map[string]bool, list string) {
		for _, x := range strings.Split(strings.ReplaceAll(list, `\`, ""), "|") {
			if x != "" {
				set[x] = true
			}
		}
	}
	for _, l := range lines {
		for _, m := range commandWord.FindAllStringSubmatch(l, -1) {
			v.commands[m[1]] = true
		}
		for _, m := range kindValues.FindAllStringSubmatch(l, -1) {
			add(v.kinds, m[1])
		}
		for _, m := range typeValues.FindAllStringSubmatch(l, -1) {
			add(v.types, m[1])
		}
	}
	return v
}

func difference(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// The README's command table and `lotse help` name the same commands, kinds and report types,
// and each of those is one the command line knows.
func TestReadmeCommandTableMatchesHelp(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var table []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "| `lotse") {
			table = append(table, strings.SplitN(l, "` |", 2)[0])
		}
	}
	if len(table) < 10 {
		t.Fatalf("the README's command table has %d rows", len(table))
	}
	readme := vocabularyOf(table)
	help := vocabularyOf(strings.Split(run(t, "help").want(t, 0).out, "\n"))
	for name, pair := range map[string][2]map[string]bool{
		"commands": {readme.commands, help.commands}, "kinds": {readme.kinds, help.kinds}, "types": {readme.types, help.types},
	} {
		if d := difference(pair[0], pair[1]); len(d) > 0 {
			t.Errorf("%s in the README but not in lotse help: %v", name, d)
		}
		if d := difference(pair[1], pair[0]); len(d) > 0 {
			t.Errorf("%s in lotse help but not in the README: %v", name, d)
		}
	}
	for c := range help.commands {
		if _, ok := commands[c]; !ok {
			t.Errorf("lotse help names the command %q, which does not exist", c)
		}
	}
	for k := range help.kinds {
		_, exp := exportKinds[k]
		_, imp := importKinds[k]
		if !exp && !imp {
			t.Errorf("lotse help names the kind %q, which no import or export has", k)
		}
	}
	for ty := range help.types {
		if _, ok := reportTypes[ty]; !ok {
			t.Errorf("lotse help names the report type %q, which does not exist", ty)
		}
	}
}

// The check itself notices a command the other text lacks.
func TestVocabularyDifference(t *testing.T) {
	a := vocabularyOf([]string{"| `lotse kpi DATEI [--type full\\|monitoring]", "lotse export X --kind json|tasks"})
	b := vocabularyOf([]string{"lotse export X --kind json"})
	if d := difference(a.commands, b.commands); len(d) != 1 || d[0] != "kpi" {
		t.Errorf("commands %v", d)
	}
	if d := difference(a.kinds, b.kinds); len(d) != 1 || d[0] != "tasks" {
		t.Errorf("kinds %v", d)
	}
	if len(a.types) != 2 || !a.types["monitoring"] {
		t.Errorf("types %v", a.types)
	}
}

// Messages speak of what exists: an unknown report type lists every type, and a period given
// for the Gesamtbericht points to the monitoring report.
func TestReportMessagesNameWhatExists(t *testing.T) {
	dir, path := sample(t)
	r := run(t, "report", path, "-o", filepath.Join(dir, "x.pdf"), "--type", "foo").want(t, 2)
	contains(t, "unknown type", r.err, "„foo“", "full|kurz|tender|monitoring")
	r = run(t, "report", path, "-o", filepath.Join(dir, "g.pdf"), "--from", "2027-01-01", "--to", "2027-03-31").want(t, 0)
	contains(t, "period for the Gesamtbericht", r.err, "--type monitoring")
	if strings.Contains(r.err, "später") {
		t.Errorf("the message promises a later version: %q", r.err)
	}
}
