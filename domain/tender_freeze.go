package domain

import (
	"strconv"
	"strings"
)

// The tender freezes once it is published (the recorded fact tender.published) or the first bid
// is scored: from then on the criteria, their kinds, weights and minimum scores are what the
// bidders were given. An explicit reopening with a reason opens them again until the tender is
// fixed again; every reopening, every change made while open and every closing is logged, with
// the day and the reason, for the Vergabevermerk.

// Why the criteria are frozen.
const (
	FreezePublished = "published"
	FreezeScored    = "scored"
)

// Kinds of tender log entries.
const (
	LogReopen = "reopen"
	LogChange = "change"
	LogClose  = "close"
)

// What a change entry changed.
const (
	ChangeAdded    = "added"
	ChangeDeleted  = "deleted"
	ChangeKind     = "kind"
	ChangeWeight   = "weight"
	ChangeMinScore = "min_score"
)

// Rule violations of the freeze.
const (
	ErrReopenReason    Error = "err.tender.reopen_reason"
	ErrReopenNotFrozen Error = "err.tender.reopen_not_frozen"
	ErrTenderIsOpen    Error = "err.tender.already_open"
	ErrTenderNotOpen   Error = "err.tender.not_reopened"
	ErrTenderLogEntry  Error = "err.tender.log_entry"
)

// TenderLogEntry is one line of the tender's change record.
type TenderLogEntry struct {
	ID   int64  `json:"id"`
	On   Date   `json:"on"`
	Kind string `json:"kind"` // reopen | change | close
	// Reason is the reason given for the reopening (a change carries the reason of its reopening).
	Reason string `json:"reason"`
	// Criterion, Field, Before and After say what a change did: the criterion's name, which of
	// its properties (ChangeAdded …), and the values before and after as plain text.
	Criterion string `json:"criterion"`
	Field     string `json:"field"`
	Before    string `json:"before"`
	After     string `json:"after"`
}

// Validate checks an entry: a known kind with a day, a reason for a reopening, a known field
// for a change.
func (e TenderLogEntry) Validate() error {
	if e.On.IsZero() {
		return ErrTenderLogEntry
	}
	switch e.Kind {
	case LogReopen:
		if strings.TrimSpace(e.Reason) == "" {
			return ErrReopenReason
		}
	case LogClose:
	case LogChange:
		switch e.Field {
		case ChangeAdded, ChangeDeleted, ChangeKind, ChangeWeight, ChangeMinScore:
		default:
			return ErrTenderLogEntry
		}
	default:
		return ErrTenderLogEntry
	}
	return nil
}

// TenderFreeze says why the criteria are frozen on the day: FreezePublished, FreezeScored, or ""
// when they are still open to editing.
func TenderFreeze(p *Project, today Date) string {
	if d := FactDate(p, FactTenderPublished); d != nil && !d.After(today.Time) {
		return FreezePublished
	}
	for _, b := range p.Bids {
		if len(b.Scores) > 0 {
			return FreezeScored
		}
	}
	return ""
}

// OpenReopening is the reopening in force: the newest reopen entry with no close after it, or nil.
func OpenReopening(p *Project) *TenderLogEntry {
	var open *TenderLogEntry
	for i := range p.TenderLog {
		switch p.TenderLog[i].Kind {
		case LogReopen:
			open = &p.TenderLog[i]
		case LogClose:
			open = nil
		}
	}
	return open
}

// CriteriaLocked reports whether the criteria, their kinds, weights and minimum scores are fixed
// on the day: the tender is frozen and not reopened. Names and groups may always be corrected.
func CriteriaLocked(p *Project, today Date) bool {
	return TenderFreeze(p, today) != "" && OpenReopening(p) == nil
}

// CriterionChanges lists what an edit of a criterion changes, as log entries without id, day
// and reason; old nil is an addition, next nil a deletion. Names and groups are corrections and
// are not listed.
func CriterionChanges(old, next *TenderCriterion) []TenderLogEntry {
	entry := func(name, field, before, after string) TenderLogEntry {
		return TenderLogEntry{Kind: LogChange, Criterion: name, Field: field, Before: before, After: after}
	}
	switch {
	case old == nil && next == nil:
		return nil
	case old == nil:
		return []TenderLogEntry{entry(next.Name, ChangeAdded, "", criterionText(*next))}
	case next == nil:
		return []TenderLogEntry{entry(old.Name, ChangeDeleted, criterionText(*old), "")}
	}
	var out []TenderLogEntry
	if old.Kind != next.Kind {
		out = append(out, entry(next.Name, ChangeKind, old.Kind, next.Kind))
	}
	if old.Weight != next.Weight {
		out = append(out, entry(next.Name, ChangeWeight, numberText(old.Weight), numberText(next.Weight)))
	}
	if old.MinScore != next.MinScore {
		out = append(out, entry(next.Name, ChangeMinScore, numberText(old.MinScore), numberText(next.MinScore)))
	}
	return out
}

// criterionText is "A" for an A-criterion and "B 60" (kind and weight) for a B-criterion.
func criterionText(c TenderCriterion) string {
	if c.Kind == CriterionB {
		return c.Kind + " " + numberText(c.Weight)
	}
	return c.Kind
}

func numberText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
