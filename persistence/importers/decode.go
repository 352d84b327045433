// Package importers reads the exports of ticket systems (Zammad, GLPI, iTop, Znuny/OTRS or any
// CSV/XLSX with a column mapping), phone systems and surveys (LimeSurvey) into the records of
// step 12. It keeps only what the KPIs need: no names, no e-mail addresses, no free text. A
// reader either returns every row or the first error with file, line and column; it never
// returns part of a file.
package importers

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encodings a text file is read in.
const (
	EncodingUTF8    = "UTF-8"
	EncodingUTF8BOM = "UTF-8 (BOM)"
	EncodingUTF16   = "UTF-16"
	Encoding1252    = "Windows-1252"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns a file's bytes into UTF-8 text. UTF-8 with or without a byte-order mark and
// UTF-16 with one are read as such. Otherwise the whole file's evidence decides: Windows-1252
// (what German Excel writes for "CSV (Trennzeichen-getrennt)") has its umlauts as single bytes
// above 0x7F that almost never form valid UTF-8 sequences, so a file with more valid multi-byte
// UTF-8 sequences than broken bytes is UTF-8 with a few stray bytes: it is read as UTF-8, each
// stray byte becomes U+FFFD and badLines names the lines (1-based) that hold one.
func decodeText(data []byte) (text, enc string, badLines []int, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		// A byte-order mark promises UTF-8; a broken byte after it becomes U+FFFD.
		body := data[3:]
		return strings.ToValidUTF8(string(body), "\uFFFD"), EncodingUTF8BOM, strayLines(body), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", nil, err
		}
		return string(out), EncodingUTF16, nil, nil
	case utf8.Valid(data):
		return string(data), EncodingUTF8, nil, nil
	}
	if valid, broken := utf8Evidence(data); valid > broken {
		return strings.ToValidUTF8(string(data), "\uFFFD"), EncodingUTF8, strayLines(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", nil, err
	}
	return string(out), Encoding1252, nil, nil
}

// utf8Evidence counts the valid multi-byte UTF-8 sequences and the bytes that are no UTF-8.
func utf8Evidence(data []byte) (valid, broken int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			broken++
		} else {
			valid++
		}
		i += n
	}
	return valid, broken
}

// maxStrayLines bounds the lines named in the summary.
const maxStrayLines = 10

// strayLines are the lines (1-based) that hold a byte that is no UTF-8.
func strayLines(data []byte) []int {
	var out []int
	line := 1
	for i := 0; i < len(data) && len(out) < maxStrayLines; {
		c := data[i]
		if c == '\n' {
			line++
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 && (len(out) == 0 || out[len(out)-1] != line) {
			out = append(out, line)
		}
		i += n
	}
	return out
}
