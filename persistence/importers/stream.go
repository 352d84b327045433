package importers

import (
	"bufio"
	"bytes"
	binenc "encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"schulit-lotse/domain"
)

// Limits of a table read for import (see docs/limits.md). The file is read as a stream: no
// copy of the whole file is held, a record longer than MaxRecordBytes stops the reading before
// the CSV parser buffers it, and the rows kept stop at MaxTableBytes of estimated memory.
const (
	// MaxFileBytes is the largest file read at all; a larger one is refused before reading.
	MaxFileBytes = domain.MaxImportFileBytes
	// MaxRows is the largest number of rows of a table.
	MaxRows = domain.MaxImportRows
	// MaxRecordBytes is the longest CSV record (one line, or several inside quotes).
	MaxRecordBytes = domain.MaxImportRecordBytes
	// MaxTableBytes bounds the estimated memory of the rows kept (text, cell and row headers).
	MaxTableBytes = domain.MaxImportTableBytes
	// MaxCellChars is the longest cell kept; longer cells are cut (Excel holds no more).
	MaxCellChars = domain.MaxImportCellChars
	maxColumns   = domain.MaxImportColumns
)

// limits are the bounds the readers apply: the constants above, lowered by the fuzz tests so
// that small inputs reach them.
// buffer is the size of the reading buffers (and of the head the delimiter is found in).
var limits = struct {
	record, cell, buffer int
	table                int64
	unzipped             uint64
	sharedText           uint64
}{MaxRecordBytes, MaxCellChars, 64 << 10, MaxTableBytes, MaxUnzippedBytes, maxSharedStrings}

// Estimated memory of a kept row and cell beyond their text (slice and string headers).
const (
	rowOverhead  = 24 + 8 + 16
	cellOverhead = 16
)

// source is a file's content that can be read from the start as often as needed: once to
// find the encoding, once to read the rows, and again for the exact line of an error.
type source struct {
	name string
	size int64
	open func() (io.ReadCloser, error)
}

func bytesSource(name string, data []byte) source {
	return source{name: name, size: int64(len(data)), open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// head is the first n bytes of the source (fewer if it is shorter).
func (s source) head(n int) ([]byte, error) {
	rc, err := s.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(rc, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:k], err
}

// sniffEncoding finds a text file's encoding the way decodeText does, reading the file once in
// pieces instead of holding it.
func sniffEncoding(r io.Reader) (enc string, stray []int, err error) {
	br := bufio.NewReaderSize(r, limits.buffer)
	start, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(start, bomUTF8):
		if _, err := br.Discard(3); err != nil {
			return "", nil, err
		}
		_, _, stray, err := scanUTF8(br)
		return EncodingUTF8BOM, stray, err
	case bytes.HasPrefix(start, []byte{0xFF, 0xFE}), bytes.HasPrefix(start, []byte{0xFE, 0xFF}):
		return EncodingUTF16, nil, nil
	}
	valid, broken, stray, err := scanUTF8(br)
	switch {
	case err != nil:
		return "", nil, err
	case broken == 0:
		return EncodingUTF8, nil, nil
	case valid > broken:
		return EncodingUTF8, stray, nil
	}
	return Encoding1252, nil, nil
}

var newline = []byte{'\n'}

// scanUTF8 counts the valid multi-byte UTF-8 sequences and the bytes that are no UTF-8, and
// names the first lines that hold such a byte (see utf8Evidence and strayLines).
func scanUTF8(r io.Reader) (valid, broken int, stray []int, err error) {
	buf := make([]byte, limits.buffer)
	carry, line := 0, 1
	for {
		n, rerr := io.ReadFull(r, buf[carry:])
		end := carry + n
		last := rerr != nil
		i := 0
		for i < end {
			if buf[i] < utf8.RuneSelf { // a run of ASCII: eight bytes at a time
				j := i
				for j+8 <= end && binenc.LittleEndian.Uint64(buf[j:])&0x8080808080808080 == 0 {
					j += 8
				}
				for j < end && buf[j] < utf8.RuneSelf {
					j++
				}
				line += bytes.Count(buf[i:j], newline)
				i = j
				continue
			}
			if !last && end-i < utf8.UTFMax && !utf8.FullRune(buf[i:end]) {
				break // the rest of this rune comes with the next piece
			}
			ru, k := utf8.DecodeRune(buf[i:end])
			if ru == utf8.RuneError && k == 1 {
				broken++
				if len(stray) < maxStrayLines && (len(stray) == 0 || stray[len(stray)-1] != line) {
					stray = append(stray, line)
				}
			} else {
				valid++
			}
			i += k
		}
		carry = copy(buf, buf[i:end])
		if last {
			if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
				rerr = nil
			}
			return valid, broken, stray, rerr
		}
	}
}

// decoder turns the raw stream into UTF-8 text in the given encoding.
func decoder(r io.Reader, enc string, stray bool) io.Reader {
	switch enc {
	case EncodingUTF8BOM:
		if !stray { // every byte is UTF-8 already
			return skipBOM(r)
		}
		return &validUTF8Reader{r: skipBOM(r)}
	case EncodingUTF16:
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case Encoding1252:
		return charmap.Windows1252.NewDecoder().Reader(r)
	}
	if stray {
		return &validUTF8Reader{r: r}
	}
	return r
}

func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, bomUTF8) {
		_, _ = br.Discard(3)
	}
	return br
}

// validUTF8Reader replaces bytes that are no UTF-8 by U+FFFD, as strings.ToValidUTF8 does, one
// piece at a time.
type validUTF8Reader struct {
	r     io.Reader
	in    []byte
	carry int
	out   []byte
	err   error
}

func (v *validUTF8Reader) Read(p []byte) (int, error) {
	for len(v.out) == 0 {
		if v.err != nil {
			return 0, v.err
		}
		if v.in == nil {
			v.in = make([]byte, limits.buffer/2)
		}
		n, err := v.r.Read(v.in[v.carry:])
		end := v.carry + n
		cut := end
		if err == nil {
			// keep an unfinished rune at the end for the next piece
			for k := 1; k < utf8.UTFMax && k <= end; k++ {
				if utf8.RuneStart(v.in[end-k]) {
					if !utf8.FullRune(v.in[end-k : end]) {
						cut = end - k
					}
					break
				}
			}
		}
		v.out = append(v.out[:0], strings.ToValidUTF8(string(v.in[:cut]), "\uFFFD")...)
		v.carry = copy(v.in, v.in[cut:end])
		v.err = err
	}
	n := copy(p, v.out)
	v.out = v.out[n:]
	return n, nil
}

// recordTooLong stops a record that passes MaxRecordBytes.
type recordTooLong struct{ line int }

func (e *recordTooLong) Error() string { return fmt.Sprintf("record at line %d too long", e.line) }

// boundedReader lies between the text and encoding/csv: it counts the bytes of the current
// record (a line, or several while a quote is open) and fails when one passes max, so the
// parser never buffers a longer line. It also counts every byte passed (the text kept).
type boundedReader struct {
	r       io.Reader
	max     int
	n       int
	inQuote bool
	line    int // the physical line where the current record starts
	lines   int // physical lines passed so far
	total   int64
	err     error
}

func newBoundedReader(r io.Reader, max int) *boundedReader {
	return &boundedReader{r: r, max: max, line: 1, lines: 1}
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	for i := 0; i < n; i++ {
		switch p[i] {
		case '"':
			b.inQuote = !b.inQuote
		case '\n':
			b.lines++
			if !b.inQuote {
				b.n, b.line = 0, b.lines
				continue
			}
		}
		b.n++
		if b.n > b.max {
			b.err = &recordTooLong{line: b.line}
			b.total += int64(i)
			return i, b.err
		}
	}
	b.total += int64(n)
	return n, err
}

// cutCell shortens a cell longer than MaxCellChars characters.
func cutCell(s string) string {
	if len(s) <= limits.cell {
		return s
	}
	n := 0
	for i := range s {
		if n == limits.cell {
			return strings.Clone(s[:i])
		}
		n++
	}
	return s
}

// budget is the estimated memory of the rows a table keeps.
type budget struct {
	name  string
	bytes int64
}

// add counts a row of cells whose text takes text bytes; it fails when the table passes
// MaxTableBytes.
func (b *budget) add(cells int, text int64) error {
	b.bytes += rowOverhead + int64(cells)*cellOverhead + text
	if b.bytes > limits.table {
		return fileErr(b.name, ErrTableTooLarge, fmt.Sprintf("%d MB", limits.table>>20))
	}
	return nil
}
