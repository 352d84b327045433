package cli

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The RACI export of the sample, read back with excelize: sheet, headers, letters, colours.
func TestExportRaciXLSX(t *testing.T) {
	dir, path := sample(t)
	out := filepath.Join(dir, "RACI Musterstadt.xlsx")
	r := run(t, "export", path, "--kind", "raci", out).want(t, 0)
	if !strings.Contains(r.out, "RACI-Matrix, 22 Zeilen") {
		t.Errorf("message %q", r.out)
	}
	f, err := excelize.OpenReader(bytes.NewReader(readFile(t, out)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "RACI-Matrix" || got[1] != "Legende" {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("RACI-Matrix")
	if err != nil {
		t.Fatal(err)
	}
	// Two header rows and the 22 activities of the template.
	if len(rows) != 24 {
		t.Fatalf("%d rows, want 24", len(rows))
	}
	head := rows[0]
	if head[0] != "Prozess" || head[1] != "Tätigkeit" || head[2] != "IT-Koordination Schulträger" || head[5] != "Medienbeauftragte:r" ||
		head[6] != "Service Desk" || head[11] != "Datenschutzbeauftragte:r (Stadt)" || len(head) != 12 {
		t.Errorf("header %q", head)
	}
	if rows[1][2] != "Schulträger" || rows[1][6] != "Dienstleister" {
		t.Errorf("parties %q", rows[1])
	}
	// "Störung melden": Medienbeauftragte:r R, Schulleitung A, Service Desk I.
	first := rows[2]
	if first[0] != "Störungsannahme" || first[1] != "Störung melden" || first[4] != "A" || first[5] != "R" || first[6] != "I" || first[2] != "" {
		t.Errorf("first activity %q", first)
	}
	style, err := f.GetCellStyle("RACI-Matrix", "E3")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) != 1 || st.Fill.Color[0] != "F8D3A8" {
		t.Errorf("the A cell is filled %v, want F8D3A8", st.Fill.Color)
	}
	panes, err := f.GetPanes("RACI-Matrix")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 2 {
		t.Errorf("panes %+v", panes)
	}
	legend, _ := f.GetRows("Legende")
	if len(legend) != 4 || legend[1][0] != "A" || !strings.HasPrefix(legend[1][1], "A – ") {
		t.Errorf("legend %q", legend)
	}
	// Every activity row holds exactly one A.
	for _, row := range rows[2:] {
		n := 0
		for _, c := range row[2:] {
			if c == "A" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q has %d A", row[1], n)
		}
	}
}

func TestExportCommunicationCSVAndXLSX(t *testing.T) {
	dir, path := sample(t)
	out := filepath.Join(dir, "Kommunikation.csv")
	run(t, "export", path, "--kind", "communication", out).want(t, 0)
	b := readFile(t, out)
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatal("no byte-order mark")
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Error("lines do not end in CRLF")
	}
	cr := csv.NewReader(bytes.NewReader(b[3:]))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 7 {
		t.Fatalf("%d records, want header + 6", len(recs))
	}
	want := [][]string{
		{"Anlass", "Ansprechperson Kunde", "Person(en)", "Ansprechperson Dienstleister", "Person(en)", "Kontaktweg", "Erreichbarkeit"},
		{"Störungsmeldungen", "Medienbeauftragte:r", "je Schule eine Lehrkraft (u. a. Petra Kaya, GS am Park)", "Service Desk",
			"Team Service Desk Nordlicht", "Telefon, Ticketsystem", "Mo–Fr 7:30–16:30 (Servicezeiten)"},
	}
	for i, w := range want {
		if strings.Join(recs[i], "|") != strings.Join(w, "|") {
			t.Errorf("record %d\n got %q\nwant %q", i, recs[i], w)
		}
	}
	if esc := recs[4]; esc[0] != "Eskalation" || esc[1] != "IT-Koordination Schulträger" || esc[3] != "Serviceverantwortliche:r" || esc[5] != "E-Mail" {
		t.Errorf("escalation row %q", esc)
	}

	xl := filepath.Join(dir, "Kommunikation.xlsx")
	run(t, "export", path, "--kind", "communication", xl).want(t, 0)
	f, err := excelize.OpenReader(bytes.NewReader(readFile(t, xl)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Kommunikationsmatrix")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[6][0] != "Vertragsgestaltung" || rows[6][3] != "Geschäftsleitung Dienstleister" {
		t.Errorf("rows %q", rows)
	}
}

func TestExportStructureRefusesOtherExtensions(t *testing.T) {
	dir, path := sample(t)
	r := run(t, "export", path, "--kind", "raci", filepath.Join(dir, "raci.ods")).want(t, 1)
	if !strings.Contains(r.err, ".xlsx") {
		t.Errorf("message %q", r.err)
	}
}
