// Package sqlitetest changes a project file behind the program's back – as a crafted or damaged
// file, or another program writing to it, would – for the tests of the file format, the command
// line and the window.
package sqlitetest

import (
	"database/sql"
	"testing"

	_ "github.com/glebarez/go-sqlite" // the driver "sqlite"
)

// Exec runs the statements in order on the SQLite file at path through a plain connection of its
// own, which it closes; a statement that fails ends the test and is named.
func Exec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %s: %v", path, s, err)
		}
	}
}
