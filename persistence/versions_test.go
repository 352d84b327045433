package persistence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"schulit-lotse/domain"
)

// The migrations harness: every project file kept under testdata/versions/v*/ was written by the
// release of its schema version and is never regenerated. Each must open with the current code,
// read-write (migrated, on a copy) and read-only (the original untouched), with every row of
// every table still there and the content of its expected JSON export.

const versionsDir = "testdata/versions"

// versionFiles are written into testdata/versions/v<SchemaVersion>/ by -gen when that directory
// does not exist yet.
var versionFiles = map[string]func() *domain.Project{
	"sample.lotse": sampleLikeProject,
	"full.lotse":   fullProject,
}

func TestGenerateVersionFiles(t *testing.T) {
	if !*gen {
		return // go test ./persistence -run GenerateVersionFiles -gen
	}
	dir := filepath.Join(versionsDir, fmt.Sprintf("v%d", SchemaVersion))
	if _, err := os.Stat(dir); err == nil {
		t.Logf("%s exists; files of a released version are never rewritten", dir)
		return
	}
	tmp := t.TempDir()
	for name, mk := range versionFiles {
		path := filepath.Join(tmp, name)
		p := createClosed(t, path, mk())
		var buf bytes.Buffer
		if err := ExportJSON(&buf, p); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, expectedName(name)), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(versionsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		// t.TempDir may live on another file system: copy instead.
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		names, _ := readDir(tmp)
		for _, n := range names {
			b, err := os.ReadFile(filepath.Join(tmp, n))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("wrote %s", dir)
}

func expectedName(lotse string) string { return strings.TrimSuffix(lotse, ".lotse") + ".expected.json" }

// rowCounts reads the number of rows of every table with plain SQL, read-only.
func rowCounts(t *testing.T, path string) map[string]int64 {
	t.Helper()
	db := readOnlyDB(t, path)
	defer db.Close()
	db.SetMaxOpenConns(1)
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	counts := map[string]int64{}
	for _, tb := range tables {
		var n int64
		if err := db.QueryRow(`SELECT count(*) FROM "` + tb + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[tb] = n
	}
	return counts
}

// jsonContains reports where actual lacks something of expected: every object key of expected
// must be in actual with the same value, lists must match element by element. Keys that only
// actual has (fields added by later versions) are allowed.
func jsonContains(path string, expected, actual any) string {
	switch e := expected.(type) {
	case map[string]any:
		a, ok := actual.(map[string]any)
		if !ok {
			return path + ": not an object"
		}
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			av, ok := a[k]
			if !ok {
				return path + "." + k + ": missing"
			}
			if d := jsonContains(path+"."+k, e[k], av); d != "" {
				return d
			}
		}
		return ""
	case []any:
		a, ok := actual.([]any)
		if !ok || len(a) != len(e) {
			return fmt.Sprintf("%s: %d entries, want %d", path, len(a), len(e))
		}
		for i := range e {
			if d := jsonContains(fmt.Sprintf("%s[%d]", path, i), e[i], a[i]); d != "" {
				return d
			}
		}
		return ""
	default:
		if !reflect.DeepEqual(expected, actual) {
			return fmt.Sprintf("%s: %v, want %v", path, actual, expected)
		}
		return ""
	}
}

func checkExport(t *testing.T, what string, p *domain.Project, golden []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportJSON(&buf, p); err != nil {
		t.Fatalf("%s: export: %v", what, err)
	}
	// An older document says what that version's file held; the export of the migrated file
	// holds it as the JSON import of that document would (persons and attendees since 5).
	golden, err := upgradeJSON(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want, got map[string]any
	if err := json.Unmarshal(golden, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	delete(want, "version") // the document version follows the schema; the content must not change
	if d := jsonContains("", want, got); d != "" {
		t.Fatalf("%s: export differs from the expected JSON: %s", what, d)
	}
}

func TestEveryVersionOpens(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(versionsDir, "v*"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(versionsDir, fmt.Sprintf("v%d", SchemaVersion))); err != nil {
		t.Fatalf("no files of the current schema version %d are kept: go test ./persistence -run GenerateVersionFiles -gen", SchemaVersion)
	}
	seen := 0
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.lotse"))
		if len(files) < 2 {
			t.Errorf("%s holds %d project files, want at least the sample-like and the full one", dir, len(files))
		}
		for _, orig := range files {
			seen++
			t.Run(filepath.Base(dir)+"/"+filepath.Base(orig), func(t *testing.T) {
				golden, err := os.ReadFile(strings.TrimSuffix(orig, ".lotse") + ".expected.json")
				if err != nil {
					t.Fatalf("expected JSON beside the file: %v", err)
				}
				origBytes, err := os.ReadFile(orig)
				if err != nil {
					t.Fatal(err)
				}
				dirBefore, _ := readDir(dir)
				before := rowCounts(t, orig)

				// Read-only on the original.
				checkExport(t, "read-only", loadFile(t, orig), golden)

				// Read-write on a copy: migrated to the current version.
				cp, _ := placeCopy(t, orig)
				checkExport(t, "read-write", openAndLoad(t, cp), golden)
				if v, err := Validate(cp); err != nil || v != SchemaVersion {
					t.Fatalf("migrated copy: version %d, %v; want %d", v, err, SchemaVersion)
				}
				after := rowCounts(t, cp)
				for tb, n := range before {
					if after[tb] != n {
						t.Errorf("table %s: %d rows after opening, %d before", tb, after[tb], n)
					}
				}

				if b, _ := os.ReadFile(orig); !bytes.Equal(b, origBytes) {
					t.Fatal("the original changed")
				}
				if dirAfter, _ := readDir(dir); !reflect.DeepEqual(dirAfter, dirBefore) {
					t.Fatalf("files beside the original changed: %v -> %v", dirBefore, dirAfter)
				}
			})
		}
	}
	if seen == 0 {
		t.Fatal("no version files found")
	}
}

// The golden comparison must notice a lost row and a changed value.
func TestJSONContainsFindsLoss(t *testing.T) {
	var want, lost, changed, grown any
	json.Unmarshal([]byte(`{"a":[{"x":1},{"x":2}],"b":"c"}`), &want)
	json.Unmarshal([]byte(`{"a":[{"x":1}],"b":"c"}`), &lost)
	json.Unmarshal([]byte(`{"a":[{"x":1},{"x":3}],"b":"c"}`), &changed)
	json.Unmarshal([]byte(`{"a":[{"x":1,"y":0},{"x":2,"y":0}],"b":"c","d":[]}`), &grown)
	if jsonContains("", want, lost) == "" || jsonContains("", want, changed) == "" {
		t.Fatal("loss not noticed")
	}
	if d := jsonContains("", want, grown); d != "" {
		t.Fatalf("fields added later are not a loss: %s", d)
	}
}
