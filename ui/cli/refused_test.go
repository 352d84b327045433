package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"schulit-lotse/internal/sqlitetest"
	"schulit-lotse/ui/wording"
)

// craftedFiles makes files from the sample that the app must refuse, by SQL edits that a
// received file could carry.
var craftedFiles = map[string][]string{
	"fremdschluessel.lotse": {"PRAGMA foreign_keys = OFF", "UPDATE tasks SET package_id = 999999 WHERE id = (SELECT min(id) FROM tasks)"},
	"unendlich.lotse":       {"UPDATE tasks SET effort_value = 9e999 WHERE id = (SELECT min(id) FROM tasks)"},
	"prioritaet.lotse":      {"UPDATE tasks SET priority_rank = 9 WHERE id = (SELECT min(id) FROM tasks)"},
	"stunden-pro-tag.lotse": {`UPDATE project SET hours_per_person_day = -1`},
	"check-hinter-kommentar.lotse": {"PRAGMA writable_schema = ON",
		"UPDATE sqlite_master SET sql = replace(sql, '`name` text NOT NULL,', '`name` text NOT NULL -- it''s\n CHECK (id < 1000),') WHERE name = 'tasks'"},
	"fremde-sortierung.lotse": {"PRAGMA writable_schema = ON",
		"UPDATE sqlite_master SET sql = replace(sql, '`note` text NOT NULL DEFAULT \"\"', '`note` text NOT NULL DEFAULT \"\" COLLATE lotse_geheim') WHERE name = 'tasks'"},
}

// rawKeyToken finds words shaped like translation keys; rawKeyLine is the definition of
// a raw key standing alone on a line.
var (
	rawKeyToken = regexp.MustCompile(`[a-z]+(\.[a-z_]+)+`)
	rawKeyLine  = regexp.MustCompile(`(?m)^[a-z]+(\.[a-z_]+)+$`)
)

// leakedKey returns a translation key that output shows instead of its sentence ("" when none):
// a line that is nothing but a key, or any word that is a key of the translation files.
func leakedKey(output string) string {
	if m := rawKeyLine.FindString(output); m != "" {
		return m
	}
	for _, m := range rawKeyToken.FindAllString(output, -1) {
		if wording.IsTranslationKey(m) || strings.HasPrefix(m, "err.") || strings.HasPrefix(m, "refuse.") {
			return m
		}
	}
	return ""
}

func craft(t *testing.T, dir, name string, stmts []string) string {
	t.Helper()
	_, src := sample(t)
	path := filepath.Join(dir, name)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sqlitetest.Exec(t, path, stmts...)
	return path
}

func TestCommandsRefuseCraftedFilesInPlainWords(t *testing.T) {
	for name, stmts := range craftedFiles {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := craft(t, dir, name, stmts)
			before, _ := os.ReadFile(path)
			for _, args := range [][]string{
				{"check", path},
				{"share", path, filepath.Join(dir, "Kopie.lotse")},
				{"share", path, filepath.Join(dir, "Kopie.lotse"), "--anonymize"},
				{"summary", path},
				{"export", path, "--kind", "json", filepath.Join(dir, "x.json")},
			} {
				r := run(t, args...)
				if r.code != 2 {
					t.Errorf("%s: exit %d, want 2 (refused)\n%s%s", args[0], r.code, r.out, r.err)
				}
				if !strings.Contains(r.err, "nicht verändert") {
					t.Errorf("%s: no plain refusal: %s", args[0], r.err)
				}
				if m := leakedKey(r.out + r.err); m != "" {
					t.Errorf("%s: a raw key %q in the output: %s", args[0], m, r.err)
				}
			}
			if _, err := os.Lstat(filepath.Join(dir, "Kopie.lotse")); err == nil {
				t.Error("share wrote a copy of a refused file")
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file changed")
			}
		})
	}
}
