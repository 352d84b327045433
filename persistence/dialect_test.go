package persistence

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"schulit-lotse/internal/gosource"
)

// Shared projects will later live on PostgreSQL through GORM. Only the file-format code may speak
// SQLite: everything else in persistence/ must stay dialect-neutral.
var fileFormatFiles = map[string]bool{
	"dsn.go": true, "validate.go": true, "schema/constraints.go": true, "file.go": true, "migrate.go": true, "lock.go": true, "sharefile.go": true,
	"schema/read.go": true, "schema/columns.go": true, "validate_rows.go": true, "schema/sql.go": true, "alive_unix.go": true, "alive_windows.go": true,
}

// sqliteOnly are SQL words and functions PostgreSQL does not have (or means differently).
var sqliteOnly = regexp.MustCompile(`(?i)\bPRAGMA\b|\bVACUUM\b|\bsqlite_(master|schema|sequence|stat\d|temp_master)\b|` +
	`\btypeof\s*\(|\bINSERT\s+OR\b|\bREPLACE\s+INTO\b|\bAUTOINCREMENT\b|\bATTACH\s+DATABASE\b|\bDETACH\b|` +
	`\blast_insert_rowid\b|\b_?rowid_?\b|\boid\b|\bGLOB\b|\bstrftime\s*\(|\bjulianday\s*\(|\bdatetime\s*\(|` +
	`\bunixepoch\s*\(|\bjson_extract\s*\(|\bjson_each\b|\bgroup_concat\s*\(|\bifnull\s*\(|\binstr\s*\(|` +
	`\bprintf\s*\(|\bzeroblob\s*\(|\brandomblob\s*\(|\bWITHOUT\s+ROWID\b|\bSTRICT\b|\bcollate\s+nocase\b|` +
	`\bRAISE\s*\(|\bpragma_\w+`)

var gormAutoIncrement = regexp.MustCompile(`\bautoIncrement(:\w+)?`)

// sqliteImports are the drivers; only the file-format code opens connections.
var sqliteImports = []string{"github.com/glebarez/sqlite", "github.com/glebarez/go-sqlite", "modernc.org/sqlite", "github.com/mattn/go-sqlite3"}

// dialectFindings lists SQLite-only SQL in the string literals (struct tags included) and the
// driver imports of one Go source.
func dialectFindings(name string, src []byte) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		for _, d := range sqliteImports {
			if p == d {
				out = append(out, fset.Position(imp.Pos()).String()+": imports "+p)
			}
		}
	}
	tags := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if fld, ok := n.(*ast.Field); ok && fld.Tag != nil {
			tags[fld.Tag] = true
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			s = lit.Value
		}
		if tags[lit] { // GORM's own tag key is neutral; a default expression in a tag is not
			s = gormAutoIncrement.ReplaceAllString(s, "")
		}
		if m := sqliteOnly.FindString(s); m != "" {
			out = append(out, fset.Position(lit.Pos()).String()+": "+strings.TrimSpace(m)+" in "+strconv.Quote(s))
		}
		return true
	})
	return out, nil
}

func TestPersistenceIsDialectNeutral(t *testing.T) {
	var findings []string
	checked := 0
	err := gosource.WalkProgram(".", func(path string) error {
		if fileFormatFiles[filepath.ToSlash(path)] {
			return nil
		}
		src, err := readSource(path)
		if err != nil {
			return err
		}
		fs, err := dialectFindings(path, src)
		if err != nil {
			return err
		}
		checked++
		findings = append(findings, fs...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 5 {
		t.Fatalf("only %d files checked: the walk is looking in the wrong place", checked)
	}
	if len(findings) > 0 {
		t.Fatalf("SQLite-only SQL outside the file-format code (%v); use GORM's builders or move it there:\n  %s",
			keys(fileFormatFiles), strings.Join(findings, "\n  "))
	}
}

// The checker must recognise what it is there to catch, and leave plain SQL and comments alone.
func TestDialectCheckerCatches(t *testing.T) {
	src := `package x

import _ "github.com/glebarez/go-sqlite"

// PRAGMA and VACUUM in a comment are fine.
type rec struct {
	ID int ` + "`gorm:\"primaryKey;autoIncrement\"`" + `
	At string ` + "`gorm:\"default:(datetime('now'))\"`" + `
}

func f() {
	q("PRAGMA foreign_keys = ON")
	q("SELECT name FROM sqlite_master")
	q("INSERT OR IGNORE INTO tasks VALUES (1)")
	q("SELECT typeof(x) FROM t")
	q(` + "`SELECT strftime('%Y', created) FROM tickets`" + `)
	q("SELECT rowid FROM tasks")
	q("SELECT count(*) FROM tasks WHERE package_id = ? ORDER BY sort_order, id")
	q("provider_role_id")
}
`
	got, err := dialectFindings("x.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"imports github.com/glebarez/go-sqlite", "datetime(", "PRAGMA", "sqlite_master", "INSERT OR", "typeof(", "strftime(", "rowid"}
	if len(got) != len(want) {
		t.Fatalf("findings:\n  %s\nwant %d: %v", strings.Join(got, "\n  "), len(want), want)
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("finding %d = %q, want it to name %q", i, got[i], w)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}
