package importers

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// Fixtures of issue 13 ("trustworthy numbers"): each is written in the real quirks of its
// format, and the KPIs computed from it are checked against values worked out by hand.
// go test ./persistence/importers -run TestWriteTrustFixtures -update rewrites them.

var trustFixtures = map[string]func(t *testing.T) []byte{
	"glpi_erste_antwort.csv": func(*testing.T) []byte { return glpiFirstResponse(true, time.March, 2000) },
	"glpi_ohne_antwort.csv":  func(*testing.T) []byte { return glpiFirstResponse(false, time.March, 2000) },
	"znuny_organisation.csv": znunyOrganisation,
	"zammad_kategorie.xlsx":  zammadKategorie,
	"znuny_utf8_stray.csv":   znunyUTF8Stray,
	"limesurvey_liste.csv":   func(*testing.T) []byte { return limeList(false) },
	"limesurvey_text.csv":    func(*testing.T) []byte { return limeList(true) },
	"Master.csv":             func(*testing.T) []byte { return []byte(asteriskCDR) },
	"anrufe_ohne_kopf.csv":   func(*testing.T) []byte { return []byte(headerlessCalls) },
	"glpi_pt.csv":            func(*testing.T) []byte { return glpiForeign(glpiPortuguese) },
	"glpi_pl.csv":            func(*testing.T) []byte { return glpiForeign(glpiPolish) },
	"limesurvey_en_7.csv":    func(*testing.T) []byte { return []byte(limeEnglish7) },
	// scales, choices and partial mappings (choices_test.go)
	"limesurvey_skalen.csv":       func(*testing.T) []byte { return limeSurveyCSV(limeScales) },
	"limesurvey_en_agree.csv":     func(*testing.T) []byte { return []byte(limeEnglishAgree) },
	"anrufe_klingelzeit.csv":      func(*testing.T) []byte { return []byte(callsRingColumn) },
	"Master_mit_ausgehend.csv":    func(*testing.T) []byte { return []byte(asteriskCDR + asteriskOutbound) },
	"limesurvey_fr.csv":           func(*testing.T) []byte { return []byte(limeFrench) },
	"glpi_cs.csv":                 func(*testing.T) []byte { return quoteAll(glpiCzech, ";") },
	"glpi_uebernahme.csv":         func(*testing.T) []byte { return quoteAll(glpiTakeOver, ";") },
	"glpi_april_ohne_antwort.csv": func(*testing.T) []byte { return glpiFirstResponse(false, time.April, 2100) },
}

// limeEnglish7 is a LimeSurvey export with English full-text headings (",", every field
// quoted), a 7-point agreement question exported as labelled answers, and one response never
// submitted.
const limeEnglish7 = "\"Response ID\",\"Date submitted\",\"Last page\",\"Start language\",\"Seed\",\"Date started\",\"Date last action\",\"The IT support solves my problems quickly.\"\r\n" +
	"\"1\",\"2027-03-01 10:00:00\",\"1\",\"en\",\"4\",\"2027-03-01 09:58:00\",\"2027-03-01 10:00:00\",\"Agree (6)\"\r\n" +
	"\"2\",\"2027-03-02 10:00:00\",\"1\",\"en\",\"3\",\"2027-03-02 09:58:00\",\"2027-03-02 10:00:00\",\"Strongly agree (7)\"\r\n" +
	"\"3\",\"\",\"0\",\"en\",\"2\",\"2027-03-02 11:00:00\",\"2027-03-02 11:00:00\",\"\"\r\n" +
	"\"4\",\"2027-03-03 10:00:00\",\"1\",\"en\",\"5\",\"2027-03-03 09:58:00\",\"2027-03-03 10:00:00\",\"Neither agree nor disagree (4)\"\r\n" +
	"\"5\",\"2027-03-04 10:00:00\",\"1\",\"en\",\"1\",\"2027-03-04 09:58:00\",\"2027-03-04 10:00:00\",\"Disagree (2)\"\r\n"

// GLPI list headers in Portuguese (in the alias table) and Polish (not in it).
var (
	glpiPortuguese = []string{"ID", "Título", "Status", "Data de abertura", "Última atualização", "Prioridade", "Categoria", "Entidade",
		"Requerente - Requerente", "Data de solução"}
	glpiPolish = []string{"ID", "Tytuł", "Status", "Data otwarcia", "Ostatnia aktualizacja", "Priorytet", "Kategoria", "Jednostka",
		"Zgłaszający - Zgłaszający", "Data rozwiązania"}
)

// glpiForeign is a GLPI 10 list in another interface language: BOM, every field quoted, a
// trailing ';', ids with a non-breaking space, dates dd-mm-YYYY HH:MM. The words of status and
// priority follow the header's language (Portuguese words for both; the values decide).
func glpiForeign(head []string) []byte {
	rows := [][]string{head,
		{"1" + nbsp + "201", "Projetor sem imagem", "Fechado", "01-03-2027 08:00", "01-03-2027 12:00", "Alta", "Hardware", "Escola A", "Ana", "01-03-2027 11:00"},
		{"1" + nbsp + "202", "WLAN", "Solucionado", "02-03-2027 09:00", "03-03-2027 10:00", "Muito alta", "Rede", "Escola B", "Rui", "02-03-2027 10:30"},
		{"1" + nbsp + "203", "Impressora", "Novo", "03-03-2027 10:00", "03-03-2027 10:05", "Média", "Hardware", "Escola A", "Ana", ""},
		{"1" + nbsp + "204", "Senha", "Fechado", "04-03-2027 07:30", "04-03-2027 09:00", "Baixa", "Contas", "Escola B", "Rui", "04-03-2027 08:00"},
	}
	return quoteAll(rows, ";")
}

// asteriskCDR is Asterisk's cdr_csv Master.csv: no header row, strings quoted ("" inside),
// numbers bare, local times, the documented column order with uniqueid and userfield.
const asteriskCDR = `"","05121123456","600","from-external","""Erika Mustermann"" <05121123456>","SIP/trunk-00000001","SIP/600-00000002","Dial","SIP/600,30,tT","2027-03-01 08:00:05","2027-03-01 08:00:20","2027-03-01 08:03:20",195,180,"ANSWERED","DOCUMENTATION","1803877205.1",""
"","05121654321","600","from-external","""IGS Nord"" <05121654321>","SIP/trunk-00000003","SIP/600-00000004","Dial","SIP/600,30,tT","2027-03-01 08:10:00","","2027-03-01 08:10:40",40,0,"NO ANSWER","DOCUMENTATION","1803877800.3",""
"","01701111111","600","from-external","""Max Muster"" <01701111111>","SIP/trunk-00000005","SIP/600-00000006","Dial","SIP/600,30,tT","2027-03-01 09:00:00","2027-03-01 09:00:25","2027-03-01 09:02:05",125,100,"ANSWERED","DOCUMENTATION","1803880800.5",""
"","05121999999","600","from-external","""Realschule"" <05121999999>","SIP/trunk-00000007","","Dial","SIP/600,30,tT","2027-03-01 09:30:00","","2027-03-01 09:30:03",3,0,"BUSY","DOCUMENTATION","1803882600.7",""
`

// headerlessCalls is a phone system's log without a header: time, answered, wait, talk.
const headerlessCalls = "01.03.2027 08:00:05;ja;15;180\r\n01.03.2027 08:10:00;nein;40;0\r\n01.03.2027 09:00:00;ja;25;100\r\n"

func TestWriteTrustFixtures(t *testing.T) {
	for name, make := range trustFixtures {
		if !*update {
			if _, err := os.Stat(fixture(name)); err != nil {
				t.Errorf("fixture %s missing (go test -run TestWriteTrustFixtures -update): %v", name, err)
			}
			continue
		}
		if err := os.WriteFile(fixture(name), make(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// glpiTimes are the ten tickets of the GLPI fixture: created on 1–10 March 2027 at 09:00, the
// first answer and the solution so many minutes later.
var glpiTimes = []struct{ resp, solve int }{
	{10, 30}, {20, 50}, {30, 120}, {40, 180}, {50, 240}, {55, 300}, {60, 360}, {90, 400}, {120, 420}, {180, 470},
}

// glpiFirstResponse is a GLPI 10 list in German: BOM, every field quoted, a delimiter after the
// last field, dates as dd-mm-YYYY HH:MM. Its first-response column is "Erste Antwort" (a
// column GLPI's own names do not cover) and its school column "Standort".
func glpiFirstResponse(withResponse bool, month time.Month, firstID int) []byte {
	head := []string{"ID", "Titel", "Status", "Eröffnungsdatum", "Erste Antwort", "Lösungsdatum", "Priorität", "Kategorie", "Standort", "Anforderer - Anforderer"}
	if !withResponse {
		head = slices.Delete(head, 4, 5)
	}
	rows := [][]string{head}
	for i, x := range glpiTimes {
		created := time.Date(2027, month, i+1, 9, 0, 0, 0, time.UTC)
		school := "GS Am Markt"
		if i%2 == 1 {
			school = "IGS Nord"
		}
		r := []string{fmt.Sprint(firstID + i), "Störung " + fmt.Sprint(i+1), "Gelöst", created.Format("02-01-2006 15:04"),
			created.Add(time.Duration(x.resp) * time.Minute).Format("02-01-2006 15:04"),
			created.Add(time.Duration(x.solve) * time.Minute).Format("02-01-2006 15:04"),
			"Mittel", "Netzwerk > WLAN", school, "Erika Mustermann"}
		if !withResponse {
			r = slices.Delete(r, 4, 5)
		}
		rows = append(rows, r)
	}
	return quoteAll(rows, ";")
}

// znunyOrganisation is a Znuny 6 ticket list: ';', Windows-1252, CRLF, dd.mm.YYYY HH:MM:SS, the
// school in "Organisation" (no "Kunde" column).
func znunyOrganisation(t *testing.T) []byte {
	text := "Ticket#;Titel;Erstellt;Erste Reaktion;Schließzeit;Queue;Status;Priorität;Organisation;Kundenbenutzer\r\n" +
		"2027030110000011;Beamer defekt;01.03.2027 08:12:00;01.03.2027 08:40:00;01.03.2027 12:00:00;Hardware;erfolgreich geschlossen;3 normal;Grundschule Am Mühlenteich;e.mustermann\r\n" +
		"2027030110000022;Passwort;01.03.2027 09:00:00;01.03.2027 09:05:00;01.03.2027 09:30:00;Konten;erfolgreich geschlossen;3 normal;Oberschule Süd;m.muster\r\n" +
		"2027030210000033;Netz weg;02.03.2027 07:30:00;02.03.2027 07:35:00;;Netzwerk;offen;3 normal;Grundschule Am Mühlenteich;a.berg\r\n"
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// znunyUTF8Stray is a Znuny list exported as UTF-8 (Znuny's default) with one byte from a
// Windows-1252 copy-and-paste in a title: "Caf\xe9" in line 3.
func znunyUTF8Stray(*testing.T) []byte {
	return []byte("Ticket#;Titel;Erstellt;Erste Reaktion;Schließzeit;Queue;Status;Priorität;Organisation\r\n" +
		"2027030110000011;Beamer;01.03.2027 08:12:00;01.03.2027 08:40:00;01.03.2027 12:00:00;Hardware;geschlossen;3 normal;Grundschule Am Mühlenteich\r\n" +
		"2027030110000022;Caf\xe9-Automat Lehrerzimmer;01.03.2027 09:00:00;01.03.2027 09:05:00;;Hardware;offen;3 normal;Grundschule Am Mühlenteich\r\n" +
		"2027030210000033;Netz;02.03.2027 07:30:00;02.03.2027 07:35:00;;Netzwerk;offen;3 normal;Oberschule Süd\r\n")
}

// limeList is a LimeSurvey 6 response export (CSV, ';', every field quoted, "" inside quotes,
// CRLF, BOM): response 3 was never submitted; SCHULFORM and KANAL are list questions whose
// answers are LimeSurvey's answer codes A1, A2 …; ZUFR is the 1–5 satisfaction scale. With
// texts, the headings are LimeSurvey's "question code & question text" form.
func limeList(texts bool) []byte {
	head := []string{"id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "SCHULFORM", "ZUFR", "KANAL", "KOMMENTAR"}
	if texts {
		head = []string{"id. Antwort ID", "submitdate. Datum Abgeschickt", "lastpage. Letzte Seite", "startlanguage. Start-Sprache",
			"seed. Zufallsstartwert", "startdate. Datum gestartet", "datestamp. Datum der letzten Aktivität", "SCHULFORM. Welche Schulform?",
			"ZUFR. Wie zufrieden sind Sie mit dem IT-Support insgesamt?", "KANAL. Wie haben Sie uns erreicht?", "KOMMENTAR. Anmerkungen"}
	}
	rows := [][]string{head,
		{"1", "2027-03-01 10:00:00", "2", "de", "111", "2027-03-01 09:55:00", "2027-03-01 10:00:00", "A1", "5", "A2", `Techniker war "super"`},
		{"2", "2027-03-02 10:00:00", "2", "de", "222", "2027-03-02 09:50:00", "2027-03-02 10:00:00", "A2", "4", "A1", ""},
		{"3", "", "1", "de", "333", "2027-03-02 11:00:00", "2027-03-02 11:01:00", "A3", "", "", ""},
		{"4", "2027-03-03 10:00:00", "2", "de", "444", "2027-03-03 09:58:00", "2027-03-03 10:00:00", "A3", "5", "A3", ""},
		{"5", "2027-03-04 10:00:00", "2", "de", "555", "2027-03-04 09:40:00", "2027-03-04 10:00:00", "A1", "4", "A1", "schnell; freundlich"},
	}
	return limeSurveyCSV(rows)
}

// zammadKategorie is a Zammad report as XLSX: two title rows, the header in row 3, date cells,
// a "Timezone" footer; it has both "Gruppe" (the team) and "Kategorie" (a custom field).
func zammadKategorie(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	set := func(cell string, v any) {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "Tickets - Erstellt (Reporting)")
	set("A2", "Zeitraum: 01.03.2027 - 31.03.2027")
	head := []string{"#", "Titel", "Status", "Priorität", "Gruppe", "Kategorie", "Organisation", "Erstellt am", "Erste Reaktion am", "Geschlossen am"}
	for i, h := range head {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(c, h)
	}
	rows := [][]any{
		{31001, "Beamer", "geschlossen", "2 normal", "Support", "Hardware", "GS Am Markt", "2027-03-01 08:05", "2027-03-01 08:20", "2027-03-01 11:30"},
		{31002, "WLAN", "geschlossen", "2 normal", "Support", "Netzwerk", "IGS Nord", "2027-03-02 09:00", "2027-03-02 09:10", "2027-03-02 12:00"},
		{31003, "Drucker", "offen", "2 normal", "Support", "Hardware", "IGS Nord", "2027-03-03 10:00", "", ""},
	}
	for k, r := range rows {
		for i, v := range r {
			if s, ok := v.(string); ok && i >= 7 {
				if s == "" {
					continue
				}
				v = cellTime(t, s)
			}
			c, _ := excelize.CoordinatesToCellName(i+1, k+4)
			set(c, v)
		}
	}
	set("A8", "Timezone: Europe/Berlin")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// trustProject has one SLA with one class P1 in calendar time: response 60 min, solution 8 h.
func trustProject() *domain.Project {
	p := domain.NewProject("Vertrauen", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Meta.Bundesland = "NI"
	p.SLAs = []domain.SLA{{ID: 1, Name: "Standard", Classes: []domain.PriorityClassTarget{
		{Code: "P1", ResponseMinutes: 60, RestoreMinutes: 480, CalendarTime: true}}}}
	return p
}

// importInto reads a fixture as `lotse import` does and stores tickets and mapping in p.
func importInto(t *testing.T, p *domain.Project, name string) *TicketFile {
	t.Helper()
	return importWith(t, p, name, FormatAuto, nil)
}

func importWith(t *testing.T, p *domain.Project, name, format string, override map[string]string) *TicketFile {
	t.Helper()
	tab := readFixture(t, name)
	tf, m, _, err := TicketsForProject(tab, format, override, p)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := tf.Tickets(m, p.ClassCodes(), p.Packages)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ts {
		ts[i].ID = int64(i + 1)
	}
	p.Tickets = ts
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	for k, v := range TicketConfig(p, tf, m) {
		p.Config[k] = v
	}
	return tf
}

var marchPeriod = kpi.Period{From: domain.NewDate(2027, 3, 1), To: domain.NewDate(2027, 3, 31)}

func trustKPIs(t *testing.T, p *domain.Project) *kpi.Report {
	t.Helper()
	r, err := kpi.Compute(p, marchPeriod, kpi.Options{AsOf: time.Date(2027, 3, 31, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// trustHotline reads the calls of tab for the trust project (format and column choices as
// given) and returns them with the hotline figures of March.
func trustHotline(t *testing.T, tab *Table, format string, choices map[string]string) (*CallFile, kpi.HotlineKPIs) {
	t.Helper()
	cf, _, err := CallsForProject(tab, format, choices, trustProject())
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	p := trustProject()
	p.Calls = cf.Calls
	return cf, trustKPIs(t, p).Hotline
}

// Issue 13, 1.1 and 1.6: GLPI's "Erste Antwort" is read (before, the column was dropped and the
// solution stood in for the answer) and "Standort" names the school.
func TestGLPIFirstResponseColumnIsMeasured(t *testing.T) {
	p := trustProject()
	tf := importInto(t, p, "glpi_erste_antwort.csv")
	if tf.Format != FormatGLPI || !tf.HasColumn(FieldFirstResponse) || tf.Headers[tf.Columns[FieldFirstResponse]] != "Erste Antwort" {
		t.Fatalf("format %s, columns %v", tf.Format, tf.Columns)
	}
	// Only the requester is left over; the empty header after the trailing ';' is not a column.
	if u := tf.Unused(); !slices.Equal(u, []string{"Titel", "Anforderer - Anforderer"}) {
		t.Errorf("unused = %q", u)
	}
	r := trustKPIs(t, p)
	resp := r.Tickets.Total.Response
	// Answers after 10, 20, 30, 40, 50, 55, 60 | 90, 120, 180 min against 60 min: 7 of 10 = 70 %.
	// (With the solution in place of the answer — 30, 50 | 120 … 470 min — it was 2 of 10 = 20 %.)
	if resp.Measured != 10 || resp.Within != 7 || resp.SharePct != 70 {
		t.Errorf("response = %+v, want 7 of 10", resp)
	}
	// Median of the ten sorted answers: (50 + 55) / 2 = 52.5; P90 at rank 9·0.9 = 8.1:
	// 120 + 0.1·(180 − 120) = 126.
	if resp.MedianMin != 52.5 || resp.P90Min != 126 {
		t.Errorf("response median %v, P90 %v, want 52.5 and 126", resp.MedianMin, resp.P90Min)
	}
	if in, _ := r.Indicator("kpi.response_share"); in.NotMeasured || !in.HasValue || in.Value != 70 {
		t.Errorf("indicator = %+v", in)
	}
	// Standort: tickets 1, 3, 5, 7, 9 at GS Am Markt, 2, 4, 6, 8, 10 at IGS Nord.
	if g := r.Tickets.BySchool; len(g) != 2 || g[0].Key != "GS Am Markt" || g[0].Tickets != 5 || g[1].Key != "IGS Nord" || g[1].Tickets != 5 {
		t.Errorf("by school = %+v", g)
	}
}

// Issue 13, 1.1: without a first-response column the response is "not measured", not the
// solution time (which would give 2 of 10 = 20 %).
func TestNoFirstResponseColumnIsNotMeasured(t *testing.T) {
	p := trustProject()
	tf := importInto(t, p, "glpi_ohne_antwort.csv")
	if tf.HasColumn(FieldFirstResponse) {
		t.Fatalf("columns %v", tf.Columns)
	}
	r := trustKPIs(t, p)
	if !r.ResponseNotMeasured || r.Tickets.Total.Response.Measured != 0 || r.Tickets.Total.Response.Times != 0 {
		t.Errorf("response = %+v, not measured %v", r.Tickets.Total.Response, r.ResponseNotMeasured)
	}
	in, _ := r.Indicator("kpi.response_share")
	if !in.NotMeasured || in.HasValue || in.Light != kpi.LightNone {
		t.Errorf("indicator = %+v", in)
	}
	// Solutions after 30 … 470 min, all within 480 min: 10 of 10.
	if rest := r.Tickets.Total.Restore; rest.Within != 10 || rest.Measured != 10 {
		t.Errorf("restore = %+v", rest)
	}
	for _, b := range r.Tickets.Breaches {
		if b.Kind == kpi.KindResponse {
			t.Errorf("response breach %+v", b)
		}
	}
}

// Issue 13, 1.6: Znuny's "Organisation" is the school; Windows-1252 umlauts survive.
func TestZnunyOrganisationIsTheSchool(t *testing.T) {
	p := trustProject()
	tf := importInto(t, p, "znuny_organisation.csv")
	if tf.Format != FormatZnuny || tf.Table.Encoding != Encoding1252 {
		t.Fatalf("format %s, encoding %s", tf.Format, tf.Table.Encoding)
	}
	// Tickets 1 and 3 at the Grundschule, ticket 2 at the Oberschule.
	r := trustKPIs(t, p)
	if g := r.Tickets.BySchool; len(g) != 2 || g[0].Key != "Grundschule Am Mühlenteich" || g[0].Tickets != 2 || g[1].Key != "Oberschule Süd" || g[1].Tickets != 1 {
		t.Errorf("by school = %+v", g)
	}
}

// Issue 13, 1.2: Zammad's "Kategorie" wins over "Gruppe".
func TestZammadCategoryColumnWinsOverGroup(t *testing.T) {
	p := trustProject()
	tf := importInto(t, p, "zammad_kategorie.xlsx")
	if tf.Format != FormatZammad || tf.Table.Lines[tf.HeaderRow] != 3 {
		t.Fatalf("format %s, header in line %d", tf.Format, tf.Table.Lines[tf.HeaderRow])
	}
	// Two tickets in Hardware (31001, 31003), one in Netzwerk (31002); none in "Support".
	r := trustKPIs(t, p)
	if g := r.Tickets.ByCategory; len(g) != 2 || g[0].Key != "Hardware" || g[0].Tickets != 2 || g[1].Key != "Netzwerk" || g[1].Tickets != 1 {
		t.Errorf("by category = %+v", g)
	}
	if !strings.Contains(strings.Join(tf.Unused(), "|"), "Gruppe") {
		t.Errorf("unused = %q, want Gruppe among them", tf.Unused())
	}
}

// Issue 13, 1.7: one stray byte does not turn a UTF-8 file into Windows-1252 ("Mühlenteich"
// read as "MÃ¼hlenteich" would make one school two); the line is named.
func TestStrayByteKeepsUTF8(t *testing.T) {
	p := trustProject()
	tf := importInto(t, p, "znuny_utf8_stray.csv")
	// Evidence: ü, ü (two Mühlenteich), ß, ä (header), ü (Süd) are valid sequences, one byte is not.
	if tf.Table.Encoding != EncodingUTF8 || !slices.Equal(tf.Table.StrayLines, []int{3}) {
		t.Fatalf("encoding %s, stray lines %v", tf.Table.Encoding, tf.Table.StrayLines)
	}
	// Tickets 1 and 2 at the Grundschule, ticket 3 at the Oberschule: two schools, not three.
	r := trustKPIs(t, p)
	if g := r.Tickets.BySchool; len(g) != 2 || g[0].Key != "Grundschule Am Mühlenteich" || g[0].Tickets != 2 || g[1].Key != "Oberschule Süd" {
		t.Errorf("by school = %+v", g)
	}
}

// Issue 13, 1.2 and 1.5: the user's choice goes over the detection, by header or by number.
func TestOverrideMapsSingleFields(t *testing.T) {
	for _, col := range []string{"Gruppe", "5"} { // "Gruppe" is the 5th column
		p := trustProject()
		tf := importWith(t, p, "zammad_kategorie.xlsx", FormatAuto, map[string]string{FieldCategory: col})
		if tf.Headers[tf.Columns[FieldCategory]] != "Gruppe" || !slices.Contains(tf.Unused(), "Kategorie") {
			t.Errorf("category=%s: columns %v, unused %q", col, tf.Columns, tf.Unused())
		}
		// All three tickets are in the group "Support".
		if g := trustKPIs(t, p).Tickets.ByCategory; len(g) != 1 || g[0].Key != "Support" || g[0].Tickets != 3 {
			t.Errorf("category=%s: by category %+v", col, g)
		}
	}
	// "-" leaves the first response unmapped: response is then not measured.
	p := trustProject()
	tf := importWith(t, p, "glpi_erste_antwort.csv", FormatAuto, map[string]string{FieldFirstResponse: Unmapped})
	if tf.HasColumn(FieldFirstResponse) || !trustKPIs(t, p).ResponseNotMeasured {
		t.Errorf("columns %v", tf.Columns)
	}
	tab := readFixture(t, "glpi_erste_antwort.csv")
	if _, _, _, err := TicketsForProject(tab, FormatAuto, map[string]string{FieldSchool: "Schule"}, trustProject()); !isKey(err, ErrUnknownColumn) {
		t.Errorf("a column the file lacks: %v", err)
	}
}

// Issue 13, 1.5: a generic column mapping saved from an earlier file does not block a file with
// other columns: the columns are detected anew and the file says so.
func TestSavedMappingFallsBackToDetection(t *testing.T) {
	p := trustProject()
	p.Config = map[string]string{domain.ConfigGenericColumns: domain.ConfigJSON(domain.GenericColumns{
		Tickets: &domain.ColumnMapping{Columns: map[string]string{FieldExternalID: "Nr.", FieldCreated: "Erstellt am", FieldPriority: "Prio"}}})}
	tf := importWith(t, p, "glpi_erste_antwort.csv", FormatGeneric, nil)
	if !tf.SavedMappingIgnored || tf.Format != FormatGLPI || len(tf.Rows) != 10 {
		t.Errorf("ignored %v, format %s, %d rows", tf.SavedMappingIgnored, tf.Format, len(tf.Rows))
	}
	// A saved mapping that fits is used and not reported.
	p.Config[domain.ConfigGenericColumns] = domain.ConfigJSON(domain.GenericColumns{
		Tickets: &domain.ColumnMapping{Columns: map[string]string{FieldExternalID: "ID", FieldCreated: "Eröffnungsdatum", FieldPriority: "Priorität"}}})
	if tf := importWith(t, p, "glpi_erste_antwort.csv", FormatGeneric, nil); tf.SavedMappingIgnored || tf.Format != FormatGeneric {
		t.Errorf("fitting mapping: ignored %v, format %s", tf.SavedMappingIgnored, tf.Format)
	}
}

// Issue 13, 1.4: answer codes of list questions are no scores. Guessed, only ZUFR counts:
// 5, 4, 5, 4 → all four satisfied, CSAT 100 %, mean 18 / 4 = 4.5. (Read as scores, SCHULFORM
// 1, 2, 3, 1 and KANAL 2, 1, 3, 1 joined them: 4 of 12 satisfied = 33.3 %, mean (18 + 7 + 7) / 12 = 2.67.)
func TestLimeSurveyListCodesAreNoScores(t *testing.T) {
	for _, name := range []string{"limesurvey_liste.csv", "limesurvey_text.csv"} {
		tab := readFixture(t, name)
		p := trustProject()
		sf, _, _, err := SurveyForProject(tab, FormatAuto, nil, SurveyChoices{}, p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(sf.Questions) != 1 || !strings.HasPrefix(sf.Questions[0], "ZUFR") || sf.Incomplete != 1 || len(sf.Answers) != 4 {
			t.Fatalf("%s: questions %q, incomplete %d, %d answers", name, sf.Questions, sf.Incomplete, len(sf.Answers))
		}
		p.SurveyAnswers = sf.Answers
		s := trustKPIs(t, p).Satisfaction
		if s.Answers != 4 || s.CSATPct != 100 || s.Mean != 4.5 {
			t.Errorf("%s: satisfaction = %+v", name, s)
		}
		// The dashboard and the PDF show the question's text, or the code without one.
		want := "ZUFR"
		if name == "limesurvey_text.csv" {
			want = "Wie zufrieden sind Sie mit dem IT-Support insgesamt?"
		}
		if q := s.ByQuestion; len(q) != 1 || q[0].Label != want {
			t.Errorf("%s: by question %+v", name, q)
		}
		// Named by the user, the name wins.
		p.Config = map[string]string{domain.ConfigSurveyMapping: domain.ConfigJSON(domain.SurveyMapping{Names: map[string]string{sf.Questions[0]: "Gesamtzufriedenheit"}})}
		if q := trustKPIs(t, p).Satisfaction.ByQuestion; q[0].Label != "Gesamtzufriedenheit" {
			t.Errorf("%s: named %+v", name, q)
		}
	}
	// Chosen in the mapping, a list question counts with its codes (the user says it is a scale).
	tab, _ := ReadFile(fixture("limesurvey_liste.csv"))
	sf, err := ReadSurvey(tab, SurveyOptions{Mapping: domain.SurveyMapping{Questions: []string{"ZUFR", "KANAL"}}})
	if err != nil || len(sf.Answers) != 8 {
		t.Errorf("chosen: %v, %d answers", err, len(sf.Answers))
	}
}

// Section 2: Asterisk's Master.csv is read in its documented order. By hand: calls at 08:00:05
// (answered, 195 − 180 = 15 s ringing, 180 s talk), 08:10 (no answer), 09:00 (answered,
// 125 − 100 = 25 s, 100 s), 09:30 (busy): 2 of 4 answered = 50 %, ASA (15 + 25) / 2 = 20 s,
// talk (180 + 100) / 2 = 140 s.
func TestAsteriskMasterCSV(t *testing.T) {
	tab := readFixture(t, "Master.csv")
	for _, format := range []string{FormatAuto, FormatAsterisk} {
		cf, h := trustHotline(t, tab, format, nil)
		if !cf.Headerless || h.Calls != 4 || h.Answered != 2 || h.AnsweredPct != 50 || h.ASASeconds != 20 || h.MeanTalkSeconds != 140 {
			t.Errorf("%s: headerless %v, hotline %+v", format, cf.Headerless, h)
		}
		if !cf.Calls[0].At.Equal(time.Date(2027, 3, 1, 7, 0, 5, 0, time.UTC)) { // 08:00:05 in Berlin (CET)
			t.Errorf("%s: first call at %v", format, cf.Calls[0].At)
		}
	}
	// A headerless log with its columns mapped by number: 2 of 3 answered, ASA (15 + 25) / 2 = 20 s.
	tab, err := ReadFile(fixture("anrufe_ohne_kopf.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := CallsForProject(tab, FormatAuto, nil, trustProject()); !isKey(err, ErrNoHeader) {
		t.Errorf("without a mapping: %v", err)
	}
	if _, h := trustHotline(t, tab, FormatAuto, map[string]string{CallAt: "1", CallAnswered: "2", CallWait: "3", CallTalk: "4"}); h.Calls != 3 || h.Answered != 2 || h.ASASeconds != 20 {
		t.Errorf("numbered: %+v", h)
	}
}

// Section 2: GLPI in Portuguese is read by its header words; in Polish, which no alias knows,
// by the values: distinct whole numbers (ID), the date-time column that is earliest in every
// row (opening, not the last update), priority words and status words.
func TestGLPIOtherLanguages(t *testing.T) {
	p := trustProject()
	tf := importInto(t, p, "glpi_pt.csv")
	if tf.Format != FormatGLPI || tf.ByValues || !tf.HasColumn(FieldResolved) || tf.Headers[tf.Columns[FieldSchool]] != "Entidade" {
		t.Errorf("portuguese: format %s, by values %v, columns %v", tf.Format, tf.ByValues, tf.Columns)
	}
	p = trustProject()
	tf = importWith(t, p, "glpi_pl.csv", FormatGLPI, nil)
	h := func(field string) string {
		if c, ok := tf.Columns[field]; ok {
			return tf.Headers[c]
		}
		return ""
	}
	if !tf.ByValues || h(FieldExternalID) != "ID" || h(FieldCreated) != "Data otwarcia" || h(FieldPriority) != "Priorytet" || h(FieldStatus) != "Status" {
		t.Fatalf("polish: by values %v, columns %v", tf.ByValues, tf.Columns)
	}
	if len(p.Tickets) != 4 || p.Tickets[0].ExternalID != "1201" {
		t.Errorf("polish tickets %+v", p.Tickets)
	}
	// The solution date is offered as unused and mapped by hand: three tickets solved after
	// 180, 90 and 30 min, all within 480 min (ticket 1203 is open, 3 March 10:00 → 31 March
	// 12:00 is far past 480 min: a breach).
	p = trustProject()
	importWith(t, p, "glpi_pl.csv", FormatAuto, map[string]string{FieldResolved: "Data rozwiązania"})
	if rest := trustKPIs(t, p).Tickets.Total.Restore; rest.Within != 3 || rest.Measured != 4 || rest.Breaches != 1 {
		t.Errorf("restore = %+v", rest)
	}
}

// Section 2: English full-text headings are read ("Date submitted"; "Last page" and "Seed" are
// no questions), and a 7-point scale is put onto 1–5 in the mapping: 1 + (x − 1)·4/6 gives
// 6 → 4.33 → 4, 7 → 5, 4 → 3, 2 → 1.67 → 2. Satisfied (4–5): 2 of 4 = 50 %; mean
// (4 + 5 + 3 + 2) / 4 = 3.5.
func TestLimeSurveyEnglishSevenPoints(t *testing.T) {
	tab := readFixture(t, "limesurvey_en_7.csv")
	// Guessed, nothing counts: the labelled answers are no numbers, the system columns no questions.
	if _, err := ReadSurvey(tab, SurveyOptions{}); !isKey(err, ErrNoQuestions) {
		t.Errorf("guessed: %v", err)
	}
	q := "The IT support solves my problems quickly."
	sf, err := ReadSurvey(tab, SurveyOptions{Mapping: domain.SurveyMapping{Questions: []string{q}, ScaleMax: 7}})
	if err != nil {
		t.Fatal(err)
	}
	if sf.Incomplete != 1 || len(sf.Answers) != 4 {
		t.Fatalf("incomplete %d, %d answers", sf.Incomplete, len(sf.Answers))
	}
	p := trustProject()
	p.SurveyAnswers = sf.Answers
	if s := trustKPIs(t, p).Satisfaction; s.Answers != 4 || s.CSATPct != 50 || s.Mean != 3.5 || s.Counts != [5]int{0, 1, 1, 1, 1} {
		t.Errorf("satisfaction = %+v", s)
	}
	// Without the scale the 6 and 7 are no scores: the file is refused with the cell named.
	if _, err := ReadSurvey(tab, SurveyOptions{Mapping: domain.SurveyMapping{Questions: []string{q}}}); !isKey(err, ErrScore) {
		t.Errorf("1–5 mapping: %v", err)
	}
}
