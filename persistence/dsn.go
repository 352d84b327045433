package persistence

import (
	"path/filepath"
	"strings"
)

// ApplicationID marks a SQLite file as a Schul-IT Lotse project ("LOTS").
const ApplicationID = 0x4C4F5453

// The pragmas every connection gets: a rollback journal (files live on SMB shares and travel as
// single files), full sync, foreign keys, no trust in schema-defined functions, cell size checks,
// temporary data in memory (the statement journal of each multi-row insert, a few pages, stays
// off the disk: an import of 250,000 tickets wrote it 5,000 times).
var connPragmas = []string{
	"busy_timeout(5000)",
	"journal_mode(DELETE)",
	"synchronous(FULL)",
	"foreign_keys(1)",
	"trusted_schema(0)",
	"cell_size_check(1)",
	"temp_store(2)",
}

// fileURI builds an SQLite URI for path; '?', '#' and '%' in names are escaped so that a file
// called "Planung #2?.lotse" opens the right file.
// Modes of fileURI.
const (
	modeRO  = "ro"
	modeRW  = "rw"
	modeRWC = "rwc"
)

func fileURI(path string, mode string, pragmas []string) string {
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	path = filepath.ToSlash(path)
	var b strings.Builder
	b.WriteString("file:")
	if !strings.HasPrefix(path, "/") {
		b.WriteByte('/') // Windows drive letters: file:/C:/...
	}
	for _, r := range path {
		switch r {
		case '%':
			b.WriteString("%25")
		case '?':
			b.WriteString("%3F")
		case '#':
			b.WriteString("%23")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString("?")
	b.WriteString("mode=" + mode + "&")
	for i, p := range pragmas {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString("_pragma=")
		b.WriteString(strings.NewReplacer("(", "%28", ")", "%29").Replace(p))
	}
	return b.String()
}
