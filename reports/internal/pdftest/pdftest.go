// Package pdftest holds what the report packages' tests share to read the PDFs they write:
// pdftotext and pdfinfo, and the check that numbers, dates and amounts never break across lines.
package pdftest

import (
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sample"

	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"schulit-lotse/assets"
)

// NeedTool is the path of a poppler tool; the test fails when it is missing.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed to check the PDF but is not installed: apt-get install poppler-utils", name)
	}
	return path
}

// PageTexts runs pdftotext over the whole file and returns the text of each page (index 0 = page 1).
func PageTexts(t testing.TB, path string, layout bool) []string {
	t.Helper()
	bin := NeedTool(t, "pdftotext")
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	cmd := exec.Command(bin, append(args, path, "-")...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext failed or complained (invalid PDF?): %v\n%s", err, stderr.String())
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// PageText is one page (1-based) through pdftotext -f n -l n.
func PageText(t testing.TB, path string, n int) string {
	t.Helper()
	bin := NeedTool(t, "pdftotext")
	out, err := exec.Command(bin, "-enc", "UTF-8", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", n, err)
	}
	return string(out)
}

// PageCount asks pdfinfo, which also proves the file parses.
func PageCount(t testing.TB, path string) int {
	t.Helper()
	bin := NeedTool(t, "pdfinfo")
	out, err := exec.Command(bin, path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo rejects the PDF: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			var n int
			fmt.Sscan(strings.TrimSpace(rest), &n)
			return n
		}
	}
	t.Fatalf("pdfinfo printed no page count:\n%s", out)
	return 0
}

// Squash removes the line breaks and spacing pdftotext puts into wrapped cells.
func Squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// protectedToken is what a line may never break inside: amounts with their currency, numbers
// with their unit, dates and plain numbers with separators.
var protectedToken = regexp.MustCompile(`\d{1,3}(?:\.\d{3})*(?:,\d+)?[ \x{00a0}](?:€|%|h\b|VZÄ)|\d{2}\.\d{2}\.\d{4}|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+`)

// CheckUnbroken asserts that every protected token of a cell stands whole on one of its lines.
func CheckUnbroken(t *testing.T, where, text string, lines []string) {
	t.Helper()
	norm := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	joined := make([]string, len(lines))
	for i, l := range lines {
		joined[i] = norm(l)
	}
	for _, tok := range protectedToken.FindAllString(norm(text), -1) {
		whole := false
		for _, l := range joined {
			if strings.Contains(l, tok) {
				whole = true
				break
			}
		}
		if !whole {
			t.Errorf("%s: %q is broken across lines %q", where, tok, lines)
		}
	}
}

// PageSizes lists each page's size in points as pdfinfo reports it, e.g. "841.89 x 595.28".
func PageSizes(t testing.TB, path string, n int) []string {
	t.Helper()
	out, err := exec.Command(NeedTool(t, "pdfinfo"), "-f", "1", "-l", fmt.Sprint(n), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	var sizes []string
	for _, m := range regexp.MustCompile(`Page\s+\d+ size:\s+([\d.]+ x [\d.]+)`).FindAllStringSubmatch(string(out), -1) {
		sizes = append(sizes, m[1])
	}
	return sizes
}

// WritePDF writes the PDF that write produces into a temporary file and returns its path.
func WritePDF(t testing.TB, write func(w io.Writer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// PDFPages writes the PDF that write produces into a temporary file and returns its pages' text.
func PDFPages(t testing.TB, write func(w io.Writer) error) []string {
	t.Helper()
	return PageTexts(t, WritePDF(t, write), false)
}

// PDFText is the text of all pages of the PDF that write produces, squashed to single spaces.
func PDFText(t testing.TB, write func(w io.Writer) error) string {
	t.Helper()
	return AllText(t, WritePDF(t, write))
}

// AllText is the text of all pages of the PDF at path, squashed to single spaces.
func AllText(t testing.TB, path string) string {
	t.Helper()
	return Squash(strings.Join(PageTexts(t, path, false), "\n"))
}

// Rows are n rows "Zeile-01", "x" … for a table of two columns.
func Rows(n int) [][]string {
	var rows [][]string
	for i := 1; i <= n; i++ {
		rows = append(rows, []string{fmt.Sprintf("Zeile-%02d", i), "x"})
	}
	return rows
}

// FixedDate is the document date of the tests: the same date gives byte-identical PDFs.
var FixedDate = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// Main runs a package's tests in German, the language the expected texts are written in.
func Main(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}

// HasAll fails the test for every one of wants that text (a document, named what) lacks.
func HasAll(t testing.TB, what, text string, wants []string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// Sample is the sample project "Musterstadt" (internal/sample).
func Sample(t testing.TB) *domain.Project {
	t.Helper()
	p, err := sample.Project()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
