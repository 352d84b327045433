package reports

import (
	"strconv"
	"strings"

	"schulit-lotse/domain"
)

// Step 9, Vertragsunterzeichnung: the contract's facts, the next chance to end it as of the
// report's date (with a warning when the latest notice date is near), and the SLA agreed with it.
var contractSection = section{
	Step:  domain.StepContract,
	Has:   func(p *domain.Project) bool { return !p.Contract.IsEmpty() },
	Write: writeContract,
}

func writeContract(r *Report, p *domain.Project) {
	r.Section(9, stepTitle(9))
	r.Paragraph(Tr("award.report.contract.intro"))
	c := p.Contract
	n := domain.NextNotice(c, r.AsOf())
	r.KeyValues(awContractFacts(c, n))
	if n.NoticeNear() {
		r.Paragraph(Tr("award.report.notice_near", map[string]any{"Date": FormatDate(n.Latest.Time), "Days": n.DaysLeft}))
	}
	if len(c.Contacts) > 0 {
		r.Subsection(Tr("award.report.contacts"))
		rows := make([][]string, 0, len(c.Contacts))
		for _, k := range c.Contacts {
			rows = append(rows, []string{k.Name, k.Role, k.Phone, k.Email})
		}
		r.Table(Table{
			Columns: []Column{
				{Title: Tr("award.contract.contact.name"), Width: 24},
				{Title: Tr("award.contract.contact.role"), Width: 26},
				{Title: Tr("award.contract.contact.phone"), Width: 20},
				{Title: Tr("award.contract.contact.email"), Width: 30},
			},
			Rows: rows, Zebra: true,
		})
	}
	if c.SLAID != nil {
		if s := p.SLAByID(*c.SLAID); s != nil {
			r.Subsection(Tr("award.report.agreed_sla", map[string]any{"Name": Line(s.Name), "Date": awDate(c.FrozenOn)}))
			for _, f := range domain.FrozenSLAs(p) {
				r.Paragraph(Tr("award.report.sla.heading", map[string]any{"Name": Line(f.Name), "Scope": awScope(p, f)}))
				r.KeyValues(awSLAFacts(p, f))
				r.EnsureSpace(awTableStart)
				r.Table(awClassTable(f))
			}
		}
	}
	awFindings(r, domain.ContractFindings(p, n))
}

// awContractFacts are the contract's facts and its notice situation as label–value pairs.
func awContractFacts(c domain.Contract, n domain.Notice) [][2]string {
	term := Tr("award.contract.open_ended")
	if end, ok := c.TermEnd(); ok {
		term = Tr("award.contract.term_value", map[string]any{"Months": c.TermMonths, "End": FormatDate(end.Time)})
	}
	rows := [][2]string{
		{Tr("award.contract.provider"), OrDash(c.Provider)},
		{Tr("award.contract.provider_contact"), OrDash(c.ProviderContact)},
		{Tr("award.contract.type"), OrDash(awContractType(c))},
		{Tr("award.contract.signed"), awDate(c.SignedOn)},
		{Tr("award.contract.start"), awDate(c.Start)},
		{Tr("award.contract.term"), term},
	}
	if c.TermMonths > 0 {
		rows = append(rows, [2]string{Tr("award.contract.after_term"), awAfterTerm(c)})
	}
	rows = append(rows,
		[2]string{Tr("award.contract.notice"), awNoticeRule(c)},
		[2]string{Tr("award.contract.next_notice"), awNoticeText(c, n)},
		[2]string{Tr("award.contract.value"), awEuro(c.Value)},
	)
	if len(c.Documents) > 0 {
		rows = append(rows, [2]string{Tr("award.contract.documents"), strings.Join(c.Documents, "\n")})
	}
	return rows
}

func awContractType(c domain.Contract) string {
	if c.Type == domain.ContractOther {
		return Tr("award.contract.type.other_named", map[string]any{"Name": c.TypeOther})
	}
	return c.Type
}

func awAfterTerm(c domain.Contract) string {
	switch c.AfterTerm {
	case domain.AfterTermRenew:
		return Tr("award.contract.after.renew_value", map[string]any{"Months": c.RenewalMonths})
	case domain.AfterTermEnd:
		return Tr("award.contract.after.end")
	}
	return Tr("award.contract.after.open")
}

// awNoticeRule writes the notice period as agreed: "3 Monate zum Monatsende".
func awNoticeRule(c domain.Contract) string {
	if c.NoticeMonths == 0 {
		return Tr("award.contract.notice_none")
	}
	key := "award.contract.notice_rule"
	if c.NoticeToMonthEnd {
		key = "award.contract.notice_rule_month_end"
	}
	return Tr(key, map[string]any{"Months": c.NoticeMonths})
}

// awNoticeText says when notice must arrive at the latest and when the contract then ends.
func awNoticeText(c domain.Contract, n domain.Notice) string {
	switch n.Kind {
	case domain.NoticeDeadline:
		return Tr("award.notice.deadline", map[string]any{"Latest": FormatDate(n.Latest.Time), "End": FormatDate(n.End.Time), "Days": strconv.Itoa(n.DaysLeft)})
	case domain.NoticeAnytime:
		return Tr("award.notice.anytime", map[string]any{"Months": c.NoticeMonths, "End": FormatDate(n.End.Time)})
	case domain.NoticeEnds:
		return Tr("award.notice.ends", map[string]any{"End": FormatDate(n.End.Time)})
	case domain.NoticeEnded:
		return Tr("award.notice.ended", map[string]any{"End": FormatDate(n.End.Time)})
	}
	return Tr("award.notice.unknown")
}
