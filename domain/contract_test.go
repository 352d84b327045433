package domain

import (
	"testing"
	"time"
)

func awDay(y, m, d int) Date { return NewDate(y, time.Month(m), d) }

func TestAddMonthsByHand(t *testing.T) {
	cases := []struct {
		from Date
		n    int
		want Date
	}{
		{awDay(2027, 1, 1), 24, awDay(2029, 1, 1)},
		{awDay(2027, 1, 31), 1, awDay(2027, 2, 28)},
		{awDay(2028, 1, 31), 1, awDay(2028, 2, 29)}, // leap year
		{awDay(2027, 3, 31), -1, awDay(2027, 2, 28)},
		{awDay(2027, 1, 15), -13, awDay(2025, 12, 15)},
		{awDay(2029, 1, 1), -3, awDay(2028, 10, 1)},
		{awDay(2026, 12, 1), 1, awDay(2027, 1, 1)},
	}
	for _, c := range cases {
		if got := AddMonths(c.from, c.n); !got.Equal(c.want.Time) {
			t.Errorf("%s %+d months = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestLatestNoticeByHand(t *testing.T) {
	// Notice of 3 months to 31 December must arrive by 30 September.
	if got := LatestNoticeFor(awDay(2028, 12, 31), 3); !got.Equal(awDay(2028, 9, 30).Time) {
		t.Errorf("3 months to 2028-12-31: %s", got)
	}
	// 6 months to 30 June 2028: by 31 December 2027.
	if got := LatestNoticeFor(awDay(2028, 6, 30), 6); !got.Equal(awDay(2027, 12, 31).Time) {
		t.Errorf("6 months to 2028-06-30: %s", got)
	}
	// 1 month to 31 March: by the last day of February (leap year 2028).
	if got := LatestNoticeFor(awDay(2028, 3, 31), 1); !got.Equal(awDay(2028, 2, 29).Time) {
		t.Errorf("1 month to 2028-03-31: %s", got)
	}
}

func TestNextNoticeByHand(t *testing.T) {
	start := awDay(2027, 1, 1)
	base := Contract{Start: &start, TermMonths: 24, NoticeMonths: 3, NoticeToMonthEnd: true}
	renew := base
	renew.AfterTerm, renew.RenewalMonths = AfterTermRenew, 12
	ends := base
	ends.AfterTerm = AfterTermEnd
	open := Contract{Start: &start, NoticeMonths: 3, NoticeToMonthEnd: true}
	anytime := Contract{Start: &start, NoticeMonths: 2}
	cases := []struct {
		name   string
		c      Contract
		today  Date
		kind   string
		latest Date
		end    Date
		days   int
	}{
		// Term 24 months from 2027-01-01 ends 2028-12-31; 3 Monate zum Monatsende → 2028-09-30.
		// 2026-11-01 → 2028-09-30 is 365 + 334 = 699 days.
		{"fixed term, before start", base, awDay(2026, 11, 1), NoticeDeadline, awDay(2028, 9, 30), awDay(2028, 12, 31), 699},
		{"fixed term, on the last day", base, awDay(2028, 9, 30), NoticeDeadline, awDay(2028, 9, 30), awDay(2028, 12, 31), 0},
		// Missed: the contract runs on; notice by 31 October ends it on 31 January 2029.
		{"after the term, open", base, awDay(2028, 10, 1), NoticeDeadline, awDay(2028, 10, 31), awDay(2029, 1, 31), 30},
		// Renews by 12 months: the next end is 2029-12-31, notice by 2029-09-30.
		{"renewal", renew, awDay(2028, 10, 1), NoticeDeadline, awDay(2029, 9, 30), awDay(2029, 12, 31), 364},
		{"renewal, first term", renew, awDay(2028, 1, 1), NoticeDeadline, awDay(2028, 9, 30), awDay(2028, 12, 31), 273},
		{"ends by itself", ends, awDay(2028, 10, 1), NoticeEnds, Date{}, awDay(2028, 12, 31), 91},
		{"ended", ends, awDay(2029, 1, 2), NoticeEnded, Date{}, awDay(2028, 12, 31), -2},
		// Open-ended, 3 months to the month's end, on 10 May 2027: notice by 31 May ends 31 August.
		{"open-ended to month end", open, awDay(2027, 5, 10), NoticeDeadline, awDay(2027, 5, 31), awDay(2027, 8, 31), 21},
		// Before the start, the month of the start counts.
		{"open-ended before start", open, awDay(2026, 11, 15), NoticeDeadline, awDay(2027, 1, 31), awDay(2027, 4, 30), 77},
		// Without "zum Monatsende" notice is possible any day: given on 10 May it ends 10 July.
		{"any day", anytime, awDay(2027, 5, 10), NoticeAnytime, awDay(2027, 5, 10), awDay(2027, 7, 10), 0},
	}
	for _, c := range cases {
		n := NextNotice(c.c, c.today)
		if n.Kind != c.kind || !n.Latest.Equal(c.latest.Time) || !n.End.Equal(c.end.Time) || n.DaysLeft != c.days {
			t.Errorf("%s: got %s latest %s end %s days %d; want %s %s %s %d", c.name, n.Kind, n.Latest, n.End, n.DaysLeft,
				c.kind, c.latest, c.end, c.days)
		}
	}
	if n := NextNotice(Contract{}, awDay(2027, 1, 1)); n.Kind != NoticeUnknown {
		t.Errorf("no start: %s", n.Kind)
	}
}

func TestContractStepWarnsWhenNoticeIsNear(t *testing.T) {
	start, signed := awDay(2027, 1, 1), awDay(2026, 11, 20)
	p := NewProject("V", awNow)
	p.SLAs = []SLA{{ID: 1, Name: "Standard"}, {ID: 2, Name: "Standard", FrozenForContract: true}}
	sid := int64(2)
	p.Contract = Contract{Provider: "Nordlicht IT", Type: ContractEVBService, SignedOn: &signed, Start: &start, TermMonths: 24,
		NoticeMonths: 3, NoticeToMonthEnd: true, Value: 240000, SLAID: &sid}

	st, figs, f := evaluateContract(p, awDay(2027, 3, 1))
	if st != StateDone || len(f) != 0 {
		t.Errorf("far from the deadline: %s %+v", st, f)
	}
	if fig := figureText(figs, "fig.contract.latest_notice"); fig != "2028-09-30" {
		t.Errorf("latest notice figure %q", fig)
	}
	if hasFigure(figs, "fig.contract.notice_warning") {
		t.Error("no warning expected 579 days ahead")
	}

	// 2028-07-15 is 77 days before 2028-09-30: within 90 days, a warning.
	st, figs, f = evaluateContract(p, awDay(2028, 7, 15))
	if len(f) != 1 || f[0].Code != FindContractNoticeNear || f[0].Subject != "2028-09-30" || f[0].Severity != SeverityWarning {
		t.Fatalf("findings %+v", f)
	}
	if st != StateDone {
		t.Errorf("a warning does not reopen the step: %s", st)
	}
	if figs[0].Key != "fig.contract.notice_warning" || figs[0].Value != 77 {
		t.Errorf("warning figure %+v", figs)
	}

	// A provider other than the tender's winner is pointed out.
	p.Criteria = []TenderCriterion{{ID: 1, Kind: CriterionB, Name: "L", Weight: 1}}
	p.Bids = []Bid{{ID: 1, Bidder: "Südwind GmbH", Price: 10, Scores: map[int64]float64{1: 5}}}
	_, _, f = evaluateContract(p, awDay(2028, 7, 15))
	if len(f) != 2 || f[1].Code != FindContractNotWinner || f[1].Subject != "Südwind GmbH" {
		t.Errorf("not the winner: %+v", f)
	}
}

func figureText(figs []Figure, key string) string {
	for _, f := range figs {
		if f.Key == key {
			return f.Text
		}
	}
	return ""
}

func hasFigure(figs []Figure, key string) bool {
	for _, f := range figs {
		if f.Key == key {
			return true
		}
	}
	return false
}

func TestContractValidation(t *testing.T) {
	cases := map[string]struct {
		c    Contract
		want error
	}{
		"unknown type":        {Contract{Type: "Werkvertrag"}, ErrContractType},
		"other without name":  {Contract{Type: ContractOther}, ErrContractTypeOther},
		"negative term":       {Contract{TermMonths: -1}, ErrContractTerm},
		"notice ≥ term":       {Contract{TermMonths: 3, NoticeMonths: 3}, ErrContractNoticeTerm},
		"renew without term":  {Contract{AfterTerm: AfterTermRenew, RenewalMonths: 12}, ErrContractAfterTerm},
		"renew without span":  {Contract{TermMonths: 24, AfterTerm: AfterTermRenew}, ErrContractRenewal},
		"negative value":      {Contract{Value: -1}, ErrContractValue},
		"empty document":      {Contract{Documents: []string{" "}}, ErrContractDocument},
		"empty contact":       {Contract{Contacts: []ContractContact{{Role: "Hotline"}}}, ErrContractContact},
		"other with name":     {Contract{Type: ContractOther, TypeOther: "BVB-Pflege"}, nil},
		"fixed term that end": {Contract{TermMonths: 12, NoticeMonths: 12, AfterTerm: AfterTermEnd}, nil},
	}
	for name, c := range cases {
		if err := c.c.Validate(); err != c.want {
			t.Errorf("%s: got %v, want %v", name, err, c.want)
		}
	}
}

func TestCloneContractSharesNothing(t *testing.T) {
	d := awDay(2027, 1, 1)
	id := int64(3)
	c := Contract{Start: &d, SLAID: &id, Documents: []string{"a.pdf"}, Contacts: []ContractContact{{Name: "A"}}}
	k := CloneContract(c)
	*k.Start = awDay(2030, 1, 1)
	*k.SLAID = 9
	k.Documents[0] = "b.pdf"
	k.Contacts[0].Name = "B"
	if !c.Start.Equal(d.Time) || *c.SLAID != 3 || c.Documents[0] != "a.pdf" || c.Contacts[0].Name != "A" {
		t.Errorf("clone shares state: %+v", c)
	}
}
