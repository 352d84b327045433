package importers

import (
	"fmt"
	"path/filepath"
	"unicode/utf8"
)

// Keys of import errors; each has a sentence in assets/translations/monitoring.*.json.
const (
	ErrEmpty           = "import.err.empty"
	ErrNotTable        = "import.err.not_table"
	ErrOldExcel        = "import.err.old_excel"
	ErrTooLarge        = "import.err.too_large"
	ErrTableTooLarge   = "import.err.table_too_large"
	ErrUnzipTooLarge   = "import.err.unzip_too_large"
	ErrLineTooLong     = "import.err.line_too_long"
	ErrCellTooLong     = "import.err.cell_too_long"
	ErrCSV             = "import.err.csv"
	ErrXLSX            = "import.err.xlsx"
	ErrNoHeader        = "import.err.no_header"
	ErrNoRows          = "import.err.no_rows"
	ErrMissingColumn   = "import.err.missing_column"
	ErrUnknownColumn   = "import.err.unknown_column"
	ErrDate            = "import.err.date"
	ErrYear            = "import.err.year"
	ErrNumber          = "import.err.number"
	ErrIDEmpty         = "import.err.id_empty"
	ErrOrder           = "import.err.order"
	ErrUnknownPriority = "import.err.priority_unknown"
	ErrAnswered        = "import.err.answered"
	ErrScore           = "import.err.score"
	ErrNoQuestions     = "import.err.no_questions"
	ErrUnknownFormat   = "import.err.format"
)

// Error is the first problem of a file: where it is and what is wrong. Key is a translation
// key; the UI and the command line turn it into a sentence with the other fields.
type Error struct {
	File string // base name of the file
	// Line is the line of a CSV file (where the record starts, or the field for a value error)
	// or the row of a sheet; 0 for the file as a whole.
	Line int
	// Column is the field's number (1-based, 0 = none); Cell is its spreadsheet name ("C5") for
	// XLSX files. CharColumn says that Column counts characters (CSV syntax errors).
	Column     int
	Cell       string
	CharColumn bool
	Header     string // the column's header, when known
	Key        string
	Value      string // the offending value or a detail
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		where += fmt.Sprintf(":%d", e.Line)
		if e.Column > 0 {
			where += fmt.Sprintf(":%d", e.Column)
		}
	}
	if e.Header != "" {
		where += " (" + e.Header + ")"
	}
	if e.Value != "" {
		return fmt.Sprintf("%s: %s %q", where, e.Key, e.Value)
	}
	return where + ": " + e.Key
}

// Data is the template data of the error's sentence.
func (e *Error) Data() map[string]any {
	return map[string]any{"File": e.File, "Line": e.Line, "Column": e.Column, "Cell": e.Cell, "Header": e.Header, "Value": e.Value}
}

// maxValue shortens values quoted in messages.
const maxValue = 60

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxValue {
		return s
	}
	r := []rune(s)
	return string(r[:maxValue-1]) + "…"
}

func fileErr(name, key, value string) *Error {
	return &Error{File: filepath.Base(name), Key: key, Value: shorten(value)}
}
