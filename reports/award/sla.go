package award

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

// HasSLA reports whether step 7 has content: an SLA or Ferien.
func HasSLA(p *domain.Project) bool { return len(p.SLAs) > 0 || len(p.SchoolHolidays) > 0 }

// WriteSLA writes the Gesamtbericht's section of step 7.
func WriteSLA(r *pdfkit.Report, p *domain.Project) {
	r.Section(7, pdfkit.StepTitle(7))
	r.Paragraph(tr("award.report.sla.intro"))
	working := domain.WorkingSLAs(p)
	if len(working) == 0 {
		r.Note(tr("award.report.sla.none"))
	}
	for _, s := range working {
		slaBlock(r, p, s)
	}
	if p.Contract.SLAID != nil {
		frozen := tr("award.report.sla.frozen", map[string]any{"Date": dayOrDash(p.Contract.FrozenOn)})
		if domain.SLAsChangedSinceContract(p) {
			frozen += " " + tr("award.report.sla.changed")
		}
		r.Note(frozen)
	}
	levelsAndCost(r, p)
	calendarSection(r, p)
	r.OpenQuestions(domain.SLAFindings(p), false)
}

// slaBlock writes one SLA: a subsection with the facts, then the priority classes.
func slaBlock(r *pdfkit.Report, p *domain.Project, s domain.SLA) {
	r.Subsection(tr("award.report.sla.heading", map[string]any{"Name": pdfkit.Line(s.Name), "Scope": scopeText(p, s)}))
	r.KeyValues(slaFacts(p, s))
	r.EnsureSpace(tableStart)
	r.Table(classTable(s))
}

// tableStart is the room a table needs below the cursor to start on this page: its header and
// a first row of two lines.
const tableStart = 22

// slaFacts are the SLA's facts as label–value pairs (shared with the Leistungsbeschreibung).
func slaFacts(p *domain.Project, s domain.SLA) [][2]string {
	return [][2]string{
		{tr("award.report.sla.hours"), strings.Join(windowLines(s), "\n")},
		{tr("award.report.sla.per_week"), pdfkit.FormatHours(float64(domain.ServiceMinutesPerWeek(s)) / 60)},
		{tr("award.report.sla.time_zone"), tr("award.report.sla.berlin")},
		{tr("award.report.sla.public_stop"), stopText(s.PublicHolidaysStopClock, tr("award.report.sla.public_of", map[string]any{"State": pdfkit.BundeslandName(p.Meta.Bundesland)}))},
		{tr("award.report.sla.ferien_stop"), stopText(s.SchoolHolidaysStopClock, tr("award.report.sla.ferien_of", map[string]any{"Count": len(p.SchoolHolidays)}))},
		{tr("award.report.sla.hotline"), hotlineText(s)},
		{tr("award.report.sla.satisfaction"), pctText(s.SatisfactionTargetPct)},
		{tr("award.report.sla.cadence"), cadenceText(s.ReportingCadence)},
	}
}

// classTable lists the priority classes with both targets and how they are measured.
func classTable(s domain.SLA) pdfkit.Table {
	rows := make([][]string, 0, len(s.Classes))
	for _, c := range s.Classes {
		rows = append(rows, []string{c.Code, c.Description, minutesText(c.ResponseMinutes), minutesText(c.RestoreMinutes), measureText(c.CalendarTime)})
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

// levelsAndCost sets the service level of every package beside its cost, with the hint that
// more service costs more.
func levelsAndCost(r *pdfkit.Report, p *domain.Project) {
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
				level += ", " + tr("award.levels.restore", map[string]any{"Class": l.FirstClass, "Target": minutesText(l.RestoreMinutes)})
			}
		}
		rows = append(rows, []string{l.Package.Name, sla, level, outcomeName(l.Outcome),
			knownEuro(l.ExternalYear, l.ExternalKnown), knownEuro(l.InternalYear, l.InternalKnown)})
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

// calendarSection lists the Ferien and the public holidays of the years they span.
func calendarSection(r *pdfkit.Report, p *domain.Project) {
	if len(p.SchoolHolidays) > 0 {
		r.Subsection(tr("award.report.ferien"))
		r.Table(ferienTable(p.SchoolHolidays, true))
	}
	years := calendarYears(p, r.AsOf().Time)
	if p.Meta.Bundesland == "" || len(years) == 0 {
		return
	}
	r.Subsection(tr("award.report.public", map[string]any{"State": pdfkit.BundeslandName(p.Meta.Bundesland),
		"Years": yearsText(years)}))
	r.Table(publicTable(p.Meta.Bundesland, years))
}

// ferienTable lists the Ferien; withSource adds where they were imported from (for the
// planning, not for documents that leave the house).
func ferienTable(hs []domain.SchoolHoliday, withSource bool) pdfkit.Table {
	sorted := append([]domain.SchoolHoliday(nil), hs...)
	domain.SortHolidays(sorted)
	rows := make([][]string, 0, len(sorted))
	for _, h := range sorted {
		days := domain.DaysBetween(h.First, h.Last) + 1
		row := []string{h.Name, dayWithWeekday(h.First), dayWithWeekday(h.Last), strconv.Itoa(days)}
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

func publicTable(state domain.Bundesland, years []int) pdfkit.Table {
	var rows [][]string
	for _, y := range years {
		for _, h := range domain.PublicHolidays(state, y) {
			rows = append(rows, []string{dayWithWeekday(h.Date), h.Name})
		}
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{{Title: tr("award.report.col.date"), Width: 30}, {Title: tr("award.report.col.holiday"), Width: 70}},
		Rows:    rows,
		Zebra:   true,
	}
}

// calendarYears are the years the Ferien span, else the report's year.
func calendarYears(p *domain.Project, today time.Time) []int {
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

func yearsText(years []int) string {
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// --- small formatters shared by the sections of steps 7–9 and the Leistungsbeschreibung ---

func scopeText(p *domain.Project, s domain.SLA) string {
	if s.PackageID == nil {
		return tr("award.scope.general")
	}
	if pk := p.PackageByID(*s.PackageID); pk != nil {
		return tr("award.scope.package", map[string]any{"Name": pk.Name})
	}
	return tr("award.scope.gone")
}

// windowLines are the service hours, Monday first, with neighbouring days of the same hours
// joined: "Mo–Do: 07:30–16:30", "Fr: 07:30–14:00".
func windowLines(s domain.SLA) []string {
	order := []int{1, 2, 3, 4, 5, 6, 0}
	spans := make([]string, len(order))
	for i, wd := range order {
		ws := domain.WindowsOn(s, wd)
		parts := make([]string, len(ws))
		for k, w := range ws {
			parts[k] = clockText(w.StartMinute) + "–" + clockText(w.EndMinute)
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

func clockText(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// minutesText writes a target: "30 min", "4 h", "1,5 h".
func minutesText(m int) string {
	if m < 60 {
		return strconv.Itoa(m) + " " + tr("award.unit.min")
	}
	return pdfkit.FormatHours(float64(m) / 60)
}

func measureText(calendar bool) string {
	if calendar {
		return tr("award.measure.calendar")
	}
	return tr("award.measure.service")
}

func stopText(stop bool, what string) string {
	if stop {
		return tr("award.report.stop.yes", map[string]any{"What": what})
	}
	return tr("award.report.stop.no")
}

func hotlineText(s domain.SLA) string {
	return tr("award.report.sla.hotline_value", map[string]any{"Pct": pdfkit.FormatNumber(s.HotlineAnsweredPct), "Wait": secondsText(s.HotlineMaxWaitSeconds)})
}

func secondsText(n int) string {
	if n > 0 && n%60 == 0 {
		return strconv.Itoa(n/60) + " " + tr("award.unit.min")
	}
	return strconv.Itoa(n) + " " + tr("award.unit.s")
}

func pctText(v float64) string { return pdfkit.FormatNumber(v) + " %" }

func cadenceText(c string) string {
	if c == "" {
		return "–"
	}
	return tr("award.cadence." + c)
}

func outcomeName(o domain.SourcingOutcome) string {
	if o == domain.OutcomeOpen {
		return tr("award.outcome.open")
	}
	return tr("award.outcome." + string(o))
}

func euro(v float64) string { return pdfkit.FormatNumber(v) + " €" }

// knownEuro is a yearly cost in whole euros, "–" when step 5 could not compute it.
func knownEuro(v float64, known bool) string {
	if !known {
		return "–"
	}
	return euro(math.Round(v))
}

func dayOrDash(d *domain.Date) string {
	if d == nil {
		return "–"
	}
	return pdfkit.FormatDate(d.Time)
}

func dayWithWeekday(d domain.Date) string {
	return tr("award.weekday.short."+strconv.Itoa(int(d.Weekday()))) + " " + pdfkit.FormatDate(d.Time)
}
