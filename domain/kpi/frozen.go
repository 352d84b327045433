package kpi

import (
	"encoding/json"
	"time"

	"schulit-lotse/domain"
)

// Frozen is what the minutes of a Jour fixe keep of the KPIs: the period and its figures as
// they were on the day, and the measures that were still open. Later imports do not change it.
type Frozen struct {
	Version int `json:"version"`
	// Method is the MethodVersion the figures were computed with; snapshots from before the
	// methods were numbered read as 1. The figures stay as they were: a protocol never changes.
	Method          int              `json:"method,omitempty"`
	Period          Period           `json:"period"`
	AsOf            time.Time        `json:"asOf"`
	Indicators      []Indicator      `json:"indicators"`
	ClassIndicators []Indicator      `json:"classIndicators,omitempty"`
	CarriedMeasures []domain.Measure `json:"carriedMeasures,omitempty"`
}

// FrozenVersion is the version of the Frozen document.
const FrozenVersion = 1

// Freeze turns the report into the JSON kept in JourFixe.FrozenKPIs.
func (r *Report) Freeze(carried []domain.Measure) string {
	f := Frozen{Version: FrozenVersion, Method: MethodVersion, Period: r.Period, AsOf: r.AsOf, Indicators: r.Indicators,
		ClassIndicators: r.ClassIndicators, CarriedMeasures: carried}
	b, err := json.Marshal(f)
	if err != nil {
		panic(err) // plain data only
	}
	return string(b)
}

// ParseFrozen reads JourFixe.FrozenKPIs; ok is false for an empty or unreadable snapshot.
func ParseFrozen(s string) (Frozen, bool) {
	var f Frozen
	if s == "" || json.Unmarshal([]byte(s), &f) != nil || f.Version == 0 {
		return Frozen{}, false
	}
	if f.Method == 0 {
		f.Method = 1
	}
	return f, true
}
