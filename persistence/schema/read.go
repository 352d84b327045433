package schema

import (
	"database/sql"
	"sort"
)

// Read reads the shape of the schema in db (the test of the current snapshot: what AutoMigrate
// creates).
func Read(db *sql.DB) (*Shape, error) {
	s := &Shape{Tables: map[string][]Column{}, ForeignKeys: map[string][]ForeignKey{}, IndexDefs: map[string][]IndexDef{}}
	rows, err := db.Query("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
	if err != nil {
		return nil, err
	}
	var tables []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			rows.Close()
			return nil, err
		}
		switch typ {
		case "table":
			tables = append(tables, name)
		case "index":
			s.Indexes = append(s.Indexes, name)
		}
	}
	rows.Close()
	for _, t := range tables {
		cols, err := TableColumns(db, t)
		if err != nil {
			return nil, err
		}
		s.Tables[t] = cols
		fks, idx, err := TableConstraints(db, t)
		if err != nil {
			return nil, err
		}
		if len(fks) > 0 {
			s.ForeignKeys[t] = fks
		}
		if len(idx) > 0 {
			s.IndexDefs[t] = idx
		}
	}
	sort.Strings(s.Indexes)
	if s.Objects, err = Objects(db); err != nil {
		return nil, err
	}
	return s, nil
}
