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
