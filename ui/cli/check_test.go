package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"schulit-lotse/domain"
	musterstadt "schulit-lotse/internal/sample"
)

// `lotse check --json` on the contradiction fixture lists exactly one finding per thread rule,
// with its steps and the ids of the objects it names; the text names the objects and the step
// to fix it in.
func TestCheckJSONOnTheContradictions(t *testing.T) {
	path := projectFile(t, "Widersprüche.lotse", musterstadt.Contradictions())
	r := run(t, "check", path, "--json").want(t, 1)
	var doc checkDoc
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, r.out)
	}
	if doc.Format != CheckFormat || doc.AsOf != "2027-07-14" {
		t.Errorf("document %s judged on %s", doc.Format, doc.AsOf)
	}
	byRule := map[string][]domain.Finding{}
	for _, f := range doc.Findings {
		if f.Rule != "" {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
	}
	for _, rule := range domain.ThreadRules {
		fs := byRule[rule.Key]
		if len(fs) != 1 {
			t.Errorf("%s: %d findings", rule.Key, len(fs))
			continue
		}
		if len(fs[0].Steps) < 2 || fs[0].Step != rule.Steps[0] || len(fs[0].Objects) == 0 {
			t.Errorf("%s: %+v", rule.Key, fs[0])
		}
	}
	// User-Management is package 302 in the sample; its handed-out task is task 1.
	if fs := byRule[domain.RuleInternHandedOut]; len(fs) == 1 {
		o := fs[0].Objects
		if len(o) != 2 || o[0].Kind != "package" || o[0].Name != "User-Management" || o[1].Kind != "task" || o[1].ID != 1 {
			t.Errorf("objects %+v", o)
		}
	}
	text := run(t, "check", path).want(t, 1).out
	contains(t, "check", text,
		"Schritt 6 (Warnung): Paket „User-Management“ ist in Schritt 6 als „intern“ entschieden",
		"(betrifft Paket „User-Management“, Aufgabe „IServ-Nutzer anlegen“; siehe auch Schritt 4)",
		"Ticketkategorie „konten > iserv“")
	// The sample itself has none.
	_, sample := sample(t)
	var clean checkDoc
	json.Unmarshal([]byte(run(t, "check", sample, "--json").out), &clean)
	for _, f := range clean.Findings {
		if f.Rule != "" || strings.HasPrefix(f.Code, "find.thread.") {
			t.Errorf("the sample has a thread finding: %+v", f)
		}
	}
}
