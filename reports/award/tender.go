package award

import (
	"fmt"
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
	"schulit-lotse/reports/pdfkit"
)

// Step 8, Ausschreibung und Auswahl: the procedure, the criteria with their weights, the bids'
// scores, the ranking by the UfAB method with every exclusion and its reason, the winner, and the
// chart of performance points against price.

// WriteTender writes the Gesamtbericht's section of step 8 (domain.TenderStarted says whether
// it has content).
func WriteTender(r *pdfkit.Report, p *domain.Project) {
	r.Section(8, pdfkit.StepTitle(8))
	r.Paragraph(tr("award.report.tender.intro"))
	ev := domain.Evaluate(p.Tender, p.Criteria, p.Bids)
	r.KeyValues(procedure(p.Tender))

	if len(p.Criteria) > 0 {
		r.Subsection(tr("award.report.criteria"))
		r.Table(criteriaTable(p.Criteria))
		r.Note(tr("award.report.kinds"))
		if groups := domain.CriterionGroups(p.Criteria); len(groups) > 0 {
			var items []string
			for _, g := range groups {
				name := g.Name
				if name == "" {
					name = tr("award.group.none")
				}
				items = append(items, tr("award.report.group_share", map[string]any{"Group": pdfkit.Line(name),
					"Weight": pdfkit.FormatNumber(g.Weight), "Share": pdfkit.FormatNumber(g.Share * 100)}))
			}
			r.Bullets(items)
		}
	}
	if len(p.Bids) > 0 {
		r.EnsureSpace(45) // the heading stays with the score table's header and first rows
		r.Subsection(tr("award.report.scores"))
		for _, t := range scoreTables(p) {
			r.Table(t)
		}
		r.Subsection(tr("award.report.ranking"))
		r.Paragraph(methodExplanation(p.Tender, ev))
		r.Table(rankingTable(p, ev))
		r.Paragraph(outcomeText(ev))
		// 15.95 cm: the sourcing matrix of step 6 is 16 cm wide, and images of one width come out
		// of gofpdf in a random order (workloadW in reports).
		if png, err := BidsChart(ev).PNG(r); err == nil {
			r.Image(png, 159.5)
		}
	}
	r.OpenQuestions(domain.TenderFindings(p, ev), false)
}

// procedure is the procedure data as label–value pairs.
func procedure(t domain.Tender) [][2]string {
	pub := dayOrDash(t.PublishedOn)
	if t.Publication != "" {
		pub += " · " + t.Publication
	}
	rows := [][2]string{
		{tr("award.tender.procedure"), pdfkit.OrDash(t.Procedure)},
		{tr("award.tender.published"), pub},
		{tr("award.tender.deadline"), dayOrDash(t.OfferDeadline)},
		{tr("award.tender.award_date"), dayOrDash(t.AwardDate)},
		{tr("award.tender.method"), methodName(t.Method)},
	}
	if t.Method == domain.MethodExtended {
		rows = append(rows,
			[2]string{tr("award.tender.fluctuation"), pctText(t.FluctuationPct)},
			[2]string{tr("award.tender.tie_breaker"), tieBreaker(t.TieBreaker)})
	} else if t.TieBreaker != "" {
		rows = append(rows, [2]string{tr("award.tender.tie_breaker_simple"), tieBreaker(t.TieBreaker)})
	}
	return rows
}

func methodName(m string) string {
	if m == "" {
		return tr("award.method.unset")
	}
	return tr("award.method." + m)
}

func tieBreaker(t string) string {
	if t == "" {
		return "–"
	}
	return tr("award.tie." + t)
}

// CriterionCells are a criterion's weight, its share of the total weight of all B-criteria and
// its minimum score as the criteria tables show them – on paper and on the screen of step 8 –, each
// written by format; "–" where the criterion has none (an A-criterion, a total of 0, no minimum).
func CriterionCells(c domain.TenderCriterion, total float64, format func(float64) string) (weight, share, minScore string) {
	weight, share, minScore = "–", "–", "–"
	if c.Kind != domain.CriterionB {
		return
	}
	weight = format(c.Weight)
	if s, ok := c.Share(total); ok {
		share = format(s*100) + " %"
	}
	if c.MinScore > 0 {
		minScore = format(c.MinScore)
	}
	return
}

func criteriaTable(crit []domain.TenderCriterion) pdfkit.Table {
	total := domain.WeightTotal(crit)
	var rows [][]string
	for _, c := range domain.SortedCriteria(crit) {
		weight, share, min := CriterionCells(c, total, pdfkit.FormatNumber)
		rows = append(rows, []string{tr("award.kind.short." + c.Kind), c.Group, c.Name, weight, share, min})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("award.report.col.kind"), Width: 7, Align: pdfkit.AlignCenter},
			{Title: tr("award.report.col.group"), Width: 15},
			{Title: tr("award.report.col.criterion"), Width: 46},
			{Title: tr("award.report.col.weight"), Width: 11, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.share"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.min"), Width: 11, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Zebra: true,
		Foot:  [][]string{{"", "", tr("award.report.max_points"), pdfkit.FormatNumber(total), "100 %", ""}},
	}
}

// scoresPerTable bounds the bidders side by side in one score table.
const scoresPerTable = 4

// scoreTables show each criterion's score per bidder, a few bidders per table.
func scoreTables(p *domain.Project) []pdfkit.Table {
	crit := domain.SortedCriteria(p.Criteria)
	var out []pdfkit.Table
	for start := 0; start < len(p.Bids); start += scoresPerTable {
		bids := p.Bids[start:min(start+scoresPerTable, len(p.Bids))]
		cols := []pdfkit.Column{{Title: tr("award.report.col.criterion"), Width: 40}}
		for _, b := range bids {
			cols = append(cols, pdfkit.Column{Title: b.Bidder, Width: 60 / float64(scoresPerTable), Align: pdfkit.AlignRight})
		}
		var rows [][]string
		for _, c := range crit {
			row := []string{tr("award.kind.short."+c.Kind) + " · " + c.Name}
			for _, b := range bids {
				row = append(row, scoreCell(c, b))
			}
			rows = append(rows, row)
		}
		price := []string{tr("award.report.col.price")}
		for _, b := range bids {
			price = append(price, euro(b.Price))
		}
		out = append(out, pdfkit.Table{Columns: cols, Rows: rows, Foot: [][]string{price}, Zebra: true})
	}
	return out
}

func scoreCell(c domain.TenderCriterion, b domain.Bid) string {
	s, ok := b.Scores[c.ID]
	switch {
	case !ok:
		return tr("award.score.open")
	case c.Kind == domain.CriterionA && s >= 1:
		return tr("award.score.met")
	case c.Kind == domain.CriterionA:
		return tr("award.score.not_met")
	}
	return pdfkit.FormatNumber(s)
}

// zText is Z as the tables show it: performance points per 1,000 € (Z · 1000).
func zText(z float64) string { return pdfkit.FormatNumber(z * 1000) }

func rankingTable(p *domain.Project, ev domain.Evaluation) pdfkit.Table {
	extended := ev.Method == domain.MethodExtended
	var rows [][]string
	excluded := map[int]bool{}
	winner := map[int]bool{}
	for i, res := range ev.Results {
		rank, z, status := "–", "–", ""
		if !res.Excluded {
			rank = strconv.Itoa(res.Rank)
			z = zText(res.Ratio)
			switch {
			case res.BidID == ev.Winner:
				status = tr("award.status.winner")
				winner[i] = true
			case extended && res.InRange:
				status = tr("award.status.in_range")
			case extended:
				status = tr("award.status.out_of_range")
			}
		} else {
			excluded[i] = true
			status = exclusionText(res.Exclusions)
		}
		rows = append(rows, []string{rank, res.Bidder, euro(res.Price), pdfkit.FormatNumber(res.Points), z, status})
	}
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("award.report.col.rank"), Width: 8, Align: pdfkit.AlignCenter},
			{Title: tr("award.report.col.bidder"), Width: 24},
			{Title: tr("award.report.col.price"), Width: 15, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.points"), Width: 10, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.z"), Width: 12, Align: pdfkit.AlignRight},
			{Title: tr("award.report.col.status"), Width: 31},
		},
		Rows: rows,
		RowFill: func(i int) (pdfkit.Color, bool) {
			if winner[i] {
				return pdfkit.Color{R: 226, G: 239, B: 218}, true
			}
			if excluded[i] {
				return pdfkit.Color{R: 238, G: 238, B: 238}, true
			}
			return pdfkit.Color{}, false
		},
	}
}

// exclusionText names why a bid is out, every reason with its criterion.
func exclusionText(xs []domain.Exclusion) string {
	parts := make([]string, 0, len(xs))
	for _, x := range xs {
		parts = append(parts, tr("award.exclusion."+x.Reason, map[string]any{"Criterion": pdfkit.Line(x.Criterion),
			"Score": pdfkit.FormatNumber(x.Score), "Min": pdfkit.FormatNumber(x.Min)}))
	}
	return tr("award.status.excluded") + ": " + strings.Join(parts, "; ")
}

// methodExplanation says how the ranking came about, with the numbers of this tender.
func methodExplanation(t domain.Tender, ev domain.Evaluation) string {
	s := tr("award.explain.simple", map[string]any{"Max": pdfkit.FormatNumber(ev.MaxPoints)})
	if ev.Method == domain.MethodExtended {
		s += " " + tr("award.explain.extended", map[string]any{"Pct": pdfkit.FormatNumber(t.FluctuationPct),
			"Best": zText(ev.BestRatio), "Floor": zText(ev.Floor), "Rule": tieBreaker(t.TieBreaker)})
	} else if t.TieBreaker != "" {
		s += " " + tr("award.explain.simple_tie", map[string]any{"Rule": tieBreaker(t.TieBreaker)})
	}
	return s
}

// outcomeText names the winner, a tie, or that nobody could be ranked.
func outcomeText(ev domain.Evaluation) string {
	switch {
	case ev.Winner != 0:
		w := ev.Result(ev.Winner)
		return tr("award.outcome.winner", map[string]any{"Bidder": pdfkit.Line(w.Bidder), "Points": pdfkit.FormatNumber(w.Points),
			"Price": euro(w.Price), "Z": zText(w.Ratio)})
	case len(ev.Tied) > 0:
		var names []string
		for _, id := range ev.Tied {
			names = append(names, pdfkit.Line(ev.Result(id).Bidder))
		}
		return tr("award.outcome.tie", map[string]any{"Bidders": strings.Join(names, ", ")})
	}
	return tr("award.outcome.none")
}

// BidsChart is the Gesamtbericht's chart of L against P for the evaluation (step 8, 15.95 ×
// 9.5 cm).
func BidsChart(ev domain.Evaluation) pdfkit.Chart {
	pts, floor := bidPoints(ev)
	return pdfkit.Chart{Key: fmt.Sprintf("award.bids %v %v %v", pts, ev.BestRatio, floor), Draw: func() ([]byte, error) {
		return bidsChartPNG(ev, 15.95, 9.5)
	}}
}

// bidPoints are the bids as the chart's points, and the floor line (0: none).
func bidPoints(ev domain.Evaluation) ([]charts.BidPoint, float64) {
	pts := make([]charts.BidPoint, 0, len(ev.Results))
	for _, res := range ev.Results {
		pts = append(pts, charts.BidPoint{Label: pdfkit.Line(res.Bidder), Price: res.Price, Points: res.Points, Excluded: res.Excluded, Winner: res.BidID == ev.Winner})
	}
	floor := 0.0
	if ev.Method == domain.MethodExtended {
		floor = ev.Floor
	}
	return pts, floor
}

// bidsChartPNG draws the chart of L against P (shared with the editor).
func bidsChartPNG(ev domain.Evaluation, wCm, hCm float64) ([]byte, error) {
	pts, floor := bidPoints(ev)
	pl, err := charts.BidsChart(pts, ev.BestRatio, floor, charts.BidLabels{
		Title: tr("award.chart.title"), XAxis: tr("award.chart.x"), YAxis: tr("award.chart.y"),
		Ranked: tr("award.chart.ranked"), Excluded: tr("award.chart.excluded"), Winner: tr("award.chart.winner"),
		BestLine: tr("award.chart.best"), FloorLine: tr("award.chart.floor"),
		FormatPrice: pdfkit.FormatNumber, FormatPoints: pdfkit.FormatNumber,
	})
	if err != nil {
		return nil, err
	}
	return charts.PNG(pl, wCm, hCm)
}

// BidsChartPNG is the chart of performance points against price for the project's bids, for the
// step-8 editor: the same picture as in the report.
func BidsChartPNG(p *domain.Project, wCm, hCm float64) ([]byte, error) {
	return bidsChartPNG(domain.Evaluate(p.Tender, p.Criteria, p.Bids), wCm, hCm)
}
