package persistence

import (
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
		{"check-behind-comment.lotse", ReasonSchema, "validate",
			"a CHECK constraint after a comment holding a quote (\"-- it's\"), which a filter of quoted text misreads",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`name` text NOT NULL,', '`name` text NOT NULL -- it''s fine\n CHECK (id < 1000),') WHERE name = 'tasks'")},
		{"check-in-block-comment-quote.lotse", ReasonSchema, "validate", "a CHECK after a block comment with a quote",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`name` text NOT NULL,', '`name` text NOT NULL /* \"*/ CHECK (id < 1000),') WHERE name = 'tasks'")},
		{"unknown-collation.lotse", ReasonSchema, "validate", "a column with a collation no SQLite knows: share and edits would fail later",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`note` text NOT NULL DEFAULT \"\"', '`note` text NOT NULL DEFAULT \"\" COLLATE lotse_geheim') WHERE name = 'tasks'")},
		{"index-collation.lotse", ReasonSchema, "validate", "an expected index with a collation added",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '(`package_id`)', '(`package_id` COLLATE nocase)') WHERE name = 'idx_tasks_package_id'")},
		{"changed-default.lotse", ReasonSchema, "validate", "a DEFAULT we never write (new tasks would be marked critical)",
			sqlEdit("PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = replace(sql, '`critical` numeric NOT NULL DEFAULT false', '`critical` numeric NOT NULL DEFAULT true') WHERE name = 'tasks'")},
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
			wantRefusedOnOpen(t, path, c.reason)
			assertUntouched(t, path, content)
		})
	}
}

// An anonymised copy loads the project (in a private copy) and refuses what Load refuses,
// naming the project, not the private copy.
func TestAnonymizedShareRefusesWhatLoadRefuses(t *testing.T) {
	for _, name := range []string{"invalid-task.lotse", "invalid-ticket-time.lotse", "invalid-id.lotse"} {
		t.Run(name, func(t *testing.T) {
			path, content := placeCopy(t, filepath.Join(refusedDir, name))
			f, err := Open(path, OpenOptions{ReadOnly: true})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			target := filepath.Join(t.TempDir(), "Kopie.lotse")
			_, err = f.WriteShareCopy(target, ShareOptions{Anonymize: true})
			f.Close()
			wantRefused(t, "WriteShareCopy", err, ReasonContent)
			if r, ok := IsRefused(err); ok && r.Path != path {
				t.Errorf("the refusal names %s, want %s", r.Path, path)
			}
			if _, err := os.Lstat(target); err == nil {
				t.Error("a copy was written")
			}
			assertUntouched(t, path, content)
		})
	}
}
