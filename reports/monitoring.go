package reports

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/pdfkit"
)

// Step 12, Steuerung und Monitoring: the Gesamtbericht's section (the KPIs of the newest
// quarter, the Jour fixes, open measures and knowledge checks) and the separate monitoring
// report a committee reads for a chosen period.
var monitoringSection = section{Step: domain.StepMonitoring, Has: hasMonitoring, WriteFrom: writeMonitoringSection}

// hasMonitoring: monitoring data (counted in the file when the rows stayed there), meetings,
// measures or knowledge checks.
func hasMonitoring(p *domain.Project) bool {
	return p.Monitoring().HasData() || len(p.JourFixes)+len(p.Measures)+len(p.KnowledgeChecks) > 0
}

// Row colours of the traffic lights.
var (
	fillGreen = pdfkit.Color{R: 232, G: 245, B: 233}
	fillAmber = pdfkit.Color{R: 255, G: 243, B: 205}
	fillRed   = pdfkit.Color{R: 253, G: 226, B: 226}
)

func lightFill(l kpi.Light) (pdfkit.Color, bool) {
	switch l {
	case kpi.LightGreen:
		return fillGreen, true
	case kpi.LightAmber:
		return fillAmber, true
	case kpi.LightRed:
		return fillRed, true
	}
	return pdfkit.Color{}, false
}

// writeMonitoringSection is step 12 in the Gesamtbericht: the KPIs of the quarter of the newest
// data (m.sectionPeriod), read through the book's source.
func writeMonitoringSection(r *pdfkit.Report, p *domain.Project, m *monitoring) {
	r.Section(12, pdfkit.StepTitle(12))
	r.Paragraph(tr("kpi.report.section_intro"))
	if p.Monitoring().HasData() {
		period := m.sectionPeriod(p)
		if rep := m.report(p, period); rep != nil {
			r.Subsection(tr("kpi.report.kpis_of", map[string]any{"Period": FormatPeriod(period)}))
			r.Note(tr("kpi.report.basis", map[string]any{"Previous": FormatPeriod(rep.Previous), "AsOf": FormatDateTime(rep.AsOf)}))
			r.Table(kpiTable(rep, true))
			r.Note(lightLegend(rep.Settings))
			if rep.Tickets.Total.Tickets > 0 {
				// Ten columns: the table goes to the landscape pages of Anhang B.
				r.Subsection(tr("kpi.report.by_priority"))
				r.TableOrAppendix(tr("kpi.report.by_priority"), "", groupTable(rep.Tickets.ByPriority, tr("kpi.col.class")))
				if png, err := trendChart(rep).PNG(r); err == nil {
					r.Image(png, chartMM)
				}
			}
		}
	} else {
		r.Note(tr("kpi.report.no_data"))
	}
	meetingsAndMeasures(r, p, nil)
	knowledgeTable(r, p)
	r.OpenQuestions(domain.MonitoringFindings(p, r.AsOf()), false)
}

// kpiTable lists the indicators with target, light, previous period and change.
func kpiTable(rep *kpi.Report, withClasses bool) pdfkit.Table {
	list := append([]kpi.Indicator(nil), rep.Indicators...)
	if withClasses {
		list = append(list, rep.ClassIndicators...)
	}
	return indicatorTable(list)
}

// indicatorTable lists indicators (computed now or frozen in a Jour fixe) with target, light,
// previous period and change.
func indicatorTable(list []kpi.Indicator) pdfkit.Table {
	rows := make([][]string, 0, len(list))
	for _, in := range list {
		rows = append(rows, []string{KPILabel(in), IndicatorValue(in), KPITarget(in), KPILight(in.Light), KPIPrevious(in), KPIChange(in)})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("kpi.col.kpi"), Width: 30},
			{Title: tr("kpi.col.value"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.target"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.light"), Width: 11},
			{Title: tr("kpi.col.previous"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.change"), Width: 17},
		},
		Rows:    rows,
		RowFill: func(i int) (pdfkit.Color, bool) { return lightFill(list[i].Light) },
	}
}

// lightLegend says how the lights are set, with the project's thresholds.
func lightLegend(s domain.KPISettings) string {
	s = s.WithDefaults()
	return tr("kpi.report.legend", map[string]any{"Points": pdfkit.FormatNumber(s.AmberPoints), "Pct": pdfkit.FormatNumber(s.AmberPct),
		"Compliance": pdfkit.FormatNumber(s.CompliancePct)})
}

// groupTable lists ticket groups (priority, package, category, school) with their times.
func groupTable(groups []kpi.Group, first string) pdfkit.Table {
	rows := make([][]string, 0, len(groups))
	for _, g := range groups {
		rows = append(rows, []string{groupName(g.Key), FormatCount(g.Tickets), FormatCount(g.Open),
			FormatPct(g.Response.SharePct, g.Response.Measured), timeCell(g.Response.MedianMin, g.Response.Times), timeCell(g.Response.P90Min, g.Response.Times),
			FormatPct(g.Restore.SharePct, g.Restore.Measured), timeCell(g.Restore.MedianMin, g.Restore.Times), timeCell(g.Restore.P90Min, g.Restore.Times),
			FormatCount(g.Breaches)})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: first, Width: 15},
			{Title: tr("kpi.col.tickets"), Width: 8, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.open"), Width: 7, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.response_share"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.response_median"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.response_p90"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.restore_share"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.restore_median"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.restore_p90"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.breaches"), Width: 10, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Zebra: true,
	}
}

// groupName is the name of a group of tickets, calls or answers in a table or chart: its key
// (a category, school, …) on one line, "(ohne Angabe)" for the rows that have none.
func groupName(key string) string {
	if k := pdfkit.Line(key); k != "" {
		return k
	}
	return tr("kpi.none")
}

func timeCell(m float64, n int) string {
	if n == 0 {
		return "–"
	}
	return FormatMinutes(m)
}

// chartMM is the printed width of a chart: its drawn size, so the text in it keeps its size.
const chartMM = chartW * 10

// maxBreachRows bounds the breach list of the report (the earliest ones); the rest is counted,
// and the ticket tables by class, package, category and school count every breach.
const maxBreachRows = 40

func breachTable(bs []kpi.Breach) pdfkit.Table {
	rows := [][]string{}
	for i, b := range bs {
		if i == maxBreachRows {
			break
		}
		state := tr("kpi.breach.done")
		if b.Open {
			state = tr("kpi.breach.open")
		}
		rows = append(rows, []string{pdfkit.Line(b.ExternalID), FormatDateTime(b.Created), b.Priority, tr("kpi.kind." + b.Kind),
			FormatMinutes(b.ElapsedMin), FormatMinutes(float64(b.TargetMin)), FormatDateTime(b.Deadline), state, pdfkit.Line(b.School)})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("kpi.col.ticket"), Width: 12},
			{Title: tr("kpi.col.created"), Width: 13},
			{Title: tr("kpi.col.class"), Width: 6},
			{Title: tr("kpi.col.kind"), Width: 10},
			{Title: tr("kpi.col.elapsed"), Width: 11, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.target_time"), Width: 9, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.deadline"), Width: 13},
			{Title: tr("kpi.col.state"), Width: 9},
			{Title: tr("kpi.col.school"), Width: 17},
		},
		Rows:  rows,
		Zebra: true,
	}
}

// meetingsAndMeasures lists the Jour fixes (those in period when given) and the measures not
// yet done, overdue ones marked.
func meetingsAndMeasures(r *pdfkit.Report, p *domain.Project, period *kpi.Period) {
	var meetings []domain.JourFixe
	for _, j := range p.JourFixes {
		if period == nil || !j.Date.Before(period.From.Time) && !j.Date.After(period.To.Time) {
			meetings = append(meetings, j)
		}
	}
	if len(meetings) > 0 {
		r.Subsection(tr("kpi.report.meetings"))
		rows := make([][]string, 0, len(meetings))
		for _, j := range meetings {
			agreed := 0
			for _, m := range p.Measures {
				if m.JourFixeID != nil && *m.JourFixeID == j.ID {
					agreed++
				}
			}
			summary := "–"
			if f, ok := kpi.ParseFrozen(j.FrozenKPIs); ok {
				summary = frozenSummary(f)
			}
			rows = append(rows, []string{pdfkit.FormatDate(j.Date.Time), pdfkit.Line(p.AttendeeNames(j.Participants)), FormatCount(agreed), summary, j.Notes})
		}
		r.Table(pdfkit.Table{
			Columns: []pdfkit.Column{
				{Title: tr("kpi.col.date"), Width: 12},
				{Title: tr("kpi.col.participants"), Width: 22},
				{Title: tr("kpi.col.measures"), Width: 10, Align: pdfkit.AlignRight},
				{Title: tr("kpi.col.frozen"), Width: 26},
				{Title: tr("kpi.col.notes"), Width: 30},
			},
			Rows: rows, Zebra: true,
		})
	}
	today := r.AsOf()
	var open []domain.Measure
	for _, m := range p.Measures {
		if !domain.MeasureDoneStatus(m.Status) {
			open = append(open, m)
		}
	}
	domain.SortMeasures(open)
	r.Subsection(tr("kpi.report.measures"))
	if len(open) == 0 {
		r.Note(tr("kpi.report.no_open_measures"))
		return
	}
	rows := make([][]string, 0, len(open))
	for _, m := range open {
		due := "–"
		if m.Due != nil {
			due = pdfkit.FormatDate(m.Due.Time)
		}
		from := "–"
		if m.JourFixeID != nil {
			if j := p.JourFixeByID(*m.JourFixeID); j != nil {
				from = pdfkit.FormatDate(j.Date.Time)
			}
		}
		state := tr("kpi.measure." + domain.MeasureStatusKey(m.Status))
		if domain.MeasureOverdue(m, today) {
			state = tr("kpi.measure.overdue")
		}
		rows = append(rows, []string{m.Text, pdfkit.Line(p.AttendeeNames(m.Owners)), due, from, state})
	}
	r.Table(pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("kpi.col.measure"), Width: 44},
			{Title: tr("kpi.col.owner"), Width: 16},
			{Title: tr("kpi.col.due"), Width: 12},
			{Title: tr("kpi.col.agreed"), Width: 12},
			{Title: tr("kpi.col.state"), Width: 16},
		},
		Rows: rows,
		RowFill: func(i int) (pdfkit.Color, bool) {
			if domain.MeasureOverdue(open[i], today) {
				return fillRed, true
			}
			return pdfkit.Color{}, false
		},
	})
}

// frozenSummary is the short form of a meeting's frozen KPIs: the lights of its tiles.
func frozenSummary(f kpi.Frozen) string {
	var parts []string
	for _, in := range f.Indicators {
		if in.Target == nil || !in.HasValue {
			continue
		}
		parts = append(parts, KPILabel(in)+": "+IndicatorValue(in))
	}
	parts = append(parts, FrozenMethod(f))
	return FormatPeriod(f.Period) + "\n" + strings.Join(parts, "\n")
}

func knowledgeTable(r *pdfkit.Report, p *domain.Project) {
	if len(p.KnowledgeChecks) == 0 {
		return
	}
	r.Subsection(tr("kpi.report.knowledge"))
	rows := make([][]string, 0, len(p.KnowledgeChecks))
	for _, k := range p.KnowledgeChecks {
		on := tr("kpi.report.never")
		if k.ReviewedOn != nil {
			on = pdfkit.FormatDate(k.ReviewedOn.Time)
		}
		rows = append(rows, []string{k.Subject, on, pdfkit.Line(k.ReviewedBy), k.Findings})
	}
	r.Table(pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("kpi.col.subject"), Width: 26},
			{Title: tr("kpi.col.reviewed_on"), Width: 14},
			{Title: tr("kpi.col.reviewed_by"), Width: 18},
			{Title: tr("kpi.col.findings"), Width: 42},
		},
		Rows: rows, Zebra: true,
	})
}

// --- the separate monitoring report ---

// WriteMonitoring writes the monitoring report for a committee as PDF to w: the KPIs of the
// period against their targets and the previous period, tickets, breaches, hotline,
// satisfaction, meetings, measures and knowledge checks.
func WriteMonitoring(w io.Writer, p *domain.Project, period kpi.Period, opt Options) (err error) {
	defer pdfkit.CatchPDF(&err)
	p, date, err := opt.Begin(p)
	if err != nil {
		return err
	}
	rep, err := kpi.ComputeFrom(p, opt.MonitoringOf(p), period, kpi.Options{})
	if errors.Is(err, kpi.ErrPeriod) {
		return errors.New(tr(err.Error()))
	}
	if err != nil {
		return err // the source could not be read; its error names the file
	}
	ch, err := BuildMonitoringCharts(p, rep)
	if err != nil {
		return fmt.Errorf("%s: %w", tr("reports.err.pdf"), err)
	}
	r := pdfkit.LayOut(func(breaks map[int]bool) *pdfkit.Report {
		return writeMonitoringPages(p, rep, ch, period, date, breaks, opt.OnCell)
	})
	return pdfkit.Emit(w, r)
}

// writeMonitoringPages lays the monitoring report out once, starting a page before the
// headings in breaks.
func writeMonitoringPages(p *domain.Project, rep *kpi.Report, ch MonitoringCharts, period kpi.Period, date time.Time, breaks map[int]bool, onCell func(string, []string)) *pdfkit.Report {
	title := tr("kpi.report.title")
	r := pdfkit.NewDocument(p, date, title, tr("kpi.report.subject", map[string]any{"Period": FormatPeriod(period)}), false, breaks)
	r.OnCell = onCell
	r.FooterLeft = pdfkit.Line(tr("app.name") + " · " + title + " · " + FormatPeriod(period))
	monitoringTitle(r, p, rep, date)

	r.NewPage(pdfkit.Portrait)
	r.Heading(0, "1", tr("kpi.report.overview"))
	r.Note(tr("kpi.report.basis", map[string]any{"Previous": FormatPeriod(rep.Previous), "AsOf": FormatDateTime(rep.AsOf)}))
	r.Table(kpiTable(rep, true))
	r.Note(lightLegend(rep.Settings))

	// Tickets and breaches in portrait: the tables of ten columns and the list of breaches
	// go to the landscape pages of the appendix, together at the end.
	r.NewPage(pdfkit.Portrait)
	r.Heading(0, "2", tr("kpi.report.tickets"))
	t := rep.Tickets
	var wide []appendixTable
	if t.Total.Tickets == 0 {
		r.Note(tr("kpi.report.no_tickets"))
	} else {
		r.Paragraph(tr("kpi.report.tickets_text", map[string]any{"Count": FormatCount(t.Total.Tickets), "Open": FormatCount(t.Total.Open),
			"Backlog": FormatCount(t.BacklogEnd), "Unclassified": FormatCount(t.Unclassified)}))
		wide = append(wide,
			appendixTable{tr("kpi.report.by_priority"), groupTable(t.ByPriority, tr("kpi.col.class")), nil},
			appendixTable{tr("kpi.report.by_package"), groupTable(t.ByPackage, tr("kpi.col.package")), nil},
			appendixTable{tr("kpi.report.by_category"), groupTable(t.ByCategory, tr("kpi.col.category")), nil},
			appendixTable{tr("kpi.report.by_school"), groupTable(t.BySchool, tr("kpi.col.school")), nil})
		r.Note(tr("kpi.report.tables_in_appendix", map[string]any{"From": "A.1", "To": "A.4"}))
		for _, png := range [][]byte{ch.Trend, ch.Response, ch.Restore} {
			if png != nil {
				r.Image(png, chartMM)
			}
		}
		if ch.Response != nil || ch.Restore != nil {
			r.Note(tr("kpi.report.boxplot_note"))
		}
	}

	r.Heading(0, "3", tr("kpi.report.breaches"))
	if len(t.Breaches) == 0 {
		r.Note(tr("kpi.report.no_breaches"))
	} else {
		r.Paragraph(tr("kpi.report.breaches_text", map[string]any{"Count": FormatCount(len(t.Breaches)), "Tickets": FormatCount(t.Total.Breaches)}))
		for _, by := range []struct {
			title, col string
			key        func(b kpi.Breach) string
		}{
			{tr("kpi.report.by_priority"), tr("kpi.col.class"), func(b kpi.Breach) string { return b.Priority }},
			{tr("kpi.report.by_package"), tr("kpi.col.package"), func(b kpi.Breach) string { return breachPackage(p, b) }},
			{tr("kpi.report.by_school"), tr("kpi.col.school"), func(b kpi.Breach) string { return b.School }},
		} {
			r.TableUnder(by.title, breachSummary(t.Breaches, by.col, by.key))
		}
		var more []string
		if len(t.Breaches) > maxBreachRows {
			more = append(more, tr("kpi.report.more_breaches", map[string]any{"Count": FormatCount(len(t.Breaches) - maxBreachRows)}))
		}
		ref := "A." + strconv.Itoa(len(wide)+1)
		wide = append(wide, appendixTable{tr("kpi.report.breach_list"), breachTable(t.Breaches), more})
		r.Note(tr("reports.appendix.see", map[string]any{"Ref": ref, "Title": tr("kpi.report.breach_list")}))
	}

	r.NewPage(pdfkit.Portrait)
	r.Heading(0, "4", tr("kpi.report.hotline"))
	h := rep.Hotline
	if h.Calls == 0 {
		r.Note(tr("kpi.report.no_calls"))
	} else {
		r.KeyValues([][2]string{
			{tr("kpi.report.calls"), FormatCount(h.Calls)},
			{tr("kpi.report.answered"), FormatCount(h.Answered) + " (" + FormatPct(h.AnsweredPct, h.Calls) + ")"},
			{tr("kpi.report.missed"), FormatCount(h.Missed) + " (" + FormatPct(h.AbandonPct, h.Calls) + ")"},
			{tr("kpi.report.asa"), FormatSeconds(h.ASASeconds)},
			{tr("kpi.report.within_wait"), FormatPct(h.WithinWaitPct, h.Answered)},
			{tr("kpi.report.talk"), FormatSeconds(h.MeanTalkSeconds)},
		})
		if ch.Heat != nil {
			r.Image(ch.Heat, 0)
		}
	}

	r.Heading(0, "5", tr("kpi.report.satisfaction"))
	s := rep.Satisfaction
	if s.Answers == 0 {
		r.Note(tr("kpi.report.no_answers"))
	} else {
		r.Paragraph(tr("kpi.report.satisfaction_text", map[string]any{"Answers": FormatCount(s.Answers), "CSAT": FormatPct(s.CSATPct, s.Answers),
			"Mean": pdfkit.FormatNumber(s.Mean)}))
		if ch.Scores != nil {
			r.Image(ch.Scores, 120)
		}
		r.Table(satTable(s.ByQuestion, tr("kpi.col.question")))
		r.Table(satTable(s.BySchool, tr("kpi.col.school")))
	}

	r.Heading(0, "6", tr("kpi.report.steering"))
	meetingsAndMeasures(r, p, &period)
	knowledgeTable(r, p)
	r.OpenQuestions(domain.MonitoringFindings(p, r.AsOf()), false)

	if len(wide) > 0 {
		r.NewPage(pdfkit.Landscape)
		r.Heading(0, "A", tr("kpi.report.appendix"))
		for i, a := range wide {
			r.TableUnder("A."+strconv.Itoa(i+1)+" "+a.title, a.table)
			for _, n := range a.notes {
				r.Note(n)
			}
		}
	}
	return r
}

// appendixTable is a wide table of the monitoring report's appendix, with notes under it.
type appendixTable struct {
	title string
	table pdfkit.Table
	notes []string
}

// breachSummaryRows is how many groups a breach summary lists before "Sonstige".
const breachSummaryRows = 10

// breachPackage is the name of the package a breach's ticket belongs to, or "ohne Angabe".
func breachPackage(p *domain.Project, b kpi.Breach) string {
	if b.PackageID != nil {
		if pk := p.PackageByID(*b.PackageID); pk != nil {
			return pk.Name
		}
	}
	return ""
}

// breachSummary counts the breaches per group (key): response and restore time, still open;
// the largest groups first, beyond breachSummaryRows the rest as "Sonstige", and the total.
func breachSummary(bs []kpi.Breach, first string, key func(kpi.Breach) string) pdfkit.Table {
	type count struct {
		name                  string
		all, resp, rest, open int
	}
	byName := map[string]*count{}
	var order []*count
	add := func(c *count, b kpi.Breach) {
		c.all++
		if b.Kind == kpi.KindResponse {
			c.resp++
		} else {
			c.rest++
		}
		if b.Open {
			c.open++
		}
	}
	total := &count{name: tr("reports.total")}
	for _, b := range bs {
		k := groupName(key(b))
		c := byName[k]
		if c == nil {
			c = &count{name: k}
			byName[k] = c
			order = append(order, c)
		}
		add(c, b)
		add(total, b)
	}
	sort.SliceStable(order, func(a, b int) bool {
		if order[a].all != order[b].all {
			return order[a].all > order[b].all
		}
		return order[a].name < order[b].name
	})
	if len(order) > breachSummaryRows+1 {
		other := &count{name: tr("kpi.report.other_groups", map[string]any{"Count": FormatCount(len(order) - breachSummaryRows)})}
		for _, c := range order[breachSummaryRows:] {
			other.all, other.resp, other.rest, other.open = other.all+c.all, other.resp+c.resp, other.rest+c.rest, other.open+c.open
		}
		order = append(order[:breachSummaryRows:breachSummaryRows], other)
	}
	row := func(c *count) []string {
		return []string{c.name, FormatCount(c.all), FormatPct(float64(c.all)*100/float64(max(total.all, 1)), total.all),
			FormatCount(c.resp), FormatCount(c.rest), FormatCount(c.open)}
	}
	rows := make([][]string, 0, len(order))
	for _, c := range order {
		rows = append(rows, row(c))
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: first, Width: 34},
			{Title: tr("kpi.col.breach_count"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.breach_share"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.breach_response"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.breach_restore"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.breach_open"), Width: 14, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Foot:  [][]string{row(total)},
		Zebra: true,
	}
}

func satTable(groups []kpi.SatGroup, first string) pdfkit.Table {
	rows := make([][]string, 0, len(groups))
	for _, g := range groups {
		key := g.Key
		if g.Label != "" {
			key = g.Label // the question's text, not its code
		}
		rows = append(rows, []string{groupName(key), FormatCount(g.Answers), FormatPct(g.CSATPct, g.Answers), pdfkit.FormatNumber(g.Mean)})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: first, Width: 46},
			{Title: tr("kpi.col.answers"), Width: 18, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.csat"), Width: 18, Align: pdfkit.AlignRight},
			{Title: tr("kpi.col.mean"), Width: 18, Align: pdfkit.AlignRight},
		},
		Rows: rows, Zebra: true,
	}
}

// monitoringTitle is page 1: report, project, period and the headline lights.
func monitoringTitle(r *pdfkit.Report, p *domain.Project, rep *kpi.Report, date time.Time) {
	provider := p.Contract.Provider
	if strings.TrimSpace(provider) == "" {
		provider = "–"
	}
	r.TitlePage(p, pdfkit.TitlePage{
		Top: 50, Kicker: tr("app.name"), Title: tr("kpi.report.title"), TitleSize: 28, Subtitle: tr("kpi.report.subtitle"), SubtitleLines: 3,
		RuleGap: 8, NameGap: 4, Fields: append([][2]string{
			{tr("reports.meta.schultraeger"), p.Meta.Schultraeger},
			{tr("kpi.report.provider"), pdfkit.Line(provider)},
			{tr("kpi.report.period"), FormatPeriod(rep.Period)},
			{tr("kpi.report.previous"), FormatPeriod(rep.Previous)},
		}, pdfkit.DocumentFields(p, date, true)...),
		After:    func() { monitoringHeadline(r, rep) },
		Approval: true,
	})
}

// monitoringHeadline says how many KPIs are green, amber, red; an empty period says so before
// anyone turns the page.
func monitoringHeadline(r *pdfkit.Report, rep *kpi.Report) {
	g, a, red := rep.LightCounts()
	r.Gap(4)
	r.SetFont("B", 13)
	r.LimitedLines(tr("kpi.report.headline", map[string]any{"Green": g, "Amber": a, "Red": red}), 13, 2)
	if rep.Tickets.Total.Tickets == 0 && rep.Hotline.Calls == 0 && rep.Satisfaction.Answers == 0 {
		r.Gap(4)
		r.Callout(tr("kpi.report.empty_period", map[string]any{"Period": FormatPeriod(rep.Period)}), true)
	}
}

// WriteMonitoringFile writes the monitoring report to path atomically: on any error the target
// is unchanged.
func WriteMonitoringFile(path string, p *domain.Project, period kpi.Period, opt Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteMonitoring(w, p, period, opt) })
}
