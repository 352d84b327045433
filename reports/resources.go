package reports

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
	"schulit-lotse/reports/charts"
	"schulit-lotse/reports/pdfkit"
)

// Step 5, Ressourcen planen: the inputs with their defaults, the Jahresarbeitszeit as a formula
// with its numbers, the demand in VZÄ per package and per person before and after step 4, the
// pay groups with their sources, and the comparison of in-house and external cost with a chart.
var resourcesSection = section{
	Step:  domain.StepResources,
	Has:   domain.ResourcesTouched,
	Write: writeResources,
}

// resEuro is "14.880 €", with cents where there are any (a detail table).
func resEuro(v float64) string { return numfmt.Euro(v, pdfkit.NumberLang(), true) }

// resFTE is a VZÄ figure with two decimals.
func resFTE(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	return strings.Replace(s, ".", tr("reports.number.decimal"), 1)
}

func writeResources(r *pdfkit.Report, p *domain.Project) {
	r.Section(5, pdfkit.StepTitle(5))
	r.Paragraph(tr("reports.res.intro"))
	cc := domain.CompareCosts(p)
	rd := cc.Demand
	plan, w := rd.Plan, rd.Time
	def := domain.DefaultResourcePlan()

	r.Subsection(tr("reports.res.inputs"))
	withDefault := func(v, d float64, unit string) string {
		return tr("reports.res.value_default", map[string]any{"Value": pdfkit.FormatNumber(v), "Default": pdfkit.FormatNumber(d), "Unit": unit})
	}
	days, pct := tr("res.unit.days"), "%"
	r.KeyValues([][2]string{
		{tr("res.field.year"), strconv.Itoa(plan.PlanningYear)},
		{tr("reports.res.land"), pdfkit.BundeslandName(p.Meta.Bundesland)},
		{tr("res.field.weekly"), withDefault(plan.WeeklyHours, def.WeeklyHours, "h")},
		{tr("res.field.leave"), withDefault(plan.LeaveDays, def.LeaveDays, days)},
		{tr("res.field.sick"), withDefault(plan.SickDays, def.SickDays, days)},
		{tr("res.field.other"), withDefault(plan.OtherAbsenceDays, def.OtherAbsenceDays, days)},
		{tr("res.field.verteilzeit"), withDefault(plan.VerteilzeitPercent, def.VerteilzeitPercent, pct)},
		{tr("res.field.travel"), withDefault(plan.TravelPercent, def.TravelPercent, pct)},
		{tr("res.field.docs"), withDefault(plan.DocumentationPct, def.DocumentationPct, pct)},
	})
	var hol []string
	for _, h := range domain.PublicHolidays(p.Meta.Bundesland, w.Year) {
		if wd := h.Date.Weekday(); wd >= 1 && wd <= 5 {
			hol = append(hol, h.Name+" ("+h.Date.Format("02.01.")+")")
		}
	}
	r.Note(tr("res.holidays", map[string]any{"Count": len(hol), "List": strings.Join(hol, ", ")}))

	r.Subsection(tr("reports.res.working_time"))
	formulaData := map[string]any{
		"Weekdays": w.Weekdays, "Holidays": w.Holidays, "Leave": pdfkit.FormatNumber(w.LeaveDays), "Sick": pdfkit.FormatNumber(w.SickDays),
		"Other": pdfkit.FormatNumber(w.OtherDays), "Daily": pdfkit.FormatNumber(w.DailyHours), "Hours": pdfkit.FormatNumber(w.Hours),
	}
	key := "res.formula.working_time"
	if w.OtherDays != 0 {
		key = "res.formula.working_time_other"
	}
	r.KeyValues([][2]string{
		{tr("fig.res.working_time"), tr(key, formulaData)},
		{tr("reports.res.surcharge"), tr("res.formula.surcharge", map[string]any{
			"Verteilzeit": pdfkit.FormatNumber(plan.VerteilzeitPercent), "Travel": pdfkit.FormatNumber(plan.TravelPercent),
			"Docs": pdfkit.FormatNumber(plan.DocumentationPct), "Sum": pdfkit.FormatNumber(plan.SurchargePercent()), "Factor": pdfkit.FormatNumber(plan.SurchargeFactor()),
		})},
	})
	r.Note(tr("res.formula.working_time.legend"))

	r.Subsection(tr("reports.res.demand"))
	r.Paragraph(tr("reports.res.demand_intro", map[string]any{"Formula": resDemandFormula(rd.Total, plan, w.Hours)}))
	if len(p.Packages) > 0 {
		resKeep(r, resDemandTable(tr("res.col.package"), rd.ByPackage, rd.Total, func(g domain.DemandGroup) string {
			if g.PackageID == 0 {
				return tr("res.no_package")
			}
			return g.Key
		}))
	}
	resKeep(r, resDemandTable(tr("reports.res.party_before"), rd.ByBefore, rd.Total, func(g domain.DemandGroup) string { return resParty(g.Key) }))
	resKeep(r, resDemandTable(tr("reports.res.party_after"), rd.ByAfter, rd.Total, func(g domain.DemandGroup) string { return resParty(g.Key) }))
	r.Paragraph(tr("res.demand.split", map[string]any{
		"Total": resFTE(rd.Total.FTE), "Internal": resFTE(rd.Internal.FTE), "External": resFTE(rd.External.FTE),
		"InternalHours": pdfkit.FormatNumber(rd.Internal.SurchargedYear), "ExternalHours": pdfkit.FormatNumber(rd.External.SurchargedYear),
	}))

	r.Subsection(tr("reports.res.pay_groups"))
	if len(p.PayGroups) == 0 {
		r.Paragraph(tr("reports.res.no_pay_groups"))
	} else {
		rows := make([][]string, 0, len(p.PayGroups))
		for _, g := range p.PayGroups {
			year := "–"
			if g.SourceYear != 0 {
				year = strconv.Itoa(g.SourceYear)
			}
			rate := "–"
			if v, ok := g.CostPerHour(w.Hours); ok {
				rate = resEuro(v)
			}
			rows = append(rows, []string{g.Name, resMoney(g.HourlyRate), resMoney(g.YearlyCost), rate, g.Source, year})
		}
		r.Table(pdfkit.Table{
			Columns: []pdfkit.Column{
				{Title: tr("res.col.pay_group"), Width: 20},
				{Title: tr("res.col.hourly"), Width: 10, Align: pdfkit.AlignRight},
				{Title: tr("res.col.yearly"), Width: 13, Align: pdfkit.AlignRight},
				{Title: tr("reports.res.rate_used"), Width: 15, Align: pdfkit.AlignRight},
				{Title: tr("res.col.source"), Width: 34},
				{Title: tr("res.col.source_year"), Width: 8, Align: pdfkit.AlignRight},
			},
			Rows: rows, Zebra: true,
		})
		r.Note(tr("reports.res.rate_note"))
		var mapping []string
		for party, id := range p.Resource.PayGroupOf {
			if g := p.PayGroupByID(id); g != nil {
				mapping = append(mapping, tr("reports.res.mapping_item", map[string]any{"Party": party, "Group": g.Name}))
			}
		}
		sort.Strings(mapping)
		if g := p.PayGroupByID(p.Resource.DefaultPayGroupID); g != nil {
			mapping = append(mapping, tr("reports.res.mapping_default", map[string]any{"Group": g.Name}))
		}
		if len(mapping) > 0 {
			r.Paragraph(tr("reports.res.mapping"))
			r.Bullets(mapping)
		}
	}

	r.Subsection(tr("reports.res.compare"))
	r.Paragraph(tr("res.compare.intro"))
	rows := make([][]string, 0, len(cc.Packages))
	for _, pc := range cc.Packages {
		name := pc.Name
		if pc.PackageID == 0 {
			name = tr("res.no_package")
		}
		rows = append(rows, resCostRow(name, pc))
	}
	bars := costBars(cc)
	r.Table(pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("res.col.package"), Width: 24},
			{Title: tr("res.col.surcharged"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("res.col.fte"), Width: 8, Align: pdfkit.AlignRight},
			{Title: tr("reports.res.col.internal"), Width: 15, Align: pdfkit.AlignRight},
			{Title: tr("res.col.price"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("reports.res.col.external"), Width: 15, Align: pdfkit.AlignRight},
			{Title: tr("res.col.cheaper"), Width: 12},
		},
		Rows:  rows,
		Foot:  [][]string{resCostRow(tr("res.total"), cc.Total)},
		Zebra: true,
	})
	if !cc.Total.ExternalKnown() {
		r.Note(tr("reports.res.total_incomplete", map[string]any{"Count": cc.Total.ExternalMissing}))
	}
	if png, err := costChart(bars).PNG(r); err == nil {
		r.Image(png, r.Width())
	}

	r.OpenQuestions(domain.ResourceFindings(p, cc), false)
}

// resKeep writes a short table on one page: it starts a new page when the whole table (as far
// as it can be estimated) would not fit, rather than leaving its last rows alone.
func resKeep(r *pdfkit.Report, t pdfkit.Table) {
	rows := len(t.Rows) + len(t.Foot) + 2 // the header takes about two lines
	if h := float64(rows) * 7; h < (r.Bottom()-r.Top())/2 {
		r.EnsureSpace(h)
	}
	r.Table(t)
}

func resParty(s string) string {
	if s == "" {
		return tr("res.nobody")
	}
	return s
}

func resMoney(v float64) string {
	if v == 0 {
		return "–"
	}
	return resEuro(v)
}

func resDemandFormula(d domain.Demand, plan domain.ResourcePlan, working float64) string {
	return tr("res.formula.demand", map[string]any{
		"Month": pdfkit.FormatNumber(d.HoursPerMonth), "Year": pdfkit.FormatNumber(d.HoursPerYear), "Factor": pdfkit.FormatNumber(plan.SurchargeFactor()),
		"Surcharged": pdfkit.FormatNumber(d.SurchargedYear), "Working": pdfkit.FormatNumber(working), "FTE": resFTE(d.FTE),
	})
}

func resDemandTable(first string, groups []domain.DemandGroup, total domain.Demand, name func(g domain.DemandGroup) string) pdfkit.Table {
	row := func(n string, d domain.Demand) []string {
		return []string{n, strconv.Itoa(d.Tasks), pdfkit.FormatNumber(d.HoursPerMonth), pdfkit.FormatNumber(d.HoursPerYear),
			pdfkit.FormatNumber(d.HoursPerWeek), pdfkit.FormatNumber(d.SurchargedYear), resFTE(d.FTE)}
	}
	rows := make([][]string, 0, len(groups))
	for _, g := range groups {
		rows = append(rows, row(name(g), g.Demand))
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: first, Width: 27},
			{Title: tr("reports.col.tasks"), Width: 13, Align: pdfkit.AlignRight},
			{Title: tr("res.col.month"), Width: 11, Align: pdfkit.AlignRight},
			{Title: tr("res.col.year"), Width: 11, Align: pdfkit.AlignRight},
			{Title: tr("res.col.week"), Width: 11, Align: pdfkit.AlignRight},
			{Title: tr("res.col.surcharged"), Width: 14, Align: pdfkit.AlignRight},
			{Title: tr("res.col.fte"), Width: 9, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Foot:  [][]string{row(tr("res.total"), total)},
		Zebra: true,
	}
}

func resCostRow(name string, pc domain.PackageCost) []string {
	internal, external, price, cheaper := "–", "–", "", ""
	if pc.InternalKnown() {
		internal = resEuro(pc.Internal)
	}
	if pc.ExternalKnown() {
		external = resEuro(pc.External)
	}
	switch pc.ExternalBasis {
	case domain.PriceHourly:
		price = tr("res.price.per_hour", map[string]any{"Value": resEuro(pc.ExternalRate)})
	case domain.PriceMonthly:
		price = tr("res.price.per_month", map[string]any{"Value": resEuro(pc.ExternalRate)})
	}
	if o := pc.Cheaper(); o != domain.OutcomeOpen {
		cheaper = tr("src.outcome." + string(o))
	}
	return []string{name, pdfkit.FormatNumber(pc.SurchargedYear), resFTE(pc.FTE), internal, price, external, cheaper}
}

// costBars are the bars of the cost chart: one per package (the largest eleven and "Sonstige"
// when there are more than twelve), then the total.
func costBars(cc domain.CostComparison) []charts.CostBar {
	var bars []charts.CostBar
	for _, pc := range cc.Packages {
		name := pc.Name
		if pc.PackageID == 0 {
			name = tr("res.no_package")
		}
		bars = append(bars, charts.CostBar{Label: pdfkit.Line(name), Internal: pc.Internal, External: pc.External, InternalKnown: pc.InternalKnown(), ExternalKnown: pc.ExternalKnown()})
	}
	total := charts.CostBar{Label: tr("res.total"), Internal: cc.Total.Internal, External: cc.Total.External,
		InternalKnown: cc.Total.InternalKnown(), ExternalKnown: cc.Total.ExternalKnown()}
	return charts.TopCostBars(bars, total, func(n int) string { return pdfkit.TrCount("reports.glance.other_packages", n) })
}

// costChart is the chart of the internal and external cost per package.
func costChart(bars []charts.CostBar) pdfkit.Chart {
	return pdfkit.Chart{Key: fmt.Sprintf("resources.cost %v", bars), Draw: func() ([]byte, error) { return resCostChart(bars) }}
}

func resCostChart(bars []charts.CostBar) ([]byte, error) {
	p, err := charts.CostChart(bars, charts.CostLabels{
		Title: tr("res.chart.title"), YAxis: tr("res.chart.y"), Internal: tr("res.chart.internal"), External: tr("res.chart.external"),
		Format: func(v float64) string { return pdfkit.FormatNumber(v) },
	})
	if err != nil {
		return nil, err
	}
	return charts.PNG(p, 17, 8)
}
