package pdfkit

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"schulit-lotse/domain"
)

// The table of contents uses fixed line heights, so its page count follows from the entries
// and their wrapped titles alone (tocLayout) and the page numbers measured in the first run
// stay true. A long title takes a second line instead of being cut.
const (
	tocHeadH   = 16.0
	tocLevel0H = 8.0
	tocLevel1H = 6.5
	tocNumberW = 10.0
	tocPageW   = 14.0
	a4Height   = 297.0
	a4Width    = 210.0
	// tocMoreH is the height each further line of a wrapped title adds.
	tocMoreH = 4.5
)

type tocSlot struct {
	entry int
	y     float64
	lines []string
}

// tocLayout places the entries on portrait pages; one (possibly empty) page at least.
func (r *Report) tocLayout(entries []tocEntry) [][]tocSlot {
	pages := [][]tocSlot{nil}
	y := marginTop + tocHeadH
	bottom := a4Height - marginBottom
	for i, e := range entries {
		lines := r.tocTitle(e)
		h := tocLevel0H
		if e.Level > 0 {
			h = tocLevel1H
		}
		h += float64(len(lines)-1) * tocMoreH
		if y+h > bottom {
			pages = append(pages, nil)
			y = marginTop
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], tocSlot{entry: i, y: y, lines: lines})
		y += h
	}
	return pages
}

// tableOfContents writes the contents; empty says that nothing but "Auf einen Blick" is listed,
// and the first page then says that no step has content yet.
func (r *Report) tableOfContents(entries []tocEntry, empty bool) {
	pdf := r.pdf
	for pi, slots := range r.tocLayout(entries) {
		r.NewPage(Portrait)
		if pi == 0 {
			r.SetFont("B", HeadingSize)
			r.SetText(ColorText)
			pdf.CellFormat(r.Width(), LineHeight(HeadingSize), Tr("reports.toc"), "", 2, "L", false, 0, "")
			r.Rule()
		}
		for _, s := range slots {
			r.tocLine(entries[s.entry], s.y, s.lines)
		}
		if pi == 0 && empty {
			// Only "Auf einen Blick" (or nothing): say that no step has content yet.
			pdf.SetXY(r.Left(), marginTop+tocHeadH+float64(len(slots))*tocLevel0H+2)
			r.Paragraph(Tr("reports.toc.empty"))
		}
	}
}

// tocTitle wraps an entry's title to the room left of its page number: two lines at most,
// the second cut with an ellipsis when even they are not enough.
func (r *Report) tocTitle(e tocEntry) []string {
	size, style, x := 11.0, "B", tocNumberW
	if e.Level > 0 {
		size, style, x = 10.0, "", tocNumberW
	}
	r.SetFont(style, size)
	avail := (a4Width - marginLeft - marginRight) - tocPageW - x - 6
	lines := r.Split(e.Title, avail)
	if len(lines) > 2 {
		lines = []string{lines[0], r.Fit(strings.Join(lines[1:], " "), avail)}
	}
	return lines
}

func (r *Report) tocLine(e tocEntry, y float64, lines []string) {
	pdf := r.pdf
	h, size, style, indent := tocLevel0H, 11.0, "B", 0.0
	if e.Level > 0 {
		h, size, style, indent = tocLevel1H, 10.0, "", tocNumberW
	}
	r.SetFont(style, size)
	r.SetText(ColorText)
	x := r.Left() + indent
	if e.Number != "" {
		pdf.SetXY(x, y)
		pdf.CellFormat(tocNumberW, h, e.Number, "", 0, "L", false, 0, "")
	}
	if e.Level == 0 {
		x += tocNumberW
	}
	pageX := r.Right() - tocPageW
	for i, l := range lines {
		pdf.SetXY(x, y+float64(i)*tocMoreH)
		pdf.CellFormat(pageX-x, h, l, "", 0, "L", false, 0, "")
	}
	last := y + float64(len(lines)-1)*tocMoreH
	// Dotted leader from the end of the title's last line to the page number, drawn, not typed.
	from := x + pdf.GetStringWidth(lines[len(lines)-1]) + 2*CellMargin + 1
	to := pageX + tocPageW - CellMargin - pdf.GetStringWidth(strconv.Itoa(e.Page)) - 1.5
	if to > from {
		pdf.SetDrawColor(colorRule.R, colorRule.G, colorRule.B)
		pdf.SetLineWidth(0.25)
		pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
		base := last + h/2 + size*0.3528*0.3
		pdf.Line(from, base, to, base)
		pdf.SetDashPattern([]float64{}, 0)
	}
	pdf.SetXY(pageX, last)
	pdf.CellFormat(tocPageW, h, strconv.Itoa(e.Page), "", 0, "R", false, 0, "")
	id := pdf.AddLink()
	r.links = append(r.links, id)
	pdf.Link(r.Left(), y, r.Width(), last-y+h, id)
}

// TitlePage is page 1 of a document that has one (Gesamtbericht, Kurzfassung, monitoring
// report, Leistungsbeschreibung): a kicker line, the title and subtitle, a rule, the project's
// name, label–value fields, and at the foot the approval block and a note. Every part is
// limited in lines so the page never overflows; the callers set what differs.
type TitlePage struct {
	Top           float64 // where the kicker line starts, mm from the paper's top edge
	Kicker        string  // above the title: the program, or the Schulträger for a document that leaves the house
	Title         string
	TitleSize     float64
	Subtitle      string
	SubtitleLines int
	RuleGap       float64 // below the rule under the subtitle
	NameGap       float64 // below the project's name
	Fields        [][2]string
	// After, when set, draws under the fields (the monitoring report's headline).
	After func()
	// Approval adds the framed approval block at the foot, above the note.
	Approval bool
	// Note is small print at the foot of the page, at most NoteLines lines.
	Note      string
	NoteLines int
}

// TitlePage writes t as a new page without the running header.
func (r *Report) TitlePage(p *domain.Project, t TitlePage) {
	pdf := r.pdf
	r.noHeader = true
	r.NewPage(Portrait)
	r.noHeader = false

	pdf.SetY(t.Top)
	r.SetFont("", 12)
	r.SetText(ColorMuted)
	pdf.CellFormat(r.Width(), LineHeight(12), r.Fit(Line(t.Kicker), r.Width()), "", 2, "L", false, 0, "")
	r.SetFont("B", t.TitleSize)
	r.SetText(ColorText)
	r.LimitedLines(t.Title, t.TitleSize, 2)
	r.SetFont("", 12)
	r.SetText(ColorMuted)
	r.LimitedLines(t.Subtitle, 12, t.SubtitleLines)
	r.Gap(3)
	r.Rule()
	r.Gap(t.RuleGap)

	name := Line(p.Meta.Name)
	if name == "" {
		name = Tr("reports.unnamed")
	}
	r.SetFont("B", 20)
	r.SetText(ColorText)
	r.LimitedLines(name, 20, 3)
	r.Gap(t.NameGap)
	r.titleFields(t.Fields)
	if t.After != nil {
		t.After()
	}

	noteTop := r.Bottom() - float64(t.NoteLines)*LineHeight(SmallSize)
	if t.Approval {
		bottom := r.Bottom()
		if t.NoteLines > 0 {
			bottom = noteTop - 4
		}
		r.approvalBlock(p, bottom)
	}
	if t.NoteLines > 0 {
		pdf.SetY(noteTop)
		r.SetFont("", SmallSize)
		r.SetText(ColorMuted)
		r.LimitedLines(t.Note, SmallSize, t.NoteLines)
	}
}

// titleFields writes label–value lines of a title page; a value takes at most three lines.
func (r *Report) titleFields(fields [][2]string) {
	pdf := r.pdf
	// The label column is as wide as its widest label ("Vergleichszeitraum"), within bounds.
	labelW := 45.0
	r.SetFont("B", 11)
	for _, f := range fields {
		labelW = math.Max(labelW, math.Min(r.pdf.GetStringWidth(f[0])+4, 70))
	}
	for _, f := range fields {
		y := pdf.GetY()
		r.SetFont("B", 11)
		r.SetText(ColorMuted)
		pdf.SetXY(r.Left(), y)
		pdf.CellFormat(labelW, LineHeight(11), f[0], "", 0, "L", false, 0, "")
		r.SetFont("", 11)
		r.SetText(ColorText)
		value := Line(f[1])
		if value == "" {
			value = "–"
		}
		lines := r.Split(value, r.Width()-labelW)
		if len(lines) > 3 {
			lines = append(lines[:2], r.Fit(lines[2]+" "+lines[3], r.Width()-labelW))
		}
		for i, l := range lines {
			pdf.SetXY(r.Left()+labelW, y+float64(i)*LineHeight(11))
			pdf.CellFormat(r.Width()-labelW, LineHeight(11), l, "", 0, "L", false, 0, "")
		}
		pdf.SetXY(r.Left(), y+float64(len(lines))*LineHeight(11)+2)
	}
}

// LimitedLines writes text in the current font (size for the line height), at most n lines;
// the last one ends in an ellipsis when text is cut.
func (r *Report) LimitedLines(text string, size float64, n int) {
	lines := r.Split(Clean(text, true), r.Width())
	if len(lines) > n {
		lines = append(lines[:n-1], r.Fit(strings.Join(lines[n-1:n+1], " "), r.Width()))
	}
	for _, l := range lines {
		r.pdf.SetX(r.Left())
		r.pdf.CellFormat(r.Width(), LineHeight(size), l, "", 2, "L", false, 0, "")
	}
}

// BundeslandName is the state's full name, or the code as written when unknown.
func BundeslandName(b domain.Bundesland) string {
	for _, known := range domain.Bundeslaender {
		if known == b {
			return Tr("reports.bundesland." + string(b))
		}
	}
	return string(b)
}

// DocumentHead opens the first page of a short document without a title page: the Schulträger,
// the title, the project, a rule and the label–value fields (what and when, document control).
func (r *Report) DocumentHead(p *domain.Project, title string, fields [][2]string) {
	r.noHeader = true
	r.NewPage(Portrait)
	r.noHeader = false
	pdf := r.pdf
	r.SetFont("", 12)
	r.SetText(ColorMuted)
	pdf.CellFormat(r.Width(), LineHeight(12), r.Fit(Line(p.Meta.Schultraeger), r.Width()), "", 2, "L", false, 0, "")
	r.SetFont("B", 22)
	r.SetText(ColorText)
	r.LimitedLines(title, 22, 2)
	r.SetFont("", 12)
	r.SetText(ColorMuted)
	name := Line(p.Meta.Name)
	if name == "" {
		name = Tr("reports.unnamed")
	}
	r.LimitedLines(name, 12, 2)
	r.Gap(2)
	r.Rule()
	r.Gap(4)
	r.SetFont("", 11)
	r.titleFields(fields)
	r.Gap(4)
}

// maxLayoutPasses bounds the layout runs that move headings to their tables: each run may
// move a later heading, so a few are needed; the breaks only grow, so the runs settle.
const maxLayoutPasses = 6

// LayOut runs write until no heading is left at the foot of a page apart from its table, each
// run starting a page before the headings the earlier runs stranded; it returns the last run
// (also the first that failed). Reports with a table of contents measure this way in writeBook.
func LayOut(write func(breaks map[int]bool) *Report) *Report {
	var breaks map[int]bool
	var r *Report
	for pass := 0; pass < maxLayoutPasses; pass++ {
		r = write(breaks)
		if len(r.stranded) == 0 || pass == maxLayoutPasses-1 || r.Err() != nil {
			break
		}
		breaks = withBreaks(breaks, r.stranded)
	}
	return r
}

// withBreaks is a new set of headings to break before: breaks and the stranded ones. The
// earlier set stays as it was, the run that used it may still hold it.
func withBreaks(breaks map[int]bool, stranded []int) map[int]bool {
	next := make(map[int]bool, len(breaks)+len(stranded))
	for k := range breaks {
		next[k] = true
	}
	for _, k := range stranded {
		next[k] = true
	}
	return next
}

// Book is a document with a title page, front pages and a table of contents before its body.
type Book struct {
	// Start begins a fresh layout run that starts a page before the headings in breaks.
	Start func(breaks map[int]bool) *Report
	Title TitlePage
	// Front writes the pages between the title page and the table of contents ("Auf einen
	// Blick"); their headings are listed in it.
	Front func(r *Report)
	Body  func(r *Report) error
}

// WriteBook lays the book out twice: the first run finds the page of every section (again
// until no heading is left at the foot of a page apart from its table), the second writes the
// table of contents with those numbers in front of the same body.
func WriteBook(w io.Writer, p *domain.Project, b Book) error {
	var breaks map[int]bool
	var measure *Report
	var frontPages, frontEntries int
	for pass := 0; pass < maxLayoutPasses; pass++ {
		measure = b.Start(breaks)
		b.Front(measure)
		frontPages, frontEntries = measure.pdf.PageCount(), len(measure.entries)
		if err := b.Body(measure); err != nil {
			return err
		}
		if len(measure.stranded) == 0 || pass == maxLayoutPasses-1 {
			break
		}
		breaks = withBreaks(breaks, measure.stranded)
	}
	tocPages := len(measure.tocLayout(measure.entries))
	want := make([]tocEntry, len(measure.entries))
	for i, e := range measure.entries {
		e.Page++ // the title page
		if i >= frontEntries {
			e.Page += tocPages
		}
		want[i] = e
	}

	r := b.Start(breaks)
	r.totalPages = 1 + tocPages + measure.pdf.PageCount()
	r.TitlePage(p, b.Title)
	b.Front(r)
	if got := r.pdf.PageNo(); got != 1+frontPages && r.Err() == nil {
		return fmt.Errorf("%s: overview took %d pages, expected %d", Tr("reports.err.layout"), got-1, frontPages)
	}
	r.tableOfContents(want, len(want) <= frontEntries)
	for i := 0; i < frontEntries; i++ { // registered before the table made their links
		r.pdf.SetLink(r.links[i], r.Top(), want[i].Page)
	}
	if got := r.pdf.PageNo(); got != 1+frontPages+tocPages && r.Err() == nil {
		return fmt.Errorf("%s: table of contents took %d pages, expected %d", Tr("reports.err.layout"), got-1-frontPages, tocPages)
	}
	if err := b.Body(r); err != nil {
		return err
	}
	for i, e := range r.entries {
		if i >= len(want) || e != want[i] {
			return fmt.Errorf("%s: section %q on page %d, expected %d", Tr("reports.err.layout"), e.Title, e.Page, want[min(i, len(want)-1)].Page)
		}
	}
	if r.pdf.PageCount() != r.totalPages {
		return fmt.Errorf("%s: %d pages, expected %d", Tr("reports.err.layout"), r.pdf.PageCount(), r.totalPages)
	}
	if err := r.Output(w); err != nil {
		return fmt.Errorf("%s: %w", Tr("reports.err.write"), err)
	}
	return nil
}
