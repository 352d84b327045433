package persistence

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// generatedCorpus holds crafted files that are made from a valid file at every test run (no
// binary in the repository): each is refused by Validate, by Open (read-only and for editing)
// and by the copy for sending, and stays byte-identical with nothing left beside it.
func generatedCorpus() []crafted {
	return []crafted{
		{"foreign-key-missing-package.lotse", ReasonForeignKey, "validate", "a task in a package that does not exist",
			sqlEdit("PRAGMA foreign_keys = OFF", "UPDATE tasks SET package_id = 999999 WHERE id = (SELECT min(id) FROM tasks)")},
		{"foreign-key-missing-role.lotse", ReasonForeignKey, "validate", "a RACI cell of a role that does not exist",
			sqlEdit("PRAGMA foreign_keys = OFF", "DELETE FROM roles WHERE id = (SELECT role_id FROM raci_assignments LIMIT 1)")},
		{"infinite-effort.lotse", ReasonNotFinite, "validate", "a task's effort of +Inf",
			sqlEdit("UPDATE tasks SET effort_value = 9e999 WHERE id = (SELECT min(id) FROM tasks)")},
		{"infinite-negative.lotse", ReasonNotFinite, "validate", "a bid's price of -Inf",
			sqlEdit("UPDATE bids SET price = -9e999 WHERE id = (SELECT min(id) FROM bids)")},
	}
}

func TestGeneratedCorpusIsRefusedAndUntouched(t *testing.T) {
	valid := smallValidFile(t)
	for _, c := range generatedCorpus() {
		t.Run(c.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), c.name)
			c.make(t, valid, src)
			path, content := placeCopy(t, src)
			_, err := Validate(path)
			wantRefused(t, "Validate", err, c.reason)
			for _, ro := range []bool{false, true} {
				f, err := Open(path, OpenOptions{ReadOnly: ro})
				if err == nil {
					f.Close()
				}
				wantRefused(t, fmt.Sprintf("Open(ReadOnly: %v)", ro), err, c.reason)
			}
			assertUntouched(t, path, content)
		})
	}
}

// The file content rules that `check` applies hold for the copy for sending as well.
func TestShareRefusesWhatLoadRefuses(t *testing.T) {
	for _, name := range []string{"invalid-task.lotse", "invalid-ticket-time.lotse", "invalid-id.lotse"} {
		t.Run(name, func(t *testing.T) {
			path, content := placeCopy(t, filepath.Join(refusedDir, name))
			f, err := Open(path, OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			target := filepath.Join(t.TempDir(), "Kopie.lotse")
			_, err = f.WriteShareCopy(target, ShareOptions{})
			f.Close()
			wantRefused(t, "WriteShareCopy", err, ReasonContent)
			if _, err := os.Lstat(target); err == nil {
				t.Error("a copy was written")
			}
			assertUntouched(t, path, content)
		})
	}
}
