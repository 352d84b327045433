package importers

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sheetcell"
)

// The inventory of step 1 in and out of Excel: a sheet or CSV file with one task a row. German
// Excel writes CSV with ';', decimal commas and Windows-1252 or UTF-8 with a byte-order mark;
// Table reads all of them. Columns are found by their headers (German or English, as the export
// writes them and as people name them) and can be mapped by hand in the import dialog.

// Fields of a task that a column can fill.
const (
	TaskName           = "name"
	TaskResponsible    = "responsible"
	TaskEffort         = "effort"
	TaskUnit           = "unit"
	TaskHoursPerMonth  = "hoursPerMonth" // the export's derived column; used when no effort column exists
	TaskNote           = "note"
	TaskIsNew          = "isNew"
	TaskValidFrom      = "validFrom"
	TaskPriority       = "priority"
	TaskCritical       = "critical"
	TaskCoverage       = "coverage"
	TaskNewResponsible = "newResponsible"
)

// TaskFields lists the fields in the order the mapping dialog offers them.
var TaskFields = []string{TaskName, TaskResponsible, TaskEffort, TaskUnit, TaskHoursPerMonth, TaskNote, TaskIsNew,
	TaskValidFrom, TaskPriority, TaskCritical, TaskCoverage, TaskNewResponsible}

// Errors of the task import (sentences in assets/translations/everyday.*.json).
const (
	ErrTaskNoName   = "import.err.task_no_name_column"
	ErrTaskName     = "import.err.task_name"
	ErrTaskUnit     = "import.err.task_unit"
	ErrTaskPriority = "import.err.task_priority"
	ErrTaskEffort   = "import.err.task_effort"
	ErrTaskBool     = "import.err.task_bool"
	ErrTaskCoverage = "import.err.task_coverage"
	ErrTaskDate     = "import.err.task_date"
)

// TaskMapping says which row holds the headers and which column fills which field (-1 or
// absent = none). DefaultUnit applies when there is no unit column.
type TaskMapping struct {
	Header      int
	Columns     map[string]int
	DefaultUnit domain.EffortUnit
}

// Column returns the column of a field, or -1.
func (m TaskMapping) Column(field string) int {
	if c, ok := m.Columns[field]; ok {
		return c
	}
	return -1
}

// taskHeaders are header texts (normalized) that name a field exactly.
var taskHeaders = map[string]string{
	"aufgabe": TaskName, "aufgaben": TaskName, "tätigkeit": TaskName, "tätigkeiten": TaskName,
	"aufgabe/tätigkeit": TaskName, "aufgaben/tätigkeiten": TaskName, "task/activity": TaskName, "name": TaskName, "task": TaskName,
	"tasks": TaskName, "bezeichnung": TaskName, "aufgabe / tätigkeit": TaskName, "activity": TaskName,
	"verantwortlich": TaskResponsible, "verantwortliche person/gruppe": TaskResponsible, "verantwortliche": TaskResponsible,
	"zuständig": TaskResponsible, "responsible": TaskResponsible, "person/gruppe": TaskResponsible, "wer": TaskResponsible,
	"aufwand": TaskEffort, "effort": TaskEffort, "zeitaufwand": TaskEffort,
	"einheit": TaskUnit, "unit": TaskUnit, "aufwandseinheit": TaskUnit,
	"std./monat": TaskHoursPerMonth, "stunden pro monat": TaskHoursPerMonth, "h/monat": TaskHoursPerMonth,
	"hours per month": TaskHoursPerMonth, "h/month": TaskHoursPerMonth, "stunden/monat": TaskHoursPerMonth,
	"bemerkung": TaskNote, "bemerkungen": TaskNote, "anmerkung": TaskNote, "notiz": TaskNote, "hinweis": TaskNote,
	"note": TaskNote, "notes": TaskNote, "kommentar": TaskNote, "comment": TaskNote,
	"neu": TaskIsNew, "new": TaskIsNew, "künftig": TaskIsNew,
	"gültig ab": TaskValidFrom, "ab": TaskValidFrom, "ab datum": TaskValidFrom, "valid from": TaskValidFrom, "start": TaskValidFrom,
	"priorität": TaskPriority, "prio": TaskPriority, "priority": TaskPriority,
	"kritisch": TaskCritical, "critical": TaskCritical, "kritischer dienst": TaskCritical,
	"bedarfsdeckung": TaskCoverage, "coverage": TaskCoverage, "status bedarfsdeckung": TaskCoverage,
	"neu verantwortlich": TaskNewResponsible, "neue verantwortung": TaskNewResponsible,
	"new responsible": TaskNewResponsible, "künftig verantwortlich": TaskNewResponsible,
}

// fieldOfHeader names the field a header means, "" when none.
func fieldOfHeader(h string) string {
	n := normHeader(h)
	if f, ok := taskHeaders[n]; ok {
		return f
	}
	switch {
	case strings.Contains(n, "verantwort") && (strings.Contains(n, "neu") || strings.Contains(n, "new") || strings.Contains(n, "künftig")):
		return TaskNewResponsible
	case strings.Contains(n, "verantwort") || strings.Contains(n, "responsib"):
		return TaskResponsible
	case strings.Contains(n, "std") && strings.Contains(n, "monat"):
		return TaskHoursPerMonth
	case strings.Contains(n, "aufwand") || strings.Contains(n, "effort"):
		return TaskEffort
	case strings.Contains(n, "aufgabe") || strings.Contains(n, "tätigkeit"):
		return TaskName
	case strings.Contains(n, "bemerk") || strings.Contains(n, "notiz") || strings.Contains(n, "anmerk"):
		return TaskNote
	case strings.Contains(n, "prior"):
		return TaskPriority
	case strings.Contains(n, "kritisch"):
		return TaskCritical
	}
	return ""
}

// unitOfHeader reads a unit from an effort header such as "Aufwand (Std./Woche)".
func unitOfHeader(h string) domain.EffortUnit {
	n := normHeader(h)
	switch {
	case strings.Contains(n, "woche") || strings.Contains(n, "week"):
		return domain.HoursPerWeek
	case strings.Contains(n, "quartal") || strings.Contains(n, "quarter"):
		return domain.HoursPerQuarter
	case strings.Contains(n, "pt") || strings.Contains(n, "personentag") || strings.Contains(n, "person-day") || strings.Contains(n, "person day"):
		return domain.PersonDaysPerMonth
	}
	return domain.HoursPerMonth
}

// GuessTaskMapping finds the header row among the first rows (the one that names the most
// fields, a task column among them) and maps its columns.
func GuessTaskMapping(t *Table) TaskMapping {
	best := TaskMapping{Header: 0, Columns: map[string]int{}, DefaultUnit: domain.HoursPerMonth}
	bestN := 0
	for i := 0; i < len(t.Rows) && i < 15; i++ {
		m := TaskMapping{Header: i, Columns: map[string]int{}, DefaultUnit: domain.HoursPerMonth}
		for c, h := range t.Rows[i] {
			f := fieldOfHeader(h)
			if f == "" {
				continue
			}
			if _, dup := m.Columns[f]; dup {
				continue
			}
			m.Columns[f] = c
			if f == TaskEffort {
				m.DefaultUnit = unitOfHeader(h)
			}
		}
		n := len(m.Columns)
		if _, ok := m.Columns[TaskName]; ok {
			n += 10
		}
		if n > bestN {
			best, bestN = m, n
		}
	}
	return best
}

// ReadTasks turns the rows below the header into tasks, in file order. Empty rows are skipped;
// the first bad cell stops the import with its position, so nothing is half imported.
func ReadTasks(t *Table, m TaskMapping) ([]domain.Task, error) {
	nameCol := m.Column(TaskName)
	if nameCol < 0 {
		return nil, &Error{File: t.File, Key: ErrTaskNoName}
	}
	if m.Header < 0 || m.Header >= len(t.Rows) {
		return nil, &Error{File: t.File, Key: ErrNoHeader}
	}
	header := t.Rows[m.Header]
	cell := func(row []string, field string) (string, int) {
		c := m.Column(field)
		if c < 0 || c >= len(row) {
			return "", c
		}
		// Exports put an apostrophe before text that looks like a formula; take exactly that one off.
		return sheetcell.Restore(strings.TrimSpace(row[c])), c
	}
	headerOf := func(c int) string {
		if c >= 0 && c < len(header) {
			return header[c]
		}
		return ""
	}
	var out []domain.Task
	for i := m.Header + 1; i < len(t.Rows); i++ {
		row := t.Rows[i]
		if emptyRow(row) {
			continue
		}
		bad := func(c int, key, v string) error { return t.cellErr(i, c, headerOf(c), key, v) }
		name, _ := cell(row, TaskName)
		if name == "" {
			return nil, bad(nameCol, ErrTaskName, "")
		}
		task := domain.Task{Name: name, SortOrder: len(out) + 1}
		task.Responsible, _ = cell(row, TaskResponsible)
		task.Note, _ = cell(row, TaskNote)
		task.NewResponsible, _ = cell(row, TaskNewResponsible)

		unit := m.DefaultUnit
		if unit == "" {
			unit = domain.HoursPerMonth
		}
		effortField, effortUnit := TaskEffort, &unit
		if m.Column(TaskEffort) < 0 {
			hpm := domain.HoursPerMonth
			effortField, effortUnit = TaskHoursPerMonth, &hpm // the older column, always per month
		}
		// Each optional column in turn: a filled cell that set refuses stops the import.
		for _, col := range []struct {
			field, errKey string
			set           func(v string) bool
		}{
			{TaskUnit, ErrTaskUnit, func(v string) (ok bool) { unit, ok = ParseUnit(v); return ok }},
			{effortField, ErrTaskEffort, func(v string) bool {
				x, ok := ParseDecimal(v)
				task.Effort = &domain.Effort{Value: x, Unit: *effortUnit}
				return ok && x >= 0
			}},
			{TaskIsNew, ErrTaskBool, func(v string) (ok bool) { task.IsNew, ok = parseBool(v); return ok }},
			{TaskCritical, ErrTaskBool, func(v string) (ok bool) { task.Critical, ok = parseBool(v); return ok }},
			{TaskValidFrom, ErrTaskDate, func(v string) bool {
				d, ok := parseDay(v, t.Kind == KindXLSX)
				task.ValidFrom = &d
				if m.Column(TaskIsNew) < 0 {
					task.IsNew = true // a start date only makes sense for a future task
				}
				return ok
			}},
			{TaskPriority, ErrTaskPriority, func(v string) (ok bool) { task.Priority, ok = ParsePriority(v); return ok }},
			{TaskCoverage, ErrTaskCoverage, func(v string) (ok bool) { task.Coverage, ok = ParseCoverage(v); return ok }},
		} {
			if v, c := cell(row, col.field); v != "" && !col.set(v) {
				return nil, bad(c, col.errKey, v)
			}
		}
		if err := task.Validate(); err != nil {
			key := ErrTaskName
			var de domain.Error
			if errors.As(err, &de) {
				key = string(de)
			}
			return nil, bad(nameCol, key, name)
		}
		out = append(out, task)
	}
	if len(out) == 0 {
		return nil, &Error{File: t.File, Key: ErrNoRows}
	}
	return out, nil
}

// ParseDecimal reads "2,5", "1.234,5", "1,234.5", "2.5", "3 h" and "7 Std.". Of '.' and ',' the
// one that comes last is the decimal mark; a lone ',' is one, as German Excel writes it.
func ParseDecimal(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == ' ' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '/'
	})
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", ""), " ", "")
	if s == "" {
		return 0, false
	}
	lastDot, lastComma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	switch {
	case lastComma > lastDot:
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case lastDot > lastComma && lastComma >= 0:
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// ParseUnit reads an effort unit as the export writes it (German or English) or as its code.
func ParseUnit(s string) (domain.EffortUnit, bool) {
	n := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if strings.HasPrefix(n, "pt") || strings.HasPrefix(n, "pd") || strings.HasPrefix(n, "person") {
		// "PT/Monat", "Personentage/Monat", "person-days/month"
		_, per, _ := strings.Cut(n, "/")
		switch per {
		case "monat", "month", "mon.", "m", "":
			return domain.PersonDaysPerMonth, true
		}
		return "", false
	}
	n = strings.NewReplacer("stundenpro", "h/", "stundenje", "h/", "hoursper", "h/", "std.pro", "h/", "std.", "h", "stunden", "h", "stunde", "h", "hours", "h", "/pro", "/", "/per", "/", "/je", "/").Replace(n)
	switch n {
	case "h/monat", "h/month", "h/mon.", "h/m", "":
		return domain.HoursPerMonth, true
	case "h/woche", "h/week", "h/wo.", "h/w":
		return domain.HoursPerWeek, true
	case "h/quartal", "h/quarter", "h/q":
		return domain.HoursPerQuarter, true
	}
	for _, u := range domain.EffortUnits {
		if strings.EqualFold(string(u), strings.TrimSpace(s)) {
			return u, true
		}
	}
	return "", false
}

// ParsePriority reads a rank 1–5 or vorrangig/nachrangig (must/nice).
func ParsePriority(s string) (domain.Priority, bool) {
	n := strings.ToLower(strings.TrimSpace(s))
	switch n {
	case "vorrangig", "must", "hoch", "high":
		return domain.Priority{}.WithClass(domain.ClassMust), true
	case "nachrangig", "nice", "niedrig", "low":
		return domain.Priority{}.WithClass(domain.ClassNice), true
	}
	v, ok := ParseDecimal(n)
	if !ok || v != math.Trunc(v) || v < 1 || v > 5 {
		return domain.Priority{}, false
	}
	return domain.Priority{Rank: int(v)}, true
}

// ParseCoverage reads the step-4 state by its code, its legend text or its colour.
func ParseCoverage(s string) (domain.Coverage, bool) {
	n := strings.ToLower(strings.TrimSpace(s))
	switch {
	case n == "keep" || n == "grün" || n == "green" || strings.HasPrefix(n, "soll nicht") || strings.HasPrefix(n, "keep "):
		return domain.CoverageKeep, true
	case n == "change" || n == "gelb" || n == "amber" || n == "yellow" || strings.HasPrefix(n, "muss verändert") || strings.HasPrefix(n, "must be changed"):
		return domain.CoverageChange, true
	case n == "assign" || n == "rot" || n == "red" || strings.HasPrefix(n, "muss zugewiesen") || strings.HasPrefix(n, "must be assigned"):
		return domain.CoverageAssign, true
	}
	return "", false
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "x", "yes", "y", "true", "wahr", "1", "✓", "neu", "new":
		return true, true
	case "nein", "n", "no", "false", "falsch", "0", "-", "–":
		return false, true
	}
	return false, false
}

// parseDay reads 2027-08-01, 01.08.2027, 1.8.27 and, from a workbook, a date serial number.
func parseDay(s string, workbook bool) (domain.Date, bool) {
	s = strings.TrimSpace(s)
	if d, err := domain.ParseDate(s); err == nil {
		return d, true
	}
	for _, layout := range []string{"02.01.2006", "2.1.2006", "02.01.06", "2.1.06", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return domain.NewDate(t.Year(), t.Month(), t.Day()), true
		}
	}
	if workbook {
		if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 && v < 2958466 {
			t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v))
			return domain.NewDate(t.Year(), t.Month(), t.Day()), true
		}
	}
	return domain.Date{}, false
}
