package cli

import (
	"bytes"
	"path/filepath"
	"testing"

	"schulit-lotse/domain"
)

// check and summary read the counts of the monitoring rows from the store instead of the rows;
// their JSON is what the full project gives, also with tickets whose priority is spelled
// differently from the class (" p1 " is P1) or is no class at all.
func TestCheckAndSummaryCountWhatTheFullProjectHolds(t *testing.T) {
	dir := t.TempDir()
	for name, stmts := range map[string][]string{
		"sample.lotse":   nil,
		"spelled.lotse":  {"UPDATE tickets SET priority = ' p1 ' WHERE id % 3 = 0", "UPDATE tickets SET priority = 'Notfall' WHERE id % 7 = 0"},
		"no-calls.lotse": {"DELETE FROM calls", "DELETE FROM survey_answers"},
	} {
		path := craft(t, dir, name, stmts)
		full := loadProject(t, path)
		today := full.AsOf(cliNow)
		encode := func(v any) []byte {
			var b bytes.Buffer
			if err := writeJSON(&b, v); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
		wantCheck := encode(checkDoc{Format: CheckFormat, Version: 1, AsOf: today.String(), Findings: append([]domain.Finding{}, domain.AllFindings(full, today)...)})
		r := run(t, "check", path, "--json")
		if r.out != string(wantCheck) {
			t.Errorf("%s: check --json\n%s\nwant\n%s", name, r.out, wantCheck)
		}
		if r := run(t, "summary", path, "--json").want(t, 0); r.out != string(encode(buildSummary(full, today))) {
			t.Errorf("%s: summary --json differs from the full project's", name)
		}
		if name == "spelled.lotse" && !bytes.Contains(wantCheck, []byte(domain.FindTicketsNoSLAClass)) {
			t.Errorf("%s: no finding of tickets outside the classes", filepath.Base(path))
		}
	}
}
