package domain

import (
	"cmp"
	"slices"
	"strings"
)

// The RACI matrix of step 11: activities (rows, grouped by process) against roles (columns);
// each cell is R (does the work), A (answers for it), C (is consulted), I (is informed) or empty.

// RACI letters as stored in RaciAssignment.Letter.
const (
	RaciResponsible = "R"
	RaciAccountable = "A"
	RaciConsulted   = "C"
	RaciInformed    = "I"
)

// RaciLetters lists the letters in the order a click cycles through them.
var RaciLetters = []string{RaciResponsible, RaciAccountable, RaciConsulted, RaciInformed}

// MaxConsultedInformed is the most C and I entries one activity may have before the matrix warns
// that too many people are involved in it.
const MaxConsultedInformed = 4

// Rule violations of the RACI matrix.
const (
	ErrRaciLetter        Error = "err.raci.letter"
	ErrRaciActivityEmpty Error = "err.raci.activity_name_empty"
	ErrRaciCellRef       Error = "err.raci.cell_reference"
)

// Finding codes of the RACI matrix. Activity findings carry the activity's id, role findings
// the role's id.
const (
	FindRaciNoAccountable   = "find.raci.no_accountable"
	FindRaciManyAccountable = "find.raci.many_accountable"
	FindRaciNoResponsible   = "find.raci.no_responsible"
	FindRaciCrowded         = "find.raci.crowded"
	FindRaciActivityEmpty   = "find.raci.activity_empty"
	FindRaciRolePassive     = "find.raci.role_passive"
	FindRaciRoleEmpty       = "find.raci.role_empty"
)

// IsRoleFinding reports whether a RACI finding is about a role (column) rather than an
// activity (row).
func IsRoleFinding(code string) bool {
	return code == FindRaciRolePassive || code == FindRaciRoleEmpty
}

// ValidRaciLetter reports whether s is one of R, A, C, I ("" is an empty cell, not a letter).
func ValidRaciLetter(s string) bool {
	return slices.Contains(RaciLetters, s)
}

// NextRaciLetter is the letter a click puts into a cell holding cur: R → A → C → I → empty → R.
func NextRaciLetter(cur string) string {
	for i, l := range RaciLetters {
		if l == cur {
			if i+1 < len(RaciLetters) {
				return RaciLetters[i+1]
			}
			return ""
		}
	}
	return RaciResponsible
}

// NormalizeRaciLetter reads a typed letter ("r", " A ") as stored; "" for an empty cell, and
// ok=false for anything else.
func NormalizeRaciLetter(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || ValidRaciLetter(s) {
		return s, true
	}
	return "", false
}

// Validate checks an activity before it is stored.
func (a RaciActivity) Validate() error {
	return cmp.Or(a.texts().check(), rule(strings.TrimSpace(a.Name) != "", ErrRaciActivityEmpty))
}

// Validate checks one cell before it is stored.
func (a RaciAssignment) Validate() error {
	return cmp.Or(rule(a.ActivityID > 0 && a.RoleID > 0, ErrRaciCellRef), rule(ValidRaciLetter(a.Letter), ErrRaciLetter))
}

// RaciCell names a cell of the matrix.
type RaciCell struct{ ActivityID, RoleID int64 }

// RaciIndex maps cells to their letters: the matrix as a lookup table.
type RaciIndex map[RaciCell]string

// IndexRaci builds the lookup table of the assignments.
func IndexRaci(as []RaciAssignment) RaciIndex {
	idx := make(RaciIndex, len(as))
	for _, a := range as {
		idx[RaciCell{a.ActivityID, a.RoleID}] = a.Letter
	}
	return idx
}

// RaciRowCounts counts the letters of one activity or one role.
type RaciRowCounts struct{ R, A, C, I int }

// Total is the number of filled cells.
func (c RaciRowCounts) Total() int { return c.R + c.A + c.C + c.I }

func (c *RaciRowCounts) add(letter string) {
	switch letter {
	case RaciResponsible:
		c.R++
	case RaciAccountable:
		c.A++
	case RaciConsulted:
		c.C++
	case RaciInformed:
		c.I++
	}
}

// RaciFindings checks the matrix, activities first (in their order), then roles:
//   - an activity without any entry is a warning, and nothing else is said about it;
//   - otherwise it needs exactly one A and at least one R (errors), and more than
//     MaxConsultedInformed C and I entries are a warning;
//   - a role without any entry is a warning, a role that is R or A nowhere is a warning.
//
// Cells of activities or roles that no longer exist are ignored.
func RaciFindings(activities []RaciActivity, roles []Role, assignments []RaciAssignment) []Finding {
	acts := make(map[int64]*RaciRowCounts, len(activities))
	for _, a := range activities {
		acts[a.ID] = &RaciRowCounts{}
	}
	rls := make(map[int64]*RaciRowCounts, len(roles))
	for _, r := range roles {
		rls[r.ID] = &RaciRowCounts{}
	}
	for _, a := range assignments {
		ac, ok1 := acts[a.ActivityID]
		rc, ok2 := rls[a.RoleID]
		if !ok1 || !ok2 {
			continue
		}
		ac.add(a.Letter)
		rc.add(a.Letter)
	}
	var out []Finding
	for _, a := range activities {
		c := acts[a.ID]
		add := func(sev Severity, code string) {
			out = append(out, Finding{Step: StepStructure, Severity: sev, Code: code, Subject: a.Name, EntityID: a.ID})
		}
		if c.Total() == 0 {
			add(SeverityWarning, FindRaciActivityEmpty)
			continue
		}
		switch {
		case c.A == 0:
			add(SeverityError, FindRaciNoAccountable)
		case c.A > 1:
			add(SeverityError, FindRaciManyAccountable)
		}
		if c.R == 0 {
			add(SeverityError, FindRaciNoResponsible)
		}
		if c.C+c.I > MaxConsultedInformed {
			add(SeverityWarning, FindRaciCrowded)
		}
	}
	if len(activities) == 0 {
		return out // without activities an empty column says nothing
	}
	for _, r := range roles {
		c := rls[r.ID]
		add := func(code string) {
			out = append(out, Finding{Step: StepStructure, Severity: SeverityWarning, Code: code, Subject: r.Name, EntityID: r.ID})
		}
		switch {
		case c.Total() == 0:
			add(FindRaciRoleEmpty)
		case c.R+c.A == 0:
			add(FindRaciRolePassive)
		}
	}
	return out
}
