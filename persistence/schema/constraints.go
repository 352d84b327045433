package schema

import (
	"database/sql"
	"fmt"
	"reflect"
	"sort"

	"schulit-lotse/persistence/internal/sqlrows"
)

// ForeignKey is one reference of a table as PRAGMA foreign_key_list reports it. Its actions
// matter: a crafted ON DELETE CASCADE would silently delete a package's tasks.
type ForeignKey struct {
	From     string `json:"from"`
	Table    string `json:"table"`
	To       string `json:"to"`
	OnUpdate string `json:"onUpdate"`
	OnDelete string `json:"onDelete"`
}

// IndexDef is one index of a table (including the automatic ones of UNIQUE and PRIMARY KEY):
// a crafted UNIQUE index would make ordinary edits fail.
type IndexDef struct {
	Name    string   `json:"name"`
	Unique  bool     `json:"unique"`
	Partial bool     `json:"partial"`
	Columns []string `json:"columns"`
}

// TableConstraints reads a table's foreign keys and indexes in a stable order.
func TableConstraints(db *sql.DB, table string) ([]ForeignKey, []IndexDef, error) {
	fks, err := sqlrows.Collect(func() (*sql.Rows, error) {
		return db.Query(`SELECT "from", "table", COALESCE("to",''), on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table)
	}, nil, func(rows *sql.Rows) (ForeignKey, error) {
		var fk ForeignKey
		err := rows.Scan(&fk.From, &fk.Table, &fk.To, &fk.OnUpdate, &fk.OnDelete)
		return fk, err
	})
	if err != nil {
		return nil, nil, err
	}
	// GORM writes a table's constraints in map order: compare them sorted.
	sort.Slice(fks, func(a, b int) bool { return fks[a].From < fks[b].From })
	idx, err := sqlrows.Collect(func() (*sql.Rows, error) {
		return db.Query(`SELECT name, "unique", partial FROM pragma_index_list(?)`, table)
	}, nil, func(rows *sql.Rows) (IndexDef, error) {
		var d IndexDef
		var u, p int
		err := rows.Scan(&d.Name, &u, &p)
		d.Unique, d.Partial = u != 0, p != 0
		return d, err
	})
	if err != nil {
		return nil, nil, err
	}
	for i := range idx {
		idx[i].Columns, err = sqlrows.Collect(func() (*sql.Rows, error) {
			return db.Query(`SELECT COALESCE(name,'') FROM pragma_index_info(?) ORDER BY seqno`, idx[i].Name)
		}, nil, func(rows *sql.Rows) (string, error) {
			var c string
			err := rows.Scan(&c)
			return c, err
		})
		if err != nil {
			return nil, nil, err
		}
	}
	sort.Slice(idx, func(a, b int) bool { return idx[a].Name < idx[b].Name })
	return fks, idx, nil
}

// SameConstraints compares a table's foreign keys and indexes with the expected ones.
func (exp *Shape) SameConstraints(table string, fks []ForeignKey, idx []IndexDef) error {
	if want := exp.ForeignKeys[table]; !reflect.DeepEqual(nilIfEmpty(want), nilIfEmpty(fks)) {
		return fmt.Errorf("table %s: foreign keys %v, expected %v", table, fks, want)
	}
	if want := exp.IndexDefs[table]; !reflect.DeepEqual(nilIfEmpty(want), nilIfEmpty(idx)) {
		return fmt.Errorf("table %s: indexes %v, expected %v", table, idx, want)
	}
	return nil
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
