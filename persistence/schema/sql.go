package schema

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// The exact schema check: every entry of sqlite_master must be one that the file's version
// has, with the same SQL once it is normalised. Normalising removes what does not change the
// meaning – comments, spacing, the case of keywords, the order of a table's definitions (GORM
// writes constraints in map order; a column added by a migration comes last) – and keeps
// everything else, so a CHECK behind a comment, a COLLATE of an unknown collation or any other
// clause we never write makes the file's schema differ.

// Object is one entry of sqlite_master as the schema of a version expects it.
type Object struct {
	Type  string `json:"type"`
	Name  string `json:"name"`
	Table string `json:"table"`
	SQL   string `json:"sql"` // normalised (normalizeSQL)
}

// builtinObjects are the tables SQLite itself creates in our files.
var builtinObjects = map[string]string{
	"sqlite_sequence": "CREATE TABLE sqlite_sequence(name,seq)",
	"sqlite_stat1":    "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
}

var errSQLSyntax = errors.New("schema SQL cannot be read")

// sqlTokens splits SQL into tokens: quoted text and identifiers as written, bare words in lower
// case, punctuation one character a token; comments and spacing are dropped.
func sqlTokens(s string) ([]string, error) {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s) // SQLite lets a block comment run to the end
				continue
			}
			i += end + 4
		case c == '\'' || c == '"' || c == '`' || c == '[':
			closer := c
			if c == '[' {
				closer = ']'
			}
			j := i + 1
			for {
				if j >= len(s) {
					return nil, errSQLSyntax
				}
				if s[j] == closer {
					if closer != ']' && j+1 < len(s) && s[j+1] == closer {
						j += 2 // doubled quote inside
						continue
					}
					break
				}
				j++
			}
			out = append(out, s[i:j+1])
			i = j + 1
		case c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i
			for j < len(s) && (s[j] == '_' || s[j] == '$' || s[j] == '.' && isDigitWord(s[i:j]) || s[j] >= '0' && s[j] <= '9' ||
				s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				j++
			}
			out = append(out, strings.ToLower(s[i:j]))
			i = j
		default:
			out = append(out, string(c))
			i++
		}
	}
	return out, nil
}

func isDigitWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// normalizeSQL returns the canonical form of a CREATE statement: tokens joined by single
// spaces, and for a table its column and constraint definitions sorted.
func normalizeSQL(typ, s string) (string, error) {
	toks, err := sqlTokens(s)
	if err != nil {
		return "", err
	}
	if typ != "table" {
		return strings.Join(toks, " "), nil
	}
	open := -1
	for i, t := range toks {
		if t == "(" {
			open = i
			break
		}
	}
	if open < 0 {
		return "", errSQLSyntax
	}
	var defs []string
	depth, start, close := 0, open+1, -1
	for i := open; i < len(toks) && close < 0; i++ {
		switch toks[i] {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				defs = append(defs, strings.Join(toks[start:i], " "))
				close = i
			}
		case ",":
			if depth == 1 {
				defs = append(defs, strings.Join(toks[start:i], " "))
				start = i + 1
			}
		}
	}
	if close < 0 {
		return "", errSQLSyntax
	}
	sort.Strings(defs)
	return strings.TrimSpace(strings.Join(toks[:open], " ") + " ( " + strings.Join(defs, " , ") + " ) " + strings.Join(toks[close+1:], " ")), nil
}

// Objects reads the entries of sqlite_master that have SQL, normalised and sorted.
func Objects(db *sql.DB) ([]Object, error) {
	rows, err := db.Query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Object
	for rows.Next() {
		var o Object
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			return nil, err
		}
		if _, ok := builtinObjects[o.Name]; ok {
			continue
		}
		if o.SQL, err = normalizeSQL(o.Type, o.SQL); err != nil {
			return nil, fmt.Errorf("%s %s: %w", o.Type, o.Name, err)
		}
		out = append(out, o)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Type+" "+out[a].Name < out[b].Type+" "+out[b].Name })
	return out, rows.Err()
}

// SameObject compares one entry of sqlite_master with what the schema expects of that name;
// known is false when the schema has no such object at all.
func (exp *Shape) SameObject(typ, name, table, rawSQL string) (known bool, err error) {
	want, ok := "", false
	if b, builtin := builtinObjects[name]; builtin && typ == "table" {
		want, ok = b, true
		if want, err = normalizeSQL(typ, want); err != nil {
			return true, err
		}
	} else {
		for _, o := range exp.Objects {
			if o.Name == name {
				if o.Type != typ || o.Table != table {
					return true, fmt.Errorf("%s %s: expected a %s on %s", typ, name, o.Type, o.Table)
				}
				want, ok = o.SQL, true
				break
			}
		}
	}
	if !ok {
		return false, nil
	}
	got, err := normalizeSQL(typ, rawSQL)
	if err != nil {
		return true, fmt.Errorf("%s %s: %w", typ, name, err)
	}
	if got != want {
		return true, fmt.Errorf("%s %s: definition differs from the expected one", typ, name)
	}
	return true, nil
}
