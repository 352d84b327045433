package importers

import (
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// When no header row names the fields (an interface language the alias tables do not know),
// the columns are recognised by what their cells hold, and the summary shows the proposal so
// that the user can check it and correct it with --map or in the dialog.

// statusWords are ticket states of GLPI, Zammad, Znuny and iTop in the languages they speak.
var statusWords = map[string]bool{
	"new": true, "neu": true, "nouveau": true, "novo": true, "nuevo": true, "nuovo": true, "nieuw": true, "nowy": true,
	"assigned": true, "zugewiesen": true, "processing (assigned)": true, "in bearbeitung (zugewiesen)": true, "em atendimento (atribuído)": true,
	"planned": true, "geplant": true, "pending": true, "wartend": true, "pendente": true, "pendiente": true, "in attesa": true,
	"solved": true, "gelöst": true, "résolu": true, "solucionado": true, "resuelto": true, "risolto": true, "opgelost": true, "rozwiązany": true,
	"closed": true, "geschlossen": true, "clos": true, "fechado": true, "cerrado": true, "chiuso": true, "gesloten": true, "zamknięty": true,
	"open": true, "offen": true, "ouvert": true, "aberto": true, "abierto": true, "aperto": true, "otwarty": true,
	"nový": true, "zpracovávaný (přidělený)": true, "zpracovávaný (plánovaný)": true, "čekající": true, "vyřešený": true, "uzavřený": true,
}

// maxValueRows is how many rows under a header candidate are looked at.
const maxValueRows = 50

// columnsByValues proposes a header row and the columns of id, creation, priority and status
// from the cells below it; ok is false when id, creation or priority cannot be told.
func columnsByValues(t *Table, limit, end int, loc *time.Location) (row int, cols map[string]int, ok bool) {
	for i := 0; i < limit && i+1 < end; i++ {
		if cols, ok := valueColumns(t, i, min(end, i+1+maxValueRows), loc); ok {
			return i, cols, true
		}
	}
	return 0, nil, false
}

func valueColumns(t *Table, header, end int, loc *time.Location) (map[string]int, bool) {
	width := len(t.Rows[header])
	if width < 3 || emptyRow(t.Rows[header]) {
		return nil, false
	}
	p := &timeParser{loc: loc, xlsx: t.Kind == KindXLSX, date1904: t.Date1904}
	// The header itself holds words, not values.
	for _, h := range t.Rows[header] {
		if _, isDate := p.parse(strings.TrimSpace(h)); isDate && strings.TrimSpace(h) != "" {
			return nil, false
		}
	}
	type stat struct{ n, ints, dates, prios, prioWords, status int }
	stats := make([]stat, width)
	seen := make([]map[string]bool, width)
	distinct := make([]bool, width)
	for c := range seen {
		seen[c], distinct[c] = map[string]bool{}, true
	}
	var dateRows [][]int64 // per row, the time of each date column (0 = none)
	rows := 0
	for i := header + 1; i < end; i++ {
		r := t.Rows[i]
		if emptyRow(r) {
			continue
		}
		rows++
		times := make([]int64, width)
		for c := 0; c < width && c < len(r); c++ {
			v := strings.TrimSpace(r[c])
			if v == "" {
				continue
			}
			s := &stats[c]
			s.n++
			id := cleanID(v)
			if _, err := strconv.ParseInt(id, 10, 64); err == nil {
				s.ints++
				if seen[c][id] {
					distinct[c] = false
				}
				seen[c][id] = true
			}
			if tm, ok := p.parse(v); ok && strings.ContainsAny(v, ":") {
				s.dates++
				times[c] = tm.Unix()
			}
			if _, ok := priorityLevel(v, true); ok {
				s.prios++
				if _, err := strconv.Atoi(domain.NormalizeSourceValue(v)); err != nil {
					s.prioWords++
				}
			}
			if statusWords[domain.NormalizeSourceValue(v)] {
				s.status++
			}
		}
		dateRows = append(dateRows, times)
	}
	if rows == 0 {
		return nil, false
	}
	cols := map[string]int{}
	used := map[int]bool{}
	take := func(field string, c int) { cols[field], used[c] = c, true }
	for c, s := range stats {
		if s.n == rows && s.ints == s.n && distinct[c] {
			take(FieldExternalID, c)
			break
		}
	}
	// Creation: of the columns that are date-times in every row, the one that is earliest
	// most often (a ticket is created before it is changed, answered or closed).
	var full []int
	for c, s := range stats {
		if s.n == rows && s.dates == s.n && !used[c] {
			full = append(full, c)
		}
	}
	best, bestN := -1, -1
	for _, c := range full {
		n := 0
		for _, times := range dateRows {
			earliest := true
			for _, o := range full {
				if times[o] < times[c] {
					earliest = false
				}
			}
			if earliest {
				n++
			}
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	if best >= 0 {
		take(FieldCreated, best)
	}
	for c, s := range stats {
		if !used[c] && s.n > 0 && s.prios == s.n && s.prioWords > 0 {
			take(FieldPriority, c)
			break
		}
	}
	for c, s := range stats {
		if !used[c] && s.n > 0 && s.status == s.n {
			take(FieldStatus, c)
			break
		}
	}
	for _, f := range requiredTicketFields {
		if _, ok := cols[f]; !ok {
			return nil, false
		}
	}
	return cols, true
}

// Proposal is a column recognised by its values that the import did not take: the summary
// names it with the --map that takes it.
type Proposal struct {
	Field  string // FieldFirstResponse, FieldResolved, FieldClosed or FieldSchool
	Column string // the header as in the file
}

// closedWords are states of a finished ticket; any other recognised status is open.
var closedWords = []string{"solved", "gelöst", "résolu", "solucionado", "resuelto", "risolto", "opgelost", "rozwiązany", "vyřešený",
	"closed", "geschlossen", "clos", "fechado", "cerrado", "chiuso", "gesloten", "zamknięty", "uzavřený", "erledigt"}

func closedStatus(v string) bool {
	n := domain.NormalizeSourceValue(v)
	for _, w := range closedWords {
		if containsWord(n, w) {
			return true
		}
	}
	return false
}

// laterColumn is a date-time column whose every value lies at or after the ticket's creation.
type laterColumn struct {
	col                  int
	filled, filledOnOpen int
	times                []int64 // per row (0 = empty)
}

// before reports whether a is at or before b in every row where both have a time, and strictly
// before in at least one.
func (a laterColumn) before(b laterColumn) bool {
	strict := false
	for i := range a.times {
		if a.times[i] == 0 || b.times[i] == 0 {
			continue
		}
		if a.times[i] > b.times[i] {
			return false
		}
		strict = strict || a.times[i] < b.times[i]
	}
	return strict
}

// dateRoles looks at the date-time columns no field has and that lie after the creation in every
// row. A column never filled while the ticket is open (by the status column) is the end of a
// ticket: the earlier of two such is the solution, the later the closing. A column before the
// solution that is filled on open tickets as well may be the first response — or a due date or
// a time of assignment —, so it is only proposed. Without a status column every guess is a
// proposal. apply holds what may be taken without asking (headers named nothing: ByValues).
func (f *TicketFile) dateRoles(end int, chosen map[string]string) (apply map[string]int, propose []Proposal) {
	t := f.Table
	createdCol, ok := f.Columns[FieldCreated]
	if !ok {
		return nil, nil
	}
	statusCol, hasStatus := f.Columns[FieldStatus]
	used := map[int]bool{}
	for _, c := range f.Columns {
		used[c] = true
	}
	p := &timeParser{loc: f.Location, xlsx: t.Kind == KindXLSX, date1904: t.Date1904}
	var open []bool
	var created []int64
	closed := map[string]bool{} // per status text: a file has a handful
	for i := f.HeaderRow + 1; i < end; i++ {
		if emptyRow(t.Rows[i]) {
			continue
		}
		c, ok := p.parse(cellAt(t.Rows[i], createdCol))
		if !ok {
			return nil, nil
		}
		created = append(created, c.Unix())
		isOpen := false
		if hasStatus {
			st := cellAt(t.Rows[i], statusCol)
			done, known := closed[st]
			if !known {
				done = closedStatus(st)
				closed[st] = done
			}
			isOpen = !done
		}
		open = append(open, isOpen)
	}
	openRows := 0
	for _, o := range open {
		if o {
			openRows++
		}
	}
	var later []laterColumn
	var mappedEnd *laterColumn // the solution (or closing) column the header named
	endCol, hasEnd := f.Columns[FieldResolved]
	if !hasEnd {
		endCol, hasEnd = f.Columns[FieldClosed]
	}
	for c := range f.Headers {
		if used[c] && (!hasEnd || c != endCol) {
			continue
		}
		lc, ok := laterColumn{col: c, times: make([]int64, len(created))}, true
		k := 0
		for i := f.HeaderRow + 1; i < end && ok; i++ {
			if emptyRow(t.Rows[i]) {
				continue
			}
			v := strings.TrimSpace(cellAt(t.Rows[i], c))
			if v != "" {
				tm, isDate := p.parse(v)
				ok = isDate && (strings.Contains(v, ":") || t.Kind == KindXLSX) && tm.Unix() >= created[k]-int64(clockSkew/time.Second)
				lc.times[k] = tm.Unix()
				lc.filled++
				if open[k] {
					lc.filledOnOpen++
				}
			}
			k++
		}
		switch {
		case hasEnd && c == endCol:
			mappedEnd = &lc
		case ok && lc.filled > 0:
			later = append(later, lc)
		}
	}
	taken := func(field string) bool { _, has := f.Columns[field]; _, user := chosen[field]; return has || user }
	apply = map[string]int{}
	var ends, others []laterColumn
	for _, lc := range later {
		if hasStatus && openRows > 0 && lc.filledOnOpen == 0 && lc.filled < len(created) {
			ends = append(ends, lc)
		} else {
			others = append(others, lc)
		}
	}
	name := func(lc laterColumn) string { return strings.TrimSpace(strings.TrimPrefix(f.Headers[lc.col], "\ufeff")) }
	offer := func(field string, lc laterColumn, sure bool) {
		if taken(field) {
			return
		}
		if sure && f.ByValues {
			apply[field] = lc.col
			return
		}
		propose = append(propose, Proposal{Field: field, Column: name(lc)})
	}
	solution := mappedEnd
	switch {
	case solution != nil:
		others = append(others, ends...)
	case len(ends) == 1:
		solution = &ends[0]
		offer(FieldResolved, ends[0], true)
	case len(ends) == 2 && ends[0].before(ends[1]):
		solution = &ends[0]
		offer(FieldResolved, ends[0], true)
		offer(FieldClosed, ends[1], true)
	case len(ends) == 2 && ends[1].before(ends[0]):
		solution = &ends[1]
		offer(FieldResolved, ends[1], true)
		offer(FieldClosed, ends[0], true)
	default:
		others = append(others, ends...)
	}
	if solution == nil && !hasStatus && len(others) == 1 && others[0].filled < len(created) {
		offer(FieldResolved, others[0], false) // filled on some tickets only: probably their end
		return apply, propose
	}
	for _, lc := range others {
		if solution != nil && lc.before(*solution) {
			offer(FieldFirstResponse, lc, false)
		}
	}
	return apply, propose
}
