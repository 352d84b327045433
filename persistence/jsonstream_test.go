package persistence

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/domain/demo"
)

// streamProjects are the sample, a generated project and the fixtures of the JSON tests.
func streamProjects(t *testing.T) map[string]*domain.Project {
	t.Helper()
	sample, err := ParseJSON(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*domain.Project{
		"sample": sample,
		"generated": demo.GenerateSizes(demo.Sizes{Schools: 20, Tasks: 100, Packages: 8, Roles: 8, Activities: 16,
			Tickets: 3000, Calls: 4000, Answers: 300, Months: 8}, demo.Options{Seed: 11}),
		"full":  fullProject(),
		"empty": domain.NewProject("Leer", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)),
	}
}

// The document written row by row from the file equals, byte for byte, the whole loaded
// project's document, and so does the row-by-row form of a project in memory.
func TestStreamedJSONEqualsWholeProjectJSON(t *testing.T) {
	for name, p := range streamProjects(t) {
		t.Run(name, func(t *testing.T) {
			f := newTestFile(t, "Projekt.lotse", p)
			whole := exportJSON(t, mustLoad(t, f))
			plan, err := f.LoadChecked()
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Tickets)+len(plan.Calls)+len(plan.SurveyAnswers) != 0 {
				t.Fatal("the plan holds monitoring rows: the test would not stream them")
			}
			var streamed bytes.Buffer
			if err := f.WriteJSON(&streamed, plan); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(streamed.Bytes(), whole) {
				t.Fatalf("streamed document differs from the whole project's:\n%s", firstDiff(whole, streamed.Bytes()))
			}
			var mem bytes.Buffer
			if err := exportJSONStreamed(&mem, p); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(mem.Bytes(), exportJSON(t, p)) {
				t.Fatalf("row-by-row document of the project in memory differs:\n%s", firstDiff(exportJSON(t, p), mem.Bytes()))
			}
		})
	}
}

// A file whose monitoring rows a full load refuses is refused by the streamed export's load
// as well, and nothing is written.
func TestStreamedJSONRefusesWhatLoadRefuses(t *testing.T) {
	f := newTestFile(t, "Kaputt.lotse", streamProjects(t)["generated"])
	if err := f.db.Exec("UPDATE tickets SET created = 'gestern' WHERE id = 17").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := f.Load(); err == nil {
		t.Fatal("the edit must make Load refuse the file, or the test proves nothing")
	}
	if _, err := f.LoadChecked(); err == nil {
		t.Fatal("LoadChecked accepted a row Load refuses")
	} else if _, ok := IsRefused(err); !ok {
		t.Fatalf("want a refused file, got %v", err)
	}
}

// The anonymised copy for sending, made from the plan with the rows left in the file, is byte
// for byte the copy made from the whole loaded project, with and without the monitoring data.
func TestAnonymizedShareWithoutLoadingRowsIsTheSameCopy(t *testing.T) {
	for name, p := range streamProjects(t) {
		if name == "empty" || name == "full" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			f := newTestFile(t, "Projekt.lotse", p)
			dir := filepath.Dir(f.Path())
			for _, without := range []bool{false, true} {
				var copies [2][]byte
				var results [2]ShareResult
				for i, whole := range []bool{true, false} {
					target := filepath.Join(dir, "Kopie.lotse")
					res, err := f.WriteShareCopy(target, ShareOptions{Anonymize: true, WithoutMonitoring: without, loadWhole: whole})
					if err != nil {
						t.Fatal(err)
					}
					if copies[i], err = os.ReadFile(target); err != nil {
						t.Fatal(err)
					}
					results[i] = res
					os.Remove(target)
				}
				if results[0] != results[1] {
					t.Errorf("without monitoring %v: results differ: %+v vs %+v", without, results[0], results[1])
				}
				if results[1].Replaced == 0 {
					t.Errorf("without monitoring %v: no name replaced, the test proves little", without)
				}
				if !bytes.Equal(copies[0], copies[1]) {
					t.Errorf("without monitoring %v: the copies differ (%d vs %d bytes)", without, len(copies[0]), len(copies[1]))
				}
			}
		})
	}
}

// Values that the row check finds by comparing as stored and by one typeof() per row: a REAL
// beside a NULL, a blob, a huge REAL, a sum too large for an integer, a text where a number
// belongs in one row. The check without the rows gives Load's verdict for each.
func TestRowCheckAgreesWithLoadOnSingleValues(t *testing.T) {
	base := newProjectFile(t, "base.lotse")
	valid, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for i, edit := range []string{
		"UPDATE tickets SET resolved = 1234567890.5, first_response = NULL WHERE id = (SELECT max(id) FROM tickets)",
		"UPDATE tickets SET created = created + 0.5 WHERE id = (SELECT max(id) FROM tickets)",
		"UPDATE tickets SET package_id = x'00' WHERE id = (SELECT min(id) FROM tickets)",
		"UPDATE tickets SET package_id = 1e300 WHERE id = (SELECT min(id) FROM tickets)",
		"UPDATE tickets SET package_id = 9223372036854775807, resolved = NULL WHERE id = (SELECT min(id) FROM tickets)",
		"UPDATE tickets SET response_not_measured = 0.5 WHERE id = (SELECT min(id) FROM tickets)",
		"UPDATE tickets SET first_response = 'bald' WHERE id = (SELECT min(id) FROM tickets)",
		"UPDATE calls SET talk_seconds = 'zwölf' WHERE id = (SELECT max(id) FROM calls)",
		"UPDATE calls SET answered = 0.25 WHERE id = (SELECT min(id) FROM calls)",
		"UPDATE calls SET wait_seconds = x'3132', answered = NULL WHERE id = (SELECT min(id) FROM calls)",
		"UPDATE survey_answers SET at = 1700000000.25 WHERE id = (SELECT min(id) FROM survey_answers)",
		"UPDATE survey_answers SET score = x'05' WHERE id = (SELECT max(id) FROM survey_answers)",
	} {
		path := filepath.Join(filepath.Dir(base), "einzeln"+editName(i)+".lotse")
		sqlEdit(edit)(t, valid, path)
		f, err := Open(path, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: Open: %v", edit, err)
		}
		_, loadErr := f.Load()
		_, checkErr := f.LoadChecked()
		f.Close()
		if (loadErr == nil) != (checkErr == nil) {
			t.Errorf("%s: Load %v, LoadChecked %v", edit, loadErr, checkErr)
		}
		if loadErr != nil {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("no edit refused by Load: the test proves nothing")
	}
	t.Logf("%d edits refused", refused)
}

// The horizons read from the indexes are those of the overview, which counts every row.
func TestHorizonsAreTheOverviews(t *testing.T) {
	for name, p := range streamProjects(t) {
		f := newTestFile(t, "Projekt.lotse", p)
		plan, o, err := f.LoadWithoutRows()
		if err != nil {
			t.Fatal(err)
		}
		tickets, all, err := f.Horizons()
		if err != nil {
			t.Fatal(err)
		}
		if !tickets.Equal(o.TicketHorizon) || !all.Equal(o.Horizon) {
			t.Errorf("%s: horizons %v / %v, overview %v / %v", name, tickets, all, o.TicketHorizon, o.Horizon)
		}
		if name != "empty" && (all.IsZero() || plan.Stored == nil) {
			t.Errorf("%s: no horizon, the test proves little", name)
		}
	}
}
