package persistence

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"schulit-lotse/domain"
)

// noTemps fails when a share or copy temp file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), "-journal") {
			t.Fatalf("left behind: %s", e.Name())
		}
	}
}

func TestShareCopyWithoutOptionsIsTheWholeProject(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "Planung.lotse")
	orig, _ := os.ReadFile(path)
	want := mustLoad(t, f)
	target := filepath.Join(dir, "Versand", "Planung zum Versenden.lotse")
	os.Mkdir(filepath.Dir(target), 0o755)
	res, err := f.WriteShareCopy(target, ShareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(target)
	if res.Size != st.Size() || res.Size == 0 || res.Replaced != 0 || res.Dropped != 0 {
		t.Fatalf("result %+v, file %d bytes", res, st.Size())
	}
	if got := loadFile(t, target); !reflect.DeepEqual(got, want) {
		t.Fatal("the copy differs from the project")
	}
	assertUntouchedOpen(t, f, path, orig)
	noTemps(t, dir)
	noTemps(t, filepath.Dir(target))
}

func TestShareCopyWithoutMonitoringAndAnonymized(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "Planung.lotse")
	orig, _ := os.ReadFile(path)
	before := mustLoad(t, f)
	if len(before.Tickets) == 0 || len(before.Calls) == 0 || len(before.SurveyAnswers) == 0 {
		t.Fatal("the fixture needs monitoring data for this test")
	}
	raw := int64(len(before.Tickets) + len(before.Calls) + len(before.SurveyAnswers))

	target := filepath.Join(dir, "Kopie.lotse")
	res, err := f.WriteShareCopy(target, ShareOptions{WithoutMonitoring: true, Anonymize: true,
		Labels: domain.ShareLabels{Person: func(n int) string { return "Stelle " + domain.Letters(n) }}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dropped != raw {
		t.Errorf("dropped %d rows, want %d", res.Dropped, raw)
	}
	got := loadFile(t, target)
	if len(got.Tickets)+len(got.Calls)+len(got.SurveyAnswers) != 0 {
		t.Error("monitoring raw data left in the copy")
	}
	// The copy holds what domain.Anonymize makes of the project, nothing else changed.
	want, err := f.Load() // a fresh model: Anonymize changes the slices it is given
	if err != nil {
		t.Fatal(err)
	}
	domain.DropMonitoringData(want)
	n := domain.Anonymize(want, domain.ShareLabels{Person: func(n int) string { return "Stelle " + domain.Letters(n) }})
	if res.Replaced != n || n == 0 {
		t.Errorf("replaced %d names, domain says %d", res.Replaced, n)
	}
	want.Tickets, want.Calls, want.SurveyAnswers = []domain.Ticket{}, []domain.Call{}, []domain.SurveyAnswer{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("copy differs from the anonymized model:\n got %+v\nwant %+v", got.Roles, want.Roles)
	}
	// No name is left anywhere in the file's bytes, not even in free pages.
	b, _ := os.ReadFile(target)
	for _, r := range before.Roles {
		for _, name := range []string{r.Persons, r.Deputy, r.Contact} {
			if name != "" && bytes.Contains(b, []byte(name)) {
				t.Errorf("%q is still in the copy's bytes", name)
			}
		}
	}
	for _, p := range before.Kickoff.Participants {
		if bytes.Contains(b, []byte(p.Name)) {
			t.Errorf("participant %q is still in the copy's bytes", p.Name)
		}
	}
	assertUntouchedOpen(t, f, path, orig)
	if p, _ := f.Load(); !reflect.DeepEqual(p, before) {
		t.Fatal("the open project changed")
	}
	noTemps(t, dir)
}

func TestShareCopyNeverReplacesAFile(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "Planung.lotse")
	other := filepath.Join(dir, "Andere.lotse")
	if err := os.WriteFile(other, []byte("schon da"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{path, other} {
		if _, err := f.WriteShareCopy(target, ShareOptions{Anonymize: true}); !errors.Is(err, os.ErrExist) {
			t.Errorf("%s: err %v, want ErrExist", filepath.Base(target), err)
		}
	}
	if b, _ := os.ReadFile(other); string(b) != "schon da" {
		t.Fatal("an existing file was replaced")
	}
	// A folder that does not exist: nothing is written anywhere.
	if _, err := f.WriteShareCopy(filepath.Join(dir, "fehlt", "x.lotse"), ShareOptions{}); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	noTemps(t, dir)
}

func TestShareCopyFromReadOnlyProject(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "Planung.lotse")
	f.Close()
	orig, _ := os.ReadFile(path)
	ro, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	target := filepath.Join(dir, "Kopie.lotse")
	if _, err := ro.WriteShareCopy(target, ShareOptions{WithoutMonitoring: true}); err != nil {
		t.Fatal(err)
	}
	if got := loadFile(t, target); len(got.Tickets) != 0 || len(got.Tasks) == 0 {
		t.Fatalf("copy has %d tickets, %d tasks", len(got.Tickets), len(got.Tasks))
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, orig) {
		t.Fatal("the read-only original changed")
	}
}
