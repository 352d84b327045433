package domain

// Finding codes of step 9.
const (
	FindContractNone        = "find.contract.none"
	FindContractNoProvider  = "find.contract.no_provider"
	FindContractNoType      = "find.contract.no_type"
	FindContractNoStart     = "find.contract.no_start"
	FindContractNoSigned    = "find.contract.no_signed"
	FindContractNoNotice    = "find.contract.no_notice"
	FindContractSLANotFixed = "find.contract.sla_not_frozen"
	FindContractNoticeNear  = "find.contract.notice_near"
	FindContractEndsSoon    = "find.contract.ends_soon"
	FindContractNotWinner   = "find.contract.provider_not_winner"
	FindContractSLAGone     = "find.contract.sla_gone"
)

func evaluateContract(p *Project, today Date) (StepState, []Figure, []Finding) {
	c := p.Contract
	if c.IsEmpty() {
		return StateOpen, nil, nil // not started: no open questions yet
	}
	n := NextNotice(c, today)
	f := ContractFindings(p, n)
	complete := onlyWarnings(f)
	return stateOf(true, complete), contractFigures(c, n), f
}

// ContractFindings are the open questions and warnings of step 9; n is NextNotice as of today.
func ContractFindings(p *Project, n Notice) []Finding {
	c := p.Contract
	var out []Finding
	add := func(sev Severity, code, subject string) {
		out = append(out, Finding{Step: StepContract, Severity: sev, Code: code, Subject: subject})
	}
	if c.Provider == "" {
		add(SeverityQuestion, FindContractNoProvider, "")
	}
	if c.Type == "" {
		add(SeverityQuestion, FindContractNoType, "")
	}
	if c.SignedOn == nil {
		add(SeverityQuestion, FindContractNoSigned, "")
	}
	if c.Start == nil {
		add(SeverityQuestion, FindContractNoStart, "")
	}
	if c.NoticeMonths == 0 && c.AfterTerm != AfterTermEnd {
		add(SeverityQuestion, FindContractNoNotice, "")
	}
	switch {
	case c.SLAID == nil && len(WorkingSLAs(p)) > 0:
		add(SeverityQuestion, FindContractSLANotFixed, "")
	case c.SLAID != nil && p.SLAByID(*c.SLAID) == nil:
		add(SeverityWarning, FindContractSLAGone, "")
	}
	switch {
	case n.NoticeNear():
		add(SeverityWarning, FindContractNoticeNear, n.Latest.String())
	case n.Kind == NoticeEnds && n.DaysLeft <= NoticeWarnDays:
		add(SeverityWarning, FindContractEndsSoon, n.End.String())
	}
	if c.Provider != "" {
		ev := Evaluate(p.Tender, p.Criteria, p.Bids)
		if r := ev.Result(ev.Winner); r != nil && NormalizedName(r.Bidder) != NormalizedName(c.Provider) {
			add(SeverityWarning, FindContractNotWinner, r.Bidder)
		}
	}
	return out
}

func contractFigures(c Contract, n Notice) []Figure {
	// The notice date comes first: it is what the overview must not let slip. The provider is
	// step 8's winner and named there; its long name would crowd the dates off a narrow card.
	var figs []Figure
	switch n.Kind {
	case NoticeDeadline:
		if n.NoticeNear() {
			figs = append(figs, Figure{Key: "fig.contract.notice_warning", Value: float64(n.DaysLeft)})
		}
		figs = append(figs,
			Figure{Key: "fig.contract.latest_notice", Text: n.Latest.String()},
			Figure{Key: "fig.contract.possible_end", Text: n.End.String()})
	case NoticeAnytime:
		figs = append(figs, Figure{Key: "fig.contract.notice_anytime", Value: float64(c.NoticeMonths)})
	case NoticeEnds, NoticeEnded:
		figs = append(figs, Figure{Key: "fig.contract.ends", Text: n.End.String()})
	}
	if c.Value > 0 {
		figs = append(figs, Figure{Key: "fig.contract.value", Value: c.Value, Unit: "€"})
	}
	if t := c.TypeName(); t != "" {
		figs = append(figs, Figure{Key: "fig.contract.type", Text: t})
	}
	return figs
}
