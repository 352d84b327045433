package reports

import (
	"schulit-lotse/domain"
	"schulit-lotse/reports/award"
	"schulit-lotse/reports/pdfkit"
)

// chartsAhead are the charts of the Gesamtbericht's sections that come from the project alone
// (workload, cost comparison, sourcing matrix, bids, milestones), made as the sections make
// them, so they can be drawn on goroutines while the layout writes the pages before them
// (pdfkit.DrawAhead). A chart made here that its section does not print only costs its drawing.
func chartsAhead(p *domain.Project, today domain.Date, secs []section) []pdfkit.Chart {
	var out []pdfkit.Chart
	for _, s := range secs {
		switch s.Step {
		case coverageSection.Step:
			if c, ok := workloadChart(domain.Workload(p)); ok {
				out = append(out, c)
			}
		case resourcesSection.Step:
			out = append(out, costChart(costBars(domain.CompareCosts(p))))
		case sourcingSection.Step:
			if points := sourcingPoints(domain.AssessSourcing(p)); len(points) > 0 {
				out = append(out, sourcingChart(points))
			}
		case tenderSection.Step:
			if len(p.Bids) > 0 {
				out = append(out, award.BidsChart(domain.Evaluate(p.Tender, p.Criteria, p.Bids)))
			}
		case kickoffSection.Step:
			if len(p.Milestones) > 0 {
				if items := TimelineItems(domain.SortedMilestones(domain.ResolvedMilestones(p, today)), today); len(items) > 0 {
					out = append(out, timelineChart(items, today, timelineWidthCm(pdfkit.PortraitWidth)))
				}
			}
		}
	}
	return out
}
