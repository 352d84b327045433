package persistence

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// FuzzValidate writes arbitrary bytes as a .lotse file and opens it every way a user can. Nothing
// may panic; a refused file is refused with a reason and keeps its bytes and modification time,
// with nothing left beside it; a file that opens can be loaded and exported without a panic.
// Seeds: the crafted corpus, the kept version files and testdata/fuzz/FuzzValidate.
func FuzzValidate(f *testing.F) {
	for _, glob := range []string{filepath.Join(refusedDir, "*.lotse"), filepath.Join(versionsDir, "v*", "*.lotse")} {
		files, _ := filepath.Glob(glob)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "Eingang.lotse")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, fixedMtime, fixedMtime); err != nil {
			t.Fatal(err)
		}
		_, verr := Validate(path)
		if verr != nil {
			if _, ok := IsRefused(verr); !ok {
				t.Fatalf("Validate failed without a refusal reason: %v", verr)
			}
		}
		for _, ro := range []bool{true, false} {
			file, err := Open(path, OpenOptions{ReadOnly: ro})
			// Open may refuse more than Validate: an older file's content is loaded before it is
			// migrated. It must never accept what Validate refused.
			if err == nil && verr != nil {
				t.Fatalf("Open(ReadOnly: %v) accepted what Validate refused: %v", ro, verr)
			}
			if r, ok := IsRefused(err); ok && verr == nil && r.Reason != ReasonContent {
				t.Fatalf("Open(ReadOnly: %v) = %v, Validate passed: only content may be refused on top", ro, err)
			}
			if err != nil {
				if _, ok := IsRefused(err); !ok {
					t.Fatalf("Open(ReadOnly: %v) failed without a refusal reason: %v", ro, err)
				}
				continue
			}
			if p, err := file.Load(); err == nil {
				var buf bytes.Buffer
				_ = ExportJSON(&buf, p)
			} else if _, ok := IsRefused(err); !ok {
				t.Fatalf("Load failed without a refusal reason: %v", err)
			}
			file.Close()
		}
		if verr != nil {
			assertUntouched(t, path, data)
		}
	})
}

// FuzzParseJSON feeds arbitrary documents to the importer. Nothing may panic; a refusal is an
// *ImportError; an accepted document exports and parses to the same project, and the project
// file takes it without an error (the import never fails inside the database) and gives back a
// project that parses again.
func FuzzParseJSON(f *testing.F) {
	for _, p := range []*domain.Project{fullProject(), sampleLikeProject(), domain.NewProject("Leer", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))} {
		var buf bytes.Buffer
		if err := ExportJSON(&buf, p); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	files, _ := filepath.Glob(filepath.Join(versionsDir, "v*", "*.expected.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseJSON(data)
		if err != nil {
			if _, ok := err.(*ImportError); !ok {
				t.Fatalf("refusal is not an *ImportError: %T %v", err, err)
			}
			if p != nil {
				t.Fatal("a refused document returned a project")
			}
			return
		}
		var first bytes.Buffer
		if err := ExportJSON(&first, p); err != nil {
			t.Fatalf("an accepted document cannot be exported: %v", err)
		}
		again, err := ParseJSON(first.Bytes())
		if err != nil {
			t.Fatalf("the export of an accepted document is refused: %v", err)
		}
		if !reflect.DeepEqual(withEmptyLists(again), withEmptyLists(p)) {
			t.Fatal("export and parse changed the project")
		}
		tmp, err := writeNewFile(t.TempDir(), p)
		if err != nil {
			t.Fatalf("the project file does not take an accepted document: %v", err)
		}
		file, err := Open(tmp, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatalf("the imported file does not open: %v", err)
		}
		defer file.Close()
		loaded, err := file.Load()
		if err != nil {
			t.Fatalf("the imported file does not load: %v", err)
		}
		var out bytes.Buffer
		if err := ExportJSON(&out, loaded); err != nil {
			t.Fatalf("the imported project cannot be exported: %v", err)
		}
		if _, err := ParseJSON(out.Bytes()); err != nil {
			t.Fatalf("the export of the imported project is refused: %v", err)
		}
	})
}
