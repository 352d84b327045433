package reports

import (
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/charts"
	"schulit-lotse/reports/pdfkit"
)

// MonitoringCharts are the PNGs of a KPI report: the dashboard shows the same images the PDF
// prints. A chart without data is nil.
type MonitoringCharts struct {
	Trend, Heat, Response, Restore, Scores []byte
}

// Chart sizes in cm (width × height). Each chart is a few pixels narrower than the one before:
// gofpdf orders the images of a PDF by their width alone, so equal widths would come out in a
// different order on every run and the PDF would not be reproducible.
const (
	chartW      = 16.0
	trendW      = 15.9
	responseW   = 15.85
	restoreW    = 15.8
	heatW       = 15.75
	trendH      = 8.0
	heatH       = 6.2
	distH       = 7.0
	scoresW     = 11.9
	scoresH     = 6.0
	hoursPerMin = 1.0 / 60
)

// BuildMonitoringCharts draws the charts of r.
func BuildMonitoringCharts(p *domain.Project, r *kpi.Report) (MonitoringCharts, error) {
	var out MonitoringCharts
	var err error
	if r.Tickets.Total.Tickets > 0 {
		if out.Trend, err = trendPNG(r); err != nil {
			return out, err
		}
		if out.Response, err = distributionPNG(p, r, kpi.KindResponse); err != nil {
			return out, err
		}
		if out.Restore, err = distributionPNG(p, r, kpi.KindRestore); err != nil {
			return out, err
		}
	}
	if r.Hotline.Calls > 0 {
		var days [7]string
		for d := range days {
			days[d] = tr("kpi.weekday." + string(rune('1'+d)))
		}
		pl, e := charts.HeatMap(r.Hotline.Heat, charts.HeatLabels{Title: tr("kpi.chart.heat"), XAxis: tr("kpi.chart.hour"), Weekdays: days,
			Scale: tr("kpi.chart.heat_scale"), Format: pdfkit.FormatNumber})
		if e != nil {
			return out, e
		}
		if out.Heat, err = charts.PNG(pl, heatW, heatH); err != nil {
			return out, err
		}
	}
	if r.Satisfaction.Answers > 0 {
		var names [5]string
		for i := range names {
			names[i] = string(rune('1' + i))
		}
		pl, e := charts.ScoreBars(r.Satisfaction.Counts, charts.ScoreLabels{Title: tr("kpi.chart.scores"), XAxis: tr("kpi.chart.scale"), YAxis: tr("kpi.chart.answers"), Scores: names, Format: pdfkit.FormatNumber})
		if e != nil {
			return out, e
		}
		if out.Scores, err = charts.PNG(pl, scoresW, scoresH); err != nil {
			return out, err
		}
	}
	return out, nil
}

// trendChart is the trend chart of the Gesamtbericht's step 12 for the KPIs of rep's period.
func trendChart(rep *kpi.Report) pdfkit.Chart {
	return pdfkit.Chart{Key: "monitoring.trend " + rep.Period.String(), Draw: func() ([]byte, error) { return trendPNG(rep) }}
}

// trendPNG draws the tickets per month and category with the backlog (the report has tickets).
func trendPNG(r *kpi.Report) ([]byte, error) {
	months := make([]string, len(r.Tickets.Months))
	for i, m := range r.Tickets.Months {
		months[i] = MonthLabel(m)
	}
	cats := make([]string, len(r.Tickets.Categories))
	for i, c := range r.Tickets.Categories {
		cats[i] = groupName(c)
	}
	pl, err := charts.TrendChart(cats, r.Tickets.Volume, r.Tickets.BacklogByMonth, charts.TrendLabels{
		Title: tr("kpi.chart.trend"), YAxis: tr("kpi.chart.tickets"), Other: tr("kpi.chart.other"), Backlog: tr("kpi.chart.backlog"), Months: months, Format: pdfkit.FormatNumber})
	if err != nil {
		return nil, err
	}
	return charts.PNG(pl, trendW, trendH)
}

// distributionPNG draws the spread of response or restoration times per class with the
// class's target; nil when no class has a measured time.
func distributionPNG(p *domain.Project, r *kpi.Report, kind string) ([]byte, error) {
	times := r.Tickets.TimesByPriority(kind)
	targets := classTargets(p, kind)
	var series []charts.DistributionSeries
	any := false
	for _, g := range r.Tickets.ByPriority {
		if _, known := targets[strings.ToUpper(g.Key)]; !known {
			continue // tickets without an SLA class have no target to compare with
		}
		hours := make([]float64, len(times[g.Key]))
		for i, m := range times[g.Key] {
			hours[i] = m * hoursPerMin
		}
		any = any || len(hours) > 0
		series = append(series, charts.DistributionSeries{Class: g.Key, Hours: hours, Target: targets[strings.ToUpper(g.Key)] * hoursPerMin})
	}
	if !any {
		return nil, nil
	}
	title, width := tr("kpi.chart.response_dist"), responseW
	if kind == kpi.KindRestore {
		title, width = tr("kpi.chart.restore_dist"), restoreW
	}
	pl, err := charts.Distribution(series, charts.DistributionLabels{Title: title, YAxis: tr("kpi.chart.hours"), Target: tr("kpi.chart.target"), Format: pdfkit.FormatNumber})
	if err != nil {
		return nil, err
	}
	return charts.PNG(pl, width, distH)
}

// classTargets are the targets (minutes) of the general SLA in force, by upper-case class code.
func classTargets(p *domain.Project, kind string) map[string]float64 {
	out := map[string]float64{}
	sla := domain.SLAInForce(p, nil)
	if sla == nil {
		return out
	}
	for _, c := range sla.Classes {
		v := c.RestoreMinutes
		if kind == kpi.KindResponse {
			v = c.ResponseMinutes
		}
		out[strings.ToUpper(strings.TrimSpace(c.Code))] = float64(v)
	}
	return out
}
