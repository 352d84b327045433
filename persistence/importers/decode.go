// Package importers reads the exports of ticket systems (Zammad, GLPI, iTop, Znuny/OTRS or any
// CSV/XLSX with a column mapping), phone systems and surveys (LimeSurvey) into the records of
// step 12. It keeps only what the KPIs need: no names, no e-mail addresses, no free text. A
// reader either returns every row or the first error with file, line and column; it never
// returns part of a file.
package importers

import (
	"bytes"
	"io"
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
// stray byte becomes U+FFFD and badLines names the lines (1-based) that hold one. The file is
// read in pieces (sniffEncoding, decoder); this whole-text form serves tests and small inputs.
func decodeText(data []byte) (text, enc string, badLines []int, err error) {
	enc, badLines, err = sniffEncoding(bytes.NewReader(data))
	if err != nil {
		return "", "", nil, err
	}
	out, err := io.ReadAll(decoder(bytes.NewReader(data), enc, len(badLines) > 0))
	if err != nil {
		return "", "", nil, err
	}
	return string(out), enc, badLines, nil
}

// maxStrayLines bounds the lines named in the summary.
const maxStrayLines = 10
