package reports

import (
	"sort"
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
	"schulit-lotse/reports/charts"
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
func resEuro(v float64) string { return numfmt.Euro(v, NumberLang(), true) }

// resFTE is a VZÄ figure with two decimals.
func resFTE(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	return strings.Replace(s, ".", Tr("reports.number.decimal"), 1)
}

func writeResources(r *Report, p *domain.Project) {
	r.Section(5, stepTitle(5))
	r.Paragraph(Tr("reports.res.intro"))
	cc := domain.CompareCosts(p)
	rd := cc.Demand
	plan, w := rd.Plan, rd.Time
	def := domain.DefaultResourcePlan()

	r.Subsection(Tr("reports.res.inputs"))
	withDefault := func(v, d float64, unit string) string {
		return Tr("reports.res.value_default", map[string]any{"Value": FormatNumber(v), "Default": FormatNumber(d), "Unit": unit})
	}
	days, pct := Tr("res.unit.days"), "%"
	r.KeyValues([][2]string{
		{Tr("res.field.year"), strconv.Itoa(plan.PlanningYear)},
		{Tr("reports.res.land"), BundeslandName(p.Meta.Bundesland)},
		{Tr("res.field.weekly"), withDefault(plan.WeeklyHours, def.WeeklyHours, "h")},
		{Tr("res.field.leave"), withDefault(plan.LeaveDays, def.LeaveDays, days)},
		{Tr("res.field.sick"), withDefault(plan.SickDays, def.SickDays, days)},
		{Tr("res.field.other"), withDefault(plan.OtherAbsenceDays, def.OtherAbsenceDays, days)},
		{Tr("res.field.verteilzeit"), withDefault(plan.VerteilzeitPercent, def.VerteilzeitPercent, pct)},
		{Tr("res.field.travel"), withDefault(plan.TravelPercent, def.TravelPercent, pct)},
		{Tr("res.field.docs"), withDefault(plan.DocumentationPct, def.DocumentationPct, pct)},
	})
	var hol []string
	for _, h := range domain.PublicHolidays(p.Meta.Bundesland, w.Year) {
		if wd := h.Date.Weekday(); wd >= 1 && wd <= 5 {
			hol = append(hol, h.Name+" ("+h.Date.Format("02.01.")+")")
		}
	}
	r.Note(Tr("res.holidays", map[string]any{"Count": len(hol), "List": strings.Join(hol, ", ")}))

	r.Subsection(Tr("reports.res.working_time"))
	formulaData := map[string]any{
		"Weekdays": w.Weekdays, "Holidays": w.Holidays, "Leave": FormatNumber(w.LeaveDays), "Sick": FormatNumber(w.SickDays),
		"Other": FormatNumber(w.OtherDays), "Daily": FormatNumber(w.DailyHours), "Hours": FormatNumber(w.Hours),
	}
	key := "res.formula.working_time"
	if w.OtherDays != 0 {
		key = "res.formula.working_time_other"
	}
	r.KeyValues([][2]string{
		{Tr("fig.res.working_time"), Tr(key, formulaData)},
		{Tr("reports.res.surcharge"), Tr("res.formula.surcharge", map[string]any{
			"Verteilzeit": FormatNumber(plan.VerteilzeitPercent), "Travel": FormatNumber(plan.TravelPercent),
			"Docs": FormatNumber(plan.DocumentationPct), "Sum": FormatNumber(plan.SurchargePercent()), "Factor": FormatNumber(plan.SurchargeFactor()),
		})},
	})
	r.Note(Tr("res.formula.working_time.legend"))

	r.Subsection(Tr("reports.res.demand"))
	r.Paragraph(Tr("reports.res.demand_intro", map[string]any{"Formula": resDemandFormula(rd.Total, plan, w.Hours)}))
	if len(p.Packages) > 0 {
		resKeep(r, resDemandTable(Tr("res.col.package"), rd.ByPackage, rd.Total, func(g domain.DemandGroup) string {
			if g.PackageID == 0 {
				return Tr("res.no_package")
			}
			return g.Key
		}))
	}
	resKeep(r, resDemandTable(Tr("reports.res.party_before"), rd.ByBefore, rd.Total, func(g domain.DemandGroup) string { return resParty(g.Key) }))
	resKeep(r, resDemandTable(Tr("reports.res.party_after"), rd.ByAfter, rd.Total, func(g domain.DemandGroup) string { return resParty(g.Key) }))
	r.Paragraph(Tr("res.demand.split", map[string]any{
		"Total": resFTE(rd.Total.FTE), "Internal": resFTE(rd.Internal.FTE), "External": resFTE(rd.External.FTE),
		"InternalHours": FormatNumber(rd.Internal.SurchargedYear), "ExternalHours": FormatNumber(rd.External.SurchargedYear),
	}))

	r.Subsection(Tr("reports.res.pay_groups"))
	if len(p.PayGroups) == 0 {
		r.Paragraph(Tr("reports.res.no_pay_groups"))
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
		r.Table(Table{
			Columns: []Column{
				{Title: Tr("res.col.pay_group"), Width: 20},
				{Title: Tr("res.col.hourly"), Width: 10, Align: AlignRight},
				{Title: Tr("res.col.yearly"), Width: 13, Align: AlignRight},
				{Title: Tr("reports.res.rate_used"), Width: 15, Align: AlignRight},
				{Title: Tr("res.col.source"), Width: 34},
				{Title: Tr("res.col.source_year"), Width: 8, Align: AlignRight},
			},
			Rows: rows, Zebra: true,
		})
		r.Note(Tr("reports.res.rate_note"))
		var mapping []string
		for party, id := range p.Resource.PayGroupOf {
			if g := p.PayGroupByID(id); g != nil {
				mapping = append(mapping, Tr("reports.res.mapping_item", map[string]any{"Party": party, "Group": g.Name}))
			}
		}
		sort.Strings(mapping)
		if g := p.PayGroupByID(p.Resource.DefaultPayGroupID); g != nil {
			mapping = append(mapping, Tr("reports.res.mapping_default", map[string]any{"Group": g.Name}))
		}
		if len(mapping) > 0 {
			r.Paragraph(Tr("reports.res.mapping"))
			r.Bullets(mapping)
		}
	}

	r.Subsection(Tr("reports.res.compare"))
	r.Paragraph(Tr("res.compare.intro"))
	rows := make([][]string, 0, len(cc.Packages))
	for _, pc := range cc.Packages {
		name := pc.Name
		if pc.PackageID == 0 {
			name = Tr("res.no_package")
		}
		rows = append(rows, resCostRow(name, pc))
	}
	bars := costBars(cc)
	r.Table(Table{
		Columns: []Column{
			{Title: Tr("res.col.package"), Width: 24},
			{Title: Tr("res.col.surcharged"), Width: 12, Align: AlignRight},
			{Title: Tr("res.col.fte"), Width: 8, Align: AlignRight},
			{Title: Tr("reports.res.col.internal"), Width: 15, Align: AlignRight},
			{Title: Tr("res.col.price"), Width: 14, Align: AlignRight},
			{Title: Tr("reports.res.col.external"), Width: 15, Align: AlignRight},
			{Title: Tr("res.col.cheaper"), Width: 12},
		},
		Rows:  rows,
		Foot:  [][]string{resCostRow(Tr("res.total"), cc.Total)},
		Zebra: true,
	})
	if !cc.Total.ExternalKnown() {
		r.Note(Tr("reports.res.total_incomplete", map[string]any{"Count": cc.Total.ExternalMissing}))
	}
	if png, err := resCostChart(bars); err == nil {
		r.Image(png, r.Width())
	}

	var items []string
	for _, f := range domain.ResourceFindings(p, cc) {
		msg := Tr(f.Code, map[string]any{"Subject": Line(f.Subject)})
		if f.Severity == domain.SeverityWarning {
			msg = Tr("reports.warning", map[string]any{"Message": msg})
		}
		items = append(items, msg)
	}
	if len(items) > 0 {
		r.Subsection(Tr("reports.open_questions"))
		r.Bullets(items)
	}
}

// resKeep writes a short table on one page: it starts a new page when the whole table (as far
// as it can be estimated) would not fit, rather than leaving its last rows alone.
func resKeep(r *Report, t Table) {
	rows := len(t.Rows) + len(t.Foot) + 2 // the header takes about two lines
	if h := float64(rows) * 7; h < (r.Bottom()-r.Top())/2 {
		r.EnsureSpace(h)
	}
	r.Table(t)
}

func resParty(s string) string {
	if s == "" {
		return Tr("res.nobody")
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
	return Tr("res.formula.demand", map[string]any{
		"Month": FormatNumber(d.HoursPerMonth), "Year": FormatNumber(d.HoursPerYear), "Factor": FormatNumber(plan.SurchargeFactor()),
		"Surcharged": FormatNumber(d.SurchargedYear), "Working": FormatNumber(working), "FTE": resFTE(d.FTE),
	})
}

func resDemandTable(first string, groups []domain.DemandGroup, total domain.Demand, name func(g domain.DemandGroup) string) Table {
	row := func(n string, d domain.Demand) []string {
		return []string{n, strconv.Itoa(d.Tasks), FormatNumber(d.HoursPerMonth), FormatNumber(d.HoursPerYear),
			FormatNumber(d.HoursPerWeek), FormatNumber(d.SurchargedYear), resFTE(d.FTE)}
	}
	rows := make([][]string, 0, len(groups))
	for _, g := range groups {
		rows = append(rows, row(name(g), g.Demand))
	}
	return Table{
		Columns: []Column{
			{Title: first, Width: 27},
			{Title: Tr("reports.col.tasks"), Width: 13, Align: AlignRight},
			{Title: Tr("res.col.month"), Width: 11, Align: AlignRight},
			{Title: Tr("res.col.year"), Width: 11, Align: AlignRight},
			{Title: Tr("res.col.week"), Width: 11, Align: AlignRight},
			{Title: Tr("res.col.surcharged"), Width: 14, Align: AlignRight},
			{Title: Tr("res.col.fte"), Width: 9, Align: AlignRight},
		},
		Rows:  rows,
		Foot:  [][]string{row(Tr("res.total"), total)},
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
		price = Tr("res.price.per_hour", map[string]any{"Value": resEuro(pc.ExternalRate)})
	case domain.PriceMonthly:
		price = Tr("res.price.per_month", map[string]any{"Value": resEuro(pc.ExternalRate)})
	}
	if o := pc.Cheaper(); o != domain.OutcomeOpen {
		cheaper = Tr("src.outcome." + string(o))
	}
	return []string{name, FormatNumber(pc.SurchargedYear), resFTE(pc.FTE), internal, price, external, cheaper}
}

// costBars are the bars of the cost chart: one per package (the largest eleven and "Sonstige"
// when there are more than twelve), then the total.
func costBars(cc domain.CostComparison) []charts.CostBar {
	var bars []charts.CostBar
	for _, pc := range cc.Packages {
		name := pc.Name
		if pc.PackageID == 0 {
			name = Tr("res.no_package")
		}
		bars = append(bars, charts.CostBar{Label: Line(name), Internal: pc.Internal, External: pc.External, InternalKnown: pc.InternalKnown(), ExternalKnown: pc.ExternalKnown()})
	}
	total := charts.CostBar{Label: Tr("res.total"), Internal: cc.Total.Internal, External: cc.Total.External,
		InternalKnown: cc.Total.InternalKnown(), ExternalKnown: cc.Total.ExternalKnown()}
	return charts.TopCostBars(bars, total, func(n int) string { return TrCount("reports.glance.other_packages", n) })
}

func resCostChart(bars []charts.CostBar) ([]byte, error) {
	p, err := charts.CostChart(bars, charts.CostLabels{
		Title: Tr("res.chart.title"), YAxis: Tr("res.chart.y"), Internal: Tr("res.chart.internal"), External: Tr("res.chart.external"),
		Format: func(v float64) string { return FormatNumber(v) },
	})
	if err != nil {
		return nil, err
	}
	return charts.PNG(p, 17, 8)
}
