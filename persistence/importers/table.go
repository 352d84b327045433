package importers

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"schulit-lotse/domain"
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

	// src and the stray flag let a CSV file be read again to find the exact line of an error.
	src   *source
	stray bool
}

// Table kinds.
const (
	KindCSV  = "csv"
	KindXLSX = "xlsx"
)

// ReadFile reads a CSV or XLSX file; the content decides, not the name. The file is read as a
// stream within the limits of docs/limits.md; a larger file is refused before reading.
func ReadFile(path string) (*Table, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileBytes {
		return nil, fileErr(path, ErrTooLarge, fmt.Sprintf("%d MB > %d MB", fi.Size()>>20, MaxFileBytes>>20))
	}
	return readSource(source{name: filepath.Base(path), size: fi.Size(), open: func() (io.ReadCloser, error) { return os.Open(path) }})
}

// ReadAllFrom reads an opened file's content for ReadBytes, at most MaxFileBytes; when path
// names the file on disk, a larger one is refused before a byte is read.
func ReadAllFrom(name, path string, r io.Reader) ([]byte, error) {
	if path != "" {
		if fi, err := os.Stat(path); err == nil && fi.Size() > MaxFileBytes {
			return nil, fileErr(name, ErrTooLarge, fmt.Sprintf("%d MB > %d MB", fi.Size()>>20, MaxFileBytes>>20))
		}
	}
	return io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
}

// ReadBytes reads a file's content; name is used in messages.
func ReadBytes(name string, data []byte) (*Table, error) {
	return readSource(bytesSource(filepath.Base(name), data))
}

func readSource(src source) (t *Table, err error) {
	name := src.name
	defer func() {
		// The spreadsheet library may panic on a crafted file; the user gets a message.
		if r := recover(); r != nil {
			t, err = nil, fileErr(name, ErrXLSX, fmt.Sprint(r))
		}
	}()
	if src.size > MaxFileBytes {
		return nil, fileErr(name, ErrTooLarge, fmt.Sprintf("%d MB > %d MB", src.size>>20, MaxFileBytes>>20))
	}
	head, err := src.head(limits.buffer)
	if err != nil {
		return nil, fileErr(name, ErrNotTable, err.Error())
	}
	trimmed := bytes.TrimSpace(head)
	switch {
	case src.size <= int64(len(head)) && (len(trimmed) == 0 || bytes.Equal(trimmed, bomUTF8)):
		return nil, fileErr(name, ErrEmpty, "")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return readXLSX(src)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fileErr(name, ErrOldExcel, "")
	}
	return readCSV(src)
}

// text opens the source decoded to UTF-8.
func (t *Table) openText() (io.Reader, io.Closer, error) {
	rc, err := t.src.open()
	if err != nil {
		return nil, nil, err
	}
	return decoder(rc, t.Encoding, t.stray), rc, nil
}

func readCSV(src source) (*Table, error) {
	name := src.name
	rc, err := src.open()
	if err != nil {
		return nil, fileErr(name, ErrNotTable, err.Error())
	}
	enc, stray, err := sniffEncoding(rc)
	rc.Close()
	if err != nil {
		return nil, fileErr(name, ErrNotTable, err.Error())
	}
	t := &Table{File: name, Kind: KindCSV, Encoding: enc, StrayLines: stray, src: &src, stray: len(stray) > 0}
	text, closer, err := t.openText()
	if err != nil {
		return nil, fileErr(name, ErrNotTable, err.Error())
	}
	defer closer.Close()
	br := bufio.NewReaderSize(text, limits.buffer)
	head, _ := br.Peek(limits.buffer)
	if binary(string(head)) {
		return nil, fileErr(name, ErrNotTable, "")
	}
	t.Delimiter = detectDelimiter(string(head))
	bounded := newBoundedReader(br, limits.record)
	r := newCSVReader(bounded, t.Delimiter)
	b := budget{name: name}
	var kept int64
	for {
		rec, err := r.Read()
		var long *recordTooLong
		if errors.As(err, &long) || errors.As(bounded.err, &long) {
			return nil, &Error{File: name, Line: long.line, Key: ErrLineTooLong, Value: fmt.Sprintf("%d KB", limits.record>>10)}
		}
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
			rec = slices.Clone(rec[:maxColumns])
		}
		for i, c := range rec {
			rec[i] = cutCell(c)
		}
		if err := b.add(len(rec), bounded.total-kept); err != nil {
			return nil, err
		}
		kept = bounded.total
		line, _ := r.FieldPos(0)
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	if len(t.Rows) == 0 {
		return nil, fileErr(name, ErrEmpty, "")
	}
	return t, nil
}

func newCSVReader(text io.Reader, delim rune) *csv.Reader {
	r := csv.NewReader(text)
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
		r := newCSVReader(strings.NewReader(head), d)
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
	if t.Kind != KindCSV || t.src == nil {
		return t.Lines[i]
	}
	text, closer, err := t.openText()
	if err != nil {
		return t.Lines[i]
	}
	defer closer.Close()
	r := newCSVReader(newBoundedReader(text, limits.record), t.Delimiter)
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

// readXLSX reads the first sheet with content. The archive's declared sizes are checked
// before anything is unpacked (archive/zip stops any part at its declared size), large sheets
// are streamed by the library from a temporary file, and the rows are read one at a time.
func readXLSX(src source) (*Table, error) {
	name := src.name
	if src.size > MaxXLSXBytes {
		return nil, fileErr(name, ErrTooLarge, fmt.Sprintf("%d MB > %d MB", src.size>>20, MaxXLSXBytes>>20))
	}
	rc, err := src.open()
	if err != nil {
		return nil, fileErr(name, ErrXLSX, err.Error())
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxXLSXBytes+1))
	if err != nil {
		return nil, fileErr(name, ErrXLSX, err.Error())
	}
	if err := checkUnzipped(name, data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: int64(limits.unzipped), UnzipXMLSizeLimit: min(xmlInMemory, int64(limits.unzipped))})
	data = nil
	if err != nil {
		return nil, fileErr(name, ErrXLSX, err.Error())
	}
	defer f.Close()
	t := &Table{File: name, Kind: KindXLSX, Encoding: EncodingUTF8}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		t.Date1904 = *props.Date1904
	}
	b := budget{name: name}
	for _, sheet := range f.GetSheetList() {
		if err := t.readSheet(f, sheet, &b); err != nil {
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

// Workbook limits: see domain/limits.go. xmlInMemory is the largest part the library unpacks
// into memory; larger sheets go to a temporary file it removes on Close.
const (
	MaxXLSXBytes     = domain.MaxImportXLSXBytes
	MaxUnzippedBytes = domain.MaxImportUnzippedBytes
	maxSharedStrings = domain.MaxImportSharedStrings
	xmlInMemory      = 16 << 20
)

// checkUnzipped refuses a workbook whose parts declare more than MaxUnzippedBytes unpacked,
// or shared strings of more than maxSharedStrings.
func checkUnzipped(name string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fileErr(name, ErrXLSX, err.Error())
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > limits.unzipped {
			return fileErr(name, ErrUnzipTooLarge, fmt.Sprintf("%d MB", limits.unzipped>>20))
		}
		if strings.EqualFold(zf.Name, "xl/sharedStrings.xml") && zf.UncompressedSize64 > limits.sharedText {
			return fileErr(name, ErrUnzipTooLarge, fmt.Sprintf("%d MB", limits.sharedText>>20))
		}
	}
	for _, zf := range zr.File {
		part := strings.ToLower(zf.Name)
		if !strings.HasPrefix(part, "xl/worksheets/") && part != "xl/sharedstrings.xml" {
			continue
		}
		long, err := longTextRun(zf)
		if err != nil {
			return fileErr(name, ErrXLSX, err.Error())
		}
		if long {
			return fileErr(name, ErrCellTooLong, fmt.Sprintf("%d", limits.cell))
		}
	}
	return nil
}

// longTextRun reports whether a part of the archive holds a text between two tags longer than
// any cell may be (6 bytes per character: UTF-8 and entities such as "&amp;"). It reads the part
// in pieces, so a 100 MB cell is found before the library would hold it.
func longTextRun(zf *zip.File) (bool, error) {
	rc, err := zf.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	max := 6*limits.cell + 64
	buf := make([]byte, limits.buffer)
	run := 0
	for {
		n, err := rc.Read(buf)
		for _, c := range buf[:n] {
			switch c {
			case '<', '>':
				run = 0
			default:
				if run++; run > max {
					return true, nil
				}
			}
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
}

func (t *Table) readSheet(f *excelize.File, sheet string, b *budget) error {
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
			cols = slices.Clone(cols[:maxColumns])
		}
		if emptyRow(cols) {
			continue
		}
		var text int64
		for i, c := range cols {
			cols[i] = cutCell(c)
			text += int64(len(cols[i]))
		}
		if err := b.add(len(cols), text); err != nil {
			return err
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
