package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/reports/internal/pdftest"
)

func TestWriteFileIsAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Berichte Jürgen")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "Gesamtbericht Größe.pdf")
	if err := WriteGesamtberichtFile(target, seedProject(), Options{Date: fixedDate}); err != nil {
		t.Fatalf("write: %v", err)
	}
	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-16:], []byte("%%EOF")) {
		t.Fatalf("not a complete PDF")
	}
	var direct bytes.Buffer
	WriteGesamtbericht(&direct, seedProject(), Options{Date: fixedDate})
	if !bytes.Equal(direct.Bytes(), data) {
		t.Errorf("file differs from the report written to a stream")
	}
	pdftest.PageCount(t, target)
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o644 {
		t.Errorf("report file mode %v, want 0644", fi.Mode().Perm())
	}

	// A failing report leaves the old file byte-identical and no temporary file behind.
	if err := WriteGesamtberichtFile(target, nil, Options{Date: fixedDate}); err == nil {
		t.Fatal("nil project accepted")
	}
	after, _ := os.ReadFile(target)
	if !bytes.Equal(after, data) {
		t.Errorf("a failed write changed the existing report")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only the report", names)
	}

	err = WriteGesamtberichtFile(filepath.Join(dir, "fehlt", "x.pdf"), seedProject(), Options{Date: fixedDate})
	if err == nil || !strings.Contains(err.Error(), "kann keine Datei angelegt werden") {
		t.Errorf("missing folder: got %v", err)
	}
	if err := WriteGesamtberichtFile(dir, seedProject(), Options{Date: fixedDate}); err == nil || !strings.Contains(err.Error(), "ist ein Ordner") {
		t.Errorf("folder as target: got %v", err)
	}
	if err := WriteGesamtberichtFile("  ", seedProject(), Options{Date: fixedDate}); err == nil {
		t.Errorf("empty path accepted")
	}
}
