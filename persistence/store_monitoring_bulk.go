package persistence

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

// bulkInsert writes rows with INSERT statements of `rows` rows each, without GORM's reflection
// per row. The statement is built by GORM's statement builder, so quoting and placeholders
// follow the database in use ("?" for SQLite, "$1" for PostgreSQL); upsert lists the columns an
// existing row (same key) takes over, with conflict naming the key.
//
// The SQLite driver parses a statement on every execution and matches each bound parameter
// against all others (n² in the parameters), so a few dozen rows per statement is fastest:
// importing 250,000 tickets took 3.3 s in the driver with 48 rows, 2.8 s with 16 or 20 and
// 2.9 s with 12, 3.3 s with 8 (CPU, one loaded run each).
type bulkInsert struct {
	stmt *sql.Stmt
}

// bulkRows is the number of rows per statement.
const bulkRows = 20

func newBulkInsert(tx *gorm.DB, table string, cols []string, rows int, conflict string, upsert []string) (*bulkInsert, error) {
	st := &gorm.Statement{DB: tx, Table: table}
	st.SQL.WriteString("INSERT INTO ")
	st.WriteQuoted(table)
	st.SQL.WriteString(" (")
	commaList(st, len(cols), func(i int) { st.WriteQuoted(cols[i]) })
	st.SQL.WriteString(") VALUES ")
	commaList(st, rows, func(int) {
		st.SQL.WriteString("(")
		commaList(st, len(cols), func(int) { st.AddVar(&st.SQL, nil) })
		st.SQL.WriteString(")")
	})
	if conflict != "" {
		st.SQL.WriteString(" ON CONFLICT (")
		st.WriteQuoted(conflict)
		st.SQL.WriteString(") DO UPDATE SET ")
		commaList(st, len(upsert), func(i int) {
			st.WriteQuoted(upsert[i])
			st.SQL.WriteString("=excluded.")
			st.WriteQuoted(upsert[i])
		})
	}
	stmt, err := tx.Statement.ConnPool.PrepareContext(context.Background(), st.SQL.String())
	if err != nil {
		return nil, err
	}
	return &bulkInsert{stmt: stmt}, nil
}

// commaList writes n items into the statement, separated by commas.
func commaList(st *gorm.Statement, n int, item func(i int)) {
	for i := 0; i < n; i++ {
		if i > 0 {
			st.SQL.WriteString(",")
		}
		item(i)
	}
}

func (b *bulkInsert) exec(args ...any) error {
	_, err := b.stmt.ExecContext(context.Background(), args...)
	return err
}

func (b *bulkInsert) close() { b.stmt.Close() }

// nullable turns an optional value into what the driver stores as NULL.
func nullable(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
