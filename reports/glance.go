package reports

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
	"schulit-lotse/reports/pdfkit"
)

// glanceMaxFindings is how many contradictions and open points "Auf einen Blick" names; the
// rest are counted and left to the steps' sections.
const glanceMaxFindings = 6

// glance writes "Auf einen Blick", the page a committee reads first: the situation in three
// sentences, the decision per package with staff need and cost, the Beschlussvorschlag and the
// top open contradictions and risks. Example values are marked here, not only further back.
func glance(r *pdfkit.Report, p *domain.Project) {
	r.NewPage(pdfkit.Portrait)
	title := tr("reports.glance.title")
	r.Register(0, "", title)
	r.SetFont("B", pdfkit.HeadingSize)
	r.SetText(pdfkit.ColorText)
	r.PDF().CellFormat(r.Width(), pdfkit.LineHeight(pdfkit.HeadingSize), title, "", 2, "L", false, 0, "")
	r.Rule()
	r.Gap(3)

	cc := domain.CompareCosts(p)
	r.Paragraph(strings.Join(glanceSituation(p, cc, r.AsOf()), " "))

	if len(p.Packages) > 0 {
		glanceHeading(r, tr("reports.glance.decisions"))
		r.Table(glanceDecisionTable(p, cc))
	}
	glanceHeading(r, tr("reports.glance.staff_cost"))
	r.KeyValues(glanceCost(p, cc))
	if n := cc.Total.ExternalMissing; n > 0 {
		r.Note(pdfkit.TrCount("reports.glance.unpriced", n))
	}
	if ex := examplePayGroups(p); len(ex) > 0 {
		r.Callout(pdfkit.TrCount("reports.glance.example", len(ex)), true)
	}

	glanceHeading(r, tr("reports.glance.proposal"))
	proposal := strings.TrimSpace(p.DocumentControlConfig().Proposal)
	if proposal == "" {
		r.Callout(tr("reports.glance.no_proposal"), false)
	} else {
		r.Callout(proposal, false)
	}

	items, more := glanceFindings(p, allFindings(r, p))
	glanceHeading(r, tr("reports.glance.findings"))
	if len(items) == 0 {
		r.Paragraph(tr("reports.glance.no_findings"))
		return
	}
	// The page stays one page: the points that do not fit are counted with the rest.
	noteH := 2 * pdfkit.LineHeight(pdfkit.SmallSize)
	if n := bulletsWithin(r, items, r.Bottom()-noteH); n < len(items) {
		more += len(items) - n
	}
	r.Gap(2)
	if more > 0 {
		r.Note(pdfkit.TrCount("reports.glance.more_findings", more))
	}
}

// bulletsWithin writes bullets as long as each fits whole above bottom (at least the first)
// and reports how many it wrote.
func bulletsWithin(r *pdfkit.Report, items []string, bottom float64) int {
	const indent = 5.0
	for i, it := range items {
		r.SetFont("", pdfkit.BodySize)
		text := pdfkit.Clean(it, true)
		h := float64(len(r.Split(text, r.Width()-indent))) * pdfkit.LineHeight(pdfkit.BodySize)
		if i > 0 && r.PDF().GetY()+h > bottom {
			return i
		}
		r.TextBlock(text, "•", indent, false)
	}
	return len(items)
}

// glanceHeading is a heading of the page that stays with at least three lines of what follows;
// it is not listed in the table of contents.
func glanceHeading(r *pdfkit.Report, title string) {
	r.EnsureSpace(pdfkit.LineHeight(pdfkit.SubSize) + 3 + 3*pdfkit.LineHeight(pdfkit.BodySize))
	if r.PDF().GetY() > r.Top()+1 {
		r.Gap(2)
	}
	r.SetFont("B", pdfkit.SubSize-1)
	r.SetText(pdfkit.ColorText)
	r.PDF().SetX(r.Left())
	r.PDF().CellFormat(r.Width(), pdfkit.LineHeight(pdfkit.SubSize-1), pdfkit.Line(title), "", 2, "L", false, 0, "")
	r.Gap(1)
}

// glanceSituation is the situation in three sentences: what the plan covers, how far the
// decision has come, and where the contract stands.
func glanceSituation(p *domain.Project, cc domain.CostComparison, today domain.Date) []string {
	who := shorten(pdfkit.Line(p.Meta.Schultraeger), 120)
	if who == "" {
		who = tr("reports.glance.carrier")
	}
	d := cc.Demand.Total
	out := []string{tr("reports.glance.s1", map[string]any{
		"Carrier": who, "Tasks": pdfkit.FormatNumber(float64(len(p.Tasks))), "Packages": len(p.Packages),
		"FTE": resFTE(d.FTE), "Hours": euroless(d.SurchargedYear),
	})}
	count := map[domain.SourcingOutcome]int{}
	decided := 0
	for _, pk := range p.Packages {
		if dec := p.DecisionFor(pk.ID); dec != nil && dec.Outcome != domain.OutcomeOpen {
			count[dec.Outcome]++
			decided++
		}
	}
	if decided == 0 {
		out = append(out, tr("reports.glance.s2_none"))
	} else {
		out = append(out, tr("reports.glance.s2", map[string]any{
			"Decided": decided, "Packages": len(p.Packages), "External": count[domain.OutcomeExternal],
			"Mixed": count[domain.OutcomeMixed], "Internal": count[domain.OutcomeInternal],
		}))
	}
	c := p.Contract
	switch {
	case strings.TrimSpace(c.Provider) == "" || c.Start == nil:
		out = append(out, tr("reports.glance.s3_none"))
	default:
		s := tr("reports.glance.s3_open", map[string]any{"Provider": shorten(pdfkit.Line(c.Provider), 120), "Start": pdfkit.FormatDate(c.Start.Time)})
		if c.TermMonths > 0 {
			s = tr("reports.glance.s3_term", map[string]any{"Provider": shorten(pdfkit.Line(c.Provider), 120), "Start": pdfkit.FormatDate(c.Start.Time), "Months": c.TermMonths})
		}
		if n := domain.NextNotice(c, today); n.Kind == domain.NoticeDeadline {
			s += " " + tr("reports.glance.s3_notice", map[string]any{"Latest": pdfkit.FormatDate(n.Latest.Time), "End": pdfkit.FormatDate(n.End.Time)})
		}
		out = append(out, s)
	}
	return out
}

// euroless is a whole number with grouping: "2.848".
func euroless(v float64) string { return pdfkit.FormatNumber(math.Round(v)) }

// euroWhole is an amount in whole euros, as summaries show it: "14.831 €"; "–" when unknown.
func euroWhole(v float64, known bool) string {
	if !known {
		return "–"
	}
	return numfmt.Euro(v, pdfkit.NumberLang(), false)
}

// euroAtLeast is a total in whole euros; when some of its parts have no price (missing > 0) it
// is a lower bound and says so ("mind. 2.322.000 €"), and "–" when none has one.
func euroAtLeast(v float64, missing int) string {
	switch {
	case missing == 0:
		return euroWhole(v, true)
	case v == 0:
		return "–"
	}
	return tr("reports.glance.at_least", map[string]any{"Amount": euroWhole(v, true)})
}

// glanceMaxPackages is how many packages the page lists one by one; more are summed as
// "Sonstige" (the Gesamtbericht's step 5 and 6 list them all).
const glanceMaxPackages = 12

func glanceDecisionTable(p *domain.Project, cc domain.CostComparison) pdfkit.Table {
	pcs := cc.Packages
	var rest []domain.PackageCost
	if len(pcs) > glanceMaxPackages {
		// The largest packages by staff need, in their own order; the rest as one row.
		idx := make([]int, len(pcs))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return pcs[idx[a]].FTE > pcs[idx[b]].FTE })
		keep := map[int]bool{}
		for _, i := range idx[:glanceMaxPackages-1] {
			keep[i] = true
		}
		var top []domain.PackageCost
		for i, pc := range pcs {
			if keep[i] {
				top = append(top, pc)
			} else {
				rest = append(rest, pc)
			}
		}
		pcs = top
	}
	var rows [][]string
	for _, pc := range pcs {
		name, outcome := pc.Name, tr("src.outcome.open")
		if pc.PackageID == 0 {
			name = tr("res.no_package")
			outcome = "–"
		} else if dec := p.DecisionFor(pc.PackageID); dec != nil && dec.Outcome != domain.OutcomeOpen {
			outcome = tr("src.outcome." + string(dec.Outcome))
		}
		rows = append(rows, []string{name, outcome, resFTE(pc.FTE),
			euroWhole(pc.Internal, pc.InternalKnown()), euroWhole(pc.External, pc.ExternalKnown())})
	}
	if len(rest) > 0 {
		var sum domain.PackageCost
		for _, pc := range rest {
			sum.FTE += pc.FTE
			sum.Internal += pc.Internal
			sum.External += pc.External
			sum.InternalMissing += pc.InternalMissing
			sum.ExternalMissing += pc.ExternalMissing
		}
		rows = append(rows, []string{pdfkit.TrCount("reports.glance.other_packages", len(rest)), "", resFTE(sum.FTE),
			euroAtLeast(sum.Internal, sum.InternalMissing), euroAtLeast(sum.External, sum.ExternalMissing)})
	}
	t := cc.Total
	return pdfkit.Table{
		Columns: []pdfkit.Column{
			{Title: tr("res.col.package"), Width: 27},
			{Title: tr("src.outcome_label"), Width: 17},
			{Title: tr("res.col.fte"), Width: 8, Align: pdfkit.AlignRight},
			{Title: tr("reports.glance.col.internal"), Width: 24, Align: pdfkit.AlignRight},
			{Title: tr("reports.glance.col.external"), Width: 24, Align: pdfkit.AlignRight},
		},
		Rows:  rows,
		Foot:  [][]string{{tr("res.total"), "", resFTE(t.FTE), euroAtLeast(t.Internal, t.InternalMissing), euroAtLeast(t.External, t.ExternalMissing)}},
		Zebra: true,
	}
}

// glanceCost is staff need and cost per year, and over the contract term where one is agreed.
func glanceCost(p *domain.Project, cc domain.CostComparison) [][2]string {
	rd, t := cc.Demand, cc.Total
	out := [][2]string{
		{tr("reports.glance.staff"), tr("reports.glance.staff_value", map[string]any{
			"Total": resFTE(rd.Total.FTE), "Internal": resFTE(rd.Internal.FTE), "External": resFTE(rd.External.FTE)})},
		{tr("reports.glance.per_year"), tr("reports.glance.cost_value", map[string]any{
			"Internal": euroAtLeast(t.Internal, t.InternalMissing), "External": euroAtLeast(t.External, t.ExternalMissing)})},
	}
	if m := p.Contract.TermMonths; m > 0 {
		f := float64(m) / 12
		out = append(out, [2]string{tr("reports.glance.per_term", map[string]any{"Months": m}), tr("reports.glance.cost_value", map[string]any{
			"Internal": euroAtLeast(t.Internal*f, t.InternalMissing), "External": euroAtLeast(t.External*f, t.ExternalMissing)})})
	}
	if v := p.Contract.Value; v > 0 {
		out = append(out, [2]string{tr("reports.glance.contract_value"), euroWhole(v, true)})
	}
	return out
}

// examplePayGroups names the pay groups that still price with an example rate.
func examplePayGroups(p *domain.Project) []string {
	var out []string
	for _, g := range p.PayGroups {
		if g.IsExample() && g.HasRate() {
			out = append(out, pdfkit.Line(g.Name))
		}
	}
	return out
}

// glanceFindings are the top open points of p's findings (domain.AllFindings): contradictions
// between steps first, then warnings, then open questions, each in step order; more counts the
// ones left out.
func glanceFindings(p *domain.Project, findings []domain.Finding) (items []string, more int) {
	all := append([]domain.Finding(nil), findings...) // sorted here, the caller's stay as they are
	rank := func(f domain.Finding) int {
		switch {
		case f.Severity == domain.SeverityError:
			return 0
		case f.Rule != "":
			return 1
		case f.Severity == domain.SeverityWarning:
			return 2
		}
		return 3
	}
	sort.SliceStable(all, func(i, j int) bool { return rank(all[i]) < rank(all[j]) })
	// Several findings of one code (three example pay groups) make one point with a count.
	var kept []domain.Finding
	var extra []int
	seen := map[string]int{}
	for _, f := range all {
		if f.Code == domain.FindResExampleRate {
			continue // the page says so in its own box
		}
		if i, ok := seen[f.Code]; ok && f.Rule == "" {
			extra[i]++
			continue
		}
		seen[f.Code] = len(kept)
		kept = append(kept, f)
		extra = append(extra, 0)
	}
	lines := make([]string, 0, len(kept))
	// Contradictions and errors first, then the risks of what is handed out, then the rest.
	var firstRest int
	for firstRest < len(kept) && rank(kept[firstRest]) <= 1 {
		firstRest++
	}
	risks := glanceRisks(p)
	for i, f := range kept {
		if i == firstRest {
			lines = append(lines, risks...)
			risks = nil
		}
		msg := findingText(f)
		if extra[i] > 0 {
			msg += " " + pdfkit.TrCount("reports.glance.same_kind", extra[i])
		}
		lines = append(lines, tr("reports.glance.finding", map[string]any{"Step": int(f.Step), "Message": msg}))
	}
	lines = append(lines, risks...) // when every finding is a contradiction, or there is none
	if len(lines) > glanceMaxFindings {
		return lines[:glanceMaxFindings], len(lines) - glanceMaxFindings
	}
	return lines, 0
}

// glanceRiskLevel is the score (of 5) from which an outsourcing risk counts as high.
const glanceRiskLevel = 4

// glanceRisks names the packages handed out wholly or in part although step 6 rated one of
// their outsourcing risks high: what a committee should weigh before it agrees.
func glanceRisks(p *domain.Project) []string {
	var out []string
	for _, pk := range p.Packages {
		d := p.DecisionFor(pk.ID)
		if d == nil || (d.Outcome != domain.OutcomeExternal && d.Outcome != domain.OutcomeMixed) {
			continue
		}
		var kinds []string
		for _, k := range []struct {
			score int
			key   string
		}{{d.RiskDataProtection, "src.score.risk_data_protection"}, {d.RiskSecurity, "src.score.risk_security"}, {d.RiskOutage, "src.score.risk_outage"}} {
			if k.score >= glanceRiskLevel {
				kinds = append(kinds, tr(k.key)+" "+strconv.Itoa(k.score))
			}
		}
		if len(kinds) > 0 {
			out = append(out, tr("reports.glance.risk", map[string]any{"Package": pdfkit.Line(pk.Name),
				"Outcome": tr("src.outcome." + string(d.Outcome)), "Risks": strings.Join(kinds, ", ")}))
		}
	}
	return out
}

// shorten cuts s to at most n runes, ending in an ellipsis when cut.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}

// findingText is a finding of "Auf einen Blick" and the Kurzfassung in words: a contradiction
// between steps or a warning marked as such.
func findingText(f domain.Finding) string {
	msg := tr(f.Code, map[string]any{"Subject": pdfkit.Line(f.Subject)})
	switch {
	case f.Rule != "":
		return tr("reports.glance.contradiction", map[string]any{"Message": msg})
	case f.Severity == domain.SeverityWarning:
		return tr("reports.warning", map[string]any{"Message": msg})
	}
	return msg
}
