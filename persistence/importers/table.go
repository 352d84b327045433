package importers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits that keep a wrong or hostile file from taking the machine down.
const (
	MaxFileBytes = 512 << 20
	MaxRows      = 3_000_000
	maxColumns   = 2000
)

// Table is a file read as rows of text cells: a CSV file or the first sheet of a workbook.
type Table struct {
	File      string // base name
	Kind      string // "csv" or "xlsx"
	Encoding  string
	Delimiter rune
	Rows      [][]string
	// Lines[i] is the line (CSV: where the record starts) or sheet row of Rows[i].
	Lines []int
	// Date1904 is the workbook's date system (XLSX only).
	Date1904 bool
	// StrayLines are the lines of a UTF-8 file that hold a byte that is no UTF-8 (read as
	// U+FFFD); the summary names them.
	StrayLines []int

	text string // the decoded CSV text, to find exact positions for error messages
}

// Table kinds.
const (
	KindCSV  = "csv"
	KindXLSX = "xlsx"
)

// ReadFile reads a CSV or XLSX file; the content decides, not the name.
func ReadFile(path string) (*Table, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileBytes {
		return nil, fileErr(path, ErrTooLarge, fmt.Sprintf("%d MB", fi.Size()>>20))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ReadBytes(filepath.Base(path), data)
}

// ReadBytes reads a file's content; name is used in messages.
func ReadBytes(name string, data []byte) (t *Table, err error) {
	defer func() {
		// The spreadsheet library may panic on a crafted file; the user gets a message.
		if r := recover(); r != nil {
			t, err = nil, fileErr(name, ErrXLSX, fmt.Sprint(r))
		}
	}()
	name = filepath.Base(name)
	switch {
	case len(bytes.TrimSpace(data)) == 0 || bytes.Equal(bytes.TrimSpace(data), bomUTF8):
		return nil, fileErr(name, ErrEmpty, "")
	case len(data) > MaxFileBytes:
		return nil, fileErr(name, ErrTooLarge, fmt.Sprintf("%d MB", len(data)>>20))
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(name, data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fileErr(name, ErrOldExcel, "")
	}
	return readCSV(name, data)
}

func readCSV(name string, data []byte) (*Table, error) {
	text, enc, stray, err := decodeText(data)
	if err != nil {
		return nil, fileErr(name, ErrNotTable, err.Error())
	}
	if binary(text) {
		return nil, fileErr(name, ErrNotTable, "")
	}
	t := &Table{File: name, Kind: KindCSV, Encoding: enc, Delimiter: detectDelimiter(text), text: text, StrayLines: stray}
	r := newCSVReader(text, t.Delimiter)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{File: name, Line: pe.Line, Column: pe.Column, CharColumn: true, Key: ErrCSV, Value: pe.Err.Error()}
			}
			return nil, fileErr(name, ErrCSV, err.Error())
		}
		if len(t.Rows) >= MaxRows {
			return nil, fileErr(name, ErrTooLarge, fmt.Sprintf("> %d", MaxRows))
		}
		if len(rec) > maxColumns {
			rec = rec[:maxColumns]
		}
		line, _ := r.FieldPos(0)
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	if len(t.Rows) == 0 {
		return nil, fileErr(name, ErrEmpty, "")
	}
	return t, nil
}

func newCSVReader(text string, delim rune) *csv.Reader {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1 // titles, footers and trailing delimiters make rows of different length
	r.ReuseRecord = false
	return r
}

// binary reports text that no table export contains: NUL bytes or many control characters.
func binary(text string) bool {
	sample := text
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	ctrl := 0
	for _, r := range sample {
		switch {
		case r == 0:
			return true
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			ctrl++
		case r == '\uFFFD':
			ctrl++
		}
	}
	return ctrl > 8 && ctrl*50 > len(sample)
}

// detectDelimiter picks the delimiter that splits the first lines into the most fields; ties
// go to ';' (German Excel), then ',', tab and '|'.
func detectDelimiter(text string) rune {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	best, bestN := ';', 0
	for _, d := range []rune{';', ',', '\t', '|'} {
		r := newCSVReader(head, d)
		r.LazyQuotes = true
		n := 0
		for i := 0; i < 30; i++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) > n {
				n = len(rec)
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// fieldLine finds the exact line of field col of row i by reading the file again up to it
// (only on the way to an error message).
func (t *Table) fieldLine(i, col int) int {
	if t.Kind != KindCSV || t.text == "" {
		return t.Lines[i]
	}
	r := newCSVReader(t.text, t.Delimiter)
	for k := 0; k <= i; k++ {
		rec, err := r.Read()
		if err != nil {
			return t.Lines[i]
		}
		if k == i && col < len(rec) {
			line, _ := r.FieldPos(col)
			return line
		}
	}
	return t.Lines[i]
}

// cellErr is an error about one cell.
func (t *Table) cellErr(i, col int, header, key, value string) *Error {
	e := &Error{File: t.File, Line: t.fieldLine(i, col), Column: col + 1, Header: header, Key: key, Value: shorten(value)}
	if t.Kind == KindXLSX {
		if name, err := excelize.CoordinatesToCellName(col+1, t.Lines[i]); err == nil {
			e.Cell = name
		}
	}
	return e
}

func readXLSX(name string, data []byte) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, fileErr(name, ErrXLSX, err.Error())
	}
	defer f.Close()
	t := &Table{File: name, Kind: KindXLSX, Encoding: EncodingUTF8}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		t.Date1904 = *props.Date1904
	}
	for _, sheet := range f.GetSheetList() {
		if err := t.readSheet(f, sheet); err != nil {
			return nil, err
		}
		if len(t.Rows) > 0 {
			break // the first sheet with content
		}
	}
	if len(t.Rows) == 0 {
		return nil, fileErr(name, ErrEmpty, "")
	}
	return t, nil
}

func (t *Table) readSheet(f *excelize.File, sheet string) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return fileErr(t.File, ErrXLSX, err.Error())
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fileErr(t.File, ErrXLSX, err.Error())
		}
		if len(t.Rows) >= MaxRows {
			return fileErr(t.File, ErrTooLarge, fmt.Sprintf("> %d", MaxRows))
		}
		if len(cols) > maxColumns {
			cols = cols[:maxColumns]
		}
		if emptyRow(cols) {
			continue
		}
		t.Rows = append(t.Rows, cols)
		t.Lines = append(t.Lines, n)
	}
	if err := rows.Error(); err != nil {
		return fileErr(t.File, ErrXLSX, err.Error())
	}
	return nil
}

func emptyRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Preview returns up to n rows from the header on (for the import dialog).
func (t *Table) Preview(from, n int) [][]string {
	if from < 0 {
		from = 0
	}
	end := min(len(t.Rows), from+n)
	if from >= end {
		return nil
	}
	return t.Rows[from:end]
}
