package importers

import (
	"archive/zip"
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// lowLimits lowers the readers' limits so that inputs of a few hundred kilobytes reach them,
// and restores them when the test ends.
func lowLimits(t testing.TB) {
	saved := limits
	limits.record, limits.cell, limits.buffer, limits.table = 1<<10, 100, 4<<10, 16<<10
	limits.unzipped, limits.sharedText = 256<<10, 64<<10
	t.Cleanup(func() { limits = saved })
}

// fixedBuffers bounds the reading buffers that do not grow with the input: the head, the
// encoding scan, the text buffer, the UTF-8 repair pieces (each limits.buffer or less) and
// encoding/csv's own 4 KB reader.
func fixedBuffers() int64 { return int64(6*limits.buffer) + 8<<10 }

// allocMeter measures the most memory allocated between two reads of the file: a parser
// that holds a whole line allocates a buffer as long as the line (and a cell header per
// field) before it asks for more, a bounded one at most about a record and its buffers.
type allocMeter struct {
	last, peak uint64
}

func (m *allocMeter) tick() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	if m.last != 0 {
		m.peak = max(m.peak, s.TotalAlloc-m.last)
	}
	m.last = s.TotalAlloc
}

type meteredReader struct {
	r io.Reader
	m *allocMeter
}

func (p *meteredReader) Read(b []byte) (int, error) {
	p.m.tick()
	return p.r.Read(b)
}

func (p *meteredReader) Close() error { return nil }

// readMeasured reads data as a file and returns the most memory allocated between two reads
// of the file (or after the last one), and the table or error.
func readMeasured(data []byte) (uint64, *Table, error) {
	m := &allocMeter{}
	src := source{name: "fuzz", size: int64(len(data)), open: func() (io.ReadCloser, error) {
		return &meteredReader{r: bytes.NewReader(data), m: m}, nil
	}}
	m.tick()
	t, err := readSource(src)
	m.tick()
	return m.peak, t, err
}

// checkBounded: an error is one of ours; a table keeps cells within the cell limit and an
// estimate within the table limit; between two reads of the file the reader never allocated
// more than a bound that does not grow with the file: its buffers, the growth of the kept
// rows, and the parsing of a record and of the head the delimiter is found in – encoding/csv
// keeps about 40 bytes per field while it parses (string header, index, position), and
// growing a large slice by a quarter at a time allocates up to five times its final size;
// there is at most one field per byte: 250 bytes per byte of a record and of the head.
func checkBounded(t *testing.T, tab *Table, err error, held uint64) {
	t.Helper()
	if bound := uint64(fixedBuffers() + 250*int64(limits.record+limits.buffer) + 2*limits.table); held > bound {
		t.Fatalf("reading allocated %d KB at once, bound %d KB", held>>10, bound>>10)
	}
	if err != nil {
		checkErr(t, err)
		return
	}
	var est int64
	for _, row := range tab.Rows {
		est += rowOverhead
		for _, c := range row {
			if utf8.RuneCountInString(c) > limits.cell {
				t.Fatalf("a cell of %d characters kept", utf8.RuneCountInString(c))
			}
			est += cellOverhead + int64(len(c))
		}
	}
	if est > limits.table {
		t.Fatalf("table of about %d bytes kept, limit %d", est, limits.table)
	}
}

// grow repeats data to at least n bytes, so that the fuzzer's small inputs pass the limits.
func grow(data []byte, n int) []byte {
	if len(data) == 0 || len(data) >= n {
		return data
	}
	return bytes.Repeat(data, n/len(data)+1)
}

// FuzzReadTableBounded feeds the CSV reader inputs of about 128 KB, far over the lowered limits,
// and asserts that it never holds more than its bound (a line of "A;" once cost 40 times the
// file) and never keeps more than the limits allow.
func FuzzReadTableBounded(f *testing.F) {
	addFixtures(f, "glpi_de.csv", "generic_1252.csv", "calls.csv")
	f.Add([]byte("A;"))
	f.Add([]byte("A;A;A;A\n"))
	f.Add([]byte("\"A\nB\";"))
	f.Add([]byte("\xef\xbb\xbfID;Text\n1;Gr\xfc\xdfe\n"))
	f.Add([]byte("\xff\xfeA\x00;\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lowLimits(t)
		if bytes.HasPrefix(data, []byte("PK")) {
			return // FuzzReadXLSXBounded
		}
		held, tab, err := readMeasured(grow(data, 128<<10))
		checkBounded(t, tab, err, held)
	})
}

// FuzzReadXLSXBounded gives the workbook reader archives whose one sheet the fuzzer writes,
// of up to 1 MB unpacked: anything declared over the limit is refused
// before unpacking, what is read keeps within the limits, and nothing panics.
func FuzzReadXLSXBounded(f *testing.F) {
	f.Add([]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`), uint16(1))
	f.Add([]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>`), uint16(4000))
	f.Fuzz(func(t *testing.T, rows []byte, repeat uint16) {
		lowLimits(t)
		sheet := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			strings.Repeat(string(rows), int(repeat%200)+1) + `</sheetData></worksheet>`
		if len(sheet) > 1<<20 {
			return
		}
		data := workbook(t, sheet)
		held, tab, err := readMeasured(data)
		if err == nil && len(sheet) > int(limits.unzipped) {
			t.Fatalf("a sheet of %d bytes was unpacked, limit %d", len(sheet), limits.unzipped)
		}
		// The library reads the archive once and unpacks it (within limits.unzipped).
		if bound := uint64(fixedBuffers()+2*limits.table) + 8*limits.unzipped + uint64(4*len(data)); held > bound {
			t.Fatalf("reading allocated %d KB, bound %d KB", held>>10, bound>>10)
		}
		checkBounded(t, tab, err, 0)
	})
}

// workbook is a minimal XLSX archive with the given sheet XML.
func workbook(t *testing.T, sheet string) []byte {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tickets" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The workbook helper makes a file the reader reads (so the fuzzer's seeds reach the rows).
func TestWorkbookHelperIsReadable(t *testing.T) {
	tab, err := ReadBytes("w.xlsx", workbook(t, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row></sheetData></worksheet>`))
	if err != nil || len(tab.Rows) != 1 || tab.Rows[0][0] != "ID" {
		t.Fatalf("%v %v", tab, err)
	}
}

// A workbook cell longer than a cell may be (the 101 KB file holding a 100 MB task
// name) is refused while the archive is checked, before the library holds the text.
func TestXLSXLongCellRefusedBeforeUnpacking(t *testing.T) {
	lowLimits(t)
	sheet := func(n int) string {
		return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` +
			strings.Repeat("A", n) + `</t></is></c></row></sheetData></worksheet>`
	}
	// 6 bytes per character of the cell limit and 64 more are allowed: 664 here.
	if _, err := ReadBytes("w.xlsx", workbook(t, sheet(664))); err != nil {
		t.Fatalf("a text within the bound refused: %v", err)
	}
	_, err := ReadBytes("w.xlsx", workbook(t, sheet(665)))
	if e := importKey(t, err); e.Key != ErrCellTooLong {
		t.Fatalf("got %+v, want %s", e, ErrCellTooLong)
	}
}
