package persistence

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/domain"
)

// A NaN or an infinity never reaches the file: SQLite would store NULL (a NOT NULL column fails
// with a constraint error, another reads back 0) and the JSON parts of the project row cannot
// hold it (the converter used to panic).
func TestNonFiniteNumbersRefused(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	f := newTestFile(t, "Zahlen.lotse", fullProject())
	before, _ := os.ReadFile(f.Path())

	p := fullProject()
	p.Resource.WeeklyHours = inf
	wantNotFinite(t, "resource plan", f.SaveProjectSettings(p), "Resource.WeeklyHours")
	p = fullProject()
	p.Tender.FluctuationPct = nan
	wantNotFinite(t, "tender", f.SaveProjectSettings(p), "Tender.FluctuationPct")
	p = fullProject()
	p.Contract.Value = -inf
	wantNotFinite(t, "contract", f.SaveProjectSettings(p), "Contract.Value")

	task := fullProject().Tasks[0]
	task.CardX = nan
	wantNotFinite(t, "card position", f.SaveTask(&task), "CardX")
	other := fullProject().Tasks[1]
	other.CardY = -inf
	wantNotFinite(t, "card position (bulk)", f.SaveTasks([]domain.Task{other, task}), "CardY")
	if after, _ := os.ReadFile(f.Path()); !bytes.Equal(after, before) {
		t.Fatal("a refused save changed the file")
	}

	for name, edit := range map[string]func(){
		"package area":     func() { p.Packages[0].X = nan },
		"decision weights": func() { p.Decisions[0].CriteriaWeights["risk"] = inf },
		"bid score":        func() { p.Bids[0].Scores[2] = nan },
		"SLA target":       func() { p.SLAs[0].HotlineAnsweredPct = nan },
	} {
		p = fullProject()
		edit()
		dir := t.TempDir()
		_, err := Create(filepath.Join(dir, "neu.lotse"), p, OpenOptions{})
		wantNotFinite(t, name, err, "")
		if names, _ := readDir(dir); len(names) != 0 {
			t.Errorf("%s: refused Create left %v", name, names)
		}
	}
}

func wantNotFinite(t *testing.T, what string, err error, path string) {
	t.Helper()
	if !errors.Is(err, ErrNotFinite) || !strings.Contains(err.Error(), path) {
		t.Errorf("%s: %v, want ErrNotFinite naming %q", what, err, path)
	}
}

// The check on opening finds an infinity however it is stored – as a REAL in a REAL column or
// in an INTEGER column (where SQLite keeps what it cannot make an integer) – and takes the text
// "Inf" or "9e999" for the text it is.
func TestOpeningFindsInfinityInAnyColumn(t *testing.T) {
	valid := func(t *testing.T) string {
		t.Helper()
		path := filepath.Join(t.TempDir(), "Zahlen.lotse")
		createClosed(t, path, fullProject())
		return path
	}
	for _, c := range []struct {
		edit    string
		refused bool
	}{
		{"UPDATE tasks SET effort_value = -9e999 WHERE id = (SELECT min(id) FROM tasks)", true},
		{"UPDATE tickets SET created = 9e999 WHERE id = (SELECT min(id) FROM tickets)", true},
		{"UPDATE calls SET wait_seconds = -9e999 WHERE id = (SELECT max(id) FROM calls)", true},
		{"UPDATE tasks SET name = 'Inf', note = '9e999' WHERE id = (SELECT min(id) FROM tasks)", false},
		{"UPDATE tickets SET category = 9e999 WHERE id = (SELECT min(id) FROM tickets)", false}, // stored as the text "Inf"
		{"UPDATE calls SET wait_seconds = 1.5 WHERE id = (SELECT max(id) FROM calls)", false},
	} {
		path := valid(t)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sqlEdit(c.edit)(t, b, path)
		_, err = Validate(path)
		r, refused := IsRefused(err)
		switch {
		case c.refused && (!refused || r.Reason != ReasonNotFinite):
			t.Errorf("%s: %v, want refused as not finite", c.edit, err)
		case !c.refused && refused && r.Reason == ReasonNotFinite:
			t.Errorf("%s: refused as not finite: %v", c.edit, err)
		}
	}
}
