package persistence

import (
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"schulit-lotse/persistence/schema"
)

var update = flag.Bool("update", false, "rewrite the schema snapshot of the current version")

// The snapshot of the current version must be what AutoMigrate creates: otherwise new files
// would be refused by their own validation. Old snapshots are never rewritten.
func TestSchemaSnapshotMatchesRecords(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.lotse")
	db, err := openGorm(fileURI(path, modeRWC, connPragmas))
	if err != nil {
		t.Fatal(err)
	}
	if err := initSchema(db); err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	got, err := schema.Read(sqlDB)
	closeGorm(db)
	if err != nil {
		t.Fatal(err)
	}
	file := fmt.Sprintf("schema/v%d.json", SchemaVersion)
	if *update {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := schema.Expected(SchemaVersion)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("schema of the records differs from %s; if this is a new schema version, add a migration and a snapshot (go test -run Snapshot -update)", file)
	}
}

var updateObjects = flag.Bool("update-objects", false, "add the normalised sqlite_master entries to the snapshots of older versions, read from testdata/versions")

// The snapshots of older versions name every sqlite_master entry with its normalised SQL, read
// from the files that version wrote (testdata/versions/vN/full.lotse); every file of that
// version has exactly these entries.
func TestSchemaObjectsOfEveryVersion(t *testing.T) {
	for v := 1; v <= SchemaVersion; v++ {
		file := fmt.Sprintf("schema/v%d.json", v)
		exp, err := schema.Expected(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"full.lotse", "sample.lotse"} {
			src := filepath.Join("testdata", "versions", fmt.Sprintf("v%d", v), name)
			db, err := sql.Open("sqlite", fileURI(src, modeRO, nil))
			if err != nil {
				t.Fatal(err)
			}
			got, err := schema.Objects(db)
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			if *updateObjects && v < SchemaVersion && len(exp.Objects) == 0 && name == "full.lotse" {
				// Appended as text: the rest of an old snapshot stays byte for byte.
				b, _ := os.ReadFile(file)
				body := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(string(b), "\n"), "}"), "\n")
				objs, _ := json.MarshalIndent(got, "  ", "  ")
				out := body + ",\n  \"objects\": " + string(objs) + "\n}\n"
				if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				exp.Objects = got
			}
			if !reflect.DeepEqual(got, exp.Objects) {
				t.Errorf("%s: sqlite_master differs from %s", src, file)
			}
		}
	}
}
