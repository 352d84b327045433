package importers

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// go test ./persistence/importers -run TestWriteFixtures -update rewrites testdata/ with exports
// as the systems write them. The files are committed; the other tests read them.
var update = flag.Bool("update", false, "rewrite the fixture files in testdata/")

func fixture(name string) string { return filepath.Join("testdata", name) }

// readFixture reads the table of a file in testdata.
func readFixture(t *testing.T, name string) *Table {
	t.Helper()
	return readTable(t, fixture(name))
}

// readTable reads the table of the file at path.
func readTable(tb testing.TB, path string) *Table {
	tb.Helper()
	tab, err := ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return tab
}

func TestWriteFixtures(t *testing.T) {
	if !*update {
		for _, name := range []string{"zammad.xlsx", "glpi_de.csv", "glpi_fr.csv", "glpi_en.csv", "itop.csv", "znuny.csv",
			"generic_1252.csv", "calls.csv", "limesurvey.csv"} {
			if _, err := os.Stat(fixture(name)); err != nil {
				t.Errorf("fixture %s missing (go test -run TestWriteFixtures -update): %v", name, err)
			}
		}
		return
	}
	writes := map[string][]byte{
		"glpi_de.csv":      glpiGerman(),
		"glpi_fr.csv":      glpiFrench(),
		"glpi_en.csv":      glpiEnglish(),
		"itop.csv":         []byte(itopCSV),
		"znuny.csv":        []byte(strings.ReplaceAll(znunyCSV, "\n", "\r\n")),
		"generic_1252.csv": generic1252(t),
		"calls.csv":        []byte(callsCSV),
		"limesurvey.csv":   limeSurvey(),
		"zammad.xlsx":      zammadXLSX(t),
	}
	for name, b := range writes {
		if err := os.WriteFile(fixture(name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// quoteAll writes rows as GLPI does: every field in quotes, a delimiter after the last field.
func quoteAll(rows [][]string, delim string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xEF, 0xBB, 0xBF})
	for _, r := range rows {
		for _, c := range r {
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"` + delim)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// limeSurveyCSV writes rows as LimeSurvey's response export does: BOM, ';', every field in
// quotes with "" inside, CRLF.
func limeSurveyCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xEF, 0xBB, 0xBF})
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(";")
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

const nbsp = "\u00a0"

// GLPI 10, German interface, search list exported as CSV with ';'. Requester and technician are
// names: the importer must never read them. Ids of four digits and more come with a
// non-breaking space as thousands separator.
func glpiGerman() []byte {
	return quoteAll([][]string{
		{"ID", "Titel", "Status", "Eröffnungsdatum", "Letzte Änderung", "Priorität", "Kategorie", "Einheit",
			"Anforderer - Anforderer", "Zugewiesen an - Techniker", "Lösungsdatum", "Schließungsdatum"},
		{"998", "Beamer Raum 12 zeigt kein Bild", "Geschlossen", "01-03-2027 08:05", "02-03-2027 10:00", "Hoch",
			"Hardware > Beamer", "Schulträger Musterstadt > GS Am Markt", "Erika Mustermann", "Jan Techniker",
			"01-03-2027 11:20", "02-03-2027 10:00"},
		{"1" + nbsp + "001", "WLAN im Altbau\nfällt aus (Etage 2\nund 3)", "Gelöst", "01-03-2027 15:40", "03-03-2027 09:00", "Sehr hoch",
			"Netzwerk > WLAN", "Schulträger Musterstadt > IGS Nord", "Max Muster\nSekretariat IGS", "Jan Techniker",
			"02-03-2027 09:10", ""},
		{"1" + nbsp + "002", "Drucker druckt \"nur Streifen\"", "In Bearbeitung (zugewiesen)", "04-03-2027 10:00", "04-03-2027 10:30",
			"Mittel", "Hardware > Drucker", "Schulträger Musterstadt > GS Am Markt", "Erika Mustermann", "", "", ""},
		{"1" + nbsp + "003", "Passwort zurücksetzen", "Geschlossen", "05-03-2027 07:55", "05-03-2027 08:30", "Niedrig",
			"Konten", "Schulträger Musterstadt > Realschule Süd", "Lehrkraft 17", "Jan Techniker", "05-03-2027 08:20", "05-03-2027 08:30"},
	}, ";")
}

// GLPI with a French interface and ',' as the user's CSV delimiter.
func glpiFrench() []byte {
	return quoteAll([][]string{
		{"ID", "Titre", "Statut", "Date d'ouverture", "Priorité", "Catégorie", "Entité", "Demandeur - Demandeur", "Date de résolution", "Date de clôture"},
		{"2" + nbsp + "100", "Tableau numérique, écran noir", "Clos", "08-03-2027 09:00", "Haute", "Matériel > Tableau", "Entité racine > École Centre",
			"Marie Dupont", "08-03-2027 12:00", "09-03-2027 08:00"},
		{"2" + nbsp + "101", "Accès ENT", "Nouveau", "09-03-2027 14:30", "Très haute", "Comptes", "Entité racine > École Centre", "Paul Martin", "", ""},
		{"2" + nbsp + "102", "Imprimante", "Résolu", "10-03-2027 08:00", "Moyenne", "Matériel > Imprimante", "Entité racine > Collège Nord",
			"Marie Dupont", "11-03-2027 10:00", ""},
	}, ",")
}

// GLPI in English with ';'.
func glpiEnglish() []byte {
	return quoteAll([][]string{
		{"ID", "Title", "Status", "Opening date", "Priority", "Category", "Entity", "Requester - Requester", "Resolution date", "Closing date"},
		{"3" + nbsp + "001", "Projector", "Closed", "15-03-2027 08:00", "Major", "Hardware", "Root entity > GS Am Markt", "John Doe",
			"15-03-2027 08:45", "15-03-2027 09:00"},
		{"3" + nbsp + "002", "Tablet", "Processing (assigned)", "15-03-2027 09:00", "Low", "Tablets", "Root entity > IGS Nord", "Jane Roe", "", ""},
	}, ";")
}

// iTop CSV export with user friendly labels, ',' and Y-m-d H:i:s.
const itopCSV = `id,Ref,Title,Organization,Caller,Status,Priority,Service,Start date,Assignment date,Resolution date,Close date
17,R-000017,Kein Internet im Lehrerzimmer,GS Am Markt,Petra Schulz,Closed,critical,Netzwerk,2027-03-01 07:45:00,2027-03-01 08:00:00,2027-03-01 10:30:00,2027-03-02 09:00:00
18,R-000018,"Neuer Account, bitte bis Montag",IGS Nord,Tom Klein,Resolved,medium,Konten,2027-03-01 09:10:00,2027-03-01 11:00:00,2027-03-03 10:00:00,
19,R-000019,Drucker Papierstau,Realschule Süd,Anna Berg,Assigned,low,Drucker,2027-03-02 13:00:00,2027-03-02 15:30:00,,
20,R-000020,Whiteboard defekt,GS Am Markt,Petra Schulz,New,high,Hardware,2027-03-03 08:00:00,,,
`

// Znuny statistics export (ticket list), German, ';', dates as dd.mm.YYYY HH:MM:SS.
const znunyCSV = `Ticket#;Titel;Erstellt;Erste Reaktion;Schließzeit;Queue;Status;Priorität;Kundennummer;Kundenbenutzer
2027030110000011;Beamer defekt;01.03.2027 08:12:00;01.03.2027 08:40:00;01.03.2027 12:00:00;Hardware;erfolgreich geschlossen;4 hoch;GS-AM-MARKT;e.mustermann
2027030110000022;Passwort vergessen;01.03.2027 09:00:00;01.03.2027 09:05:00;01.03.2027 09:30:00;Konten;erfolgreich geschlossen;3 normal;IGS-NORD;m.muster
2027030210000033;Netz weg;02.03.2027 07:30:00;02.03.2027 07:35:00;;Netzwerk;offen;5 sehr hoch;RS-SUED;a.berg
2027030310000044;Neue Software;03.03.2027 11:00:00;;;Software;neu;1 sehr niedrig;GS-AM-MARKT;e.mustermann
`

// A list someone kept in German Excel and saved as "CSV (Trennzeichen-getrennt)": Windows-1252.
const generic1252Text = "Nr.;Erstellt am;Erste Reaktion;Gelöst am;Priorität;Kategorie;Schule;Status;Bemerkung\r\n" +
	"4711;01.03.2027 08:00;01.03.2027 08:20;01.03.2027 10:00;P1;Störungsbeseitigung;Grundschule Am Mühlenteich;gelöst;Schüler-Tablets ohne Netz\r\n" +
	"4712;01.03.2027 09:30;01.03.2027 11:00;02.03.2027 09:00;P2;Hardware-Wartung;Oberschule Süd;gelöst;Lüfter läuft laut\r\n" +
	"4713;02.03.2027 14:00;;;P3;Software;Grundschule Am Mühlenteich;offen;Lizenz für Übungssoftware\r\n"

func generic1252(t *testing.T) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(generic1252Text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A phone system's call list: date and time in two columns, directions, caller numbers (never
// stored), status words and durations as clock times.
const callsCSV = `Datum;Uhrzeit;Richtung;Anrufer;Status;Wartezeit;Gesprächsdauer
01.03.2027;08:02:11;eingehend;05121 123456;angenommen;00:00:18;00:03:40
01.03.2027;08:05:40;eingehend;05121 654321;verpasst;00:01:05;00:00:00
01.03.2027;08:30:00;ausgehend;05121 123456;angenommen;00:00:04;00:02:00
01.03.2027;09:15:22;eingehend;0170 1111111;angenommen;00:00:42;00:07:15
02.03.2027;13:01:00;eingehend;05121 999999;verpasst;00:02:10;00:00:00
`

// LimeSurvey "Export responses" as CSV: ';', every value in quotes with "" inside, a UTF-8
// byte-order mark, CRLF, question codes as headers. The IP address and the comment must never
// be read; the second response was never submitted.
func limeSurvey() []byte {
	rows := [][]string{
		{"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "SCHULE", "Q1", "QMATRIX[SQ001]", "QMATRIX[SQ002]", "KOMMENTAR"},
		{"1", "2027-03-10 10:15:00", "3", "de", "123", "2027-03-10 10:10:00", "2027-03-10 10:15:00", "192.0.2.10", "GS Am Markt", "5", "A4", "A5", `Alles gut, "schnelle" Hilfe`},
		{"2", "", "1", "de", "456", "2027-03-10 11:00:00", "2027-03-10 11:02:00", "192.0.2.11", "IGS Nord", "2", "", "", ""},
		{"3", "2027-03-11 08:00:00", "3", "de", "789", "2027-03-11 07:55:00", "2027-03-11 08:00:00", "192.0.2.12", "IGS Nord", "2", "A3", "A1", "Hotline\nschlecht erreichbar"},
		{"4", "2027-03-12 12:30:00", "3", "de", "321", "2027-03-12 12:20:00", "2027-03-12 12:30:00", "192.0.2.13", "Realschule Süd", "4", "A4", "", ""},
	}
	return limeSurveyCSV(rows)
}

// zammadRow is a row of the Zammad report: wall-clock times of Europe/Berlin.
type zammadRow struct {
	id                                    int
	title, state, prio, group, owner, cus string
	org                                   string
	created, firstResp, closed            string // "2006-01-02 15:04", "" = empty
	schulform                             string
}

// zammadXLSX is Zammad's reporting download: title in row 1, the period in row 2, the header in
// row 3, data from row 4 with real date cells, and the time-zone footer.
func zammadXLSX(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "Tickets - Erstellt (Reporting)")
	set("A2", "Zeitraum: 01.03.2027 - 31.03.2027")
	header := []string{"#", "Title", "State", "Priority", "Group", "Owner", "Customer", "Organization", "Create Channel", "Sender",
		"Tags", "Time Units Total", "Created At", "Updated At", "Closed At", "Close Escalation At", "First Response At", "Schulform"}
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(cell, h)
	}
	rows := []zammadRow{
		{31001, "Beamer ohne Bild", "closed", "3 high", "Hardware", "Jan Techniker", "Erika Mustermann", "GS Am Markt", "2027-03-01 08:05", "2027-03-01 08:20", "2027-03-01 11:30", "Grundschule"},
		{31002, "WLAN Altbau", "closed", "3 high", "Netzwerk", "Jan Techniker", "Max Muster", "IGS Nord", "2027-03-01 15:40", "2027-03-02 08:10", "2027-03-02 12:00", "Gesamtschule"},
		{31003, "Druckerpatrone", "open", "2 normal", "Hardware", "", "Erika Mustermann", "GS Am Markt", "2027-03-04 10:00", "", "", "Grundschule"},
		{31004, "Passwort", "closed", "1 low", "Konten", "Jan Techniker", "Lehrkraft 17", "Realschule Süd", "2027-03-05 07:55", "2027-03-05 08:00", "2027-03-05 08:30", "Realschule"},
		{31005, "Tablet-Koffer laden nicht", "pending reminder", "2 normal", "Tablets", "Jan Techniker", "Max Muster", "IGS Nord", "2027-03-29 09:00", "2027-03-29 09:30", "", "Gesamtschule"},
	}
	for k, r := range rows {
		row := k + 4
		vals := []any{r.id, r.title, r.state, r.prio, r.group, r.owner, r.cus, r.org, "email", "Customer", "", 0,
			cellTime(t, r.created), cellTime(t, r.created), cellTime(t, r.closed), "", cellTime(t, r.firstResp), r.schulform}
		for i, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			if v == nil {
				continue
			}
			set(cell, v)
		}
	}
	set("A"+strconv.Itoa(len(rows)+5), "Timezone: Europe/Berlin")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// cellTime is a wall-clock time for an Excel date cell (Excel has no zones), nil for "".
func cellTime(t *testing.T, s string) any {
	if s == "" {
		return nil
	}
	v, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
