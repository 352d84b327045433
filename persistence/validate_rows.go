package persistence

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
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
func checkFiniteNumbers(path string, db *sql.DB, exp *Schema) error {
	tables := make([]string, 0, len(exp.Tables))
	for t := range exp.Tables {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		var conds []string
		for _, c := range exp.Tables[t] {
			q := quoteIdent(c.Name)
			conds = append(conds, fmt.Sprintf("(typeof(%s) = 'real' AND abs(%s) >= %s)", q, q, infinity))
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
