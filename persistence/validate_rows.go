package persistence

import (
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"schulit-lotse/domain"
	"schulit-lotse/persistence/schema"
)

// Row checks that run before any GORM call, after the schema matched: a file whose rows break a
// reference or hold an infinite number opens, but every later edit of such a row fails (SQLite
// checks foreign keys on write) or an export fails, and the user's work is lost.

// checkForeignKeys refuses a file in which a row points to a row that does not exist.
func checkForeignKeys(path string, db *sql.DB) error {
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return refuse(path, ReasonDamaged, err.Error())
		}
		return refuse(path, ReasonForeignKey, "%s %d → %s", table, rowid.Int64, parent)
	}
	if err := rows.Err(); err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	return nil
}

// infinity is how SQL spells an infinite REAL (the literal overflows); SQLite stores NaN as NULL,
// which the column rules then catch. (Comparing with the largest float64 does not work: the
// driver's parser rounds that literal up to infinity.)
const infinity = "9e999"

// checkFiniteNumbers refuses a file with an infinite number in any column of the expected tables.
func checkFiniteNumbers(path string, db *sql.DB, exp *schema.Shape) error {
	tables := make([]string, 0, len(exp.Tables))
	for t := range exp.Tables {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		var conds []string
		for _, c := range exp.Tables[t] {
			// "+" takes the column's affinity away: the value is compared as it is stored, and
			// only a REAL equals an infinity (no text, integer or blob does) – what typeof() = 'real'
			// AND abs() >= ∞ says, without two function calls per value (a third of the time
			// of opening a large file went into them).
			conds = append(conds, fmt.Sprintf("+%s IN (%s, -%s)", quoteIdent(c.Name), infinity, infinity))
		}
		if len(conds) == 0 {
			continue
		}
		var rowid int64
		err := db.QueryRow(fmt.Sprintf("SELECT rowid FROM %s WHERE %s LIMIT 1", quoteIdent(t), strings.Join(conds, " OR "))).Scan(&rowid)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return refuse(path, ReasonDamaged, err.Error())
		default:
			return refuse(path, ReasonNotFinite, "%s %d", t, rowid)
		}
	}
	return nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// CheckMonitoringRows refuses the file when a ticket, call or answer holds what Load refuses
// (an id outside 1…2⁵³, a time outside the years 0–9999, a value that is no number where a
// number belongs), without reading the valid rows: one query per table finds the rows that
// might be wrong, and only those are read the way Load reads them, for the same verdict.
func (f *File) CheckMonitoringRows() error {
	for _, c := range rowChecks() {
		var after int64 = -1 << 63
		for {
			var ids []int64
			err := f.db.Table(c.table).Where(c.suspect).Where("id > ?", after).Order("id").Limit(rowCheckBatch).Pluck("id", &ids).Error
			if err != nil {
				return f.refuseRows(err)
			}
			if len(ids) == 0 {
				break
			}
			if err := c.load(f.db.Where("id IN ?", ids)); err != nil {
				return refuse(f.path, ReasonContent, err.Error())
			}
			after = ids[len(ids)-1]
		}
	}
	return nil
}

// rowCheckBatch is how many suspect rows are read at a time.
const rowCheckBatch = 500

type rowCheck struct {
	table string
	// suspect finds every row Load might refuse (and a few it reads well, such as a time
	// stored as the text of a number): those are then read as Load reads them.
	suspect string
	load    func(db *gorm.DB) error
}

// Bounds of what Load accepts: ids 1…maxID, Unix seconds of the years 0–9999 in UTC.
var (
	minUnix = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	maxUnix = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
)

func rowChecks() []rowCheck {
	id := fmt.Sprintf("(id < 1 OR id > %d)", int64(maxID))
	// Values are compared as stored ("+" takes the column's affinity away), where a text or a
	// blob is greater than any number: an upper bound finds them along with numbers too large.
	// notInt: a value SQLite keeps as text or blob in an integer column; timeBad: that or a
	// number outside the years; notFlag: a yes/no column holding anything but 0, 1 or NULL
	// (Load reads the text "true"). Scanned into a Go integer, most of them fail (Load refuses
	// the file).
	notInt := func(col string) string { return fmt.Sprintf("+%s > %d", col, int64(math.MaxInt64)) }
	timeBad := func(col string) string { return fmt.Sprintf("+%s < %d OR +%s > %d", col, minUnix, col, maxUnix) }
	notFlag := func(col string) string { return fmt.Sprintf("+%s NOT IN (0, 1)", col) }
	// anyReal: a REAL in any of the columns, with one typeof() per row instead of one per
	// value: a REAL term makes the sum REAL (so does a sum too large for an integer – a
	// harmless extra suspect); NULL counts as 0, and texts are found above.
	anyReal := func(cols ...string) string {
		terms := make([]string, len(cols))
		for i, c := range cols {
			terms[i] = fmt.Sprintf("coalesce(+%s, 0)", c)
		}
		return fmt.Sprintf("typeof(%s) = 'real'", strings.Join(terms, " + "))
	}
	or := func(conds ...string) string { return strings.Join(conds, " OR ") }
	load := func(read func(db *gorm.DB) (*domain.Project, error)) func(db *gorm.DB) error {
		return func(db *gorm.DB) error {
			p, err := read(db)
			if err != nil {
				return err
			}
			return checkLoaded(p)
		}
	}
	return []rowCheck{
		{"tickets", or(id, timeBad("created"), timeBad("first_response"), timeBad("resolved"), notInt("package_id"),
			notFlag("response_not_measured"), notInt("import_id"),
			anyReal("created", "first_response", "resolved", "package_id", "response_not_measured", "import_id")),
			load(func(db *gorm.DB) (*domain.Project, error) {
				ts, err := loadAll(db, "created, id", plain(fromTicketRecord))
				return &domain.Project{Tickets: ts}, err
			})},
		{"calls", or(id, timeBad("at"), notFlag("answered"), notInt("wait_seconds"), notInt("talk_seconds"), notInt("import_id"),
			anyReal("at", "answered", "wait_seconds", "talk_seconds", "import_id")),
			load(func(db *gorm.DB) (*domain.Project, error) {
				cs, err := loadAll(db, "at, id", plain(fromCallRecord))
				return &domain.Project{Calls: cs}, err
			})},
		{"survey_answers", or(id, timeBad("at"), notInt("score"), notInt("import_id"), anyReal("at", "score", "import_id")),
			load(func(db *gorm.DB) (*domain.Project, error) {
				as, err := loadAll(db, "at, id", plain(fromSurveyRecord))
				return &domain.Project{SurveyAnswers: as}, err
			})},
	}
}
