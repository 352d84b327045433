package domain

import (
	"strings"
	"time"
)

// Contract types of step 9: the EVB-IT contracts a public buyer uses for IT services, or another.
const (
	ContractEVBDienst  = "EVB-IT Dienstvertrag"
	ContractEVBService = "EVB-IT Service"
	ContractEVBPflegeS = "EVB-IT Pflege S"
	ContractOther      = "other"
)

// ContractTypes in the order the editor offers them.
var ContractTypes = []string{ContractEVBDienst, ContractEVBService, ContractEVBPflegeS, ContractOther}

// What happens when a fixed term ends.
const (
	AfterTermOpen  = "open"  // runs on, terminable with the notice period
	AfterTermRenew = "renew" // renews by RenewalMonths unless terminated
	AfterTermEnd   = "end"   // ends by itself
)

// Rule violations of step 9.
const (
	ErrContractType       Error = "err.contract.type"
	ErrContractTypeOther  Error = "err.contract.type_other"
	ErrContractTerm       Error = "err.contract.term"
	ErrContractNotice     Error = "err.contract.notice"
	ErrContractNoticeTerm Error = "err.contract.notice_longer_than_term"
	ErrContractAfterTerm  Error = "err.contract.after_term"
	ErrContractRenewal    Error = "err.contract.renewal"
	ErrContractValue      Error = "err.contract.value"
	ErrContractDates      Error = "err.contract.dates"
	ErrContractDocument   Error = "err.contract.document"
	ErrContractContact    Error = "err.contract.contact"
	ErrContractNoSLA      Error = "err.contract.no_sla"
)

// NoticeWarnDays is how close the latest notice date must be for the overview to warn.
const NoticeWarnDays = 90

// Validate checks the contract record.
func (c Contract) Validate() error {
	switch c.Type {
	case "", ContractEVBDienst, ContractEVBService, ContractEVBPflegeS:
	case ContractOther:
		if strings.TrimSpace(c.TypeOther) == "" {
			return ErrContractTypeOther
		}
	default:
		return ErrContractType
	}
	if c.TermMonths < 0 || c.TermMonths > 600 {
		return ErrContractTerm
	}
	if c.NoticeMonths < 0 || c.NoticeMonths > 120 {
		return ErrContractNotice
	}
	if c.TermMonths > 0 && c.NoticeMonths >= c.TermMonths && c.AfterTerm != AfterTermEnd {
		return ErrContractNoticeTerm
	}
	switch c.AfterTerm {
	case "", AfterTermOpen, AfterTermEnd:
	case AfterTermRenew:
		if c.TermMonths == 0 {
			return ErrContractAfterTerm
		}
		if c.RenewalMonths <= 0 || c.RenewalMonths > 120 || c.NoticeMonths >= c.RenewalMonths {
			return ErrContractRenewal
		}
	default:
		return ErrContractAfterTerm
	}
	if c.RenewalMonths < 0 || c.RenewalMonths > 120 {
		return ErrContractRenewal
	}
	if bad(c.Value) || c.Value < 0 || c.Value > 1e12 {
		return ErrContractValue
	}
	if c.SignedOn != nil && c.Start != nil && c.Start.Before(c.SignedOn.AddDate(-5, 0, 0)) {
		return ErrContractDates // a start years before the signature is a typing error
	}
	for _, d := range c.Documents {
		if strings.TrimSpace(d) == "" {
			return ErrContractDocument
		}
	}
	for _, k := range c.Contacts {
		if strings.TrimSpace(k.Name) == "" && strings.TrimSpace(k.Email) == "" && strings.TrimSpace(k.Phone) == "" {
			return ErrContractContact
		}
	}
	return nil
}

// TypeName is the contract type as the user reads it (the name of "other" types).
func (c Contract) TypeName() string {
	if c.Type == ContractOther {
		return strings.TrimSpace(c.TypeOther)
	}
	return c.Type
}

// IsEmpty reports whether nothing of the contract has been entered.
func (c Contract) IsEmpty() bool {
	return c.Provider == "" && c.ProviderContact == "" && c.Type == "" && c.SignedOn == nil && c.Start == nil &&
		c.TermMonths == 0 && c.NoticeMonths == 0 && c.Value == 0 && len(c.Documents) == 0 && c.SLAID == nil &&
		len(c.Contacts) == 0
}

// AddMonths moves d by n calendar months. A day that the target month lacks becomes its last
// day (31 January + 1 month = 28/29 February), as German law counts periods of months.
func AddMonths(d Date, n int) Date {
	y, m, day := d.Date()
	total := int(m) - 1 + n
	ty := y + floorDiv(total, 12)
	tm := time.Month(total - floorDiv(total, 12)*12 + 1)
	if last := daysIn(ty, tm); day > last {
		day = last
	}
	return NewDate(ty, tm, day)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// AddDays moves d by n days.
func AddDays(d Date, n int) Date { return Date{d.AddDate(0, 0, n)} }

// MonthEnd is the last day of d's month.
func MonthEnd(d Date) Date { return NewDate(d.Year(), d.Month(), daysIn(d.Year(), d.Month())) }

// DaysBetween counts the days from a to b (negative when b is earlier).
func DaysBetween(a, b Date) int { return int(b.Sub(a.Time).Hours() / 24) }

// TermEnd is the last day of the fixed term: start + TermMonths − 1 day. ok is false for an
// open-ended contract or one without a start.
func (c Contract) TermEnd() (Date, bool) {
	if c.Start == nil || c.TermMonths <= 0 {
		return Date{}, false
	}
	return AddDays(AddMonths(*c.Start, c.TermMonths), -1), true
}

// LatestNoticeFor is the last day a notice can arrive so that the contract ends on end: the
// notice period counted back from the day after end (notice of 3 months to 31 December must
// arrive by 30 September).
func LatestNoticeFor(end Date, noticeMonths int) Date {
	if noticeMonths <= 0 {
		return end
	}
	return AddDays(AddMonths(AddDays(end, 1), -noticeMonths), -1)
}

// Kinds of notice situation.
const (
	NoticeUnknown  = "unknown"  // no start date
	NoticeDeadline = "deadline" // a latest notice date for the next possible end
	NoticeAnytime  = "anytime"  // notice at any day, the contract ends the period later
	NoticeEnds     = "ends"     // a fixed term that ends by itself
	NoticeEnded    = "ended"    // that term is over
)

// Notice is the next chance to end the contract, as of a day.
type Notice struct {
	Kind string
	// Latest is the last day the notice must arrive (Kind deadline; for anytime: today).
	Latest Date
	// End is the day the contract ends when notice is given by Latest (or its fixed end).
	End Date
	// DaysLeft counts from today to Latest (deadline) or to End (ends).
	DaysLeft int
}

// NextNotice finds the next possible end of the contract as of today and the latest day to
// give notice for it:
//   - a fixed term: its last day, as long as its latest notice date has not passed;
//   - after that, per AfterTerm: the next renewal period's end (renew), nothing (end), or the
//     open-ended rule;
//   - open-ended with "zum Monatsende": notice by the end of the current month ends the
//     contract at the end of the month NoticeMonths later; without it, notice is possible any
//     day.
func NextNotice(c Contract, today Date) Notice {
	if c.Start == nil {
		return Notice{Kind: NoticeUnknown}
	}
	deadline := func(end Date) Notice {
		l := LatestNoticeFor(end, c.NoticeMonths)
		return Notice{Kind: NoticeDeadline, Latest: l, End: end, DaysLeft: DaysBetween(today, l)}
	}
	if end, ok := c.TermEnd(); ok {
		switch c.AfterTerm {
		case AfterTermEnd:
			if today.After(end.Time) {
				return Notice{Kind: NoticeEnded, End: end, DaysLeft: DaysBetween(today, end)}
			}
			return Notice{Kind: NoticeEnds, End: end, DaysLeft: DaysBetween(today, end)}
		case AfterTermRenew:
			for k := 0; k < 1200 && c.RenewalMonths > 0; k++ {
				e := AddDays(AddMonths(*c.Start, c.TermMonths+k*c.RenewalMonths), -1)
				if !LatestNoticeFor(e, c.NoticeMonths).Before(today.Time) {
					return deadline(e)
				}
			}
			return Notice{Kind: NoticeUnknown}
		default:
			if !LatestNoticeFor(end, c.NoticeMonths).Before(today.Time) {
				return deadline(end)
			}
		}
	}
	from := today
	if c.Start.After(from.Time) {
		from = *c.Start
	}
	if c.NoticeToMonthEnd {
		return deadline(MonthEnd(AddMonths(NewDate(from.Year(), from.Month(), 1), c.NoticeMonths)))
	}
	end := AddMonths(from, c.NoticeMonths)
	return Notice{Kind: NoticeAnytime, Latest: from, End: end, DaysLeft: DaysBetween(today, from)}
}

// NoticeNear reports whether the latest notice date lies within NoticeWarnDays from today.
func (n Notice) NoticeNear() bool {
	return n.Kind == NoticeDeadline && n.DaysLeft >= 0 && n.DaysLeft <= NoticeWarnDays
}

// FrozenCopies are copies of the working SLAs marked as agreed in the contract, ids cleared for
// the file to assign. The general SLA comes first.
func FrozenCopies(p *Project) []SLA {
	var out []SLA
	for _, s := range WorkingSLAs(p) {
		c := cloneSLA(s)
		c.ID = 0
		c.FrozenForContract = true
		out = append(out, c)
	}
	return out
}

func cloneSLA(s SLA) SLA {
	s.Windows = append([]ServiceWindow(nil), s.Windows...)
	s.Classes = append([]PriorityClassTarget(nil), s.Classes...)
	if s.PackageID != nil {
		id := *s.PackageID
		s.PackageID = &id
	}
	return s
}

// CloneSLA copies an SLA so that the copy shares no slice or pointer with the original.
func CloneSLA(s SLA) SLA { return cloneSLA(s) }

// CloneContract copies a contract deeply.
func CloneContract(c Contract) Contract {
	for _, p := range []**Date{&c.SignedOn, &c.Start, &c.FrozenOn} {
		if *p != nil {
			d := **p
			*p = &d
		}
	}
	if c.SLAID != nil {
		id := *c.SLAID
		c.SLAID = &id
	}
	c.Documents = append([]string(nil), c.Documents...)
	c.Contacts = append([]ContractContact(nil), c.Contacts...)
	return c
}
