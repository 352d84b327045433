// Package schema is the expected shape of every version of the project file's schema (the
// vN.json snapshots beside it), read from and compared with an SQLite database through
// database/sql alone: tables with their columns, foreign keys and indexes, and the entries of
// sqlite_master with their SQL normalised. Which difference refuses a file, and why, is the
// persistence package's to say.
package schema

import (
	"embed"
	"encoding/json"
	"fmt"
)

// Column is one column of an expected table as PRAGMA table_info reports it.
type Column struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	NotNull bool   `json:"notNull"`
	PK      int    `json:"pk"`
}

// Shape is the expected shape of one schema version: tables with their columns, and indexes.
type Shape struct {
	Tables      map[string][]Column     `json:"tables"`
	Indexes     []string                `json:"indexes"`
	ForeignKeys map[string][]ForeignKey `json:"foreignKeys"`
	IndexDefs   map[string][]IndexDef   `json:"indexDefs"`
	// Objects are the entries of sqlite_master with their normalised SQL (sql.go).
	Objects []Object `json:"objects"`
}

//go:embed *.json
var snapshots embed.FS

// Expected returns the shape of a schema version, from its snapshot vN.json.
func Expected(version int) (*Shape, error) {
	b, err := snapshots.ReadFile(fmt.Sprintf("v%d.json", version))
	if err != nil {
		return nil, err
	}
	var s Shape
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return &s, nil
}
