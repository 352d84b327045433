package domain

import (
	"math"
	"strings"
)

// Task is one school-IT task or activity (step 1), with the needs of step 2, its package of
// step 3 and the coverage of step 4.
type Task struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Responsible string `json:"responsible"`
	// Effort as entered; nil when nobody has estimated it yet.
	Effort *Effort `json:"effort"`
	Note   string  `json:"note"`

	// Step 2: a future task (neu) applies from ValidFrom.
	IsNew     bool     `json:"isNew"`
	ValidFrom *Date    `json:"validFrom"`
	Priority  Priority `json:"priority"`
	Critical  bool     `json:"critical"`

	// Step 3: the package the card was sorted into (nil = unsortiert) and its place on the board.
	PackageID *int64  `json:"packageId"`
	CardX     float64 `json:"cardX"`
	CardY     float64 `json:"cardY"`

	// Step 4: coverage state and the new responsible person or group.
	Coverage       Coverage `json:"coverage"`
	NewResponsible string   `json:"newResponsible"`

	// SortOrder keeps the user's row order.
	SortOrder int `json:"sortOrder"`
}

// EffortUnit is the unit an effort was entered in.
type EffortUnit string

const (
	HoursPerMonth       EffortUnit = "h/month"
	HoursPerWeek        EffortUnit = "h/week"
	HoursPerQuarter     EffortUnit = "h/quarter"
	PersonDaysPerMonth  EffortUnit = "pd/month"
	weeksPerYear                   = 52.0
	monthsPerYear                  = 12.0
	defaultHoursPerPDay            = 8.0
)

// EffortUnits lists the units in the order the UI offers them.
var EffortUnits = []EffortUnit{HoursPerMonth, HoursPerWeek, HoursPerQuarter, PersonDaysPerMonth}

// Effort is an estimate as the user entered it; the original value and unit are kept.
type Effort struct {
	Value float64    `json:"value"`
	Unit  EffortUnit `json:"unit"`
}

// Valid reports whether the effort is finite, not negative and in a known unit.
func (e Effort) Valid() error {
	if math.IsNaN(e.Value) || math.IsInf(e.Value, 0) {
		return ErrEffortNotFinite
	}
	if e.Value < 0 {
		return ErrEffortNegative
	}
	for _, u := range EffortUnits {
		if u == e.Unit {
			return nil
		}
	}
	return ErrEffortUnit
}

// HoursPerMonth converts the effort to hours per month. A week is 52/12 of a month's weeks;
// a quarter is three months; a person-day has hoursPerPersonDay hours.
func (e Effort) HoursPerMonth(hoursPerPersonDay float64) float64 {
	if hoursPerPersonDay <= 0 || math.IsNaN(hoursPerPersonDay) || math.IsInf(hoursPerPersonDay, 0) {
		hoursPerPersonDay = defaultHoursPerPDay
	}
	switch e.Unit {
	case HoursPerWeek:
		return e.Value * weeksPerYear / monthsPerYear
	case HoursPerQuarter:
		return e.Value / 3
	case PersonDaysPerMonth:
		return e.Value * hoursPerPersonDay
	default:
		return e.Value
	}
}

// FromHoursPerMonth expresses hours per month in the unit u (the inverse of HoursPerMonth).
func FromHoursPerMonth(h float64, u EffortUnit, hoursPerPersonDay float64) Effort {
	if hoursPerPersonDay <= 0 || math.IsNaN(hoursPerPersonDay) || math.IsInf(hoursPerPersonDay, 0) {
		hoursPerPersonDay = defaultHoursPerPDay
	}
	switch u {
	case HoursPerWeek:
		return Effort{h * monthsPerYear / weeksPerYear, u}
	case HoursPerQuarter:
		return Effort{h * 3, u}
	case PersonDaysPerMonth:
		return Effort{h / hoursPerPersonDay, u}
	default:
		return Effort{h, HoursPerMonth}
	}
}

// HoursPerMonth is the task's effort in hours per month, 0 when not estimated.
func (t Task) HoursPerMonth(s Settings) float64 {
	if t.Effort == nil {
		return 0
	}
	return t.Effort.HoursPerMonth(s.HoursPerPersonDay)
}

// Validate checks the rules a task must satisfy before it is stored.
func (t Task) Validate() error {
	if err := t.texts().check(); err != nil {
		return err
	}
	return t.ValidateStored()
}

// ValidateStored checks what a task read from a file must satisfy: every rule but the text
// limits (a file written before them opens, with a finding; see CutLongTexts).
func (t Task) ValidateStored() error {
	if strings.TrimSpace(t.Name) == "" {
		return ErrTaskNameEmpty
	}
	if t.Effort != nil {
		if err := t.Effort.Valid(); err != nil {
			return err
		}
	}
	if t.Priority.Rank < 0 || t.Priority.Rank > 5 {
		return ErrPriorityRange
	}
	if !t.Coverage.Valid() {
		return ErrCoverageUnknown
	}
	if t.Coverage == CoverageKeep && !HasResponsible(t.Responsible) {
		return ErrKeepWithoutResponsible
	}
	return nil
}

// HasResponsible reports whether a responsible entry names someone; "noch nicht definiert"
// (the seed's placeholder) does not.
func HasResponsible(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "", "-", "?", "noch nicht definiert", "nicht definiert", "offen", "n/a":
		return false
	}
	return true
}

// NormalizedName is the form used to compare task names for duplicates.
func NormalizedName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// Plausibility bounds of efforts: no month holds more than 730 hours (24 h × 365 / 12 days),
// and a person or group doing more than 200 hours a month (well above a full-time post of
// about 140 productive hours) is most likely a typing or unit error.
const (
	MaxHoursPerMonth       = 730
	MaxPersonHoursPerMonth = 200
)

// ErrEffortImplausible: an effort above what a month holds.
const ErrEffortImplausible Error = "err.effort.implausible"

// PlausibleEffort refuses a task whose effort converts to more than a month holds. Edits and
// imports ask it; a stored project that already holds such a value opens with a finding.
func PlausibleEffort(t Task, s Settings) error {
	if t.HoursPerMonth(s) > MaxHoursPerMonth {
		return ErrEffortImplausible
	}
	return nil
}
