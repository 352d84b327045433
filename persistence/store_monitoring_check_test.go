package persistence

import (
	"os"
	"path/filepath"
	"testing"
)

// rowEdits are crafted monitoring rows: values of every kind SQLite lets a received file hold
// in the columns of tickets, calls and answers. Load refuses some and reads others.
var rowEdits = []string{
	"UPDATE tickets SET id = 0 WHERE id = (SELECT min(id) FROM tickets)",
	"UPDATE tickets SET id = -5 WHERE id = (SELECT max(id) FROM tickets)",
	"UPDATE tickets SET id = 9007199254740993 WHERE id = (SELECT min(id) FROM tickets)",
	"UPDATE tickets SET created = 'abc' WHERE id = (SELECT max(id) FROM tickets)",
	"UPDATE tickets SET created = 1.5",
	"UPDATE tickets SET created = x'3132'",
	"UPDATE tickets SET created = x'31FF'",
	"UPDATE tickets SET created = 300000000000 WHERE id = (SELECT max(id) FROM tickets)",
	"UPDATE tickets SET created = 253402300799",
	"UPDATE tickets SET created = 253402300800",
	"UPDATE tickets SET created = -62167219200",
	"UPDATE tickets SET created = -62167219201",
	"UPDATE tickets SET first_response = 'x'",
	"UPDATE tickets SET first_response = 2.5",
	"UPDATE tickets SET resolved = 300000000000 WHERE id = (SELECT max(id) FROM tickets)",
	"UPDATE tickets SET package_id = 'x'",
	"UPDATE tickets SET package_id = 99999",
	"UPDATE tickets SET priority = 3.5",
	"UPDATE tickets SET school = x'c3'",
	"UPDATE tickets SET response_not_measured = 2",
	"UPDATE tickets SET response_not_measured = 'true'",
	"UPDATE tickets SET response_not_measured = 'vielleicht'",
	"UPDATE calls SET at = 'x'",
	"UPDATE calls SET at = 300000000000",
	"UPDATE calls SET id = 0 WHERE id = (SELECT min(id) FROM calls)",
	"UPDATE calls SET answered = 2",
	"UPDATE calls SET answered = 'true'",
	"UPDATE calls SET answered = 'yes'",
	"UPDATE calls SET answered = 0.5",
	"UPDATE calls SET answered = NULL",
	"UPDATE calls SET wait_seconds = NULL",
	"UPDATE calls SET wait_seconds = 1.5",
	"UPDATE calls SET wait_seconds = -4",
	"UPDATE calls SET talk_seconds = 1e30",
	"UPDATE survey_answers SET score = NULL",
	"UPDATE survey_answers SET score = 'x'",
	"UPDATE survey_answers SET score = 99",
	"UPDATE survey_answers SET at = -62167219201",
	"UPDATE survey_answers SET question = 5",
	"UPDATE survey_answers SET id = -1 WHERE id = (SELECT min(id) FROM survey_answers)",
}

// LoadWithoutRows, which reads no valid monitoring row, refuses exactly the files Load refuses
// for their monitoring rows, and reads the others.
func TestLoadWithoutRowsRefusesWhatLoadRefuses(t *testing.T) {
	base := newProjectFile(t, "base.lotse")
	dir := filepath.Dir(base)
	valid, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for i, edit := range rowEdits {
		path := filepath.Join(dir, "edit"+editName(i)+".lotse")
		sqlEdit(edit)(t, valid, path)
		f, err := Open(path, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: Open: %v", edit, err)
		}
		_, loadErr := f.Load()
		_, _, planErr := f.LoadWithoutRows()
		f.Close()
		_, loadRefused := IsRefused(loadErr)
		r, planRefused := IsRefused(planErr)
		switch {
		case loadRefused != (loadErr != nil) || planRefused != (planErr != nil):
			t.Errorf("%s: an error that is no refusal: Load %v, LoadWithoutRows %v", edit, loadErr, planErr)
		case loadRefused != planRefused:
			t.Errorf("%s: Load refused %v (%v), LoadWithoutRows refused %v (%v)", edit, loadRefused, loadErr, planRefused, planErr)
		case planRefused && r.Reason != ReasonContent:
			t.Errorf("%s: refused as %s", edit, r.Reason)
		}
		if loadRefused {
			refused++
		}
	}
	if refused < 20 || refused == len(rowEdits) {
		t.Fatalf("%d of %d edits refused by Load: the table no longer tells both kinds apart", refused, len(rowEdits))
	}
}

func editName(i int) string { return string(rune('a'+i/26)) + string(rune('a'+i%26)) }

// A project whose tickets, calls and answers have no ids yet (a JSON document may leave them to
// the file) is written with ids given by the file, in list order.
func TestCreateGivesMonitoringRowsWithoutIDsTheirIDs(t *testing.T) {
	p := fullProject()
	for _, list := range []func(i int){
		func(i int) { p.Tickets[i].ID = 0 }, func(i int) { p.Calls[i].ID = 0 }, func(i int) { p.SurveyAnswers[i].ID = 0 },
	} {
		for i := 0; i < 2; i++ {
			list(i)
		}
	}
	got := mustLoad(t, newTestFile(t, "ohne-ids.lotse", p))
	if len(got.Tickets) != len(p.Tickets) || len(got.Calls) != len(p.Calls) || len(got.SurveyAnswers) != len(p.SurveyAnswers) {
		t.Fatalf("%d/%d/%d rows, want %d/%d/%d", len(got.Tickets), len(got.Calls), len(got.SurveyAnswers), len(p.Tickets), len(p.Calls), len(p.SurveyAnswers))
	}
	for _, tk := range got.Tickets {
		if tk.ID <= 0 {
			t.Errorf("ticket %s has id %d", tk.ExternalID, tk.ID)
		}
	}
}
