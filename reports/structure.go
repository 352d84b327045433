package reports

import (
	"math"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Step 11, Struktur- und Prozessmodell: roles, the RACI matrix on landscape pages, the
// communication matrix (the seed's Abb. 11), escalation levels and standing meetings.
var structureSection = section{
	Step: domain.StepStructure,
	Has: func(p *domain.Project) bool {
		return len(p.Roles)+len(p.RaciActivities)+len(p.CommunicationRows)+len(p.EscalationLevels)+len(p.Meetings) > 0
	},
	Write: writeStructure,
}

// Colours of the RACI letters, the same as on screen.
var raciFill = map[string]pdfkit.Color{
	domain.RaciResponsible: {R: 201, G: 221, B: 242},
	domain.RaciAccountable: {R: 248, G: 211, B: 168},
	domain.RaciConsulted:   {R: 212, G: 236, B: 208},
	domain.RaciInformed:    {R: 228, G: 228, B: 228},
}

// Layout of the RACI grid in millimetres.
const (
	raciNameMinW = 74.0  // the activity column when the page is full of roles
	raciNameMaxW = 120.0 // … and when there is room to spare
	raciColW     = 10.0  // one role
	raciHeadMaxH = 50.0  // the rotated role names
	raciMaxLines = 4     // lines of an activity's name; more are cut
)

// raciNameW is the width of the activity column: what the roles leave of the page, within limits.
func raciNameW(r *pdfkit.Report, roles int) float64 {
	return math.Max(raciNameMinW, math.Min(raciNameMaxW, r.Width()-float64(roles)*raciColW))
}

func writeStructure(r *pdfkit.Report, p *domain.Project) {
	r.Section(11, pdfkit.StepTitle(11))
	r.Paragraph(tr("reports.structure.intro"))
	roles := domain.SortedRoles(p.Roles)
	if len(roles) > 0 {
		r.Subsection(tr("reports.structure.roles"))
		rows := make([][]string, len(roles))
		for i, x := range roles {
			rows[i] = []string{x.Name, tr("party." + string(x.Party)), x.Persons, x.Deputy, x.Contact}
		}
		r.Table(pdfkit.Table{
			Columns: []pdfkit.Column{{Title: tr("structure.col.role"), Width: 27}, {Title: tr("structure.col.party"), Width: 14},
				{Title: tr("structure.col.persons"), Width: 21}, {Title: tr("structure.col.deputy"), Width: 16},
				{Title: tr("structure.col.contact"), Width: 22}},
			Rows: rows, Zebra: true,
		})
	}

	// The matrix is wide: it goes to the landscape pages of Anhang B.
	if len(p.RaciActivities) > 0 && len(roles) > 0 {
		r.Subsection(tr("reports.structure.raci"))
		r.ToAppendixKeeping(true, tr("reports.structure.raci"), raciKeep, func(r *pdfkit.Report) { writeRaci(r, p, roles) })
	}

	if len(p.CommunicationRows) > 0 {
		comm := domain.SortedCommunication(p.CommunicationRows)
		rows := make([][]string, len(comm))
		for i, c := range comm {
			rows[i] = []string{c.Occasion, opContactCell(p, c.CustomerRoleID), opContactCell(p, c.ProviderRoleID), c.Channel, c.Hours}
		}
		opTable(r, tr("reports.structure.communication"), pdfkit.Table{
			Columns: []pdfkit.Column{{Title: tr("structure.col.occasion"), Width: 20}, {Title: tr("structure.col.customer"), Width: 24},
				{Title: tr("structure.col.provider"), Width: 24}, {Title: tr("structure.col.channel"), Width: 16},
				{Title: tr("structure.col.hours"), Width: 16}},
			Rows: rows, Zebra: true,
		})
	}

	if len(p.EscalationLevels) > 0 {
		levels := domain.SortedEscalation(p.EscalationLevels)
		rows := make([][]string, len(levels))
		for i, e := range levels {
			rows[i] = []string{pdfkit.FormatNumber(float64(e.Level)), e.Trigger, opContactCell(p, e.CustomerRoleID), opContactCell(p, e.ProviderRoleID),
				tr("structure.reaction", map[string]any{"Hours": e.ReactionHours})}
		}
		opTable(r, tr("reports.structure.escalation"), pdfkit.Table{
			Columns: []pdfkit.Column{{Title: tr("structure.col.level"), Width: 7, Align: pdfkit.AlignCenter}, {Title: tr("structure.col.trigger"), Width: 30},
				{Title: tr("structure.col.customer"), Width: 25}, {Title: tr("structure.col.provider"), Width: 25},
				{Title: tr("structure.col.reaction"), Width: 13}},
			Rows: rows, Zebra: true,
		})
	}

	if len(p.Meetings) > 0 {
		rules := domain.MeetingRules(p)
		off := domain.NewOffDays(p.Meta.Bundesland, p.SchoolHolidays)
		today := r.AsOf()
		rows := make([][]string, len(p.Meetings))
		for i, m := range p.Meetings {
			first := "–"
			if m.FirstDate != nil {
				first = pdfkit.FormatDate(m.FirstDate.Time)
			}
			var next []string
			for _, d := range domain.NextMeetingDates(m, rules[m.ID], off, today, 3) {
				next = append(next, pdfkit.FormatDate(d.Time))
			}
			cadence := tr("structure.cadence."+domain.MeetingCadence(m, rules[m.ID]), map[string]any{"Days": m.CadenceDays})
			if rule := opRuleText(rules[m.ID]); rule != "" {
				cadence += "\n" + rule
			}
			rows[i] = []string{m.Name, cadence, first, opDash(strings.Join(next, "\n")), p.AttendeeNames(m.Participants), m.Agenda}
		}
		opTable(r, tr("reports.structure.meetings"), pdfkit.Table{
			Columns: []pdfkit.Column{{Title: tr("structure.col.meeting"), Width: 14}, {Title: tr("structure.col.cadence"), Width: 16},
				{Title: tr("structure.col.first"), Width: 13}, {Title: tr("reports.structure.next_dates"), Width: 13},
				{Title: tr("structure.col.participants"), Width: 20}, {Title: tr("structure.field.agenda"), Width: 24}},
			Rows: rows, Zebra: true,
		})
		r.Note(tr("reports.kickoff.as_of", map[string]any{"Date": pdfkit.FormatDate(today.Time)}))
	}
	r.OpenQuestions(domain.StructureFindings(p), true)
}

// opKeepWithTable is the room a heading needs below it so that it starts its table on the same
// page (rows of these tables run to several lines).
const opKeepWithTable = 60.0

// opTable writes a table under its heading, on a new page unless opKeepWithTable fits below.
func opTable(r *pdfkit.Report, title string, t pdfkit.Table) {
	r.EnsureSpace(opKeepWithTable)
	r.Subsection(title)
	r.Table(t)
}

// opRuleText names the date rules of a meeting, "" when it has none.
func opRuleText(rule domain.MeetingRule) string {
	var parts []string
	if rule.SkipOffDays {
		parts = append(parts, tr("reports.structure.skip_off"))
	}
	if rule.SkipSchoolHolidays {
		parts = append(parts, tr("reports.structure.skip_school"))
	}
	return strings.Join(parts, ", ")
}

// opContactCell is the role a contact points at, with its people on a second line.
func opContactCell(p *domain.Project, id *int64) string {
	if id == nil {
		return "–"
	}
	role := p.RoleByID(*id)
	if role == nil {
		return "–"
	}
	if role.Persons == "" {
		return role.Name
	}
	return role.Name + "\n" + role.Persons
}

// raciKeep is the room the matrix's heading needs below it on a landscape page: the intro,
// the legend, the rotated role names and a few activities.
const raciKeep = 100.0

// writeRaci draws the matrix on landscape pages: roles in column groups that fit the page,
// each group starting on a page of its own; rows break across pages with the header repeated.
func writeRaci(r *pdfkit.Report, p *domain.Project, roles []domain.Role) {
	acts := domain.SortedActivities(p.RaciActivities)
	idx := domain.IndexRaci(p.RaciAssignments)
	r.Paragraph(tr("reports.structure.raci_intro"))
	raciLegend(r)

	perPage := max(int((r.Width()-raciNameMinW)/raciColW), 1)
	groups := (len(roles) + perPage - 1) / perPage
	size := (len(roles) + groups - 1) / groups // balanced groups
	for g := 0; g < groups; g++ {
		group := roles[g*size : min((g+1)*size, len(roles))]
		if g > 0 {
			r.NewPage(pdfkit.Landscape)
		}
		if groups > 1 {
			r.TextBlock(pdfkit.Clean(tr("reports.structure.raci_group", map[string]any{
				"From": g*size + 1, "To": g*size + len(group), "Count": len(roles),
			}), false), "", 0, true)
			r.Gap(1)
		}
		headH := raciHeaderHeight(r, group)
		r.EnsureSpace(headH + 12)
		raciHeader(r, group, headH)
		prev := "\x00"
		for _, a := range acts {
			proc := strings.TrimSpace(a.Process)
			if proc != prev {
				prev = proc
				name := proc
				if name == "" {
					name = tr("raci.no_process")
				}
				raciRow(r, group, headH, name, nil, idx)
			}
			act := a
			raciRow(r, group, headH, act.Name, &act, idx)
		}
	}
}

// raciLegend shows what the letters mean, each on its colour.
func raciLegend(r *pdfkit.Report) {
	pdf := r.PDF()
	r.SetFont("", pdfkit.SmallSize)
	lh := pdfkit.LineHeight(pdfkit.SmallSize) + 1
	r.EnsureSpace(lh + 2)
	x, y := r.Left(), pdf.GetY()
	for _, l := range domain.RaciLetters {
		text := pdfkit.Line(tr("raci.letter." + l))
		w := pdf.GetStringWidth(text) + 2*pdfkit.CellMargin
		if x+6+w > r.Right() {
			x, y = r.Left(), y+lh+1
		}
		c := raciFill[l]
		pdf.SetFillColor(c.R, c.G, c.B)
		pdf.SetDrawColor(pdfkit.ColorBorder.R, pdfkit.ColorBorder.G, pdfkit.ColorBorder.B)
		pdf.SetLineWidth(0.15)
		pdf.Rect(x, y+0.6, 5, lh-1.2, "FD")
		r.SetText(pdfkit.ColorText)
		pdf.SetXY(x+5.5, y)
		pdf.CellFormat(w, lh, text, "", 0, "L", false, 0, "")
		x += 6 + w + 4
	}
	pdf.SetXY(r.Left(), y+lh+2)
}

// raciHeaderHeight is the height the longest role name needs when turned upright.
func raciHeaderHeight(r *pdfkit.Report, roles []domain.Role) float64 {
	r.SetFont("B", pdfkit.SmallSize)
	h := 14.0
	for _, x := range roles {
		h = math.Max(h, r.PDF().GetStringWidth(pdfkit.Line(x.Name))+2*pdfkit.CellMargin+1)
	}
	return math.Min(h, raciHeadMaxH)
}

// raciHeader draws the activity heading and the role names, turned to read upwards.
func raciHeader(r *pdfkit.Report, roles []domain.Role, h float64) {
	pdf := r.PDF()
	nameW := raciNameW(r, len(roles))
	y := pdf.GetY()
	pdf.SetDrawColor(pdfkit.ColorBorder.R, pdfkit.ColorBorder.G, pdfkit.ColorBorder.B)
	pdf.SetLineWidth(0.15)
	pdf.SetFillColor(pdfkit.ColorHeadFill.R, pdfkit.ColorHeadFill.G, pdfkit.ColorHeadFill.B)
	pdf.Rect(r.Left(), y, nameW, h, "FD")
	r.SetFont("B", pdfkit.TableSize)
	r.SetText(pdfkit.ColorText)
	pdf.SetXY(r.Left(), y+h-pdfkit.LineHeight(pdfkit.TableSize)-pdfkit.CellPad)
	pdf.CellFormat(nameW, pdfkit.LineHeight(pdfkit.TableSize), r.Fit(pdfkit.Line(tr("raci.col.activity")), nameW), "", 0, "L", false, 0, "")
	r.SetFont("B", pdfkit.SmallSize)
	for i, role := range roles {
		x := r.Left() + nameW + float64(i)*raciColW
		pdf.Rect(x, y, raciColW, h, "FD")
		name := opFitWidth(r, pdfkit.Line(role.Name), h-2*pdfkit.CellMargin)
		// Baseline a third of the font size right of the column's middle, reading upwards.
		bx, by := x+raciColW/2+pdfkit.SmallSize*0.3528/3, y+h-pdfkit.CellMargin
		pdf.TransformBegin()
		pdf.TransformRotate(90, bx, by)
		pdf.Text(bx, by, name)
		pdf.TransformEnd()
	}
	pdf.SetXY(r.Left(), y+h)
}

// opFitWidth shortens text with an ellipsis to w millimetres in the current font.
func opFitWidth(r *pdfkit.Report, text string, w float64) string {
	if r.PDF().GetStringWidth(text) <= w {
		return text
	}
	rs := []rune(text)
	for len(rs) > 0 && r.PDF().GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRight(string(rs), " ") + "…"
}

// raciRow draws a process heading (a == nil) or an activity with its letters, breaking the page
// (header repeated) when the row does not fit.
func raciRow(r *pdfkit.Report, roles []domain.Role, headH float64, name string, a *domain.RaciActivity, idx domain.RaciIndex) {
	pdf := r.PDF()
	nameW := raciNameW(r, len(roles))
	style := ""
	if a == nil {
		style = "B"
	}
	r.SetFont(style, pdfkit.TableSize)
	lh := pdfkit.LineHeight(pdfkit.TableSize)
	lines := r.Split(pdfkit.Clean(name, false), nameW-2*pdfkit.CellMargin)
	if len(lines) > raciMaxLines {
		lines = append(lines[:raciMaxLines-1], opFitWidth(r, lines[raciMaxLines-1]+"…", nameW-2*pdfkit.CellMargin))
	}
	h := float64(len(lines))*lh + 2*pdfkit.CellPad
	need := h
	if a == nil {
		need += lh + 2*pdfkit.CellPad // a process heading keeps its first activity with it
	}
	if pdf.GetY()+need > r.Bottom() {
		r.NewPage(pdfkit.Landscape)
		raciHeader(r, roles, headH)
		r.SetFont(style, pdfkit.TableSize)
	}
	y := pdf.GetY()
	width := nameW + float64(len(roles))*raciColW
	pdf.SetDrawColor(pdfkit.ColorBorder.R, pdfkit.ColorBorder.G, pdfkit.ColorBorder.B)
	pdf.SetLineWidth(0.15)
	if a == nil {
		pdf.SetFillColor(pdfkit.ColorFootFill.R, pdfkit.ColorFootFill.G, pdfkit.ColorFootFill.B)
		pdf.Rect(r.Left(), y, width, h, "FD")
	} else {
		pdf.Rect(r.Left(), y, nameW, h, "D")
	}
	r.SetText(pdfkit.ColorText)
	for i, l := range lines {
		pdf.SetXY(r.Left(), y+pdfkit.CellPad+float64(i)*lh)
		pdf.CellFormat(nameW, lh, l, "", 0, "L", false, 0, "")
	}
	if a != nil {
		r.SetFont("B", pdfkit.TableSize)
		for i, role := range roles {
			x := r.Left() + nameW + float64(i)*raciColW
			letter := idx[domain.RaciCell{ActivityID: a.ID, RoleID: role.ID}]
			if c, ok := raciFill[letter]; ok {
				pdf.SetFillColor(c.R, c.G, c.B)
				pdf.Rect(x, y, raciColW, h, "FD")
			} else {
				pdf.Rect(x, y, raciColW, h, "D")
			}
			if letter != "" {
				pdf.SetXY(x, y+(h-lh)/2)
				pdf.CellFormat(raciColW, lh, letter, "", 0, "C", false, 0, "")
			}
		}
	}
	pdf.SetXY(r.Left(), y+h)
}
