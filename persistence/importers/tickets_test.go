package importers

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
)

var berlin = domain.Berlin

func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, berlin).UTC()
}

var classes = []string{"P1", "P2", "P3", "P4"}

var packages = []domain.Package{
	{ID: 1, Name: "Netzwerk"}, {ID: 2, Name: "Hardware"}, {ID: 3, Name: "Störungsbeseitigung"}, {ID: 4, Name: "Konten"},
}

func readTickets(t *testing.T, name string, opt TicketOptions) *TicketFile {
	t.Helper()
	tab, err := ReadFile(fixture(name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	f, err := ReadTickets(tab, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// mapped reads a fixture and maps it with the detected mapping; every priority must be placed.
func mapped(t *testing.T, name string) (*TicketFile, []domain.Ticket, domain.TicketMapping) {
	t.Helper()
	f := readTickets(t, name, TicketOptions{})
	m, unplaced := DetectMapping(f, domain.TicketMapping{}, classes, packages)
	if len(unplaced) > 0 {
		t.Fatalf("%s: priorities not placed: %v", name, unplaced)
	}
	ts, err := f.Tickets(m, classes, packages)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f, ts, m
}

func byID(ts []domain.Ticket, id string) domain.Ticket {
	for _, t := range ts {
		if t.ExternalID == id {
			return t
		}
	}
	return domain.Ticket{}
}

func same(a *time.Time, b time.Time) bool { return a != nil && a.Equal(b) }

// noPersonalData checks that none of the names, e-mails or free texts of a fixture reached a ticket.
func noPersonalData(t *testing.T, ts []domain.Ticket, words ...string) {
	t.Helper()
	for _, tk := range ts {
		all := strings.Join([]string{tk.ExternalID, tk.Priority, tk.Category, tk.School, tk.Status}, "|")
		for _, w := range words {
			if strings.Contains(all, w) {
				t.Errorf("ticket %s holds %q: %s", tk.ExternalID, w, all)
			}
		}
	}
}

func TestZammadXLSX(t *testing.T) {
	f, ts, m := mapped(t, "zammad.xlsx")
	if f.Format != FormatZammad || f.Table.Kind != KindXLSX || f.Table.Lines[f.HeaderRow] != 3 || len(ts) != 5 {
		t.Fatalf("%s", f)
	}
	w := byID(ts, "31002")
	// 15:40 in Berlin (winter time) is 14:40 UTC; the dates are real Excel date cells.
	if !w.Created.Equal(local(2027, 3, 1, 15, 40)) || !same(w.FirstResponse, local(2027, 3, 2, 8, 10)) ||
		!same(w.Resolved, local(2027, 3, 2, 12, 0)) || w.Priority != "P2" || w.Category != "Netzwerk" || w.School != "IGS Nord" ||
		w.Status != "closed" || w.PackageID == nil || *w.PackageID != 1 {
		t.Errorf("31002 = %+v", w)
	}
	open := byID(ts, "31003")
	if open.Resolved != nil || open.FirstResponse != nil || open.Priority != "P3" || open.PackageID == nil || *open.PackageID != 2 {
		t.Errorf("31003 = %+v", open)
	}
	// After the change to summer time: 09:00 in Berlin is 07:00 UTC.
	if tab := byID(ts, "31005"); !tab.Created.Equal(time.Date(2027, 3, 29, 7, 0, 0, 0, time.UTC)) || tab.Priority != "P3" || tab.PackageID != nil {
		t.Errorf("31005 = %+v", tab)
	}
	if m.Priorities["3 high"] != "P2" || m.Priorities["2 normal"] != "P3" || m.Priorities["1 low"] != "P4" || m.Format != FormatZammad {
		t.Errorf("mapping = %+v", m)
	}
	noPersonalData(t, ts, "Erika", "Mustermann", "Techniker", "Beamer", "Grundschule", "email")
}

func TestGLPIGerman(t *testing.T) {
	f, ts, _ := mapped(t, "glpi_de.csv")
	if f.Format != FormatGLPI || f.Table.Encoding != EncodingUTF8BOM || f.Table.Delimiter != ';' || len(ts) != 4 {
		t.Fatalf("%s, %s, %q", f, f.Table.Encoding, f.Table.Delimiter)
	}
	w := byID(ts, "1001") // "1 001" with a non-breaking space
	if !w.Created.Equal(local(2027, 3, 1, 15, 40)) || w.FirstResponse != nil || !same(w.Resolved, local(2027, 3, 2, 9, 10)) ||
		w.Priority != "P1" || w.Category != "Netzwerk > WLAN" || w.School != "IGS Nord" || *w.PackageID != 1 {
		t.Errorf("1001 = %+v", w)
	}
	// Resolved before closed: the resolution date counts.
	if pw := byID(ts, "1003"); !same(pw.Resolved, local(2027, 3, 5, 8, 20)) || pw.Priority != "P4" || *pw.PackageID != 4 || pw.School != "Realschule Süd" {
		t.Errorf("1003 = %+v", pw)
	}
	if d := byID(ts, "1002"); d.Resolved != nil || d.Priority != "P3" || d.Status != "In Bearbeitung (zugewiesen)" || *d.PackageID != 2 {
		t.Errorf("1002 = %+v", d)
	}
	noPersonalData(t, ts, "Erika", "Max Muster", "Sekretariat", "Techniker", "Streifen", "Altbau")
}

func TestGLPIFrenchAndEnglish(t *testing.T) {
	f, ts, _ := mapped(t, "glpi_fr.csv")
	if f.Format != FormatGLPI || f.Table.Delimiter != ',' || len(ts) != 3 {
		t.Fatalf("%s", f)
	}
	if x := byID(ts, "2101"); x.Priority != "P1" || x.Resolved != nil || x.School != "École Centre" {
		t.Errorf("2101 = %+v", x)
	}
	if x := byID(ts, "2100"); x.Priority != "P2" || !same(x.Resolved, local(2027, 3, 8, 12, 0)) {
		t.Errorf("2100 = %+v", x)
	}
	if x := byID(ts, "2102"); x.Priority != "P3" {
		t.Errorf("2102 = %+v", x)
	}
	f, ts, _ = mapped(t, "glpi_en.csv")
	if f.Format != FormatGLPI || len(ts) != 2 || byID(ts, "3001").Priority != "P1" || byID(ts, "3002").Priority != "P4" ||
		*byID(ts, "3001").PackageID != 2 {
		t.Errorf("english: %s %+v", f, ts)
	}
	noPersonalData(t, ts, "John", "Jane")
}

func TestITop(t *testing.T) {
	f, ts, _ := mapped(t, "itop.csv")
	if f.Format != FormatITop || f.Table.Delimiter != ',' || len(ts) != 4 {
		t.Fatalf("%s", f)
	}
	x := byID(ts, "R-000017")
	if !x.Created.Equal(local(2027, 3, 1, 7, 45)) || !same(x.FirstResponse, local(2027, 3, 1, 8, 0)) || !same(x.Resolved, local(2027, 3, 1, 10, 30)) ||
		x.Priority != "P1" || x.Category != "Netzwerk" || x.School != "GS Am Markt" {
		t.Errorf("R-000017 = %+v", x)
	}
	if y := byID(ts, "R-000020"); y.Priority != "P2" || y.FirstResponse != nil || y.Status != "New" {
		t.Errorf("R-000020 = %+v", y)
	}
	noPersonalData(t, ts, "Petra", "Schulz", "Montag", "Papierstau")
}

func TestZnuny(t *testing.T) {
	f, ts, m := mapped(t, "znuny.csv")
	if f.Format != FormatZnuny || len(ts) != 4 {
		t.Fatalf("%s", f)
	}
	x := byID(ts, "2027030110000011")
	if !x.Created.Equal(local(2027, 3, 1, 8, 12)) || !same(x.FirstResponse, local(2027, 3, 1, 8, 40)) || !same(x.Resolved, local(2027, 3, 1, 12, 0)) ||
		x.Priority != "P2" || x.School != "GS-AM-MARKT" || x.Category != "Hardware" {
		t.Errorf("first = %+v", x)
	}
	if m.Priorities["5 sehr hoch"] != "P1" || m.Priorities["3 normal"] != "P3" || m.Priorities["1 sehr niedrig"] != "P4" {
		t.Errorf("mapping = %+v", m.Priorities)
	}
	noPersonalData(t, ts, "mustermann", "Beamer", "vergessen")
}

func TestWindows1252(t *testing.T) {
	raw, err := os.ReadFile(fixture("generic_1252.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "ö") {
		t.Fatal("the fixture must be Windows-1252, not UTF-8")
	}
	f, ts, _ := mapped(t, "generic_1252.csv")
	if f.Table.Encoding != Encoding1252 || f.Format != FormatGeneric || len(ts) != 3 {
		t.Fatalf("%s %s", f, f.Table.Encoding)
	}
	x := byID(ts, "4711")
	if x.School != "Grundschule Am Mühlenteich" || x.Category != "Störungsbeseitigung" || x.PackageID == nil || *x.PackageID != 3 ||
		!same(x.Resolved, local(2027, 3, 1, 10, 0)) || x.Priority != "P1" {
		t.Errorf("4711 = %+v", x)
	}
	if f.Headers[3] != "Gelöst am" {
		t.Errorf("header %q", f.Headers[3])
	}
	noPersonalData(t, ts, "Tablets", "Lüfter", "Lizenz")
}

func TestGenericWithSavedColumns(t *testing.T) {
	cols := map[string]string{FieldExternalID: "Nr.", FieldCreated: "Erstellt am", FieldResolved: "Gelöst am", FieldPriority: "Priorität"}
	f := readTickets(t, "generic_1252.csv", TicketOptions{Columns: cols})
	if f.Format != FormatGeneric || len(f.Rows) != 3 || f.Rows[0].Category != "" || f.Rows[0].FirstResponse != nil {
		t.Errorf("%s: %+v", f, f.Rows[0])
	}
	tab, _ := ReadFile(fixture("generic_1252.csv"))
	_, err := ReadTickets(tab, TicketOptions{Columns: map[string]string{FieldExternalID: "Ticketnummer", FieldCreated: "Erstellt am", FieldPriority: "Priorität"}})
	var e *Error
	if !errors.As(err, &e) || e.Key != ErrUnknownColumn || e.Value != "Erstellt am, Priorität, Ticketnummer" {
		t.Errorf("unknown column: %v", err)
	}
}

func TestSavedMappingWinsAndUnknownPriorityStops(t *testing.T) {
	f := readTickets(t, "glpi_de.csv", TicketOptions{})
	saved := domain.TicketMapping{Priorities: map[string]string{"hoch": "P1"}, Categories: map[string]int64{"hardware > drucker": 4}}
	m, _ := DetectMapping(f, saved, classes, packages)
	ts, err := f.Tickets(m, classes, packages)
	if err != nil {
		t.Fatal(err)
	}
	if byID(ts, "998").Priority != "P1" || *byID(ts, "1002").PackageID != 4 {
		t.Errorf("saved mapping ignored: %+v %+v", byID(ts, "998"), byID(ts, "1002"))
	}
	delete(m.Priorities, "niedrig")
	_, err = f.Tickets(m, classes, packages)
	var e *Error
	// Ticket 1003 starts on line 8: the record before it spans lines 3–6 (multi-line fields).
	if !errors.As(err, &e) || e.Key != ErrUnknownPriority || e.Line != 8 || e.Column != 6 || e.Header != "Priorität" || e.Value != "Niedrig" {
		t.Errorf("unknown priority: %#v", err)
	}
}

func TestWithoutSLAPrioritiesStayAsTheyAre(t *testing.T) {
	f := readTickets(t, "znuny.csv", TicketOptions{})
	m, unplaced := DetectMapping(f, domain.TicketMapping{}, nil, nil)
	ts, err := f.Tickets(m, nil, nil)
	if err != nil || len(unplaced) != 4 || byID(ts, "2027030110000011").Priority != "4 hoch" {
		t.Errorf("%v %v %+v", err, unplaced, ts)
	}
}

func TestFormatChosenByHand(t *testing.T) {
	tab, _ := ReadFile(fixture("znuny.csv"))
	// Forced as GLPI, whose header words it lacks, the columns are recognised by their values
	// and shown as a proposal.
	if f, err := ReadTickets(tab, TicketOptions{Format: FormatGLPI}); err != nil || !f.ByValues ||
		f.Headers[f.Columns[FieldExternalID]] != "Ticket#" || f.Headers[f.Columns[FieldCreated]] != "Erstellt" || f.Headers[f.Columns[FieldPriority]] != "Priorität" {
		t.Errorf("znuny read as glpi: %v %+v", err, f)
	}
	if _, err := ReadTickets(tab, TicketOptions{Format: "jira"}); !isKey(err, ErrUnknownFormat) {
		t.Errorf("unknown format: %v", err)
	}
	if f, err := ReadTickets(tab, TicketOptions{Format: FormatZnuny}); err != nil || f.Format != FormatZnuny {
		t.Errorf("znuny: %v", err)
	}
}

func isKey(err error, key string) bool {
	var e *Error
	return errors.As(err, &e) && e.Key == key
}

func readString(t *testing.T, name, content string) (*TicketFile, error) {
	t.Helper()
	tab, err := ReadBytes(name, []byte(content))
	if err != nil {
		return nil, err
	}
	return ReadTickets(tab, TicketOptions{})
}

func TestBadInput(t *testing.T) {
	glpi, _ := os.ReadFile(fixture("glpi_de.csv"))
	lime, _ := os.ReadFile(fixture("limesurvey.csv"))
	calls, _ := os.ReadFile(fixture("calls.csv"))
	cases := []struct {
		name, content string
		key           string
		line, col     int
		header, value string
	}{
		{"leer.csv", "", ErrEmpty, 0, 0, "", ""},
		{"bom.csv", "\ufeff \r\n", ErrEmpty, 0, 0, "", ""},
		{"nur-kopf.csv", "ID;Eröffnungsdatum;Priorität\n", ErrNoRows, 1, 0, "", ""},
		{"bericht.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00<< /Type /Catalog >>", ErrNotTable, 0, 0, "", ""},
		{"alt.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ErrOldExcel, 0, 0, "", ""},
		{"kaputt.xlsx", "PK\x03\x04 not really a zip", ErrXLSX, 0, 0, "", ""},
		{"umfrage.csv", string(lime), ErrNoHeader, 0, 0, "", ""},
		{"anrufe.csv", string(calls), ErrNoHeader, 0, 0, "", ""},
		// 31 February in the last record (line 8): column 4, "Eröffnungsdatum".
		{"glpi.csv", strings.Replace(string(glpi), "05-03-2027 07:55", "31-02-2027 07:55", 1), ErrDate, 8, 4, "Eröffnungsdatum", "31-02-2027 07:55"},
		{"glpi.csv", strings.Replace(string(glpi), "05-03-2027 07:55", "gestern", 1), ErrDate, 8, 4, "Eröffnungsdatum", "gestern"},
		{"glpi.csv", strings.Replace(string(glpi), "05-03-2027 07:55", "05-03-1927 07:55", 1), ErrYear, 8, 4, "Eröffnungsdatum", "05-03-1927 07:55"},
		{"glpi.csv", strings.Replace(string(glpi), `"1`+nbsp+`002"`, `"  "`, 1), ErrIDEmpty, 7, 1, "ID", ""},
		{"csv.csv", "ID;Erstellt;Priorität\n1;01.03.2027 08:00;hoch\n2;01.03.2027 0\"9:00;hoch\n", ErrCSV, 3, 0, "", ""},
		{"ohne-prio.csv", "ID;Erstellt\n1;01.03.2027 08:00\n", ErrMissingColumn, 1, 0, "", FieldPriority},
		// Created and resolved swapped: resolved lies hours before the ticket was opened.
		{"vertauscht.csv", "Nr.;Gelöst am;Erstellt am;Priorität\n1;01.03.2027 08:00;01.03.2027 12:00;P1\n", ErrOrder, 2, 2, "Gelöst am", "01.03.2027 08:00"},
	}
	for _, c := range cases {
		_, err := readString(t, c.name, c.content)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
			continue
		}
		if e.Key != c.key || (c.line != 0 && e.Line != c.line) || (c.col != 0 && e.Column != c.col) || e.Header != c.header ||
			(c.value != "" && e.Value != c.value) || e.File != c.name {
			t.Errorf("%s: %#v, want %s at %d:%d (%s) %q", c.name, e, c.key, c.line, c.col, c.header, c.value)
		}
	}
}

func TestRowsAfterZammadFooterAreIgnoredAndDuplicatesCountOnce(t *testing.T) {
	f, err := readString(t, "dup.csv", "Nr.;Erstellt am;Priorität;Status\n1;01.03.2027 08:00;P1;neu\n2;01.03.2027 09:00;P2;neu\n1;01.03.2027 08:00;P1;gelöst\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Rows) != 2 || f.Duplicates != 1 || f.Rows[0].Status != "gelöst" {
		t.Errorf("rows %+v, duplicates %d", f.Rows, f.Duplicates)
	}
}
