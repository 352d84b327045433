package domain

// Package is an Aufgabenpaket of step 3: a named, coloured area on the board that groups tasks,
// with the target state and criteria of the requirement list.
type Package struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Color       string `json:"color"` // "#rrggbb"
	TargetState string `json:"targetState"`
	Criteria    string `json:"criteria"`
	// Area on the board, in board units.
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// External pricing of step 5: hourly rate or monthly flat fee, whichever is set.
	ExternalHourlyRate float64 `json:"externalHourlyRate"`
	ExternalMonthlyFee float64 `json:"externalMonthlyFee"`
	SortOrder          int     `json:"sortOrder"`
}

// SuggestedPackages are the groupings the seed names.
var SuggestedPackages = []string{"User-Management", "Software", "Hardware-Wartung", "Vor-Ort-Support", "Störungsbeseitigung", "Wissensmanagement"}

// Coverage is the step-4 state of a task in the seed's three-colour legend.
type Coverage string

const (
	CoverageUnset  Coverage = ""
	CoverageKeep   Coverage = "keep"   // Soll nicht verändert werden
	CoverageChange Coverage = "change" // Muss verändert werden
	CoverageAssign Coverage = "assign" // Muss zugewiesen werden
)

// Valid reports whether c is one of the known states.
func (c Coverage) Valid() bool {
	switch c {
	case CoverageUnset, CoverageKeep, CoverageChange, CoverageAssign:
		return true
	}
	return false
}

// ExternalProvider is the new responsible party that marks a task as handed out.
const ExternalProvider = "Externer Dienstleister"
