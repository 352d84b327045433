package pdfkit

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// describe sets the PDF's document properties for a report called title: Title, Author,
// Subject, Keywords and Creator in the info dictionary, and the same with the language in XMP
// metadata, since gofpdf cannot set the catalog's /Lang.
func (r *Report) describe(p *domain.Project, title, subject string) {
	dc := p.DocumentControlConfig()
	fullTitle := Line(title + " – " + p.Meta.Name)
	author := Line(dc.Author)
	if author == "" {
		author = Line(p.Meta.Schultraeger)
	}
	keywords := Line(strings.Join(nonEmpty(Tr("reports.keywords"), p.Meta.Schultraeger, p.Meta.Name), ", "))
	subject = Line(subject)
	r.pdf.SetTitle(fullTitle, true)
	r.pdf.SetAuthor(author, true)
	r.pdf.SetSubject(subject, true)
	r.pdf.SetKeywords(keywords, true)
	r.pdf.SetCreator(Tr("app.name"), true)
	// The footer names the version and the day the data stand on, not only the print date;
	// documents that leave the house (bidders, provider) do not name the program.
	r.FooterLeft = Line(title + " · " + Tr("reports.footer.version_as_of", map[string]any{
		"Version": Line(dc.Version), "Date": FormatDate(r.asOf.Time)}))
	if !r.outside {
		r.FooterLeft = Line(Tr("app.name") + " · " + r.FooterLeft)
	}
	r.pdf.SetXmpMetadata(xmpPacket(xmpInfo{
		Title: fullTitle, Author: author, Subject: subject, Keywords: keywords,
		Language: Tr("reports.language"), Creator: Tr("app.name"), Date: r.date,
	}))
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

type xmpInfo struct {
	Title, Author, Subject, Keywords, Language, Creator string
	Date                                                time.Time
}

// xmpPacket is a minimal XMP packet (Dublin Core, PDF and XMP basic schemas).
func xmpPacket(in xmpInfo) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := in.Date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` + "\n")
	b.WriteString(`<dc:format>application/pdf</dc:format>` + "\n")
	b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(in.Title) + `</rdf:li></rdf:Alt></dc:title>` + "\n")
	b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + esc(in.Author) + `</rdf:li></rdf:Seq></dc:creator>` + "\n")
	b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(in.Subject) + `</rdf:li></rdf:Alt></dc:description>` + "\n")
	b.WriteString(`<dc:language><rdf:Bag><rdf:li>` + esc(in.Language) + `</rdf:li></rdf:Bag></dc:language>` + "\n")
	b.WriteString(`<pdf:Keywords>` + esc(in.Keywords) + `</pdf:Keywords>` + "\n")
	b.WriteString(`<pdf:Producer>` + esc(in.Creator) + `</pdf:Producer>` + "\n")
	b.WriteString(`<xmp:CreatorTool>` + esc(in.Creator) + `</xmp:CreatorTool>` + "\n")
	b.WriteString(`<xmp:CreateDate>` + date + `</xmp:CreateDate>` + "\n")
	b.WriteString(`<xmp:ModifyDate>` + date + `</xmp:ModifyDate>` + "\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="r"?>`)
	return []byte(b.String())
}

// DocumentFields are the title page's lines about the document: version and status, author
// and contact, the deciding body (for a committee's papers, not for the tender that goes to
// bidders), print date and Datenstand side by side.
func DocumentFields(p *domain.Project, date time.Time, forCommittee bool) [][2]string {
	dc := p.DocumentControlConfig()
	fields := [][2]string{
		{Tr("reports.doc.version"), Tr("reports.doc.version_status", map[string]any{
			"Version": Line(dc.Version), "Status": Tr("reports.doc.status." + string(dc.Status))})},
		{Tr("reports.doc.author"), OrDash(Line(dc.Author))},
	}
	if c := Line(dc.Contact); c != "" {
		fields = append(fields, [2]string{Tr("reports.doc.contact"), c})
	}
	if c := Line(dc.Committee); c != "" && forCommittee {
		fields = append(fields, [2]string{Tr("reports.doc.committee"), c})
	}
	fields = append(fields, [2]string{Tr("reports.doc.dates"), Tr("reports.doc.dates_value", map[string]any{
		"Printed": FormatDate(date), "AsOf": FormatDate(p.AsOf(date).Time)})})
	return fields
}

// approvalBlock is the framed box at the foot of a title page: who approved the document on
// which day, or empty lines to sign while it is not final.
func (r *Report) approvalBlock(p *domain.Project, bottom float64) {
	dc := p.DocumentControlConfig()
	pdf := r.pdf
	const h = 24.0
	top := bottom - h
	pdf.SetDrawColor(ColorBorder.R, ColorBorder.G, ColorBorder.B)
	pdf.SetLineWidth(0.3)
	pdf.Rect(r.Left(), top, r.Width(), h, "D")
	pdf.SetXY(r.Left()+2, top+2)
	r.SetFont("B", BodySize)
	r.SetText(ColorText)
	pdf.CellFormat(r.Width()-4, LineHeight(BodySize), Tr("reports.doc.approval"), "", 2, "L", false, 0, "")
	by, on := Line(dc.ApprovedBy), ""
	if dc.ApprovedOn != nil {
		on = FormatDate(dc.ApprovedOn.Time)
	}
	colW := (r.Width() - 4) / 2
	y := top + 15
	for i, f := range [][2]string{{Tr("reports.doc.approved_by"), by}, {Tr("reports.doc.approved_on"), on}} {
		x := r.Left() + 2 + float64(i)*colW
		if f[1] != "" {
			r.SetFont("", BodySize)
			r.SetText(ColorText)
			pdf.SetXY(x, y-LineHeight(BodySize))
			pdf.CellFormat(colW-6, LineHeight(BodySize), r.Fit(f[1], colW-6), "", 0, "L", false, 0, "")
		}
		pdf.SetDrawColor(colorRule.R, colorRule.G, colorRule.B)
		pdf.SetLineWidth(0.2)
		pdf.Line(x+CellMargin, y, x+colW-6, y)
		r.SetFont("", SmallSize)
		r.SetText(ColorMuted)
		pdf.SetXY(x, y+0.5)
		pdf.CellFormat(colW-6, LineHeight(SmallSize), f[0], "", 0, "L", false, 0, "")
	}
	r.SetText(ColorText)
}

var (
	catalogMark  = []byte("/Type /Catalog")
	xmpObject    = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<< /Type /Metadata /Subtype /XML `)
	startXrefEnd = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
)

// Output writes the finished PDF to w. gofpdf writes the XMP metadata object but does not name
// it in the catalog, so readers would not find the language: the catalog gets its /Metadata
// entry here. The catalog is the last object before the cross-reference table, so only the
// table's own offset moves.
func (r *Report) Output(w io.Writer) error {
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return err
	}
	out, err := linkXMP(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

func linkXMP(doc []byte) ([]byte, error) {
	m := xmpObject.FindSubmatch(doc)
	if m == nil {
		return doc, nil // no metadata to link
	}
	cat := bytes.LastIndex(doc, catalogMark)
	sx := startXrefEnd.FindSubmatchIndex(doc)
	if cat < 0 || sx == nil || sx[2] < cat {
		return nil, errors.New("pdf: catalog or cross-reference table not found")
	}
	offset, err := strconv.Atoi(string(doc[sx[2]:sx[3]]))
	if err != nil || offset < cat {
		return nil, errors.New("pdf: cross-reference table before the catalog")
	}
	insert := []byte("\n/Metadata " + string(m[1]) + " 0 R")
	at := cat + len(catalogMark)
	out := make([]byte, 0, len(doc)+len(insert)+4)
	out = append(out, doc[:at]...)
	out = append(out, insert...)
	out = append(out, doc[at:sx[2]]...)
	out = append(out, strconv.Itoa(offset+len(insert))...)
	out = append(out, doc[sx[3]:]...)
	return out, nil
}
