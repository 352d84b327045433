package main

import (
	"fmt"
	"regexp"
)

// landkreisRow is one row of the table "Landkreis at speed": the figure measured when the
// table was drawn up, the target, and the row of this run's results that holds it today.
type landkreisRow struct {
	name, was, target string
	group, result     string  // the result read (for a ratio: the numerator)
	per               string  // a ratio's denominator (same group), "" for none
	limit             float64 // in the result's unit (the ratio's for per)
	atLeast           bool    // the value must reach limit rather than stay below it
	peakLimit         float64 // MB; 0 for none
}

var landkreisTable = []landkreisRow{
	{name: "open to overview as the GUI opens (rows stay in the file)", was: "1.95 s", target: "≤ 150 ms",
		group: "Go benchmarks", result: "OpenOverview/total", limit: 150},
	{name: "open to overview, every row loaded (the GUI before)", was: "1.95 s", target: "≤ 150 ms",
		group: "Go benchmarks", result: "OpenOverview/total_every_row", limit: 150},
	{name: "lotse kpi for a quarter, whole process", was: "2.15 s, 227 MB", target: "≤ 0.3 s, ≤ 80 MB",
		group: "Command line", result: "kpi, last quarter", limit: 0.3, peakLimit: 80},
	{name: "KPIs of three years in-process", was: "0.39 s", target: "≤ 0.4 s",
		group: "Go benchmarks", result: "KPILandkreis/three-years", limit: 400},
	{name: "GUI resident memory with the file open", was: "176 MB", target: "≤ 120 MB",
		group: "Start", result: "GUI peak RSS with the Landkreis open (overview)", limit: 120},
	{name: "Leistungsbeschreibung PDF, whole process", was: "7.8 s, 245 MB", target: "≤ 0.5 s",
		group: "Command line", result: "report: Leistungsbeschreibung PDF", limit: 0.5},
	{name: "Gesamtbericht PDF, whole process", was: "6.5 s, 309 MB", target: "≤ 2 s",
		group: "Command line", result: "report: Gesamtbericht PDF", limit: 2},
	{name: "demo-data --scale landkreis", was: "52 s", target: "≤ 10 s",
		group: "Landkreis", result: "demo-data --scale landkreis", limit: 10},
	{name: "import of a 250,000-ticket CSV", was: "4.9 s", target: "≤ 1.5 s",
		group: "Go benchmarks", result: "ImportTickets250k", limit: 1500},
	{name: "ticket parse speed / bare encoding/csv pass", was: "0.16×", target: "≥ 0.5×",
		group: "Go benchmarks", result: "RawCSV250k", per: "ReadTickets250k", limit: 0.5, atLeast: true},
	{name: "cold start to first content / bare Fyne window", was: "1.3–1.6×", target: "≤ 1.2×",
		group: "Start", result: "cold start ratio lotse / bare window", limit: 1.2},
}

// issueTable adds the rows of the Landkreis table, read from this run's results, as their own
// group; a row this run could not measure says why.
func (r *runner) issueTable(skipGUI, skipGo bool, goFilter string) {
	find := func(group, name string) *result {
		for i := range r.results {
			if r.results[i].Group == group && r.results[i].Name == name {
				return &r.results[i]
			}
		}
		return nil
	}
	missing := func(row landkreisRow) string {
		switch {
		case row.group == "Start" && skipGUI:
			return "not measured: -skip-gui"
		case row.group == "Go benchmarks" && skipGo:
			return "not measured: -skip-go"
		case row.group == "Go benchmarks" && goFilter != "" && !regexp.MustCompile(goFilter).MatchString(row.result):
			return "not measured: -go " + goFilter
		}
		return "not measured: the measurement failed (see above)"
	}
	for _, row := range landkreisTable {
		res := result{Group: "Landkreis at speed", Name: row.name, Target: row.target, Source: row.group + ": " + row.result}
		got := find(row.group, row.result)
		var per *result
		if row.per != "" {
			per = find(row.group, row.per)
			res.Source = fmt.Sprintf("%s: %s / %s", row.group, row.result, row.per)
		}
		switch {
		case got == nil || got.Unit == "" || (row.per != "" && (per == nil || per.Value == 0)):
			res.Note = missing(row)
			if got != nil && got.Note != "" {
				res.Note = "not measured: " + got.Note
			}
		default:
			res.Value, res.Unit, res.PeakRSSMB = got.Value, got.Unit, got.PeakRSSMB
			if per != nil {
				res.Value, res.Unit = got.Value/per.Value, "x"
			}
			ok := res.Value <= row.limit
			if row.atLeast {
				ok = res.Value >= row.limit
			}
			if row.peakLimit > 0 && got.PeakRSSMB > row.peakLimit {
				ok = false
			}
			res.Meets = &ok
			res.Note = "when the table was drawn up: " + row.was
		}
		r.add(res)
	}
}
