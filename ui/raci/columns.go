package raci

import (
	"math"

	"fyne.io/fyne/v2/theme"

	"schulit-lotse/ui/kit"
)

// columnPlan is how the grid's columns are laid out at one width.
type columnPlan struct {
	activity float32
	roles    []float32  // width of each role column
	headers  [][]string // the lines of each role's header
	lines    int        // lines of the header row
}

// planColumns lays the columns out for a grid width: the activity column takes about a
// quarter (a little less), the role columns share the rest so that rolesInView of them fit. A header whose
// word does not fit its column, or that needs more than maxHeaderLines lines, widens its own
// column instead of breaking inside a word; the shared width shrinks until the first
// rolesInView columns fit again. gap is the table's space after each column.
func planColumns(width, gap float32, names []string, measure func(string) float32) columnPlan {
	p := columnPlan{activity: float32(math.Round(float64(min(max(width*0.24, minActivityWidth), maxActivityWidth))))}
	n := min(len(names), rolesInView)
	room := width - p.activity - gap - float32(n)*gap // for the role columns in view
	base := float32(maxRoleWidth)
	if n > 0 {
		base = min(max(float32(math.Floor(float64(room/float32(n)))), minRoleWidth), maxRoleWidth)
	}
	for {
		p.roles, p.headers, p.lines = p.roles[:0], p.headers[:0], 2
		var used float32
		for i, name := range names {
			w, lines := fitHeader(name, base, measure)
			p.roles = append(p.roles, w)
			p.headers = append(p.headers, lines)
			p.lines = max(p.lines, len(lines))
			if i < n {
				used += w
			}
		}
		if used <= room || base <= minRoleWidth {
			return p
		}
		base -= 2
	}
}

// fitHeader is the width a role's column needs, at least base, and its header's lines.
func fitHeader(name string, base float32, measure func(string) float32) (float32, []string) {
	w := base
	for {
		lines, widest := kit.WrapHeaderWidest(name, w-2*headerPad, measure)
		w = max(w, float32(math.Ceil(float64(widest+2*headerPad))))
		if len(lines) <= maxHeaderLines || w >= 2*maxRoleWidth {
			if len(lines) > maxHeaderLines {
				lines = append(lines[:maxHeaderLines-1:maxHeaderLines-1], lines[maxHeaderLines-1]+"…")
			}
			return w, lines
		}
		w += 4
	}
}

// fitColumns applies the plan for the grid's width (and the current roles) to the table.
func (e *Editor) fitColumns(width float32) {
	if width <= 0 {
		return
	}
	names := make([]string, len(e.roles))
	for i, r := range e.roles {
		names[i] = r.Name
	}
	p := planColumns(width, theme.Padding(), names, measureHeader)
	e.gridWidth = width
	e.actWidth = p.activity
	e.headers = map[int64][]string{}
	// Each change of a width redraws the table: set only what changed.
	set := func(col int, w float32) {
		if col >= len(e.colWidths) || e.colWidths[col] != w {
			e.grid.SetColumnWidth(col, w)
		}
	}
	set(0, p.activity)
	for i, r := range e.roles {
		e.headers[r.ID] = p.headers[i]
		set(i+1, p.roles[i])
	}
	e.colWidths = append(append(e.colWidths[:0], p.activity), p.roles...)
	if h := float32(p.lines)*headerLineHeight() + 2*headerPad; h != e.headerHeight {
		e.headerHeight = h
		e.grid.SetRowHeight(-1, h)
	}
}
