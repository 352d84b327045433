package sample

import (
	"time"

	"schulit-lotse/domain"
)

// Step 9 of Musterstadt: the EVB-IT Service contract with the tender's winner, 24 months from
// 2027-01-01, three months' notice to the month's end, renewing by 12 months; the SLAs in force
// are frozen with it.

func timeMonth(m int) time.Month { return time.Month(m) }

func sampleStep9(p *domain.Project) {
	signed, start := domain.NewDate(2026, 12, 1), domain.NewDate(2027, 1, 1)
	c := domain.Contract{
		Provider: "Nordlicht IT-Service GmbH", ProviderContact: "servicedesk@nordlicht-it.example, 0441 555-100",
		Type: domain.ContractEVBService, SignedOn: &signed, Start: &start, TermMonths: 24, NoticeMonths: 3,
		NoticeToMonthEnd: true, AfterTerm: domain.AfterTermRenew, RenewalMonths: 12, Value: 238000,
		Contacts: []domain.ContractContact{
			{Name: "Maren Ohlsen", Role: "Kundenbetreuung", Phone: "0441 555-120", Email: "m.ohlsen@nordlicht-it.example"},
			{Name: "Service Desk", Role: "Störungsannahme (1st Level)", Phone: "0441 555-100", Email: "servicedesk@nordlicht-it.example"},
		},
		Documents: []string{"Vertrag/EVB-IT-Service-Vertrag Nordlicht 2026-12-01.pdf", "Vertrag/Leistungsbeschreibung Schul-IT 2026.pdf"},
	}
	copies := domain.FrozenCopies(p)
	for i := range copies {
		copies[i].ID = int64(720 + i)
		if copies[i].PackageID == nil && c.SLAID == nil {
			id := copies[i].ID
			c.SLAID = &id
		}
	}
	p.SLAs = append(p.SLAs, copies...)
	frozen := signed
	c.FrozenOn = &frozen
	p.Contract = c
}
