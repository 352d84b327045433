package domain

import "strconv"

// Finding codes of step 8.
const (
	FindTenderNoProcedure = "find.tender.no_procedure"
	FindTenderNoDeadline  = "find.tender.no_deadline"
	FindTenderNoCriteria  = "find.tender.no_criteria"
	FindTenderNoB         = "find.tender.no_b_criteria"
	FindTenderNoMethod    = "find.tender.no_method"
	FindTenderNoBids      = "find.tender.no_bids"
	FindTenderUnscored    = "find.tender.unscored"
	FindTenderAOpen       = "find.tender.a_open"
	FindTenderAFailed     = "find.tender.a_failed"
	FindTenderMinScore    = "find.tender.min_score"
	FindTenderNoPrice     = "find.tender.no_price"
	FindTenderTie         = "find.tender.tie"
	FindTenderAllOut      = "find.tender.all_excluded"
)

// TenderStarted reports whether anything of step 8 has been entered.
func TenderStarted(p *Project) bool {
	t := p.Tender
	return len(p.Criteria) > 0 || len(p.Bids) > 0 || t.Procedure != "" || t.PublishedOn != nil ||
		t.OfferDeadline != nil || t.AwardDate != nil || t.Method != ""
}

func evaluateTender(p *Project, today Date) (StepState, []Figure, []Finding) {
	if !TenderStarted(p) {
		return StateOpen, nil, nil // not started: no open questions yet
	}
	ev := Evaluate(p.Tender, p.Criteria, p.Bids)
	f := TenderFindings(p, ev)
	complete := ev.Winner != 0 && onlyWarnings(f)
	return stateOf(true, complete), tenderFigures(p, ev), f
}

// TenderFindings are the open questions and the exclusions of step 8.
func TenderFindings(p *Project, ev Evaluation) []Finding {
	var out []Finding
	add := func(sev Severity, code, subject string, id int64) {
		out = append(out, Finding{Step: StepTender, Severity: sev, Code: code, Subject: subject, EntityID: id})
	}
	t := p.Tender
	if t.Procedure == "" {
		add(SeverityQuestion, FindTenderNoProcedure, "", 0)
	}
	if t.OfferDeadline == nil {
		add(SeverityQuestion, FindTenderNoDeadline, "", 0)
	}
	if t.Method == "" {
		add(SeverityQuestion, FindTenderNoMethod, "", 0)
	}
	hasB := false
	for _, c := range p.Criteria {
		hasB = hasB || c.Kind == CriterionB
	}
	switch {
	case len(p.Criteria) == 0:
		add(SeverityQuestion, FindTenderNoCriteria, "", 0)
	case !hasB:
		add(SeverityQuestion, FindTenderNoB, "", 0)
	}
	if len(p.Bids) == 0 {
		add(SeverityQuestion, FindTenderNoBids, "", 0)
		return out
	}
	for _, b := range p.Bids {
		r := ev.Result(b.ID)
		if r == nil {
			continue
		}
		for _, c := range r.Unscored {
			add(SeverityQuestion, FindTenderUnscored, b.Bidder+": "+c, b.ID)
		}
		for _, x := range r.Exclusions {
			switch x.Reason {
			case ExcludedAUnchecked:
				add(SeverityQuestion, FindTenderAOpen, b.Bidder+": "+x.Criterion, b.ID)
			case ExcludedACriterion:
				add(SeverityWarning, FindTenderAFailed, b.Bidder+": "+x.Criterion, b.ID)
			case ExcludedMinScore:
				add(SeverityWarning, FindTenderMinScore, b.Bidder+": "+x.Criterion, b.ID)
			case ExcludedNoPrice:
				add(SeverityQuestion, FindTenderNoPrice, b.Bidder, b.ID)
			}
		}
	}
	if len(ev.Tied) > 0 {
		names := ""
		for i, id := range ev.Tied {
			if i > 0 {
				names += ", "
			}
			if r := ev.Result(id); r != nil {
				names += r.Bidder
			}
		}
		add(SeverityQuestion, FindTenderTie, names, 0)
	}
	if ev.Admitted() == 0 {
		add(SeverityWarning, FindTenderAllOut, "", 0)
	}
	return out
}

// maxRankFigures bounds the ranking lines of the summary.
const maxRankFigures = 5

func tenderFigures(p *Project, ev Evaluation) []Figure {
	figs := []Figure{
		{Key: "fig.tender.bids", Value: float64(len(p.Bids))},
		{Key: "fig.tender.admitted", Value: float64(ev.Admitted())},
	}
	if ev.Winner != 0 {
		figs = append(figs, Figure{Key: "fig.tender.winner", Text: ev.Result(ev.Winner).Bidder})
	}
	n := 0
	for _, r := range ev.Results {
		if r.Excluded || n == maxRankFigures {
			break
		}
		figs = append(figs, Figure{Key: "fig.tender.rank", Label: strconv.Itoa(r.Rank) + ". " + r.Bidder, Value: r.Ratio * 1000})
		n++
	}
	return figs
}
