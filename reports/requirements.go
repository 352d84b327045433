package reports

import (
	"math"
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Step 3, Anforderungsliste: the requirements of each package (target state, criteria, must/nice
// share), a picture of the board and every task grouped by package, as in the seed's Abb. 5/6.
var requirementsSection = section{
	Step:  domain.StepRequirements,
	Has:   func(p *domain.Project) bool { return len(p.Packages) > 0 },
	Write: writeRequirements,
}

// boardMaxCards is the most cards the board picture shows readably on one page.
const boardMaxCards = 150

// boardImageWidthPx is the board picture's width: sharp at the width of a landscape page.
const boardImageWidthPx = 2000

func writeRequirements(r *pdfkit.Report, p *domain.Project) {
	r.Section(3, pdfkit.StepTitle(3))
	r.Paragraph(tr("reports.req.intro"))

	l := domain.LayoutBoard(p)
	sorted := len(p.Tasks) - len(l.Pile)
	withTarget := 0
	for _, pk := range p.Packages {
		if strings.TrimSpace(pk.TargetState) != "" {
			withTarget++
		}
	}
	r.KeyValues([][2]string{
		{tr("reports.req.packages"), strconv.Itoa(len(p.Packages))},
		{tr("reports.req.sorted"), strconv.Itoa(sorted)},
		{tr("reports.req.unsorted"), strconv.Itoa(len(l.Pile))},
		{tr("reports.req.with_target"), strconv.Itoa(withTarget)},
	})

	rows := [][]string{}
	for _, s := range domain.SummarizePackages(p) {
		pk := s.Package
		target, criteria := pk.TargetState, pk.Criteria
		if strings.TrimSpace(target) == "" {
			target = tr("reports.req.missing")
		}
		if strings.TrimSpace(criteria) == "" {
			criteria = tr("reports.req.missing")
		}
		rows = append(rows, []string{pk.Name, target, criteria, strconv.Itoa(s.Tasks), pdfkit.FormatHours(s.Hours), shareCell(s)})
	}
	r.Subsection(tr("reports.req.per_package"))
	r.TableOrAppendix(tr("reports.req.per_package"), "", pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.req.col.package"), Width: 16},
			{Title: tr("reports.req.col.target"), Width: 25},
			{Title: tr("reports.req.col.criteria"), Width: 25},
			{Title: tr("reports.col.tasks"), Width: 9, Align: pdfkit.AlignRight},
			{Title: tr("reports.col.hours_short"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("reports.req.col.share"), Width: 15},
		},
		Rows:  rows,
		Zebra: true,
	})

	if len(l.Packages) > 0 && len(p.Tasks) > boardMaxCards {
		// Hundreds of cards would be specks on paper: the grouped table below lists them.
		r.Subsection(tr("reports.req.board"))
		r.Paragraph(pdfkit.TrCount("reports.req.board_too_many", len(p.Tasks)))
	} else if len(l.Packages) > 0 {
		// The picture takes the rest of this page when it is shown there nearly as large as on a
		// page of its own, else it starts a new page with its heading; a line is kept for the
		// note below it, about 14 mm for the heading.
		full := r.Bottom() - r.Top() - 10 - 14
		room := r.Bottom() - r.PDF().GetY() - 10 - 14
		units := l.Bounds.W
		if len(l.Pile) > 0 {
			units += boardPileUnits
		}
		natural := r.Width() * l.Bounds.H / units
		if room < natural && room < 0.8*math.Min(natural, full) {
			r.NewPage(pdfkit.Portrait)
		}
		r.Subsection(tr("reports.req.board"))
		room = r.Bottom() - r.PDF().GetY() - 10
		maxH := int(room * float64(boardImageWidthPx) / r.Width())
		board := pdfkit.Remember(r.Memo, "requirements.board "+strconv.Itoa(maxH), func() boardRead {
			png, ok, err := BoardPNG(p, boardImageWidthPx, maxH)
			return boardRead{png, ok, err}
		})
		png, ok, err := board.png, board.ok, board.err
		if err != nil {
			r.PDF().SetError(err)
			return
		}
		if ok {
			r.Image(png, r.Width())
			r.Note(tr("reports.req.board_note"))
		}
	}

	r.Subsection(tr("reports.req.grouped"))
	r.Paragraph(tr("reports.req.grouped_intro"))
	r.TableOrAppendix(tr("reports.req.grouped"), "", groupedTable(p))

	r.OpenQuestions(domain.RequirementFindings(p), false)
}

// shareCell is a package's must/nice share: "vorrangig 2 (67 %)\nnachrangig 1 (33 %)".
func shareCell(s domain.PackageSummary) string {
	pct := func(v float64) string { return pdfkit.FormatNumber(v*100) + " %" }
	out := tr("reports.req.share_must", map[string]any{"Count": s.Must, "Share": pct(s.MustShare())}) + "\n" +
		tr("reports.req.share_nice", map[string]any{"Count": s.Nice, "Share": pct(s.NiceShare())})
	if s.Unprioritised > 0 {
		out += "\n" + tr("reports.req.share_none", map[string]any{"Count": s.Unprioritised})
	}
	return out
}

// groupedTable lists every task under its package (the unsorted ones last), like Abb. 5/6: a
// heading row per package in its colour, its tasks lightly tinted.
func groupedTable(p *domain.Project) pdfkit.Table {
	var rows [][]string
	var fills []*pdfkit.Color
	for _, g := range domain.GroupByPackage(p) {
		name := tr("reports.req.unsorted_group")
		var base pdfkit.Color = pdfkit.ColorHeadFill
		if g.Package != nil {
			name = g.Package.Name
			base = pdfColor(g.Package.Color, pdfkit.ColorHeadFill)
		}
		var hours float64
		for _, t := range g.Tasks {
			hours += t.HoursPerMonth(p.Settings)
		}
		head := tint(base, 0.35)
		rows = append(rows, []string{name, tr("reports.req.group_info", map[string]any{"Count": len(g.Tasks)}), "", pdfkit.FormatHours(hours), "", ""})
		fills = append(fills, &head)
		light := tint(base, 0.1)
		for _, t := range g.Tasks {
			pkg := name
			rows = append(rows, []string{t.Name, pkg, t.Responsible, hoursCell(t, p.Settings), t.Note, priorityLabel(t.Priority, p.Settings.PriorityMode)})
			fills = append(fills, &light)
		}
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("reports.col.task"), Width: 24},
			{Title: tr("reports.req.col.package"), Width: 15},
			{Title: tr("reports.col.responsible_short"), Width: 16},
			{Title: tr("reports.col.hours_short"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("reports.col.note"), Width: 21},
			{Title: tr("reports.col.priority"), Width: 14},
		},
		Rows: rows,
		Cap:  taskCap, CapNote: "reports.rows_capped",
		RowFill: func(i int) (pdfkit.Color, bool) {
			if i < len(fills) && fills[i] != nil {
				return *fills[i], true
			}
			return pdfkit.Color{}, false
		},
	}
}

// pdfColor reads "#rrggbb"; fallback for anything else.
func pdfColor(hex string, fallback pdfkit.Color) pdfkit.Color {
	if r, g, b, ok := domain.ParseColor(hex); ok {
		return pdfkit.Color{R: int(r), G: int(g), B: int(b)}
	}
	return fallback
}

// tint mixes c into white (share 1 keeps c): light backgrounds that print well.
func tint(c pdfkit.Color, share float64) pdfkit.Color {
	mix := func(v int) int { return int(255 - float64(255-v)*share + 0.5) }
	return pdfkit.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B)}
}

// boardRead is a drawn board kept for the next layout run (BoardPNG's results).
type boardRead struct {
	png []byte
	ok  bool
	err error
}
