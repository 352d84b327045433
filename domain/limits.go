package domain

import (
	"unicode/utf8"
)

// Limits by design: every text a project holds and every file the program reads has a bound,
// so that a wrong or hostile input is refused with a message instead of taking the machine
// down. docs/limits.md lists them with their reasons; this file is the one place they are set.
const (
	// MaxNameChars bounds one-line texts: names of tasks, packages, schools, people, roles,
	// titles and labels.
	MaxNameChars = 300
	// MaxNoteChars bounds free texts: notes, descriptions, proposals, minutes.
	MaxNoteChars = 20_000
	// MaxDisplayChars is where a text longer than its limit (from a file written before the
	// limits or by another program) is cut for display and reports, with "…".
	MaxDisplayChars = MaxNoteChars

	// MaxImportFileBytes is the largest table (CSV/XLSX) or JSON file read at all; a larger
	// one is refused before a byte is read.
	MaxImportFileBytes = 256 << 20
	// MaxImportXLSXBytes is the largest workbook (compressed) read.
	MaxImportXLSXBytes = 64 << 20
	// MaxImportUnzippedBytes bounds a workbook's parts unpacked, as the archive declares
	// them (the reading stops at the declared size): a zip bomb is refused before unpacking.
	MaxImportUnzippedBytes = 256 << 20
	// MaxImportSharedStrings bounds a workbook's shared-strings part unpacked (it is held in
	// memory whole).
	MaxImportSharedStrings = 32 << 20
	// MaxImportRows is the most rows a table may have.
	MaxImportRows = 3_000_000
	// MaxImportColumns is the most columns read; further columns are ignored.
	MaxImportColumns = 2000
	// MaxImportRecordBytes is the longest CSV record (a line, or several lines inside quotes);
	// it is refused while reading, before the parser holds it.
	MaxImportRecordBytes = 1 << 20
	// MaxImportCellChars is the longest cell kept (Excel's own limit); longer cells are cut.
	MaxImportCellChars = 32_767
	// MaxImportTableBytes bounds the estimated memory of the rows kept while reading a
	// table; a larger table is refused (split the export by period).
	MaxImportTableBytes = 192 << 20
)

// TooLong reports whether s has more than max characters (bytes are counted first, so a
// short text costs nothing).
func TooLong(s string, max int) bool {
	return len(s) > max && utf8.RuneCountInString(s) > max
}

// CutForDisplay shortens s to max characters and an ellipsis when it is longer; a text within
// the limit comes back as it is.
func CutForDisplay(s string, max int) string {
	if !TooLong(s, max) {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
