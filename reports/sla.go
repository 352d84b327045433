package reports

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Step 7, Leistungsvereinbarung vorbereiten: every working SLA with its service hours, what
// stops the clock, the priority classes and the other targets; the Ferien and public holidays;
// the service levels per package beside their cost.
var slaSection = section{
	Step:  domain.StepSLA,
	Has:   func(p *domain.Project) bool { return len(p.SLAs) > 0 || len(p.SchoolHolidays) > 0 },
	Write: writeSLA,
}

func writeSLA(r *pdfkit.Report, p *domain.Project) {
	r.Section(7, stepTitle(7))
	r.Paragraph(tr("award.report.sla.intro"))
	working := domain.WorkingSLAs(p)
	if len(working) == 0 {
		r.Note(tr("award.report.sla.none"))
	}
	for _, s := range working {
		awSLABlock(r, p, s)
	}
	if p.Contract.SLAID != nil {
		frozen := tr("award.report.sla.frozen", map[string]any{"Date": awDate(p.Contract.FrozenOn)})
		if domain.SLAsChangedSinceContract(p) {
			frozen += " " + tr("award.report.sla.changed")
		}
		r.Note(frozen)
	}
	awLevelsAndCost(r, p)
	awCalendar(r, p)
	r.OpenQuestions(domain.SLAFindings(p), false)
}

// awSLABlock writes one SLA: a subsection with the facts, then the priority classes.
func awSLABlock(r *pdfkit.Report, p *domain.Project, s domain.SLA) {
	r.Subsection(tr("award.report.sla.heading", map[string]any{"Name": pdfkit.Line(s.Name), "Scope": awScope(p, s)}))
	r.KeyValues(awSLAFacts(p, s))
	r.EnsureSpace(awTableStart)
	r.Table(awClassTable(s))
}

// awTableStart is the room a table needs below the cursor to start on this page: its header and
// a first row of two lines.
const awTableStart = 22

// awSLAFacts are the SLA's facts as label–value pairs (shared with the Leistungsbeschreibung).
func awSLAFacts(p *domain.Project, s domain.SLA) [][2]string {
	return [][2]string{
		{tr("award.report.sla.hours"), strings.Join(awWindowLines(s), "\n")},
		{tr("award.report.sla.per_week"), pdfkit.FormatHours(float64(domain.ServiceMinutesPerWeek(s)) / 60)},
		{tr("award.report.sla.time_zone"), tr("award.report.sla.berlin")},
		{tr("award.report.sla.public_stop"), awStopText(s.PublicHolidaysStopClock, tr("award.report.sla.public_of", map[string]any{"State": pdfkit.BundeslandName(p.Meta.Bundesland)}))},
		{tr("award.report.sla.ferien_stop"), awStopText(s.SchoolHolidaysStopClock, tr("award.report.sla.ferien_of", map[string]any{"Count": len(p.SchoolHolidays)}))},
		{tr("award.report.sla.hotline"), awHotline(s)},
		{tr("award.report.sla.satisfaction"), awPct(s.SatisfactionTargetPct)},
		{tr("award.report.sla.cadence"), awCadence(s.ReportingCadence)},
	}
}

// awClassTable lists the priority classes with both targets and how they are measured.
func awClassTable(s domain.SLA) pdfkit.Table {
	rows := make([][]string, 0, len(s.Classes))
	for _, c := range s.Classes {
		rows = append(rows, []string{c.Code, c.Description, awMinutes(c.ResponseMinutes), awMinutes(c.RestoreMinutes), awMeasure(c.CalendarTime)})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("award.report.col.class"), Width: 11},
			{Title: tr("award.report.col.description"), Width: 37},
			{Title: tr("award.report.col.response"), Width: 13, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.restore"), Width: 23, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.measured"), Width: 16},
		},
		Rows:  rows,
		Zebra: true,
	}
}

// awLevelsAndCost sets the service level of every package beside its cost, with the hint that
// more service costs more.
func awLevelsAndCost(r *pdfkit.Report, p *domain.Project) {
	levels := domain.PackageLevels(p)
	if len(levels) == 0 {
		return
	}
	r.Subsection(tr("award.report.levels"))
	r.Paragraph(tr("award.levels.hint"))
	rows := make([][]string, 0, len(levels))
	for _, l := range levels {
		sla, level := "–", "–"
		if l.SLA != nil {
			sla = l.SLA.Name
			if !l.Own {
				sla = tr("award.levels.general", map[string]any{"Name": l.SLA.Name})
			}
			level = tr("award.levels.hours", map[string]any{"Hours": pdfkit.FormatNumber(l.ServiceHoursWeek)})
			if l.FirstClass != "" {
				level += ", " + tr("award.levels.restore", map[string]any{"Class": l.FirstClass, "Target": awMinutes(l.RestoreMinutes)})
			}
		}
		rows = append(rows, []string{l.Package.Name, sla, level, awOutcome(l.Outcome),
			awKnownEuro(l.ExternalYear, l.ExternalKnown), awKnownEuro(l.InternalYear, l.InternalKnown)})
	}
	r.Table(pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("award.report.col.package"), Width: 19},
			{Title: tr("award.report.col.sla"), Width: 19},
			{Title: tr("award.report.col.level"), Width: 20},
			{Title: tr("award.report.col.outcome"), Width: 12},
			{Title: tr("award.report.col.external_year"), Width: 15, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.internal_year"), Width: 15, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Zebra: true,
	})
}

// awCalendar lists the Ferien and the public holidays of the years they span.
func awCalendar(r *pdfkit.Report, p *domain.Project) {
	if len(p.SchoolHolidays) > 0 {
		r.Subsection(tr("award.report.ferien"))
		r.Table(awFerienTable(p.SchoolHolidays, true))
	}
	years := awCalendarYears(p, r.AsOf().Time)
	if p.Meta.Bundesland == "" || len(years) == 0 {
		return
	}
	r.Subsection(tr("award.report.public", map[string]any{"State": pdfkit.BundeslandName(p.Meta.Bundesland),
		"Years": awYearsText(years)}))
	r.Table(awPublicTable(p.Meta.Bundesland, years))
}

// awFerienTable lists the Ferien; withSource adds where they were imported from (for the
// planning, not for documents that leave the house).
func awFerienTable(hs []domain.SchoolHoliday, withSource bool) pdfkit.Table {
	sorted := append([]domain.SchoolHoliday(nil), hs...)
	domain.SortHolidays(sorted)
	rows := make([][]string, 0, len(sorted))
	for _, h := range sorted {
		days := domain.DaysBetween(h.First, h.Last) + 1
		row := []string{h.Name, awDayWithWeekday(h.First), awDayWithWeekday(h.Last), strconv.Itoa(days)}
		if withSource {
			row = append(row, h.Source)
		}
		rows = append(rows, row)
	}
	cols := []pdfkit.Column{
		{Title: tr("award.report.col.ferien"), Width: 34},
		{Title: tr("award.report.col.first"), Width: 16},
		{Title: tr("award.report.col.last"), Width: 16},
		{Title: tr("award.report.col.days"), Width: 7, Align: pdfkit.AlignRight},
	}
	if withSource {
		cols = append(cols, pdfkit.Column{Title: tr("award.report.col.source"), Width: 27})
	}
	return pdfkit.Table{Columns: cols, Rows: rows, Zebra: true}
}

func awPublicTable(state domain.Bundesland, years []int) pdfkit.Table {
	var rows [][]string
	for _, y := range years {
		for _, h := range domain.PublicHolidays(state, y) {
			rows = append(rows, []string{awDayWithWeekday(h.Date), h.Name})
		}
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{{Title: tr("award.report.col.date"), Width: 30}, {Title: tr("award.report.col.holiday"), Width: 70}},
		Rows:    rows,
		Zebra:   true,
	}
}

// awCalendarYears are the years the Ferien span, else the report's year.
func awCalendarYears(p *domain.Project, today time.Time) []int {
	seen := map[int]bool{}
	var out []int
	for _, h := range p.SchoolHolidays {
		for y := h.First.Year(); y <= h.Last.Year() && y-h.First.Year() < 3; y++ {
			if !seen[y] {
				seen[y] = true
				out = append(out, y)
			}
		}
	}
	if len(out) == 0 {
		out = []int{today.Year()}
	}
	sort.Ints(out)
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func awYearsText(years []int) string {
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// --- small formatters shared by the sections of steps 7–9 and the Leistungsbeschreibung ---

func awScope(p *domain.Project, s domain.SLA) string {
	if s.PackageID == nil {
		return tr("award.scope.general")
	}
	if pk := p.PackageByID(*s.PackageID); pk != nil {
		return tr("award.scope.package", map[string]any{"Name": pk.Name})
	}
	return tr("award.scope.gone")
}

// awWindowLines are the service hours, Monday first, with neighbouring days of the same hours
// joined: "Mo–Do: 07:30–16:30", "Fr: 07:30–14:00".
func awWindowLines(s domain.SLA) []string {
	order := []int{1, 2, 3, 4, 5, 6, 0}
	spans := make([]string, len(order))
	for i, wd := range order {
		ws := domain.WindowsOn(s, wd)
		parts := make([]string, len(ws))
		for k, w := range ws {
			parts[k] = awClock(w.StartMinute) + "–" + awClock(w.EndMinute)
		}
		spans[i] = strings.Join(parts, ", ")
	}
	var out []string
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && spans[j+1] == spans[i] {
			j++
		}
		if spans[i] != "" {
			days := tr("award.weekday.short." + strconv.Itoa(order[i]))
			if j > i {
				days += "–" + tr("award.weekday.short."+strconv.Itoa(order[j]))
			}
			out = append(out, days+": "+spans[i])
		}
		i = j + 1
	}
	if len(out) == 0 {
		return []string{tr("award.report.sla.no_hours")}
	}
	return out
}

func awClock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// awMinutes writes a target: "30 min", "4 h", "1,5 h".
func awMinutes(m int) string {
	if m < 60 {
		return strconv.Itoa(m) + " " + tr("award.unit.min")
	}
	return pdfkit.FormatHours(float64(m) / 60)
}

func awMeasure(calendar bool) string {
	if calendar {
		return tr("award.measure.calendar")
	}
	return tr("award.measure.service")
}

func awStopText(stop bool, what string) string {
	if stop {
		return tr("award.report.stop.yes", map[string]any{"What": what})
	}
	return tr("award.report.stop.no")
}

func awHotline(s domain.SLA) string {
	return tr("award.report.sla.hotline_value", map[string]any{"Pct": pdfkit.FormatNumber(s.HotlineAnsweredPct), "Wait": awSeconds(s.HotlineMaxWaitSeconds)})
}

func awSeconds(n int) string {
	if n > 0 && n%60 == 0 {
		return strconv.Itoa(n/60) + " " + tr("award.unit.min")
	}
	return strconv.Itoa(n) + " " + tr("award.unit.s")
}

func awPct(v float64) string { return pdfkit.FormatNumber(v) + " %" }

func awCadence(c string) string {
	if c == "" {
		return "–"
	}
	return tr("award.cadence." + c)
}

func awOutcome(o domain.SourcingOutcome) string {
	if o == domain.OutcomeOpen {
		return tr("award.outcome.open")
	}
	return tr("award.outcome." + string(o))
}

func awEuro(v float64) string { return pdfkit.FormatNumber(v) + " €" }

// awKnownEuro is a yearly cost in whole euros, "–" when step 5 could not compute it.
func awKnownEuro(v float64, known bool) string {
	if !known {
		return "–"
	}
	return awEuro(math.Round(v))
}

func awDate(d *domain.Date) string {
	if d == nil {
		return "–"
	}
	return pdfkit.FormatDate(d.Time)
}

func awDayWithWeekday(d domain.Date) string {
	return tr("award.weekday.short."+strconv.Itoa(int(d.Weekday()))) + " " + pdfkit.FormatDate(d.Time)
}
