package cli

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Every crafted file – the committed corpus of persistence/testdata/refused and the files this
// package makes by SQL edits or a stray -wal – is refused by every command that reads a project,
// with a translated sentence and no translation key, and its folder stays byte for byte as it was.
func TestEveryCommandRefusesTheCraftedCorpus(t *testing.T) {
	type file struct{ name, path string }
	var files []file
	corpus, err := filepath.Glob(filepath.Join("..", "..", "persistence", "testdata", "refused", "*.lotse"))
	if err != nil || len(corpus) < 20 {
		t.Fatalf("corpus: %v (%d files)", err, len(corpus))
	}
	work := t.TempDir()
	for _, src := range corpus {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(work, strings.TrimSuffix(filepath.Base(src), ".lotse"))
		os.Mkdir(dir, 0o755)
		path := filepath.Join(dir, filepath.Base(src))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file{filepath.Base(src), path})
	}
	names := make([]string, 0, len(craftedFiles))
	for n := range craftedFiles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		dir := filepath.Join(work, strings.TrimSuffix(n, ".lotse"))
		os.Mkdir(dir, 0o755)
		files = append(files, file{n, craft(t, dir, n, craftedFiles[n])})
	}
	// A valid project with a -wal file beside it that does not belong to it.
	dir := filepath.Join(work, "stray-wal")
	os.Mkdir(dir, 0o755)
	wal := craft(t, dir, "stray-wal.lotse", nil)
	os.WriteFile(wal+"-wal", []byte("fremde Seiten"), 0o644)
	files = append(files, file{"stray-wal.lotse", wal})

	tried := 0
	for _, f := range files {
		dir := filepath.Dir(f.path)
		before := snapshotDir(t, dir)
		out := filepath.Join(t.TempDir(), "Ausgabe")
		for _, args := range [][]string{
			{"check", f.path},
			{"summary", f.path},
			{"kpi", f.path},
			{"share", f.path, out + ".lotse"},
			{"share", f.path, out + "-anonym.lotse", "--anonymize"},
			{"export", f.path, "--kind", "json", out + ".json"},
		} {
			tried++
			r := run(t, args...)
			if r.code != 2 {
				t.Errorf("%s: %s exit %d, want 2\n%s%s", f.name, args[0], r.code, r.out, r.err)
				continue
			}
			if f.name != "empty.lotse" && !strings.Contains(r.err, "nicht verändert") {
				t.Errorf("%s: %s: no plain refusal: %s", f.name, args[0], r.err)
			}
			if m := leakedKey(r.out + r.err); m != "" {
				t.Errorf("%s: %s: the translation key %q in %s", f.name, args[0], m, r.err)
			}
		}
		if after := snapshotDir(t, dir); after != before {
			t.Errorf("%s: its folder changed:\n%s\n→\n%s", f.name, before, after)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "*")); len(left) > 0 {
			t.Errorf("%s: output written for a refused file: %q", f.name, left)
		}
	}
	t.Logf("%d crafted files, %d commands run, all refused, every folder byte-identical", len(files), tried)
}

// snapshotDir is every file of a folder with its modification time and a hash of its content.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		c, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		st, _ := os.Stat(filepath.Join(dir, e.Name()))
		fmt.Fprintf(&b, "%s %s %x\n", e.Name(), st.ModTime(), sha256.Sum256(c))
	}
	return b.String()
}
