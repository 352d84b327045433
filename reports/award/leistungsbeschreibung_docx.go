package award

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// The Leistungsbeschreibung as Word document (.docx): the same blocks as the PDF and the
// Markdown (specDoc), written with Word's own styles so that a procurement office edits a real
// document: chapters and parts in "Heading 1"/"Heading 2" (numbered as in the PDF, and listed in
// Word's navigation pane and table of contents), lists in "List Bullet", label–value facts and
// tables as Word tables with a repeated header row. A4 portrait, German as proofing language.

// A4 in twentieths of a point, margins as the PDF (20 mm left and right, 25 mm top and bottom).
const (
	docxPageW     = 11906
	docxPageH     = 16838
	docxMarginLR  = 1134
	docxMarginTB  = 1417
	docxTextWidth = docxPageW - 2*docxMarginLR
	docxHeadFill  = "E7ECF2" // header row of a table
	docxFootFill  = "F2F2F2" // total rows
	docxMutedText = "5A5A5A" // notes
)

// WriteServiceSpecDocx writes the Leistungsbeschreibung as Word document to w.
func WriteServiceSpecDocx(w io.Writer, p *domain.Project, opt pdfkit.Options) error {
	_, date, err := opt.Begin(p) // prints the texts as they are
	if err != nil {
		return err
	}
	doc, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("%s: %w", tr("reports.err.docx"), err)
	}
	docxSetUp(doc, p, date)
	docxTitlePage(doc, p, date)
	blocks, err := specBlocks(p, p.AsOf(date), opt)
	if err != nil {
		return err
	}
	for _, b := range blocks {
		switch b.kind {
		case specHeading:
			if _, err := doc.AddHeading(pdfkit.Line(b.number+" "+b.text), uint(b.level+1)); err != nil {
				return fmt.Errorf("%s: %w", tr("reports.err.docx"), err)
			}
		case specPara:
			doc.AddParagraph(docxText(b.text))
		case specNote:
			p := doc.AddEmptyParagraph()
			p.AddText(docxText(b.text)).Italic(true).Color(docxMutedText)
		case specBullets:
			for _, it := range b.items {
				doc.AddParagraph(docxText(it)).Style("ListBullet")
			}
		case specPairs:
			docxPairs(doc, b.pairs)
		case specTable:
			docxTable(doc, b.table)
		}
	}
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return fmt.Errorf("%s: %w", tr("reports.err.docx"), err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteServiceSpecDocxFile writes the Word document to path atomically.
func WriteServiceSpecDocxFile(path string, p *domain.Project, opt pdfkit.Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteServiceSpecDocx(w, p, opt) })
}

// docxSetUp sets page size and margins, the proofing language and the document properties
// (title, author as in the PDF; the template's own creator, description and thumbnail go).
func docxSetUp(doc *docx.RootDoc, p *domain.Project, date time.Time) {
	w, h := uint64(docxPageW), uint64(docxPageH)
	lr, tb, hf, gutter := docxMarginLR, docxMarginTB, 709, 0
	doc.Document.Body.SectPr = &ctypes.SectionProp{
		PageSize:   &ctypes.PageSize{Width: &w, Height: &h},
		PageMargin: &ctypes.PageMargin{Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Gutter: &gutter},
	}
	if st := doc.DocStyles; st != nil {
		if st.DocDefaults == nil {
			st.DocDefaults = &ctypes.DocDefault{}
		}
		if st.DocDefaults.RunProp == nil {
			st.DocDefaults.RunProp = &ctypes.RunPropDefault{}
		}
		if st.DocDefaults.RunProp.RunProp == nil {
			st.DocDefaults.RunProp.RunProp = &ctypes.RunProperty{}
		}
		language := tr("reports.language")
		rp := st.DocDefaults.RunProp.RunProp
		rp.Lang = &ctypes.Lang{Val: &language, EastAsia: &language}
		// A sans-serif body as in the PDF (Word has Arial; LibreOffice maps it to Liberation Sans).
		rp.Fonts = &ctypes.RunFonts{Ascii: "Arial", HAnsi: "Arial", CS: "Arial", EastAsia: "Arial"}
	}
	dc := p.DocumentControlConfig()
	author := pdfkit.Line(dc.Author)
	if author == "" {
		author = pdfkit.Line(p.Meta.Schultraeger)
	}
	doc.FileMap.Store("docProps/core.xml", docxCoreProps(pdfkit.Line(tr("award.spec.title")+" – "+p.Meta.Name), author,
		pdfkit.Line(tr("award.spec.subject")), tr("reports.language"), date))
	doc.FileMap.Store("docProps/app.xml", docxAppProps())
	// The template's preview image shows another document: leave it out.
	doc.FileMap.Delete("docProps/thumbnail.jpeg")
	var rels []*docx.Relationship
	for _, r := range doc.RootRels.Relationships {
		if !strings.HasSuffix(r.Target, "thumbnail.jpeg") {
			rels = append(rels, r)
		}
	}
	doc.RootRels.Relationships = rels
}

// docxCoreProps is docProps/core.xml: title, author, subject, language and dates.
func docxCoreProps(title, author, subject, language string, date time.Time) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:subject>` + esc(subject) + `</dc:subject>` +
		`<dc:creator>` + esc(author) + `</dc:creator><cp:lastModifiedBy>` + esc(author) + `</cp:lastModifiedBy>` +
		`<dc:language>` + esc(language) + `</dc:language><cp:revision>1</cp:revision>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>` +
		`</cp:coreProperties>`)
}

// docxAppProps is docProps/app.xml, naming the writing application as the PDF's Creator does
// (the template names another one).
func docxAppProps() []byte {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(tr("app.name")))
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Application>` + b.String() + `</Application><DocSecurity>0</DocSecurity></Properties>`)
}

// docxTitlePage: Schulträger, title, subtitle, project and the document's fields, the draft
// note, then a page break – as the PDF's title page.
func docxTitlePage(doc *docx.RootDoc, p *domain.Project, date time.Time) {
	if s := pdfkit.Line(p.Meta.Schultraeger); s != "" {
		doc.AddEmptyParagraph().AddText(s).Size(24).Color(docxMutedText)
	}
	doc.AddParagraph(tr("award.spec.title")).Style("Title")
	doc.AddParagraph(docxText(tr("award.spec.subtitle"))).Style("Subtitle")
	name := pdfkit.Line(p.Meta.Name)
	if name == "" {
		name = tr("reports.unnamed")
	}
	doc.AddEmptyParagraph().AddText(name).Bold(true).Size(32)
	docxPairs(doc, append([][2]string{
		{tr("reports.meta.schultraeger"), pdfkit.OrDash(p.Meta.Schultraeger)},
		{tr("reports.meta.bundesland"), pdfkit.BundeslandName(p.Meta.Bundesland)},
	}, pdfkit.DocumentFields(p, date, false)...))
	doc.AddEmptyParagraph().AddText(docxText(tr("award.spec.title_note"))).Italic(true).Color(docxMutedText)
	doc.AddPageBreak()
}

// docxPairs writes label–value facts as a two-column table, labels in bold.
func docxPairs(doc *docx.RootDoc, pairs [][2]string) {
	t := doc.AddTable()
	t.Style("TableGrid")
	t.Width(docxTextWidth, stypes.TableWidthDxa)
	label := docxTextWidth * 3 / 10
	t.Grid(uint64(label), uint64(docxTextWidth-label))
	for _, kv := range pairs {
		row := t.AddRow()
		c := row.AddCell().Width(label, stypes.TableWidthDxa)
		c.AddEmptyPara().AddText(docxText(kv[0])).Bold(true)
		docxCellLines(row.AddCell().Width(docxTextWidth-label, stypes.TableWidthDxa), kv[1], pdfkit.AlignLeft)
	}
	doc.AddEmptyParagraph()
}

// docxTable writes a Table: header row in bold, shaded and repeated on every page, the foot
// rows in bold on grey; column widths in the table's proportions, alignment as in the PDF.
func docxTable(doc *docx.RootDoc, tb pdfkit.Table) {
	t := doc.AddTable()
	t.Style("TableGrid")
	t.Width(docxTextWidth, stypes.TableWidthDxa)
	widths := docxColumnWidths(tb, docxTextWidth)
	grid := make([]uint64, len(widths))
	for i, w := range widths {
		grid[i] = uint64(w)
	}
	t.Grid(grid...)
	addRow := func(cells []string, fill string, bold bool) {
		row := t.AddRow()
		for i, col := range tb.Columns {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			c := row.AddCell().Width(widths[i], stypes.TableWidthDxa)
			if fill != "" {
				c.BackgroundColor(fill)
			}
			for _, r := range docxCellLines(c, text, col.Align) {
				r.Bold(bold)
			}
		}
	}
	head := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		head[i] = c.Title
	}
	addRow(head, docxHeadFill, true)
	// The header row repeats on every page the table runs over.
	t.GetCT().RowContents[0].Row.Property.Header = &ctypes.OnOff{}
	for _, r := range tb.Rows {
		addRow(r, "", false)
	}
	for _, r := range tb.Foot {
		addRow(r, docxFootFill, true)
	}
	doc.AddEmptyParagraph()
}

// docxCharWidth is about the width of a bold character of 11-point Arial in twips (0.6 em), and
// docxCellMargins the cell's left and right padding in Word's default table style.
const (
	docxCharWidth   = 130
	docxCellMargins = 230
)

// docxColumnWidths shares total among the columns in the table's proportions, but gives each
// column at least the width of its longest word (header or cell, up to 20 characters), so that
// no word is broken inside ("Wiederherstellung", "Nr."); what that takes is taken from the
// columns wider than their own minimum, in proportion.
func docxColumnWidths(tb pdfkit.Table, total int) []int {
	n := len(tb.Columns)
	share := make([]float64, n)
	sum := 0.0
	for i, c := range tb.Columns {
		share[i] = c.Width
		if share[i] <= 0 {
			share[i] = 1
		}
		sum += share[i]
	}
	longest := make([]int, n)
	measure := func(i int, text string) {
		for _, w := range strings.Fields(text) {
			longest[i] = max(longest[i], min(utf8.RuneCountInString(w), 20))
		}
	}
	for i, c := range tb.Columns {
		measure(i, c.Title)
	}
	for _, rows := range [][][]string{tb.Rows, tb.Foot} {
		for _, r := range rows {
			for i := 0; i < n && i < len(r); i++ {
				measure(i, r[i])
			}
		}
	}
	widths := make([]int, n)
	raised := make([]bool, n)
	fixed, free := 0, 0.0
	for i := range widths {
		minimum := longest[i]*docxCharWidth + docxCellMargins
		widths[i] = int(share[i] / sum * float64(total))
		if widths[i] < minimum {
			widths[i], raised[i] = minimum, true
			fixed += minimum
		} else {
			free += share[i]
		}
	}
	// The others share what the raised columns leave, in their proportions.
	if fixed > 0 && free > 0 {
		rest := float64(total - fixed)
		for i := range widths {
			if !raised[i] {
				widths[i] = max(longest[i]*docxCharWidth+docxCellMargins, int(share[i]/free*rest))
			}
		}
	}
	return widths
}

// docxCellLines writes a cell's text, one paragraph per line, and returns the runs.
func docxCellLines(c *docx.Cell, text string, align pdfkit.Align) []*docx.Run {
	var runs []*docx.Run
	for _, l := range strings.Split(pdfkit.Clean(text, true), "\n") {
		p := c.AddEmptyPara()
		switch align {
		case pdfkit.AlignRight:
			p.Justification(stypes.JustificationRight)
		case pdfkit.AlignCenter:
			p.Justification(stypes.JustificationCenter)
		}
		runs = append(runs, p.AddText(l))
	}
	return runs
}

// docxText is user text as one paragraph: control characters out, line breaks as spaces.
func docxText(s string) string {
	return strings.Join(strings.Fields(pdfkit.Clean(s, true)), " ")
}
