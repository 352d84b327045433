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
// UTF-16 with one are read as such; anything that is not valid UTF-8 is Windows-1252, which is
// what German Excel writes for "CSV (Trennzeichen-getrennt)". Umlauts in Windows-1252 are single
// bytes above 0x7F that never form valid UTF-8 sequences with the ASCII around them, so the test
// is reliable for real text.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		// A byte-order mark promises UTF-8; a broken byte after it becomes U+FFFD.
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), EncodingUTF8BOM, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", err
		}
		return string(out), EncodingUTF16, nil
	case utf8.Valid(data):
		return string(data), EncodingUTF8, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", err
	}
	return string(out), Encoding1252, nil
}
