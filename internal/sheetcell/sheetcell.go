// Package sheetcell keeps spreadsheet cells from being read as formulas: every CSV and XLSX
// writer passes its text cells through Neutralise, and the importers undo it with Restore, so
// that export → import gives back the text that was written.
package sheetcell

import "strings"

// triggers are the first characters that Excel and LibreOffice take for the start of a formula
// (tab and CR as well: some spreadsheet programs strip them and read what follows).
const triggers = "=+-@\t\r"

// needsQuote reports whether s, after any leading apostrophes, starts with a trigger. Text that
// already starts with apostrophes before a trigger gets one more, so Restore can tell them apart.
func needsQuote(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return rest != "" && strings.IndexByte(triggers, rest[0]) >= 0
}

// Neutralise returns s with a leading apostrophe when a spreadsheet could read it as a formula.
func Neutralise(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// Restore removes exactly the one apostrophe that Neutralise put in front of s.
func Restore(s string) string {
	if strings.HasPrefix(s, "'") && needsQuote(s) {
		return s[1:]
	}
	return s
}

// NeutraliseAll returns a copy of row with every cell neutralised.
func NeutraliseAll(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = Neutralise(c)
	}
	return out
}
