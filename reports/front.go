package reports

import (
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
			r.setFont("B", headingSize)
			r.setText(colorText)
			pdf.CellFormat(r.Width(), lineHeight(headingSize), tr("reports.toc"), "", 2, "L", false, 0, "")
			r.rule()
		}
		for _, s := range slots {
			r.tocLine(entries[s.entry], s.y, s.lines)
		}
		if pi == 0 && empty {
			// Only "Auf einen Blick" (or nothing): say that no step has content yet.
			pdf.SetXY(r.Left(), marginTop+tocHeadH+float64(len(slots))*tocLevel0H+2)
			r.Paragraph(tr("reports.toc.empty"))
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
	r.setFont(style, size)
	avail := (a4Width - marginLeft - marginRight) - tocPageW - x - 6
	lines := r.split(e.Title, avail)
	if len(lines) > 2 {
		lines = []string{lines[0], r.fit(strings.Join(lines[1:], " "), avail)}
	}
	return lines
}

func (r *Report) tocLine(e tocEntry, y float64, lines []string) {
	pdf := r.pdf
	h, size, style, indent := tocLevel0H, 11.0, "B", 0.0
	if e.Level > 0 {
		h, size, style, indent = tocLevel1H, 10.0, "", tocNumberW
	}
	r.setFont(style, size)
	r.setText(colorText)
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
	from := x + pdf.GetStringWidth(lines[len(lines)-1]) + 2*cellMargin + 1
	to := pageX + tocPageW - cellMargin - pdf.GetStringWidth(strconv.Itoa(e.Page)) - 1.5
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

// titlePage writes t as a new page without the running header.
func (r *Report) titlePage(p *domain.Project, t TitlePage) {
	pdf := r.pdf
	r.noHeader = true
	r.NewPage(Portrait)
	r.noHeader = false

	pdf.SetY(t.Top)
	r.setFont("", 12)
	r.setText(colorMuted)
	pdf.CellFormat(r.Width(), lineHeight(12), r.fit(line(t.Kicker), r.Width()), "", 2, "L", false, 0, "")
	r.setFont("B", t.TitleSize)
	r.setText(colorText)
	r.limitedLines(t.Title, t.TitleSize, 2)
	r.setFont("", 12)
	r.setText(colorMuted)
	r.limitedLines(t.Subtitle, 12, t.SubtitleLines)
	r.Gap(3)
	r.rule()
	r.Gap(t.RuleGap)

	name := line(p.Meta.Name)
	if name == "" {
		name = tr("reports.unnamed")
	}
	r.setFont("B", 20)
	r.setText(colorText)
	r.limitedLines(name, 20, 3)
	r.Gap(t.NameGap)
	r.titleFields(t.Fields)
	if t.After != nil {
		t.After()
	}

	noteTop := r.Bottom() - float64(t.NoteLines)*lineHeight(smallSize)
	if t.Approval {
		bottom := r.Bottom()
		if t.NoteLines > 0 {
			bottom = noteTop - 4
		}
		r.approvalBlock(p, bottom)
	}
	if t.NoteLines > 0 {
		pdf.SetY(noteTop)
		r.setFont("", smallSize)
		r.setText(colorMuted)
		r.limitedLines(t.Note, smallSize, t.NoteLines)
	}
}

// titleFields writes label–value lines of a title page; a value takes at most three lines.
func (r *Report) titleFields(fields [][2]string) {
	pdf := r.pdf
	// The label column is as wide as its widest label ("Vergleichszeitraum"), within bounds.
	labelW := 45.0
	r.setFont("B", 11)
	for _, f := range fields {
		labelW = math.Max(labelW, math.Min(r.pdf.GetStringWidth(f[0])+4, 70))
	}
	for _, f := range fields {
		y := pdf.GetY()
		r.setFont("B", 11)
		r.setText(colorMuted)
		pdf.SetXY(r.Left(), y)
		pdf.CellFormat(labelW, lineHeight(11), f[0], "", 0, "L", false, 0, "")
		r.setFont("", 11)
		r.setText(colorText)
		value := line(f[1])
		if value == "" {
			value = "–"
		}
		lines := r.split(value, r.Width()-labelW)
		if len(lines) > 3 {
			lines = append(lines[:2], r.fit(lines[2]+" "+lines[3], r.Width()-labelW))
		}
		for i, l := range lines {
			pdf.SetXY(r.Left()+labelW, y+float64(i)*lineHeight(11))
			pdf.CellFormat(r.Width()-labelW, lineHeight(11), l, "", 0, "L", false, 0, "")
		}
		pdf.SetXY(r.Left(), y+float64(len(lines))*lineHeight(11)+2)
	}
}

// limitedLines writes text in the current font (size for the line height), at most n lines;
// the last one ends in an ellipsis when text is cut.
func (r *Report) limitedLines(text string, size float64, n int) {
	lines := r.split(clean(text, true), r.Width())
	if len(lines) > n {
		lines = append(lines[:n-1], r.fit(strings.Join(lines[n-1:n+1], " "), r.Width()))
	}
	for _, l := range lines {
		r.pdf.SetX(r.Left())
		r.pdf.CellFormat(r.Width(), lineHeight(size), l, "", 2, "L", false, 0, "")
	}
}

// bundeslandName is the state's full name, or the code as written when unknown.
func bundeslandName(b domain.Bundesland) string {
	for _, known := range domain.Bundeslaender {
		if known == b {
			return tr("reports.bundesland." + string(b))
		}
	}
	return string(b)
}
