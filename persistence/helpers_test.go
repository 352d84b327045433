package persistence

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func sprint(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}

func mkdir(dir string) error { return os.MkdirAll(dir, 0o755) }

// readDir lists the names in dir, sorted.
func readDir(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(ents))
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out, nil
}

func readSource(path string) ([]byte, error) { return os.ReadFile(path) }

func sortStrings(s []string) { sort.Strings(s) }

// testProject is an empty project of that name, created on 1 January 2027.
func testProject(name string) *domain.Project {
	return domain.NewProject(name, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
}

// newTestFile creates p as the project file name in a new temporary folder; the file is
// closed when the test ends.
func newTestFile(t *testing.T, name string, p *domain.Project) *File {
	t.Helper()
	f, err := Create(filepath.Join(t.TempDir(), name), p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// openFile opens path for editing; it is closed when the test ends.
func openFile(t *testing.T, path string) *File {
	t.Helper()
	f, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// createClosed creates p as the project file at path, closes it and returns the project as the
// file holds it.
func createClosed(t *testing.T, path string, p *domain.Project) *domain.Project {
	t.Helper()
	f, err := Create(path, p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return mustLoad(t, f)
}

// mustLoad loads the project of an open file.
func mustLoad(t *testing.T, f *File) *domain.Project {
	t.Helper()
	p, err := f.Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openAndLoad opens path for editing (an older file is migrated), loads it and closes it.
func openAndLoad(t *testing.T, path string) *domain.Project {
	t.Helper()
	return loadWith(t, path, OpenOptions{})
}

// loadFile opens path read-only, loads it and closes it.
func loadFile(t *testing.T, path string) *domain.Project {
	t.Helper()
	return loadWith(t, path, OpenOptions{ReadOnly: true})
}

func loadWith(t *testing.T, path string, opts OpenOptions) *domain.Project {
	t.Helper()
	f, err := Open(path, opts)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	return mustLoad(t, f)
}

// readOnlyDB opens the file at path with plain SQL, read-only; the caller closes it.
func readOnlyDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path, modeRO, nil))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// testSeed is the seed of a randomised test: LOTSE_CRASH_TEST_SEED when set, else def; it is
// logged so that a failing run can be repeated.
func testSeed(t *testing.T, def uint64) uint64 {
	seed := def
	if s := os.Getenv("LOTSE_CRASH_TEST_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (LOTSE_CRASH_TEST_SEED=%d repeats this run)", seed, seed)
	return seed
}
