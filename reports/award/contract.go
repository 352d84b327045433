package award

import (
	"strconv"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// Step 9, Vertragsunterzeichnung: the contract's facts, the next chance to end it as of the
// report's date (with a warning when the latest notice date is near), and the SLA agreed with it.

// HasContract reports whether step 9 has content: a contract with any fact recorded.
func HasContract(p *domain.Project) bool { return !p.Contract.IsEmpty() }

// WriteContract writes the Gesamtbericht's section of step 9.
func WriteContract(r *pdfkit.Report, p *domain.Project) {
	r.Section(9, pdfkit.StepTitle(9))
	r.Paragraph(tr("award.report.contract.intro"))
	c := p.Contract
	n := domain.NextNotice(c, r.AsOf())
	r.KeyValues(contractFacts(c, n))
	if n.NoticeNear() {
		r.Paragraph(tr("award.report.notice_near", map[string]any{"Date": pdfkit.FormatDate(n.Latest.Time), "Days": n.DaysLeft}))
	}
	if len(c.Contacts) > 0 {
		r.Subsection(tr("award.report.contacts"))
		rows := make([][]string, 0, len(c.Contacts))
		for _, k := range c.Contacts {
			rows = append(rows, []string{k.Name, k.Role, k.Phone, k.Email})
		}
		r.Table(pdfkit.Table{
			Columns: []pdfkit.Column{
				{Title: tr("award.contract.contact.name"), Width: 24},
				{Title: tr("award.contract.contact.role"), Width: 26},
				{Title: tr("award.contract.contact.phone"), Width: 20},
				{Title: tr("award.contract.contact.email"), Width: 30},
			},
			Rows: rows, Zebra: true,
		})
	}
	if c.SLAID != nil {
		if s := p.SLAByID(*c.SLAID); s != nil {
			r.Subsection(tr("award.report.agreed_sla", map[string]any{"Name": pdfkit.Line(s.Name), "Date": dayOrDash(c.FrozenOn)}))
			for _, f := range domain.FrozenSLAs(p) {
				r.Paragraph(tr("award.report.sla.heading", map[string]any{"Name": pdfkit.Line(f.Name), "Scope": scopeText(p, f)}))
				r.KeyValues(slaFacts(p, f))
				r.EnsureSpace(tableStart)
				r.Table(classTable(f))
			}
		}
	}
	r.OpenQuestions(domain.ContractFindings(p, n), false)
}

// contractFacts are the contract's facts and its notice situation as label–value pairs.
func contractFacts(c domain.Contract, n domain.Notice) [][2]string {
	term := tr("award.contract.open_ended")
	if end, ok := c.TermEnd(); ok {
		term = tr("award.contract.term_value", map[string]any{"Months": c.TermMonths, "End": pdfkit.FormatDate(end.Time)})
	}
	rows := [][2]string{
		{tr("award.contract.provider"), pdfkit.OrDash(c.Provider)},
		{tr("award.contract.provider_contact"), pdfkit.OrDash(c.ProviderContact)},
		{tr("award.contract.type"), pdfkit.OrDash(contractType(c))},
		{tr("award.contract.signed"), dayOrDash(c.SignedOn)},
		{tr("award.contract.start"), dayOrDash(c.Start)},
		{tr("award.contract.term"), term},
	}
	if c.TermMonths > 0 {
		rows = append(rows, [2]string{tr("award.contract.after_term"), afterTerm(c)})
	}
	rows = append(rows,
		[2]string{tr("award.contract.notice"), NoticeRule(c)},
		[2]string{tr("award.contract.next_notice"), NoticeText(c, n)},
		[2]string{tr("award.contract.value"), euro(c.Value)},
	)
	if len(c.Documents) > 0 {
		rows = append(rows, [2]string{tr("award.contract.documents"), strings.Join(c.Documents, "\n")})
	}
	return rows
}

func contractType(c domain.Contract) string {
	if c.Type == domain.ContractOther {
		return tr("award.contract.type.other_named", map[string]any{"Name": c.TypeOther})
	}
	return c.Type
}

func afterTerm(c domain.Contract) string {
	switch c.AfterTerm {
	case domain.AfterTermRenew:
		return tr("award.contract.after.renew_value", map[string]any{"Months": c.RenewalMonths})
	case domain.AfterTermEnd:
		return tr("award.contract.after.end")
	}
	return tr("award.contract.after.open")
}

// NoticeRule writes the notice period as agreed: "3 Monate zum Monatsende".
func NoticeRule(c domain.Contract) string {
	if c.NoticeMonths == 0 {
		return tr("award.contract.notice_none")
	}
	key := "award.contract.notice_rule"
	if c.NoticeToMonthEnd {
		key = "award.contract.notice_rule_month_end"
	}
	return tr(key, map[string]any{"Months": c.NoticeMonths})
}

// NoticeText says when notice must arrive at the latest and when the contract then ends.
func NoticeText(c domain.Contract, n domain.Notice) string {
	switch n.Kind {
	case domain.NoticeDeadline:
		return tr("award.notice.deadline", map[string]any{"Latest": pdfkit.FormatDate(n.Latest.Time), "End": pdfkit.FormatDate(n.End.Time), "Days": strconv.Itoa(n.DaysLeft)})
	case domain.NoticeAnytime:
		return tr("award.notice.anytime", map[string]any{"Months": c.NoticeMonths, "End": pdfkit.FormatDate(n.End.Time)})
	case domain.NoticeEnds:
		return tr("award.notice.ends", map[string]any{"End": pdfkit.FormatDate(n.End.Time)})
	case domain.NoticeEnded:
		return tr("award.notice.ended", map[string]any{"End": pdfkit.FormatDate(n.End.Time)})
	}
	return tr("award.notice.unknown")
}
