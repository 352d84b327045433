package persistence

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
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
	got, err := currentSchema(sqlDB)
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
	want, err := expectedSchema(SchemaVersion)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("schema of the records differs from %s; if this is a new schema version, add a migration and a snapshot (go test -run Snapshot -update)", file)
	}
}
