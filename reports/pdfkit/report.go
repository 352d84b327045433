// Package pdfkit is the PDF machinery the reports share (gofpdf underneath): Report, the small
// layout API of headings, paragraphs, callouts and tables that break across pages; the title
// page, the table of contents and the book layout that fills in its page numbers; document
// properties and control; the appendix; clean text, wrapping and the number and date formats of
// the report language; and writing a finished PDF atomically.
package pdfkit

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
)

// Orientation of a page.
type Orientation int

const (
	Portrait Orientation = iota
	Landscape
)

// Page layout in millimetres and points. The body leaves room above for the header line and
// below for the footer.
const (
	fontFamily   = "DejaVu"
	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 24.0
	marginBottom = 22.0
	headerY      = 11.0
	footerGap    = 12.0 // footer baseline area above the paper's bottom edge
	CellMargin   = 1.5

	BodySize    = 10.0
	SmallSize   = 8.0
	TableSize   = 9.0
	HeadingSize = 18.0
	SubSize     = 13.0

	// lineFactor turns a font size in points into a line height in mm.
	lineFactor = 0.3528 * 1.4
)

// nbAlias is replaced by the page count when the PDF is closed. Control characters never
// survive clean(), so user text cannot spell the alias.
const nbAlias = "\x01nb\x01"

var (
	ColorText     = Color{33, 37, 41}
	ColorMuted    = Color{100, 106, 115}
	colorRule     = Color{150, 156, 165}
	ColorBorder   = Color{185, 190, 198}
	ColorHeadFill = Color{220, 229, 240}
	ColorZebra    = Color{244, 246, 249}
	ColorFootFill = Color{234, 237, 242}
)

// Color is an RGB colour (0–255 each).
type Color struct{ R, G, B int }

// tocEntry is one line of the table of contents: a step (level 0) or a part of it (level 1).
type tocEntry struct {
	Level  int
	Number string
	Title  string
	Page   int
}

// Report is the PDF under construction. Section writers use its small API (Section,
// Subsection, Paragraph, Bullets, Table, NewPage); it breaks pages itself, so no call runs off
// the page. Errors are sticky: after the first one every call does nothing, and Err reports it.
type Report struct {
	pdf         *gofpdf.Fpdf
	orientation Orientation
	header      string
	FooterLeft  string
	// outside marks a document that leaves the house (to bidders or the provider): its footer
	// does not name the program.
	outside    bool
	title      string // the document's name (Gesamtbericht, Kurzfassung): title page and header
	subtitle   string
	noHeader   bool
	totalPages int // known in the final pass; places the right-aligned page number exactly

	entries []tocEntry
	links   []int // final pass: the link target of each TOC entry, in order

	// Headings that would stand at the foot of a page while their table or picture starts on
	// the next: a layout pass notes them in stranded (by their running number), and the next
	// pass starts a page before each heading in breakBefore.
	headingSeq  int
	pending     *pendingHeading
	stranded    []int
	breakBefore map[int]bool

	// OnCell, when set (tests), sees every table cell's text and the lines it was wrapped into.
	OnCell func(text string, lines []string)

	// Memo, when set, is shared by the layout runs of one document (Remember).
	Memo *Memo

	// appendix holds the long lists and wide tables the sections sent to the end (toAppendix).
	appendix []appendixPart

	date time.Time // the report's date: its creation date
	// asOf is the day sections judge dates on (deadlines, overdue milestones): the project's
	// "Stand der Daten", else the report's date.
	asOf domain.Date
}

func NewReport(projectName string, date time.Time) *Report {
	pdf := gofpdf.New("P", "mm", "A4", "")
	// The alias must be set before fonts are added: gofpdf keeps the digits in the font subset then.
	pdf.AliasNbPages(nbAlias)
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCompression(true)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetCellMargin(CellMargin)
	pdf.SetTitle(Line(Tr("reports.title")+" – "+projectName), true)
	pdf.SetCreator(Tr("app.name"), true)
	pdf.SetProducer(Tr("app.name"), true)
	r := &Report{
		pdf:    pdf,
		date:   date,
		asOf:   domain.TodayInBerlin(date),
		header: Line(projectName),
	}
	r.name(Tr("reports.title"), Tr("reports.subtitle"))
	pdf.SetHeaderFunc(r.drawHeader)
	pdf.SetFooterFunc(r.drawFooter)
	return r
}

// NewDocument starts a document of one layout run (Leistungsbeschreibung, monitoring report,
// Jour-fixe protocol and invitation, Vergabevermerk) named title in the running header and in
// its properties, judged on the project's day; outside marks one that leaves the house, and the
// run starts a page before the headings in breaks.
func NewDocument(p *domain.Project, date time.Time, title, subject string, outside bool, breaks map[int]bool) *Report {
	r := NewReport(p.Meta.Name, date)
	r.breakBefore = breaks
	r.outside = outside
	r.JudgeOn(p)
	r.title = Line(title)
	r.describe(p, title, subject)
	return r
}

// name sets the document's title (title page, running header, footer) and subtitle.
func (r *Report) name(title, subtitle string) {
	r.title, r.subtitle = Line(title), subtitle
	r.FooterLeft = Line(Tr("app.name") + " · " + title + " · " + Tr("reports.as_of", map[string]any{"Date": FormatDate(r.date)}))
}

// Err is the first error that occurred, or nil.
func (r *Report) Err() error { return r.pdf.Error() }

// Date is the report's creation date.
func (r *Report) Date() time.Time { return r.date }

// AsOf is the day sections judge dates on (deadlines, overdue milestones).
func (r *Report) AsOf() domain.Date { return r.asOf }

// JudgeOn makes the project's day of judgement the report's (Project.AsOf of its date).
func (r *Report) JudgeOn(p *domain.Project) { r.asOf = p.AsOf(r.date) }

// PDF gives raw access for drawings (charts) that the helpers do not cover. Keep to the area
// between Left/Top and Right/Bottom and call EnsureSpace first.
func (r *Report) PDF() *gofpdf.Fpdf { return r.pdf }

// Left, Right, Top and Bottom bound the writable area of the current page.
func (r *Report) Left() float64 { return marginLeft }

func (r *Report) Right() float64 {
	w, _ := r.pdf.GetPageSize()
	return w - marginRight
}

func (r *Report) Top() float64 { return marginTop }

func (r *Report) Bottom() float64 {
	_, h := r.pdf.GetPageSize()
	return h - marginBottom
}

// Width is the usable width of the current page.
func (r *Report) Width() float64 { return r.Right() - r.Left() }

// NewPage starts a page in the given orientation; later automatic breaks keep it.
func (r *Report) NewPage(o Orientation) {
	r.orientation = o
	orient := "P"
	if o == Landscape {
		orient = "L"
	}
	r.pdf.AddPageFormat(orient, r.pdf.GetPageSizeStr("A4"))
	r.pdf.SetXY(r.Left(), r.Top())
}

// EnsureSpace starts a new page (same orientation) unless h millimetres fit below the cursor.
// It reports whether it broke the page.
func (r *Report) EnsureSpace(h float64) bool {
	if r.pdf.GetY()+h <= r.Bottom()+1e-6 {
		return false
	}
	r.NewPage(r.orientation)
	return true
}

// Gap moves the cursor down by h millimetres (never past the bottom).
func (r *Report) Gap(h float64) {
	y := math.Min(r.pdf.GetY()+h, r.Bottom())
	r.pdf.SetXY(r.Left(), y)
}

func (r *Report) SetFont(style string, size float64) { r.pdf.SetFont(fontFamily, style, size) }

func (r *Report) SetText(c Color) { r.pdf.SetTextColor(c.R, c.G, c.B) }

func LineHeight(size float64) float64 { return size * lineFactor }

// Split wraps already cleaned text to width w in the current font. Never empty.
func (r *Report) Split(text string, w float64) []string {
	if text == "" {
		return []string{""}
	}
	lines := r.pdf.SplitText(text, w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// Fit shortens one line to width w with an ellipsis.
func (r *Report) Fit(text string, w float64) string {
	avail := w - 2*CellMargin
	if r.pdf.GetStringWidth(text) <= avail {
		return text
	}
	rs := []rune(text)
	lo, hi := 0, len(rs)
	for lo < hi { // longest prefix that fits together with the ellipsis
		mid := (lo + hi + 1) / 2
		if r.pdf.GetStringWidth(string(rs[:mid])+"…") <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// Section starts step's part of the report on a new portrait page and lists it in the table
// of contents.
func (r *Report) Section(step int, title string) { r.SectionOn(Portrait, step, title) }

// SectionOn is Section on a page of the given orientation (e.g. landscape for a wide grid).
func (r *Report) SectionOn(o Orientation, step int, title string) {
	r.ChapterOn(o, strconv.Itoa(step), Tr("reports.step", map[string]any{"Number": step}), title)
}

// ChapterOn starts a part of the report listed in the table of contents under number, with
// kicker ("Schritt 4", "Anhang B") above its title, on a new page of orientation o.
func (r *Report) ChapterOn(o Orientation, number, kicker, title string) {
	r.headingDone()
	r.NewPage(o)
	title = Line(title)
	r.Register(0, number, title)
	r.SetFont("", BodySize)
	r.SetText(ColorMuted)
	r.pdf.CellFormat(r.Width(), LineHeight(BodySize), kicker, "", 2, "L", false, 0, "")
	r.SetFont("B", HeadingSize)
	r.SetText(ColorText)
	for _, l := range r.Split(title, r.Width()) {
		r.pdf.CellFormat(r.Width(), LineHeight(HeadingSize), l, "", 2, "L", false, 0, "")
	}
	r.Rule()
	r.Gap(4)
}

// pendingHeading is the last subsection heading while only text (paragraphs, notes,
// label–value lines) has followed it.
type pendingHeading struct{ seq, page int }

// headingDone ends the heading's watch; content that is not a table or picture follows.
func (r *Report) headingDone() { r.pending = nil }

// checkStranded ends the heading's watch before a table or picture of height need: it notes
// the heading when that block will not fit under it on its page.
func (r *Report) checkStranded(need float64) {
	if h := r.pending; h != nil && h.page == r.pdf.PageNo() && r.pdf.GetY()+need > r.Bottom()+1e-6 &&
		need <= r.Bottom()-r.Top() {
		r.stranded = append(r.stranded, h.seq)
	}
	r.pending = nil
}

// Subsection is a heading inside a section; it appears indented in the table of contents.
func (r *Report) Subsection(title string) {
	seq := r.headingSeq
	r.headingSeq++
	if r.breakBefore[seq] && r.pdf.GetY() > r.Top()+1 {
		r.NewPage(r.orientation)
	}
	title = Line(title)
	r.SetFont("B", SubSize)
	lines := r.Split(title, r.Width())
	// Keep the heading with at least a few lines of what follows.
	r.EnsureSpace(float64(len(lines))*LineHeight(SubSize) + 3 + 2*LineHeight(BodySize))
	if r.pdf.GetY() > r.Top()+1 {
		r.Gap(3)
	}
	r.Register(1, "", title)
	r.SetText(ColorText)
	for _, l := range lines {
		r.pdf.CellFormat(r.Width(), LineHeight(SubSize), l, "", 2, "L", false, 0, "")
	}
	r.Gap(1.5)
	r.pending = &pendingHeading{seq: seq, page: r.pdf.PageNo()}
}

func (r *Report) Register(level int, number, title string) {
	idx := len(r.entries)
	r.entries = append(r.entries, tocEntry{Level: level, Number: number, Title: title, Page: r.pdf.PageNo()})
	bm := title
	if number != "" {
		bm = number + " " + title
	}
	r.pdf.Bookmark(bm, level, -1)
	if idx < len(r.links) {
		r.pdf.SetLink(r.links[idx], r.pdf.GetY(), -1)
	}
}

// Rule draws a thin line across the page under the cursor.
func (r *Report) Rule() {
	y := r.pdf.GetY() + 1
	r.pdf.SetDrawColor(colorRule.R, colorRule.G, colorRule.B)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(r.Left(), y, r.Right(), y)
	r.pdf.SetXY(r.Left(), y+1)
}

// Paragraph writes text (user text allowed: it is cleaned) wrapped to the page width.
func (r *Report) Paragraph(text string) {
	r.TextBlock(Clean(text, true), "", 0, false)
	r.Gap(2)
}

// Note is a paragraph in small grey type.
func (r *Report) Note(text string) {
	r.SetFont("", SmallSize)
	r.SetText(ColorMuted)
	lh := LineHeight(SmallSize)
	for _, l := range r.Split(Clean(text, true), r.Width()) {
		r.EnsureSpace(lh)
		r.pdf.SetX(r.Left())
		r.SetFont("", SmallSize)
		r.SetText(ColorMuted)
		r.pdf.CellFormat(r.Width(), lh, l, "", 2, "L", false, 0, "")
	}
	r.SetText(ColorText)
	r.Gap(2)
}

// Bullets writes a list; each item wraps with a hanging indent.
func (r *Report) Bullets(items []string) {
	r.headingDone()
	for _, it := range items {
		r.TextBlock(Clean(it, true), "•", 5, false)
	}
	r.Gap(2)
}

// TextBlock writes wrapped lines, breaking pages between lines; a marker (bullet) hangs in
// the indent of the first line.
func (r *Report) TextBlock(text, marker string, indent float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	r.SetFont(style, BodySize)
	lh := LineHeight(BodySize)
	w := r.Width() - indent
	for i, l := range r.Split(text, w) {
		if r.EnsureSpace(lh) {
			r.SetFont(style, BodySize)
		}
		r.SetText(ColorText)
		if i == 0 && marker != "" {
			r.pdf.SetX(r.Left())
			r.pdf.CellFormat(indent, lh, marker, "", 0, "L", false, 0, "")
		}
		r.pdf.SetX(r.Left() + indent)
		r.pdf.CellFormat(w, lh, l, "", 2, "L", false, 0, "")
	}
}

// KeyValues writes label–value pairs as two aligned columns without a grid.
func (r *Report) KeyValues(pairs [][2]string) {
	// Like a paragraph, label–value lines introduce what follows: a heading's watch goes on.
	labelW := math.Min(r.Width()*0.35, 75)
	valueW := r.Width() - labelW
	lh := LineHeight(BodySize)
	for _, kv := range pairs {
		r.SetFont("B", BodySize)
		label := r.Split(Clean(kv[0], true), labelW)
		r.SetFont("", BodySize)
		value := r.Split(Clean(kv[1], true), valueW)
		n := max(len(label), len(value))
		for i := 0; i < n; i++ {
			r.EnsureSpace(lh)
			y := r.pdf.GetY()
			r.SetText(ColorText)
			if i < len(label) {
				r.SetFont("B", BodySize)
				r.pdf.SetXY(r.Left(), y)
				r.pdf.CellFormat(labelW, lh, label[i], "", 0, "L", false, 0, "")
			}
			if i < len(value) {
				r.SetFont("", BodySize)
				r.pdf.SetXY(r.Left()+labelW, y)
				r.pdf.CellFormat(valueW, lh, value[i], "", 0, "L", false, 0, "")
			}
			r.pdf.SetXY(r.Left(), y+lh)
		}
		r.Gap(0.8)
	}
	r.Gap(2)
}

func (r *Report) drawHeader() {
	if r.noHeader {
		return
	}
	pdf := r.pdf
	right := r.title
	r.SetFont("", SmallSize)
	r.SetText(ColorMuted)
	rw := pdf.GetStringWidth(right) + 2*CellMargin
	pdf.SetXY(r.Left(), headerY)
	pdf.CellFormat(r.Width()-rw, LineHeight(SmallSize), r.Fit(r.header, r.Width()-rw-4), "", 0, "L", false, 0, "")
	pdf.SetXY(r.Right()-rw, headerY)
	pdf.CellFormat(rw, LineHeight(SmallSize), right, "", 0, "R", false, 0, "")
	y := headerY + LineHeight(SmallSize) + 1
	pdf.SetDrawColor(colorRule.R, colorRule.G, colorRule.B)
	pdf.SetLineWidth(0.2)
	pdf.Line(r.Left(), y, r.Right(), y)
	pdf.SetXY(r.Left(), r.Top())
}

func (r *Report) drawFooter() {
	pdf := r.pdf
	_, h := pdf.GetPageSize()
	y := h - footerGap
	pdf.SetDrawColor(colorRule.R, colorRule.G, colorRule.B)
	pdf.SetLineWidth(0.2)
	pdf.Line(r.Left(), y-1.5, r.Right(), y-1.5)
	r.SetFont("", SmallSize)
	r.SetText(ColorMuted)
	page := pdf.PageNo()
	text := Tr("reports.footer.page", map[string]any{"Page": page, "Pages": nbAlias})
	// Measure with the real count when it is known: the alias is wider than the digits.
	measure := text
	if r.totalPages > 0 {
		measure = Tr("reports.footer.page", map[string]any{"Page": page, "Pages": r.totalPages})
	}
	pw := pdf.GetStringWidth(measure) + 2*CellMargin
	pdf.SetXY(r.Left(), y)
	pdf.CellFormat(r.Width()-pw, LineHeight(SmallSize), r.Fit(r.FooterLeft, r.Width()-pw-4), "", 0, "L", false, 0, "")
	pdf.SetXY(r.Right()-pw, y)
	pdf.CellFormat(pw, LineHeight(SmallSize), text, "", 0, "L", false, 0, "")
}

func FormatDate(d time.Time) string { return d.Format(Tr("reports.date.layout")) }

// Callout writes text in a framed box across the page, kept on one page; warn sets it in bold
// with a marker word, so that the warning does not rest on colour alone.
func (r *Report) Callout(text string, warn bool) {
	r.headingDone()
	style := ""
	if warn {
		style = "B"
	}
	const pad = 2.5
	r.SetFont(style, BodySize)
	lh := LineHeight(BodySize)
	w := r.Width() - 2*pad - 1.5
	lines := r.Split(Clean(text, true), w)
	if limit := int((r.Bottom()-r.Top()-2*pad)/lh) - 1; len(lines) > limit {
		lines = append(lines[:limit-1], r.Fit(lines[limit-1]+" "+lines[limit], w))
	}
	h := float64(len(lines))*lh + 2*pad
	r.EnsureSpace(h + 1)
	pdf := r.pdf
	top := pdf.GetY()
	fill := ColorZebra
	if warn {
		fill = Color{253, 243, 222}
	}
	pdf.SetFillColor(fill.R, fill.G, fill.B)
	pdf.SetDrawColor(ColorBorder.R, ColorBorder.G, ColorBorder.B)
	pdf.SetLineWidth(0.3)
	pdf.Rect(r.Left(), top, r.Width(), h, "FD")
	if warn {
		c := Color{196, 120, 0}
		pdf.SetFillColor(c.R, c.G, c.B)
		pdf.Rect(r.Left(), top, 1.5, h, "F")
	}
	r.SetFont(style, BodySize)
	r.SetText(ColorText)
	for i, l := range lines {
		pdf.SetXY(r.Left()+pad+1.5-CellMargin, top+pad+float64(i)*lh)
		pdf.CellFormat(w+2*CellMargin, lh, l, "", 0, "L", false, 0, "")
	}
	pdf.SetXY(r.Left(), top+h)
	r.Gap(3)
}

// Heading is a numbered chapter (level 0) or part (level 1) heading of a document without a
// table of contents, with a bookmark; the chapter has a rule under it.
func (r *Report) Heading(level int, number, text string) {
	size := SubSize + 2
	if level > 0 {
		size = SubSize
	}
	seq := r.headingSeq
	r.headingSeq++
	r.headingDone()
	if r.breakBefore[seq] && r.pdf.GetY() > r.Top()+1 {
		r.NewPage(r.orientation)
	}
	title := Line(number + "  " + text)
	r.SetFont("B", size)
	lines := r.Split(title, r.Width())
	r.EnsureSpace(float64(len(lines))*LineHeight(size) + 3 + 3*LineHeight(BodySize))
	if r.pdf.GetY() > r.Top()+1 {
		r.Gap(3)
	}
	r.Register(level, "", title)
	r.SetFont("B", size)
	r.SetText(ColorText)
	for _, l := range lines {
		r.pdf.SetX(r.Left())
		r.pdf.CellFormat(r.Width(), LineHeight(size), l, "", 2, "L", false, 0, "")
	}
	if level == 0 {
		r.Rule()
	}
	r.Gap(1.5)
	r.pending = &pendingHeading{seq: seq, page: r.pdf.PageNo()}
}

// TableUnder writes a subsection with a table, keeping the heading with the table's first rows.
func (r *Report) TableUnder(title string, t Table) {
	r.EnsureSpace(40)
	r.Subsection(title)
	r.Table(t)
}

// OpenQuestions lists a step's findings under "Offene Fragen", nothing when there are none:
// each in words, a warning marked as one; markErrors marks errors too (steps 10 and 11, whose
// errors the program shows as such).
func (r *Report) OpenQuestions(fs []domain.Finding, markErrors bool) {
	if len(fs) == 0 {
		return
	}
	items := make([]string, 0, len(fs))
	for _, f := range fs {
		msg := Tr(f.Code, map[string]any{"Subject": Line(f.Subject)})
		switch {
		case f.Severity == domain.SeverityWarning:
			msg = Tr("reports.warning", map[string]any{"Message": msg})
		case f.Severity == domain.SeverityError && markErrors:
			msg = Tr("reports.structure.error", map[string]any{"Message": msg})
		}
		items = append(items, msg)
	}
	r.Subsection(Tr("reports.open_questions"))
	r.Bullets(items)
}

// StepTitle is the step's name as the wizard shows it.
func StepTitle(n domain.StepID) string {
	for _, s := range domain.Steps {
		if s.Number == n {
			return Tr("step." + s.Key + ".title")
		}
	}
	return ""
}
