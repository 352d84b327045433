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
	Method          int             `json:"method,omitempty"`
	Period          Period          `json:"period"`
	AsOf            time.Time       `json:"asOf"`
	Indicators      []Indicator     `json:"indicators"`
	ClassIndicators []Indicator     `json:"classIndicators,omitempty"`
	CarriedMeasures []FrozenMeasure `json:"carriedMeasures,omitempty"`
}

// FrozenMeasure is a measure as the minutes keep it: its owners written out as the names they had
// on the day (snapshots from before persons existed hold the free text, in the same field).
type FrozenMeasure struct {
	ID         int64        `json:"id"`
	JourFixeID *int64       `json:"jourFixeId"`
	Text       string       `json:"text"`
	Owner      string       `json:"owner"`
	Due        *domain.Date `json:"due"`
	Status     string       `json:"status"`
}

// FreezeMeasures writes measures of p as the minutes keep them.
func FreezeMeasures(p *domain.Project, ms []domain.Measure) []FrozenMeasure {
	out := make([]FrozenMeasure, 0, len(ms))
	for _, m := range ms {
		out = append(out, FrozenMeasure{ID: m.ID, JourFixeID: m.JourFixeID, Text: m.Text, Owner: p.AttendeeNames(m.Owners), Due: m.Due, Status: m.Status})
	}
	return out
}

// FrozenVersion is the version of the Frozen document.
const FrozenVersion = 1

// Freeze turns the report into the JSON kept in JourFixe.FrozenKPIs.
func (r *Report) Freeze(carried []FrozenMeasure) string {
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
