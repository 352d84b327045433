package reports

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCleanKeepsTextAndReplacesWhatTheFontLacks(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"Drucker 🖨️ defekt 😀", false, "Drucker □ defekt □"},
		{"Familie 👨‍👩‍👧 und 👍🏽", false, "Familie □ und □"}, // a sequence is one placeholder
		{"Hausmeister 👷🏽‍♀️, ♀ bleibt", false, "Hausmeister □, ♀ bleibt"},
		{"Ru\u0308cksprache, Gro\u0308\u00dfe", false, "Rücksprache, Größe"},
		{"a\tb\x00c\x07\r\nd\re", true, "a bc\nd\ne"},
		{"a\r\nb\nc", false, "a b c"},
		{"\ufeffBOM\u200b und\u00adweich", false, "BOM undweich"},
		{"kaputt \xff\xfe Bytes", false, "kaputt □ Bytes"},
		{"Straße – „Zitat“ € ½ ✓", false, "Straße – „Zitat“ € ½ ✓"},
		{"中文", false, "□"}, // DejaVu Sans has no CJK
		{"", false, ""},
	}
	for _, c := range cases {
		if got := clean(c.in, c.multiline); got != c.want {
			t.Errorf("clean(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

func TestCoverageComesFromTheFont(t *testing.T) {
	for _, r := range "AZaz09äöüÄÖÜß€–„“…□" {
		if !covered(r) {
			t.Errorf("%q should be covered by DejaVu Sans", r)
		}
	}
	for _, r := range []rune{'😀', 0x1F5A8, '中', 0xE000, 0xFFFF} {
		if covered(r) {
			t.Errorf("%U should not count as covered", r)
		}
	}
}

func TestFormatNumberGerman(t *testing.T) {
	cases := map[float64]string{
		0: "0", 2: "2", 2.5: "2,5", 8.666666: "8,67", 1234.5: "1.234,5", 1000000: "1.000.000", 0.004: "0", -3.25: "-3,25",
	}
	for in, want := range cases {
		if got := formatNumber(in); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", in, got, want)
		}
	}
	if got := formatHours(2.5); got != "2,5 h" {
		t.Errorf("formatHours(2.5) = %q", got)
	}
}

// pageSizes lists each page's size in points as pdfinfo reports it, e.g. "841.89 x 595.28".
func pageSizes(t *testing.T, path string, n int) []string {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdfinfo"), "-f", "1", "-l", fmt.Sprint(n), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	var sizes []string
	for _, m := range regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+ x [\d.]+)`).FindAllStringSubmatch(string(out), -1) {
		sizes = append(sizes, m[1])
	}
	return sizes
}

func TestLandscapeTableRepeatsHeaderAndKeepsOrientation(t *testing.T) {
	r := newReport("Querformat", fixedDate)
	r.SectionOn(Landscape, 11, "RACI-Matrix")
	cols := []Column{{Title: "Aktivität", Width: 4}}
	for i := 1; i <= 20; i++ {
		cols = append(cols, Column{Title: fmt.Sprintf("R%02d", i), Width: 1, Align: AlignCenter})
	}
	var rows [][]string
	for i := 1; i <= 80; i++ {
		row := []string{fmt.Sprintf("Aktivität %d", i)}
		for j := 1; j <= 20; j++ {
			row = append(row, string("RACI"[(i+j)%4]))
		}
		rows = append(rows, row)
	}
	r.Table(Table{Columns: cols, Rows: rows, Zebra: true})
	r.Section(12, "Hochformat danach")
	r.Paragraph("Wieder hochkant.")
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "quer.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	n := pdfPageCount(t, path)
	if n < 3 {
		t.Fatalf("80 rows should need several landscape pages, got %d pages", n)
	}
	sizes := pageSizes(t, path, n)
	for i, s := range sizes[:n-1] {
		if s != "841.89 x 595.28" {
			t.Errorf("page %d is %s, want landscape A4", i+1, s)
		}
	}
	if sizes[n-1] != "595.28 x 841.89" {
		t.Errorf("last page is %s, want portrait A4", sizes[n-1])
	}
	for i := 1; i < n; i++ {
		pg := pageText(t, path, i)
		if c := strings.Count(pg, "R20"); c != 1 {
			t.Errorf("landscape page %d shows the header %d times", i, c)
		}
	}
}

func TestTooTallHeaderIsAnErrorNotALoop(t *testing.T) {
	r := newReport("Fehler", fixedDate)
	r.Section(1, "Test")
	r.Table(Table{Columns: []Column{{Title: strings.Repeat("Überschrift ", 900), Width: 1}}, Rows: [][]string{{"x"}}})
	if r.Err() == nil {
		t.Fatal("a header taller than a third of the page must be reported")
	}
}

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
	pdfPageCount(t, target)
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
