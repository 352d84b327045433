package domain

// PriorityMode is how a project prioritises: a 1–5 ranking or vorrangig/nachrangig.
type PriorityMode string

const (
	PriorityRanking  PriorityMode = "ranking"
	PriorityMustNice PriorityMode = "must-nice"
)

// PriorityClass is the two-level view: vorrangig (must-have) or nachrangig (nice-to-have).
type PriorityClass string

const (
	ClassNone PriorityClass = ""
	ClassMust PriorityClass = "must"
	ClassNice PriorityClass = "nice"
)

// Priority holds one value, the rank 1 (sehr nachrangig) … 5 (sehr vorrangig); 0 means not yet
// prioritised. The class is derived from the rank, so switching the project's mode never changes
// a stored value and both directions are lossless.
type Priority struct {
	Rank int `json:"rank"`
}

// mustThreshold: ranks 3–5 are vorrangig, 1–2 nachrangig.
const mustThreshold = 3

// Class is the vorrangig/nachrangig view of the rank.
func (p Priority) Class() PriorityClass {
	switch {
	case p.Rank <= 0:
		return ClassNone
	case p.Rank >= mustThreshold:
		return ClassMust
	default:
		return ClassNice
	}
}

// IsSet reports whether the task has been prioritised.
func (p Priority) IsSet() bool { return p.Rank > 0 }

// WithClass sets the class in vorrangig/nachrangig mode. A rank that already lies in the chosen
// class is kept, so a user who ranked 5 and confirms "vorrangig" keeps the 5.
func (p Priority) WithClass(c PriorityClass) Priority {
	switch c {
	case ClassMust:
		if p.Rank < mustThreshold {
			return Priority{Rank: 4}
		}
	case ClassNice:
		if p.Rank <= 0 || p.Rank >= mustThreshold {
			return Priority{Rank: 2}
		}
	default:
		return Priority{}
	}
	return p
}
