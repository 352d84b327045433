package importers

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"schulit-lotse/domain"
)

func importKey(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want an import error, got %v", err)
	}
	return e
}

// A line longer than MaxRecordBytes is refused while reading, with its line number; the
// reader never holds more than about one record (see FuzzReadTableBounded for the memory).
func TestLongLineRefusedWhileReading(t *testing.T) {
	data := []byte("ID;Erstellt\n1;2\n" + strings.Repeat("A;", MaxRecordBytes/2+1) + "\n")
	_, err := ReadBytes("x.csv", data)
	if e := importKey(t, err); e.Key != ErrLineTooLong || e.Line != 3 {
		t.Fatalf("got %+v, want %s at line 3", e, ErrLineTooLong)
	}
	// A quoted field with line breaks counts as one record.
	data = []byte("ID;Text\n1;\"" + strings.Repeat("ab\n", MaxRecordBytes/3+1) + "\"\n")
	_, err = ReadBytes("x.csv", data)
	if e := importKey(t, err); e.Key != ErrLineTooLong || e.Line != 2 {
		t.Fatalf("got %+v, want %s at line 2", e, ErrLineTooLong)
	}
	// Just under the limit is read.
	data = []byte("ID;Text\n1;" + strings.Repeat("x", MaxRecordBytes-10) + "\n")
	tab, err := ReadBytes("x.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	// The cell is cut to Excel's limit.
	if n := utf8.RuneCountInString(tab.Rows[1][1]); n != MaxCellChars {
		t.Fatalf("cell of %d characters kept, want %d", n, MaxCellChars)
	}
}

// Many short cells (the "A;" attack with line breaks) stop at the table budget.
func TestTableBudget(t *testing.T) {
	line := strings.Repeat("A;", 1999) + "A\n"
	// each line: 2000 cells × 16 bytes + 4000 bytes of text + row headers ≈ 36 KB
	rows := int(MaxTableBytes/(2000*cellOverhead+int64(len(line))+rowOverhead)) + 2
	data := []byte(strings.Repeat(line, rows))
	_, err := ReadBytes("x.csv", data)
	if e := importKey(t, err); e.Key != ErrTableTooLarge {
		t.Fatalf("got %+v, want %s", e, ErrTableTooLarge)
	}
	// One row fewer than the budget allows is read.
	if _, err := ReadBytes("x.csv", []byte(strings.Repeat(line, rows-3))); err != nil {
		t.Fatal(err)
	}
}

// zipWith is a workbook-like archive whose part declares size bytes unpacked.
func zipWith(t *testing.T, name string, size int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for n := 0; n < size; n += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A zip bomb is refused from the sizes the archive declares, before anything is unpacked.
func TestZipBombRefused(t *testing.T) {
	bomb := zipWith(t, "xl/worksheets/sheet1.xml", MaxUnzippedBytes+1)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes, meant to be small", len(bomb))
	}
	_, err := ReadBytes("bomb.xlsx", bomb)
	if e := importKey(t, err); e.Key != ErrUnzipTooLarge {
		t.Fatalf("got %+v, want %s", e, ErrUnzipTooLarge)
	}
	_, err = ReadBytes("strings.xlsx", zipWith(t, "xl/sharedStrings.xml", maxSharedStrings+1))
	if e := importKey(t, err); e.Key != ErrUnzipTooLarge {
		t.Fatalf("got %+v, want %s", e, ErrUnzipTooLarge)
	}
}

// Reading in pieces gives what reading whole gives, also when a piece ends inside a character.
func TestValidUTF8ReaderAcrossPieces(t *testing.T) {
	in := strings.Repeat("ä", 20000) + "\xe9" + strings.Repeat("ü", 20000)
	var out bytes.Buffer
	if _, err := out.ReadFrom(&validUTF8Reader{r: strings.NewReader(in)}); err != nil {
		t.Fatal(err)
	}
	if want := strings.ToValidUTF8(in, "\uFFFD"); out.String() != want {
		t.Fatalf("pieces differ from whole: %d vs %d bytes", out.Len(), len(want))
	}
	valid, broken, stray, err := scanUTF8(strings.NewReader(in))
	if err != nil || valid != 40000 || broken != 1 || len(stray) != 1 || stray[0] != 1 {
		t.Fatalf("scan: %d valid, %d broken, lines %v, %v", valid, broken, stray, err)
	}
}

// A task name over the limit is refused by the task import with the domain's key, naming line.
func TestTaskImportRefusesOverLongName(t *testing.T) {
	data := []byte("Tätigkeit;Anmerkungen\nBackup;täglich\n" + strings.Repeat("x", domain.MaxNameChars+1) + ";\n")
	tab, err := ReadBytes("aufgaben.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadTasks(tab, GuessTaskMapping(tab))
	if e := importKey(t, err); e.Key != string(domain.ErrTextTooLong) || e.Line != 3 {
		t.Fatalf("got %+v, want %s at line 3", e, domain.ErrTextTooLong)
	}
}

// errReader fails when read: ReadAllFrom must not read a file it can refuse by its size.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("read") }

// A file over MaxFileBytes (sparse, 256 MB + 1) is refused before a byte is read, as the GUI
// opens it; one within the limit is read.
func TestReadAllFromRefusesBySize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gross.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadAllFrom("gross.csv", path, errReader{})
	if e := importKey(t, err); e.Key != ErrTooLarge {
		t.Fatalf("got %+v, want %s", e, ErrTooLarge)
	}
	if b, err := ReadAllFrom("klein.csv", "", strings.NewReader("ID;A\n1;2\n")); err != nil || len(b) != 9 {
		t.Fatalf("%q %v", b, err)
	}
}
