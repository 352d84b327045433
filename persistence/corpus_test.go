package persistence

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"schulit-lotse/internal/sqlitetest"
)

var gen = flag.Bool("gen", false, "write the crafted files of testdata/refused (only files that do not exist yet)")

const refusedDir = "testdata/refused"

// crafted is one file of the corpus: how it was made from a valid project file and why it must
// be refused. stage "load" files pass the structural checks and are refused when read.
type crafted struct {
	name   string
	reason Reason
	stage  string // "validate" (Validate and Open refuse) or "load" (Load refuses)
	why    string
	make   func(t *testing.T, valid []byte, path string)
}

func corpus() []crafted {
	return []crafted{
		{"trigger.lotse", ReasonForeignObj, "validate", "a trigger that would delete every task on the next insert",
			sqlEdit("CREATE TRIGGER wipe AFTER INSERT ON tasks BEGIN DELETE FROM tasks; END")},
		{"view.lotse", ReasonForeignObj, "validate", "a view",
			sqlEdit("CREATE VIEW all_tasks AS SELECT * FROM tasks")},
		{"virtual-fts5.lotse", ReasonForeignObj, "validate", "an fts5 virtual table (with its shadow tables)",
			sqlEdit("CREATE VIRTUAL TABLE notes_fts USING fts5(text)", "INSERT INTO notes_fts VALUES ('Notiz')")},
		{"virtual-rtree.lotse", ReasonForeignObj, "validate", "an rtree virtual table",
			sqlEdit("CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1)")},
		{"virtual-disguised.lotse", ReasonForeignObj, "validate",
			"an expected table replaced by a virtual table of an unknown module, its SQL spelled \"CREATE  VIRTUAL\"",
			sqlEdit("DROP TABLE knowledge_checks",
				"PRAGMA writable_schema = ON",
				"INSERT INTO sqlite_master VALUES ('table', 'knowledge_checks', 'knowledge_checks', 0, "+
					"'CREATE  VIRTUAL TABLE knowledge_checks USING lurker(id, subject, reviewed_on, reviewed_by, findings)')")},
		{"foreign-application-id.lotse", ReasonForeignApp, "validate", "a GeoPackage's application_id",
			sqlEdit("PRAGMA application_id = 1196444487")},
		{"plain-sqlite.lotse", ReasonForeignApp, "validate", "an SQLite file without application_id",
			sqlEdit("PRAGMA application_id = 0")},
		{"newer-version.lotse", ReasonNewerVersion, "validate", "user_version 999, from a future release",
			sqlEdit("PRAGMA user_version = 999")},
		{"version-zero.lotse", ReasonOlderUnknown, "validate", "user_version 0",
			sqlEdit("PRAGMA user_version = 0")},
		{"truncated.lotse", ReasonDamaged, "validate", "cut after half of its pages",
			bytesEdit(func(b []byte) []byte { return b[:len(b)/2/1024*1024] })},
		{"truncated-header.lotse", ReasonNotSQLite, "validate", "cut inside the 100-byte header",
			bytesEdit(func(b []byte) []byte { return b[:60] })},
		{"random-bytes.lotse", ReasonNotSQLite, "validate", "8 KiB of random bytes",
			bytesEdit(func([]byte) []byte {
				b := make([]byte, 8192)
				rand.New(rand.NewSource(20260314)).Read(b)
				return b
			})},
		{"empty.lotse", ReasonEmpty, "validate", "zero bytes",
			bytesEdit(func([]byte) []byte { return nil })},
		{"text.lotse", ReasonNotSQLite, "validate", "a text file named .lotse",
			bytesEdit(func([]byte) []byte {
				return []byte("Aufgabe;Verantwortlich;Stunden\nIServ-Nutzer anlegen;Teammitglied Schul-IT;2\n")
			})},
		{"extra-table.lotse", ReasonForeignObj, "validate", "an unknown table",
			sqlEdit("CREATE TABLE notizen (id INTEGER PRIMARY KEY, text TEXT)", "INSERT INTO notizen VALUES (1, 'x')")},
		{"extra-index.lotse", ReasonForeignObj, "validate", "an unknown index",
			sqlEdit("CREATE INDEX idx_extra ON tasks(name)")},
		{"missing-table.lotse", ReasonSchema, "validate", "a table of the schema dropped",
			sqlEdit("DROP TABLE knowledge_checks")},
		{"extra-column.lotse", ReasonSchema, "validate", "a column the schema does not have",
			sqlEdit("ALTER TABLE tasks ADD COLUMN secret TEXT")},
		{"generated-column.lotse", ReasonSchema, "validate", "a generated column (PRAGMA table_info does not list it)",
			sqlEdit("ALTER TABLE tasks ADD COLUMN g AS (length(name))")},
		{"wrong-column-type.lotse", ReasonSchema, "validate", "tasks.name declared blob instead of text",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`name` text', '`name` blob') WHERE name = 'tasks'")},
		{"wrong-type-with-values.lotse", ReasonDamaged, "validate",
			"tasks.effort_value declared text while it holds numbers: quick_check reports it before the schema is compared",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`effort_value` real', '`effort_value` text') WHERE name = 'tasks'")},
		{"cascade-delete.lotse", ReasonSchema, "validate",
			"tasks.package_id changed to ON DELETE CASCADE: deleting a package would silently delete its tasks",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, 'ON DELETE SET NULL', 'ON DELETE CASCADE') WHERE name = 'tasks'")},
		{"check-constraint.lotse", ReasonSchema, "validate",
			"a CHECK constraint that the stored rows meet but the next new task breaks",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`name` text NOT NULL,', '`name` text NOT NULL CHECK (id < 1000),') WHERE name = 'tasks'")},
		{"unique-index.lotse", ReasonSchema, "validate",
			"the index on tasks.package_id made UNIQUE: sorting two cards into one package would fail",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, 'CREATE INDEX', 'CREATE UNIQUE INDEX') WHERE name = 'idx_tasks_package_id'")},
		{"wal-mode.lotse", ReasonDamaged, "validate", "a file in WAL mode (its committed data may sit in a -wal file that was not sent)",
			bytesEdit(func(b []byte) []byte { b[18], b[19] = 2, 2; return b })},
		{"bad-page-size.lotse", ReasonDamaged, "validate", "a header with page size 1000",
			bytesEdit(func(b []byte) []byte { binary.BigEndian.PutUint16(b[16:18], 1000); return b })},
		{"corrupt-page.lotse", ReasonDamaged, "validate", "a b-tree page overwritten with noise",
			bytesEdit(func(b []byte) []byte {
				ps := int(binary.BigEndian.Uint16(b[16:18]))
				r := rand.New(rand.NewSource(7))
				page := (len(b)/ps)/2 - 1
				for i := page*ps + 8; i < page*ps+ps/2; i++ {
					b[i] = byte(r.Intn(256))
				}
				return b
			})},
		{"invalid-task.lotse", ReasonContent, "load", "a task with priority 9 and negative effort",
			sqlEdit("UPDATE tasks SET priority_rank = 9, effort_value = -3 WHERE id = 3")},
		{"invalid-ticket-time.lotse", ReasonContent, "load", "a ticket created in the year 11476",
			sqlEdit("UPDATE tickets SET created = 300000000000 WHERE id = 2")},
		{"invalid-id.lotse", ReasonContent, "load", "a task with the largest int64 as id: no insert would succeed after it",
			sqlEdit("UPDATE tasks SET id = 9223372036854775807 WHERE id = 9")},
	}
}

// sqlEdit runs statements on a copy of the valid file with a plain connection.
func sqlEdit(stmts ...string) func(t *testing.T, valid []byte, path string) {
	return func(t *testing.T, valid []byte, path string) {
		if err := os.WriteFile(path, valid, 0o644); err != nil {
			t.Fatal(err)
		}
		sqlitetest.Exec(t, path, stmts...)
	}
}

func bytesEdit(fn func([]byte) []byte) func(t *testing.T, valid []byte, path string) {
	return func(t *testing.T, valid []byte, path string) {
		if err := os.WriteFile(path, fn(bytes.Clone(valid)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// smallValidFile writes the full fixture and rewrites it with 1 KiB pages, which keeps the
// corpus small.
func smallValidFile(t *testing.T) []byte {
	path := newProjectFile(t, "valid.lotse")
	sqlitetest.Exec(t, path, "PRAGMA page_size = 1024", "VACUUM")
	if _, err := Validate(path); err != nil {
		t.Fatalf("base file: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGenerateRefusedCorpus(t *testing.T) {
	if !*gen {
		return // generation runs only on request: go test -run GenerateRefused -gen
	}
	valid := smallValidFile(t)
	if err := os.MkdirAll(refusedDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range corpus() {
		path := filepath.Join(refusedDir, c.name)
		if _, err := os.Stat(path); err == nil {
			continue // committed files are kept as they are
		}
		tmp := filepath.Join(t.TempDir(), c.name)
		c.make(t, valid, tmp)
		b, err := os.ReadFile(tmp)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", path, len(b))
	}
}

var fixedMtime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// placeCopy copies a testdata file into a fresh directory with a fixed modification time.
func placeCopy(t *testing.T, src string) (path string, content []byte) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fixedMtime, fixedMtime); err != nil {
		t.Fatal(err)
	}
	return path, b
}

// assertUntouched checks that the file still has its bytes and modification time and that
// nothing was left beside it (journal, WAL, shared memory, lock).
func assertUntouched(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: content changed", filepath.Base(path))
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !st.ModTime().Equal(fixedMtime) {
		t.Errorf("%s: modification time changed to %v", filepath.Base(path), st.ModTime())
	}
	names, err := readDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 {
		t.Errorf("%s: left beside it: %v", filepath.Base(path), names)
	}
}

func wantRefused(t *testing.T, what string, err error, reason Reason) {
	t.Helper()
	r, ok := IsRefused(err)
	if !ok {
		t.Errorf("%s: got %v, want a refusal %s", what, err, reason)
		return
	}
	if r.Reason != reason {
		t.Errorf("%s: refused with %s (%s), want %s", what, r.Reason, r.Detail, reason)
	}
}

// wantRefusedOnOpen checks that Validate and Open, read-only and for editing, refuse the file
// at path for reason.
func wantRefusedOnOpen(t *testing.T, path string, reason Reason) {
	t.Helper()
	_, err := Validate(path)
	wantRefused(t, "Validate", err, reason)
	for _, ro := range []bool{true, false} {
		f, err := Open(path, OpenOptions{ReadOnly: ro})
		if err == nil {
			f.Close()
		}
		wantRefused(t, fmt.Sprintf("Open(ReadOnly: %v)", ro), err, reason)
	}
}

func TestRefusedCorpus(t *testing.T) {
	listed := map[string]bool{}
	for _, c := range corpus() {
		listed[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			path, content := placeCopy(t, filepath.Join(refusedDir, c.name))
			switch c.stage {
			case "validate":
				wantRefusedOnOpen(t, path, c.reason)
			case "load":
				_, err := Validate(path)
				if err != nil {
					t.Fatalf("Validate: %v (the file is structurally sound, only its content breaks the rules)", err)
				}
				for _, ro := range []bool{false, true} {
					// An older file is checked on a migrated private copy before it is migrated in
					// place, so its content may be refused already by Open.
					f, err := Open(path, OpenOptions{ReadOnly: ro})
					if err == nil {
						_, err = f.Load()
						f.Close()
					}
					wantRefused(t, fmt.Sprintf("Open+Load(ReadOnly: %v)", ro), err, c.reason)
				}
			default:
				t.Fatalf("unknown stage %q", c.stage)
			}
			assertUntouched(t, path, content)
		})
	}
	// Every file of the folder is in the table and the other way round.
	names, err := readDir(refusedDir)
	if err != nil {
		t.Fatal(err)
	}
	var unlisted []string
	for _, n := range names {
		if n == "README.md" {
			continue
		}
		if !listed[n] {
			unlisted = append(unlisted, n)
		}
		delete(listed, n)
	}
	var missing []string
	for n := range listed {
		missing = append(missing, n)
	}
	sort.Strings(missing)
	if len(unlisted) > 0 || len(missing) > 0 {
		t.Fatalf("%s out of step with corpus(): unlisted %v, missing %v (go test -run GenerateRefused -gen)", refusedDir, unlisted, missing)
	}
}

// The refusal must not depend on where the file lies or on the message text: Error() names the
// path and the reason, so support can tell what happened.
func TestRefusedErrorNamesPathAndReason(t *testing.T) {
	path, _ := placeCopy(t, filepath.Join(refusedDir, "trigger.lotse"))
	_, err := Validate(path)
	var r *RefusedError
	if !errors.As(err, &r) {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), string(ReasonForeignObj)) || !strings.Contains(r.Detail, "wipe") {
		t.Fatalf("error %q (detail %q) does not name path, reason and object", err, r.Detail)
	}
	if !reflect.DeepEqual(r, &RefusedError{Path: path, Reason: ReasonForeignObj, Detail: r.Detail}) {
		t.Fatalf("unexpected error %#v", r)
	}
}
