package schema

import (
	"database/sql"
	"fmt"
	"strings"

	"schulit-lotse/persistence/internal/sqlrows"
)

// TableColumns reads a table's columns in their order.
func TableColumns(db *sql.DB, table string) ([]Column, error) {
	// table_xinfo, not table_info: the latter hides generated columns.
	query := func() (*sql.Rows, error) {
		return db.Query(`SELECT name, type, "notnull", pk FROM pragma_table_xinfo(?)`, table)
	}
	return sqlrows.Collect(query, nil, func(rows *sql.Rows) (Column, error) {
		var c Column
		var nn int
		err := rows.Scan(&c.Name, &c.Type, &nn, &c.PK)
		c.NotNull = nn != 0
		c.Type = strings.ToLower(c.Type)
		return c, err
	})
}

// SameColumns compares a table's columns with the expected ones.
func (exp *Shape) SameColumns(table string, got []Column) error {
	want := exp.Tables[table]
	byName := map[string]Column{}
	for _, c := range got {
		byName[c.Name] = c
	}
	if len(got) != len(want) {
		return fmt.Errorf("table %s: %d columns, expected %d", table, len(got), len(want))
	}
	for _, w := range want {
		g, ok := byName[w.Name]
		if !ok {
			return fmt.Errorf("table %s: missing column %s", table, w.Name)
		}
		if g != w {
			return fmt.Errorf("table %s: column %s is %s, expected %s", table, w.Name, g.Type, w.Type)
		}
	}
	return nil
}
