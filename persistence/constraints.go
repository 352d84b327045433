package persistence

import (
	"database/sql"
	"fmt"
	"reflect"
	"sort"
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

// tableConstraints reads a table's foreign keys and indexes in a stable order.
func tableConstraints(db *sql.DB, table string) ([]ForeignKey, []IndexDef, error) {
	rows, err := db.Query(`SELECT "from", "table", COALESCE("to",''), on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table)
	if err != nil {
		return nil, nil, err
	}
	var fks []ForeignKey
	for rows.Next() {
		var fk ForeignKey
		if err := rows.Scan(&fk.From, &fk.Table, &fk.To, &fk.OnUpdate, &fk.OnDelete); err != nil {
			rows.Close()
			return nil, nil, err
		}
		fks = append(fks, fk)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	// GORM writes a table's constraints in map order: compare them sorted.
	sort.Slice(fks, func(a, b int) bool { return fks[a].From < fks[b].From })
	rows, err = db.Query(`SELECT name, "unique", partial FROM pragma_index_list(?)`, table)
	if err != nil {
		return nil, nil, err
	}
	var idx []IndexDef
	for rows.Next() {
		var d IndexDef
		var u, p int
		if err := rows.Scan(&d.Name, &u, &p); err != nil {
			rows.Close()
			return nil, nil, err
		}
		d.Unique, d.Partial = u != 0, p != 0
		idx = append(idx, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for i := range idx {
		cols, err := db.Query(`SELECT COALESCE(name,'') FROM pragma_index_info(?) ORDER BY seqno`, idx[i].Name)
		if err != nil {
			return nil, nil, err
		}
		for cols.Next() {
			var c string
			if err := cols.Scan(&c); err != nil {
				cols.Close()
				return nil, nil, err
			}
			idx[i].Columns = append(idx[i].Columns, c)
		}
		cols.Close()
	}
	sort.Slice(idx, func(a, b int) bool { return idx[a].Name < idx[b].Name })
	return fks, idx, nil
}

// sameConstraints compares a table's foreign keys and indexes with the expected ones.
func sameConstraints(table string, exp *Schema, fks []ForeignKey, idx []IndexDef) error {
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
