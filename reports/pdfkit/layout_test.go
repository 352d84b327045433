package pdfkit

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"schulit-lotse/reports/internal/pdftest"
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
		if got := Clean(c.in, c.multiline); got != c.want {
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
		if got := FormatNumber(in); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", in, got, want)
		}
	}
	if got := FormatHours(2.5); got != "2,5 h" {
		t.Errorf("formatHours(2.5) = %q", got)
	}
}

func TestLandscapeTableRepeatsHeaderAndKeepsOrientation(t *testing.T) {
	r := NewReport("Querformat", fixedDate)
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
	path := pdftest.WritePDF(t, func(w io.Writer) error { return r.pdf.Output(w) })
	n := pdftest.PageCount(t, path)
	if n < 3 {
		t.Fatalf("80 rows should need several landscape pages, got %d pages", n)
	}
	sizes := pdftest.PageSizes(t, path, n)
	for i, s := range sizes[:n-1] {
		if s != "841.89 x 595.28" {
			t.Errorf("page %d is %s, want landscape A4", i+1, s)
		}
	}
	if sizes[n-1] != "595.28 x 841.89" {
		t.Errorf("last page is %s, want portrait A4", sizes[n-1])
	}
	for i := 1; i < n; i++ {
		pg := pdftest.PageText(t, path, i)
		if c := strings.Count(pg, "R20"); c != 1 {
			t.Errorf("landscape page %d shows the header %d times", i, c)
		}
	}
}

func TestTooTallHeaderIsAnErrorNotALoop(t *testing.T) {
	r := NewReport("Fehler", fixedDate)
	r.Section(1, "Test")
	r.Table(Table{Columns: []Column{{Title: strings.Repeat("Überschrift ", 900), Width: 1}}, Rows: [][]string{{"x"}}})
	if r.Err() == nil {
		t.Fatal("a header taller than a third of the page must be reported")
	}
}
