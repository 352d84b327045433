package reports

import (
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
)

// Step 8, Ausschreibung und Auswahl: the procedure, the criteria with their weights, the bids'
// scores, the ranking by the UfAB method with every exclusion and its reason, the winner, and the
// chart of performance points against price.
var tenderSection = section{
	Step:  domain.StepTender,
	Has:   domain.TenderStarted,
	Write: writeTender,
}

func writeTender(r *Report, p *domain.Project) {
	r.Section(8, stepTitle(8))
	r.Paragraph(Tr("award.report.tender.intro"))
	ev := domain.Evaluate(p.Tender, p.Criteria, p.Bids)
	r.KeyValues(awProcedure(p.Tender))

	if len(p.Criteria) > 0 {
		r.Subsection(Tr("award.report.criteria"))
		r.Table(awCriteriaTable(p.Criteria))
		r.Note(Tr("award.report.kinds"))
		if groups := domain.CriterionGroups(p.Criteria); len(groups) > 0 {
			var items []string
			for _, g := range groups {
				name := g.Name
				if name == "" {
					name = Tr("award.group.none")
				}
				items = append(items, Tr("award.report.group_share", map[string]any{"Group": Line(name),
					"Weight": FormatNumber(g.Weight), "Share": FormatNumber(g.Share * 100)}))
			}
			r.Bullets(items)
		}
	}
	if len(p.Bids) > 0 {
		r.EnsureSpace(45) // the heading stays with the score table's header and first rows
		r.Subsection(Tr("award.report.scores"))
		for _, t := range awScoreTables(p) {
			r.Table(t)
		}
		r.Subsection(Tr("award.report.ranking"))
		r.Paragraph(awMethodExplanation(p.Tender, ev))
		r.Table(awRankingTable(p, ev))
		r.Paragraph(awOutcomeText(ev))
		if png, err := awBidsChartPNG(ev, 16, 9.5); err == nil {
			r.Image(png, 160)
		}
	}
	awFindings(r, domain.TenderFindings(p, ev))
}

// awProcedure is the procedure data as label–value pairs.
func awProcedure(t domain.Tender) [][2]string {
	pub := awDate(t.PublishedOn)
	if t.Publication != "" {
		pub += " · " + t.Publication
	}
	rows := [][2]string{
		{Tr("award.tender.procedure"), OrDash(t.Procedure)},
		{Tr("award.tender.published"), pub},
		{Tr("award.tender.deadline"), awDate(t.OfferDeadline)},
		{Tr("award.tender.award_date"), awDate(t.AwardDate)},
		{Tr("award.tender.method"), awMethodName(t.Method)},
	}
	if t.Method == domain.MethodExtended {
		rows = append(rows,
			[2]string{Tr("award.tender.fluctuation"), awPct(t.FluctuationPct)},
			[2]string{Tr("award.tender.tie_breaker"), awTieBreaker(t.TieBreaker)})
	} else if t.TieBreaker != "" {
		rows = append(rows, [2]string{Tr("award.tender.tie_breaker_simple"), awTieBreaker(t.TieBreaker)})
	}
	return rows
}

func awMethodName(m string) string {
	if m == "" {
		return Tr("award.method.unset")
	}
	return Tr("award.method." + m)
}

func awTieBreaker(t string) string {
	if t == "" {
		return "–"
	}
	return Tr("award.tie." + t)
}

func awCriteriaTable(crit []domain.TenderCriterion) Table {
	var total float64
	for _, c := range crit {
		if c.Kind == domain.CriterionB {
			total += c.Weight
		}
	}
	var rows [][]string
	for _, c := range domain.SortedCriteria(crit) {
		weight, share, min := "–", "–", "–"
		if c.Kind == domain.CriterionB {
			weight = FormatNumber(c.Weight)
			if total > 0 {
				share = FormatNumber(c.Weight/total*100) + " %"
			}
			if c.MinScore > 0 {
				min = FormatNumber(c.MinScore)
			}
		}
		rows = append(rows, []string{Tr("award.kind.short." + c.Kind), c.Group, c.Name, weight, share, min})
	}
	return Table{
		Columns: []Column{
			{Title: Tr("award.report.col.kind"), Width: 7, Align: AlignCenter},
			{Title: Tr("award.report.col.group"), Width: 15},
			{Title: Tr("award.report.col.criterion"), Width: 46},
			{Title: Tr("award.report.col.weight"), Width: 11, Align: AlignRight},
			{Title: Tr("award.report.col.share"), Width: 10, Align: AlignRight},
			{Title: Tr("award.report.col.min"), Width: 11, Align: AlignRight},
		},
		Rows:  rows,
		Zebra: true,
		Foot:  [][]string{{"", "", Tr("award.report.max_points"), FormatNumber(total), "100 %", ""}},
	}
}

// awScoresPerTable bounds the bidders side by side in one score table.
const awScoresPerTable = 4

// awScoreTables show each criterion's score per bidder, a few bidders per table.
func awScoreTables(p *domain.Project) []Table {
	crit := domain.SortedCriteria(p.Criteria)
	var out []Table
	for start := 0; start < len(p.Bids); start += awScoresPerTable {
		bids := p.Bids[start:min(start+awScoresPerTable, len(p.Bids))]
		cols := []Column{{Title: Tr("award.report.col.criterion"), Width: 40}}
		for _, b := range bids {
			cols = append(cols, Column{Title: b.Bidder, Width: 60 / float64(awScoresPerTable), Align: AlignRight})
		}
		var rows [][]string
		for _, c := range crit {
			row := []string{Tr("award.kind.short."+c.Kind) + " · " + c.Name}
			for _, b := range bids {
				row = append(row, awScoreCell(c, b))
			}
			rows = append(rows, row)
		}
		price := []string{Tr("award.report.col.price")}
		for _, b := range bids {
			price = append(price, awEuro(b.Price))
		}
		out = append(out, Table{Columns: cols, Rows: rows, Foot: [][]string{price}, Zebra: true})
	}
	return out
}

func awScoreCell(c domain.TenderCriterion, b domain.Bid) string {
	s, ok := b.Scores[c.ID]
	switch {
	case !ok:
		return Tr("award.score.open")
	case c.Kind == domain.CriterionA && s >= 1:
		return Tr("award.score.met")
	case c.Kind == domain.CriterionA:
		return Tr("award.score.not_met")
	}
	return FormatNumber(s)
}

// awZ is Z as the tables show it: performance points per 1,000 € (Z · 1000).
func awZ(z float64) string { return FormatNumber(z * 1000) }

func awRankingTable(p *domain.Project, ev domain.Evaluation) Table {
	extended := ev.Method == domain.MethodExtended
	var rows [][]string
	excluded := map[int]bool{}
	winner := map[int]bool{}
	for i, res := range ev.Results {
		rank, z, status := "–", "–", ""
		if !res.Excluded {
			rank = strconv.Itoa(res.Rank)
			z = awZ(res.Ratio)
			switch {
			case res.BidID == ev.Winner:
				status = Tr("award.status.winner")
				winner[i] = true
			case extended && res.InRange:
				status = Tr("award.status.in_range")
			case extended:
				status = Tr("award.status.out_of_range")
			}
		} else {
			excluded[i] = true
			status = awExclusionText(res.Exclusions)
		}
		rows = append(rows, []string{rank, res.Bidder, awEuro(res.Price), FormatNumber(res.Points), z, status})
	}
	return Table{
		Columns: []Column{
			{Title: Tr("award.report.col.rank"), Width: 8, Align: AlignCenter},
			{Title: Tr("award.report.col.bidder"), Width: 24},
			{Title: Tr("award.report.col.price"), Width: 15, Align: AlignRight},
			{Title: Tr("award.report.col.points"), Width: 10, Align: AlignRight},
			{Title: Tr("award.report.col.z"), Width: 12, Align: AlignRight},
			{Title: Tr("award.report.col.status"), Width: 31},
		},
		Rows: rows,
		RowFill: func(i int) (Color, bool) {
			if winner[i] {
				return Color{226, 239, 218}, true
			}
			if excluded[i] {
				return Color{238, 238, 238}, true
			}
			return Color{}, false
		},
	}
}

// awExclusionText names why a bid is out, every reason with its criterion.
func awExclusionText(xs []domain.Exclusion) string {
	parts := make([]string, 0, len(xs))
	for _, x := range xs {
		parts = append(parts, Tr("award.exclusion."+x.Reason, map[string]any{"Criterion": Line(x.Criterion),
			"Score": FormatNumber(x.Score), "Min": FormatNumber(x.Min)}))
	}
	return Tr("award.status.excluded") + ": " + strings.Join(parts, "; ")
}

// awMethodExplanation says how the ranking came about, with the numbers of this tender.
func awMethodExplanation(t domain.Tender, ev domain.Evaluation) string {
	s := Tr("award.explain.simple", map[string]any{"Max": FormatNumber(ev.MaxPoints)})
	if ev.Method == domain.MethodExtended {
		s += " " + Tr("award.explain.extended", map[string]any{"Pct": FormatNumber(t.FluctuationPct),
			"Best": awZ(ev.BestRatio), "Floor": awZ(ev.Floor), "Rule": awTieBreaker(t.TieBreaker)})
	} else if t.TieBreaker != "" {
		s += " " + Tr("award.explain.simple_tie", map[string]any{"Rule": awTieBreaker(t.TieBreaker)})
	}
	return s
}

// awOutcomeText names the winner, a tie, or that nobody could be ranked.
func awOutcomeText(ev domain.Evaluation) string {
	switch {
	case ev.Winner != 0:
		w := ev.Result(ev.Winner)
		return Tr("award.outcome.winner", map[string]any{"Bidder": Line(w.Bidder), "Points": FormatNumber(w.Points),
			"Price": awEuro(w.Price), "Z": awZ(w.Ratio)})
	case len(ev.Tied) > 0:
		var names []string
		for _, id := range ev.Tied {
			names = append(names, Line(ev.Result(id).Bidder))
		}
		return Tr("award.outcome.tie", map[string]any{"Bidders": strings.Join(names, ", ")})
	}
	return Tr("award.outcome.none")
}

// awBidsChartPNG draws the chart of L against P (shared with the editor).
func awBidsChartPNG(ev domain.Evaluation, wCm, hCm float64) ([]byte, error) {
	pts := make([]charts.BidPoint, 0, len(ev.Results))
	for _, res := range ev.Results {
		pts = append(pts, charts.BidPoint{Label: Line(res.Bidder), Price: res.Price, Points: res.Points, Excluded: res.Excluded, Winner: res.BidID == ev.Winner})
	}
	floor := 0.0
	if ev.Method == domain.MethodExtended {
		floor = ev.Floor
	}
	pl, err := charts.BidsChart(pts, ev.BestRatio, floor, charts.BidLabels{
		Title: Tr("award.chart.title"), XAxis: Tr("award.chart.x"), YAxis: Tr("award.chart.y"),
		Ranked: Tr("award.chart.ranked"), Excluded: Tr("award.chart.excluded"), Winner: Tr("award.chart.winner"),
		BestLine: Tr("award.chart.best"), FloorLine: Tr("award.chart.floor"),
		FormatPrice: FormatNumber, FormatPoints: FormatNumber,
	})
	if err != nil {
		return nil, err
	}
	return charts.PNG(pl, wCm, hCm)
}

// BidsChartPNG is the chart of performance points against price for the project's bids, for the
// step-8 editor: the same picture as in the report.
func BidsChartPNG(p *domain.Project, wCm, hCm float64) ([]byte, error) {
	return awBidsChartPNG(domain.Evaluate(p.Tender, p.Criteria, p.Bids), wCm, hCm)
}
