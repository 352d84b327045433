package award

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
	"schulit-lotse/reports/pdfkit"
)

// docxPara is one paragraph of word/document.xml: its style and text; inTable marks cells.
type docxPara struct {
	style, text string
	inTable     bool
}

// docxParagraphs reads the paragraphs of a .docx's word/document.xml in order, and the count
// of tables and of header rows repeated on every page.
func docxParagraphs(t *testing.T, data []byte) (paras []docxPara, tables, headerRows int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	if body == nil {
		t.Fatal("no word/document.xml")
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var cur *docxPara
	depth, inText := 0, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml is not well-formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "tbl":
				tables++
				depth++
			case "tblHeader":
				headerRows++
			case "p":
				cur = &docxPara{inTable: depth > 0}
			case "pStyle":
				for _, a := range el.Attr {
					if a.Name.Local == "val" && cur != nil {
						cur.style = a.Value
					}
				}
			case "t":
				inText = true
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "tbl":
				depth--
			case "p":
				if cur != nil {
					paras = append(paras, *cur)
				}
				cur = nil
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.text += string(el)
			}
		}
	}
	return paras, tables, headerRows
}

func docxAllText(paras []docxPara) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(p.text + "\n")
	}
	return pdftest.Squash(b.String())
}

// The Word document carries the PDF's content for bidders: headings in Word's heading styles
// (package names as "Heading2"), real tables with a repeated header row, the contract years'
// holidays, and no hint, disclaimer, empty package or program name.
func TestServiceSpecDocxOfTheSample(t *testing.T) {
	p := pdftest.Sample(t)
	var buf bytes.Buffer
	if err := WriteServiceSpecDocx(&buf, p, pdfkit.Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	paras, tables, headerRows := docxParagraphs(t, buf.Bytes())
	text := docxAllText(paras)

	headings := map[string]string{}
	for _, para := range paras {
		if strings.HasPrefix(para.style, "Heading") {
			headings[para.text] = para.style
		}
	}
	spec := domain.BuildServiceSpec(p)
	if len(spec.Packages) == 0 {
		t.Fatal("the sample hands out no package")
	}
	for i, sp := range spec.Packages {
		// Chapter 2 lists the packages as 2.1, 2.2, …
		want := "2." + string(rune('1'+i)) + " " + sp.Package.Name
		if headings[want] != "Heading2" {
			t.Errorf("package %q is not a Heading2 %q (headings: %v)", sp.Package.Name, want, headings)
		}
	}
	for _, h := range []string{"1 Gegenstand und Ausgangslage", "2 Leistungen je Aufgabenpaket", "3 Servicelevel"} {
		if headings[h] != "Heading1" {
			t.Errorf("chapter %q is not a Heading1", h)
		}
	}
	// The sample's tables: chapter 1's facts, per package facts and tasks, SLAs, calendar …
	if tables < 10 {
		t.Errorf("%d tables, want at least 10", tables)
	}
	if headerRows < 5 {
		t.Errorf("%d repeated header rows, want one per data table (at least 5)", headerRows)
	}
	for _, k := range specHintKeys {
		if hint := pdftest.Squash(tr(k)); hint != k && strings.Contains(text, hint) {
			t.Errorf("the Word document carries the hint %q", k)
		}
	}
	for _, s := range append(specForbiddenPhrases, tr("app.name"), "Aufwand heute 0 h") {
		if strings.Contains(text, s) {
			t.Errorf("the Word document carries %q", s)
		}
	}
	pdftest.HasAll(t, "the Word document", text, []string{"Vertragslaufzeit 24 Monate, vom 01.01.2027 bis 31.12.2028",
		"Fr 01.01.2027 Neujahrstag", "Di 26.12.2028 Zweiter Weihnachtsfeiertag", "Sommerferien Niedersachsen 2027"})
	for _, w := range []string{"01.01.2026", "Sommerferien Niedersachsen 2026", "01.01.2029"} {
		if strings.Contains(text, w) {
			t.Errorf("the Word document covers a year outside the contract: %q", w)
		}
	}
	// Every paragraph of the PDF's content model is in the document, in the same order.
	at := 0
	blocks, err := specBlocks(p, p.AsOf(fixedDate), pdfkit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		if b.kind != specPara && b.kind != specHeading {
			continue
		}
		want := pdftest.Squash(docxText(b.text))
		if b.kind == specHeading {
			want = pdftest.Squash(pdfkit.Line(b.number + " " + b.text))
		}
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Errorf("the Word document lacks, or has out of order, %q", want)
			continue
		}
		at += i + len(want)
	}
}

// Narrow columns get the width of their longest word; the others share the rest.
func TestDocxColumnWidths(t *testing.T) {
	tb := pdfkit.Table{Columns: []pdfkit.Column{{Title: "Nr.", Width: 6}, {Title: "Aufgabe", Width: 44}, {Title: "Wiederherstellung", Width: 14}, {Title: "Hinweis", Width: 36}},
		Rows: [][]string{{"12", "WLAN-Störungen beheben", "4 h", "kurz"}}}
	got := docxColumnWidths(tb, 10000)
	// Shares of 10,000: 600, 4400, 1400, 3600. "Wiederherstellung" (17 characters) needs
	// 17 × 130 + 230 = 2440 > 1400 and "Nr." 3 × 130 + 230 = 620 > 600: both raised. The
	// other two (shares 44 + 36 = 80) share 10,000 − 2440 − 620 = 6940: 44/80 × 6940 = 3817,
	// 36/80 × 6940 = 3123.
	want := []int{620, 3817, 2440, 3123}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("widths %v, want %v", got, want)
	}
}
