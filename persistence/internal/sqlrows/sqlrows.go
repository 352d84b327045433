// Package sqlrows reads the rows of a database/sql query into a slice, for the queries of the
// project file that GORM does not scan (the schema check, the monitoring streams).
package sqlrows

import "database/sql"

// Collect runs query and appends each row, as scan reads it, to out. The rows are closed when it
// returns, so the next query may run on a database of one connection.
func Collect[D any](query func() (*sql.Rows, error), out []D, scan func(*sql.Rows) (D, error)) ([]D, error) {
	rows, err := query()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
