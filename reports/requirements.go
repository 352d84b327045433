package reports

import (
	"math"
	"strconv"
	"strings"

	"schulit-lotse/domain"
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

func writeRequirements(r *Report, p *domain.Project) {
	r.Section(3, stepTitle(3))
	r.Paragraph(Tr("reports.req.intro"))

	l := domain.LayoutBoard(p)
	sorted := len(p.Tasks) - len(l.Pile)
	withTarget := 0
	for _, pk := range p.Packages {
		if strings.TrimSpace(pk.TargetState) != "" {
			withTarget++
		}
	}
	r.KeyValues([][2]string{
		{Tr("reports.req.packages"), strconv.Itoa(len(p.Packages))},
		{Tr("reports.req.sorted"), strconv.Itoa(sorted)},
		{Tr("reports.req.unsorted"), strconv.Itoa(len(l.Pile))},
		{Tr("reports.req.with_target"), strconv.Itoa(withTarget)},
	})

	rows := [][]string{}
	for _, s := range domain.SummarizePackages(p) {
		pk := s.Package
		target, criteria := pk.TargetState, pk.Criteria
		if strings.TrimSpace(target) == "" {
			target = Tr("reports.req.missing")
		}
		if strings.TrimSpace(criteria) == "" {
			criteria = Tr("reports.req.missing")
		}
		rows = append(rows, []string{pk.Name, target, criteria, strconv.Itoa(s.Tasks), FormatHours(s.Hours), shareCell(s)})
	}
	r.Subsection(Tr("reports.req.per_package"))
	r.TableOrAppendix(Tr("reports.req.per_package"), "", Table{
		Columns: []Column{
			{Title: Tr("reports.req.col.package"), Width: 16},
			{Title: Tr("reports.req.col.target"), Width: 25},
			{Title: Tr("reports.req.col.criteria"), Width: 25},
			{Title: Tr("reports.col.tasks"), Width: 9, Align: AlignRight},
			{Title: Tr("reports.col.hours_short"), Width: 10, Align: AlignRight},
			{Title: Tr("reports.req.col.share"), Width: 15},
		},
		Rows:  rows,
		Zebra: true,
	})

	if len(l.Packages) > 0 && len(p.Tasks) > boardMaxCards {
		// Hundreds of cards would be specks on paper: the grouped table below lists them.
		r.Subsection(Tr("reports.req.board"))
		r.Paragraph(TrCount("reports.req.board_too_many", len(p.Tasks)))
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
			r.NewPage(Portrait)
		}
		r.Subsection(Tr("reports.req.board"))
		room = r.Bottom() - r.PDF().GetY() - 10
		png, ok, err := BoardPNG(p, boardImageWidthPx, int(room*float64(boardImageWidthPx)/r.Width()))
		if err != nil {
			r.PDF().SetError(err)
			return
		}
		if ok {
			r.Image(png, r.Width())
			r.Note(Tr("reports.req.board_note"))
		}
	}

	r.Subsection(Tr("reports.req.grouped"))
	r.Paragraph(Tr("reports.req.grouped_intro"))
	r.TableOrAppendix(Tr("reports.req.grouped"), "", groupedTable(p))

	findings3(r, p)
}

// shareCell is a package's must/nice share: "vorrangig 2 (67 %)\nnachrangig 1 (33 %)".
func shareCell(s domain.PackageSummary) string {
	pct := func(v float64) string { return FormatNumber(v*100) + " %" }
	out := Tr("reports.req.share_must", map[string]any{"Count": s.Must, "Share": pct(s.MustShare())}) + "\n" +
		Tr("reports.req.share_nice", map[string]any{"Count": s.Nice, "Share": pct(s.NiceShare())})
	if s.Unprioritised > 0 {
		out += "\n" + Tr("reports.req.share_none", map[string]any{"Count": s.Unprioritised})
	}
	return out
}

// groupedTable lists every task under its package (the unsorted ones last), like Abb. 5/6: a
// heading row per package in its colour, its tasks lightly tinted.
func groupedTable(p *domain.Project) Table {
	var rows [][]string
	var fills []*Color
	for _, g := range domain.GroupByPackage(p) {
		name := Tr("reports.req.unsorted_group")
		var base Color = ColorHeadFill
		if g.Package != nil {
			name = g.Package.Name
			base = pdfColor(g.Package.Color, ColorHeadFill)
		}
		var hours float64
		for _, t := range g.Tasks {
			hours += t.HoursPerMonth(p.Settings)
		}
		head := tint(base, 0.35)
		rows = append(rows, []string{name, Tr("reports.req.group_info", map[string]any{"Count": len(g.Tasks)}), "", FormatHours(hours), "", ""})
		fills = append(fills, &head)
		light := tint(base, 0.1)
		for _, t := range g.Tasks {
			pkg := name
			rows = append(rows, []string{t.Name, pkg, t.Responsible, hoursCell(t, p.Settings), t.Note, priorityLabel(t.Priority, p.Settings.PriorityMode)})
			fills = append(fills, &light)
		}
	}
	return Table{
		Columns: []Column{
			{Title: Tr("reports.col.task"), Width: 24},
			{Title: Tr("reports.req.col.package"), Width: 15},
			{Title: Tr("reports.col.responsible_short"), Width: 16},
			{Title: Tr("reports.col.hours_short"), Width: 10, Align: AlignRight},
			{Title: Tr("reports.col.note"), Width: 21},
			{Title: Tr("reports.col.priority"), Width: 14},
		},
		Rows: rows,
		Cap:  taskCap, CapNote: "reports.rows_capped",
		RowFill: func(i int) (Color, bool) {
			if i < len(fills) && fills[i] != nil {
				return *fills[i], true
			}
			return Color{}, false
		},
	}
}

// pdfColor reads "#rrggbb"; fallback for anything else.
func pdfColor(hex string, fallback Color) Color {
	if r, g, b, ok := domain.ParseColor(hex); ok {
		return Color{int(r), int(g), int(b)}
	}
	return fallback
}

// tint mixes c into white (share 1 keeps c): light backgrounds that print well.
func tint(c Color, share float64) Color {
	mix := func(v int) int { return int(255 - float64(255-v)*share + 0.5) }
	return Color{mix(c.R), mix(c.G), mix(c.B)}
}

// findings3 lists the open questions of step 3.
func findings3(r *Report, p *domain.Project) {
	var items []string
	for _, f := range domain.RequirementFindings(p) {
		msg := Tr(f.Code, map[string]any{"Subject": Line(f.Subject)})
		if f.Severity == domain.SeverityWarning {
			msg = Tr("reports.warning", map[string]any{"Message": msg})
		}
		items = append(items, msg)
	}
	if len(items) == 0 {
		return
	}
	r.Subsection(Tr("reports.open_questions"))
	r.Bullets(items)
}
